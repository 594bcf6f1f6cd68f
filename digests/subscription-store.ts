/** Digest subscriptions: where a digest goes, when, what it covers, and how far it has been delivered. */
import type { Db } from '../src/store/open-database.js';

/** A platform's name (`console`, `telegram`, `discord`, …): the platforms registered in bin/platforms.ts. */
export type Platform = string;

/** Where messages go: a platform's chat or channel, optionally a thread or forum topic in it. */
export interface Destination {
  readonly platform: Platform;
  readonly chatId: string;
  readonly threadId: string | null;
}

/** What a subscription sends: scheduled digests, or spike alerts on its filter (digests/alert-check.ts). */
export type SubscriptionKind = 'digest' | 'alert';

/** An alert's hysteresis: `firing` from the check that fired until the count falls back to its usual level. */
export interface AlertState {
  readonly state: 'quiet' | 'firing';
  /** When the current burst fired (null while quiet). */
  readonly since: string | null;
  /** The last check: when, the count it saw, and the threshold it compared it with (null before the first). */
  readonly checkedAt: string | null;
  readonly count: number | null;
  readonly threshold: number | null;
}

export interface Subscription extends Destination {
  readonly id: number;
  readonly kind: SubscriptionKind;
  /** Alerts: standard deviations above the daily mean that fire (null for digests). */
  readonly alertK: number | null;
  readonly alert: AlertState;
  readonly label: string | null;
  readonly cron: string;
  readonly timezone: string;
  readonly filter: string | null;
  readonly itemCap: number;
  readonly sendEmpty: boolean;
  /** Digests carry every report, not only those on topic (conflict and security; see `onTopic`). */
  readonly includeOffTopic: boolean;
  /** Digests open with the week's timeline of their filter (when the service was given a chart maker). */
  readonly withChart: boolean;
  readonly paused: boolean;
  readonly watermark: number;
  readonly nextRunAt: string;
  readonly lastRunAt: string | null;
  readonly createdAt: string;
  readonly createdBy: string | null;
}

export interface NewSubscription extends Destination {
  readonly kind?: SubscriptionKind;
  readonly alertK?: number | null;
  readonly label: string | null;
  readonly cron: string;
  readonly timezone: string;
  readonly filter: string | null;
  readonly itemCap: number;
  readonly sendEmpty: boolean;
  readonly includeOffTopic?: boolean;
  readonly withChart?: boolean;
  readonly watermark: number;
  readonly nextRunAt: string;
  readonly createdBy: string | null;
}

export interface SubscriptionStore {
  add(s: NewSubscription, now: Date): Subscription;
  get(id: number): Subscription | undefined;
  list(destination?: Pick<Destination, 'platform' | 'chatId'>): Subscription[];
  remove(id: number): boolean;
  setPaused(id: number, paused: boolean): boolean;
  setNextRun(id: number, nextRunAt: string, lastRunAt: string | null): void;
  /** Moves the subscription's watermark up to `reportId` (never down): those reports are covered. */
  advanceWatermark(id: number, reportId: number): void;
  /** Records an alert check that fired nothing: its state (quiet again, or still firing) and what it saw. */
  setAlertState(id: number, state: AlertState): void;
}

/** The one statement that moves a watermark (the outbox runs it inside the transaction that completes a run). */
export function prepareAdvanceWatermark(db: Db): (id: number, reportId: number) => void {
  const move = db.prepare<[number, number]>('UPDATE subscriptions SET watermark = max(watermark, ?) WHERE id = ?');
  return (id, reportId) => void move.run(reportId, id);
}

/** The one statement that records an alert's state (the outbox runs it inside the transaction that writes an alert's run). */
export function prepareSetAlertState(db: Db): (id: number, state: AlertState) => void {
  const set = db.prepare(`UPDATE subscriptions SET alert_state = @state, alert_since = @since, alert_checked_at = @checkedAt,
    alert_count = @count, alert_threshold = @threshold WHERE id = @id`);
  return (id, state) => void set.run({ ...state, id });
}

interface Row {
  id: number;
  kind: SubscriptionKind;
  alert_k: number | null;
  alert_state: AlertState['state'];
  alert_since: string | null;
  alert_checked_at: string | null;
  alert_count: number | null;
  alert_threshold: number | null;
  platform: Platform;
  chat_id: string;
  thread_id: string | null;
  label: string | null;
  cron: string;
  timezone: string;
  filter: string | null;
  item_cap: number;
  send_empty: number;
  include_off_topic: number;
  with_chart: number;
  paused: number;
  watermark: number;
  next_run_at: string;
  last_run_at: string | null;
  created_at: string;
  created_by: string | null;
}

const fromRow = (r: Row): Subscription => ({
  id: r.id,
  kind: r.kind,
  alertK: r.alert_k,
  alert: { state: r.alert_state, since: r.alert_since, checkedAt: r.alert_checked_at, count: r.alert_count, threshold: r.alert_threshold },
  platform: r.platform,
  chatId: r.chat_id,
  threadId: r.thread_id,
  label: r.label,
  cron: r.cron,
  timezone: r.timezone,
  filter: r.filter,
  itemCap: r.item_cap,
  sendEmpty: r.send_empty === 1,
  includeOffTopic: r.include_off_topic === 1,
  withChart: r.with_chart === 1,
  paused: r.paused === 1,
  watermark: r.watermark,
  nextRunAt: r.next_run_at,
  lastRunAt: r.last_run_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function createSubscriptionStore(db: Db): SubscriptionStore {
  const insert = db.prepare(`
    INSERT INTO subscriptions (platform, chat_id, thread_id, label, cron, timezone, filter, item_cap, send_empty,
      include_off_topic, with_chart, watermark, next_run_at, created_at, created_by, kind, alert_k)
    VALUES (@platform, @chatId, @threadId, @label, @cron, @timezone, @filter, @itemCap, @sendEmpty,
      @includeOffTopic, @withChart, @watermark, @nextRunAt, @now, @createdBy, @kind, @alertK)`);
  const byId = db.prepare<[number], Row>('SELECT * FROM subscriptions WHERE id = ?');
  const all = db.prepare<[], Row>('SELECT * FROM subscriptions ORDER BY id');
  const byChat = db.prepare<[string, string], Row>('SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? ORDER BY id');
  const del = db.prepare('DELETE FROM subscriptions WHERE id = ?');
  const pause = db.prepare('UPDATE subscriptions SET paused = ? WHERE id = ?');
  const next = db.prepare('UPDATE subscriptions SET next_run_at = ?, last_run_at = coalesce(?, last_run_at) WHERE id = ?');
  return {
    add(s, now) {
      const id = Number(
        insert.run({ ...s, kind: s.kind ?? 'digest', alertK: s.alertK ?? null, sendEmpty: s.sendEmpty ? 1 : 0, includeOffTopic: s.includeOffTopic ? 1 : 0, withChart: s.withChart ? 1 : 0, now: now.toISOString() }).lastInsertRowid,
      );
      return fromRow(byId.get(id)!);
    },
    get: (id) => {
      const r = byId.get(id);
      return r && fromRow(r);
    },
    list: (d) => (d ? byChat.all(d.platform, d.chatId) : all.all()).map(fromRow),
    remove: (id) => del.run(id).changes > 0,
    setPaused: (id, paused) => pause.run(paused ? 1 : 0, id).changes > 0,
    setNextRun: (id, nextRunAt, lastRunAt) => void next.run(nextRunAt, lastRunAt, id),
    advanceWatermark: prepareAdvanceWatermark(db),
    setAlertState: prepareSetAlertState(db),
  };
}
