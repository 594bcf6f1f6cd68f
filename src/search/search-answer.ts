/** The neutral answer to a query, with display names, that every renderer (console, Telegram, Discord) formats. */
import type { ParsedQuery } from './parse-query.js';
import type { SearchHit } from './search-types.js';

/** A recognized place, event type or actor, with its names in both languages. */
export interface Labeled {
  readonly key: string;
  readonly en: string;
  readonly ar: string;
}

/** A search hit with its places and events named in both languages. */
export interface AnswerItem extends Omit<SearchHit, 'places' | 'events'> {
  readonly places: readonly Labeled[];
  readonly events: readonly Labeled[];
}

export interface Interpretation {
  readonly places: readonly Labeled[];
  readonly events: readonly Labeled[];
  readonly actors: readonly Labeled[];
  /** Analyzed Arabic terms the free words became. */
  readonly terms: readonly string[];
  readonly phrases: readonly string[];
  readonly since: string | null;
  readonly until: string | null;
  readonly ignored: readonly string[];
  readonly suggestions: readonly { word: string; places: readonly string[] }[];
}

export interface SearchAnswer {
  readonly query: string;
  /** The language to answer in: Arabic when the query has Arabic letters. */
  readonly lang: 'ar' | 'en';
  /** The query as parsed (null for the latest reports): hand it back to `search` to page without parsing again. */
  readonly parsed: ParsedQuery | null;
  readonly interpretation: Interpretation;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** True when no report matches every part of the query: the results match some of it. */
  readonly relaxed: boolean;
  /** When a date range left nothing: reports of unknown date that match the rest of the query. */
  readonly undated: number;
  readonly items: readonly AnswerItem[];
}

/** The `rasid search --json` shape (snake_case, as documented in the README). */
export function searchAnswerJson(answer: SearchAnswer): unknown {
  const i = answer.interpretation;
  return {
    query: answer.query,
    interpretation: {
      places: i.places,
      events: i.events,
      actors: i.actors,
      terms: i.terms,
      phrases: i.phrases,
      since: i.since,
      until: i.until,
      ignored: i.ignored,
      suggestions: i.suggestions,
    },
    total: answer.total,
    offset: answer.offset,
    limit: answer.limit,
    relaxed: answer.relaxed,
    undated: answer.undated,
    results: answer.items.map((r) => ({
      id: r.id,
      external_id: r.externalId,
      url: r.url,
      title: r.title,
      source: r.source,
      published_at: r.publishedAt,
      score: r.score,
      snippet: r.snippet,
      places: r.places,
      events: r.events,
      matched: r.matched,
      missing: r.missing,
    })),
  };
}
