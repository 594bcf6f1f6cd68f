/**
 * Answers a query by ranking, not filtering: every part of the query (place, event, actor, each free
 * word) adds evidence and none is a condition, except a quoted phrase and the date range. The ranked
 * list is computed once (rankSearch) and paged (pageOf), so a cache can keep it for Next/Previous.
 */
import type { Analyzer } from '../arabic/analyze-arabic.js';
import type { SearchIndex } from '../store/search-index.js';
import { sentenceEventEvidence, type EventEvidence, type StoredSentence } from './event-evidence.js';
import { hitsFor, sentenceGroups } from './search-hits.js';
import type { Snippet } from './make-snippet.js';
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryLexicon } from './parse-query.js';
import { queryParts, type QueryPart } from './query-parts.js';
import { compareEvidence, scoreReport, type ReportEvidence } from './score-report.js';

/** What ranking and snippets need to know about places and events beyond their keys. */
export interface FacetCatalog {
  /** The p-code and its ancestors up to the governorate. */
  placeLineage(pcode: string): readonly string[];
  /** The event type and its broader types (a car bomb is a bombing is an attack). */
  eventAncestors(type: string): readonly string[];
  /** Every place enclosing the p-code, country included (Suruc: its province and Turkey); defaults to the lineage. */
  placeEnclosing?(pcode: string): readonly string[];
  /** Whether the p-code is a governorate (admin1), the level results are summarized at. */
  isGovernorate(pcode: string): boolean;
  /** How Arabic text writes a place, event type or actor (names and word forms). */
  arabicForms(kind: 'place' | 'event' | 'actor', key: string): readonly string[];
}

export interface SearchDeps {
  /** What search reads from the database (src/store/search-index.ts): search itself writes no SQL. */
  readonly index: SearchIndex;
  readonly analyzer: Analyzer;
  readonly lexicon: QueryLexicon;
  readonly catalog: FacetCatalog;
  /** Splits a body into sentences (offsets into the body). */
  readonly sentencesOf: (text: string) => readonly { start: number; end: number }[];
  readonly now: () => Date;
  /** How strongly a report tells of the query's event at its place; defaults to the stored sentence annotations. */
  readonly eventEvidence?: EventEvidence;
}

export interface SearchHit {
  readonly id: number;
  readonly externalId: string | null;
  readonly url: string | null;
  readonly title: string;
  readonly source: string | null;
  readonly publishedAt: string | null;
  readonly score: number;
  readonly snippet: Snippet;
  /** The report's most-mentioned places (p-codes) and its event types. */
  readonly places: readonly string[];
  readonly events: readonly string[];
  /** The labels of the query parts this report matched, and of those it did not. */
  readonly matched: readonly string[];
  readonly missing: readonly string[];
}

/** One ranked report: its id, score and the keys of the query parts it matched. */
export interface RankedReport {
  readonly id: number;
  readonly score: number;
  readonly matched: readonly string[];
}

/** A query's whole ranked list, before paging. */
export interface RankedSearch {
  readonly query: ParsedQuery;
  readonly parts: readonly QueryPart[];
  readonly ranked: readonly RankedReport[];
  /** How many reports match every part of the query (they come first). */
  readonly complete: number;
  /** When a date range left nothing: how many reports of unknown date match the rest of the query. */
  readonly undated: number;
}

export interface SearchResult {
  readonly query: ParsedQuery;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** True when no report matches every part of the query: the results match some of it. */
  readonly relaxed: boolean;
  /** When a date range left nothing: how many reports of unknown date match the rest of the query. */
  readonly undated: number;
  readonly results: readonly SearchHit[];
}

/** Candidates taken from each source (BM25 list, each facet's postings): bounds the work of a common word. */
const CANDIDATES_PER_SOURCE = 1000;
/** How many top reports are re-scored by reading their sentences (event evidence, proximity). */
const HEAD = 100;
/**
 * Title weight beside body 1 in BM25 (a title is a summary). 5 since the text weight is 1.5 (dev nDCG@10:
 * 3 gave 0.818, 4 0.820, 5 0.824, 7 and 10 0.823).
 */
const TITLE_WEIGHT = 5;

type FacetKind = 'place' | 'event' | 'actor';

/** Reads a query's evidence from the index: the candidates and their text, facet and part matches. */
function gatherEvidence(parts: readonly QueryPart[], deps: SearchDeps): Map<number, ReportEvidence> {
  const { index } = deps;
  const evidence = new Map<number, ReportEvidence>();
  const candidate = (id: number): ReportEvidence => {
    let e = evidence.get(id);
    if (e === undefined) {
      e = { id, publishedAt: null, onTopic: true, text: 0, facets: {}, matched: new Set(), titled: 0, event: 0, sentence: 0, paragraph: 0, score: 0 };
      evidence.set(id, e);
    }
    return e;
  };
  // BM25 of every scoring part's words together, ORed, as Lucene would: the text evidence, and candidates.
  const scoring = parts.filter((p) => p.text !== null && p.kind !== 'actor').map((p) => `(${p.text})`);
  if (scoring.length > 0) {
    const rows = index.bm25Top(scoring.join(' OR '), TITLE_WEIGHT, CANDIDATES_PER_SOURCE);
    for (const r of rows) candidate(r.id).text = r.bm;
  }
  // Facet postings: places and events add candidates; an actor only when nothing else can.
  const onlyActor = parts.every((p) => p.kind === 'actor');
  for (const part of parts) {
    if (part.facet === null) continue;
    const rows = index.facetPostings(part.facet, CANDIDATES_PER_SOURCE);
    const adds = part.kind !== 'actor' || onlyActor;
    for (const r of rows) {
      const e = adds ? candidate(r.id) : evidence.get(r.id);
      if (e === undefined) continue;
      e.facets[part.kind as FacetKind] = { mentions: r.mentions, inTitle: r.in_title === 1 };
      e.matched.add(part.key);
    }
  }
  // Which parts each candidate's text has, and its title. An event counts only as an annotated event:
  // its bare words (خلايا, عبوة) are evidence in BM25 but not the event. bm25 with the body weighed 0 is
  // below 0 exactly when the title holds the part's words.
  for (const part of parts) {
    if (part.text === null || part.kind === 'event') continue;
    // The part's whole posting list, intersected here: FTS5 given `rowid IN (...)` re-runs the MATCH per rowid.
    // The title is read only where it can add coverage (two parts or more), as bm25 costs a little per row.
    const titled = part.facet === null && parts.length >= 2;
    const rows = index.textPostings(part.text, titled);
    for (const [id, title] of rows) {
      const e = evidence.get(id);
      if (e === undefined) continue;
      e.matched.add(part.key);
      if (titled && title < 0) e.titled++;
    }
  }
  // Facet parts are in the title by their facet rows' in_title.
  for (const part of parts) {
    if (part.facet === null) continue;
    for (const e of evidence.values()) if (e.facets[part.kind as FacetKind]?.inTitle) e.titled++;
  }
  // A quoted phrase is the one condition.
  for (const part of parts) if (part.gate) for (const [id, e] of evidence) if (!e.matched.has(part.key)) evidence.delete(id);
  return evidence;
}

/** Keeps the candidates inside the date range and reads their dates; counts the undated ones dropped. */
function applyDates(evidence: Map<number, ReportEvidence>, q: ParsedQuery, index: SearchIndex): { kept: ReportEvidence[]; undated: number } {
  const rows = index.datesAndTopics([...evidence.keys()]);
  const kept: ReportEvidence[] = [];
  let undated = 0;
  for (const r of rows) {
    const e = evidence.get(r.id)!;
    (e as { publishedAt: string | null }).publishedAt = r.published_at;
    (e as { onTopic: boolean }).onTopic = r.on_topic === 1;
    const dated = q.since !== null || q.until !== null;
    if (dated && r.published_at === null) {
      undated++;
      continue;
    }
    if (q.since !== null && r.published_at! < q.since) continue;
    if (q.until !== null && r.published_at! >= q.until) continue;
    kept.push(e);
  }
  return { kept, undated };
}

/** Reads the head's stored sentences once, for event evidence and proximity. */
function readSentences(ids: readonly number[], index: SearchIndex): Map<number, StoredSentence[]> {
  const rows = index.sentencesJson(ids);
  return new Map(rows.map((r) => [r.id, r.sentences === null ? [] : (JSON.parse(r.sentences) as StoredSentence[])]));
}

/** Adds event evidence and proximity to the head of the ranking and re-sorts it. */
function rescoreHead(head: ReportEvidence[], q: ParsedQuery, parts: readonly QueryPart[], deps: SearchDeps): void {
  const facetParts = parts.filter((p) => p.facet !== null).length;
  if (head.length === 0 || (q.events.length === 0 && facetParts < 2)) return;
  const ids = head.map((e) => e.id);
  const sentences = readSentences(ids, deps.index);
  const context = { sentences: (id: number) => sentences.get(id) ?? [] };
  const evidence = deps.eventEvidence ?? sentenceEventEvidence(deps.catalog);
  const events =
    q.events.length > 0
      ? evidence(ids, { places: q.places.map((p) => p.key), events: q.events.map((e) => e.key) }, context)
      : new Map<number, number>();
  for (const e of head) {
    e.event = events.get(e.id) ?? 0;
    const byParagraph = new Map<number, Set<string>>();
    for (const s of facetParts >= 2 ? context.sentences(e.id) : []) {
      const groups = sentenceGroups(s, q, deps.catalog);
      e.sentence = Math.max(e.sentence, groups.size);
      const para = byParagraph.get(s.paragraph) ?? new Set<string>();
      for (const g of groups) para.add(g);
      byParagraph.set(s.paragraph, para);
    }
    for (const p of byParagraph.values()) e.paragraph = Math.max(e.paragraph, p.size);
    e.score = scoreReport(e);
  }
  head.sort(compareEvidence(parts.length));
}

/**
 * A place the query names together with a place inside it narrows to the inner one: "Suruc bombing
 * Turkey" asks about Suruc (in Turkey), not about anywhere in Turkey. Places apart stay alternatives.
 */
export function narrowPlaces(q: ParsedQuery, catalog: Pick<FacetCatalog, 'placeLineage' | 'placeEnclosing'>): ParsedQuery {
  if (q.places.length < 2) return q;
  const around = (pcode: string) => catalog.placeEnclosing?.(pcode) ?? catalog.placeLineage(pcode);
  const enclosing = new Set(q.places.flatMap((p) => around(p.key).filter((l) => l !== p.key)));
  const places = q.places.filter((p) => !enclosing.has(p.key));
  return places.length === q.places.length ? q : { ...q, places };
}

/** Ranks every report that matches some part of the query. */
export function rankSearch(asked: ParsedQuery, deps: SearchDeps): RankedSearch {
  const q = narrowPlaces(asked, deps.catalog);
  const parts = queryParts(q, { analyzer: deps.analyzer, arabicForms: deps.catalog.arabicForms });
  const none: RankedSearch = { query: asked, parts, ranked: [], complete: 0, undated: 0 };
  if (isEmptyQuery(q)) return none;
  if (parts.length === 0) return rankByDateOnly(q, parts, deps.index);

  const { kept, undated } = applyDates(gatherEvidence(parts, deps), q, deps.index);
  if (kept.length === 0) return { ...none, undated };
  for (const e of kept) e.score = scoreReport(e);
  const order = compareEvidence(parts.length);
  kept.sort(order);
  const head = kept.slice(0, HEAD);
  rescoreHead(head, q, parts, deps);
  const ranked = [...head, ...kept.slice(HEAD)];
  return {
    query: asked,
    parts,
    ranked: ranked.map((e) => ({ id: e.id, score: e.score, matched: [...e.matched] })),
    complete: ranked.filter((e) => e.matched.size >= parts.length).length,
    undated: 0,
  };
}

/** A query of only a date range ("since 2022"): the reports in it, newest first. */
function rankByDateOnly(q: ParsedQuery, parts: readonly QueryPart[], index: SearchIndex): RankedSearch {
  const ids = index.datedIds(q.since, q.until);
  return { query: q, parts, ranked: ids.map((id) => ({ id, score: 0, matched: [] })), complete: ids.length, undated: 0 };
}

/** One page of a ranked list, with snippets. */
export function pageOf(r: RankedSearch, page: { limit: number; offset: number }, deps: SearchDeps): SearchResult {
  const slice = r.ranked.slice(page.offset, page.offset + page.limit);
  return {
    query: r.query,
    total: r.ranked.length,
    offset: page.offset,
    limit: page.limit,
    relaxed: r.parts.length > 1 && r.ranked.length > 0 && r.complete === 0,
    undated: r.undated,
    results: hitsFor(slice, r.query, r.parts, deps),
  };
}

/** Parses, ranks and pages a query in one go. */
export function searchReports(query: string, options: { limit: number; offset: number }, deps: SearchDeps): SearchResult {
  const q = parseQuery(query, { lexicon: deps.lexicon, analyzer: deps.analyzer, now: deps.now() });
  return pageOf(rankSearch(q, deps), options, deps);
}
