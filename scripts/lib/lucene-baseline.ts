/**
 * The fair baseline: what a stock Lucene Arabic analyzer gives (normalize, stopwords, light10 stems; no
 * name protection, no domain knowledge), BM25 over title and body, the query's words ORed. Built over
 * an in-memory FTS5 table of our analyzer's terms, so the only differences from Rasid are its ranking
 * and its domain knowledge.
 */
import Database from 'better-sqlite3';
import { defaultAnalyzer } from '../../src/arabic/analyze-arabic.js';
import { quoteTerm } from '../../src/search/build-match-expression.js';
import type { BaselineIndex } from './baseline-fts.js';

/** Title weight beside body 1, as in the plain FTS5 baseline (a Lucene multi-field query with a title boost). */
const TITLE_WEIGHT = 3;

/** The query as Lucene's QueryParser would make it with the Arabic analyzer: each analyzed term a SHOULD clause. */
export function luceneMatch(query: string): string | null {
  const terms = [...new Set(defaultAnalyzer.terms(query))];
  return terms.length === 0 ? null : terms.map(quoteTerm).join(' OR ');
}

export function createLuceneBaseline(): BaselineIndex {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5 (doc_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 0')`);
  const insert = db.prepare('INSERT INTO docs (doc_id, title, body) VALUES (?, ?, ?)');
  const query = db.prepare<[string, number], { doc_id: string }>(
    `SELECT doc_id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, ${TITLE_WEIGHT}, 1.0) LIMIT ?`,
  );
  return {
    add: (id, title, text) => void insert.run(id, defaultAnalyzer.terms(title).join(' '), defaultAnalyzer.terms(text).join(' ')),
    batch: (fn) => db.transaction(fn)(),
    search: (q, limit) => {
      const match = luceneMatch(q);
      return match === null ? [] : query.all(match, limit).map((r) => r.doc_id);
    },
    close: () => db.close(),
  };
}
