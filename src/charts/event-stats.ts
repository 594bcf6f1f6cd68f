/**
 * The figures behind `rasid stats` / `rasid map` and their pictures (`Core.eventStats`): built from the
 * store's GROUP BY counts (`src/store/event-counts.ts`), named from the gazetteer, periods without
 * events filled in. Plain data: this is what `--json` prints and what the charts draw.
 */
import type { Labeled } from '../search/search-answer.js';
import type { AcledEventType } from '../understand/acled-types.js';
import { ACLED_SUB_TYPES } from '../understand/acled-types.js';
import type { Gazetteer } from '../understand/gazetteer.js';
import type { Casualties, CountTotals, EventCounter, PeriodUnit } from '../store/event-counts.js';

export type { PeriodUnit } from '../store/event-counts.js';
export type ChartLang = 'ar' | 'en';

/** What a caller may set besides the query. */
export interface EventStatsOptions {
  /** Inclusive YYYY-MM-DD bounds on the event's day (its date, else its report's). */
  readonly since?: string | null;
  readonly until?: string | null;
  /** Weeks or months; by default months when the events span more than ~4 months, else weeks. */
  readonly by?: PeriodUnit | null;
  /** Labels' language; by default Arabic when the query has Arabic script, else English. */
  readonly lang?: ChartLang;
}

/** One period of the timeline: its first day, its events by ACLED type, killed and wounded. */
export interface PeriodStats extends Casualties {
  readonly period: string;
  readonly byType: Readonly<Record<string, number>>;
}

/** A governorate or district (key null: events whose place is unknown at that level). */
export interface AreaStats extends Casualties {
  readonly key: string | null;
  readonly en: string | null;
  readonly ar: string | null;
}

/** A place on the map: its events (and killed) at its gazetteer point, the commonest event type first. */
export interface LocationStats extends Labeled {
  readonly lat: number;
  readonly lon: number;
  readonly events: number;
  readonly killed: number;
  /** The event type with most events there (ties: ACLED order). */
  readonly eventType: string;
  readonly byType: Readonly<Record<string, number>>;
  /** The governorate it lies in (null when the gazetteer knows none). */
  readonly admin1: string | null;
}

/** A governorate's label point on the map: the gazetteer's point, else the mean of its locations. */
export interface GovernorateLabel extends Labeled {
  readonly lat: number;
  readonly lon: number;
  readonly events: number;
}

export interface EventStats {
  readonly query: string;
  readonly lang: ChartLang;
  /** What the query was read as (for titles). */
  readonly filter: { readonly places: readonly Labeled[]; readonly events: readonly Labeled[]; readonly actors: readonly Labeled[]; readonly terms: readonly string[] };
  readonly since: string | null;
  readonly until: string | null;
  readonly by: PeriodUnit;
  readonly totals: CountTotals;
  /** ACLED event types present, in ACLED's order. */
  readonly eventTypes: readonly string[];
  /** Every period from `since` (else the first dated event's) to `until` (else the last's), empty ones included. */
  readonly timeline: readonly PeriodStats[];
  /** Districts when the filter names one governorate, else governorates. */
  readonly areaLevel: 'admin1' | 'admin2';
  /** Most events first; the events of unknown place (key null) last. */
  readonly areas: readonly AreaStats[];
  /** Most events first. */
  readonly locations: readonly LocationStats[];
  readonly governorates: readonly GovernorateLabel[];
}

/** What the core read of the query. */
export interface StatsQuery {
  readonly query: string;
  readonly filter: EventStats['filter'];
  readonly since: string | null;
  readonly until: string | null;
  readonly by: PeriodUnit | null;
  readonly lang: ChartLang;
}

const ACLED_ORDER = Object.keys(ACLED_SUB_TYPES) as AcledEventType[];
const typeRank = (t: string) => {
  const k = ACLED_ORDER.indexOf(t as AcledEventType);
  return k < 0 ? ACLED_ORDER.length : k;
};

/** Arabic script in the query: Arabic labels; else English. */
export const queryLang = (query: string): ChartLang => (/\p{Script=Arabic}/u.test(query) ? 'ar' : 'en');

/** Days from `a` to `b` (YYYY-MM-DD). */
const daysBetween = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

/** Beyond this span (days), a timeline counts months. */
export const MONTHS_BEYOND_DAYS = 122;

/** The first day of the period holding `day` (as the store computes it). */
export function periodStart(day: string, unit: PeriodUnit): string {
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  if (unit === 'day') return day;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Period starts from `from`'s to `to`'s, inclusive. */
export function periodsBetween(from: string, to: string, unit: PeriodUnit): string[] {
  const out: string[] = [];
  const d = new Date(`${periodStart(from, unit)}T00:00:00Z`);
  const last = periodStart(to, unit);
  for (let k = 0; k < 10_000; k++) {
    const s = d.toISOString().slice(0, 10);
    if (s > last) break;
    out.push(s);
    if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (unit === 'day' ? 1 : 7));
  }
  return out;
}

/** Counts and names the selection's events. */
export function buildEventStats(counter: EventCounter, gazetteer: Gazetteer, q: StatsQuery): EventStats {
  const totals = counter.totals();
  // From the asked first day (or the first event's) to the asked last day (or the last event's): an alert's
  // quiet weeks before its burst, a digest's empty days, are part of the picture.
  const first = q.since !== null && totals.from !== null && q.since < totals.from ? q.since : totals.from;
  const last = q.until !== null && totals.to !== null && q.until > totals.to ? q.until : totals.to;
  const by: PeriodUnit = q.by ?? (first !== null && last !== null && daysBetween(first, last) > MONTHS_BEYOND_DAYS ? 'month' : 'week');
  const cells = totals.from === null ? [] : counter.byPeriodAndType(by);
  const types = new Set<string>(cells.map((c) => c.eventType));
  const located = counter.byLocationAndType();
  for (const l of located) types.add(l.eventType);
  const eventTypes = [...types].sort((a, b) => typeRank(a) - typeRank(b) || a.localeCompare(b));

  const periods = first === null || last === null ? [] : periodsBetween(first, last, by);
  const byPeriod = new Map(periods.map((p) => [p, { period: p, events: 0, killed: 0, wounded: 0, byType: {} as Record<string, number> }]));
  for (const c of cells) {
    const p = byPeriod.get(c.period);
    if (p === undefined) continue;
    p.events += c.events;
    p.killed += c.killed;
    p.wounded += c.wounded;
    p.byType[c.eventType] = (p.byType[c.eventType] ?? 0) + c.events;
  }

  const governorates = q.filter.places.filter((p) => gazetteer.get(p.key)?.level === 'admin1');
  const areaLevel = q.filter.places.length === 1 && governorates.length === 1 ? 'admin2' : 'admin1';
  const areas = counter.byArea(areaLevel).map((a) => {
    const place = a.pcode === null ? undefined : gazetteer.get(a.pcode);
    return { key: a.pcode, en: place?.nameEn ?? a.pcode, ar: place?.nameAr ?? a.pcode, events: a.events, killed: a.killed, wounded: a.wounded };
  }).sort((a, b) => Number(a.key === null) - Number(b.key === null)); // place unknown last

  const locations = new Map<string, { key: string; en: string; ar: string; lat: number; lon: number; events: number; killed: number; byType: Record<string, number>; admin1: string | null }>();
  for (const l of located) {
    let loc = locations.get(l.pcode);
    if (loc === undefined) {
      const place = gazetteer.get(l.pcode);
      loc = { key: l.pcode, en: place?.nameEn ?? l.pcode, ar: place?.nameAr ?? l.pcode, lat: l.lat, lon: l.lon, events: 0, killed: 0, byType: {}, admin1: place?.admin1Pcode ?? null };
      locations.set(l.pcode, loc);
    }
    loc.events += l.events;
    loc.killed += l.killed;
    loc.byType[l.eventType] = (loc.byType[l.eventType] ?? 0) + l.events;
  }
  const locationStats: LocationStats[] = [...locations.values()]
    .map((l) => ({ ...l, eventType: Object.entries(l.byType).sort((a, b) => b[1] - a[1] || typeRank(a[0]) - typeRank(b[0]))[0]![0] }))
    .sort((a, b) => b.events - a.events || a.key.localeCompare(b.key));

  const byGovernorate = new Map<string, LocationStats[]>();
  for (const l of locationStats) if (l.admin1 !== null) byGovernorate.set(l.admin1, [...(byGovernorate.get(l.admin1) ?? []), l]);
  const governorateLabels: GovernorateLabel[] = [...byGovernorate].map(([pcode, locs]) => {
    const place = gazetteer.get(pcode);
    const events = locs.reduce((n, l) => n + l.events, 0);
    const mean = (f: (l: LocationStats) => number) => locs.reduce((s, l) => s + f(l) * l.events, 0) / events;
    return {
      key: pcode, en: place?.nameEn ?? pcode, ar: place?.nameAr ?? pcode,
      lat: place?.lat ?? mean((l) => l.lat), lon: place?.lon ?? mean((l) => l.lon), events,
    };
  }).sort((a, b) => b.events - a.events || a.key.localeCompare(b.key));

  return {
    query: q.query, lang: q.lang, filter: q.filter, since: q.since, until: q.until, by, totals, eventTypes,
    timeline: [...byPeriod.values()], areaLevel, areas, locations: locationStats, governorates: governorateLabels,
  };
}
