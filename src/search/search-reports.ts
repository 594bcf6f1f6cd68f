/**
 * Answers a query by ranking, not filtering: every part of the query (place, event, actor, each free
 * word) adds evidence and none is a condition, except a quoted phrase and the date range. The ranked
 * list is computed once (rankSearch) and paged (pageOf), so a cache can keep it for Next/Previous.
 */
import type { SearchIndex } from '../store/search-index.js';
import { sentenceEventEvidence, type StoredSentence } from './event-evidence.js';
import { hitsFor, sentenceGroups } from './search-hits.js';
import { isEmptyQuery, parseQuery, type ParsedQuery } from './parse-query.js';
import { queryParts, type QueryPart } from './query-parts.js';
import { compareEvidence, scoreReport, type ReportEvidence } from './score-report.js';
import { recordKindsOf } from '../understand/acled-types.js';
import { recordEvidence } from './event-record-evidence.js';

export type { FacetCatalog, RankedReport, RankedSearch, SearchDeps, SearchHit, SearchResult } from './search-types.js';
import type { FacetCatalog, RankedReport, RankedSearch, SearchDeps, SearchHit, SearchResult } from './search-types.js';

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

/**
 * Reads a query's evidence from the index: the candidates and their text, facet, event-record and
 * part matches.
 */
function gatherEvidence(q: ParsedQuery, parts: readonly QueryPart[], deps: SearchDeps): Map<number, ReportEvidence> {
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
  // BM25 of every part's words together, ORed, as Lucene would: the text evidence, and candidates. An
  // actor's words are its name as written and its label (query-parts.ts): a name in most reports (داعش)
  // has a low idf and adds little, a rarer one (جبهة النصرة) is evidence like any word.
  const scoring = parts.filter((p) => p.text !== null).map((p) => `(${p.text})`);
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
      // Several actors are one part each; their facet rows add up.
      const had = e.facets[part.kind as FacetKind];
      e.facets[part.kind as FacetKind] = { mentions: (had?.mentions ?? 0) + r.mentions, inTitle: had?.inTitle === true || r.in_title === 1 };
      e.matched.add(part.key);
      // Facet parts are in the title by their facet rows' in_title.
      if (r.in_title === 1) e.titled++;
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
  // Event records of the query's kind (at its place) are the strongest evidence, over the whole index and
  // not only the head: a report whose main event is an attack located in Raqqa answers "attacks in Raqqa"
  // even when its words rank it low (تفجيرين انتحاريين في بلدة تل أبيض names neither هجوم nor الرقة).
  // Such a record matches the event part and the place part.
  if (q.events.length > 0) {
    const places = q.places.length > 0 ? q.places.map((p) => p.key) : null;
    const located = parts.filter((p) => p.kind === 'event' || (places !== null && p.kind === 'place'));
    for (const r of deps.index.eventReports(recordKindsOf(q.events.map((e) => e.key)), places, CANDIDATES_PER_SOURCE)) {
      const e = candidate(r.id);
      e.event = recordEvidence(r.seq);
      for (const part of located) e.matched.add(part.key);
    }
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

/** Whether `terms` holds one of `wordings` (a word, or a phrase's words in a row). */
export function holdsWording(terms: readonly string[], wordings: readonly (readonly string[])[]): boolean {
  return wordings.some((w) => terms.some((_, i) => w.every((t, k) => terms[i + k] === t)));
}

/** Analyzed terms of title words, per analyzer: titles share most of their words, and analyzing is the cost. */
const titleWordTerms = new WeakMap<SearchDeps['analyzer'], Map<string, readonly string[]>>();
/** Words kept per analyzer before the memo starts again. */
const TITLE_WORDS_KEPT = 20_000;

/**
 * A title's analyzed terms, word by word (a name of several words is no event word, so analyzing the
 * words apart changes nothing an event's wordings can match).
 */
function titleTerms(title: string, analyzer: SearchDeps['analyzer']): string[] {
  let memo = titleWordTerms.get(analyzer);
  if (memo === undefined) titleWordTerms.set(analyzer, (memo = new Map()));
  const out: string[] = [];
  for (const word of title.split(/\s+/u)) {
    if (word === '') continue;
    let terms = memo.get(word);
    if (terms === undefined) {
      if (memo.size >= TITLE_WORDS_KEPT) memo.clear();
      memo.set(word, (terms = analyzer.terms(word)));
    }
    out.push(...terms);
  }
  return out;
}

/**
 * An event part is matched by annotations only, except in the title: a title that holds the event's
 * words (مقتل 20 شخصا في تفجيرات بغداد) is about that event even when no sentence was annotated with it.
 * Read for the head's reports that miss the event part, from their titles.
 */
function matchEventsInTitles(head: readonly ReportEvidence[], parts: readonly QueryPart[], deps: SearchDeps): void {
  for (const part of parts) {
    if (part.kind !== 'event' || part.wordings.length === 0) continue;
    const missing = head.filter((e) => !e.matched.has(part.key));
    if (missing.length === 0) continue;
    const byId = new Map(missing.map((e) => [e.id, e]));
    for (const r of deps.index.titles([...byId.keys()])) {
      if (holdsWording(titleTerms(r.title, deps.analyzer), part.wordings)) byId.get(r.id)!.matched.add(part.key);
    }
  }
}

/** Adds event evidence and proximity to the head of the ranking and re-sorts it. */
function rescoreHead(head: ReportEvidence[], q: ParsedQuery, parts: readonly QueryPart[], deps: SearchDeps): void {
  const facetParts = parts.filter((p) => p.facet !== null).length;
  if (head.length === 0 || (q.events.length === 0 && facetParts < 2)) return;
  matchEventsInTitles(head, parts, deps);
  const ids = head.map((e) => e.id);
  const sentences = readSentences(ids, deps.index);
  const context = { sentences: (id: number) => sentences.get(id) ?? [] };
  const evidence = deps.eventEvidence ?? sentenceEventEvidence(deps.catalog);
  const events =
    q.events.length > 0
      ? evidence(ids, { places: q.places.map((p) => p.key), events: q.events.map((e) => e.key) }, context)
      : new Map<number, number>();
  for (const e of head) {
    e.event = Math.max(e.event, events.get(e.id) ?? 0);
    const byParagraph = new Map<number, Set<string>>();
    for (const s of facetParts >= 2 ? context.sentences(e.id) : []) {
      const groups = sentenceGroups(s, q, deps.catalog);
      e.sentence = Math.max(e.sentence, groups.size);
      const para = byParagraph.get(s.paragraph) ?? new Set<string>();
      for (const g of groups) para.add(g);
      byParagraph.set(s.paragraph, para);
    }
    for (const p of byParagraph.values()) e.paragraph = Math.max(e.paragraph, p.size);
    e.score = scoreReport(e, parts.length);
  }
  head.sort(compareEvidence);
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

  const { kept, undated } = applyDates(gatherEvidence(q, parts, deps), q, deps.index);
  if (kept.length === 0) return { ...none, undated };
  for (const e of kept) e.score = scoreReport(e, parts.length);
  kept.sort(compareEvidence);
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
