/**
 * The shapes search is given and gives back: its dependencies, the facet catalog, a ranked list and a
 * page of hits. Apart from the ranking (search-reports.ts) and the hits (search-hits.ts), so that
 * neither imports the other for a type.
 */
import type { Analyzer } from '../arabic/analyze-arabic.js';
import type { SearchIndex } from '../store/search-index.js';
import type { EventEvidence } from './event-evidence.js';
import type { Snippet } from './make-snippet.js';
import type { ParsedQuery, QueryLexicon } from './parse-query.js';
import type { QueryPart } from './query-parts.js';

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
