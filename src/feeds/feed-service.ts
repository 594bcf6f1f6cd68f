/** The feed use cases: add, list, remove, poll, resume feeds, and ingest one posted link. */
import type { Logger } from 'pino';
import type { IngestOneResult } from '../corpus/ingest-one-result.js';
import { canonicalUrl } from '../corpus/canonical-url.js';
import type { Fetcher } from '../fetch/fetch-url.js';
import type { FetchErrorCode } from '../fetch/fetch-error.js';
import type { RawReport } from '../ingest/raw-report.js';
import { createFeedScheduler, type FeedScheduler } from './feed-scheduler.js';
import type { Feed, FeedStore } from '../store/feed-store.js';
import { pollFeed, type PollSummary } from './poll-feed.js';

/** Fetch failures that no later poll can cure: the address itself is refused. */
const NEVER_FETCHED: ReadonlySet<FetchErrorCode> = new Set(['blocked_address', 'unsupported_scheme', 'invalid_url']);

/** A feed request that cannot be honoured; the message says why and what to do. */
export class FeedInputError extends Error {
  override readonly name = 'FeedInputError';
}

export interface FeedServiceDeps {
  /** Where feeds and their items are kept. */
  readonly store: FeedStore;
  readonly fetcher: Fetcher;
  readonly ingestOne: (raw: RawReport, options: { announce: boolean }) => IngestOneResult;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly allowPrivate: boolean;
  readonly defaultEveryMinutes: number;
  readonly notifyAdmins: (message: string) => void;
  /** For the per-poll budget (tests): a monotonic clock in ms, and the budget. */
  readonly monotonicMs?: () => number;
  readonly pollBudgetMs?: number;
}

export interface AddFeedOptions {
  readonly name?: string | null;
  readonly everyMinutes?: number;
  /** Announce the items published within this many milliseconds before now (default: none). */
  readonly backfillMs?: number | null;
}

export interface FeedService {
  /** Adds a feed and polls it once at once; its existing items are recorded, not announced (unless backfilled). */
  add(url: string, options?: AddFeedOptions): Promise<{ feed: Feed; firstPoll: PollSummary }>;
  list(): Feed[];
  get(id: number): Feed | undefined;
  remove(id: number): boolean;
  /** Polls one feed, or every active feed, now. */
  poll(id?: number): Promise<PollSummary[]>;
  /** Un-pauses a paused feed and polls it at the next tick. */
  resume(id: number): boolean;
  /** Fetches an article link (posted in chat, or `rasid ingest <url>`) and ingests it as a new report. */
  ingestUrl(url: string): Promise<IngestOneResult>;
  readonly scheduler: FeedScheduler;
}

export function createFeedService(deps: FeedServiceDeps): FeedService {
  const feeds = deps.store;
  const pollDeps = { ...deps, feeds };
  const poll = (feed: Feed) => pollFeed(feed, pollDeps);
  const scheduler = createFeedScheduler({ feeds, poll, now: deps.now, logger: deps.logger });
  const checkedUrl = (url: string): string => {
    const canonical = canonicalUrl(url);
    if (canonical === null) throw new FeedInputError(`${JSON.stringify(url)} is not an http(s) address; give the full link, starting with https://`);
    return canonical;
  };

  return {
    scheduler,
    async add(url, options = {}) {
      const canonical = checkedUrl(url);
      const existing = feeds.findByUrl(canonical);
      if (existing !== undefined) throw new FeedInputError(`that feed is already followed as #${existing.id}`);
      const now = deps.now();
      const backfillSince = options.backfillMs ? new Date(now.getTime() - options.backfillMs).toISOString() : null;
      const feed = feeds.add(
        { url: canonical, name: options.name?.trim() || null, everyMinutes: options.everyMinutes ?? deps.defaultEveryMinutes, backfillSince },
        now,
      );
      const firstPoll = await poll(feed);
      // An address that will never be fetched (private, metadata, not http) is not followed.
      if (firstPoll.errorCode !== undefined && NEVER_FETCHED.has(firstPoll.errorCode)) {
        feeds.remove(feed.id);
        throw new FeedInputError(`not added: ${firstPoll.error}`);
      }
      return { feed: feeds.get(feed.id)!, firstPoll };
    },
    list: () => feeds.list(),
    get: (id) => feeds.get(id),
    remove: (id) => feeds.remove(id),
    async poll(id) {
      const targets = id === undefined ? feeds.list().filter((f) => f.state === 'active') : [feeds.get(id)].filter((f): f is Feed => f !== undefined);
      if (id !== undefined && targets.length === 0) throw new FeedInputError(`there is no feed #${id}; see rasid feeds list`);
      const out: PollSummary[] = [];
      for (const feed of targets) out.push(await poll(feed));
      return out;
    },
    resume: (id) => feeds.resume(id, deps.now()),
    async ingestUrl(url) {
      const canonical = checkedUrl(url);
      try {
        // Loaded at the first URL ingested, not at start-up (linkedom and readability are slow to load).
        const { fetchArticle } = await import('./fetch-article.js');
        const raw = await fetchArticle(canonical, deps.fetcher, { allowPrivate: deps.allowPrivate });
        return deps.ingestOne({ ...raw, url: raw.url ?? canonical, origin: `link:${canonical}` }, { announce: true });
      } catch (err) {
        return { ok: false, reason: err instanceof Error ? err.message : String(err) };
      }
    },
  };
}
