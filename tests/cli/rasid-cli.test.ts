import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';

const run = promisify(execFile);
const tsx = repoPath('node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
const env = { ...process.env, RASID_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
const rasid = (...args: string[]) => run(tsx, [repoPath('bin', 'rasid.ts'), ...args], { env, cwd: repoPath() });

beforeAll(async () => {
  const { stdout } = await rasid('ingest', 'data/corpus');
  expect(stdout).toBe('added 5 · updated 0 · unchanged 0 · failed 0\n');
}, 60_000);

describe('rasid command', () => {
  it('search --json prints the documented shape', async () => {
    const { stdout } = await rasid('search', '--json', '--limit', '2', 'attacks', 'in', 'Raqqa');
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['query', 'interpretation', 'total', 'offset', 'limit', 'relaxed', 'undated', 'results']);
    expect(answer.query).toBe('attacks in Raqqa');
    expect(answer.interpretation).toMatchObject({ places: [{ key: 'SY11', en: 'Raqqa', ar: 'الرقة' }], events: [{ key: 'attack' }], actors: [], terms: [], since: null, until: null });
    expect(answer.total).toBe(5);
    expect(answer.results).toHaveLength(2);
    expect(Object.keys(answer.results[0])).toEqual(['id', 'external_id', 'url', 'title', 'source', 'published_at', 'score', 'snippet', 'places', 'events', 'matched', 'missing']);
  }, 30_000);

  it('show prints a report and what was understood', async () => {
    const { stdout } = await rasid('show', '1');
    expect(stdout.split('\n')[0]).toBe('#1 داعش يرسل رسائل تهديد... هل استعاد نفوذه في بعض المدن السورية؟');
    expect(stdout).toContain('outlet: حفريات · published: 2022-02-24 (from text)');
  }, 30_000);

  it('show --json carries on_topic, incident and events in the documented shape', async () => {
    const { stdout } = await rasid('show', '--json', '3');
    const report = JSON.parse(stdout);
    expect([report.on_topic, report.incident]).toEqual([true, true]);
    expect(Object.keys(report.events[0])).toEqual([
      'event_type', 'sub_event_type', 'kind', 'actor1', 'actor2', 'location', 'admin1', 'admin2', 'geo_precision',
      'latitude', 'longitude', 'date', 'time_precision', 'fatalities', 'injuries', 'sentence',
    ]);
    // The car bomb in Raqqa: 10 civilians and 3 SDF members killed, told in the first sentence.
    expect(report.events[0]).toMatchObject({
      event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', kind: 'car_bomb', actor1: 'ISIS',
      location: { pcode: 'C5710', en: 'Ar-Raqqa', ar: 'الرقة', level: 'admin4' }, admin1: { pcode: 'SY11', en: 'Raqqa', ar: 'الرقة' },
      fatalities: 13, injuries: 0, sentence: { start: 0, end: 327 },
    });
    expect(report.event_words.map((e: { key: string }) => e.key)).toContain('car_bomb');
  }, 30_000);

  it('events --csv exports ACLED columns; --filter places are the events\' own', async () => {
    const { stdout } = await rasid('events', '--csv', '--filter', 'Raqqa');
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_url,notes,fatalities');
    // Only events located in Raqqa governorate (their admin1 column), the car bomb among them.
    const rows = lines.slice(1, -1).map((l) => l.split(','));
    expect(rows.map((r) => r[8])).toEqual(rows.map(() => 'Raqqa'));
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['SY4-1', 'SY3-1']));
    const carBomb = lines.find((l) => l.startsWith('SY3-1,'))!;
    expect(carBomb.split(',').slice(0, 5).join(',')).toBe('SY3-1,,,Explosions/Remote violence,Remote explosive/landmine/IED');
    // The notes hold the Arabic sentence (Arabic commas need no quoting), then the fatalities.
    expect(carBomb).toMatch(/,فرات بوست,,بعد مرور أيام من إعلان .* تابعين لـ”قسد”\.,13$/u);
    expect(lines.at(-1)).toBe('');
  }, 30_000);

  it('events --json prints rows with ACLED column names; an event type filter matches the event\'s kind', async () => {
    const { stdout } = await rasid('events', '--json', '--filter', 'car bombs');
    const rows = JSON.parse(stdout);
    expect(rows.map((r: { event_id_cnty: string; fatalities: number }) => [r.event_id_cnty, r.fatalities])).toEqual([['SY3-1', 13]]);
    expect(Object.keys(rows[0])).toHaveLength(19);
  }, 30_000);

  it.each([
    [['events', '--since', '2019-13-01'], '--since "2019-13-01" is not a date: write it as YYYY-MM-DD, e.g. 2019-03-01.\n'],
    [['events', '--until', 'May'], '--until "May" is not a date: write it as YYYY-MM-DD, e.g. 2019-03-31.\n'],
    [['events', '--since', '2020-01-02', '--until', '2020-01-01'], '--since 2020-01-02 is after --until 2020-01-01.\n'],
    [['events', '--json', '--csv'], 'Give --json or --csv, not both.\n'],
  ])('events %j: one clear line, exit 2', async (args, message) => {
    const err = await rasid(...args).catch((e: { code: number; stderr: string }) => e);
    expect([(err as { code: number }).code, (err as { stderr: string }).stderr]).toEqual([2, message]);
  }, 30_000);

  it('a bad setting stops start-up naming the setting', async () => {
    const err = await run(tsx, [repoPath('bin', 'rasid.ts'), 'search', 'x'], { env: { ...env, RASID_PAGE_SIZE: 'lots' }, cwd: repoPath() }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain('RASID_PAGE_SIZE: ');
  }, 30_000);

  it('an unknown report is a clear error', async () => {
    const err = await rasid('show', 'nope').catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toBe('No report "nope": give a report id (12 or #12), an external id or a URL.\n');
  }, 30_000);
});
