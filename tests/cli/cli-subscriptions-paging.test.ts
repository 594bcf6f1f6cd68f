import { beforeAll, describe, expect, it } from 'vitest';
import { since, sinceInstant } from '../../bin/cli-options.js';
import { rasidIn } from '../helpers/run-rasid.js';

const { run } = rasidIn();
beforeAll(async () => {
  expect((await run('ingest', 'data/corpus')).code).toBe(0);
}, 60_000);

describe('subscriptions', () => {
  it('--to telegram without --chat is refused', async () => {
    const r = await run('subscriptions', 'add', '--to', 'telegram');
    expect(r).toEqual({ code: 2, out: '', err: '--chat is required with --to telegram: the Telegram chat or channel id (e.g. -1001234567890) to send digests to\n' });
  });

  it('an identical subscription is refused; another schedule for the same chat is not', async () => {
    const first = await run('subscriptions', 'add', '--to', 'telegram', '--chat', '-100123', '--filter', 'Raqqa', '--send-empty');
    expect(first.code).toBe(0);
    const again = await run('subscriptions', 'add', '--to', 'telegram', '--chat', '-100123', '--filter', 'Raqqa', '--send-empty');
    expect(again).toEqual({
      code: 2,
      out: '',
      err: 'subscription #1 already sends this destination the same digest (same schedule, time zone, filter and options); change one of them, or remove #1 first\n',
    });
    expect((await run('subscriptions', 'add', '--to', 'telegram', '--chat', '-100123', '--filter', 'Raqqa', '--cron', '0 20 * * *')).code).toBe(0);
  });

  it('run says in one line that nothing was delivered and exits 1; list shows the open run and the next run in its zone', async () => {
    const r = await run('subscriptions', 'run', '1');
    expect(r.code).toBe(1);
    expect(r.out).toBe('subscription #1: run 1 not fully delivered (1 message(s)); it stays open and is retried at the next scheduled time or restart (see rasid subscriptions list)\n');
    const list = await run('subscriptions', 'list');
    const lines = list.out.split('\n');
    expect(lines[1]).toMatch(/^ {3}to: telegram -100123 · schedule: 0 8 \* \* \* \(Asia\/Damascus\) · next: \d{4}-\d{2}-\d{2} 08:00 Asia\/Damascus$/);
    expect(lines[3]).toMatch(/^ {3}open run #1 \(since \d{4}-.+Z\): 0 of 1 message\(s\) sent · last error: no telegram bot is running \(its token is not set\)$/);
    expect(lines[5]).toMatch(/next: \d{4}-\d{2}-\d{2} 20:00 Asia\/Damascus$/);
  });

  it.each([
    ['nothing new', ['subscriptions', 'add', '--to', 'console', '--label', 'quiet'], 'nothing new since its last digest, so nothing was sent (--send-empty sends a short line instead)'],
  ])('run with %s exits 1 with a readable line', async (_name, add, expected) => {
    const added = await run(...add);
    const id = /#(\d+)/.exec(added.out)![1]!;
    const r = await run('subscriptions', 'run', id);
    expect(r).toEqual({ code: 1, out: `subscription #${id}: ${expected}\n`, err: '' });
    await run('subscriptions', 'pause', id);
    expect(await run('subscriptions', 'run', id)).toEqual({ code: 1, out: `subscription #${id} is paused: nothing was sent; rasid subscriptions resume ${id} first\n`, err: '' });
  });

  it('--with-chart is stored on the subscription and shown in its line', async () => {
    const added = await run('subscriptions', 'add', '--to', 'console', '--chat', 'charts', '--with-chart');
    expect(added.code).toBe(0);
    expect(added.out).toContain(' · opens with a chart · ');
    const id = /#(\d+)/.exec(added.out)![1]!;
    // The subscription's third line (filter and options) says it.
    expect((await run('subscriptions', 'list')).out).toMatch(new RegExp(`(^|\\n)#${id} .*\\n.*\\n {3}filter: .* · opens with a chart · `));
  });

  it('a delivered run exits 0', async () => {
    const added = await run('subscriptions', 'add', '--to', 'console', '--chat', 'ops', '--send-empty');
    const id = /#(\d+)/.exec(added.out)![1]!;
    const r = await run('subscriptions', 'run', id);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n').at(-1)).toMatch(new RegExp(`^subscription #${id}: run \\d+ delivered, 1 message\\(s\\)$`));
  });
});

describe('paging and ids', () => {
  it.each([
    [['search', '--limit', '2', 'attacks'], 'Results 1–2 of 5', 'More: --offset 2'],
    [['search', '--limit', '2', '--offset', '4', 'attacks'], 'Results 5–5 of 5', null],
    [['search', '--offset', '5', 'attacks'], 'Nothing at --offset 5: there are only 5 result(s); --offset 0 shows the first page.', null],
    [['search', '--offset', '99', 'attacks'], 'Nothing at --offset 99: there are only 5 result(s); --offset 0 shows the first page.', null],
  ])('rasid %j', async (args, heading, more) => {
    const r = await run(...args);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]).toBe(heading);
    if (more === null) expect(r.out).not.toContain('More:');
    else expect(r.out.trimEnd().split('\n').at(-1)).toBe(more);
    expect(r.out).not.toContain('/next');
  });

  it("show accepts '#3' as it accepts 3", async () => {
    const plain = await run('show', '3');
    expect(plain.code).toBe(0);
    expect(await run('show', '#3')).toEqual(plain);
  });

  it('search on an empty database says how to load reports', async () => {
    const r = await rasidIn().run('search', 'Raqqa');
    expect(r.out).toBe(
      'Understood: places: Raqqa (الرقة)\nNo reports match.\nThe database has no reports yet. Load some: rasid ingest data/corpus (or any files, folders or links), or npm start, which ingests RASID_CORPUS.\n',
    );
  });
});

describe('digest --dry-run --since', () => {
  it.each([
    ['2018-06-01', 'Asia/Damascus', '2018-05-31T21:00:00.000Z'],
    ['2018-01-01', 'Asia/Damascus', '2017-12-31T22:00:00.000Z'],
    ['2018-06-01', 'UTC', '2018-06-01T00:00:00.000Z'],
    ['2024-03-10', 'America/New_York', '2024-03-10T05:00:00.000Z'],
    ['2018-06-01T12:30:00Z', 'Asia/Damascus', '2018-06-01T12:30:00.000Z'],
    ['12h', 'UTC', '2026-11-21T20:00:00.000Z'],
    ['2w', 'UTC', '2026-11-08T08:00:00.000Z'],
  ])('%s in %s starts at %s', (value, zone, expected) => {
    expect(sinceInstant(since(value), new Date('2026-11-22T08:00:00Z'), zone).toISOString()).toBe(expected);
  });

  it('takes a date: everything that arrived since then, nothing from a future date', async () => {
    const all = JSON.parse((await run('digest', '--dry-run', '--since', '2018-06-01', '--format', 'json')).out);
    expect(all.counts.reports).toBe(5);
    const none = JSON.parse((await run('digest', '--dry-run', '--since', '2999-01-01', '--format', 'json')).out);
    expect(none.counts.reports).toBe(0);
  });
});
