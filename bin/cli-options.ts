/** Parsers for command-line values: each refuses a bad value with one line naming what is allowed. */
import { InvalidArgumentError } from 'commander';
import { parseDuration } from '../src/feeds/parse-duration.js';
import type { Interpretation } from '../src/search/search-answer.js';
import { UsageError } from './cli-errors.js';

/** A whole number within [min, max]. */
export const wholeNumber = (min: number, max: number) => (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}`);
  return n;
};

/** A positive number up to `max` (decimals allowed: an alert's k such as 2.5). */
export const positiveNumber = (max: number) => (value: string): number => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > max) throw new InvalidArgumentError(`Expected a number above 0 and at most ${max} (e.g. 2.5)`);
  return n;
};

/** A duration such as 12h, 7d or 2w, in milliseconds (more than zero, at most a year). */
export const duration = (value: string): number => {
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidArgumentError('Expected a duration of more than zero and at most a year, such as 30m, 12h, 7d or 2w');
  return ms;
};

/** An IANA time zone the runtime knows. */
export const timeZone = (value: string): string => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw new InvalidArgumentError('Expected an IANA time zone such as Asia/Damascus, Asia/Baghdad, Europe/Berlin or UTC');
  }
  return value;
};

/** Where a time zone's clock stands at a UTC instant, as an offset in milliseconds. */
function zoneOffsetMs(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

/** A "since" value: a calendar day (midnight in the digest's zone), an instant (ISO 8601 with a time), or a duration back from now. */
export type Since =
  | { readonly kind: 'day'; readonly utcMidnight: number }
  | { readonly kind: 'instant'; readonly at: Date }
  | { readonly kind: 'duration'; readonly ms: number };

export const since = (value: string): Since => {
  const text = value.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day !== null) {
    const utcMidnight = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    const check = new Date(utcMidnight);
    if (check.getUTCMonth() !== Number(day[2]) - 1 || check.getUTCDate() !== Number(day[3])) throw new InvalidArgumentError(`${text} is not a calendar date`);
    return { kind: 'day', utcMidnight };
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text))) return { kind: 'instant', at: new Date(text) };
  const ms = parseDuration(text);
  if (ms === null) throw new InvalidArgumentError('Expected a date (2018-06-01) or a duration of more than zero and at most a year (12h, 7d, 2w)');
  return { kind: 'duration', ms };
};

/** The instant a `Since` stands for: a day is its midnight in `zone`; a duration counts back from `now`. */
export function sinceInstant(s: Since, now: Date, zone: string): Date {
  if (s.kind === 'duration') return new Date(now.getTime() - s.ms);
  if (s.kind === 'instant') return s.at;
  // Midnight in the zone: step back by the zone's offset there (twice, for a day when the offset changes).
  const first = s.utcMidnight - zoneOffsetMs(s.utcMidnight, zone);
  return new Date(s.utcMidnight - zoneOffsetMs(first, zone));
}

/** What `Core.interpret` says of a filter: enough to tell whether it names anything. */
type FilterReading = Pick<Interpretation, 'places' | 'events' | 'actors' | 'terms' | 'phrases' | 'since' | 'until' | 'ignored'>;

/**
 * Refuses a `--filter` that names nothing Rasid knows, in one line: such a filter matches nothing, and an
 * empty answer would hide the typo. `digest --dry-run` and `events` share it.
 */
export function checkFilter(filter: string | undefined, interpret: (query: string) => FilterReading, what = '--filter'): void {
  if (filter === undefined) return;
  const i = interpret(filter);
  if (i.places.length + i.events.length + i.actors.length + i.terms.length + i.phrases.length > 0 || i.since !== null || i.until !== null) return;
  throw new UsageError(
    `${what} "${filter}": ${i.ignored.length ? `every word was ignored (${i.ignored.join(', ')}): ` : ''}it names no place, event, actor or Arabic word Rasid knows; try e.g. "Raqqa", "car bombs Deir ez-Zor" or "داعش الحسكة"`,
  );
}

/** A YYYY-MM-DD day that exists, else null. */
export function isoDay(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : value;
}

/** `--since` / `--until` as inclusive YYYY-MM-DD days (`events`, `stats`, `map`), each refused in one line. */
export function dayBounds(opts: { since?: string; until?: string }): { since: string | null; until: string | null } {
  const since = opts.since === undefined ? null : isoDay(opts.since);
  const until = opts.until === undefined ? null : isoDay(opts.until);
  if (opts.since !== undefined && since === null) throw new UsageError(`--since ${JSON.stringify(opts.since)} is not a date: write it as YYYY-MM-DD, e.g. 2019-03-01.`);
  if (opts.until !== undefined && until === null) throw new UsageError(`--until ${JSON.stringify(opts.until)} is not a date: write it as YYYY-MM-DD, e.g. 2019-03-31.`);
  if (since !== null && until !== null && since > until) throw new UsageError(`--since ${since} is after --until ${until}.`);
  return { since, until };
}
