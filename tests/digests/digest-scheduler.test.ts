import { describe, expect, it } from 'vitest';
import { createDigestScheduler, type ScheduleFn } from '../../digests/digest-scheduler.js';
import { createSubscriptionStore } from '../../digests/subscription-store.js';
import { createLogger } from '../../src/log/create-logger.js';
import { openDatabase } from '../../src/store/open-database.js';
import { testClock } from '../helpers/test-core.js';

function setup() {
  const db = openDatabase(':memory:');
  const subscriptions = createSubscriptionStore(db);
  const clock = testClock(new Date('2026-11-22T04:00:00Z')); // 07:00 in Damascus
  const add = (nextRunAt: string, cron = '0 8 * * *') =>
    subscriptions.add(
      { platform: 'console', chatId: 'stdout', threadId: null, label: null, cron, timezone: 'Asia/Damascus', filter: null, itemCap: 30, sendEmpty: false, watermark: 0, nextRunAt, createdBy: null },
      clock.now(),
    );
  const tasks: { expression: string; timezone: string; fire: () => void; stopped: boolean }[] = [];
  const schedule: ScheduleFn = (expression, fire, options) => {
    const task = { expression, timezone: options.timezone, fire, stopped: false };
    tasks.push(task);
    return { stop: () => (task.stopped = true) };
  };
  const runs: number[] = [];
  let release: (() => void) | null = null;
  const run = async (id: number) => {
    runs.push(id);
    if (release === null) return;
    await new Promise<void>((r) => (release = r));
  };
  const scheduler = createDigestScheduler({ subscriptions, run, now: clock.now, logger: createLogger({ level: 'silent', format: 'json' }), schedule });
  return { subscriptions, clock, add, tasks, runs, scheduler, hold: () => (release = () => undefined),
    releaseNow: () => {
      const r = release;
      release = null;
      r?.();
    },
  };
}

describe('digest scheduler', () => {
  it('after downtime runs a missed digest once, not once per missed slot, then schedules it in its time zone', async () => {
    const t = setup();
    const missed = t.add('2026-11-19T05:00:00.000Z'); // three daily slots ago
    const upcoming = t.add('2026-11-22T05:00:00.000Z'); // later today
    await t.scheduler.start();
    expect(t.runs).toEqual([missed.id]);
    expect(t.subscriptions.get(missed.id)!.nextRunAt).toBe('2026-11-22T05:00:00.000Z');
    expect(t.subscriptions.get(missed.id)!.lastRunAt).toBe('2026-11-22T04:00:00.000Z');
    expect(t.tasks.map((x) => [x.expression, x.timezone])).toEqual([
      ['0 8 * * *', 'Asia/Damascus'],
      ['0 8 * * *', 'Asia/Damascus'],
    ]);
    expect(t.subscriptions.get(upcoming.id)!.lastRunAt).toBeNull();
  });

  it('never overlaps two runs of one subscription', async () => {
    const t = setup();
    const s = t.add('2026-11-23T05:00:00.000Z');
    t.hold();
    const first = t.scheduler.fire(s.id);
    await t.scheduler.fire(s.id); // skipped: the first is still running
    expect(t.runs).toEqual([s.id]);
    t.releaseNow();
    await first;
    await t.scheduler.fire(s.id);
    expect(t.runs).toEqual([s.id, s.id]);
  });

  it('drops the job of a paused subscription and schedules it again on resume', async () => {
    const t = setup();
    const s = t.add('2026-11-23T05:00:00.000Z');
    await t.scheduler.start();
    expect(t.tasks).toHaveLength(1);
    t.subscriptions.setPaused(s.id, true);
    t.scheduler.refresh();
    expect(t.tasks[0]!.stopped).toBe(true);
    t.subscriptions.setPaused(s.id, false);
    t.scheduler.refresh();
    expect(t.tasks).toHaveLength(2);
    expect(t.tasks[1]!.stopped).toBe(false);
  });

  it('moves the next run past now after each firing', async () => {
    const t = setup();
    const s = t.add('2026-11-22T05:00:00.000Z', '0 */6 * * *');
    t.clock.set('2026-11-22T05:00:00Z');
    await t.scheduler.fire(s.id);
    // Every 6 hours in Damascus time (UTC+3): 00, 06, 12, 18 local. At 08:00 local the next is 12:00 local, 09:00Z.
    expect(t.subscriptions.get(s.id)!.nextRunAt).toBe('2026-11-22T09:00:00.000Z');
  });
});
