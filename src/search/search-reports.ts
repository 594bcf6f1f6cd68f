/** Answers a query: finds the reports that match its places, events, actors, words and dates, ranks them, and cuts snippets. */
import type { Analyzer } from '../arabic/analyze-arabic.js';
import type { Db } from '../store/open-database.js';
import { buildMatchExpression } from './build-match-expression.js';
import { makeSnippet, type Mark, type Snippet } from './make-snippet.js';
import { isEmptyQuery, parseQuery, type ParsedQuery, type QueryLexicon } from './parse-query.js';

/** What ranking and snippets need to know about places and events beyond their keys. */
export interface FacetCatalog {
  /** The p-code and its ancestors up to the governorate. */
  placeLineage(pcode: string): readonly string[];
  /** The event type and its broader types (a car bomb is a bombing is an attack). */
  eventAncestors(type: string): readonly string[];
  /** Whether the p-code is a governorate (admin1), the level results are summarized at. */
  isGovernorate(pcode: string): boolean;
}

/** The per-sentence annotations stored with each report (see understandReport). */
interface StoredSentence {
  readonly paragraph: number;
  readonly places: readonly string[];
  readonly events: readonly string[];
  readonly actors: readonly string[];
}

export interface SearchDeps {
  readonly db: Db;
  readonly analyzer: Analyzer;
  readonly lexicon: QueryLexicon;
  readonly catalog: FacetCatalog;
  /** Splits a body into sentences (offsets into the body). */
  readonly sentencesOf: (text: string) => readonly { start: number; end: number }[];
  readonly now: () => Date;
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
}

export interface SearchResult {
  readonly query: ParsedQuery;
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  /** True when no report matched every part of the query, and these match only some. */
  readonly relaxed: boolean;
  /** When a date range left nothing: how many reports of unknown date match the rest of the query. */
  readonly undated: number;
  readonly results: readonly SearchHit[];
}

/** How many top candidates are re-ranked by reading their sentences (the rest keep their coarse order). */
const RERANK_DEPTH = 100;
/** Weights of the ranking features; see docs/ARCHITECTURE.md, "Ranking". */
const WEIGHT = {
  facetPresent: 1,
  titleMention: 1.5,
  sameSentence: 3,
  sameParagraph: 1.5,
  termMatch: 1,
} as const;

type Group = 'place' | 'event' | 'actor' | 'terms';

interface Candidate {
  id: number;
  published_at: string | null;
  ingested_at: string;
  matched: number;
  score: number;
  pm?: number | null;
  pt?: number | null;
  em?: number | null;
  et?: number | null;
  am?: number | null;
  at?: number | null;
  bm?: number | null;
}

/** Builds the candidate query: one joined sub-select per query part; relaxed mode needs any part, strict all. */
function candidateSql(q: ParsedQuery, match: string | null, relaxed: boolean): { sql: string; params: unknown[] } {
  const join = relaxed ? 'LEFT JOIN' : 'JOIN';
  const params: unknown[] = [];
  const selects = ['r.id', 'r.published_at', 'r.ingested_at'];
  const joins: string[] = [];
  const present: string[] = [];
  const facet = (alias: string, table: string, column: string, keys: readonly string[]) => {
    if (keys.length === 0) return;
    selects.push(`${alias}.m AS ${alias}m`, `${alias}.t AS ${alias}t`);
    joins.push(
      `${join} (SELECT report_id, sum(mentions) AS m, max(in_title) AS t FROM ${table} WHERE ${column} IN (${keys
        .map(() => '?')
        .join(',')}) GROUP BY report_id) ${alias} ON ${alias}.report_id = r.id`,
    );
    params.push(...keys);
    present.push(`${alias}.report_id IS NOT NULL`);
  };
  facet('p', 'report_places', 'pcode', q.places.map((p) => p.key));
  facet('e', 'report_events', 'event_type', q.events.map((e) => e.key));
  facet('a', 'report_actors', 'actor', q.actors.map((a) => a.key));
  if (match !== null) {
    selects.push('f.bm AS bm');
    joins.push(
      `${join} (SELECT rowid AS report_id, bm25(report_terms, 3.0, 1.0) AS bm FROM report_terms WHERE report_terms MATCH ?) f ON f.report_id = r.id`,
    );
    params.push(match);
    present.push('f.report_id IS NOT NULL');
  }
  const where: string[] = [];
  if (q.since !== null) {
    where.push('r.published_at >= ?');
    params.push(q.since);
  }
  if (q.until !== null) {
    where.push('r.published_at < ?');
    params.push(q.until);
  }
  if (relaxed && present.length > 0) where.push(`(${present.join(' OR ')})`);
  selects.push(present.length > 0 ? `(${present.map((p) => `(${p})`).join(' + ')}) AS matched` : '0 AS matched');
  const sql = `SELECT ${selects.join(', ')} FROM reports r ${joins.join(' ')}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  return { sql, params };
}

/** Coarse score from the index alone: how strongly each query part is present, and whether in the title. */
function coarseScore(c: Candidate): number {
  let s = c.matched * 10;
  for (const [m, t] of [
    [c.pm, c.pt],
    [c.em, c.et],
    [c.am, c.at],
  ] as const) {
    if (m == null) continue;
    s += WEIGHT.facetPresent + Math.log1p(m) + (t ? WEIGHT.titleMention : 0);
  }
  if (c.bm != null) s += WEIGHT.termMatch * -c.bm; // bm25() is negative: lower is better
  return s;
}

/** Newest first; unknown dates after known ones; then newest ingested. */
function byRecency(a: Candidate, b: Candidate): number {
  if (a.published_at !== b.published_at) {
    if (a.published_at === null) return 1;
    if (b.published_at === null) return -1;
    return a.published_at < b.published_at ? 1 : -1;
  }
  return b.id - a.id;
}

/**
 * Runs a query. Ranking: a report where the query's place and event occur in the same
 * sentence beats one where they share only a paragraph, which beats one that names them
 * far apart; a mention in the title counts more; recency breaks ties.
 */
export function searchReports(query: string, options: { limit: number; offset: number }, deps: SearchDeps): SearchResult {
  const q = parseQuery(query, { lexicon: deps.lexicon, analyzer: deps.analyzer, now: deps.now() });
  const empty: SearchResult = { query: q, total: 0, offset: options.offset, limit: options.limit, relaxed: false, undated: 0, results: [] };
  if (isEmptyQuery(q)) return empty;

  const match = buildMatchExpression(q.termGroups, q.phrases);
  const run = (relaxed: boolean, query: ParsedQuery = q): Candidate[] => {
    const { sql, params } = candidateSql(query, match, relaxed);
    return deps.db.prepare<unknown[], Candidate>(sql).all(...params);
  };
  let relaxed = false;
  let candidates = run(false);
  const groups = [q.places, q.events, q.actors].filter((g) => g.length > 0).length + (match !== null ? 1 : 0);
  if (candidates.length === 0 && groups > 1) {
    relaxed = true;
    candidates = run(true);
  }
  if (candidates.length === 0 && (q.since !== null || q.until !== null)) {
    const undated = run(false, { ...q, since: null, until: null }).filter((c) => c.published_at === null).length;
    return { ...empty, undated };
  }
  for (const c of candidates) c.score = coarseScore(c);
  candidates.sort((a, b) => b.score - a.score || byRecency(a, b));

  const depth = Math.max(RERANK_DEPTH, options.offset + options.limit);
  const head = candidates.slice(0, depth);
  rerankByProximity(head, q, deps);
  const ordered = [...head, ...candidates.slice(depth)];
  const page = ordered.slice(options.offset, options.offset + options.limit);
  return { ...empty, total: candidates.length, relaxed, undated: 0, results: hitsFor(page, q, deps) };
}

/** Which query parts a stored sentence answers. */
function sentenceGroups(s: StoredSentence, q: ParsedQuery, catalog: FacetCatalog): Set<Group> {
  const groups = new Set<Group>();
  const places = new Set(q.places.map((p) => p.key));
  const events = new Set(q.events.map((e) => e.key));
  if (s.places.some((p) => catalog.placeLineage(p).some((l) => places.has(l)))) groups.add('place');
  if (s.events.some((e) => catalog.eventAncestors(e).some((a) => events.has(a)))) groups.add('event');
  if (s.actors.some((a) => q.actors.some((x) => x.key === a))) groups.add('actor');
  return groups;
}

/** Adds the proximity features, read from each candidate's annotated sentences, and re-sorts. */
function rerankByProximity(head: Candidate[], q: ParsedQuery, deps: SearchDeps): void {
  const facetGroups = [q.places, q.events, q.actors].filter((g) => g.length > 0).length;
  if (facetGroups < 2 || head.length === 0) return;
  const rows = deps.db
    .prepare<number[], { id: number; understanding: string }>(
      `SELECT id, understanding FROM reports WHERE id IN (${head.map(() => '?').join(',')})`,
    )
    .all(...head.map((c) => c.id));
  const sentencesById = new Map(
    rows.map((r) => [r.id, ((JSON.parse(r.understanding) as { sentences?: StoredSentence[] }).sentences ?? [])]),
  );
  for (const c of head) {
    let bestSentence = 0;
    const byParagraph = new Map<number, Set<Group>>();
    for (const s of sentencesById.get(c.id) ?? []) {
      const g = sentenceGroups(s, q, deps.catalog);
      bestSentence = Math.max(bestSentence, g.size);
      const para = byParagraph.get(s.paragraph) ?? new Set<Group>();
      for (const x of g) para.add(x);
      byParagraph.set(s.paragraph, para);
    }
    const bestParagraph = Math.max(0, ...[...byParagraph.values()].map((p) => p.size));
    if (bestSentence >= 2) c.score += WEIGHT.sameSentence * (bestSentence - 1);
    if (bestParagraph >= 2) c.score += WEIGHT.sameParagraph * (bestParagraph - 1);
  }
  head.sort((a, b) => b.score - a.score || byRecency(a, b));
}

/** Turns a page of candidates into hits with snippets and facet summaries. */
function hitsFor(page: readonly Candidate[], q: ParsedQuery, deps: SearchDeps): SearchHit[] {
  if (page.length === 0) return [];
  const rows = deps.db
    .prepare<number[], { id: number; external_id: string | null; url: string | null; title: string; source: string | null; published_at: string | null; body: string }>(
      `SELECT id, external_id, url, title, source, published_at, body FROM reports WHERE id IN (${page.map(() => '?').join(',')})`,
    )
    .all(...page.map((c) => c.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const placesOf = deps.db.prepare<[number], { key: string }>(
    'SELECT pcode AS key FROM report_places WHERE report_id = ? ORDER BY mentions DESC, pcode',
  );
  const eventsOf = deps.db.prepare<[number], { key: string }>(
    'SELECT event_type AS key FROM report_events WHERE report_id = ? ORDER BY mentions DESC, event_type',
  );
  const marksOf = sentenceMarker(q, deps);
  return page.map((c) => {
    const r = byId.get(c.id)!;
    return {
      id: r.id,
      externalId: r.external_id,
      url: r.url,
      title: r.title,
      source: r.source,
      publishedAt: r.published_at,
      score: Math.round(c.score * 1000) / 1000,
      snippet: makeSnippet(r.body, deps.sentencesOf(r.body), marksOf),
      places: placesOf.all(c.id).map((f) => f.key).filter((k) => deps.catalog.isGovernorate(k)),
      events: eventsOf.all(c.id).map((f) => f.key),
    };
  });
}

/** Marks, in one sentence, the words that answer the query: its places, events, actors and free words. */
function sentenceMarker(q: ParsedQuery, deps: SearchDeps): (sentence: string) => Mark[] {
  const places = new Set(q.places.map((p) => p.key));
  const events = new Set(q.events.map((e) => e.key));
  const actors = new Set(q.actors.map((a) => a.key));
  const terms = new Set([...q.termGroups.flat(), ...q.phrases.flat()]);
  return (sentence) => {
    const marks: Mark[] = [];
    if (places.size > 0)
      for (const p of deps.lexicon.places(sentence))
        if (deps.catalog.placeLineage(p.key).some((l) => places.has(l))) marks.push({ ...p, group: 'place' });
    if (events.size > 0)
      for (const e of deps.lexicon.events(sentence))
        if (deps.catalog.eventAncestors(e.key).some((a) => events.has(a))) marks.push({ ...e, group: 'event' });
    if (actors.size > 0)
      for (const a of deps.lexicon.actors(sentence)) if (actors.has(a.key)) marks.push({ ...a, group: 'actor' });
    if (terms.size > 0)
      for (const t of deps.analyzer.analyze(sentence)) if (terms.has(t.term)) marks.push({ start: t.start, end: t.end, group: `term` });
    return marks;
  };
}
