/**
 * The comparison baselines: the same reports in plain FTS5 (unicode61, no Arabic analysis at all), and
 * FTS5 bm25 top-n over Rasid's own analyzed terms.
 */
import Database from 'better-sqlite3';
import type { Analyzer } from '../../src/arabic/analyze-arabic.js';
import { buildMatchExpression } from '../../src/search/build-match-expression.js';
import { parseQuery, type QueryLexicon } from '../../src/search/parse-query.js';
import type { FacetCatalog } from '../../src/search/search-reports.js';
import type { Gazetteer } from '../../src/understand/gazetteer.js';

export interface BaselineIndex {
  add(id: string, title: string, text: string): void;
  /** Runs `fn` in one transaction. */
  batch(fn: () => void): void;
  /** The query's words as FTS5 terms (quoted, implicitly AND-ed), ranked by bm25. */
  search(query: string, limit: number): string[];
  close(): void;
}

/** Splits a query into words the way a plain search box would, quoting each so syntax cannot break it. */
export function baselineMatch(query: string): string | null {
  const words = query.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  return words.length === 0 ? null : words.map((w) => `"${w}"`).join(' ');
}

export function createBaselineIndex(path = ':memory:'): BaselineIndex {
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5 (doc_id UNINDEXED, title, text, tokenize = 'unicode61')`);
  const insert = db.prepare('INSERT INTO docs (doc_id, title, text) VALUES (?, ?, ?)');
  const query = db.prepare<[string, number], { doc_id: string }>(
    'SELECT doc_id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 3.0, 1.0) LIMIT ?',
  );
  return {
    add: (id, title, text) => void insert.run(id, title, text),
    batch: (fn) => db.transaction(fn)(),
    search: (q, limit) => {
      const match = baselineMatch(q);
      return match === null ? [] : query.all(match, limit).map((r) => r.doc_id);
    },
    close: () => db.close(),
  };
}

/** What the analyzed baseline needs to read a query as Rasid does. */
export interface AnalyzedBaselineDeps {
  readonly lexicon: QueryLexicon & Pick<FacetCatalog, 'arabicForms'>;
  readonly analyzer: Analyzer;
  readonly now: Date;
  /** Every Arabic name of a place (see arabicNamesByPlace); without it, the one name Rasid ranks with. */
  readonly placeNames?: (pcode: string) => readonly string[];
}

/** Every Arabic name the gazetteer knows for each place (سوريا as well as الجمهورية العربية السورية). */
export function arabicNamesByPlace(gazetteer: Gazetteer): (pcode: string) => readonly string[] {
  const names = new Map<string, string[]>();
  for (const [name, places] of gazetteer.byArabicName) {
    for (const p of places) {
      const list = names.get(p.pcode) ?? [];
      list.push(name);
      names.set(p.pcode, list);
    }
  }
  return (pcode) => names.get(pcode) ?? [];
}

/**
 * The query as an FTS5 expression over Rasid's own analyzed terms: Rasid's parse (English words
 * translated, Arabic normalized and stemmed), each recognized place, event and actor as the OR of its
 * Arabic forms (a multi-word form as a phrase; for places every name the gazetteer knows), the
 * free-text groups and the quoted phrases, all AND-ed.
 * Null when nothing is left to match. Facets match by their words only: the stored place hierarchy
 * (a town is inside its governorate) and event hierarchy are Rasid's, not FTS5's.
 */
export function analyzedMatchExpression(query: string, deps: AnalyzedBaselineDeps): string | null {
  const q = parseQuery(query, { lexicon: deps.lexicon, analyzer: deps.analyzer, now: deps.now });
  const forms = (kind: 'place' | 'event' | 'actor', key: string) => {
    const names = kind === 'place' && deps.placeNames ? deps.placeNames(key) : deps.lexicon.arabicForms(kind, key);
    return names.map((form) => deps.analyzer.terms(form).join(' ')).filter((t) => t.length > 0);
  };
  const groups = [
    ...q.places.map((p) => forms('place', p.key)),
    ...q.events.map((e) => forms('event', e.key)),
    ...q.actors.map((a) => forms('actor', a.key)),
    ...q.termGroups,
  ].filter((g) => g.length > 0);
  return buildMatchExpression(groups, q.phrases);
}

/**
 * The bench's escape hatch, and the only one: a second, raw connection to a Rasid database file, for
 * the analyzed FTS5 baseline below (plain `bm25` over Rasid's own `report_terms`, which no store
 * offers because Rasid never ranks that way) and the WAL checkpoint before the file is measured.
 * Nothing else may read a Rasid database past its stores; close it before the core.
 */
export function openRawConnectionForBaseline(path: string): Database.Database {
  return new Database(path);
}

/**
 * The baseline the issue asks for: FTS5 `ORDER BY bm25 LIMIT n` over Rasid's `report_terms` (the same
 * analyzed terms, the same index), with the same title weight Rasid gives bm25.
 */
export function createAnalyzedBaseline(db: Database.Database, deps: AnalyzedBaselineDeps): { search(query: string, limit: number): number[] } {
  const top = db.prepare<[string, number], { id: number }>(
    'SELECT rowid AS id FROM report_terms WHERE report_terms MATCH ? ORDER BY bm25(report_terms, 3.0, 1.0) LIMIT ?',
  );
  return {
    search(query, limit) {
      const match = analyzedMatchExpression(query, deps);
      return match === null ? [] : top.all(match, limit).map((r) => r.id);
    },
  };
}
