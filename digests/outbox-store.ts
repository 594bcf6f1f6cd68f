/** Digest runs and their messages: written before anything is sent, marked one by one as the platform confirms. */
import type { Db } from '../src/store/open-database.js';
import { writeTransaction } from '../src/store/write-transaction.js';
import { pictureBytes } from './message-sink.js';
import { prepareAdvanceWatermark, prepareSetAlertState, type AlertState } from './subscription-store.js';

export interface DigestRun {
  readonly id: number;
  readonly subscriptionId: number;
  readonly fromReportId: number;
  readonly toReportId: number;
  readonly createdAt: string;
  readonly state: 'sending' | 'delivered' | 'failed';
  readonly lastError: string | null;
  /** An alert's run: the burst it tells of (its firing state's since-time); null for a digest's run. */
  readonly alertSince: string | null;
}

export interface OutboxMessage {
  readonly runId: number;
  readonly seq: number;
  /** The rendered platform message, as JSON; a picture's bytes back in its `png` (PicturePayload). */
  readonly payload: unknown;
  readonly sentAt: string | null;
  /** The platform's id for the sent message. */
  readonly platformMessageId: string | null;
  readonly attempts: number;
}

export interface OutboxStore {
  /** Records a run and all its messages in one transaction; nothing is sent before this commits. */
  createRun(run: { subscriptionId: number; fromReportId: number; toReportId: number }, payloads: readonly unknown[], now: Date): DigestRun;
  /**
   * Records an alert that fired: the subscription's state becomes `state` (firing, since its burst) and
   * the run and its messages are written, in one transaction. Only from quiet: when the subscription is
   * already firing (another check fired this burst meanwhile) nothing is written and undefined returned.
   * The schema refuses a second run for one burst too (one run per subscription and `state.since`).
   */
  createAlertRun(run: { subscriptionId: number; toReportId: number }, state: AlertState & { since: string }, payloads: readonly unknown[], now: Date): DigestRun | undefined;
  /** The subscription's run still being delivered, if any (at most one). */
  openRun(subscriptionId: number): DigestRun | undefined;
  /** Every run still being delivered, oldest first (what a restart resumes). */
  openRuns(): DigestRun[];
  unsent(runId: number): OutboxMessage[];
  markSent(runId: number, seq: number, platformMessageId: string | null, now: Date): void;
  markAttemptFailed(runId: number, seq: number, error: string): void;
  /** Marks the run delivered and moves the subscription's watermark, in one transaction. */
  completeRun(runId: number, now: Date): void;
  setRunError(runId: number, error: string): void;
  messages(runId: number): OutboxMessage[];
}

interface RunRow {
  id: number;
  subscription_id: number;
  from_report_id: number;
  to_report_id: number;
  created_at: string;
  state: DigestRun['state'];
  last_error: string | null;
  alert_since: string | null;
}
interface MessageRow {
  run_id: number;
  seq: number;
  payload: string;
  picture: Buffer | null;
  sent_at: string | null;
  platform_message_id: string | null;
  attempts: number;
}

const runFromRow = (r: RunRow): DigestRun => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  fromReportId: r.from_report_id,
  toReportId: r.to_report_id,
  createdAt: r.created_at,
  state: r.state,
  lastError: r.last_error,
  alertSince: r.alert_since,
});
const messageFromRow = (m: MessageRow): OutboxMessage => ({
  runId: m.run_id,
  seq: m.seq,
  payload: m.picture === null ? (JSON.parse(m.payload) as unknown) : { ...(JSON.parse(m.payload) as object), png: m.picture },
  sentAt: m.sent_at,
  platformMessageId: m.platform_message_id,
  attempts: m.attempts,
});

export function createOutboxStore(db: Db): OutboxStore {
  const insertRun = db.prepare(
    `INSERT INTO digest_runs (subscription_id, from_report_id, to_report_id, created_at, state) VALUES (?, ?, ?, ?, 'sending')`,
  );
  const insertAlertRun = db.prepare(
    `INSERT INTO digest_runs (subscription_id, from_report_id, to_report_id, created_at, state, alert_since) VALUES (?, 0, ?, ?, 'sending', ?)`,
  );
  const setAlertState = prepareSetAlertState(db);
  const alertStateOf = db.prepare<[number], { alert_state: string }>('SELECT alert_state FROM subscriptions WHERE id = ?');
  const insertMessage = db.prepare('INSERT INTO outbox (run_id, seq, payload, picture) VALUES (?, ?, ?, ?)');
  const runById = db.prepare<[number], RunRow>('SELECT * FROM digest_runs WHERE id = ?');
  const openForSub = db.prepare<[number], RunRow>(`SELECT * FROM digest_runs WHERE state = 'sending' AND subscription_id = ? ORDER BY id LIMIT 1`);
  const allOpen = db.prepare<[], RunRow>(`SELECT * FROM digest_runs WHERE state = 'sending' ORDER BY id`);
  const unsentStmt = db.prepare<[number], MessageRow>('SELECT * FROM outbox WHERE run_id = ? AND sent_at IS NULL ORDER BY seq');
  const allMessages = db.prepare<[number], MessageRow>('SELECT * FROM outbox WHERE run_id = ? ORDER BY seq');
  const sent = db.prepare('UPDATE outbox SET sent_at = ?, platform_message_id = ?, attempts = attempts + 1, last_error = NULL WHERE run_id = ? AND seq = ?');
  const attemptFailed = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE run_id = ? AND seq = ?');
  const runDelivered = db.prepare(`UPDATE digest_runs SET state = 'delivered', delivered_at = ?, last_error = NULL WHERE id = ?`);
  const advanceWatermark = prepareAdvanceWatermark(db);
  const runError = db.prepare('UPDATE digest_runs SET last_error = ? WHERE id = ?');

  /** Writes a run's messages: a picture's bytes go to their own column, the JSON keeps the rest of the message. */
  const insertMessages = (id: number, payloads: readonly unknown[]) =>
    payloads.forEach((p, seq) => {
      const png = pictureBytes(p);
      insertMessage.run(id, seq, JSON.stringify(png === null ? p : { ...(p as object), png: undefined }), png);
    });
  const createRun = writeTransaction(db, (run: { subscriptionId: number; fromReportId: number; toReportId: number }, payloads: readonly unknown[], now: Date) => {
    const id = Number(insertRun.run(run.subscriptionId, run.fromReportId, run.toReportId, now.toISOString()).lastInsertRowid);
    insertMessages(id, payloads);
    return runFromRow(runById.get(id)!);
  });
  const createAlertRun = writeTransaction(
    db,
    (run: { subscriptionId: number; toReportId: number }, state: AlertState & { since: string }, payloads: readonly unknown[], now: Date) => {
      if (alertStateOf.get(run.subscriptionId)?.alert_state !== 'quiet') return undefined;
      setAlertState(run.subscriptionId, state);
      const id = Number(insertAlertRun.run(run.subscriptionId, run.toReportId, now.toISOString(), state.since).lastInsertRowid);
      insertMessages(id, payloads);
      return runFromRow(runById.get(id)!);
    },
  );
  const completeRun = writeTransaction(db, (runId: number, now: Date) => {
    const run = runById.get(runId)!;
    runDelivered.run(now.toISOString(), runId);
    advanceWatermark(run.subscription_id, run.to_report_id);
  });

  return {
    createRun: (run, payloads, now) => createRun(run, payloads, now),
    createAlertRun: (run, state, payloads, now) => createAlertRun(run, state, payloads, now),
    openRun: (subscriptionId) => {
      const r = openForSub.get(subscriptionId);
      return r && runFromRow(r);
    },
    openRuns: () => allOpen.all().map(runFromRow),
    unsent: (runId) => unsentStmt.all(runId).map(messageFromRow),
    markSent: (runId, seq, platformMessageId, now) => void sent.run(now.toISOString(), platformMessageId, runId, seq),
    markAttemptFailed: (runId, seq, error) => void attemptFailed.run(error, runId, seq),
    completeRun: (runId, now) => completeRun(runId, now),
    setRunError: (runId, error) => void runError.run(error, runId),
    messages: (runId) => allMessages.all(runId).map(messageFromRow),
  };
}
