/**
 * The spike detector of alert subscriptions, as pure functions: events of the last 24 hours against their
 * rolling daily mean over the 28 days before, k standard deviations above it firing (as news-monitoring
 * systems such as the EMM do), with hysteresis: an alert that fired stays quiet until the count falls back.
 */

/** Standard deviations above the mean that fire, unless the subscription says otherwise. */
export const DEFAULT_K = 3;
/** The largest k an alert takes: beyond it nothing real would ever fire. */
export const MAX_ALERT_K = 10;
/** How often an alert is checked unless the subscription says otherwise: every hour, on the hour. */
export const ALERT_CRON = '0 * * * *';
/** Fewer events than this never fire, whatever the history: 1 or 2 events in a quiet place are not a burst. */
export const MIN_COUNT = 3;
/** Days of history the mean and deviation are taken over (zero days included). */
export const HISTORY_DAYS = 28;
/** Fewer full days of history than this (a new corpus) and nothing fires: there is no "usual" yet. */
export const MIN_HISTORY_DAYS = 7;
/** One "day": the current window and each history day are 24-hour windows ending at the check. */
export const DAY_MS = 86_400_000;

/** What the current window is compared with. */
export interface SpikeLevel {
  /** Mean events per day over the history. */
  readonly mean: number;
  /** The deviation used: the sample standard deviation, floored at √mean (the Poisson spread). */
  readonly sd: number;
  /** mean + k·sd: a count above it (and at least MIN_COUNT) is a spike. */
  readonly threshold: number;
}

/**
 * The usual level of `history` (daily counts). The deviation is floored at √mean: counts of events are
 * Poisson-like, and a history that happens to be flat (5, 5, 5, …) or nearly empty would otherwise have
 * a deviation near 0 and fire on any small wobble. A history of all zeros has sd 0 and threshold 0:
 * there MIN_COUNT alone decides (3 events where there were none is news).
 */
export function spikeLevel(history: readonly number[], k: number): SpikeLevel {
  const n = history.length;
  const mean = n === 0 ? 0 : history.reduce((a, b) => a + b, 0) / n;
  const variance = n < 2 ? 0 : history.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const sd = Math.max(Math.sqrt(variance), Math.sqrt(mean));
  return { mean, sd, threshold: mean + k * sd };
}

export type SpikeState = 'quiet' | 'firing';

/**
 * What a check decides: `fire` (quiet, and the count exceeds the threshold: send the alert), `still_firing`
 * (it fired before and the count is still above: say nothing), `fell_back` (it fired before and the count
 * is back at or under the threshold: quiet again, ready for the next burst), `quiet`, or `warming_up`
 * (too little history to know what is usual).
 */
export type SpikeDecision = 'fire' | 'still_firing' | 'fell_back' | 'quiet' | 'warming_up';

export interface SpikeInput {
  /** Events in the current window (the last 24 hours). */
  readonly count: number;
  /** Events per history day, most recent first or not (order does not matter); only full days covered by the corpus. */
  readonly history: readonly number[];
  readonly k: number;
  readonly state: SpikeState;
  readonly minCount?: number;
}

export interface SpikeVerdict extends SpikeLevel {
  readonly decision: SpikeDecision;
  /** The state after this check. */
  readonly next: SpikeState;
}

/** Decides one check (see SpikeDecision). Exceeding is strict: a count equal to the threshold does not fire. */
export function decideSpike(input: SpikeInput): SpikeVerdict {
  const level = spikeLevel(input.history, input.k);
  if (input.history.length < MIN_HISTORY_DAYS) return { ...level, decision: 'warming_up', next: 'quiet' };
  const exceeds = input.count >= (input.minCount ?? MIN_COUNT) && input.count > level.threshold;
  if (input.state === 'firing') return { ...level, decision: exceeds ? 'still_firing' : 'fell_back', next: exceeds ? 'firing' : 'quiet' };
  return { ...level, decision: exceeds ? 'fire' : 'quiet', next: exceeds ? 'firing' : 'quiet' };
}

/**
 * When an event counts: its report's publication time, never later than the report's arrival (a date in a
 * wrong zone can lie ahead). Null when the report has no date: such a report is nearly always an archive page
 * or file (feed items carry their date, or their page's), and its arrival says nothing about when it happened;
 * counted at arrival, importing a folder of them would look like a burst.
 */
export function activityTime(publishedAt: string | null, ingestedAt: string): number | null {
  const published = publishedAt === null ? Number.NaN : Date.parse(publishedAt);
  if (Number.isNaN(published)) return null;
  const arrived = Date.parse(ingestedAt);
  return Number.isNaN(arrived) ? published : Math.min(published, arrived);
}

/** The counts of one check: the current 24 hours, and each full history day the corpus covers. */
export interface WindowCounts {
  /** Events in (now − 24 h, now]. */
  readonly count: number;
  /** Events of day i = (now − 24 h·(i+1), now − 24 h·i], i = 1…HISTORY_DAYS, only days starting at or after `corpusStart`; index 0 is day 1. */
  readonly history: readonly number[];
}

/** Buckets event times (ms) into the current window and the history days before it (zero days included). */
export function windowCounts(times: readonly number[], now: number, corpusStart: number | null): WindowCounts {
  const days = new Array<number>(HISTORY_DAYS + 1).fill(0);
  for (const t of times) {
    if (t > now) continue;
    // (now − 24 h, now] is day 0: an event exactly 24 h old belongs to day 1.
    const d = Math.floor((now - t) / DAY_MS);
    if (d <= HISTORY_DAYS) days[d]!++;
  }
  const covered = corpusStart === null ? 0 : Math.min(HISTORY_DAYS, Math.max(0, Math.floor((now - corpusStart) / DAY_MS) - 1));
  return { count: days[0]!, history: days.slice(1, 1 + covered) };
}
