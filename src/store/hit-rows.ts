/** What a page of search hits shows of each report, read in one query for the whole page. */
import type { Db } from './open-database.js';

export interface HitRow {
  readonly id: number;
  readonly externalId: string | null;
  readonly url: string | null;
  readonly title: string;
  readonly source: string | null;
  readonly publishedAt: string | null;
  readonly body: string;
  /** The understanding's annotated sentences as stored (JSON text; null when it has none), parsed by the caller once. */
  readonly sentencesJson: string | null;
  /** Place keys as indexed (with ancestors), most mentioned first, then by key. */
  readonly places: readonly string[];
  /** Event keys as indexed (with broader types), most mentioned first, then by key. */
  readonly events: readonly string[];
}

interface Row {
  id: number;
  external_id: string | null;
  url: string | null;
  title: string;
  source: string | null;
  published_at: string | null;
  body: string;
  sentences: string | null;
  places: string;
  events: string;
}

const SQL = `
  SELECT r.id, r.external_id, r.url, r.title, r.source, r.published_at, r.body,
         json_extract(r.understanding, '$.sentences') AS sentences,
         (SELECT json_group_array(pcode ORDER BY mentions DESC, pcode) FROM report_places WHERE report_id = r.id) AS places,
         (SELECT json_group_array(event_type ORDER BY mentions DESC, event_type) FROM report_events WHERE report_id = r.id) AS events
  FROM reports r WHERE r.id IN (SELECT value FROM json_each(?))`;

const statements = new WeakMap<Db, import('better-sqlite3').Statement<[string], Row>>();

/** The rows of `ids` that exist, by id (one query, whatever the page's size). */
export function readHitRows(db: Db, ids: readonly number[]): Map<number, HitRow> {
  let stmt = statements.get(db);
  if (stmt === undefined) statements.set(db, (stmt = db.prepare<[string], Row>(SQL)));
  return new Map(
    stmt.all(JSON.stringify(ids)).map((r) => [
      r.id,
      {
        id: r.id,
        externalId: r.external_id,
        url: r.url,
        title: r.title,
        source: r.source,
        publishedAt: r.published_at,
        body: r.body,
        sentencesJson: r.sentences,
        places: JSON.parse(r.places) as string[],
        events: JSON.parse(r.events) as string[],
      },
    ]),
  );
}
