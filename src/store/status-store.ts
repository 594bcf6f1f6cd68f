/** The figures `rasid status` and `/status` show, read from the database: reports, feeds, subscriptions, integrity. */
import type { Db } from './open-database.js';

export interface SubscriptionFigures {
  readonly id: number;
  readonly name: string;
  readonly paused: boolean;
  readonly timezone: string;
  readonly nextRunAt: string;
  readonly openRuns: number;
  readonly lastDeliveredAt: string | null;
  /** The newest error of the subscription's runs (null when none recorded one). */
  readonly lastError: string | null;
}

export interface StatusFigures {
  readonly reports: { readonly total: number; readonly addedSince: number; readonly lastIngestAt: string | null };
  readonly feeds: { readonly active: number; readonly failing: number; readonly paused: number; readonly nextPollAt: string | null };
  readonly subscriptions: readonly SubscriptionFigures[];
  /** SQLite's quick_check, its lines joined by "; " ("ok" when sound). */
  readonly quickCheck: string;
}

export interface StatusStore {
  /** The figures now; `addedSince` counts the reports ingested at or after `since`. */
  figures(since: Date): StatusFigures;
  /** SQLite's full integrity_check ("ok" when sound). */
  integrityCheck(): string;
}

export function createStatusStore(db: Db): StatusStore {
  const reports = db.prepare<[], { total: number; last: string | null }>('SELECT count(*) AS total, max(ingested_at) AS last FROM reports');
  const added = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM reports WHERE ingested_at >= ?');
  const feeds = db.prepare<[], { active: number; failing: number; paused: number; next: string | null }>(
    `SELECT coalesce(sum(state = 'active'), 0) AS active, coalesce(sum(state = 'active' AND consecutive_failures > 0), 0) AS failing,
            coalesce(sum(state = 'paused'), 0) AS paused, min(CASE WHEN state = 'active' THEN next_poll_at END) AS next FROM feeds`,
  );
  const subscriptions = db.prepare<[], { id: number; name: string; paused: number; timezone: string; next_run_at: string; open_runs: number; last_delivered: string | null; last_error: string | null }>(
    `SELECT s.id, coalesce(s.label, s.platform || ' ' || s.chat_id) AS name, s.paused, s.timezone, s.next_run_at,
       (SELECT count(*) FROM digest_runs r WHERE r.subscription_id = s.id AND r.state = 'sending') AS open_runs,
       (SELECT max(delivered_at) FROM digest_runs r WHERE r.subscription_id = s.id) AS last_delivered,
       (SELECT r.last_error FROM digest_runs r WHERE r.subscription_id = s.id AND r.last_error IS NOT NULL ORDER BY r.id DESC LIMIT 1) AS last_error
     FROM subscriptions s ORDER BY s.id`,
  );
  return {
    figures(since) {
      const r = reports.get()!;
      const f = feeds.get()!;
      return {
        reports: { total: r.total, addedSince: added.get(since.toISOString())!.n, lastIngestAt: r.last },
        feeds: { active: f.active, failing: f.failing, paused: f.paused, nextPollAt: f.next },
        subscriptions: subscriptions.all().map((s) => ({
          id: s.id,
          name: s.name,
          paused: s.paused === 1,
          timezone: s.timezone,
          nextRunAt: s.next_run_at,
          openRuns: s.open_runs,
          lastDeliveredAt: s.last_delivered,
          lastError: s.last_error,
        })),
        quickCheck: (db.pragma('quick_check', { simple: false }) as { quick_check: string }[]).map((q) => q.quick_check).join('; '),
      };
    },
    integrityCheck: () => String(db.pragma('integrity_check', { simple: true })),
  };
}
