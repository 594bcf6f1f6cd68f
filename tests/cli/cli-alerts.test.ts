import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { alertCorpusJsonl } from '../helpers/alert-reports.js';
import { rasidIn } from '../helpers/run-rasid.js';

// The CLI runs on the real clock: the reports are dated relative to now (no waiting on it).
const rasid = rasidIn();
const { run } = rasid;
beforeAll(async () => {
  const file = join(rasid.dir, 'alerts.jsonl');
  writeFileSync(file, alertCorpusJsonl(Date.now(), 5));
  expect((await run('ingest', file)).code).toBe(0);
}, 60_000);

describe('rasid subscriptions add --alert and rasid alerts check', () => {
  it.each([
    [['subscriptions', 'add', '--alert', '--filter', 'Deir ez-Zor', '--k', '-1'], "error: option '--k <number>' argument '-1' is invalid. Expected a number above 0 and at most 10 (e.g. 2.5) (see: rasid subscriptions add --help)"],
    [['subscriptions', 'add', '--alert', '--filter', 'Deir ez-Zor', '--k', 'abc'], "error: option '--k <number>' argument 'abc' is invalid. Expected a number above 0 and at most 10 (e.g. 2.5) (see: rasid subscriptions add --help)"],
    [['subscriptions', 'add', '--alert', '--filter', 'Deir ez-Zor', '--k', '0'], "error: option '--k <number>' argument '0' is invalid. Expected a number above 0 and at most 10 (e.g. 2.5) (see: rasid subscriptions add --help)"],
    [['subscriptions', 'add', '--alert'], '--alert needs --filter: what to watch, e.g. --filter "Deir ez-Zor"'],
    [['subscriptions', 'add', '--k', '2'], '--k is for alerts: add --alert'],
    [['subscriptions', 'add', '--alert', '--filter', 'Raqqa', '--limit', '5', '--send-empty'], "--limit, --send-empty are for digests, not alerts (an alert is its timeline and one message when the filter's events spike)"],
    [['subscriptions', 'add', '--alert', '--filter', 'Raqqa', '--with-chart'], "--with-chart is for digests, not alerts (an alert is its timeline and one message when the filter's events spike)"],
    [['subscriptions', 'add', '--alert', '--filter', 'frobnicate widgets'], '--filter "frobnicate widgets": every word was ignored (frobnicate, widgets): it names no place, event, actor or Arabic word Rasid knows; try e.g. "Raqqa", "car bombs Deir ez-Zor" or "داعش الحسكة"'],
    [['subscriptions', 'add', '--alert', '--to', 'telegram', '--filter', 'Raqqa'], '--chat is required with --to telegram: the Telegram chat or channel id (e.g. -1001234567890) to send alerts to'],
    [['alerts', 'check', '99'], 'there is no alert subscription #99; see rasid subscriptions list'],
  ])('rasid %j: one line, exit 2', async (args, line) => {
    expect(await run(...args)).toEqual({ code: 2, out: '', err: `${line}\n` });
  });

  it('adds an alert, lists it with its k and state, checks it dry, then for real (printed by the console), and lists it firing', async () => {
    const added = await run('subscriptions', 'add', '--alert', '--filter', 'Deir ez-Zor', '--k', '2.5');
    expect(added.code).toBe(0);
    expect(added.out.split('\n').slice(0, 5)).toEqual([
      'added subscription',
      '#1 console stdout · alert · active',
      expect.stringMatching(/^ {3}to: console stdout · checks: 0 \* \* \* \* \(Asia\/Damascus\) · next: \d{4}-\d\d-\d\d \d\d:00 Asia\/Damascus$/),
      '   alert on: Deir ez-Zor · k 2.5 (fires above the daily mean + k standard deviations, at least 3 events in 24 h)',
      '   state: quiet · not checked yet',
    ]);
    expect(await run('subscriptions', 'add', '--alert', '--filter', 'Deir ez-Zor')).toEqual({
      code: 2, out: '', err: 'subscription #1 already alerts this destination on the same filter; remove #1 first to change its k or schedule\n',
    });

    const dry = await run('alerts', 'check', '--dry-run');
    expect(dry.code).toBe(0);
    const lines = dry.out.split('\n');
    // Three events in 28 days (mean 0.11, sd floored at √0.11 = 0.33): threshold 0.93; five events fire.
    expect(lines[0]).toBe('subscription #1: alert on "Deir ez-Zor": 5 event(s) in the last 24 h; usual 0.11/day (sd 0.33, over 28 day(s)), threshold 0.93 (k 2.5): FIRES (dry run: nothing recorded or sent)');
    expect(lines.slice(1, 4)).toEqual([
      '🚨 تنبيه: ارتفاع في أحداث دير الزور',
      '📈 خلال آخر 24 ساعة: 5 أحداث، والمعتاد نحو 0.1 في اليوم على مدى الأيام الـ28 السابقة.',
      '🔎 معيار التنبيه: Deir ez-Zor',
    ]);
    expect((await run('subscriptions', 'list')).out).toContain('   state: quiet · not checked yet');

    const real = await run('alerts', 'check');
    expect(real.code).toBe(0);
    expect(real.out).toContain('🚨 تنبيه: ارتفاع في أحداث دير الزور');
    // The timeline picture first: written to RASID_PICTURES, its path and caption printed.
    expect(real.out).toMatch(/\[picture: .*\/pictures\/run1-m0-alert-chart\.png\]\nالأحداث: دير الزور \| /);
    expect(real.out).toMatch(/subscription #1: alert on "Deir ez-Zor": 5 event\(s\) .*: FIRES; run 1 delivered, 2 message\(s\)\n$/);
    const again = await run('alerts', 'check', '1');
    expect(again.out).toMatch(/: still above its threshold \(already alerted for this burst\); nothing was sent\n$/);
    expect((await run('subscriptions', 'list')).out).toMatch(/ {3}state: FIRING since \d{4}-\d\d-\d\d \d\d:\d\d Asia\/Damascus · last check .*: 5 event\(s\), threshold 0\.93\n/);
  });
});
