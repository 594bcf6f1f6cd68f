// Calendar validation and ISO 8601 formatting for dates recognised in metadata or page text.

/** Earliest year accepted: the corpus covers reporting from the 1990s on; older years are misreads. */
export const MIN_YEAR = 1990;
/** Latest year accepted: anything later is a typo or a non-date number. */
export const MAX_YEAR = 2100;

const MONTHS_PER_YEAR = 12;
const HOURS_PER_DAY = 24;
const MINUTES_PER_HOUR = 60;
/** Seconds run 0..59; a leap second (60) is not expected in news metadata. */
const SECONDS_PER_MINUTE = 60;
/** Month lengths of a common year, January first; February gains a day in leap years. */
const DAYS_IN_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FEBRUARY = 2;
/** Gregorian leap rule: every 4th year, except centuries not divisible by 400. */
const LEAP_EVERY = 4;
const CENTURY = 100;
const LEAP_CENTURY_EVERY = 400;
/** Two-digit years (RFC 822) below this pivot are 20xx, the rest 19xx. */
const TWO_DIGIT_YEAR_PIVOT = 70;
const TWO_DIGITS = 100;
/** Centuries a two-digit year is placed in. */
const CENTURY_2000 = 2000;
const CENTURY_1900 = 1900;
/** Years are written with four digits. */
const YEAR_DIGITS = 4;

function isLeapYear(year: number): boolean {
  return (year % LEAP_EVERY === 0 && year % CENTURY !== 0) || year % LEAP_CENTURY_EVERY === 0;
}

function daysInMonth(year: number, month: number): number {
  const base = DAYS_IN_MONTH[month - 1] ?? 0;
  return month === FEBRUARY && isLeapYear(year) ? base + 1 : base;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Expands an RFC 822 two-digit year (`15` → 2015, `98` → 1998); four-digit years pass through. */
export function expandYear(year: number): number {
  if (year >= TWO_DIGITS) return year;
  return year < TWO_DIGIT_YEAR_PIVOT ? CENTURY_2000 + year : CENTURY_1900 + year;
}

/**
 * `YYYY-MM-DD` for a real calendar day between MIN_YEAR and MAX_YEAR, else null.
 * @example toIsoDate(2022, 2, 24) === '2022-02-24'; toIsoDate(2022, 2, 31) === null
 */
export function toIsoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (month < 1 || month > MONTHS_PER_YEAR) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, YEAR_DIGITS)}-${pad(month)}-${pad(day)}`;
}

/** `HH:MM:SS` for a valid clock time, else null. */
export function toIsoTime(hour: number, minute: number, second = 0): string | null {
  if (hour < 0 || hour >= HOURS_PER_DAY) return null;
  if (minute < 0 || minute >= MINUTES_PER_HOUR) return null;
  if (second < 0 || second >= SECONDS_PER_MINUTE) return null;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}
