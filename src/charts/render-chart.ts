/**
 * Event charts as pictures, headless: Vega-Lite spec → Vega view (renderer 'none', no canvas) → SVG
 * → PNG through resvg with IBM Plex Sans Arabic (the TTF files of the font package; no system
 * fonts, so every machine draws the same picture). Vega, Vega-Lite, resvg and the borders load at
 * the first picture (`await import`), so commands that draw nothing never load them.
 *
 * For chat: `const stats = core.eventStats(query); const { png, caption } = await renderStatsPng(stats);`
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { arabicDigits, chartCaption } from './chart-wording.js';
import { DIGITS_FUNCTION, FONT_FAMILY, MAP_COUNTRIES, mapChartSpec, statsChartSpec, type VlSpec } from './chart-specs.js';
import type { ChartLang, EventStats } from './event-stats.js';
import { loadFontMetrics, type FontMetrics } from './font-metrics.js';

/** A drawn chart: the PNG, the SVG it was drawn from, and the summary line to send beside it. */
export interface ChartPicture {
  readonly png: Buffer;
  readonly svg: string;
  readonly caption: string;
  /** The PNG's size in pixels. */
  readonly width: number;
  readonly height: number;
}

export interface RenderOptions {
  /** Pixels per CSS pixel of the chart (default 2: sharp on phones). */
  readonly scale?: number;
}

const require = createRequire(import.meta.url);
const fontDir = () => dirname(require.resolve('@expo-google-fonts/ibm-plex-sans-arabic/package.json'));
/** The chart font's files: regular and bold. */
export const fontFiles = (): string[] => [
  join(fontDir(), '400Regular', 'IBMPlexSansArabic_400Regular.ttf'),
  join(fontDir(), '700Bold', 'IBMPlexSansArabic_700Bold.ttf'),
];

let metrics: FontMetrics | undefined;
let bold: FontMetrics | undefined;
const fontMetrics = () => (metrics ??= loadFontMetrics(fontFiles()[0]!));

let countries: unknown[] | undefined;
/** The region's countries as GeoJSON features (world-atlas 1:50m). */
async function regionCountries(): Promise<unknown[]> {
  if (countries !== undefined) return countries;
  const { feature } = await import('topojson-client');
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const all = feature(topo, topo.objects.countries) as unknown as { features: { id?: string }[] };
  const wanted = new Set(MAP_COUNTRIES);
  countries = all.features.filter((f) => f.id !== undefined && wanted.has(f.id));
  return countries;
}

let vegaReady: Promise<{ vega: typeof import('vega'); vl: typeof import('vega-lite'); Resvg: typeof import('@resvg/resvg-js').Resvg }> | undefined;
function loadVega() {
  vegaReady ??= (async () => {
    const [vega, vl, resvg] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
    vega.expressionFunction(DIGITS_FUNCTION, (text: unknown) => arabicDigits(String(text)));
    // Vega lays text out by width: give it the font's own advances (bold ones for bold text) instead of
    // its 0.8 em guess, which would cut labels and misplace Arabic ones.
    const regular = fontMetrics();
    bold ??= loadFontMetrics(fontFiles()[1]!);
    (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = (item: { fontSize?: number; fontWeight?: string | number; text?: unknown }, text?: unknown) => {
      const value = text ?? item.text;
      const s = Array.isArray(value) ? value.map(String).reduce((a, b) => (a.length >= b.length ? a : b), '') : String(value ?? '');
      const weight = item.fontWeight;
      return (weight === 'bold' || Number(weight) >= 600 ? bold! : regular).width(s, item.fontSize ?? 11);
    };
    return { vega, vl: (vl as unknown as { default?: typeof import('vega-lite') }).default ?? vl, Resvg: resvg.Resvg };
  })();
  return vegaReady;
}

/** SVG of a Vega-Lite spec, drawn without a browser or a canvas. */
export async function specToSvg(spec: VlSpec): Promise<string> {
  const { vega, vl } = await loadVega();
  const compiled = vl.compile(spec as Parameters<typeof vl.compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** PNG of an SVG, with the chart font only. */
export async function svgToPng(svg: string, scale = 2): Promise<{ png: Buffer; width: number; height: number }> {
  const { Resvg } = await loadVega();
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fontFiles(), defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
    background: 'white',
  }).render();
  return { png: image.asPng(), width: image.width, height: image.height };
}

async function picture(spec: VlSpec, caption: string, options: RenderOptions): Promise<ChartPicture> {
  const svg = await specToSvg(spec);
  const { png, width, height } = await svgToPng(svg, options.scale ?? 2);
  return { png, svg, caption, width, height };
}

const inLang = (stats: EventStats, lang: ChartLang | undefined): EventStats => (lang === undefined || lang === stats.lang ? stats : { ...stats, lang });

/** The stats picture (timeline by event type, killed and wounded, bars by governorate or district). */
export async function renderStatsPng(stats: EventStats, lang?: ChartLang, options: RenderOptions = {}): Promise<ChartPicture> {
  const s = inLang(stats, lang);
  await loadVega();
  return picture(statsChartSpec(s, fontMetrics()), chartCaption(s), options);
}

/** The map picture (events per place on the region's borders, governorates named). */
export async function renderMapPng(stats: EventStats, lang?: ChartLang, options: RenderOptions = {}): Promise<ChartPicture> {
  const s = inLang(stats, lang);
  await loadVega();
  const { spec, caption } = mapChartSpec(s, await regionCountries(), fontMetrics());
  return picture(spec, caption, options);
}
