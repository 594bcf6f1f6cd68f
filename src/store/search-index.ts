/**
 * What search reads from the database: the FTS5 index of analyzed terms (`report_terms`), the facet
 * tables, report dates and topics, stored sentences, event records, and a page's hit rows. Search
 * (src/search/) builds match expressions and ranks; this store is the only part of it that knows SQL.
 * The SQL is SQLite's (FTS5 `MATCH` and `bm25` with column weights, `json_each` for id lists); see
 * docs/ARCHITECTURE.md, "Stores", for what a PostgreSQL index would need.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './open-database.js';
import { readHitRows, type HitRow } from './hit-rows.js';

/** A facet table and its key column (primary key `(column, report_id)`), and the keys looked up. */
export interface FacetLookup {
  readonly table: 'report_places' | 'report_events' | 'report_actors';
  readonly column: 'pcode' | 'event_type' | 'actor';
  readonly keys: readonly string[];
}

/**
 * What a strict filter asks: every facet list and the match expression must hold, within the dates.
 * A place holds where an event record is located in it or the title names it, not where the body
 * merely mentions it; an event of a kind records keep holds where a record is of it (`eventKinds`),
 * and with a place, that record must be located there.
 */
export interface MatchFilter {
  readonly places: readonly string[];
  readonly events: readonly string[];
  /**
   * The event keys expanded to every narrower kind, when each is a kind event records keep (not
   * threats, recruitment, extortion, sleeper cells); null when some is not: then events hold by mention.
   */
  readonly eventKinds: readonly string[] | null;
  readonly actors: readonly string[];
  /** An FTS5 match expression of the filter's words and phrases, ANDed (null: none). */
  readonly match: string | null;
  readonly since: string | null;
  readonly until: string | null;
}

export interface IdRange {
  readonly afterId: number;
  readonly upToId: number;
  /** Also reports kept out of digests (`announce = 0`). */
  readonly includeUnannounced?: boolean;
}

export interface SearchIndex {
  /** The BM25 top list of `match`: ids and -bm25 (higher is better), title weighed `titleWeight` beside body 1, best first. */
  bm25Top(match: string, titleWeight: number, limit: number): { id: number; bm: number }[];
  /** The reports carrying any of the facet's keys: summed mentions and whether any is in the title, most mentioned first. */
  facetPostings(facet: FacetLookup, limit: number): { id: number; mentions: number; in_title: number }[];
  /**
   * Every report matching `match`, as [id, title]: with `titled`, title is bm25 with the body weighed 0
   * (below 0 exactly when the title holds the words), else 0.
   */
  textPostings(match: string, titled: boolean): [number, number][];
  /** Publication date and on-topic flag of `ids` that exist. */
  datesAndTopics(ids: readonly number[]): { id: number; published_at: string | null; on_topic: number }[];
  /** The titles of `ids` that exist. */
  titles(ids: readonly number[]): { id: number; title: string }[];
  /** The stored sentences of `ids` as JSON text (null when a report has none), for the caller to parse once. */
  sentencesJson(ids: readonly number[]): { id: number; sentences: string | null }[];
  /** Dated reports within [since, until) (either open), newest first, then newest id. */
  datedIds(since: string | null, until: string | null): number[];
  /** A page's hits: row, stored sentences and facet keys of each, in one query. */
  hitRows(ids: readonly number[]): Map<number, HitRow>;
  /** Ids in the range, in arrival order (no filter). */
  idsInRange(range: IdRange): number[];
  /** Ids in the range matching every part of `filter`, in arrival order. */
  matchingIds(filter: MatchFilter, range: IdRange): number[];
  /**
   * Of `ids`, those with an event record of one of `kinds` (located at one of `places` when given),
   * with the lowest such record's seq (0: the main event).
   */
  eventSeqs(ids: readonly number[], kinds: readonly string[], places: readonly string[] | null): { id: number; seq: number }[];
  /**
   * The reports with an event record of one of `kinds` (located at one of `places` when given; every
   * level of a location's lineage is indexed), with the lowest such record's seq, main events first,
   * at most `limit`.
   */
  eventReports(kinds: readonly string[], places: readonly string[] | null, limit: number): { id: number; seq: number }[];
}

/** Statements by SQL text, per database: a search prepares the same few statements every time. */
const statements = new WeakMap<Db, Map<string, Statement>>();

/** `db.prepare(sql)`, prepared once per database and SQL text (the SQL varies only by a bounded count of placeholders and options). */
function prepared<P extends unknown[], R>(db: Db, sql: string): Statement<P, R> {
  let bySql = statements.get(db);
  if (bySql === undefined) statements.set(db, (bySql = new Map()));
  let stmt = bySql.get(sql);
  if (stmt === undefined) {
    if (bySql.size >= 256) bySql.clear();
    bySql.set(sql, (stmt = db.prepare(sql)));
  }
  return stmt as unknown as Statement<P, R>;
}

export function createSearchIndex(db: Db): SearchIndex {
  const located = db.prepare<[string, string, string], { id: number; seq: number }>(`
    SELECT e.report_id AS id, min(e.seq) AS seq FROM events e
    WHERE e.report_id IN (SELECT value FROM json_each(?))
      AND e.kind IN (SELECT value FROM json_each(?))
      AND EXISTS (SELECT 1 FROM event_places p WHERE p.report_id = e.report_id AND p.seq = e.seq
                  AND p.pcode IN (SELECT value FROM json_each(?)))
    GROUP BY e.report_id`);
  const anywhere = db.prepare<[string, string], { id: number; seq: number }>(`
    SELECT e.report_id AS id, min(e.seq) AS seq FROM events e
    WHERE e.report_id IN (SELECT value FROM json_each(?))
      AND e.kind IN (SELECT value FROM json_each(?))
    GROUP BY e.report_id`);
  const locatedReports = db.prepare<[string, string, number], { id: number; seq: number }>(`
    SELECT p.report_id AS id, min(p.seq) AS seq FROM event_places p
    JOIN events e ON e.report_id = p.report_id AND e.seq = p.seq
    WHERE p.pcode IN (SELECT value FROM json_each(?)) AND e.kind IN (SELECT value FROM json_each(?))
    GROUP BY p.report_id ORDER BY seq, p.report_id DESC LIMIT ?`);
  const kindReports = db.prepare<[string, number], { id: number; seq: number }>(`
    SELECT e.report_id AS id, min(e.seq) AS seq FROM events e
    WHERE e.kind IN (SELECT value FROM json_each(?))
    GROUP BY e.report_id ORDER BY seq, e.report_id DESC LIMIT ?`);
  return {
    bm25Top: (match, titleWeight, limit) =>
      prepared<[string, number], { id: number; bm: number }>(
        db,
        `SELECT rowid AS id, -bm25(report_terms, ${titleWeight}, 1.0) AS bm FROM report_terms WHERE report_terms MATCH ? ORDER BY bm25(report_terms, ${titleWeight}, 1.0) LIMIT ?`,
      ).all(match, limit),
    facetPostings: ({ table, column, keys }, limit) =>
      prepared<unknown[], { id: number; mentions: number; in_title: number }>(
        db,
        `SELECT report_id AS id, sum(mentions) AS mentions, max(in_title) AS in_title FROM ${table} WHERE ${column} IN (${keys.map(() => '?').join(',')}) GROUP BY report_id ORDER BY mentions DESC LIMIT ?`,
      ).all(...keys, limit),
    textPostings: (match, titled) =>
      prepared<[string], { id: number; title: number }>(db, `SELECT rowid AS id, ${titled ? 'bm25(report_terms, 1.0, 0.0)' : '0'} AS title FROM report_terms WHERE report_terms MATCH ?`)
        .raw()
        .all(match) as unknown as [number, number][],
    datesAndTopics: (ids) =>
      prepared<[string], { id: number; published_at: string | null; on_topic: number }>(
        db,
        'SELECT id, published_at, on_topic FROM reports WHERE id IN (SELECT value FROM json_each(?))',
      ).all(JSON.stringify(ids)),
    titles: (ids) =>
      prepared<[string], { id: number; title: string }>(db, 'SELECT id, title FROM reports WHERE id IN (SELECT value FROM json_each(?))').all(
        JSON.stringify(ids),
      ),
    sentencesJson: (ids) =>
      prepared<[string], { id: number; sentences: string | null }>(
        db,
        "SELECT id, json_extract(understanding, '$.sentences') AS sentences FROM reports WHERE id IN (SELECT value FROM json_each(?))",
      ).all(JSON.stringify(ids)),
    datedIds(since, until) {
      const where: string[] = ['published_at IS NOT NULL'];
      const params: string[] = [];
      if (since !== null) {
        where.push('published_at >= ?');
        params.push(since);
      }
      if (until !== null) {
        where.push('published_at < ?');
        params.push(until);
      }
      return prepared<string[], { id: number }>(db, `SELECT id FROM reports WHERE ${where.join(' AND ')} ORDER BY published_at DESC, id DESC`)
        .all(...params)
        .map((r) => r.id);
    },
    hitRows: (ids) => readHitRows(db, ids),
    idsInRange(range) {
      const announced = range.includeUnannounced ? '' : ' AND r.announce = 1';
      return prepared<number[], { id: number }>(db, `SELECT r.id FROM reports r WHERE r.id > ? AND r.id <= ?${announced} ORDER BY r.id`)
        .all(range.afterId, range.upToId)
        .map((r) => r.id);
    },
    matchingIds(filter, range) {
      const announced = range.includeUnannounced ? '' : ' AND r.announce = 1';
      const sets: string[] = [];
      const params: unknown[] = [];
      const marks = (keys: readonly string[]) => keys.map(() => '?').join(',');
      const facet = (table: string, column: string, keys: readonly string[], held = '') => {
        if (keys.length === 0) return;
        sets.push(`SELECT report_id FROM ${table} WHERE ${column} IN (${marks(keys)})${held}`);
        params.push(...keys);
      };
      if (filter.places.length > 0 && filter.eventKinds !== null && filter.events.length > 0) {
        // One record of the kind, located at the place.
        sets.push(
          `SELECT p.report_id FROM event_places p JOIN events e ON e.report_id = p.report_id AND e.seq = p.seq ` +
          `WHERE p.pcode IN (${marks(filter.places)}) AND e.kind IN (${marks(filter.eventKinds)})`,
        );
        params.push(...filter.places, ...filter.eventKinds);
      } else {
        facet('report_places', 'pcode', filter.places, ' AND (in_event = 1 OR in_title = 1)');
        facet('report_events', 'event_type', filter.events, filter.eventKinds !== null ? ' AND in_event = 1' : '');
      }
      facet('report_actors', 'actor', filter.actors);
      if (filter.match !== null) {
        sets.push('SELECT rowid AS report_id FROM report_terms WHERE report_terms MATCH ?');
        params.push(filter.match);
      }
      if (sets.length === 0) sets.push('SELECT id AS report_id FROM reports');
      const where = ['r.id > ?', 'r.id <= ?'];
      params.push(range.afterId, range.upToId);
      if (filter.since !== null) {
        where.push('r.published_at >= ?');
        params.push(filter.since);
      }
      if (filter.until !== null) {
        where.push('r.published_at < ?');
        params.push(filter.until);
      }
      const sql =
        `WITH c AS MATERIALIZED (${sets.join(' INTERSECT ')}) SELECT r.id FROM c JOIN reports r ON r.id = c.report_id ` +
        `WHERE ${where.join(' AND ')}${announced} ORDER BY r.id`;
      return db
        .prepare<unknown[], { id: number }>(sql)
        .all(...params)
        .map((r) => r.id);
    },
    eventSeqs: (ids, kinds, places) =>
      places !== null
        ? located.all(JSON.stringify(ids), JSON.stringify(kinds), JSON.stringify(places))
        : anywhere.all(JSON.stringify(ids), JSON.stringify(kinds)),
    eventReports: (kinds, places, limit) =>
      places !== null
        ? locatedReports.all(JSON.stringify(places), JSON.stringify(kinds), limit)
        : kindReports.all(JSON.stringify(kinds), limit),
  };
}
