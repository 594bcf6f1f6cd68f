/**
 * A Lucene-style Arabic baseline for the eval: our analyzer's normalized, light10-stemmed terms (no name
 * protection, as Lucene's ArabicAnalyzer has none), BM25 (k1 1.2, b 0.75, Lucene's idf) over title and body
 * summed, query words ORed. English words reach only the few Latin words in the Arabic text.
 */
import { createAnalyzer } from '../../src/arabic/analyze-arabic.js';
import type { BaselineIndex } from './baseline-fts.js';

export interface LuceneIndex {
  add(id: string, title: string, text: string): void;
  /** Ids of the best `limit` reports for the query's terms, ORed, by summed BM25 (ties by insertion order). */
  search(query: string, limit: number): string[];
}

const K1 = 1.2;
const B = 0.75;

/** One field's inverted index: term → (doc → term frequency), and each doc's length in terms. */
interface Field {
  postings: Map<string, Map<number, number>>;
  lengths: number[];
  total: number;
}

function emptyField(): Field {
  return { postings: new Map(), lengths: [], total: 0 };
}

function addTo(field: Field, doc: number, terms: readonly string[]): void {
  field.lengths[doc] = terms.length;
  field.total += terms.length;
  for (const term of terms) {
    let docs = field.postings.get(term);
    if (!docs) field.postings.set(term, (docs = new Map()));
    docs.set(doc, (docs.get(doc) ?? 0) + 1);
  }
}

/** Adds each doc's BM25 for `term` in `field` to `scores`. */
function scoreTerm(field: Field, term: string, docCount: number, scores: Map<number, number>): void {
  const docs = field.postings.get(term);
  if (!docs) return;
  const idf = Math.log(1 + (docCount - docs.size + 0.5) / (docs.size + 0.5));
  const avg = field.total / docCount || 1;
  for (const [doc, tf] of docs) {
    const norm = tf + K1 * (1 - B + (B * field.lengths[doc]!) / avg);
    scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
  }
}

export function createLuceneIndex(): LuceneIndex {
  const analyzer = createAnalyzer();
  const ids: string[] = [];
  const title = emptyField();
  const body = emptyField();
  return {
    add(id, t, text) {
      const doc = ids.push(id) - 1;
      addTo(title, doc, analyzer.terms(t));
      addTo(body, doc, analyzer.terms(text));
    },
    search(query, limit) {
      const scores = new Map<number, number>();
      for (const term of new Set(analyzer.terms(query))) {
        scoreTerm(title, term, ids.length, scores);
        scoreTerm(body, term, ids.length, scores);
      }
      return [...scores]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, limit)
        .map(([doc]) => ids[doc]!);
    },
  };
}

/** The same index behind the eval's baseline interface, so it runs beside plain FTS5 in one table. */
export function createLuceneBaseline(): BaselineIndex {
  const index = createLuceneIndex();
  return { add: index.add, batch: (fn) => fn(), search: index.search, close: () => undefined };
}
