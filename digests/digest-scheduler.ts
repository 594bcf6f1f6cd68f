/** Runs each subscription on its cron schedule (node-cron, in its time zone), catching up once after downtime. */
import cron from 'node-cron';
import type { Logger } from 'pino';
import { nextRunAfter } from './cron-schedule.js';
import type { SubscriptionStore } from './subscription-store.js';

/** The piece of node-cron the scheduler uses, so tests can fire jobs by hand. */
export type ScheduleFn = (expression: string, fire: () => void, options: { timezone: string; name: string; noOverlap: boolean }) => { stop(): unknown };

export interface DigestSchedulerDeps {
  readonly subscriptions: SubscriptionStore;
  /** Runs one subscription (the digest service's `run`); must not throw for ordinary failures. */
  readonly run: (subscriptionId: number) => Promise<unknown>;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly schedule?: ScheduleFn;
}

export interface DigestScheduler {
  /** Catches up missed runs (once each), then schedules every active subscription. */
  start(): Promise<void>;
  /** Re-reads the subscriptions after one was added, removed, paused or resumed. */
  refresh(): void;
  /** Fires one subscription as its schedule would (tests; the catch-up). */
  fire(subscriptionId: number): Promise<void>;
  stop(): void;
}

const defaultSchedule: ScheduleFn = (expression, fire, options) => cron.schedule(expression, fire, options);

export function createDigestScheduler(deps: DigestSchedulerDeps): DigestScheduler {
  const schedule = deps.schedule ?? defaultSchedule;
  const tasks = new Map<number, { key: string; task: { stop(): unknown } }>();
  const running = new Set<number>();

  async function fire(id: number): Promise<void> {
    // No overlapping runs of one subscription (node-cron's noOverlap covers its own timer; this covers catch-up too).
    if (running.has(id)) return;
    running.add(id);
    const started = deps.now();
    try {
      await deps.run(id);
    } catch (err) {
      deps.logger.error({ err, subscription: id }, 'digest run failed');
    } finally {
      running.delete(id);
      const sub = deps.subscriptions.get(id);
      if (sub !== undefined) deps.subscriptions.setNextRun(id, nextRunAfter(sub.cron, sub.timezone, deps.now()).toISOString(), started.toISOString());
    }
  }

  function refresh(): void {
    const wanted = new Map(deps.subscriptions.list().filter((s) => !s.paused).map((s) => [s.id, s] as const));
    for (const [id, entry] of tasks) {
      const s = wanted.get(id);
      if (s === undefined || entry.key !== `${s.cron}|${s.timezone}`) {
        entry.task.stop();
        tasks.delete(id);
      }
    }
    for (const [id, s] of wanted) {
      if (tasks.has(id)) continue;
      const task = schedule(s.cron, () => void fire(id), { timezone: s.timezone, name: `digest-${id}`, noOverlap: true });
      tasks.set(id, { key: `${s.cron}|${s.timezone}`, task });
    }
  }

  return {
    async start() {
      // After downtime a missed run happens once now, not once per missed slot.
      const now = deps.now().toISOString();
      const missed = deps.subscriptions.list().filter((s) => !s.paused && s.nextRunAt <= now);
      for (const s of missed) {
        deps.logger.info({ subscription: s.id, due: s.nextRunAt }, 'catching up a missed digest');
        await fire(s.id);
      }
      refresh();
    },
    refresh,
    fire,
    stop() {
      for (const { task } of tasks.values()) task.stop();
      tasks.clear();
    },
  };
}
