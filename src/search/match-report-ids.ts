/**
 * A filter, not a search: the reports that match every part of a query, in arrival order. Digests use it
 * to pick what is new for a subscription; `rasid stats` to count. Ranking lives in search-reports.ts.
 */
import type { Analyzer } from '../arabic/analyze-arabic.js';
import type { SearchIndex } from '../store/search-index.js';
import { NOT_HAPPENINGS, recordKindsOf } from '../understand/acled-types.js';
import type { EventKey } from '../understand/events.js';
import { buildMatchExpression } from './build-match-expression.js';
import { isEmptyQuery, parseQuery, type QueryLexicon } from './parse-query.js';

export interface MatchDeps {
  readonly index: SearchIndex;
  readonly analyzer: Analyzer;
  readonly lexicon: QueryLexicon;
  readonly now: () => Date;
}

/**
 * The announced reports with ids in (afterId, upToId] that match `filter` (the search query
 * language; null or blank for all), in arrival order. Every part of the filter must match: the
 * INTERSECT of one id list per part (facet tables by primary key, one FTS5 MATCH of the words ANDed).
 * Places and events hold by what happened, not by what is mentioned (see MatchFilter): a Raqqa digest
 * carries reports of events in Raqqa and reports whose title names it, not every report naming it.
 */
export function matchingReportIds(
  filter: string | null,
  range: { afterId: number; upToId: number; includeUnannounced?: boolean },
  deps: MatchDeps,
): number[] {
  if (filter === null || filter.trim() === '') return deps.index.idsInRange(range);
  const q = parseQuery(filter, { lexicon: deps.lexicon, analyzer: deps.analyzer, now: deps.now() });
  if (isEmptyQuery(q)) return [];
  return deps.index.matchingIds(
    {
      places: q.places.map((p) => p.key),
      events: q.events.map((e) => e.key),
      eventKinds: q.events.every((e) => !NOT_HAPPENINGS.has(e.key as EventKey))
        ? recordKindsOf(q.events.map((e) => e.key))
        : null,
      actors: q.actors.map((a) => a.key),
      match: buildMatchExpression(q.termGroups, q.phrases),
      since: q.since,
      until: q.until,
    },
    range,
  );
}
