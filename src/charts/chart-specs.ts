/**
 * Vega-Lite specs of the event charts, built from `EventStats` (no Vega imported here: plain
 * objects). Labels are measured with the chart font (`FontMetrics`) so titles wrap at words and map
 * labels that would overlap are left out. In Arabic, time and bars run right to left and the value
 * axes stand on the right.
 */
import {
  areaName, chartCaption, chartTitle, chartWords, EVENT_TYPE_COLOURS, eventTypeName, formatNumber, mapCaption,
  OTHER_COLOUR, periodLabel,
} from './chart-wording.js';
import type { ChartLang, EventStats } from './event-stats.js';
import type { FontMetrics } from './font-metrics.js';

export const FONT_FAMILY = 'IBM Plex Sans Arabic';
/** The picture's width in CSS pixels (the PNG is drawn at `scale` times this). */
export const CHART_WIDTH = 860;
/** Areas shown as bars; the rest are summed in a line under the panel's title. */
export const MAX_AREAS = 15;
/** Vega expression function (registered by the renderer) writing a label's digits in the chart's language. */
export const DIGITS_FUNCTION = 'rasidDigits';

export type VlSpec = Record<string, any>;

/** `text` cut into lines of at most `width` px, at spaces (a word longer than a line keeps its own line). */
export function wrapWords(text: string, width: number, size: number, metrics: FontMetrics): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/u).filter((w) => w !== '')) {
    const next = line === '' ? word : `${line} ${word}`;
    if (line !== '' && metrics.width(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const digitsExpr = (lang: ChartLang) => (lang === 'ar' ? `${DIGITS_FUNCTION}(datum.label)` : 'datum.label');

function baseConfig(lang: ChartLang): VlSpec {
  return {
    font: FONT_FAMILY,
    background: 'white',
    padding: 16,
    view: { stroke: null },
    axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#333', titleColor: '#333', labelLimit: 0, gridColor: '#e6e6e6' },
    legend: { labelFontSize: 12, titleFontSize: 12, labelLimit: 0, symbolType: 'circle' },
    title: { fontSize: 18, subtitleFontSize: 13, subtitleColor: '#444', anchor: lang === 'ar' ? 'end' : 'start', offset: 14, subtitlePadding: 6 },
    concat: { spacing: 28 },
  };
}

function titleBlock(stats: EventStats, caption: string, metrics: FontMetrics): VlSpec {
  const width = CHART_WIDTH - 20;
  return {
    text: wrapWords(chartTitle(stats), width, 18, metrics),
    subtitle: wrapWords(caption, width, 13, metrics),
    limit: 0,
  };
}

const colourOf = (type: string) => EVENT_TYPE_COLOURS[type] ?? OTHER_COLOUR;

/**
 * The stats picture: events per period stacked by ACLED type, killed and wounded per period, and
 * events per governorate (or district); title with the filter and the days, caption with the figures.
 */
export function statsChartSpec(stats: EventStats, metrics: FontMetrics): VlSpec {
  const { lang } = stats;
  const w = chartWords(lang);
  const rtl = lang === 'ar';
  const labels = stats.timeline.map((p) => periodLabel(p.period, stats.by, lang));
  const typeNames = stats.eventTypes.map((t) => eventTypeName(t, lang));
  const bars = stats.timeline.flatMap((p, k) => stats.eventTypes.filter((t) => (p.byType[t] ?? 0) > 0).map((t) => ({
    period: labels[k], type: eventTypeName(t, lang), rank: stats.eventTypes.indexOf(t), events: p.byType[t]!,
  })));
  const casualties = stats.timeline.flatMap((p, k) => [
    { period: labels[k], measure: w.killed, value: p.killed },
    { period: labels[k], measure: w.wounded, value: p.wounded },
  ]);
  // Bars for the named areas with most events; the rest and the unknown place in a line under the panel's
  // title (a bar of them would dwarf every other).
  const named = stats.areas.filter((a) => a.key !== null);
  const rest = named.slice(MAX_AREAS);
  const unknown = stats.areas.find((a) => a.key === null);
  const areaRows = named.slice(0, MAX_AREAS).map((a) => ({ area: areaName(a, lang, stats.areaLevel), events: a.events, killed: a.killed }));
  const areaNote = [
    ...(rest.length > 0 ? [w.otherAreas(formatNumber(rest.length, lang), formatNumber(rest.reduce((n, a) => n + a.events, 0), lang))] : []),
    ...(unknown !== undefined ? [(stats.areaLevel === 'admin2' ? w.unknownDistrict : w.unknownArea)(formatNumber(unknown.events, lang))] : []),
  ].join(w.sep);
  // Many periods: fewer labels on the time axis (every k-th), the rest of the bars unlabelled.
  const labelWidth = Math.max(1, ...labels.map((l) => metrics.width(l, 11)));
  const slot = (CHART_WIDTH - 80) / Math.max(1, labels.length);
  const angle = labelWidth + 6 > slot ? -50 : 0;
  const every = angle === 0 ? 1 : Math.max(1, Math.ceil(14 / slot));
  const shownLabels = labels.filter((_, k) => k % every === 0);
  const timeAxis = {
    title: null, labelAngle: rtl && angle !== 0 ? -angle : angle, labelFontSize: 11,
    ...(angle !== 0 ? { labelAlign: rtl ? 'left' : 'right', labelBaseline: 'middle' } : {}),
    values: shownLabels,
  };
  const time = { field: 'period', type: 'ordinal', sort: labels, scale: { domain: labels, reverse: rtl }, axis: timeAxis };
  const valueAxis = (title: string) => ({ title, orient: rtl ? 'right' : 'left', labelExpr: digitsExpr(lang), tickMinStep: 1, format: ',d' });
  const innerWidth = CHART_WIDTH - 90;

  const timeline = {
    width: innerWidth, height: 230,
    title: { text: `${w.events} ${w[stats.by]}`, fontSize: 14, anchor: rtl ? 'end' : 'start' },
    data: { values: bars },
    mark: { type: 'bar' },
    encoding: {
      x: time,
      y: { field: 'events', type: 'quantitative', aggregate: 'sum', stack: 'zero', axis: valueAxis(w.events) },
      color: {
        field: 'type', type: 'nominal',
        scale: { domain: typeNames, range: stats.eventTypes.map(colourOf) },
        legend: { title: null, orient: 'top', direction: 'horizontal', ...(rtl ? { labelAlign: 'left' } : {}) },
      },
      order: { field: 'rank', type: 'quantitative' },
    },
  };
  const killedWounded = {
    width: innerWidth, height: 130,
    title: { text: w.casualties, fontSize: 14, anchor: rtl ? 'end' : 'start' },
    data: { values: casualties },
    mark: { type: 'line', point: { size: 24 }, strokeWidth: 2, interpolate: 'linear' },
    encoding: {
      x: time,
      y: { field: 'value', type: 'quantitative', axis: valueAxis(''), title: null },
      color: { field: 'measure', type: 'nominal', scale: { domain: [w.killed, w.wounded], range: ['#222222', '#c49a00'] }, legend: { title: null, orient: 'top', direction: 'horizontal' } },
    },
  };
  const areaBars = {
    width: innerWidth - 120, height: { step: 20 },
    title: {
      text: stats.areaLevel === 'admin1' ? w.governorate : w.district, fontSize: 14, anchor: rtl ? 'end' : 'start',
      ...(areaNote !== '' ? { subtitle: areaNote, subtitleFontSize: 12 } : {}),
    },
    data: { values: areaRows },
    layer: [
      {
        mark: { type: 'bar', color: '#4c78a8' },
        encoding: {
          y: { field: 'area', type: 'nominal', sort: null, axis: { title: null, orient: rtl ? 'right' : 'left', labelFontSize: 12, ticks: false, domain: false } },
          x: { field: 'events', type: 'quantitative', scale: { reverse: rtl }, axis: { title: w.events, labelExpr: digitsExpr(lang), format: ',d', tickMinStep: 1 } },
        },
      },
      {
        transform: [{ calculate: lang === 'ar' ? `${DIGITS_FUNCTION}(format(datum.events, ',d'))` : "format(datum.events, ',d')", as: 'shown' }],
        mark: { type: 'text', align: rtl ? 'right' : 'left', dx: rtl ? -4 : 4, fontSize: 11, color: '#333' },
        encoding: {
          y: { field: 'area', type: 'nominal', sort: null },
          x: { field: 'events', type: 'quantitative' },
          text: { field: 'shown' },
        },
      },
    ],
  };
  const panels = [
    ...(stats.timeline.length > 0 ? [timeline, killedWounded] : []),
    ...(areaRows.length > 0 ? [areaBars] : []),
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: titleBlock(stats, chartCaption(stats), metrics),
    config: baseConfig(lang),
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    vconcat: panels.length > 0 ? panels : [{ width: innerWidth, height: 40, mark: { type: 'text', fontSize: 16 }, data: { values: [{ t: w.noEvents }] }, encoding: { text: { field: 't' } } }],
  };
}

/** The region a map shows when its events spread over more than a province: Syria and Iraq. */
export const REGION = { west: 34.5, east: 49, south: 29, north: 38 } as const;

/** ISO 3166-1 numeric ids (world-atlas's feature ids) of the countries drawn: Syria, Iraq and their neighbours. */
export const MAP_COUNTRIES: readonly string[] = ['760', '368', '792', '364', '400', '422', '376', '275', '682', '414', '196', '818', '051', '031', '268'];

/** Country names written on the map, at points inside each country near the region. */
export const COUNTRY_LABELS: readonly { readonly en: string; readonly ar: string; readonly lon: number; readonly lat: number }[] = [
  { en: 'SYRIA', ar: 'سوريا', lon: 38.3, lat: 35.1 },
  { en: 'IRAQ', ar: 'العراق', lon: 43.2, lat: 32.2 },
  { en: 'TURKEY', ar: 'تركيا', lon: 38.5, lat: 37.9 },
  { en: 'IRAN', ar: 'إيران', lon: 47.8, lat: 34.6 },
  { en: 'JORDAN', ar: 'الأردن', lon: 36.9, lat: 31.0 },
  { en: 'SAUDI ARABIA', ar: 'السعودية', lon: 41.5, lat: 29.6 },
  { en: 'LEBANON', ar: 'لبنان', lon: 35.4, lat: 33.6 },
];

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** A Mercator projection fitted to a lon/lat box at a width: pixel coordinates of a point. */
export function fitMercator(box: { west: number; east: number; south: number; north: number }, width: number) {
  const scale = width / (((box.east - box.west) * Math.PI) / 180);
  const height = Math.round(scale * (mercatorY(box.north) - mercatorY(box.south)));
  const center: [number, number] = [(box.west + box.east) / 2, (360 / Math.PI) * Math.atan(Math.exp((mercatorY(box.north) + mercatorY(box.south)) / 2)) - 90];
  const project = (lon: number, lat: number): [number, number] => [
    width / 2 + (scale * (lon - center[0]) * Math.PI) / 180,
    height / 2 - scale * (mercatorY(lat) - mercatorY(center[1])),
  ];
  /** The latitude `dy` pixels below a point's (for a label under a circle). */
  const latBelow = (lat: number, dy: number) => (360 / Math.PI) * Math.atan(Math.exp(mercatorY(lat) - dy / scale)) - 90;
  return { scale, height, center, project, latBelow };
}

/**
 * The map's box: the region, or the events' own extent (with a margin, at least 3° across) when
 * they all lie within a smaller one, as for one governorate.
 */
export function mapBox(stats: EventStats): { west: number; east: number; south: number; north: number } {
  const inRegion = stats.locations.filter((l) => l.lon >= REGION.west - 3 && l.lon <= REGION.east + 3 && l.lat >= REGION.south - 2 && l.lat <= REGION.north + 2);
  if (inRegion.length === 0) return REGION;
  const lons = inRegion.map((l) => l.lon);
  const lats = inRegion.map((l) => l.lat);
  let west = Math.min(...lons), east = Math.max(...lons), south = Math.min(...lats), north = Math.max(...lats);
  if (east - west > 6 || north - south > 4.5) return REGION;
  const lonSpan = Math.max(3, (east - west) * 1.4);
  const latSpan = Math.max(lonSpan * 0.65, (north - south) * 1.4);
  const cx = (west + east) / 2, cy = (south + north) / 2;
  [west, east, south, north] = [cx - lonSpan / 2, cx + lonSpan / 2, cy - latSpan / 2, cy + latSpan / 2];
  return { west, east, south, north };
}

/** Circle areas (px²) of the fewest events (none) and the most. */
const MIN_CIRCLE = 14;
const MAX_CIRCLE = 1800;

interface Box { x0: number; y0: number; x1: number; y1: number }
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * The map: country borders of the region (world-atlas), events as circles per place sized by count
 * and coloured by their commonest ACLED type, governorate names where they fit. `countries` are the
 * GeoJSON features of `MAP_COUNTRIES`.
 */
export function mapChartSpec(stats: EventStats, countries: readonly unknown[], metrics: FontMetrics): { spec: VlSpec; caption: string } {
  const { lang } = stats;
  const rtl = lang === 'ar';
  const width = CHART_WIDTH - 32;
  const box = mapBox(stats);
  const fit = fitMercator(box, width);
  const height = fit.height;
  const inside = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;

  // Labels: governorates by events, then countries, each kept only where it overlaps nothing placed before.
  const placed: Box[] = [];
  const place = (text: string, lon: number, lat: number, size: number) => {
    const [x, y] = fit.project(lon, lat);
    const w = metrics.width(text, size);
    const b = { x0: x - w / 2 - 2, x1: x + w / 2 + 2, y0: y - size * 0.6, y1: y + size * 0.6 };
    if (!inside([x, y]) || b.x0 < 0 || b.x1 > width || b.y0 < 0 || b.y1 > height || placed.some((p) => overlaps(p, b))) return false;
    placed.push(b);
    return true;
  };
  // A circle's area grows with its events (so twice the events look twice as big).
  const maxEvents = Math.max(1, ...stats.locations.map((l) => l.events));
  const area = (events: number) => MIN_CIRCLE + ((MAX_CIRCLE - MIN_CIRCLE) * events) / maxEvents;
  const radius = (events: number) => Math.sqrt(area(events) / Math.PI);
  const label = (name: string, lon: number, lat: number) => ({ name, lon, lat });
  // Governorate names above their point, the biggest places' names under their circle, then countries;
  // each kept only where it overlaps no label placed before it.
  const governorateLabels = stats.governorates
    .map((g) => label(g[lang], g.lon, fit.latBelow(g.lat, -13)))
    .filter((g) => place(g.name, g.lon, g.lat, 13));
  // A name once: not a city named as its governorate, nor a district named as its town.
  const named = new Set(governorateLabels.map((g) => g.name));
  const placeLabels = stats.locations.slice(0, 12)
    .map((l) => label(l[lang], l.lon, fit.latBelow(l.lat, radius(l.events) + 8)))
    .filter((l) => !named.has(l.name) && place(l.name, l.lon, l.lat, 11) && named.add(l.name) !== undefined);
  const countryLabels = COUNTRY_LABELS.map((c) => label(c[lang], c.lon, c.lat)).filter((c) => place(c.name, c.lon, c.lat, 15));

  const typeNames = stats.eventTypes.map((t) => eventTypeName(t, lang));
  // Only places inside the picture: resvg (2.x) aborts the process on a shape clipped away entirely.
  const points = stats.locations.filter((l) => inside(fit.project(l.lon, l.lat))).map((l) => ({ lon: l.lon, lat: l.lat, events: l.events, type: eventTypeName(l.eventType, lang), name: l[lang] }));
  const sizeValues = [...new Set([1, Math.round(maxEvents / 4), Math.round(maxEvents / 2), maxEvents].filter((v) => v >= 1))];
  const projection = {
    type: 'mercator', scale: fit.scale, center: fit.center, translate: [width / 2, height / 2],
    clipExtent: [[0, 0], [width, height]],
  };
  const textLayer = (values: unknown[], size: number, colour: string, weight: string, halo: boolean) => ({
    data: { values },
    mark: {
      type: 'text', fontSize: size, fontWeight: weight, fill: colour, baseline: 'middle',
      ...(halo ? { stroke: 'white', strokeWidth: 3.5, strokeJoin: 'round', strokeOpacity: 0.9 } : {}),
    },
    encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'name' } },
  });
  const caption = mapCaption(stats, points.reduce((n, p) => n + p.events, 0));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: titleBlock(stats, caption, metrics),
    config: { ...baseConfig(lang), view: { stroke: '#bbb' } },
    width, height, projection,
    layer: [
      { data: { values: countries }, mark: { type: 'geoshape', fill: '#f2efe8', stroke: '#9a9a9a', strokeWidth: 0.8 } },
      textLayer(countryLabels, 15, '#b5b0a5', 'normal', false),
      {
        data: { values: points },
        mark: { type: 'circle', opacity: 0.75, stroke: 'white', strokeWidth: 0.8 },
        encoding: {
          longitude: { field: 'lon', type: 'quantitative' },
          latitude: { field: 'lat', type: 'quantitative' },
          size: {
            field: 'events', type: 'quantitative', scale: { type: 'linear', domain: [0, maxEvents], range: [MIN_CIRCLE, MAX_CIRCLE] },
            legend: { title: chartWords(lang).events, orient: 'bottom', values: sizeValues, labelExpr: digitsExpr(lang), symbolFillColor: '#999', symbolStrokeWidth: 0, format: ',d' },
          },
          color: {
            field: 'type', type: 'nominal', scale: { domain: typeNames, range: stats.eventTypes.map(colourOf) },
            legend: { title: null, orient: 'bottom', direction: 'horizontal', symbolOpacity: 0.75 },
          },
        },
      },
      textLayer(placeLabels, 11, '#333333', 'normal', true),
      textLayer(placeLabels, 11, '#333333', 'normal', false),
      textLayer(governorateLabels, 13, '#1a1a1a', 'bold', true),
      textLayer(governorateLabels, 13, '#1a1a1a', 'bold', false),
    ],
  };
  return { spec, caption };
}
