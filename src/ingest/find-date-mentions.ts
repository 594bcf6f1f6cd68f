// Finds calendar dates written in Arabic or Latin page text, and reads whole-line datelines.
import { normalizeWithOffsets, normalizeArabic } from '../arabic/normalize-arabic.js';
import { toIsoDate, toIsoTime } from './calendar-date.js';
import {
  DATELINE_FILLER_WORDS, EVENING_SUFFIXES, MONTH_NAMES, MORNING_SUFFIXES, WEEKDAY_NAMES,
} from './date-vocabulary.js';

/** A date found in text: the ISO day and where it was written. */
export interface DateMention {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** The date as written in the original text. */
  readonly text: string;
  /** Offsets of `text` in the original string. */
  readonly start: number;
  readonly end: number;
}

/** A line that holds nothing but a date, optionally with a weekday and a clock time. */
export interface DateLine {
  readonly date: string;
  /** `HH:MM:SS` when the line carries a clock time, else null. */
  readonly time: string | null;
  readonly line: string;
}

/** Noon: the hour added to afternoon clock times and wrapped for "12 ص". */
const NOON = 12;
/** A dateline is short; longer lines are sentences and are not scanned. */
const MAX_DATELINE_CHARS = 100;
/** A numeric "month" above this cannot be a month, so 02/24/2022 is read month-first. */
const MONTHS_PER_YEAR = 12;

function key(word: string): string {
  return normalizeArabic(word).toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Alternation of normalized spellings, longest first so "كانون الثاني" wins over shorter names. */
function alternation(words: readonly string[]): string {
  return [...new Set(words.map(key))]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegExp(w).replace(/ /g, '\\s+'))
    .join('|');
}

const MONTH_BY_KEY: ReadonlyMap<string, number> = new Map(MONTH_NAMES.map((m) => [key(m.name), m.month]));
const MONTH = `(?:${alternation(MONTH_NAMES.map((m) => m.name))})(?![\\p{L}])`;
/** "من" and "عام/سنة" may sit between day, month and year: "24 من شباط عام 2022". */
const MONTH_YEAR_GAP = String.raw`\s*[،,]?\s*(?:عام\s+|سنه\s+)?`;

/**
 * Date shapes, tried on normalized text (Eastern digits folded to 0-9). Each names its groups
 * `d`, `m` (number) or `mn` (month name), and `y`.
 */
const DATE_PATTERNS: readonly RegExp[] = [
  // 24 فبراير 2022 · 24 شباط/فبراير، 2022 · 24 من كانون الثاني عام 2022 · 24 Feb 2022
  new RegExp(
    String.raw`(?<!\d)(?<d>\d{1,2})\s*(?:من\s+)?(?<mn>${MONTH})(?:\s*[/(-]\s*${MONTH}\s*\)?)?${MONTH_YEAR_GAP}(?<y>\d{4})(?!\d)`,
    'giu',
  ),
  // February 24, 2022 · فبراير 24، 2022
  new RegExp(String.raw`(?<![\p{L}])(?<mn>${MONTH})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?${MONTH_YEAR_GAP}(?<y>\d{4})(?!\d)`, 'giu'),
  // 24/02/2022 · 24-02-2022 · 24.02.2022 (day first, as Arabic pages write it)
  /(?<![\d/.-])(?<d>\d{1,2})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<y>\d{4})(?!\d|[/.-]\d)/gu,
  // 2022-02-24 · 2022/02/24 · 2022.02.24
  /(?<![\d/.-])(?<y>\d{4})(?<sep>[/.-])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?!\d|[/.-]\d)/gu,
];

/** Day-first numeric dates whose "month" is over 12 are read month-first (02/24/2022) when that is valid. */
function isoFromParts(groups: Record<string, string | undefined>): string | null {
  const year = Number(groups.y);
  const day = Number(groups.d);
  if (groups.mn !== undefined) {
    const month = MONTH_BY_KEY.get(groups.mn.replace(/\s+/g, ' ').toLowerCase());
    return month === undefined ? null : toIsoDate(year, month, day);
  }
  const month = Number(groups.m);
  const dayFirst = toIsoDate(year, month, day);
  if (dayFirst !== null) return dayFirst;
  return month > MONTHS_PER_YEAR && groups.sep === '/' ? toIsoDate(year, day, month) : null;
}

/**
 * Every valid date written in `text`, in reading order. Invalid calendar days (31/02/2022) and
 * years outside 1990..2100 are skipped; a month and year without a day is not a date.
 * @example findDateMentions('في 23 آذار 2019 أعلن')[0].date === '2019-03-23'
 */
export function findDateMentions(text: string): DateMention[] {
  const norm = normalizeWithOffsets(text);
  const found: DateMention[] = [];
  const taken: boolean[] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const match of norm.text.matchAll(pattern)) {
      const startN = match.index;
      const endN = startN + match[0].length;
      if (taken.slice(startN, endN).some(Boolean)) continue;
      const date = isoFromParts(match.groups ?? {});
      if (date === null) continue;
      for (let i = startN; i < endN; i++) taken[i] = true;
      const start = norm.offsets[startN] ?? 0;
      const end = norm.offsets[endN] ?? text.length;
      found.push({ date, text: text.slice(start, end), start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const CLOCK = new RegExp(
  String.raw`(?<!\d)(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<suffix>${alternation([...MORNING_SUFFIXES, ...EVENING_SUFFIXES])}))?(?![\p{L}\d])`,
  'iu',
);
const MORNING = new Set(MORNING_SUFFIXES.map(key));
const EVENING = new Set(EVENING_SUFFIXES.map(key));
const FILLER = new RegExp(
  String.raw`(?<![\p{L}])(?:${alternation([...WEEKDAY_NAMES, ...DATELINE_FILLER_WORDS])})(?![\p{L}])`,
  'giu',
);
/** What may remain of a dateline once date, clock and filler words are gone: punctuation, spaces, a UTC offset. */
const DATELINE_REST = /^[\s\p{P}\p{S}]*(?:[+-]\d{2}:?\d{2})?[\s\p{P}\p{S}]*$/u;

function readClock(text: string): { time: string | null; rest: string } {
  const match = CLOCK.exec(text);
  if (match === null) return { time: null, rest: text };
  const g = match.groups ?? {};
  let hour = Number(g.h);
  const suffix = g.suffix === undefined ? undefined : key(g.suffix);
  if (suffix !== undefined && EVENING.has(suffix) && hour < NOON) hour += NOON;
  if (suffix !== undefined && MORNING.has(suffix) && hour === NOON) hour = 0;
  const time = toIsoTime(hour, Number(g.min), g.s === undefined ? 0 : Number(g.s));
  return { time, rest: text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length) };
}

/**
 * Reads a line that is only a date ("24/02/2022", "الخميس 24 فبراير 2022", "24 نوفمبر، 2024 4:13 ص"),
 * with an optional weekday, clock time and filler ("يوم", "الموافق", era "م"). A line where the date
 * sits inside a sentence returns null.
 */
export function readDateLine(line: string): DateLine | null {
  const trimmed = line.trim();
  if (trimmed.length > MAX_DATELINE_CHARS) return null;
  const mentions = findDateMentions(trimmed);
  const only = mentions[0];
  if (only === undefined || mentions.length !== 1) return null;
  const withoutDate = normalizeArabic(trimmed.slice(0, only.start) + ' ' + trimmed.slice(only.end));
  const { time, rest } = readClock(withoutDate);
  if (!DATELINE_REST.test(rest.replace(FILLER, ' '))) return null;
  return { date: only.date, time, line: trimmed };
}
