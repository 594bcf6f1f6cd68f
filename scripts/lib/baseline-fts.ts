/** The comparison baseline: the same reports in plain FTS5 (unicode61), with no Arabic analysis at all. */
import Database from 'better-sqlite3';

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
