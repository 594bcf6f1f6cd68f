/** Polls one feed: fetches it (conditionally), turns each new item into a report, and records how it went. */
import type { Logger } from 'pino';
import type { IngestOneResult } from '../corpus/ingest-one-result.js';
import { FetchError, type FetchErrorCode } from '../fetch/fetch-error.js';
import { decodeBody } from '../fetch/decode-body.js';
import type { Fetcher } from '../fetch/fetch-url.js';
import type { RawReport } from '../ingest/raw-report.js';
import type { Feed, FeedStore } from '../store/feed-store.js';
import type { FeedItem } from './parse-feed.js';

/** After this many failed polls in a row a feed is paused and the admins are told. */
export const MAX_CONSECUTIVE_FAILURES = 5;
/** Backoff never waits longer than this between tries, so a recovered feed is picked up the same day. */
export const MAX_BACKOFF_MINUTES = 12 * 60;
/** An item that failed this many times is not tried again. */
export const MAX_ITEM_ATTEMPTS = 3;
/** One article page's fetch, at most; less when the poll's budget is nearly used. */
export const ITEM_FETCH_MS = 15_000;
/**
 * One poll's article fetching, in all. Items left when it is used up wait for the next poll (they
 * are not counted as failed), so a feed of slow pages holds a poll slot minutes, not hours.
 */
export const POLL_BUDGET_MS = 120_000;
/** Below this much budget an item is not started. */
const MIN_ITEM_MS = 1_000;

export interface PollDeps {
  readonly feeds: FeedStore;
  readonly fetcher: Fetcher;
  readonly ingestOne: (raw: RawReport, options: { announce: boolean }) => IngestOneResult;
  readonly now: () => Date;
  readonly allowPrivate: boolean;
  readonly logger: Logger;
  /** Tells the admins something needs a human (a feed paused). Logged until the bots exist. */
  readonly notifyAdmins: (message: string) => void;
  /** A monotonic clock in ms for the poll's budget (default performance.now; tests move it by hand). */
  readonly monotonicMs?: () => number;
  readonly pollBudgetMs?: number;
}

export interface PollSummary {
  readonly feedId: number;
  readonly url: string;
  readonly status: 'ok' | 'not_modified' | 'failed';
  /** Items seen for the first time (or retried). */
  readonly newItems: number;
  /** Reports added; of those, how many are announced in digests. */
  readonly added: number;
  readonly announced: number;
  /** New items that were already stored (the same article through another feed or link). */
  readonly known: number;
  readonly failedItems: readonly { key: string; reason: string }[];
  readonly error?: string;
  /** The fetch failure's code, when the poll failed fetching the feed. */
  readonly errorCode?: FetchErrorCode;
  readonly paused?: boolean;
  /** New items not tried because the poll's budget was used up; the next poll takes them. */
  readonly deferred?: number;
}

const minutes = (n: number) => n * 60_000;

/** When to try again after `failures` failed polls in a row: the interval, doubled per failure, capped. */
export function backoffMinutes(everyMinutes: number, failures: number): number {
  return Math.min(MAX_BACKOFF_MINUTES, everyMinutes * 2 ** Math.max(0, failures - 1));
}

/** Whether an item of a feed's first poll is announced: only within the backfill window, if any. */
function announced(feed: Feed, item: FeedItem): boolean {
  if (feed.primed) return true;
  if (feed.backfillSince === null || item.publishedAt === null) return false;
  return item.publishedAt >= feed.backfillSince;
}

/** The item's report: from its article page when that can be fetched, else from the feed's own text. */
async function itemReport(item: FeedItem, feed: Feed, deps: PollDeps, timeoutMs: number): Promise<RawReport | { reason: string }> {
  let article: RawReport | null = null;
  let articleError: string | null = null;
  if (item.url !== null) {
    try {
      // Loaded here, not at the top: a search never polls a feed, and this stack (linkedom, readability) costs start-up time.
      const { fetchArticle } = await import('./fetch-article.js');
      article = await fetchArticle(item.url, deps.fetcher, { allowPrivate: deps.allowPrivate, timeoutMs });
    } catch (err) {
      articleError = err instanceof Error ? err.message : String(err);
    }
  }
  // Loaded at the first item, as the article fetcher is: turning feed HTML into text needs linkedom.
  const { feedItemToRawReport } = await import('./feed-item-report.js');
  const raw = feedItemToRawReport(item, { name: feed.name, url: feed.url }, article === null ? null : { text: article.text, title: article.title ?? null });
  if (raw === null) return { reason: articleError ?? 'the item has no text and no link to an article' };
  return {
    ...raw,
    publishedAt: raw.publishedAt ?? article?.publishedAt ?? null,
    source: raw.source ?? article?.source ?? null,
    // The item's own fields are the feed's metadata; what came from its article page ranks lower.
    provenance: {
      title: item.title !== null ? 'metadata' : 'page',
      publishedAt: raw.publishedAt ? 'metadata' : 'page',
      source: raw.source ? 'metadata' : 'page',
    },
  };
}

/**
 * Polls the feed once. Never throws: a failure is recorded on the feed (backing off, pausing
 * after MAX_CONSECUTIVE_FAILURES with the admins told) and returned in the summary.
 */
export async function pollFeed(feed: Feed, deps: PollDeps): Promise<PollSummary> {
  const base = { feedId: feed.id, url: feed.url, newItems: 0, added: 0, announced: 0, known: 0, failedItems: [] as { key: string; reason: string }[] };
  let items: FeedItem[];
  let etag: string | null;
  let lastModified: string | null;
  try {
    const result = await deps.fetcher(feed.url, {
      allowPrivate: deps.allowPrivate,
      etag: feed.etag,
      lastModified: feed.lastModified,
      accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5',
    });
    if (result.status === 'not_modified') {
      const now = deps.now();
      deps.feeds.recordPoll(feed.id, { ok: true, etag: result.etag ?? feed.etag, lastModified: result.lastModified ?? feed.lastModified, nextPollAt: new Date(now.getTime() + minutes(feed.everyMinutes)).toISOString() }, now);
      return { ...base, status: 'not_modified' };
    }
    // Loaded at the first poll, not at start-up: feedsmith alone takes ~0.17 s to load.
    const { parseFeed } = await import('./parse-feed.js');
    items = parseFeed(decodeBody(result), result.url).items;
    etag = result.etag;
    lastModified = result.lastModified;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const failures = feed.consecutiveFailures + 1;
    const pause = failures >= MAX_CONSECUTIVE_FAILURES;
    const now = deps.now();
    // A server that says when to come back (429/503 Retry-After) is believed, within the cap.
    const retryAfter = err instanceof FetchError && err.retryAfterMs !== undefined ? err.retryAfterMs : 0;
    const waitMs = Math.max(minutes(backoffMinutes(feed.everyMinutes, failures)), Math.min(retryAfter, minutes(MAX_BACKOFF_MINUTES)));
    deps.feeds.recordPoll(feed.id, { ok: false, error, pause, nextPollAt: new Date(now.getTime() + waitMs).toISOString() }, now);
    deps.logger.warn({ feed: feed.url, failures, error }, 'feed poll failed');
    if (pause) {
      deps.notifyAdmins(`Feed #${feed.id} ${feed.name ?? feed.url} is paused after ${failures} failed polls in a row. Last error: ${error}. Fix it, then: rasid feeds resume ${feed.id}`);
    }
    return { ...base, status: 'failed', error, paused: pause, ...(err instanceof FetchError ? { errorCode: err.code } : {}) };
  }

  const clock = deps.monotonicMs ?? (() => performance.now());
  const budgetEnds = clock() + (deps.pollBudgetMs ?? POLL_BUDGET_MS);
  let deferred = 0;
  for (const item of items) {
    const seen = deps.feeds.itemStatus(feed.id, item.key);
    if (seen !== undefined && (seen.status === 'ingested' || seen.attempts >= MAX_ITEM_ATTEMPTS)) continue;
    const left = budgetEnds - clock();
    if (left < MIN_ITEM_MS) {
      deferred++;
      continue;
    }
    base.newItems++;
    const report = await itemReport(item, feed, deps, Math.min(ITEM_FETCH_MS, left));
    const now = deps.now();
    if ('reason' in report) {
      deps.feeds.recordItem(feed.id, item.key, { reason: report.reason }, now);
      base.failedItems.push({ key: item.key, reason: report.reason });
      continue;
    }
    const announce = announced(feed, item);
    const outcome = deps.ingestOne(report, { announce });
    if (!outcome.ok) {
      deps.feeds.recordItem(feed.id, item.key, { reason: outcome.reason }, now);
      base.failedItems.push({ key: item.key, reason: outcome.reason });
      continue;
    }
    deps.feeds.recordItem(feed.id, item.key, { reportId: outcome.id }, now);
    if (outcome.status === 'added') {
      base.added++;
      if (announce) base.announced++;
    } else base.known++;
  }
  const now = deps.now();
  if (deferred > 0) {
    deps.logger.info({ feed: feed.url, deferred }, 'feed poll budget used up; the other new items wait for the next poll');
    // The items not yet tried are in this copy of the feed: without the validators the next poll fetches it whole.
    etag = null;
    lastModified = null;
  }
  deps.feeds.recordPoll(feed.id, { ok: true, etag, lastModified, nextPollAt: new Date(now.getTime() + minutes(feed.everyMinutes)).toISOString() }, now);
  return { ...base, status: 'ok', ...(deferred > 0 ? { deferred } : {}) };
}
