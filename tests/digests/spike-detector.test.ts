import { describe, expect, it } from 'vitest';
import {
  activityTime, DAY_MS, decideSpike, HISTORY_DAYS, MIN_COUNT, MIN_HISTORY_DAYS, spikeLevel, windowCounts,
  type SpikeDecision, type SpikeState,
} from '../../digests/spike-detector.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-01-01T00:00:00Z');
const at = (day: number, hour = 0) => T0 + day * DAY_MS + hour * HOUR;
const flat = (n: number, days = HISTORY_DAYS) => new Array<number>(days).fill(n);

/** Hourly checks from `fromDay` to `toDay` over a stream of event times; the decisions other than 'quiet', by hour. */
function simulate(times: readonly number[], fromDay: number, toDay: number, k = 3): [string, SpikeDecision][] {
  let state: SpikeState = 'quiet';
  const out: [string, SpikeDecision][] = [];
  for (let now = at(fromDay); now <= at(toDay); now += HOUR) {
    const c = windowCounts(times, now, T0);
    const v = decideSpike({ count: c.count, history: c.history, k, state });
    state = v.next;
    if (v.decision !== 'quiet') out.push([new Date(now).toISOString().slice(0, 13), v.decision]);
  }
  return out;
}

/** One event a day at noon for `days` days. */
const daily = (days: number, perDay = 1) => Array.from({ length: days * perDay }, (_, i) => at(Math.floor(i / perDay), 12 + (i % perDay) * (12 / perDay)));
/** `n` events 10 minutes apart from (day, hour). */
const burst = (day: number, hour: number, n: number) => Array.from({ length: n }, (_, i) => at(day, hour) + i * 10 * 60_000);

describe('the spike detector on a stream, checked hourly', () => {
  it('a burst fires once, at the check after its fifth event, stays quiet while high, falls back, and a later burst fires again', () => {
    // One event a day (threshold 1 + 3·1 = 4: five events fire), a burst of 10 on day 40 from 09:00, another on day 55.
    const stream = [...daily(70), ...burst(40, 9, 10), ...burst(55, 15, 10)];
    const decisions = simulate(stream, 35, 62);
    const fired = decisions.filter(([, d]) => d === 'fire').map(([h]) => h);
    // Events at 09:00, :10, :20, :30, :40 (and noon's): the 10:00 check sees 6 events with the day's one (> 4).
    expect(fired).toEqual(['2026-02-10T10', '2026-02-25T16']);
    // Quiet again once the burst leaves the 24 hours (the 10:00 check a day later no longer counts 09:00–09:50).
    const fellBack = decisions.filter(([, d]) => d === 'fell_back').map(([h]) => h);
    expect(fellBack).toEqual(['2026-02-11T10', '2026-02-26T16']);
    // In between, only 'still_firing': never a second alert for one burst.
    expect(decisions.filter(([, d]) => d === 'still_firing')).toHaveLength(2 * 24 - 2);
  });

  it('nothing fires before the burst, nor after it once it is history', () => {
    const stream = [...daily(70), ...burst(40, 9, 10)];
    const decisions = simulate(stream, 30, 70);
    expect(decisions.filter(([h]) => h < '2026-02-10T10')).toEqual([]);
    expect(decisions.filter(([h]) => h > '2026-02-11T10')).toEqual([]);
  });

  it.each([
    ['constant 5 a day, spread over the day', daily(80, 5)],
    ['constant 1 a day', daily(80, 1)],
    ['a Poisson-like fixed sequence (mean ≈ 5)', [2, 7, 4, 5, 3, 6, 8, 4, 5, 2, 6, 5, 4, 7, 3, 5, 6, 4, 9, 5, 3, 4, 6, 5, 2, 7, 5, 4, 6, 3, 5, 8, 4, 6, 5, 3, 7, 4, 5, 6, 2, 5, 9, 4, 6, 5, 3, 5, 7, 4, 6, 5, 4, 3, 6, 8, 5, 4, 5, 6]
      .flatMap((n, day) => Array.from({ length: n }, (_, i) => at(day, 1 + i * (22 / n))))],
  ])('a steady stream never fires: %s', (_name, stream) => {
    expect(simulate(stream, 30, 60)).toEqual([]);
  });

  it('a new corpus warms up: fewer than 7 full days of history never fire, whatever the count', () => {
    const stream = burst(3, 9, 20);
    const c = windowCounts(stream, at(3, 12), T0);
    expect(c.history).toHaveLength(2);
    expect(decideSpike({ count: c.count, history: c.history, k: 3, state: 'quiet' }).decision).toBe('warming_up');
  });
});

describe('one decision', () => {
  // History flat at 4: mean 4, sample sd 0, floored at √4 = 2; threshold 4 + 2k.
  it.each([
    [3, 10, 'quiet'], [3, 11, 'fire'],
    [2.5, 9, 'quiet'], [2.5, 10, 'fire'],
    [1, 6, 'quiet'], [1, 7, 'fire'],
  ] as const)('k = %s: %s events over a flat 4 a day is %s (exceeding is strict)', (k, count, decision) => {
    expect(decideSpike({ count, history: flat(4), k, state: 'quiet' }).decision).toBe(decision);
  });

  it.each([
    [0, 'quiet'], [1, 'quiet'], [2, 'quiet'], [3, 'fire'], [30, 'fire'],
  ] as const)('over a history of zeros (threshold 0), %s events: %s (the minimum count is %s)', (count, decision) => {
    expect(decideSpike({ count, history: flat(0), k: 3, state: 'quiet' }).decision).toBe(decision);
    expect(MIN_COUNT).toBe(3);
  });

  it.each([
    ['quiet', 11, 'fire', 'firing'],
    ['quiet', 10, 'quiet', 'quiet'],
    ['firing', 11, 'still_firing', 'firing'],
    ['firing', 10, 'fell_back', 'quiet'],
    ['firing', 0, 'fell_back', 'quiet'],
  ] as const)('hysteresis: %s with %s events → %s, then %s', (state, count, decision, next) => {
    expect(decideSpike({ count, history: flat(4), k: 3, state })).toMatchObject({ decision, next });
  });

  it('the deviation is the sample one when it is above √mean', () => {
    const history = [...flat(0, 14), ...flat(10, 14)];
    const level = spikeLevel(history, 3);
    expect(level.mean).toBe(5);
    expect(level.sd).toBeCloseTo(Math.sqrt((28 * 25) / 27), 10);
    expect(level.threshold).toBeCloseTo(5 + 3 * level.sd, 10);
  });

  it(`needs ${MIN_HISTORY_DAYS} days of history`, () => {
    expect(decideSpike({ count: 50, history: flat(0, MIN_HISTORY_DAYS - 1), k: 3, state: 'quiet' }).decision).toBe('warming_up');
    expect(decideSpike({ count: 50, history: flat(0, MIN_HISTORY_DAYS), k: 3, state: 'quiet' }).decision).toBe('fire');
  });
});

describe('counting windows', () => {
  const now = at(40);
  it.each([
    ['at the check itself', now, 0],
    ['just inside the 24 hours', now - DAY_MS + 1, 0],
    ['exactly 24 hours old: the day before', now - DAY_MS, 1],
    ['28 days and a bit old: the last history day', now - 28 * DAY_MS - 1, 28],
  ] as const)('an event %s falls in day %s', (_name, t, day) => {
    const c = windowCounts([t], now, T0);
    const days = [c.count, ...c.history];
    expect(days.indexOf(1)).toBe(day);
  });

  it('ignores events after the check and before the 28 days, and keeps zero days', () => {
    const c = windowCounts([now + 1, now - 29 * DAY_MS], now, T0);
    expect(c).toEqual({ count: 0, history: flat(0) });
  });

  it('counts only the full days the corpus covers', () => {
    expect(windowCounts([], now, now - 10.5 * DAY_MS).history).toHaveLength(9);
    expect(windowCounts([], now, null).history).toHaveLength(0);
  });

  it.each([
    ['its publication time', '2026-01-05T10:00:00Z', '2026-01-05T12:00:00Z', '2026-01-05T10:00:00Z'],
    ['its arrival when dated after it (a wrong zone)', '2026-01-05T15:00:00Z', '2026-01-05T12:00:00Z', '2026-01-05T12:00:00Z'],
    ['the midnight of a date-only publication', '2026-01-05', '2026-01-05T12:00:00Z', '2026-01-05T00:00:00Z'],
    ['nothing without a date (an archive page, not news of now)', null, '2026-01-05T12:00:00Z', null],
  ] as const)('an event counts at %s', (_name, published, ingested, expected) => {
    const t = activityTime(published, ingested);
    expect(t === null ? null : new Date(t).toISOString()).toBe(expected === null ? null : new Date(expected).toISOString());
  });
});
