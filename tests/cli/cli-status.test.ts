import { describe, expect, it } from 'vitest';
import { writeHeartbeat, HEARTBEAT_STALE_MS } from '../../src/status/service-status.js';
import { rasidIn } from '../helpers/run-rasid.js';

describe('rasid status', () => {
  it('reports, feeds, subscriptions with their open runs and errors, the service, platforms and the database', async () => {
    const r = rasidIn({ TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
    await r.run('ingest', 'data/corpus');
    await r.run('subscriptions', 'add', '--to', 'telegram', '--chat', '-100123', '--send-empty', '--label', 'ops room', '--cron', '30 6 * * *', '--timezone', 'Asia/Baghdad');
    await r.run('subscriptions', 'run', '1'); // no bot in this process: the run stays open with its error

    const json = await r.run('status', '--json');
    expect(json.code).toBe(0);
    const s = JSON.parse(json.out);
    expect(Object.keys(s)).toEqual(['at', 'reports', 'feeds', 'subscriptions', 'service', 'platforms', 'database', 'healthy']);
    expect(s.reports).toMatchObject({ total: 5, addedLast24h: 5 });
    expect(s.feeds).toEqual({ active: 0, failing: 0, paused: 0, nextPollAt: null });
    expect(s.subscriptions).toEqual([
      { id: 1, name: 'ops room', paused: false, timezone: 'Asia/Baghdad', nextRunAt: expect.stringMatching(/T03:30:00\.000Z$/), openRuns: 1, lastDeliveredAt: null, lastError: 'no telegram bot is running (its token is not set)' },
    ]);
    expect(s.service).toEqual({ state: 'never', pid: null, startedAt: null, lastHeartbeatAt: null });
    expect(s.platforms).toEqual({ telegram: 'stopped', discord: 'not configured' });
    expect(s.database).toMatchObject({ path: r.env.RASID_DB, quickCheck: 'ok' });
    expect(s.database.bytes).toBeGreaterThan(100_000);
    expect(s.healthy).toBe(true);

    const text = (await r.run('status')).out.split('\n');
    expect(text[0]).toMatch(/^Rasid status at \d{4}-\d\d-\d\dT.*Z: healthy$/);
    expect(text.slice(1, 3)).toEqual(['service: never started with this database', 'platforms: telegram stopped · discord not configured']);
    expect(text[3]).toMatch(/^reports: 5 · 5 added in the last 24 h · last ingest \d{4}-/);
    expect(text[4]).toBe('feeds: 0 active · 0 paused');
    expect(text[6]).toMatch(/^ {2}#1 ops room · next \d{4}-\d\d-\d\d 06:30 Asia\/Baghdad · last delivery never · 1 open run\(s\), last error: no telegram bot is running \(its token is not set\)$/);
    expect(text[7]).toMatch(/^database: .*rasid\.db \(\d+\.\d MiB\) · quick_check ok$/);
  });

  it.each([
    ['a fresh heartbeat: running, with the platforms it reports', 1_000, true, 'running', { telegram: 'connected', discord: 'not configured' }, 0],
    ['a heartbeat too old: the service is gone, and status exits 1', HEARTBEAT_STALE_MS + 1_000, true, 'gone', { telegram: 'not configured', discord: 'not configured' }, 1],
    ['a clean stop', HEARTBEAT_STALE_MS + 1_000, false, 'stopped', { telegram: 'not configured', discord: 'not configured' }, 0],
  ])('%s', async (_name, ageMs, running, state, platforms, code) => {
    const r = rasidIn();
    await r.run('status'); // creates the database
    const at = new Date(Date.now() - ageMs).toISOString();
    writeHeartbeat(r.env.RASID_DB!, { pid: 4242, startedAt: '2026-11-22T08:00:00.000Z', at, running, platforms: { telegram: 'connected', discord: 'not configured' } });
    const out = await r.run('status', '--json');
    const s = JSON.parse(out.out);
    expect(s.service).toEqual({ state, pid: 4242, startedAt: '2026-11-22T08:00:00.000Z', lastHeartbeatAt: at });
    expect(s.platforms).toEqual(platforms);
    expect(out.code).toBe(code);
  });
});
