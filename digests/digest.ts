/** The neutral digest: what a digest says, before any platform renders it. Composed by compose-digest.ts. */
import type { Labeled } from '../src/search/search-answer.js';

/** Another outlet's telling of the same story. */
export interface DigestSource {
  readonly reportId: number;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly title: string;
  readonly publishedAt: string | null;
}

/** Casualty figures stated in the report (null when it states none of that kind). */
export interface DigestCasualties {
  readonly killed: number | null;
  readonly wounded: number | null;
}

/** One story: a report, and the other outlets that told it too. */
export interface DigestItem {
  readonly reportId: number;
  readonly title: string;
  /** One sentence from the report itself, the one that carries the event; never cut mid-word. */
  readonly summary: string;
  readonly publishedAt: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly events: readonly Labeled[];
  readonly casualties: DigestCasualties | null;
  readonly alsoReportedBy: readonly DigestSource[];
  /** Higher first within a group: casualties, then violent events, then the rest (commentary). */
  readonly significance: number;
}

/** The stories of one governorate; `governorate` null is "other places / no place" and comes last. */
export interface DigestGroup {
  readonly governorate: Labeled | null;
  readonly items: readonly DigestItem[];
}

export interface Digest {
  /** The reports covered: arrived after `from` (null: the beginning) up to `to` (ISO instants). */
  readonly period: { readonly from: string | null; readonly to: string };
  /** IANA time zone the digest's dates are shown in. */
  readonly timezone: string;
  readonly counts: {
    /** New reports covered (before merging). */
    readonly reports: number;
    /** Stories after merging one story told by several outlets. */
    readonly stories: number;
    readonly governorates: number;
    readonly eventTypes: number;
    /** Stories that tell of an event (a main event), and their killed and wounded (each story's own toll, summed). */
    readonly events: number;
    readonly killed: number;
    readonly wounded: number;
  };
  /** The kinds of event in the digest, most frequent first. */
  readonly eventTypes: readonly Labeled[];
  readonly groups: readonly DigestGroup[];
  /** Stories left out because of the subscription's item cap (the least significant). */
  readonly omitted: number;
}
