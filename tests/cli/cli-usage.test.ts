import { beforeAll, describe, expect, it } from 'vitest';
import { rasidIn } from '../helpers/run-rasid.js';

const { run } = rasidIn();
beforeAll(async () => {
  expect((await run('ingest', 'data/corpus')).code).toBe(0);
}, 60_000);

describe('bad arguments and settings: one line naming them and what is allowed, exit code 2', () => {
  it.each([
    [['digest', '--dry-run', '--format', 'xml'], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are telegram, discord, text, json. (see: rasid digest --help)"],
    [['digest', '--dry-run', '--since', '3x'], "error: option '--since <date or duration>' argument '3x' is invalid. Expected a date (2018-06-01) or a duration of more than zero and at most a year (12h, 7d, 2w) (see: rasid digest --help)"],
    [['digest', '--dry-run', '--since', '0h'], "error: option '--since <date or duration>' argument '0h' is invalid. Expected a date (2018-06-01) or a duration of more than zero and at most a year (12h, 7d, 2w) (see: rasid digest --help)"],
    [['digest', '--dry-run', '--since', '2018-02-30'], "error: option '--since <date or duration>' argument '2018-02-30' is invalid. 2018-02-30 is not a calendar date (see: rasid digest --help)"],
    [['digest', '--dry-run', '--timezone', 'Mars/Base'], "error: option '--timezone <zone>' argument 'Mars/Base' is invalid. Expected an IANA time zone such as Asia/Damascus, Asia/Baghdad, Europe/Berlin or UTC (see: rasid digest --help)"],
    [['subscriptions', 'add', '--to', 'slack'], "error: option '--to <platform>' argument 'slack' is invalid. Allowed choices are console, telegram, discord. (see: rasid subscriptions add --help)"],
    [['subscriptions', 'add', '--cron', 'daily'], '"daily" is not a cron schedule; use five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * *" (daily at 08:00) or "0 */6 * * *" (every 6 hours)'],
    [['subscriptions', 'remove', '99'], 'there is no subscription #99; see rasid subscriptions list'],
    [['search', '--limit', '0', 'Raqqa'], "error: option '--limit <n>' argument '0' is invalid. Expected a whole number from 1 to 100 (see: rasid search --help)"],
    [['search', '--frob', 'x'], "error: unknown option '--frob' (see: rasid search --help)"],
    // An unknown option is named even where a required one is missing too.
    [['digest', '--frob'], "error: unknown option '--frob' (see: rasid digest --help)"],
    [['digest'], "error: required option '--dry-run' not specified (see: rasid digest --help)"],
    [['frob'], "error: unknown command 'frob' (see: rasid --help)"],
    [['serch', 'x'], "error: unknown command 'serch' (Did you mean search?) (see: rasid --help)"],
    [['show'], "error: missing required argument 'ref' (see: rasid show --help)"],
    [['feeds', 'remove', '7'], 'there is no feed #7; see rasid feeds list'],
    [['feeds', 'add', 'ftp://example.org/feed'], expect.stringContaining('ftp://example.org/feed')],
    [['digest', '--dry-run', '--filter', 'frobnicate widgets'], '--filter "frobnicate widgets": every word was ignored (frobnicate, widgets): it names no place, event, actor or Arabic word Rasid knows; try e.g. "Raqqa", "car bombs Deir ez-Zor" or "داعش الحسكة"'],
    [['events', '--filter', 'zzzz'], '--filter "zzzz": every word was ignored (zzzz): it names no place, event, actor or Arabic word Rasid knows; try e.g. "Raqqa", "car bombs Deir ez-Zor" or "داعش الحسكة"'],
    [['stats', '--by', 'year', 'Raqqa'], "error: option '--by <period>' argument 'year' is invalid. Allowed choices are day, week, month. (see: rasid stats --help)"],
    [['stats', 'zzzz'], 'query "zzzz": every word was ignored (zzzz): it names no place, event, actor or Arabic word Rasid knows; try e.g. "Raqqa", "car bombs Deir ez-Zor" or "داعش الحسكة"'],
    [['stats', 'Raqqa', '--since', '2019-02-30'], '--since "2019-02-30" is not a date: write it as YYYY-MM-DD, e.g. 2019-03-01.'],
    [['stats', 'Raqqa', '--png', 'chart.jpg'], '--png chart.jpg: the picture is a PNG; give a file name ending in .png, e.g. chart.png.'],
    [['stats'], "error: missing required argument 'query' (see: rasid stats --help)"],
    [['map', 'Raqqa'], "error: required option '--png <file>' not specified (see: rasid map --help)"],
    [['map', 'Raqqa', '--png', '/no/such/folder/map.png'], '--png /no/such/folder/map.png: there is no folder /no/such/folder to write it in.'],
    [['map', 'frobnicate', '--png', 'map.png'], 'query "frobnicate": every word was ignored (frobnicate): it names no place, event, actor or Arabic word Rasid knows; try e.g. "Raqqa", "car bombs Deir ez-Zor" or "داعش الحسكة"'],
    [['show', 'nope'], 'No report "nope": give a report id (12 or #12), an external id or a URL.'],
    [['discord', 'register'], 'DISCORD_BOT_TOKEN is not set: add it and DISCORD_APPLICATION_ID (from the Discord developer portal) to .env first.'],
  ])('rasid %j', async (args, line) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.endsWith('\n')).toBe(true);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err.trimEnd()).toEqual(line);
  });

  it('discord register with a token but no application id names the missing setting', async () => {
    const r = await rasidIn({ DISCORD_BOT_TOKEN: 'x'.repeat(24) + '.abcdef.ghijkl' }).run('discord', 'register');
    expect(r).toEqual({ code: 2, out: '', err: 'DISCORD_APPLICATION_ID is not set: copy it from the Discord developer portal (General Information → Application ID) into .env.\n' });
  });

  it('a bad setting is named, exit 2, no stack', async () => {
    const r = await rasidIn({ RASID_PAGE_SIZE: 'lots' }).run('search', 'Raqqa');
    expect(r.code).toBe(2);
    expect(r.err).toBe('Invalid settings (fix them in the environment or .env):\n  - RASID_PAGE_SIZE: Invalid input: expected number, received NaN\n');
  });

  it('--version prints the package version and exits 0', async () => {
    expect(await run('--version')).toEqual({ code: 0, out: '0.1.0\n', err: '' });
  });

  it('a command group without its subcommand shows its help and exits 2', async () => {
    const r = await run('subscriptions');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Usage: rasid subscriptions [options] [command]');
    expect(r.err).not.toContain('outputHelp');
  });
});

describe('exit code 1: some inputs failed', () => {
  it('ingest with a failed input exits 1 after ingesting the rest', async () => {
    const r = await run('ingest', 'data/corpus', 'missing.txt');
    expect(r).toEqual({ code: 1, out: 'added 0 · updated 0 · unchanged 5 · failed 1\n  failed: missing.txt: no such file or directory; check the path\n', err: '' });
  });

  it('feeds add whose first poll fails exits 1', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.writeHead(500).end('down')).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const r = await rasidIn({ RASID_ALLOW_PRIVATE_URLS: '1' }).run('feeds', 'add', `http://127.0.0.1:${port}/feed.xml`);
      expect(r.code).toBe(1);
      expect(r.out.split('\n')[0]).toBe(`added feed #1 (http://127.0.0.1:${port}/feed.xml), polled every 10 min`);
      expect(r.out.split('\n')[1]).toMatch(/^#1 failed: /);
    } finally {
      server.close();
    }
  });
});
