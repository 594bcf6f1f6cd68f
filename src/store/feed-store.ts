/** The feeds the team follows, their polling state, and the items each has shown. */
import type { Db } from './open-database.js';

export type FeedState = 'active' | 'paused';

export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly name: string | null;
  readonly everyMinutes: number;
  readonly state: FeedState;
  readonly pausedReason: string | null;
  readonly primed: boolean;
  readonly backfillSince: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastPolledAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
  readonly lastErrorAt: string | null;
  readonly consecutiveFailures: number;
  readonly nextPollAt: string;
  readonly createdAt: string;
  /** Items that became reports. */
  readonly itemCount: number;
}

export interface NewFeed {
  readonly url: string;
  readonly name: string | null;
  readonly everyMinutes: number;
  readonly backfillSince: string | null;
}

/** What the store records about one poll. */
export type PollOutcome =
  | { readonly ok: true; readonly etag: string | null; readonly lastModified: string | null; readonly nextPollAt: string }
  | { readonly ok: false; readonly error: string; readonly nextPollAt: string; readonly pause: boolean };

export interface FeedStore {
  add(feed: NewFeed, now: Date): Feed;
  get(id: number): Feed | undefined;
  findByUrl(url: string): Feed | undefined;
  list(): Feed[];
  remove(id: number): boolean;
  /** Active feeds whose next poll is due. */
  due(now: Date): Feed[];
  /** Records a poll's result: success resets the failure count; failure counts up and may pause. */
  recordPoll(id: number, outcome: PollOutcome, now: Date): void;
  resume(id: number, now: Date): boolean;
  /** The item's status, if the feed has shown it before. */
  itemStatus(feedId: number, itemKey: string): { status: 'ingested' | 'failed'; attempts: number } | undefined;
  recordItem(feedId: number, itemKey: string, result: { reportId: number } | { reason: string }, now: Date): void;
}

interface FeedRow {
  id: number;
  url: string;
  name: string | null;
  every_minutes: number;
  state: FeedState;
  paused_reason: string | null;
  primed: number;
  backfill_since: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_failures: number;
  next_poll_at: string;
  created_at: string;
  item_count: number;
}

const fromRow = (r: FeedRow): Feed => ({
  id: r.id,
  url: r.url,
  name: r.name,
  everyMinutes: r.every_minutes,
  state: r.state,
  pausedReason: r.paused_reason,
  primed: r.primed === 1,
  backfillSince: r.backfill_since,
  etag: r.etag,
  lastModified: r.last_modified,
  lastPolledAt: r.last_polled_at,
  lastSuccessAt: r.last_success_at,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
  consecutiveFailures: r.consecutive_failures,
  nextPollAt: r.next_poll_at,
  createdAt: r.created_at,
  itemCount: r.item_count,
});

const SELECT = `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'ingested') AS item_count FROM feeds f`;

export function createFeedStore(db: Db): FeedStore {
  const insert = db.prepare(
    `INSERT INTO feeds (url, name, every_minutes, backfill_since, next_poll_at, created_at)
     VALUES (@url, @name, @everyMinutes, @backfillSince, @now, @now)`,
  );
  const byId = db.prepare<[number], FeedRow>(`${SELECT} WHERE f.id = ?`);
  const byUrl = db.prepare<[string], FeedRow>(`${SELECT} WHERE f.url = ?`);
  const all = db.prepare<[], FeedRow>(`${SELECT} ORDER BY f.id`);
  const dueStmt = db.prepare<[string], FeedRow>(`${SELECT} WHERE f.state = 'active' AND f.next_poll_at <= ? ORDER BY f.next_poll_at, f.id`);
  const del = db.prepare('DELETE FROM feeds WHERE id = ?');
  const success = db.prepare(
    `UPDATE feeds SET etag = @etag, last_modified = @lastModified, last_polled_at = @now, last_success_at = @now,
       last_error = NULL, last_error_at = NULL, consecutive_failures = 0, primed = 1, next_poll_at = @nextPollAt
     WHERE id = @id`,
  );
  const failure = db.prepare(
    `UPDATE feeds SET last_polled_at = @now, last_error = @error, last_error_at = @now,
       consecutive_failures = consecutive_failures + 1, next_poll_at = @nextPollAt,
       state = CASE WHEN @pause THEN 'paused' ELSE state END,
       paused_reason = CASE WHEN @pause THEN @error ELSE paused_reason END
     WHERE id = @id`,
  );
  const resumeStmt = db.prepare(
    `UPDATE feeds SET state = 'active', paused_reason = NULL, consecutive_failures = 0, next_poll_at = ? WHERE id = ? AND state = 'paused'`,
  );
  const item = db.prepare<[number, string], { status: 'ingested' | 'failed'; attempts: number }>(
    'SELECT status, attempts FROM feed_items WHERE feed_id = ? AND item_key = ?',
  );
  const upsertItem = db.prepare(
    `INSERT INTO feed_items (feed_id, item_key, report_id, status, reason, first_seen_at)
     VALUES (@feedId, @itemKey, @reportId, @status, @reason, @now)
     ON CONFLICT (feed_id, item_key) DO UPDATE SET report_id = excluded.report_id, status = excluded.status,
       reason = excluded.reason, attempts = attempts + 1`,
  );

  return {
    add(feed, now) {
      const id = Number(insert.run({ ...feed, now: now.toISOString() }).lastInsertRowid);
      return fromRow(byId.get(id)!);
    },
    get: (id) => {
      const r = byId.get(id);
      return r && fromRow(r);
    },
    findByUrl: (url) => {
      const r = byUrl.get(url);
      return r && fromRow(r);
    },
    list: () => all.all().map(fromRow),
    remove: (id) => del.run(id).changes > 0,
    due: (now) => dueStmt.all(now.toISOString()).map(fromRow),
    recordPoll(id, outcome, now) {
      const base = { id, now: now.toISOString(), nextPollAt: outcome.nextPollAt };
      if (outcome.ok) success.run({ ...base, etag: outcome.etag, lastModified: outcome.lastModified });
      else failure.run({ ...base, error: outcome.error, pause: outcome.pause ? 1 : 0 });
    },
    resume: (id, now) => resumeStmt.run(now.toISOString(), id).changes > 0,
    itemStatus: (feedId, itemKey) => item.get(feedId, itemKey),
    recordItem(feedId, itemKey, result, now) {
      upsertItem.run({
        feedId,
        itemKey,
        reportId: 'reportId' in result ? result.reportId : null,
        status: 'reportId' in result ? 'ingested' : 'failed',
        reason: 'reason' in result ? result.reason : null,
        now: now.toISOString(),
      });
    },
  };
}
