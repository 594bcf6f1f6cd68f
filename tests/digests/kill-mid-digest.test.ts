import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestService } from '../../bin/create-digest-service.js';
import { loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';
import { createCore } from '../../src/create-core.js';
import { createLogger } from '../../src/log/create-logger.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { startFakeDiscord } from '../helpers/fake-discord.js';
import type { Destination } from '../../digests/subscription-store.js';
import { syntheticReport } from '../helpers/synthetic-reports.js';

const CHAT = -1001;
/** Each sendMessage is answered this long after Telegram has accepted it: the window a crash meets. */
const LATENCY_MS = 400;
const CRASHES = 3;

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram({ latencyMs: (method) => (method === 'sendMessage' ? LATENCY_MS : 0) });
  fake.addChat({ id: CHAT, type: 'supergroup', title: 'غرفة الأخبار' });
});
afterAll(() => fake.close());

/** A database with a Telegram subscription and a recorded, undelivered digest run of several messages. */
async function preparedDatabase(
  destination: Destination = { platform: 'telegram', chatId: String(CHAT), threadId: null },
  text: (payload: unknown) => string = (p) => (p as { html: string }).html,
  reports = 60,
): Promise<{ dbPath: string; corpus: string; expected: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-kill-'));
  const dbPath = join(dir, 'rasid.db');
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  const logger = createLogger({ level: 'silent', format: 'json' });
  const core = createCore({ config: loadConfig({ RASID_DB: dbPath }, repoPath('tests', 'no-such.env')), logger });
  try {
    const digests = createDigestService({ core, sinks: {}, logger, notifyAdmins: () => undefined, sleep: async () => undefined });
    const sub = digests.subscribe({ destination, itemCap: reports });
    for (let n = 0; n < reports; n++) core.ingestOne(syntheticReport(n));
    // No Telegram sink in this process: the run is recorded, nothing is sent, and it stays open.
    await digests.run(sub.id);
    const run = digests.outbox.openRuns()[0]!;
    return { dbPath, corpus, expected: digests.outbox.messages(run.id).map((m) => text(m.payload)) };
  } finally {
    core.close();
  }
}

function serve(dbPath: string, corpus: string, platformEnv?: Record<string, string>): { child: ChildProcess; exited: Promise<unknown> } {
  // node itself with tsx's loader, not the tsx CLI: kill -9 must hit the process that runs Rasid, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', repoPath('bin', 'rasid.ts'), 'serve'], {
    cwd: repoPath(),
    env: {
      ...process.env, RASID_DB: dbPath, RASID_CORPUS: corpus, RASID_INBOX: join(corpus, '..', 'inbox'), LOG_LEVEL: 'warn', LOG_FORMAT: 'json',
      ...(platformEnv ?? { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_ALLOWED_CHATS: String(CHAT) }),
    },
    stdio: ['ignore', 'ignore', process.env.RASID_SHOW_DELIVERY ? 'inherit' : 'ignore'],
  });
  living.add(child);
  return { child, exited: new Promise((resolve) => child.once('exit', () => resolve(living.delete(child)))) };
}
const living = new Set<ChildProcess>();
afterAll(() => living.forEach((c) => c.kill('SIGKILL')));

const runState = (dbPath: string): string => {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare<[], { state: string }>('SELECT state FROM digest_runs').get()!.state;
  } finally {
    db.close();
  }
};

describe('kill -9 of a real rasid process in the middle of a Telegram digest', () => {
  it('loses nothing, keeps the order, and repeats at most the one message in flight per crash', async () => {
    const { dbPath, corpus, expected } = await preparedDatabase();
    expect(expected.length).toBeGreaterThanOrEqual(CRASHES + 2);

    for (let crash = 0; crash < CRASHES; crash++) {
      const after = fake.calls.length;
      const { child, exited } = serve(dbPath, corpus);
      // Two messages into this life of the process: Telegram has the second, its answer is on the way.
      const first = await fake.waitForCall('sendMessage', (c) => String(c.params.chat_id) === String(CHAT), { after, timeoutMs: 30_000 });
      await fake.waitForCall('sendMessage', (c) => String(c.params.chat_id) === String(CHAT), { after: first.index + 1, timeoutMs: 10_000 });
      child.kill('SIGKILL');
      await exited;
      if (process.env.RASID_SHOW_DELIVERY) console.log(`life ${crash}:`, fake.calls.slice(after).map((c) => `${c.index}:${c.method}@${c.at % 100000}`).join(' '));
    }

    const { child, exited } = serve(dbPath, corpus);
    for (let k = 0; k < 300 && runState(dbPath) !== 'delivered'; k++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGTERM');
    await exited;

    const received = fake.sent(CHAT).filter((m) => m.kind === 'send').map((m) => m.rawText);
    const collapsed = received.filter((text, i) => i === 0 || text !== received[i - 1]);
    expect(runState(dbPath)).toBe('delivered');
    // Nothing lost, order kept: without repeats the chat has exactly the run's messages.
    expect(collapsed).toEqual(expected);
    // Each crash repeated at most the message that was in flight, right after itself.
    const duplicates = received.length - expected.length;
    expect(duplicates).toBeLessThanOrEqual(CRASHES);
    if (process.env.RASID_SHOW_DELIVERY) console.log(`messages ${expected.length}, crashes ${CRASHES}, received ${received.length}, duplicates ${duplicates}`);
  }, 120_000);
});

describe('kill -9 of a real rasid process in the middle of a Discord digest', () => {
  it('loses nothing, keeps the order, and repeats nothing: the nonce is enforced', async () => {
    const discord = await startFakeDiscord({ latencyMs: (method, path) => (method === 'POST' && /\/messages$/.test(path) ? LATENCY_MS : 0) });
    const channel = '1200000000000000011';
    try {
      // What a reader sees of a message: each embed's title and description.
      const embedsOf = (p: unknown) => JSON.stringify((p as { embeds: { title?: string; description?: string }[] }).embeds.map((e) => [e.title ?? '', e.description ?? '']));
      const { dbPath, corpus, expected } = await preparedDatabase({ platform: 'discord', chatId: channel, threadId: null }, embedsOf, 150);
      expect(expected.length).toBeGreaterThanOrEqual(CRASHES + 2);
      const env = { DISCORD_BOT_TOKEN: discord.token, DISCORD_API_ROOT: discord.restRoot, DISCORD_ALLOWED_GUILDS: '1200000000000000001' };
      const posted = () => discord.channelMessages(channel).length;
      for (let crash = 0; crash < CRASHES; crash++) {
        const before = posted();
        const { child, exited } = serve(dbPath, corpus, env);
        // Kill as soon as the second new message of this life is posted: its answer is still on the way.
        for (let k = 0; k < 3000 && posted() < before + 2; k++) await new Promise((r) => setTimeout(r, 10));
        child.kill('SIGKILL');
        await exited;
      }
      const { child, exited } = serve(dbPath, corpus, env);
      for (let k = 0; k < 300 && runState(dbPath) !== 'delivered'; k++) await new Promise((r) => setTimeout(r, 100));
      child.kill('SIGTERM');
      await exited;

      const received = discord.channelMessages(channel).map((m) => embedsOf(m));
      expect(runState(dbPath)).toBe('delivered');
      const sends = discord.calls.filter((c) => c.method === 'POST' && c.path.endsWith(`/channels/${channel}/messages`)).length;
      if (process.env.RASID_SHOW_DELIVERY) console.log(`discord: messages ${expected.length}, crashes ${CRASHES}, sends ${sends}, posted ${received.length}`);
      // Re-sent after each crash (more sends than messages), yet posted once each, in order.
      expect(sends).toBeGreaterThan(expected.length);
      expect(received).toEqual(expected);
    } finally {
      await discord.close();
    }
  }, 120_000);
});
