/** Event records as ACLED's export columns, read from the `events` table (`rasid events`). */
import type { Gazetteer } from '../understand/gazetteer.js';
import type { Db } from './open-database.js';

/** ACLED's column names, in ACLED's order (the ones Rasid can fill). */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'country',
  'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_url', 'notes',
  'fatalities',
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];
export type AcledRow = Record<AcledColumn, string | number | null>;

/** Which events to export; every part given must hold. */
export interface EventSelection {
  /** Reports the events must come from (a filter query's matches); null: any. */
  readonly reportIds: readonly number[] | null;
  /** P-codes: the event's location must be one of them or lie inside one. Empty: anywhere. */
  readonly places: readonly string[];
  /** Kinds the event must have (a broader type already expanded). Empty: any. */
  readonly kinds: readonly string[];
  /** Inclusive YYYY-MM-DD bounds on the event date; an event of unknown date is left out when either is set. */
  readonly since: string | null;
  readonly until: string | null;
}

interface Row {
  report_id: number; seq: number; event_type: string; sub_event_type: string; actor1: string | null; actor2: string | null;
  country: string | null; admin1: string | null; admin2: string | null; admin3: string | null; location: string | null;
  latitude: number | null; longitude: number | null; geo_precision: number | null; event_date: string | null;
  time_precision: number | null; fatalities: number; sentence_start: number | null; sentence_end: number | null;
  source: string | null; url: string | null; title: string; body: string;
}

/**
 * The WHERE conditions (over `events e JOIN reports r`) and their parameters that pick a selection's
 * events: its reports, its places (anywhere in the location's lineage, `event_places`), its kinds, and
 * `since` / `until` on `day`, the SQL of the day that counts (the event date for the export, the event
 * date else the report's day for the counts). Lists go in as JSON (`json_each`), one parameter each.
 */
export function selectionWhere(selection: Partial<EventSelection> & Pick<EventSelection, 'reportIds' | 'places' | 'kinds'>, day: string): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const list = (values: readonly (string | number)[]) => {
    params.push(JSON.stringify(values));
    return '(SELECT value FROM json_each(?))';
  };
  if (selection.reportIds !== null) where.push(`e.report_id IN ${list(selection.reportIds)}`);
  if (selection.places.length > 0) {
    where.push(`EXISTS (SELECT 1 FROM event_places p WHERE p.report_id = e.report_id AND p.seq = e.seq AND p.pcode IN ${list(selection.places)})`);
  }
  if (selection.kinds.length > 0) where.push(`e.kind IN ${list(selection.kinds)}`);
  if (selection.since != null) {
    where.push(`${day} >= ?`);
    params.push(selection.since);
  }
  if (selection.until != null) {
    where.push(`${day} <= ?`);
    params.push(selection.until);
  }
  return { where, params };
}

/** The selected events, newest first, as ACLED rows: names in English from the gazetteer, the sentence as notes. */
export function exportEvents(db: Db, gazetteer: Gazetteer, selection: EventSelection): AcledRow[] {
  const { where, params } = selectionWhere(selection, 'e.event_date');
  const rows = db.prepare<unknown[], Row>(`
    SELECT e.*, r.source, r.url, r.title, r.body FROM events e JOIN reports r ON r.id = e.report_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY e.event_date IS NULL, e.event_date DESC, e.report_id DESC, e.seq`).all(...params);
  const name = (pcode: string | null) => (pcode === null ? null : gazetteer.get(pcode)?.nameEn ?? pcode);
  return rows.map((r) => ({
    event_id_cnty: `${r.country ?? 'XX'}${r.report_id}-${r.seq + 1}`,
    event_date: r.event_date,
    time_precision: r.time_precision,
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    actor1: r.actor1,
    actor2: r.actor2,
    country: name(r.country),
    admin1: name(r.admin1),
    admin2: name(r.admin2),
    admin3: name(r.admin3),
    location: name(r.location),
    latitude: r.latitude,
    longitude: r.longitude,
    geo_precision: r.geo_precision,
    source: r.source,
    source_url: r.url,
    notes: (r.sentence_start !== null && r.sentence_end !== null ? r.body.slice(r.sentence_start, r.sentence_end) : r.title).replace(/\s+/gu, ' ').trim(),
    fatalities: r.fatalities,
  }));
}

/** One event record for counting activity: its report and the report's dates (what spike alerts count). */
export interface EventActivity {
  readonly reportId: number;
  readonly seq: number;
  readonly publishedAt: string | null;
  readonly ingestedAt: string;
  readonly fatalities: number;
  readonly injuries: number;
}

/**
 * The selected events of reports that arrived after `afterReportId` (ids grow with arrival, so this is
 * "reports ingested since then"), oldest report first. `since` / `until` are not read: activity is
 * counted by the report's time, not the event date.
 */
export function eventActivity(db: Db, selection: Pick<EventSelection, 'reportIds' | 'places' | 'kinds'>, afterReportId: number): EventActivity[] {
  const { where, params } = selectionWhere(selection, 'e.event_date');
  where.unshift('e.report_id > ?');
  params.unshift(afterReportId);
  return db
    .prepare<unknown[], { report_id: number; seq: number; published_at: string | null; ingested_at: string; fatalities: number; injuries: number }>(`
      SELECT e.report_id, e.seq, r.published_at, r.ingested_at, e.fatalities, e.injuries
      FROM events e JOIN reports r ON r.id = e.report_id
      WHERE ${where.join(' AND ')} ORDER BY e.report_id, e.seq`)
    .all(...params)
    .map((r) => ({ reportId: r.report_id, seq: r.seq, publishedAt: r.published_at, ingestedAt: r.ingested_at, fatalities: r.fatalities, injuries: r.injuries }));
}

/** The oldest time the corpus reaches back to (the earliest publication or arrival), null when empty. */
export function corpusStart(db: Db): string | null {
  // Two index look-ups (reports_by_published, reports_by_ingested), not a scan.
  const published = db.prepare<[], { t: string | null }>('SELECT min(published_at) AS t FROM reports WHERE published_at IS NOT NULL').get()!.t;
  const ingested = db.prepare<[], { t: string | null }>('SELECT min(ingested_at) AS t FROM reports').get()!.t;
  const times = [published, ingested].filter((t): t is string => t !== null && !Number.isNaN(Date.parse(t)));
  if (times.length === 0) return null;
  return new Date(Math.min(...times.map((t) => Date.parse(t)))).toISOString();
}
