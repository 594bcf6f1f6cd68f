import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDigestService } from '../../bin/create-digest-service.js';
import { PLATFORMS } from '../../bin/platforms.js';
import type { DigestPlatform } from '../../digests/digest-platform.js';
import { createDigestScheduler, type ScheduleFn } from '../../digests/digest-scheduler.js';
import type { DigestService } from '../../digests/digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import type { ChartMaker, ChartRequest } from '../../digests/picture.js';
import { testPng } from '../helpers/test-png.js';
import { loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';
import { createCore, type Core } from '../../src/create-core.js';
import { createLogger } from '../../src/log/create-logger.js';
import { deirEzZorReport, oldHomsReport } from '../helpers/alert-reports.js';
import { testClock, testDb, type TestClock } from '../helpers/test-core.js';

const logger = createLogger({ level: 'silent', format: 'json' });
const NOW = new Date('2026-11-22T08:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

let serial = 0;
/** Ingests report `n` of DEIR_EZ_ZOR (a new telling each time), published at `publishedAt`. */
function dez(core: Core, n: number, publishedAt: number, outlet = 'عنب بلدي') {
  const k = ++serial;
  expect(core.ingestOne(deirEzZorReport(n, k, iso(publishedAt), outlet))).toMatchObject({ ok: true, status: 'added' });
}

/** A database on disk (restarts reopen it) with 40 days of history: one Deir ez-Zor event a week, and a burst of 4 in the last hours. */
function prepared(clock: TestClock): string {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'rasid-alert-')), 'rasid.db');
  const core = openCore(dbPath, clock);
  core.ingestOne(oldHomsReport(iso(NOW.getTime() - 40 * DAY)));
  for (const daysAgo of [21, 14, 7]) dez(core, daysAgo % 3, NOW.getTime() - daysAgo * DAY);
  core.close();
  return dbPath;
}

function openCore(dbPath: string, clock: TestClock): Core {
  const config = loadConfig({ RASID_DB: dbPath, LOG_LEVEL: 'silent' }, repoPath('tests', 'no-such.env'));
  return createCore({ config, logger, clock });
}

/** A platform that keeps what it was sent, and can be told to fail. */
function recordingSink() {
  const accepted: string[] = [];
  let failWith: (() => Error) | null = null;
  const sink: MessageSink = {
    async send(_d, payload) {
      if (failWith) throw failWith();
      accepted.push((payload as { html: string }).html);
      return { messageId: String(accepted.length) };
    },
  };
  return { accepted, sink, fail: (f: (() => Error) | null) => (failWith = f) };
}

class Crash extends Error {}

const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

function service(dbPath: string, clock: TestClock, sink: MessageSink, options: { platforms?: readonly DigestPlatform[]; sleep?: (ms: number) => Promise<void>; onSent?: () => void; chartMaker?: ChartMaker } = {}) {
  const core = openCore(dbPath, clock);
  cores.push(core);
  const digests = createDigestService({
    core,
    sinks: { telegram: sink },
    // The alert's words are what these tests read; its picture has a test of its own.
    chartMaker: options.chartMaker,
    logger,
    notifyAdmins: () => undefined,
    sleep: options.sleep ?? (async () => undefined),
    ...(options.platforms ? { platforms: options.platforms } : {}),
    ...(options.onSent ? { onSent: options.onSent } : {}),
  });
  return { core, digests };
}

const alertOn = (digests: DigestService, filter = 'Deir ez-Zor') =>
  digests.subscribe({ destination: { platform: 'telegram', chatId: '-1001', threadId: null }, kind: 'alert', filter });

const runsOf = (core: Core) => testDb(core).prepare('SELECT id, state, alert_since FROM digest_runs ORDER BY id').all() as { id: number; state: string; alert_since: string }[];

describe('an alert subscription, checked by the digest service', () => {
  it('opens with the timeline picture of its filter over the 28 days and the window, then its words', async () => {
    const clock = testClock(NOW);
    const dbPath = prepared(clock);
    const telegram = recordingSink();
    const asked: ChartRequest[] = [];
    const chartMaker: ChartMaker = async (request) => {
      asked.push(request);
      return { png: testPng(40, 20), caption: 'الأحداث: دير الزور\nالأحداث: ٤' };
    };
    const { core, digests } = service(dbPath, clock, telegram.sink, { chartMaker });
    const sub = alertOn(digests);
    for (const h of [5, 4, 3, 2]) dez(core, h, NOW.getTime() - h * HOUR);
    expect(await digests.run(sub.id)).toMatchObject({ kind: 'delivered', messages: 2, alert: { decision: 'fire', count: 4 } });
    expect(asked).toEqual([{ filter: 'Deir ez-Zor', lang: 'ar', timezone: 'Asia/Damascus', period: { from: iso(NOW.getTime() - 29 * DAY), to: NOW.toISOString() } }]);
    expect(telegram.accepted).toEqual([
      '<b>الأحداث: دير الزور</b>\nالأحداث: ٤',
      expect.stringContaining('<b>تنبيه: ارتفاع في أحداث دير الزور</b>'),
    ]);
  });


  it('fires once for a burst, stays quiet while it lasts, falls back, and fires again at a later burst', async () => {
    const clock = testClock(NOW);
    const dbPath = prepared(clock);
    const telegram = recordingSink();
    const { core, digests } = service(dbPath, clock, telegram.sink);
    const sub = alertOn(digests);
    expect(sub).toMatchObject({ kind: 'alert', alertK: 3, cron: '0 * * * *', alert: { state: 'quiet', since: null } });

    // Three events in four weeks: usual ≈ 0.1 a day. Two in the last hours is not yet an alert (fewer than 3).
    for (const h of [5, 4]) dez(core, h, NOW.getTime() - h * HOUR);
    expect(await digests.run(sub.id)).toMatchObject({ kind: 'alert_checked', alert: { decision: 'quiet', count: 2, historyDays: 28 } });
    for (const h of [3, 2]) dez(core, h, NOW.getTime() - h * HOUR);

    const fired = await digests.run(sub.id);
    expect(fired).toMatchObject({ kind: 'delivered', messages: 1, resumed: false, alert: { decision: 'fire', count: 4 } });
    expect(telegram.accepted).toHaveLength(1);
    expect(telegram.accepted[0]).toContain('<b>تنبيه: ارتفاع في أحداث دير الزور</b>');
    expect(telegram.accepted[0]).toContain('خلال آخر 24 ساعة: 4 أحداث، والمعتاد نحو 0.1 في اليوم على مدى الأيام الـ28 السابقة.');
    expect(digests.subscriptions.get(sub.id)!.alert).toMatchObject({ state: 'firing', since: NOW.toISOString(), count: 4 });

    // Still high an hour later, with one more: nothing sent, nothing recorded.
    clock.advance(HOUR);
    dez(core, 6, clock.now().getTime() - 10 * 60_000);
    expect(await digests.run(sub.id)).toMatchObject({ kind: 'alert_checked', alert: { decision: 'still_firing', count: 5 } });
    expect(runsOf(core)).toHaveLength(1);

    // A day later the burst is history: back to quiet, nothing sent.
    clock.advance(DAY);
    expect(await digests.run(sub.id)).toMatchObject({ kind: 'alert_checked', alert: { decision: 'fell_back', count: 0 } });
    expect(digests.subscriptions.get(sub.id)!.alert).toMatchObject({ state: 'quiet', since: null });

    // A new burst, larger than the old one made usual: a second alert, its own run.
    for (const m of [50, 40, 30, 20, 10, 5]) dez(core, m, clock.now().getTime() - m * 60_000);
    expect(await digests.run(sub.id)).toMatchObject({ kind: 'delivered', alert: { decision: 'fire', count: 6 } });
    expect(telegram.accepted).toHaveLength(2);
    expect(runsOf(core).map((r) => [r.state, r.alert_since])).toEqual([
      ['delivered', NOW.toISOString()],
      ['delivered', iso(NOW.getTime() + 25 * HOUR)],
    ]);
  });

  it.each([
    ['before the platform confirmed (the sink dies)', 'sink'],
    ['after the message was recorded sent, before the run was closed', 'after-sent'],
  ] as const)('a crash %s: the restarted service resumes the run, and the alert reaches the chat exactly once', async (_name, where) => {
    const clock = testClock(NOW);
    const dbPath = prepared(clock);
    const telegram = recordingSink();
    const first = service(dbPath, clock, telegram.sink, {
      // The process dies while waiting to retry, or right after recording the send.
      sleep: async () => {
        throw new Crash('killed while waiting to retry');
      },
      ...(where === 'after-sent' ? { onSent: () => { throw new Crash('killed after the send was recorded'); } } : {}),
    });
    const sub = alertOn(first.digests);
    for (const h of [5, 4, 3, 2]) dez(first.core, h, NOW.getTime() - h * HOUR);
    if (where === 'sink') telegram.fail(() => new Error('socket hang up'));
    await expect(first.digests.run(sub.id)).rejects.toThrow(Crash);
    // The check's state change and its run were one transaction: both are there.
    expect(first.digests.subscriptions.get(sub.id)!.alert.state).toBe('firing');
    expect(runsOf(first.core)).toMatchObject([{ state: 'sending', alert_since: NOW.toISOString() }]);
    expect(telegram.accepted).toHaveLength(where === 'sink' ? 0 : 1);

    // Restart: the open run is resumed; the next checks write no other run for this burst.
    telegram.fail(null);
    clock.advance(10 * 60_000);
    const second = service(dbPath, clock, telegram.sink);
    await second.digests.resumeOpenRuns();
    expect(telegram.accepted).toHaveLength(1);
    expect(runsOf(second.core)).toMatchObject([{ state: 'delivered' }]);
    for (let h = 0; h < 3; h++) {
      clock.advance(HOUR);
      expect(await second.digests.run(sub.id)).toMatchObject({ kind: 'alert_checked', alert: { decision: 'still_firing' } });
    }
    expect(telegram.accepted).toHaveLength(1);
    expect(runsOf(second.core)).toHaveLength(1);
  });

  it('is checked by the digest scheduler every hour (node-cron injected: the test fires the job itself)', async () => {
    const clock = testClock(NOW);
    const dbPath = prepared(clock);
    const telegram = recordingSink();
    const { core, digests } = service(dbPath, clock, telegram.sink);
    const sub = alertOn(digests);
    const jobs: { expression: string; timezone: string; fire: () => void }[] = [];
    const schedule: ScheduleFn = (expression, fire, options) => {
      jobs.push({ expression, timezone: options.timezone, fire });
      return { stop: () => undefined };
    };
    const runs: Promise<unknown>[] = [];
    const scheduler = createDigestScheduler({ subscriptions: digests.subscriptions, run: (id) => { const r = digests.run(id); runs.push(r); return r; }, now: () => clock.now(), logger, schedule });
    await scheduler.start();
    expect(jobs.map((j) => [j.expression, j.timezone])).toEqual([['0 * * * *', 'Asia/Damascus']]);
    for (const h of [5, 4, 3, 2]) dez(core, h, NOW.getTime() - h * HOUR);
    clock.advance(HOUR);
    jobs[0]!.fire();
    await Promise.all(runs);
    expect(telegram.accepted).toHaveLength(1);
    expect(digests.subscriptions.get(sub.id)).toMatchObject({ alert: { state: 'firing' }, nextRunAt: '2026-11-22T10:00:00.000Z', lastRunAt: '2026-11-22T09:00:00.000Z' });
    scheduler.stop();
  });

  it('records the firing state and the run in one transaction: a run that cannot be written leaves the alert quiet', async () => {
    const clock = testClock(NOW);
    const dbPath = prepared(clock);
    const telegram = recordingSink();
    // A renderer whose payload cannot be stored (JSON has no BigInt): the transaction fails after the state change.
    const broken: DigestPlatform = { name: 'telegram', renderDigest: () => [], renderAlert: () => [{ html: 1n }] };
    const { core, digests } = service(dbPath, clock, telegram.sink, { platforms: [broken] });
    const sub = alertOn(digests);
    for (const h of [5, 4, 3, 2]) dez(core, h, NOW.getTime() - h * HOUR);
    await expect(digests.run(sub.id)).rejects.toThrow(/BigInt/);
    expect(digests.subscriptions.get(sub.id)!.alert).toMatchObject({ state: 'quiet', since: null });
    expect(runsOf(core)).toEqual([]);
    expect(telegram.accepted).toEqual([]);
  });

  it('a second process that fired the same burst meanwhile: no second run', () => {
    const clock = testClock(NOW);
    const dbPath = prepared(clock);
    const { core, digests } = service(dbPath, clock, recordingSink().sink);
    const sub = alertOn(digests);
    const state = { state: 'firing' as const, since: NOW.toISOString(), checkedAt: NOW.toISOString(), count: 4, threshold: 1.3 };
    expect(digests.outbox.createAlertRun({ subscriptionId: sub.id, toReportId: 1 }, state, [{ html: 'x' }], NOW)).toBeDefined();
    expect(digests.outbox.createAlertRun({ subscriptionId: sub.id, toReportId: 1 }, { ...state, since: iso(NOW.getTime() + 1) }, [{ html: 'x' }], NOW)).toBeUndefined();
    expect(runsOf(core)).toHaveLength(1);
  });

  it('the alert names its top three reports, most killed first (then wounded, then newest), one per title, linked, with outlet and date', () => {
    const clock = testClock(NOW);
    const dbPath = prepared(clock);
    const { core, digests } = service(dbPath, clock, recordingSink().sink, { platforms: PLATFORMS });
    const sub = alertOn(digests);
    // Tolls: #6 three killed, #0 two killed (4 h ago), #4 two killed (2 h ago), #1 three wounded, #2 none.
    // #6 told twice (two outlets, one title): shown once, the newer telling.
    for (const [n, h, outlet] of [[2, 6, 'عنب بلدي'], [6, 5, 'عنب بلدي'], [0, 4, 'عنب بلدي'], [1, 3, 'عنب بلدي'], [4, 2, 'عنب بلدي'], [6, 1.5, 'الشرق الأوسط']] as const) {
      dez(core, n, NOW.getTime() - h * HOUR, outlet);
    }
    const e = digests.evaluateAlert(sub.id);
    expect(e.decision).toBe('fire');
    expect(e.alert!.top.map((r) => r.title)).toEqual(['هجوم على نقطة في هجين', 'لغم في بادية البوكمال', 'هجوم على حاجز في ريف دير الزور']);
    expect(e.alert!.top[0]).toMatchObject({ outlet: 'الشرق الأوسط', url: expect.stringMatching(/^https:\/\/example\.org\/dez\/\d+$/), publishedAt: '2026-11-22T06:30:00Z' });
    // Evaluating records nothing.
    expect(digests.subscriptions.get(sub.id)!.alert.checkedAt).toBeNull();
    expect(runsOf(core)).toEqual([]);
  });
});
