/**
 * Every word of the event charts and of `rasid stats`'s text, in Arabic and English, in one place:
 * titles, captions, axis and legend names, ACLED event types, months, and numbers (Arabic-Indic
 * digits for Arabic).
 */
import type { ChartLang, EventStats, PeriodUnit } from './event-stats.js';

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Western digits written as Arabic-Indic ones (٠١٢…), with the Arabic thousands separator and comma. */
export function arabicDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => ARABIC_DIGITS[Number(d)]!).replace(/(?<=[٠-٩]),(?=[٠-٩])/g, '٬');
}

/** A whole number in the language's digits, thousands grouped: 1,234 / ١٬٢٣٤. */
export function formatNumber(n: number, lang: ChartLang): string {
  const text = Math.round(n).toLocaleString('en-US');
  return lang === 'ar' ? arabicDigits(text) : text;
}

/** Digits of any text (a date, a label) in the language's digits. */
export const digitsOf = (text: string, lang: ChartLang): string => (lang === 'ar' ? arabicDigits(text) : text);

/** ACLED's event types as Rasid writes them in charts. */
export const EVENT_TYPE_NAMES: Readonly<Record<string, { readonly en: string; readonly ar: string }>> = {
  Battles: { en: 'Battles', ar: 'معارك' },
  'Explosions/Remote violence': { en: 'Explosions / remote violence', ar: 'تفجيرات وقصف عن بعد' },
  'Violence against civilians': { en: 'Violence against civilians', ar: 'عنف ضد المدنيين' },
  Protests: { en: 'Protests', ar: 'احتجاجات' },
  Riots: { en: 'Riots', ar: 'أعمال شغب' },
  'Strategic developments': { en: 'Strategic developments', ar: 'تطورات استراتيجية' },
};

/** One colour per ACLED type, the same in every chart. */
export const EVENT_TYPE_COLOURS: Readonly<Record<string, string>> = {
  Battles: '#d62728',
  'Explosions/Remote violence': '#ff7f0e',
  'Violence against civilians': '#9467bd',
  Protests: '#2ca02c',
  Riots: '#8c564b',
  'Strategic developments': '#1f77b4',
};
export const OTHER_COLOUR = '#7f7f7f';

export const eventTypeName = (type: string, lang: ChartLang): string => EVENT_TYPE_NAMES[type]?.[lang] ?? type;

// Months as written in Syria and Iraq (كانون الثاني …), and in English.
const MONTHS = {
  ar: ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
} as const;

/** A day (YYYY-MM-DD) written out: 4 Mar 2019 / ٤ آذار ٢٠١٩. */
export function dayLabel(day: string, lang: ChartLang): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return digitsOf(`${d} ${MONTHS[lang][m - 1]} ${y}`, lang);
}

/**
 * A period's label on the time axis: Mar 2019 / آذار ٢٠١٩ for a month, its Monday for a week, and a day
 * without its year (٢٥ شباط: a month of days on one axis, the year in the title).
 */
export function periodLabel(period: string, unit: PeriodUnit, lang: ChartLang): string {
  if (unit === 'week') return dayLabel(period, lang);
  if (unit === 'day') {
    const [, m, d] = period.split('-').map(Number) as [number, number, number];
    return digitsOf(`${d} ${MONTHS[lang][m - 1]}`, lang);
  }
  const [y, m] = period.split('-').map(Number) as [number, number];
  return digitsOf(`${MONTHS[lang][m - 1]} ${y}`, lang);
}

const WORDS = {
  en: {
    events: 'Events', killed: 'Killed', wounded: 'Wounded', reports: 'source reports', allEvents: 'all',
    day: 'per day', week: 'per week (from Monday)', month: 'per month', governorate: 'Events by governorate', district: 'Events by district',
    placeUnknown: 'place unknown', casualties: 'Killed and wounded', noEvents: 'no events', datesUnknown: 'dates unknown',
    undated: (n: string) => `${n} undated, not on the timeline`,
    otherAreas: (areas: string, events: string) => `${areas} more: ${events} events`,
    unknownArea: (events: string) => `place unknown: ${events} events`,
    districtUnknown: 'district not known', unknownDistrict: (events: string) => `in the governorate, district not known: ${events} events`,
    eventsFrom: (events: string, reports: string) => `${events} events from ${reports} source reports`,
    killedWounded: (k: string, w: string) => `${k} killed, ${w} wounded`,
    unmapped: (n: string) => `${n} events without a known place or outside the map are not shown`,
    sep: ' · ', list: ', ', range: (a: string, b: string) => (a === b ? a : `${a} – ${b}`),
  },
  ar: {
    events: 'الأحداث', killed: 'قتلى', wounded: 'جرحى', reports: 'تقارير مصدر', allEvents: 'الكل',
    day: 'يومياً', week: 'أسبوعياً (من الاثنين)', month: 'شهرياً', governorate: 'الأحداث حسب المحافظة', district: 'الأحداث حسب المنطقة',
    placeUnknown: 'مكان غير معروف', casualties: 'القتلى والجرحى', noEvents: 'لا أحداث', datesUnknown: 'تواريخ غير معروفة',
    undated: (n: string) => `بلا تاريخ، خارج الخط الزمني: ${n}`,
    otherAreas: (areas: string, events: string) => `غيرها (${areas}): ${events}`,
    unknownArea: (events: string) => `مكان غير معروف: ${events}`,
    districtUnknown: 'المنطقة غير محددة', unknownDistrict: (events: string) => `في المحافظة بلا منطقة محددة: ${events}`,
    // "label: number", so no word has to agree with the number.
    eventsFrom: (events: string, reports: string) => `الأحداث: ${events}، التقارير: ${reports}`,
    killedWounded: (k: string, w: string) => `القتلى: ${k}، الجرحى: ${w}`,
    unmapped: (n: string) => `بلا مكان معروف أو خارج الخريطة: ${n}`,
    // Not ' · ': beside Arabic-Indic digits a middle dot reads as a zero (٠).
    sep: ' | ', list: '، ', range: (a: string, b: string) => (a === b ? a : `${a} – ${b}`),
  },
} as const;

export const chartWords = (lang: ChartLang) => WORDS[lang];

/** What the query selects, in words: its places, event types, actors and words; or "all events". */
export function filterWords(stats: EventStats): string {
  const { lang } = stats;
  const f = stats.filter;
  const parts = [...f.events.map((e) => e[lang]), ...f.actors.map((a) => a[lang]), ...f.places.map((p) => p[lang]), ...f.terms];
  return parts.length > 0 ? parts.join(WORDS[lang].list) : stats.query.trim() || WORDS[lang].allEvents;
}

/** The days the chart covers: the selection's bounds where given, else its first and last dated event. */
export function periodWords(stats: EventStats): string {
  const from = stats.since ?? stats.totals.from;
  const to = stats.until ?? stats.totals.to;
  if (from === null || to === null) return stats.totals.events > 0 ? WORDS[stats.lang].datesUnknown : WORDS[stats.lang].noEvents;
  return WORDS[stats.lang].range(dayLabel(from, stats.lang), dayLabel(to, stats.lang));
}

/** The title: what was asked and when. */
export const chartTitle = (stats: EventStats): string => `${WORDS[stats.lang].events}: ${filterWords(stats)}${WORDS[stats.lang].sep}${periodWords(stats)}`;

/** A picture's caption (its title, then the summary line under it) and its alt text (the same in one line). */
export function pictureCaption(stats: EventStats, summary: string): { caption: string; alt: string } {
  const title = chartTitle(stats);
  return { caption: `${title}\n${summary}`, alt: `${title}. ${summary}` };
}

/** The summary line: events, source reports, killed and wounded, and the undated ones apart. */
export function chartCaption(stats: EventStats): string {
  const { lang, totals } = stats;
  const w = WORDS[lang];
  const n = (x: number) => formatNumber(x, lang);
  const parts = [w.eventsFrom(n(totals.events), n(totals.reports)), w.killedWounded(n(totals.killed), n(totals.wounded))];
  if (totals.undated.events > 0) parts.push(w.undated(n(totals.undated.events)));
  return parts.join(w.sep);
}

/** The map's caption: the summary line, and how many events are not drawn (no known place, or outside the map). */
export function mapCaption(stats: EventStats, drawn: number): string {
  const off = stats.totals.events - drawn;
  const w = WORDS[stats.lang];
  return off > 0 ? `${chartCaption(stats)}${w.sep}${w.unmapped(formatNumber(off, stats.lang))}` : chartCaption(stats);
}

/** A governorate's or district's name, or "place unknown" (by districts: "district not known", since the filter's governorate holds them). */
export const areaName = (area: { key: string | null; en: string | null; ar: string | null }, lang: ChartLang, level: EventStats['areaLevel'] = 'admin1'): string =>
  area.key === null ? (level === 'admin2' ? WORDS[lang].districtUnknown : WORDS[lang].placeUnknown) : (area[lang] ?? area.key);

/**
 * `rasid stats` without --png or --json: the title and summary lines, then a small table of the
 * periods that have events (events by type, killed, wounded) and one of the areas.
 */
export function statsText(stats: EventStats): string {
  const { lang } = stats;
  const w = WORDS[lang];
  const n = (x: number) => formatNumber(x, lang);
  const table = (head: string[], rows: string[][]) => {
    const widths = head.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
    return [head, ...rows].map((r) => r.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ').trimEnd());
  };
  const types = stats.eventTypes;
  const periodRows = stats.timeline.filter((p) => p.events > 0).map((p) => [periodLabel(p.period, stats.by, lang), n(p.events), ...types.map((t) => n(p.byType[t] ?? 0)), n(p.killed), n(p.wounded)]);
  const areaRows = stats.areas.map((a) => [areaName(a, lang, stats.areaLevel), n(a.events), n(a.killed), n(a.wounded)]);
  const sections = [
    [chartTitle(stats), chartCaption(stats)],
    periodRows.length > 0 ? table([w[stats.by], w.events, ...types.map((t) => eventTypeName(t, lang)), w.killed, w.wounded], periodRows) : [],
    areaRows.length > 0 ? table([stats.areaLevel === 'admin1' ? w.governorate : w.district, w.events, w.killed, w.wounded], areaRows) : [],
  ];
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n');
}
