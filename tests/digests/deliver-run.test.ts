import { describe, expect, it } from 'vitest';
import { deliverRun, MAX_SEND_ATTEMPTS, RETRY_BASE_MS } from '../../digests/deliver-run.js';
import { PermanentDeliveryError, RateLimitedError, type MessageSink } from '../../digests/message-sink.js';
import { createOutboxStore } from '../../digests/outbox-store.js';
import { createSubscriptionStore } from '../../digests/subscription-store.js';
import { createLogger } from '../../src/log/create-logger.js';
import { openDatabase } from '../../src/store/open-database.js';

const NOW = new Date('2026-11-22T05:00:00Z');

function setup(payloads: string[]) {
  const db = openDatabase(':memory:');
  const subscriptions = createSubscriptionStore(db);
  const outbox = createOutboxStore(db);
  const sub = subscriptions.add(
    { platform: 'telegram', chatId: '-100', threadId: null, label: null, cron: '0 8 * * *', timezone: 'Asia/Damascus', filter: null, itemCap: 30, sendEmpty: false, watermark: 3, nextRunAt: NOW.toISOString(), createdBy: null },
    NOW,
  );
  const run = outbox.createRun({ subscriptionId: sub.id, fromReportId: 3, toReportId: 9 }, payloads, NOW);
  const sleeps: number[] = [];
  const notices: string[] = [];
  const deps = (sink: MessageSink) => ({
    outbox,
    sinks: { telegram: sink },
    now: () => NOW,
    sleep: async (ms: number) => void sleeps.push(ms),
    logger: createLogger({ level: 'silent', format: 'json' }),
    notifyAdmins: (m: string) => void notices.push(m),
  });
  return { db, subscriptions, outbox, sub, run, sleeps, notices, deps };
}

/** A fake platform: answers each call with the next scripted outcome ('ok' accepts), records what it accepted. */
function scriptedSink(script: (string | Error)[]) {
  const accepted: unknown[] = [];
  let n = 0;
  const sink: MessageSink = {
    async send(_dest, payload) {
      const step = script[n++] ?? 'ok';
      if (step instanceof Error) throw step;
      accepted.push(payload);
      return { messageId: String(accepted.length) };
    },
  };
  return { sink, accepted };
}

describe('deliverRun', () => {
  it('sends every message in order, then moves the watermark', async () => {
    const t = setup(['a', 'b', 'c']);
    const { sink, accepted } = scriptedSink([]);
    expect(await deliverRun(t.run, t.sub, t.deps(sink))).toBe('delivered');
    expect(accepted).toEqual(['a', 'b', 'c']);
    expect(t.subscriptions.get(t.sub.id)!.watermark).toBe(9);
    expect(t.outbox.openRuns()).toEqual([]);
  });

  it('waits for retry_after on a 429 and sends again, without counting it as a failure', async () => {
    const t = setup(['a', 'b']);
    const { sink, accepted } = scriptedSink(['ok', new RateLimitedError(7_000), new RateLimitedError(3_000), 'ok']);
    expect(await deliverRun(t.run, t.sub, t.deps(sink))).toBe('delivered');
    expect(accepted).toEqual(['a', 'b']);
    expect(t.sleeps).toEqual([7_000, 3_000]);
  });

  it('retries other failures with backoff, and succeeds', async () => {
    const t = setup(['a']);
    const { sink, accepted } = scriptedSink([new Error('502 Bad Gateway'), new Error('socket hang up'), 'ok']);
    expect(await deliverRun(t.run, t.sub, t.deps(sink))).toBe('delivered');
    expect(accepted).toEqual(['a']);
    expect(t.sleeps).toEqual([RETRY_BASE_MS, RETRY_BASE_MS * 2]);
  });

  it('gives up after MAX_SEND_ATTEMPTS: the run stays open, the watermark stays, the admins are told', async () => {
    const t = setup(['a', 'b']);
    const { sink, accepted } = scriptedSink(['ok', ...Array.from({ length: MAX_SEND_ATTEMPTS }, () => new Error('500 Internal Server Error'))]);
    expect(await deliverRun(t.run, t.sub, t.deps(sink))).toBe('incomplete');
    expect(accepted).toEqual(['a']);
    expect(t.subscriptions.get(t.sub.id)!.watermark).toBe(3);
    expect(t.outbox.unsent(t.run.id).map((m) => m.payload)).toEqual(['b']);
    expect(t.notices).toEqual([
      `The digest for subscription #${t.sub.id} (telegram -100) could not be delivered: message 2 failed ${MAX_SEND_ATTEMPTS} time(s): 500 Internal Server Error. It will be retried at the next scheduled time or restart.`,
    ]);
    // Resuming later sends only what is left.
    const later = scriptedSink([]);
    expect(await deliverRun(t.outbox.openRuns()[0]!, t.sub, t.deps(later.sink))).toBe('delivered');
    expect(later.accepted).toEqual(['b']);
    expect(t.subscriptions.get(t.sub.id)!.watermark).toBe(9);
  });

  it('does not retry a permanent failure', async () => {
    const t = setup(['a']);
    const { sink } = scriptedSink([new PermanentDeliveryError('403 Forbidden: bot was kicked from the group chat')]);
    expect(await deliverRun(t.run, t.sub, t.deps(sink))).toBe('incomplete');
    expect(t.sleeps).toEqual([]);
    expect(t.notices[0]).toContain('message 1 failed 1 time(s): 403 Forbidden: bot was kicked from the group chat');
  });

  it('says so when the platform has no bot running', async () => {
    const t = setup(['a']);
    const outcome = await deliverRun(t.run, t.sub, { ...t.deps(scriptedSink([]).sink), sinks: {} });
    expect(outcome).toBe('incomplete');
    expect(t.notices[0]).toContain('no telegram bot is running (its token is not set)');
  });
});
