/** Turns one raw report (page text plus whatever metadata came with it) into what the store writes. */
import { createHash } from 'node:crypto';
import { defaultAnalyzer, type Analyzer } from '../arabic/analyze-arabic.js';
import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { cleanPageText } from '../ingest/clean-page-text.js';
import { detectOutlet } from '../ingest/detect-outlet.js';
import { findPublishedDate, parseDate } from '../ingest/extract-date.js';
import type { RawReport } from '../ingest/raw-report.js';
import type { FacetCount, PreparedReport, StoredEventRow, TitleSource } from '../store/report-store.js';
import { admin0Of, type EventRecord } from '../understand/event-records.js';
import type { Gazetteer } from '../understand/gazetteer.js';
import { ancestorsOf } from '../understand/events.js';
import { understandReport, type ReportUnderstanding } from '../understand/understand-report.js';
import { storyHashes } from '../text/min-hash.js';
import { canonicalUrl } from './canonical-url.js';

/** Bumped whenever analysis changes what is stored, so `rasid reindex` knows what is stale. */
export const ANALYSIS_VERSION = 14;

/** A report longer than this (about 150 pages of text) is not a news report: refused, not truncated. */
export const MAX_REPORT_CHARS = 500_000;
/** A "report" shorter than this after cleaning is chrome or an empty page. */
export const MIN_REPORT_CHARS = 20;

/** Why a raw report was refused; the message is shown to the user as is. */
export class ReportRejectedError extends Error {
  override readonly name = 'ReportRejectedError';
}

export interface PrepareDeps {
  readonly analyzer: Analyzer;
  readonly gazetteer: Gazetteer;
}

/** The text's identity: the same article with other spacing, diacritics or hamza spelling hashes the same. */
export function contentHash(body: string): string {
  const canonical = normalizeArabic(body).replace(/\s+/gu, ' ').trim();
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/** Adds each key's ancestors (`expand(key)` returns the key and its ancestors) and sums mentions. */
function expandFacets(
  items: readonly { key: string; mentions: number }[],
  inTitle: ReadonlySet<string>,
  expand: (key: string) => readonly string[],
): FacetCount[] {
  const merged = new Map<string, { mentions: number; inTitle: boolean }>();
  for (const item of items) {
    const titled = inTitle.has(item.key);
    for (const key of expand(item.key)) {
      const m = merged.get(key) ?? { mentions: 0, inTitle: false };
      m.mentions += item.mentions;
      m.inTitle ||= titled || inTitle.has(key);
      merged.set(key, m);
    }
  }
  return [...merged].map(([key, m]) => ({ key, mentions: m.mentions, inTitle: m.inTitle }));
}

/** Marks the facets an event record backs, adding a row (0 mentions) for any the words alone did not give. */
function markEventFacets(facets: FacetCount[], backed: ReadonlySet<string>): FacetCount[] {
  const out = facets.map((f) => (backed.has(f.key) ? { ...f, inEvent: true } : f));
  for (const key of backed) if (!facets.some((f) => f.key === key)) out.push({ key, mentions: 0, inTitle: false, inEvent: true });
  return out;
}

/** An event record as the `events` table stores it, with its location's lineage. */
export function eventRow(e: EventRecord, seq: number, gazetteer: Gazetteer): StoredEventRow {
  const place = e.location ? gazetteer.get(e.location.pcode) : undefined;
  const lineage = place ? [...place.lineage] : [];
  const country = place ? admin0Of(place, gazetteer) : null;
  if (country !== null && !lineage.includes(country)) lineage.push(country);
  const admin3 = lineage.map((p) => gazetteer.get(p)).find((p) => p?.level === 'admin3');
  return {
    seq, eventType: e.event_type, subEventType: e.sub_event_type, kind: e.kind, actor1: e.actor1, actor2: e.actor2,
    country, admin1: e.admin1?.pcode ?? null, admin2: e.admin2?.pcode ?? null, admin3: admin3?.pcode ?? null,
    location: e.location?.pcode ?? null, geoPrecision: e.geo_precision, latitude: e.latitude, longitude: e.longitude,
    eventDate: e.date, timePrecision: e.time_precision, fatalities: e.fatalities, injuries: e.injuries,
    sentenceStart: e.sentence?.start ?? null, sentenceEnd: e.sentence?.end ?? null, lineage,
  };
}

/**
 * Cleans the page, settles title, date and outlet (metadata first, then the text itself;
 * a date is never invented), understands the text and analyzes it for the index.
 * Throws `ReportRejectedError` for a report that cannot be stored, saying why.
 */
export function prepareReport(raw: RawReport, deps: PrepareDeps): PreparedReport {
  if (raw.text.length > MAX_REPORT_CHARS) {
    throw new ReportRejectedError(
      `text is ${raw.text.length.toLocaleString('en')} characters; a report may have at most ${MAX_REPORT_CHARS.toLocaleString('en')}`,
    );
  }
  const page = cleanPageText(raw.text);
  // A report of one sentence with no full stop reads as a bare headline; it is the report itself.
  const single = raw.text.trim();
  const body = page.body.trim() === '' && page.title !== null && !single.includes('\n\n') ? single : page.body.trim();
  if (body.length < MIN_REPORT_CHARS) throw new ReportRejectedError('no article text (empty, or only site chrome)');

  let url: string | null = null;
  if (raw.url != null && raw.url.trim() !== '') {
    url = canonicalUrl(raw.url);
    if (url === null) throw new ReportRejectedError(`url ${JSON.stringify(raw.url)} is not an http(s) address`);
  }

  const given = (field: 'title' | 'publishedAt' | 'source') => raw.provenance?.[field] ?? 'metadata';
  const metaTitle = raw.title?.trim() ? raw.title.replace(/\s+/gu, ' ').trim() : null;
  const title = metaTitle ?? page.title ?? body.slice(0, 120);
  const titleSource: TitleSource = metaTitle !== null ? 'metadata' : page.titleSource;

  let publishedAt: string | null = null;
  let dateSource: 'metadata' | 'text' | null = null;
  const metaDate = raw.publishedAt ? parseDate(raw.publishedAt) : null;
  if (metaDate !== null) {
    publishedAt = metaDate;
    dateSource = 'metadata';
  } else {
    const found = findPublishedDate(raw.text);
    if (found !== null) {
      publishedAt = found.date;
      dateSource = 'text';
    }
  }

  const metaSource = raw.source?.trim() || null;
  const source = metaSource ?? detectOutlet(raw.text);
  const understanding: ReportUnderstanding = understandReport({ title, text: body, publishedAt }, deps.gazetteer);
  const eventRows = understanding.eventRecords.map((e, seq) => eventRow(e, seq, deps.gazetteer));
  const eventPlaces = new Set(eventRows.flatMap((e) => e.lineage));
  const eventKinds = new Set(understanding.eventRecords.flatMap((e) => [e.kind, ...ancestorsOf(e.kind)]));
  const titled = understanding.titleAnnotations;
  const lineage = (pcode: string) => deps.gazetteer.get(pcode)?.lineage ?? [pcode];

  return {
    externalId: raw.externalId?.trim() || null,
    url,
    contentHash: contentHash(body),
    title,
    titleSource,
    source,
    lang: raw.lang?.trim() || 'ar',
    publishedAt,
    dateSource,
    origin: raw.origin,
    body,
    understanding,
    analysisVersion: ANALYSIS_VERSION,
    provenance: {
      title: metaTitle !== null ? given('title') : 'text',
      publishedAt: dateSource === null ? null : dateSource === 'metadata' ? given('publishedAt') : 'text',
      source: source === null ? null : metaSource !== null ? given('source') : 'text',
    },
    titleTerms: deps.analyzer.terms(title).join(' '),
    bodyTerms: deps.analyzer.terms(body).join(' '),
    places: markEventFacets(expandFacets(
      understanding.places.map((p) => ({ key: p.pcode, mentions: p.mentions })),
      new Set(titled.places.flatMap(lineage)),
      lineage,
    ), eventPlaces),
    events: markEventFacets(expandFacets(
      understanding.events.map((e) => ({ key: e.type, mentions: e.mentions })),
      new Set(titled.events.flatMap((e) => [e, ...ancestorsOf(e)])),
      (e) => [e, ...ancestorsOf(e)],
    ), eventKinds),
    actors: expandFacets(
      understanding.actors.map((a) => ({ key: a.actor, mentions: a.mentions })),
      new Set(titled.actors),
      (a) => [a],
    ),
    onTopic: understanding.onTopic,
    incident: understanding.incident,
    eventRows,
    // With the analyzer the digest compares reports by (no protected names), as it always has.
    story: storyHashes(title, body, defaultAnalyzer),
  };
}
