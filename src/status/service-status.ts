/**
 * How the service is doing, from the database and the serving process's heartbeat file: reports,
 * feeds, subscriptions, platforms, and the database's size and integrity (`rasid status`, `/status`).
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { StatusFigures, SubscriptionFigures } from '../store/status-store.js';

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

/** A subscription as status shows it: its figures, with the last error only while a run is open. */
export type SubscriptionStatus = SubscriptionFigures;

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
  /** The database's figures (StatusStore.figures, counting reports added in the last 24 hours). */
  readonly figures: StatusFigures;
  readonly dbPath: string;
  readonly now: Date;
  /** Which platforms have a token set (what the CLI can know when no service runs). */
  readonly configured: Readonly<Record<string, boolean>>;
}

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** The reports counted as "added in the last 24 hours" are those ingested since this. */
export const statusSince = (now: Date): Date => new Date(now.getTime() - 86_400_000);

export function collectStatus({ figures, dbPath, now, configured }: StatusInput): ServiceStatus {
  const { reports, feeds, quickCheck } = figures;
  const subscriptions = figures.subscriptions.map((s): SubscriptionStatus => ({ ...s, lastError: s.openRuns > 0 ? s.lastError : null }));

  const beat = dbPath === ':memory:' ? null : readHeartbeat(dbPath);
  const age = beat === null ? Number.POSITIVE_INFINITY : now.getTime() - Date.parse(beat.at);
  const serviceState = beat === null ? 'never' : !beat.running ? 'stopped' : age <= HEARTBEAT_STALE_MS ? 'running' : 'gone';
  const notRunning = (isConfigured: boolean): PlatformState => (isConfigured ? 'stopped' : 'not configured');
  const platforms =
    serviceState === 'running' && beat !== null
      ? beat.platforms
      : Object.fromEntries(Object.entries(configured).map(([name, isConfigured]) => [name, notRunning(isConfigured)]));

  const bytes = dbPath === ':memory:' ? 0 : fileSize(dbPath) + fileSize(`${dbPath}-wal`);
  return {
    at: now.toISOString(),
    reports: { total: reports.total, addedLast24h: reports.addedSince, lastIngestAt: reports.lastIngestAt },
    feeds,
    subscriptions,
    service: { state: serviceState, pid: beat?.pid ?? null, startedAt: beat?.startedAt ?? null, lastHeartbeatAt: beat?.at ?? null },
    platforms,
    database: { path: dbPath, bytes, quickCheck },
    healthy: quickCheck === 'ok' && serviceState !== 'gone',
  };
}
