// Composes the neutral digest of new reports: stories merged across outlets, ranked, grouped by governorate.

import type { Labeled } from '../src/search/search-answer.js';
import { EVENT_TYPES, eventType, type EventKey } from '../src/understand/events.js';
import { loadGazetteer } from '../src/understand/gazetteer.js';
import type { ReportUnderstanding } from '../src/understand/understand-report.js';
import type { StoryHashes } from '../src/text/min-hash.js';
import { findDuplicateStories } from './compose/find-duplicate-stories.js';
import { hasEventRecords, mainEvent, storyGovernorate, storyToll } from './compose/main-event.js';
import { readsLead, significance, statedCasualties } from './compose/significance.js';
import { summarySentence } from './compose/summary-sentence.js';
import type { Digest, DigestCasualties, DigestGroup, DigestItem, DigestSource } from './digest.js';

/**
 * What the composer gets for each new report (the caller reads it from the store). A digest of
 * many reports needs little of each: the store's DigestRow (no body, part of the understanding,
 * the stored story fingerprint), with `full` giving the rest for the stories shown.
 */
export interface DigestReport {
  readonly id: number;
  readonly title: string;
  /**
   * The body; may be null when `story` is given and the understanding has no event casualties
   * (whose place in the lead is read from the body), with `bodyLengths` and `full` given to
   * read what else is needed of it. Composing throws otherwise.
   */
  readonly body: string | null;
  readonly source: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly ingestedAt: string;
  /**
   * The understanding: whole, or (with `full`) its places, events, casualties, incident and
   * eventRecords holding only the main event: all that ranking and merging read.
   */
  readonly understanding: ReportUnderstanding;
  /** The shingles and signature stored at ingest; absent or null: computed here from title and body. */
  readonly story?: StoryHashes | null;
}

/** The whole body and understanding of a report, for the summary sentence of a story shown. */
export interface FullReport {
  readonly body: string;
  readonly understanding: ReportUnderstanding;
}

export interface ComposeOptions {
  readonly period: { from: string | null; to: string };
  readonly timezone: string;
  /** Stories shown at most (the most significant); the rest are counted in `omitted`. Default 30. */
  readonly itemCap?: number;
  /** Reports within this many days of each other can be one story. Default 3. */
  readonly mergeWindowDays?: number;
  /** The whole reports of `ids` (the primaries of the stories shown); default: the reports as given. */
  readonly full?: (ids: readonly number[]) => ReadonlyMap<number, FullReport>;
  /**
   * The body lengths (`body.length`) of `ids`: reports given without their body that share a
   * story with others (the longest telling is the story's primary); default: body.length.
   */
  readonly bodyLengths?: (ids: readonly number[]) => ReadonlyMap<number, number>;
}

/** Stories shown by default: a digest read in one sitting on a phone. */
export const DEFAULT_ITEM_CAP = 30;
/** Days within which reports can be one story by default: outlets carry a wire story within a day or two. */
export const DEFAULT_MERGE_WINDOW_DAYS = 3;
/** Event types listed per item at most: the story's main kinds, not every word the text uses. */
export const ITEM_EVENT_TYPES = 3;

/** A report with what the composer works out about it once. */
interface Prepared {
  readonly report: DigestReport;
  /** Published, else ingested, epoch milliseconds (0 when neither parses). */
  readonly time: number;
  readonly governorate: string | null;
  readonly significance: number;
}

/** One story: its primary report and the others that told it. */
interface Story {
  readonly primary: Prepared;
  readonly others: readonly Prepared[];
  readonly governorate: string | null;
  readonly significance: number;
  /** The story's killed and wounded (see storyToll), or the primary's stated figures for a report without event records. */
  readonly casualties: DigestCasualties | null;
  readonly hasEvent: boolean;
}

/** Throws RangeError unless `timezone` is an IANA time zone the runtime knows. */
function assertTimeZone(timezone: string): void {
  Intl.DateTimeFormat('en', { timeZone: timezone });
}

/** A report's date in epoch ms: publishedAt when it parses, else ingestedAt, else 0. */
function reportTime(report: DigestReport): number {
  const published = report.publishedAt === null ? Number.NaN : Date.parse(report.publishedAt);
  if (!Number.isNaN(published)) return published;
  const ingested = Date.parse(report.ingestedAt);
  return Number.isNaN(ingested) ? 0 : ingested;
}

const byDateThenId = (a: Prepared, b: Prepared): number => a.time - b.time || a.report.id - b.report.id;

/** The primary first: the longest body (the most complete telling), then the earliest, then the lowest id. */
const primaryFirst = (bodyChars: (r: DigestReport) => number) => (a: Prepared, b: Prepared): number =>
  bodyChars(b.report) - bodyChars(a.report) || byDateThenId(a, b);

/** What significance and the stated casualties read: the body only for casualties in the lead. */
function ranked(r: DigestReport): { body: string; understanding: ReportUnderstanding } {
  if (r.body === null && readsLead(r.understanding)) {
    throw new Error(`report ${r.id} states casualties but came without its body`);
  }
  return { body: r.body ?? '', understanding: r.understanding };
}

/** Digest order: most significant, then newest, then lowest id. */
const storyOrder = (a: Story, b: Story): number =>
  b.significance - a.significance || b.primary.time - a.primary.time || a.primary.report.id - b.primary.report.id;

function toStory(members: readonly Prepared[], bodyChars: (r: DigestReport) => number): Story {
  const [primary, ...rest] = [...members].sort(primaryFirst(bodyChars));
  const others = rest.sort(byDateThenId);
  const governorate = primary!.governorate ?? others.find((p) => p.governorate !== null)?.governorate ?? null;
  const understandings = members.map((m) => m.report.understanding);
  return {
    primary: primary!, others, governorate, significance: members.reduce((max, m) => Math.max(max, m.significance), 0),
    casualties: hasEventRecords(primary!.report.understanding) ? storyToll(understandings) : statedCasualties(ranked(primary!.report)),
    hasEvent: understandings.some((u) => mainEvent(u) !== null),
  };
}

function eventLabel(key: EventKey): Labeled {
  const type = eventType(key);
  return { key, en: type.labelEn, ar: type.labelAr };
}

function governorateLabel(pcode: string): Labeled {
  const place = loadGazetteer().get(pcode);
  return { key: pcode, en: place?.nameEn ?? pcode, ar: place?.nameAr ?? pcode };
}

function toSource(p: Prepared): DigestSource {
  const r = p.report;
  return { reportId: r.id, outlet: r.source, url: r.url, title: r.title, publishedAt: r.publishedAt };
}

function toItem(story: Story, full: FullReport): DigestItem {
  const r = story.primary.report;
  return {
    reportId: r.id,
    title: r.title,
    summary: summarySentence(full.body, full.understanding, r.title),
    publishedAt: r.publishedAt,
    outlet: r.source,
    url: r.url,
    events: r.understanding.events.slice(0, ITEM_EVENT_TYPES).map((e) => eventLabel(e.type)),
    casualties: story.casualties,
    alsoReportedBy: story.others.map(toSource),
    significance: story.significance,
  };
}

/**
 * The event types over all reports, by the number of reports mentioning each (the type itself,
 * not its ancestors), most first; ties in EVENT_TYPES order.
 */
function digestEventTypes(reports: readonly DigestReport[]): Labeled[] {
  const counts = new Map<EventKey, number>();
  for (const r of reports) {
    for (const type of new Set(r.understanding.events.map((e) => e.type))) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const order = new Map(EVENT_TYPES.map((e, i) => [e.key, i]));
  return [...counts]
    .sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!)
    .map(([key]) => eventLabel(key));
}

/**
 * Composes the digest of `reports` (the caller has chosen the reports of the period): merges one
 * story told by several outlets into one item with `alsoReportedBy` (near-duplicate text within
 * `mergeWindowDays`), ranks stories by significance (casualties, then violence, then other
 * activity, then commentary; ties newest first), keeps the `itemCap` most significant and
 * groups them by governorate, the group of the most significant story first and the stories
 * with no place last. `timezone` must be an IANA zone (RangeError otherwise).
 */
export function composeDigest(reports: readonly DigestReport[], options: ComposeOptions): Digest {
  assertTimeZone(options.timezone);
  const itemCap = Math.max(0, Math.floor(options.itemCap ?? DEFAULT_ITEM_CAP));
  const windowDays = options.mergeWindowDays ?? DEFAULT_MERGE_WINDOW_DAYS;

  const prepared: Prepared[] = reports.map((report) => ({
    report,
    time: reportTime(report),
    governorate: storyGovernorate(report.understanding),
    significance: significance(ranked(report)),
  }));
  const clusters = findDuplicateStories(
    prepared.map((p) => {
      const r = p.report;
      const common = { outlet: r.source, time: p.time, governorate: p.governorate };
      if (r.story) return { ...common, hashes: r.story };
      if (r.body === null) throw new Error(`report ${r.id} came with neither its story fingerprint nor its body`);
      return { ...common, text: `${r.title}\n${r.body}` };
    }),
    { windowDays },
  );
  const unread = clusters.filter((c) => c.length > 1).flat().map((i) => reports[i]!).filter((r) => r.body === null).map((r) => r.id);
  const lengths = unread.length === 0 ? new Map<number, number>() : options.bodyLengths?.(unread) ?? new Map<number, number>();
  const bodyChars = (r: DigestReport): number => {
    const chars = r.body?.length ?? lengths.get(r.id);
    if (chars === undefined) throw new Error(`report ${r.id} shares a story but came without its body or its length`);
    return chars;
  };
  const stories = clusters.map((indices) => toStory(indices.map((i) => prepared[i]!), bodyChars)).sort(storyOrder);
  const shown = stories.slice(0, itemCap);
  const fullReports = options.full?.(shown.map((s) => s.primary.report.id));
  const fullOf = (r: DigestReport): FullReport => {
    const full = fullReports?.get(r.id);
    if (full !== undefined) return full;
    if (r.body === null) throw new Error(`report ${r.id} is shown but came without its body`);
    return { body: r.body, understanding: r.understanding };
  };

  // Stories are in digest order, so each group is created by its most significant story.
  const groups = new Map<string | null, DigestItem[]>();
  for (const story of shown) {
    const items = groups.get(story.governorate);
    const item = toItem(story, fullOf(story.primary.report));
    if (items) items.push(item);
    else groups.set(story.governorate, [item]);
  }
  const ordered: DigestGroup[] = [...groups]
    .sort(([a], [b]) => Number(a === null) - Number(b === null))
    .map(([pcode, items]) => ({ governorate: pcode === null ? null : governorateLabel(pcode), items }));
  const eventTypes = digestEventTypes(reports);

  return {
    period: { from: options.period.from, to: options.period.to },
    timezone: options.timezone,
    counts: {
      reports: reports.length,
      stories: stories.length,
      // Of every story, not only those shown: the header counts what arrived, whatever the cap.
      governorates: new Set(stories.map((s) => s.governorate).filter((g) => g !== null)).size,
      eventTypes: eventTypes.length,
      events: stories.filter((s) => s.hasEvent).length,
      killed: stories.reduce((sum, s) => sum + (s.casualties?.killed ?? 0), 0),
      wounded: stories.reduce((sum, s) => sum + (s.casualties?.wounded ?? 0), 0),
    },
    eventTypes,
    groups: ordered,
    omitted: stories.length - shown.length,
  };
}
