import { afterEach, describe, expect, it } from 'vitest';
import { createFeedService } from '../../src/feeds/feed-service.js';
import { createFeedStore } from '../../src/store/feed-store.js';
import type { FetchOptions, FetchResult } from '../../src/fetch/fetch-url.js';
import { FetchError } from '../../src/fetch/fetch-error.js';
import { createLogger } from '../../src/log/create-logger.js';
import type { Core } from '../../src/create-core.js';
import { testCore, testDb } from '../helpers/test-core.js';

const FEED = 'https://feeds.example/rss.xml';
const rss = (n: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${Array.from(
    { length: n },
    (_, i) => `<item><title>خبر رقم ${i}</title><link>https://feeds.example/a/${i}</link><guid>g${i}</guid><description>انفجرت سيارة مفخخة وسط مدينة الرقة في الحادثة رقم ${i}.</description></item>`,
  ).join('')}</channel></rss>`;

let core: Core;
afterEach(() => core.close());

describe('the per-poll budget', () => {
  it('gives each article fetch the smaller of 15 s and what is left, and leaves the rest for the next poll', async () => {
    core = testCore();
    let clockMs = 0;
    const timeouts: (number | undefined)[] = [];
    const fetcher = async (url: string, options: FetchOptions = {}): Promise<FetchResult> => {
      if (url === FEED) return { status: 'ok', url, httpStatus: 200, contentType: 'application/rss+xml', charset: 'utf-8', body: Buffer.from(rss(6)), etag: '"v1"', lastModified: null };
      // Each article page drips until its deadline.
      timeouts.push(options.timeoutMs);
      clockMs += options.timeoutMs ?? 0;
      throw new FetchError('timeout', url, `timed out after ${(options.timeoutMs ?? 0) / 1000} s`);
    };
    const ingested: string[] = [];
    const service = createFeedService({
      store: createFeedStore(testDb(core)), fetcher, now: () => new Date('2026-11-22T08:00:00Z'), logger: createLogger({ level: 'silent', format: 'json' }),
      allowPrivate: false, defaultEveryMinutes: 10, notifyAdmins: () => undefined,
      ingestOne: (raw, options) => (ingested.push(raw.title ?? ''), core.ingestOne(raw, options)),
      monotonicMs: () => clockMs, pollBudgetMs: 40_000,
    });
    const { firstPoll } = await service.add(FEED);
    // 15 + 15 = 30 s used; 10 s left for the third; then nothing is left for items 4-6.
    expect(timeouts).toEqual([15_000, 15_000, 10_000]);
    expect(firstPoll).toMatchObject({ status: 'ok', newItems: 3, added: 3, deferred: 3 });
    // The feed's own text stands in for the pages that did not come.
    expect(ingested).toEqual(['خبر رقم 0', 'خبر رقم 1', 'خبر رقم 2']);
    // The next poll fetches the feed whole again (no validators kept) and takes the rest.
    expect(service.get(1)!.etag).toBeNull();
    const [second] = await service.poll(1);
    expect(second).toMatchObject({ status: 'ok', newItems: 3, added: 3 });
    expect(ingested.slice(3)).toEqual(['خبر رقم 3', 'خبر رقم 4', 'خبر رقم 5']);
  });
});
