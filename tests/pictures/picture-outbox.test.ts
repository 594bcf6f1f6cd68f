/** A digest that opens with a chart: the picture goes through the outbox first, exactly once, and survives a restart. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestService } from '../../bin/create-digest-service.js';
import { createTelegramSink } from '../../bots/telegram/telegram-sink.js';
import { PermanentDeliveryError, pictureBytes, type MessageSink } from '../../digests/message-sink.js';
import type { ChartMaker, ChartRequest } from '../../digests/picture.js';
import { loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';
import { createCore, type Core } from '../../src/create-core.js';
import { createLogger } from '../../src/log/create-logger.js';
import { capturedLogger } from '../helpers/captured-logger.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { syntheticReport as report } from '../helpers/synthetic-reports.js';
import { testClock, testDb } from '../helpers/test-core.js';
import { readTestPng, testPng } from '../helpers/test-png.js';

const logger = createLogger({ level: 'silent', format: 'json' });
const clock = testClock(new Date('2026-11-22T05:00:00Z'));
const png = testPng(40, 20);
const CHAT = -1001;

/** What a Telegram chat received: each message as `photo <bytes>` or its HTML. */
function recordingSink() {
  const received: { photo: Buffer | null; html: string }[] = [];
  const sink: MessageSink = {
    async send(_d, payload) {
      received.push({ photo: pictureBytes(payload), html: (payload as { html: string }).html });
      return { messageId: String(received.length) };
    },
  };
  return { received, sink };
}

/** A chart maker that remembers what it was asked. */
function chartMaker() {
  const asked: ChartRequest[] = [];
  const make: ChartMaker = async (request) => {
    asked.push(request);
    return { png, caption: 'هجمات حسب المحافظة\nالرقة 12 · دير الزور 7', alt: 'مخطط أعمدة' };
  };
  return { asked, make };
}

function openCore(dbPath: string): Core {
  return createCore({ config: loadConfig({ RASID_DB: dbPath, LOG_LEVEL: 'silent' }, repoPath('tests', 'no-such.env')), logger, clock });
}

/** A database with a Telegram subscription (with a chart unless told otherwise) and 12 new reports for it. */
function prepared(withChart = true): { dbPath: string; subscriptionId: number } {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'rasid-pictures-')), 'rasid.db');
  const core = openCore(dbPath);
  const digests = createDigestService({ core, sinks: {}, logger, notifyAdmins: () => undefined });
  const sub = digests.subscribe({ destination: { platform: 'telegram', chatId: String(CHAT), threadId: null }, itemCap: 40, withChart });
  expect(sub.withChart).toBe(withChart);
  for (let n = 0; n < 12; n++) expect(core.ingestOne(report(n))).toMatchObject({ ok: true });
  core.close();
  return { dbPath, subscriptionId: sub.id };
}

const kinds = (received: { photo: Buffer | null }[]) => received.map((r) => (r.photo === null ? 'text' : 'photo'));

describe('a digest with --with-chart', () => {
  it('sends the chart maker picture first, then the digest text, and asks for the timeline of its filter over the week', async () => {
    const { dbPath, subscriptionId } = prepared();
    const core = openCore(dbPath);
    const chat = recordingSink();
    const charts = chartMaker();
    const digests = createDigestService({ core, sinks: { telegram: chat.sink }, chartMaker: charts.make, logger, notifyAdmins: () => undefined });
    const outcome = await digests.run(subscriptionId);
    expect(outcome).toMatchObject({ kind: 'delivered', messages: chat.received.length });
    expect(kinds(chat.received)).toEqual(['photo', ...Array(chat.received.length - 1).fill('text')]);
    expect(chat.received[0]!.photo!.equals(png)).toBe(true);
    expect(chat.received[0]!.html).toBe('<b>هجمات حسب المحافظة</b>\nالرقة 12 · دير الزور 7');
    expect(chat.received[1]!.html).toContain('موجز');
    expect(charts.asked).toHaveLength(1);
    // The week's timeline: the seven days before the run.
    expect(charts.asked[0]).toEqual({ lang: 'ar', timezone: 'Asia/Damascus', filter: null, period: { from: new Date(clock.now().getTime() - 7 * 86_400_000).toISOString(), to: clock.now().toISOString() } });
    // The bytes sit in the BLOB column; the JSON holds the rest of the message.
    const rows = testDb(core).prepare<[], { payload: string; size: number | null }>('SELECT payload, length(picture) AS size FROM outbox ORDER BY seq').all();
    expect(rows[0]!.size).toBe(png.length);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ photo: 'digest-chart.png', html: chat.received[0]!.html });
    expect(rows.slice(1).every((r) => r.size === null)).toBe(true);
    core.close();
  });

  it('without a chart maker sends the text only, and says so in a log line', async () => {
    const { dbPath, subscriptionId } = prepared();
    const core = openCore(dbPath);
    const chat = recordingSink();
    const captured = capturedLogger();
    const digests = createDigestService({ core, sinks: { telegram: chat.sink }, chartMaker: undefined, logger: captured.logger, notifyAdmins: () => undefined });
    expect(await digests.run(subscriptionId)).toMatchObject({ kind: 'delivered' });
    expect(kinds(chat.received).every((k) => k === 'text')).toBe(true);
    expect(captured.lines.filter((l) => /no chart maker/.test(l.msg))).toMatchObject([{ level: 40, subscription: subscriptionId }]);
    core.close();
  });

  it('a chart maker that fails costs the picture, never the digest', async () => {
    const { dbPath, subscriptionId } = prepared();
    const core = openCore(dbPath);
    const chat = recordingSink();
    const captured = capturedLogger();
    const failing: ChartMaker = async () => {
      throw new Error('no font');
    };
    const digests = createDigestService({ core, sinks: { telegram: chat.sink }, chartMaker: failing, logger: captured.logger, notifyAdmins: () => undefined });
    expect(await digests.run(subscriptionId)).toMatchObject({ kind: 'delivered' });
    expect(kinds(chat.received).every((k) => k === 'text')).toBe(true);
    expect(captured.lines.filter((l) => /could not be made/.test(l.msg))).toHaveLength(1);
    core.close();
  });

  it('a subscription without --with-chart asks no chart of the chart maker', async () => {
    const { dbPath, subscriptionId } = prepared(false);
    const core = openCore(dbPath);
    const chat = recordingSink();
    const charts = chartMaker();
    await createDigestService({ core, sinks: { telegram: chat.sink }, chartMaker: charts.make, logger, notifyAdmins: () => undefined }).run(subscriptionId);
    expect(charts.asked).toEqual([]);
    expect(kinds(chat.received).every((k) => k === 'text')).toBe(true);
    core.close();
  });

  it('a picture not yet sent survives a restart: the next process sends the stored bytes, once', async () => {
    const { dbPath, subscriptionId } = prepared();
    const first = openCore(dbPath);
    const refusing: MessageSink = {
      send: async () => {
        throw new PermanentDeliveryError('chat not found');
      },
    };
    const dying = createDigestService({ core: first, sinks: { telegram: refusing }, chartMaker: chartMaker().make, logger, notifyAdmins: () => undefined });
    expect(await dying.run(subscriptionId)).toMatchObject({ kind: 'incomplete' });
    first.close();

    const second = openCore(dbPath);
    const chat = recordingSink();
    // No chart maker now: what is sent is what the outbox kept.
    const restarted = createDigestService({ core: second, sinks: { telegram: chat.sink }, logger, notifyAdmins: () => undefined });
    await restarted.resumeOpenRuns();
    expect(kinds(chat.received)[0]).toBe('photo');
    expect(kinds(chat.received).filter((k) => k === 'photo')).toHaveLength(1);
    expect(readTestPng(chat.received[0]!.photo!)).toEqual({ width: 40, height: 20, patternHolds: true });
    expect(chat.received[0]!.photo!.equals(png)).toBe(true);
    expect(restarted.outbox.openRuns()).toEqual([]);
    second.close();
  });

  it('killed right after the picture was confirmed, the restarted service sends only the text that follows it', async () => {
    const { dbPath, subscriptionId } = prepared();
    const first = openCore(dbPath);
    const chat = recordingSink();
    class Crash extends Error {}
    const dying = createDigestService({
      core: first,
      sinks: { telegram: chat.sink },
      chartMaker: chartMaker().make,
      logger,
      notifyAdmins: () => undefined,
      onSent: (_run, seq) => {
        if (seq === 0) throw new Crash('killed after the picture');
      },
    });
    await expect(dying.run(subscriptionId)).rejects.toThrow(Crash);
    first.close();
    expect(kinds(chat.received)).toEqual(['photo']);

    const second = openCore(dbPath);
    const restarted = createDigestService({ core: second, sinks: { telegram: chat.sink }, logger, notifyAdmins: () => undefined });
    await restarted.resumeOpenRuns();
    const run = restarted.outbox.messages(testDb(second).prepare<[], { id: number }>('SELECT id FROM digest_runs').get()!.id);
    expect(kinds(chat.received)).toEqual(['photo', ...Array(run.length - 1).fill('text')]);
    expect(run.every((m) => m.sentAt !== null)).toBe(true);
    second.close();
  });
});

describe('a digest picture through the real Telegram sink', () => {
  let fake: FakeTelegram;
  beforeAll(async () => {
    fake = await startFakeTelegram();
    fake.addChat({ id: CHAT, type: 'supergroup', title: 'غرفة الرصد' });
  });
  afterAll(() => fake.close());

  it('answered 429 on sendPhoto, waits retry_after and sends the picture exactly once, then the text', async () => {
    const { dbPath, subscriptionId } = prepared();
    const core = openCore(dbPath);
    const sleeps: number[] = [];
    const api = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } }).api;
    fake.failNext('sendPhoto', { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } });
    const digests = createDigestService({
      core,
      sinks: { telegram: createTelegramSink(api) },
      chartMaker: chartMaker().make,
      logger,
      notifyAdmins: () => undefined,
      sleep: async (ms) => void sleeps.push(ms),
    });
    const outcome = await digests.run(subscriptionId);
    expect(outcome).toMatchObject({ kind: 'delivered' });
    expect(sleeps).toEqual([3000]);
    expect(fake.callsOf('sendPhoto').map((c) => c.status)).toEqual([429, 200]);
    const sent = fake.sent(CHAT);
    expect(sent.map((s) => (s.photo ? 'photo' : 'text'))).toEqual(['photo', ...Array(sent.length - 1).fill('text')]);
    expect(sent[0]!.photo!.data.equals(png)).toBe(true);
    expect(sent[0]!.text).toBe('هجمات حسب المحافظة\nالرقة 12 · دير الزور 7');
    expect(outcome).toMatchObject({ messages: sent.length });
    core.close();
  });
});
