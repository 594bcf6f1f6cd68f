// Publication dates: parsed from metadata values, or read from a page's dateline, never guessed.
import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { MAX_YEAR, MIN_YEAR, expandYear, toIsoDate, toIsoTime } from './calendar-date.js';
import { readDateLine, type DateLine } from './find-date-mentions.js';
import { MONTH_NAMES } from './date-vocabulary.js';
import { edgeChromeKind } from './page-chrome.js';

/** A publication date read from the page text, with the line that shows it. */
export interface PublishedDate {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` (local, as printed) when the line has a clock time. */
  readonly date: string;
  readonly source: 'text';
  /** The line the date was read from. */
  readonly evidence: string;
}

/** The time a page was copied, shown by the site's header clock; not a publication date. */
export interface CaptureTime {
  readonly date: string;
  readonly source: 'capture';
  readonly evidence: string;
}

/** A dateline counts only among the first this many non-empty lines of the page (or before the body). */
const MAX_DATELINE_POSITION = 5;
/** Epoch numbers above this are milliseconds (1e11 s is the year 5138), below it seconds. */
const EPOCH_MS_THRESHOLD = 1e11;
const MS_PER_SECOND = 1000;
/** Largest real UTC offset in hours (UTC+14, Line Islands). */
const MAX_OFFSET_HOURS = 14;
const MINUTES_PER_HOUR = 60;

/** Labels that introduce the publication date: "تاريخ النشر: …", "نُشر في …", "Published on …". */
const PUBLISH_LABELS: readonly string[] = [
  'تاريخ النشر', 'تم النشر', 'نشر بتاريخ', 'نشر', 'نشرت', 'أضيف', 'published', 'posted', 'date published',
];
/** Labels that introduce an update date, used only when no publication date is shown. */
const UPDATE_LABELS: readonly string[] = [
  'آخر تحديث', 'تاريخ التحديث', 'تم التحديث', 'محدث', 'updated', 'last updated', 'modified',
];
/** Words that may sit between a label and its date: "نشر في", "published on". */
const LABEL_CONNECTORS = /^(?:في|بتاريخ|يوم|on|at)(?![\p{L}])/iu;
/** Label lines are split on these separators: "بقلم فلان | نشر في 24 فبراير 2022". */
const SEGMENT_SEPARATORS = /\s[|•·\-–—]\s|[|•·]/u;

/** RFC 822 zone names and their offsets. */
const RFC822_ZONES: Readonly<Record<string, string>> = {
  ut: 'Z', utc: 'Z', gmt: 'Z', z: 'Z',
  est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00',
  mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00',
};

/** ISO 8601 date, optionally with time and zone: 2022-02-24, 2015-07-21T02:51:32, …T02:51:32.5+03:00. */
const ISO_PATTERN =
  /^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<min>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$/iu;
/** RFC 822 / 1123 as in RSS: "Tue, 21 Jul 2015 02:51:32 GMT", "21 Jul 15 02:51 +0300". */
const RFC822_PATTERN =
  /^(?:[a-z]{3,9},?\s+)?(?<d>\d{1,2})\s+(?<mn>[a-z]{3,9})\.?\s+(?<y>\d{2}|\d{4})(?:\s+(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<zone>[a-z]{1,5}|[+-]\d{4}))?)?$/iu;

const LATIN_MONTHS: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.filter((m) => /^[a-z]+$/u.test(m.name)).map((m) => [m.name, m.month]),
);

/** "+03" / "+0300" / "+03:00" / "Z" → "+03:00" / "Z"; null when the offset is impossible. */
function normalizeOffset(zone: string): string | null {
  if (zone.toUpperCase() === 'Z') return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/u.exec(zone);
  if (m === null) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > MAX_OFFSET_HOURS || minutes >= MINUTES_PER_HOUR) return null;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

function combine(date: string | null, time: string | null, zone = ''): string | null {
  if (date === null) return null;
  return time === null ? date : `${date}T${time}${zone}`;
}

function parseIso(g: Record<string, string | undefined>): string | null {
  const date = toIsoDate(Number(g.y), Number(g.m), Number(g.d));
  if (g.h === undefined) return date;
  const time = toIsoTime(Number(g.h), Number(g.min), Number(g.s ?? '0'));
  if (time === null) return null;
  const zone = g.zone === undefined ? '' : normalizeOffset(g.zone);
  return zone === null ? null : combine(date, time, zone);
}

function parseRfc822(g: Record<string, string | undefined>): string | null {
  const month = LATIN_MONTHS.get((g.mn ?? '').toLowerCase());
  if (month === undefined) return null;
  const date = toIsoDate(expandYear(Number(g.y)), month, Number(g.d));
  if (g.h === undefined) return date;
  const time = toIsoTime(Number(g.h), Number(g.min), Number(g.s ?? '0'));
  if (time === null) return null;
  const rawZone = g.zone ?? '';
  // An unknown zone abbreviation is dropped rather than guessed: the time stays local.
  const zone = rawZone.startsWith('+') || rawZone.startsWith('-')
    ? normalizeOffset(rawZone)
    : (RFC822_ZONES[rawZone.toLowerCase()] ?? '');
  return zone === null ? null : combine(date, time, zone);
}

/**
 * Parses a metadata date into ISO 8601. Accepts ISO 8601 (kept in its own zone, or zone-less as
 * given: "2015-07-21T02:51:32"), RFC 822/1123 as in RSS, and dates written in words or digits
 * ("24 فبراير 2022", "24/02/2022", "٢٤/٠٢/٢٠٢٢"). Returns `YYYY-MM-DD` when no time is known, and null
 * for anything invalid (31/02, years outside 1990..2100) or unrecognised.
 * @example parseDate('Tue, 21 Jul 2015 02:51:32 GMT') === '2015-07-21T02:51:32Z'
 */
export function parseDate(s: string): string | null {
  const text = s.trim();
  if (text === '') return null;
  const iso = ISO_PATTERN.exec(text);
  if (iso !== null) return parseIso(iso.groups ?? {});
  const rfc = RFC822_PATTERN.exec(text);
  if (rfc !== null) return parseRfc822(rfc.groups ?? {});
  const line = readDateLine(text);
  return line === null ? null : combine(line.date, line.time);
}

function fromEpochMs(ms: number): string | null {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() < MIN_YEAR || d.getUTCFullYear() > MAX_YEAR) return null;
  const iso = d.toISOString().replace(/\.000Z$/u, 'Z');
  return iso.endsWith('T00:00:00Z') ? iso.slice(0, 'YYYY-MM-DD'.length) : iso;
}

/**
 * `parseDate` for any metadata value: strings, epoch numbers (seconds, or milliseconds when large)
 * and Date objects (as YAML front matter yields; UTC midnight becomes a date-only value).
 */
export function parseDateValue(value: unknown): string | null {
  if (typeof value === 'string') return parseDate(value);
  if (typeof value === 'number' && Number.isFinite(value)) {
    return fromEpochMs(value > EPOCH_MS_THRESHOLD ? value : value * MS_PER_SECOND);
  }
  if (value instanceof Date) return fromEpochMs(value.getTime());
  return null;
}

function pageLines(raw: string): string[] {
  return raw.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

const labelKeys = (labels: readonly string[]): string[] =>
  labels.map((l) => normalizeArabic(l).toLowerCase()).sort((a, b) => b.length - a.length);
const PUBLISH_KEYS = labelKeys(PUBLISH_LABELS);
const UPDATE_KEYS = labelKeys(UPDATE_LABELS);

/** The date of a "label: date" segment, when the segment is nothing but a known label and a date. */
function labelledDate(line: string, keys: readonly string[]): DateLine | null {
  for (const segment of line.split(SEGMENT_SEPARATORS)) {
    const norm = normalizeArabic(segment.trim()).toLowerCase();
    const label = keys.find((k) => norm.startsWith(k) && !/^\p{L}/u.test(norm.slice(k.length)));
    if (label === undefined) continue;
    const rest = norm.slice(label.length).replace(/^[\s:：\-–—]+/u, '').replace(LABEL_CONNECTORS, '');
    const found = readDateLine(rest.replace(/^[\s:：]+/u, ''));
    if (found !== null) return found;
  }
  return null;
}

function firstLabelled(lines: readonly string[], keys: readonly string[]): PublishedDate | null {
  for (const line of lines) {
    const found = labelledDate(line, keys);
    if (found !== null) return { date: combine(found.date, found.time) ?? found.date, source: 'text', evidence: line };
  }
  return null;
}

function isChrome(line: string | undefined): boolean {
  return line !== undefined && edgeChromeKind(line) !== null;
}

/** A clock dateline beside site chrome is the page's header clock: when it was copied. */
function isCaptureClock(lines: readonly string[], i: number, found: DateLine): boolean {
  return found.time !== null && (isChrome(lines[i - 1]) || isChrome(lines[i + 1]));
}

/** How many leading non-empty lines may hold a dateline: the first few, or all before the body. */
function headerLength(lines: readonly string[], cleaned?: { readonly body: string }): number {
  const firstParagraph = cleaned?.body.split('\n\n')[0]?.replace(/\s+/gu, ' ').trim();
  if (firstParagraph === undefined || firstParagraph === '') return MAX_DATELINE_POSITION;
  const at = lines.findIndex((l) => l.replace(/\s+/gu, ' ') === firstParagraph);
  return Math.max(MAX_DATELINE_POSITION, at);
}

/**
 * The publication date shown by the page text, or null. Only a date standing as a dateline counts:
 * a labelled date ("تاريخ النشر: …", "نُشر في …"; "آخر تحديث" only as a last resort) or a line that
 * is nothing but a date near the top. Dates inside sentences are event dates and are ignored, as
 * is a header clock beside site chrome (see `findCaptureTime`).
 * @param cleaned the page's `cleanPageText` result, which lets a dateline anywhere above the body count.
 */
export function findPublishedDate(raw: string, cleaned?: { readonly body: string }): PublishedDate | null {
  const lines = pageLines(raw);
  const published = firstLabelled(lines, PUBLISH_KEYS);
  if (published !== null) return published;
  const header = headerLength(lines, cleaned);
  for (let i = 0; i < Math.min(header, lines.length); i++) {
    const line = lines[i] ?? '';
    const found = readDateLine(line);
    if (found === null || isCaptureClock(lines, i, found)) continue;
    return { date: combine(found.date, found.time) ?? found.date, source: 'text', evidence: line };
  }
  return firstLabelled(lines, UPDATE_KEYS);
}

/**
 * The header clock of a copied page ("24 نوفمبر، 2024 4:13 ص" beside "Search"): when the page was
 * captured, as a local `YYYY-MM-DDTHH:MM:SS`. Null when the page has none.
 */
export function findCaptureTime(raw: string): CaptureTime | null {
  const lines = pageLines(raw);
  for (let i = 0; i < Math.min(MAX_DATELINE_POSITION, lines.length); i++) {
    const line = lines[i] ?? '';
    const found = readDateLine(line);
    if (found !== null && isCaptureClock(lines, i, found)) {
      return { date: combine(found.date, found.time) ?? found.date, source: 'capture', evidence: line };
    }
  }
  return null;
}
