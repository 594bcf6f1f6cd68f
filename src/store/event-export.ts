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

/** The selected events, newest first, as ACLED rows: names in English from the gazetteer, the sentence as notes. */
export function exportEvents(db: Db, gazetteer: Gazetteer, selection: EventSelection): AcledRow[] {
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
  if (selection.since !== null) {
    where.push('e.event_date >= ?');
    params.push(selection.since);
  }
  if (selection.until !== null) {
    where.push('e.event_date <= ?');
    params.push(selection.until);
  }
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
