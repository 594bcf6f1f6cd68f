import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDigestService } from '../../bin/create-digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import { loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';
import { createCore, type Core } from '../../src/create-core.js';
import { createLogger } from '../../src/log/create-logger.js';
import { syntheticReport as report } from '../helpers/synthetic-reports.js';
import { testClock, testDb } from '../helpers/test-core.js';

const logger = createLogger({ level: 'silent', format: 'json' });
const clock = testClock(new Date('2026-11-22T05:00:00Z'));

/** A fake Telegram: what it accepted, across "restarts" of Rasid. */
function fakePlatform() {
  const accepted: string[] = [];
  const sink: MessageSink = {
    async send(_d, payload) {
      accepted.push((payload as { html: string }).html);
      return { messageId: String(accepted.length) };
    },
  };
  return { accepted, sink };
}

class Crash extends Error {}

function openCore(dbPath: string): Core {
  const config = loadConfig({ RASID_DB: dbPath, LOG_LEVEL: 'silent' }, repoPath('tests', 'no-such.env'));
  return createCore({ config, logger, clock });
}

/** A database with a Telegram subscription and 40 new reports for it. */
function prepared(): { dbPath: string; subscriptionId: number } {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'rasid-once-')), 'rasid.db');
  const core = openCore(dbPath);
  const digests = createDigestService({ core, sinks: {}, logger, notifyAdmins: () => undefined });
  const sub = digests.subscribe({ destination: { platform: 'telegram', chatId: '-1001', threadId: null }, itemCap: 40 });
  for (let n = 0; n < 40; n++) expect(core.ingestOne(report(n))).toMatchObject({ ok: true, status: 'added' });
  core.close();
  return { dbPath, subscriptionId: sub.id };
}

/** Runs the subscription, dying right after `crashAfter` messages were confirmed; returns the run's messages. */
async function runCrashingAfter(crashAfter: number, platform: ReturnType<typeof fakePlatform>) {
  const { dbPath, subscriptionId } = prepared();
  const first = openCore(dbPath);
  let sent = 0;
  const dying = createDigestService({
    core: first,
    sinks: { telegram: platform.sink },
    logger,
    notifyAdmins: () => undefined,
    onSent: () => {
      if (++sent === crashAfter) throw new Crash(`killed after message ${crashAfter}`);
    },
  });
  await expect(dying.run(subscriptionId)).rejects.toThrow(Crash);
  first.close(); // the process is gone; only the database file remains

  const second = openCore(dbPath);
  const restarted = createDigestService({ core: second, sinks: { telegram: platform.sink }, logger, notifyAdmins: () => undefined });
  await restarted.resumeOpenRuns();
  const run = testDb(second).prepare<[], { id: number; state: string }>('SELECT id, state FROM digest_runs').all();
  const messages = restarted.outbox.messages(run[0]!.id).map((m) => (m.payload as { html: string }).html);
  const sub = restarted.subscriptions.get(subscriptionId)!;
  const again = await restarted.run(subscriptionId);
  second.close();
  return { run, messages, sub, again };
}

describe('digest delivery across crashes', () => {
  it('a digest of several messages, killed after each message in turn, reaches the chat exactly once, in order', async () => {
    const probe = fakePlatform();
    const clean = await (async () => {
      const { dbPath, subscriptionId } = prepared();
      const core = openCore(dbPath);
      const digests = createDigestService({ core, sinks: { telegram: probe.sink }, logger, notifyAdmins: () => undefined });
      const outcome = await digests.run(subscriptionId);
      core.close();
      return outcome;
    })();
    expect(clean).toMatchObject({ kind: 'delivered' });
    const total = probe.accepted.length;
    expect(total).toBeGreaterThanOrEqual(3);

    for (let k = 1; k <= total; k++) {
      const platform = fakePlatform();
      const { run, messages, sub, again } = await runCrashingAfter(k, platform);
      expect(run).toEqual([{ id: 1, state: 'delivered' }]);
      expect(platform.accepted).toEqual(messages);
      expect(platform.accepted).toEqual(probe.accepted);
      expect(new Set(platform.accepted).size).toBe(total);
      expect(sub.watermark).toBe(40);
      expect(again).toEqual({ kind: 'nothing_new' });
    }
  });

  it('the one window left: a message the platform accepted but Rasid died before recording is sent again', async () => {
    const { dbPath, subscriptionId } = prepared();
    const platform = fakePlatform();
    const first = openCore(dbPath);
    const dying = createDigestService({
      core: first,
      sinks: { telegram: platform.sink },
      logger,
      notifyAdmins: () => undefined,
      onSent: (runId, seq) => {
        // Simulate the process dying between the platform's "ok" and the write: undo the write.
        testDb(first).prepare('UPDATE outbox SET sent_at = NULL WHERE run_id = ? AND seq = ?').run(runId, seq);
        throw new Crash('killed between accept and record');
      },
    });
    await expect(dying.run(subscriptionId)).rejects.toThrow(Crash);
    first.close();
    const second = openCore(dbPath);
    await createDigestService({ core: second, sinks: { telegram: platform.sink }, logger, notifyAdmins: () => undefined }).resumeOpenRuns();
    second.close();
    expect(platform.accepted[0]).toBe(platform.accepted[1]);
    expect(new Set(platform.accepted).size).toBe(platform.accepted.length - 1);
  });

  it('a digest is recorded before anything is sent, and the watermark moves only when all of it is delivered', async () => {
    const { dbPath, subscriptionId } = prepared();
    const core = openCore(dbPath);
    const failing: MessageSink = {
      async send() {
        throw new Error('500 Internal Server Error');
      },
    };
    const digests = createDigestService({ core, sinks: { telegram: failing }, logger, notifyAdmins: () => undefined, sleep: async () => undefined });
    expect(await digests.run(subscriptionId)).toMatchObject({ kind: 'incomplete', resumed: false });
    const run = digests.outbox.openRuns()[0]!;
    expect(digests.outbox.messages(run.id).length).toBeGreaterThanOrEqual(3);
    expect(digests.subscriptions.get(subscriptionId)!.watermark).toBe(0);
    core.close();
  });
});
