import { describe, expect, it } from 'vitest';
import { createFeedScheduler, POLL_CONCURRENCY } from '../../src/feeds/feed-scheduler.js';
import type { Feed, FeedStore } from '../../src/store/feed-store.js';
import type { PollSummary } from '../../src/feeds/poll-feed.js';
import { createLogger } from '../../src/log/create-logger.js';

const feed = (id: number) => ({ id, url: `https://f${id}.example/rss` }) as Feed;
const summary = (f: Feed): PollSummary => ({ feedId: f.id, url: f.url, status: 'ok', newItems: 0, added: 0, announced: 0, known: 0, failedItems: [] });
const logger = createLogger({ level: 'silent', format: 'json' });

/** A poll the test finishes by hand. */
function manualPolls() {
  const pending = new Map<number, () => void>();
  const started: number[] = [];
  let maxConcurrent = 0;
  return {
    started,
    get maxConcurrent() {
      return maxConcurrent;
    },
    finish: (id: number) => pending.get(id)?.(),
    poll: (f: Feed) =>
      new Promise<PollSummary>((resolve) => {
        started.push(f.id);
        pending.set(f.id, () => {
          pending.delete(f.id);
          resolve(summary(f));
        });
        maxConcurrent = Math.max(maxConcurrent, pending.size);
      }),
  };
}

describe('feed scheduler', () => {
  it('polls every due feed with at most POLL_CONCURRENCY at once, and never one feed twice at once', async () => {
    const due = [1, 2, 3, 4].map(feed);
    const polls = manualPolls();
    const s = createFeedScheduler({ feeds: { due: () => due } as unknown as FeedStore, poll: polls.poll, now: () => new Date(), logger });
    const first = s.tick();
    const overlapping = s.tick(); // feeds 1 and 2 are under way: not started again
    await Promise.resolve();
    expect(polls.started).toEqual([1, 2]);
    for (const id of [1, 2, 3, 4]) {
      polls.finish(id);
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all([first, overlapping]);
    expect(polls.started).toEqual([1, 2, 3, 4]);
    expect(polls.maxConcurrent).toBe(POLL_CONCURRENCY);
  });

  it('ticks on its timer, with no real waiting, and stops', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    let ticks = 0;
    const s = createFeedScheduler({
      feeds: { due: () => (ticks++, []) } as unknown as FeedStore,
      poll: async (f) => summary(f),
      now: () => new Date(),
      logger,
      tickMs: 30_000,
      timers: { setTimeout: (fn, ms) => timers.push({ fn, ms }), clearTimeout: () => undefined },
    });
    s.start();
    await new Promise((r) => setImmediate(r));
    expect(ticks).toBe(1);
    expect(timers.map((t) => t.ms)).toEqual([30_000]);
    timers[0]!.fn();
    await new Promise((r) => setImmediate(r));
    expect(ticks).toBe(2);
    await s.stop();
    timers[1]!.fn();
    await new Promise((r) => setImmediate(r));
    expect(ticks).toBe(2);
  });

  it('a poll that throws is logged and does not stop the others', async () => {
    const polled: number[] = [];
    const s = createFeedScheduler({
      feeds: { due: () => [feed(1), feed(2)] } as unknown as FeedStore,
      poll: async (f) => {
        polled.push(f.id);
        if (f.id === 1) throw new Error('boom');
        return summary(f);
      },
      now: () => new Date(),
      logger,
    });
    await s.tick();
    expect(polled).toEqual([1, 2]);
  });
});
