/** `rasid stats` and `rasid map` on the sample corpus: text, JSON and PNG. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { rasidIn } from '../helpers/run-rasid.js';

const { run, dir } = rasidIn();
/**
 * A dated report beside the bundled corpus (whose one dated seed tells of threats, not of an event): an ISIS
 * attack in al-Shuhayl on the day before its dateline, so the period table and the timeline have a week to show.
 */
const SHUHAYL = [
  'مقتل ثلاثة عناصر من قسد بهجوم لداعش في ريف دير الزور', '', '24/02/2022', '',
  'قتل ثلاثة عناصر من قوات سوريا الديمقراطية (قسد) وأصيب اثنان آخران، أمس الأربعاء، بهجوم شنه مسلحون من تنظيم داعش على حاجز في بلدة الشحيل بريف دير الزور الشرقي.',
].join('\n');
beforeAll(async () => {
  expect((await run('ingest', 'data/corpus')).code).toBe(0);
  writeFileSync(join(dir, 'shuhayl.txt'), SHUHAYL);
  expect((await run('ingest', join(dir, 'shuhayl.txt'))).code).toBe(0);
}, 60_000);

describe('rasid stats', () => {
  it('without --png or --json: the title, the summary, a table of the periods with events and of the governorates', async () => {
    const r = await run('stats', 'ISIS');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${[
      'Events: ISIS · 23 Feb 2022',
      '8 events from 4 source reports · 127 killed, 2 wounded · 7 undated, not on the timeline',
      '',
      'per week (from Monday)  Events  Battles  Explosions / remote violence  Killed  Wounded',
      '21 Feb 2022                  1        1                             0       3        2',
      '',
      'Events by governorate  Events  Killed  Wounded',
      'Deir ez-Zor                 3      23        2',
      'Raqqa                       2      13        0',
      'Kerman                      1      90        0',
      'Aleppo                      1       1        0',
      'place unknown               1       0        0',
    ].join('\n')}\n`);
  });

  it('events with no date at all: the title says so, and there is no period table', async () => {
    const r = await run('stats', 'Raqqa');
    expect(r.out).toBe('Events: Raqqa · dates unknown\n2 events from 2 source reports · 13 killed, 0 wounded · 2 undated, not on the timeline\n\nEvents by district  Events  Killed  Wounded\nAr-Raqqah                2      13        0\n');
  });

  it('--json prints the figures behind the picture', async () => {
    const r = await run('stats', 'الرقة', '--json');
    const stats = JSON.parse(r.out);
    expect(Object.keys(stats)).toEqual(['query', 'lang', 'filter', 'since', 'until', 'by', 'totals', 'eventTypes', 'timeline', 'areaLevel', 'areas', 'locations', 'governorates']);
    expect(stats).toMatchObject({ query: 'الرقة', lang: 'ar', by: 'week', areaLevel: 'admin2', totals: { events: 2, reports: 2, from: null, undated: { events: 2 } } });
  });

  it('--png writes the picture and prints its path and the summary line', async () => {
    const file = join(dir, 'stats.png');
    const r = await run('stats', 'داعش', '--by', 'month', '--png', file);
    expect(r.code).toBe(0);
    const [path, caption] = r.out.trimEnd().split('\n');
    expect(path).toBe(file);
    expect(caption).toMatch(/^الأحداث: [٠-٩]+، التقارير: [٠-٩]+/);
    const png = PNG.sync.read(readFileSync(file));
    expect(png.width).toBeGreaterThan(1600);
  }, 30_000);
});

describe('rasid map', () => {
  it('--png --json: the picture, and the figures with its caption', async () => {
    const file = join(dir, 'map.png');
    const r = await run('map', 'ISIS', '--png', file, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.caption).toMatch(/^\d+ events from \d+ source reports/);
    expect(out.locations.length).toBeGreaterThan(0);
    expect(PNG.sync.read(readFileSync(file)).height).toBeGreaterThan(1000);
  }, 30_000);
});
