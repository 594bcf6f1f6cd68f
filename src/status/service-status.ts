/**
 * How the service is doing, from the database and the serving process's heartbeat file: reports,
 * feeds, subscriptions, platforms, and the database's size and integrity (`rasid status`, `/status`).
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { Db } from '../store/open-database.js';

/** How often the serving process rewrites its heartbeat, and when an older one means it is gone. */
export const HEARTBEAT_EVERY_MS = 30_000;
export const HEARTBEAT_STALE_MS = 3 * HEARTBEAT_EVERY_MS;

/** Each platform as the serving process knows it. */
export type PlatformState = 'not configured' | 'starting' | 'connected' | 'disconnected' | 'refused' | 'stopped';

/** What the serving process writes beside the database (`<RASID_DB>.service.json`) every HEARTBEAT_EVERY_MS. */
export interface Heartbeat {
  readonly pid: number;
  readonly startedAt: string;
  readonly at: string;
  /** False once it stopped cleanly. */
  readonly running: boolean;
  readonly platforms: Readonly<Record<string, PlatformState>>;
}

export function heartbeatPath(dbPath: string): string {
  return `${dbPath}.service.json`;
}

/** Writes the heartbeat atomically (a reader never sees half a file). */
export function writeHeartbeat(dbPath: string, beat: Heartbeat): void {
  const path = heartbeatPath(dbPath);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(beat)}\n`);
  renameSync(`${path}.tmp`, path);
}

function readHeartbeat(dbPath: string): Heartbeat | null {
  try {
    return JSON.parse(readFileSync(heartbeatPath(dbPath), 'utf8')) as Heartbeat;
  } catch {
    return null;
  }
}

export interface SubscriptionStatus {
  readonly id: number;
  readonly name: string;
  readonly paused: boolean;
  readonly timezone: string;
  readonly nextRunAt: string;
  readonly openRuns: number;
  readonly lastDeliveredAt: string | null;
  readonly lastError: string | null;
}

export interface ServiceStatus {
  readonly at: string;
  readonly reports: { readonly total: number; readonly addedLast24h: number; readonly lastIngestAt: string | null };
  readonly feeds: { readonly active: number; readonly failing: number; readonly paused: number; readonly nextPollAt: string | null };
  readonly subscriptions: readonly SubscriptionStatus[];
  /**
   * The serving process as its heartbeat tells: `running` (a heartbeat within HEARTBEAT_STALE_MS),
   * `stopped` (it stopped cleanly), `gone` (no heartbeat for longer: it died or hangs), `never` (no heartbeat file).
   */
  readonly service: { readonly state: 'running' | 'stopped' | 'gone' | 'never'; readonly pid: number | null; readonly startedAt: string | null; readonly lastHeartbeatAt: string | null };
  readonly platforms: Readonly<Record<string, PlatformState>>;
  readonly database: { readonly path: string; readonly bytes: number; readonly quickCheck: string };
  /** Nothing an operator must act on: the database passes quick_check and, when a service ever ran here, it is not gone. */
  readonly healthy: boolean;
}

export interface StatusInput {
  readonly db: Db;
  readonly dbPath: string;
  readonly now: Date;
  /** Which platforms have a token set (what the CLI can know when no service runs). */
  readonly configured: Readonly<Record<string, boolean>>;
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

export function collectStatus({ db, dbPath, now, configured }: StatusInput): ServiceStatus {
  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
  const reports = one<{ total: number; last: string | null }>('SELECT count(*) AS total, max(ingested_at) AS last FROM reports');
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const added = one<{ n: number }>('SELECT count(*) AS n FROM reports WHERE ingested_at >= ?', dayAgo).n;
  const feeds = one<{ active: number; failing: number; paused: number; next: string | null }>(
    `SELECT coalesce(sum(state = 'active'), 0) AS active, coalesce(sum(state = 'active' AND consecutive_failures > 0), 0) AS failing,
            coalesce(sum(state = 'paused'), 0) AS paused, min(CASE WHEN state = 'active' THEN next_poll_at END) AS next FROM feeds`,
  );
  const subscriptions = (
    db
      .prepare(
        `SELECT s.id, coalesce(s.label, s.platform || ' ' || s.chat_id) AS name, s.paused, s.timezone, s.next_run_at,
           (SELECT count(*) FROM digest_runs r WHERE r.subscription_id = s.id AND r.state = 'sending') AS open_runs,
           (SELECT max(delivered_at) FROM digest_runs r WHERE r.subscription_id = s.id) AS last_delivered,
           (SELECT r.last_error FROM digest_runs r WHERE r.subscription_id = s.id AND r.last_error IS NOT NULL ORDER BY r.id DESC LIMIT 1) AS last_error
         FROM subscriptions s ORDER BY s.id`,
      )
      .all() as { id: number; name: string; paused: number; timezone: string; next_run_at: string; open_runs: number; last_delivered: string | null; last_error: string | null }[]
  ).map(
    (r): SubscriptionStatus => ({
      id: r.id,
      name: r.name,
      paused: r.paused === 1,
      timezone: r.timezone,
      nextRunAt: r.next_run_at,
      openRuns: r.open_runs,
      lastDeliveredAt: r.last_delivered,
      lastError: r.open_runs > 0 ? r.last_error : null,
    }),
  );

  const beat = dbPath === ':memory:' ? null : readHeartbeat(dbPath);
  const age = beat === null ? Number.POSITIVE_INFINITY : now.getTime() - Date.parse(beat.at);
  const serviceState = beat === null ? 'never' : !beat.running ? 'stopped' : age <= HEARTBEAT_STALE_MS ? 'running' : 'gone';
  const notRunning = (isConfigured: boolean): PlatformState => (isConfigured ? 'stopped' : 'not configured');
  const platforms =
    serviceState === 'running' && beat !== null
      ? beat.platforms
      : Object.fromEntries(Object.entries(configured).map(([name, isConfigured]) => [name, notRunning(isConfigured)]));

  const quickCheck = (db.pragma('quick_check', { simple: false }) as { quick_check: string }[]).map((r) => r.quick_check).join('; ');
  const bytes = dbPath === ':memory:' ? 0 : fileSize(dbPath) + fileSize(`${dbPath}-wal`);
  return {
    at: now.toISOString(),
    reports: { total: reports.total, addedLast24h: added, lastIngestAt: reports.last },
    feeds: { active: feeds.active, failing: feeds.failing, paused: feeds.paused, nextPollAt: feeds.next },
    subscriptions,
    service: { state: serviceState, pid: beat?.pid ?? null, startedAt: beat?.startedAt ?? null, lastHeartbeatAt: beat?.at ?? null },
    platforms,
    database: { path: dbPath, bytes, quickCheck },
    healthy: quickCheck === 'ok' && serviceState !== 'gone',
  };
}
