/**
 * A filter, not a search: the reports that match every part of a query, in arrival order. Digests use it
 * to pick what is new for a subscription; `rasid stats` to count. Ranking lives in search-reports.ts.
 */
import type { Analyzer } from '../arabic/analyze-arabic.js';
import type { Db } from '../store/open-database.js';
import { buildMatchExpression } from './build-match-expression.js';
import { isEmptyQuery, parseQuery, type QueryLexicon } from './parse-query.js';

export interface MatchDeps {
  readonly db: Db;
  readonly analyzer: Analyzer;
  readonly lexicon: QueryLexicon;
  readonly now: () => Date;
}

/**
 * The announced reports with ids in (afterId, upToId] that match `filter` (the search query
 * language; null or blank for all), in arrival order. Every part of the filter must match: the
 * INTERSECT of one id list per part (facet tables by primary key, one FTS5 MATCH of the words ANDed).
 */
export function matchingReportIds(
  filter: string | null,
  range: { afterId: number; upToId: number; includeUnannounced?: boolean },
  deps: MatchDeps,
): number[] {
  const announced = range.includeUnannounced ? '' : ' AND r.announce = 1';
  if (filter === null || filter.trim() === '') {
    return deps.db
      .prepare<number[], { id: number }>(`SELECT r.id FROM reports r WHERE r.id > ? AND r.id <= ?${announced} ORDER BY r.id`)
      .all(range.afterId, range.upToId)
      .map((r) => r.id);
  }
  const q = parseQuery(filter, { lexicon: deps.lexicon, analyzer: deps.analyzer, now: deps.now() });
  if (isEmptyQuery(q)) return [];
  const sets: string[] = [];
  const params: unknown[] = [];
  const facet = (table: string, column: string, keys: readonly string[]) => {
    if (keys.length === 0) return;
    sets.push(`SELECT report_id FROM ${table} WHERE ${column} IN (${keys.map(() => '?').join(',')})`);
    params.push(...keys);
  };
  facet('report_places', 'pcode', q.places.map((p) => p.key));
  facet('report_events', 'event_type', q.events.map((e) => e.key));
  facet('report_actors', 'actor', q.actors.map((a) => a.key));
  const match = buildMatchExpression(q.termGroups, q.phrases);
  if (match !== null) {
    sets.push('SELECT rowid AS report_id FROM report_terms WHERE report_terms MATCH ?');
    params.push(match);
  }
  if (sets.length === 0) sets.push('SELECT id AS report_id FROM reports');
  const where = ['r.id > ?', 'r.id <= ?'];
  params.push(range.afterId, range.upToId);
  if (q.since !== null) {
    where.push('r.published_at >= ?');
    params.push(q.since);
  }
  if (q.until !== null) {
    where.push('r.published_at < ?');
    params.push(q.until);
  }
  const sql =
    `WITH c AS MATERIALIZED (${sets.join(' INTERSECT ')}) SELECT r.id FROM c JOIN reports r ON r.id = c.report_id ` +
    `WHERE ${where.join(' AND ')}${announced} ORDER BY r.id`;
  return deps.db
    .prepare<unknown[], { id: number }>(sql)
    .all(...params)
    .map((r) => r.id);
}
