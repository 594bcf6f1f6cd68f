/**
 * The pictures: size, not blank, one mark per figure, Arabic labels in the SVG, and each kind
 * compared with its golden PNG (tests/fixtures/charts/) within a small pixel tolerance.
 * After an intended change of the pictures: UPDATE_GOLDEN=1 npx vitest run tests/charts/render-chart.test.ts
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';
import type { Core } from '../../src/create-core.js';
import type { EventStats } from '../../src/charts/event-stats.js';
import { renderMapPng, renderStatsPng, type ChartPicture } from '../../src/charts/render-chart.js';
import { arabicDigits, formatNumber, periodLabel } from '../../src/charts/chart-wording.js';
import { testCore } from '../helpers/test-core.js';
import { EVENT_REPORTS } from './event-fixtures.js';

const GOLDEN_DIR = repoPath('tests', 'fixtures', 'charts');
/** A pixel differs when a channel moves by more than this; a picture when more than this share of its pixels do. */
const CHANNEL_TOLERANCE = 48;
const PIXEL_SHARE_TOLERANCE = 0.002;

let core: Core;
let ar: EventStats;
let en: EventStats;
beforeAll(() => {
  core = testCore();
  for (const r of EVENT_REPORTS) core.ingestOne(r);
  ar = core.eventStats('', { lang: 'ar' });
  en = core.eventStats('', { lang: 'en' });
});
afterAll(() => core.close());

const marks = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;

/** Share of pixels that differ from the golden one beyond the channel tolerance. */
function differingShare(a: PNG, b: PNG): number {
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!)) > CHANNEL_TOLERANCE) differing++;
  }
  return differing / (a.width * a.height);
}

function checkGolden(name: string, picture: ChartPicture): void {
  const file = join(GOLDEN_DIR, `${name}.png`);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, picture.png);
  }
  const golden = PNG.sync.read(readFileSync(file));
  const png = PNG.sync.read(picture.png);
  expect([png.width, png.height]).toEqual([golden.width, golden.height]);
  expect(differingShare(png, golden)).toBeLessThanOrEqual(PIXEL_SHARE_TOLERANCE);
}

/** Not blank: the picture's luminance varies, and it is neither mostly white nor mostly ink. */
function checkNotBlank(picture: ChartPicture): void {
  const png = PNG.sync.read(picture.png);
  expect([png.width, png.height]).toEqual([picture.width, picture.height]);
  let sum = 0, sumSq = 0, ink = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const y = 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
    sum += y;
    sumSq += y * y;
    if (y < 200) ink++;
  }
  const n = png.width * png.height;
  expect(sumSq / n - (sum / n) ** 2).toBeGreaterThan(100);
  expect(ink / n).toBeGreaterThan(0.01);
  expect(ink / n).toBeLessThan(0.5);
}

describe('renderStatsPng', () => {
  it('Arabic: a bar per (week, type) with events and per governorate, Arabic labels and digits, as the golden', async () => {
    const picture = await renderStatsPng(ar, undefined, { scale: 1 });
    expect(picture.width).toBeGreaterThan(800);
    checkNotBlank(picture);
    // Weeks of 4 and 18 March and of 1 April: 2 + 1 + 1 stacked bars; 4 governorates.
    expect(marks(picture.svg, 'bar')).toBe(4 + 4);
    for (const label of ['الرقة', 'نينوى', 'معارك', 'تفجيرات وقصف عن بعد', 'القتلى والجرحى', periodLabel('2019-03-04', 'week', 'ar'), 'الأحداث: الكل']) {
      expect(picture.svg).toContain(label);
    }
    expect(picture.svg).not.toMatch(/>[^<]*[0-9][^<]*<\/text>/); // every number in Arabic-Indic digits
    expect(picture.caption).toBe('الأحداث: ٦، التقارير: ٦ | القتلى: ٢٠، الجرحى: ٢٠ | بلا تاريخ، خارج الخط الزمني: ١');
    checkGolden('stats-ar', picture);
  }, 30_000);

  it('English, and the same figures drawn in Arabic when asked', async () => {
    const picture = await renderStatsPng(en, undefined, { scale: 1 });
    checkNotBlank(picture);
    expect(marks(picture.svg, 'bar')).toBe(8);
    for (const label of ['Raqqa', 'Ninewa', 'Battles', 'Explosions / remote violence', 'Killed', '4 Mar 2019']) expect(picture.svg).toContain(label);
    expect(picture.caption).toBe('6 events from 6 source reports · 20 killed, 20 wounded · 1 undated, not on the timeline');
    checkGolden('stats-en', picture);
    expect((await renderStatsPng(en, 'ar', { scale: 1 })).caption).toBe('الأحداث: ٦، التقارير: ٦ | القتلى: ٢٠، الجرحى: ٢٠ | بلا تاريخ، خارج الخط الزمني: ١');
  }, 30_000);

  it('a selection without events still draws its title and says so', async () => {
    const picture = await renderStatsPng(core.eventStats('Raqqa', { since: '2030-01-01' }), undefined, { scale: 1 });
    expect(marks(picture.svg, 'bar')).toBe(0);
    expect(picture.svg).toContain('no events');
  }, 30_000);
});

describe('renderMapPng', () => {
  it('a circle per place, sized by its events, governorates named in Arabic, as the golden', async () => {
    const picture = await renderMapPng(ar, undefined, { scale: 1 });
    checkNotBlank(picture);
    // Raqqa city, Aleppo, Tabqa, Mosul's district, Hajin: 5 places.
    expect(marks(picture.svg, 'circle')).toBe(5);
    for (const label of ['الرقة', 'حلب', 'نينوى', 'دير الزور']) expect(picture.svg).toContain(label);
    // The undated event is on the map: it has a place.
    expect(picture.caption).toBe('الأحداث: ٦، التقارير: ٦ | القتلى: ٢٠، الجرحى: ٢٠ | بلا تاريخ، خارج الخط الزمني: ١');
    checkGolden('map-ar', picture);
  }, 30_000);
});

describe('numbers in the chart\'s language', () => {
  it.each([
    [0, 'ar', '٠'], [1234, 'ar', '١٬٢٣٤'], [1234567, 'en', '1,234,567'], [9, 'en', '9'],
  ] as const)('%i in %s is %s', (n, lang, text) => expect(formatNumber(n, lang)).toBe(text));

  it('dates keep their separators', () => expect(arabicDigits('2019-03-04')).toBe('٢٠١٩-٠٣-٠٤'));
});
