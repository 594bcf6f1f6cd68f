/**
 * Event records counted for charts (`rasid stats`, `rasid map`, `Core.eventStats`): every figure is a
 * GROUP BY in SQLite over the `events` table, so a selection of 10,000 events never comes into
 * JavaScript row by row. An event's day is its own date, else its report's publication date; an
 * event with neither is counted apart ("undated") and in no period.
 */
import { selectionWhere, type EventSelection } from './event-export.js';
import type { Db } from './open-database.js';

/** Periods a timeline is cut into: days, weeks starting on Monday (ISO), months on the 1st. */
export type PeriodUnit = 'day' | 'week' | 'month';

/** Killed and wounded as stored on the events (their `fatalities` and `injuries`). */
export interface Casualties {
  readonly events: number;
  readonly killed: number;
  readonly wounded: number;
}

/** The selection's extent: how many events and reports, and the days it covers. */
export interface CountTotals extends Casualties {
  /** Distinct reports the events come from. */
  readonly reports: number;
  /** First and last day of the dated events (YYYY-MM-DD); null when none is dated. */
  readonly from: string | null;
  readonly to: string | null;
  /** Events with neither a date of their own nor a dated report: in no period. */
  readonly undated: Casualties;
}

/** One (period, ACLED event type) cell. `period` is the first day of the week or month. */
export interface PeriodTypeCount extends Casualties {
  readonly period: string;
  readonly eventType: string;
}

/** One area (a governorate or a district p-code; null: the event's place is unknown at that level). */
export interface AreaCount extends Casualties {
  readonly pcode: string | null;
}

/** One location (a gazetteer place) and event type, with the point stored on its events. */
export interface LocationTypeCount {
  readonly pcode: string;
  readonly eventType: string;
  readonly events: number;
  readonly killed: number;
  readonly lat: number;
  readonly lon: number;
}

/** The SQL of an event's effective day: its own date, else the report's publication day. */
const DAY = 'COALESCE(e.event_date, substr(r.published_at, 1, 10))';

/** The first day of the period holding `day`. */
const periodExpr = (unit: PeriodUnit): string =>
  unit === 'month' ? `substr(${DAY}, 1, 7) || '-01'` : unit === 'day' ? DAY : `date(${DAY}, '-6 days', 'weekday 1')`;

const CASUALTY_SUMS = 'count(*) AS events, COALESCE(sum(e.fatalities), 0) AS killed, COALESCE(sum(e.injuries), 0) AS wounded';

/** The counting queries of one selection, sharing its WHERE clause. */
export interface EventCounter {
  totals(): CountTotals;
  byPeriodAndType(unit: PeriodUnit): PeriodTypeCount[];
  byArea(level: 'admin1' | 'admin2'): AreaCount[];
  byLocationAndType(): LocationTypeCount[];
}

/**
 * Counters over the events a selection picks. Unlike the export, `since` / `until` bound the
 * effective day (the event's date, else its report's), and bounds leave undated events out.
 */
export function countEvents(db: Db, selection: EventSelection): EventCounter {
  const { where, params } = selectionWhere(selection, DAY);
  const from = `FROM events e JOIN reports r ON r.id = e.report_id ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`;
  const all = <T>(sql: string): T[] => db.prepare<unknown[], T>(sql).all(...params);

  return {
    totals() {
      const [t] = all<{ events: number; killed: number; wounded: number; reports: number; first: string | null; last: string | null; u_events: number; u_killed: number; u_wounded: number }>(`
        SELECT ${CASUALTY_SUMS}, count(DISTINCT e.report_id) AS reports, min(${DAY}) AS first, max(${DAY}) AS last,
          COALESCE(sum(${DAY} IS NULL), 0) AS u_events,
          COALESCE(sum(CASE WHEN ${DAY} IS NULL THEN e.fatalities ELSE 0 END), 0) AS u_killed,
          COALESCE(sum(CASE WHEN ${DAY} IS NULL THEN e.injuries ELSE 0 END), 0) AS u_wounded
        ${from}`);
      return {
        events: t!.events, killed: t!.killed, wounded: t!.wounded, reports: t!.reports, from: t!.first, to: t!.last,
        undated: { events: t!.u_events, killed: t!.u_killed, wounded: t!.u_wounded },
      };
    },
    byPeriodAndType(unit) {
      return all<PeriodTypeCount>(`
        SELECT ${periodExpr(unit)} AS period, e.event_type AS eventType, ${CASUALTY_SUMS}
        ${from} ${where.length > 0 ? 'AND' : 'WHERE'} ${DAY} IS NOT NULL
        GROUP BY 1, 2 ORDER BY 1, 2`);
    },
    byArea(level) {
      const column = level === 'admin1' ? 'e.admin1' : 'e.admin2';
      return all<AreaCount>(`
        SELECT ${column} AS pcode, ${CASUALTY_SUMS} ${from}
        GROUP BY 1 ORDER BY events DESC, pcode`);
    },
    byLocationAndType() {
      return all<LocationTypeCount>(`
        SELECT e.location AS pcode, e.event_type AS eventType, count(*) AS events, COALESCE(sum(e.fatalities), 0) AS killed,
          avg(e.latitude) AS lat, avg(e.longitude) AS lon
        ${from} ${where.length > 0 ? 'AND' : 'WHERE'} e.location IS NOT NULL AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL
        GROUP BY 1, 2 ORDER BY events DESC, pcode, eventType`);
    },
  };
}
