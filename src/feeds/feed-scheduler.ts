/** Polls due feeds in the background, a few at a time, never the same feed twice at once. */
import type { Logger } from 'pino';
import type { Feed, FeedStore } from '../store/feed-store.js';
import type { PollSummary } from './poll-feed.js';
import { realTimers, type Timers } from '../time/timers.js';

/** Feeds polled at the same time: enough to keep up, few enough to stay polite and light. */
export const POLL_CONCURRENCY = 2;
/** How often the scheduler looks for due feeds. Feed intervals are minutes; this only bounds lateness. */
export const SCHEDULER_TICK_MS = 30_000;

export interface FeedSchedulerDeps {
  readonly feeds: FeedStore;
  readonly poll: (feed: Feed) => Promise<PollSummary>;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly timers?: Timers;
  readonly tickMs?: number;
}

export interface FeedScheduler {
  /** Starts ticking (and ticks once at once). */
  start(): void;
  /** Stops ticking and waits for the polls under way. */
  stop(): Promise<void>;
  /** Starts the polls that are due and resolves when they are done. Tests call it directly. */
  tick(): Promise<void>;
}

export function createFeedScheduler(deps: FeedSchedulerDeps): FeedScheduler {
  const timers: Timers = deps.timers ?? realTimers;
  const inFlight = new Map<number, Promise<void>>();
  let handle: unknown = null;
  let running = false;

  const runOne = (feed: Feed): Promise<void> => {
    const done = deps
      .poll(feed)
      .then((summary) => {
        if (summary.added > 0 || summary.status === 'failed') deps.logger.info({ feed: feed.url, ...summary, failedItems: summary.failedItems.length }, 'feed polled');
      })
      .catch((err: unknown) => deps.logger.error({ err, feed: feed.url }, 'feed poll crashed'))
      .finally(() => inFlight.delete(feed.id));
    inFlight.set(feed.id, done);
    return done;
  };

  /** Works through every due feed with at most POLL_CONCURRENCY polls under way. */
  async function tick(): Promise<void> {
    const queue = deps.feeds.due(deps.now()).filter((f) => !inFlight.has(f.id));
    const worker = async () => {
      for (let feed = queue.shift(); feed !== undefined; feed = queue.shift()) await runOne(feed);
    };
    await Promise.all(Array.from({ length: Math.max(0, POLL_CONCURRENCY - inFlight.size) }, worker));
  }

  const loop = () => {
    if (!running) return;
    tick()
      .catch((err: unknown) => deps.logger.error({ err }, 'feed scheduler tick failed'))
      .finally(() => {
        if (running) handle = timers.setTimeout(loop, deps.tickMs ?? SCHEDULER_TICK_MS);
      });
  };

  return {
    start() {
      if (running) return;
      running = true;
      loop();
    },
    async stop() {
      running = false;
      if (handle !== null) timers.clearTimeout(handle);
      await Promise.all(inFlight.values());
    },
    tick,
  };
}
