/** Finds time expressions in a query ("since 2022", "in 2019", "last month", "منذ 2022", "عام 2019") and turns them into a date range. */
import { foldDigits, normalizeArabic } from '../arabic/normalize-arabic.js';

/** An inclusive-exclusive range of ISO dates; either end may be open. */
export interface TimeRange {
  /** Reports published on or after this ISO date (YYYY-MM-DD). */
  readonly since: string | null;
  /** Reports published before this ISO date (YYYY-MM-DD). */
  readonly until: string | null;
}

export interface TimeMatch extends TimeRange {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

/** Years outside this window are not read as years ("10,000 fighters" is not a date). */
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

const YEAR = String.raw`((?:19|20|21)\d\d)`;

type Builder = (m: RegExpExecArray, now: Date) => TimeRange | null;

const ymd = (y: number, m = 1, d = 1): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
const yearOf = (s: string | undefined): number | null => {
  const y = Number(s);
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
};
const daysBefore = (now: Date, days: number): string => isoDay(new Date(now.getTime() - days * 86_400_000));

const sinceYear: Builder = (m) => {
  const y = yearOf(m[1]);
  return y === null ? null : { since: ymd(y), until: null };
};
const untilYear: Builder = (m) => {
  const y = yearOf(m[1]);
  return y === null ? null : { since: null, until: ymd(y) };
};
const inYear: Builder = (m) => {
  const y = yearOf(m[1]);
  return y === null ? null : { since: ymd(y), until: ymd(y + 1) };
};
const betweenYears: Builder = (m) => {
  const a = yearOf(m[1]);
  const b = yearOf(m[2]);
  return a === null || b === null || b < a ? null : { since: ymd(a), until: ymd(b + 1) };
};
const lastDays =
  (days: number): Builder =>
  (_m, now) => ({ since: daysBefore(now, days), until: null });
const pastN: Builder = (m, now) => {
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const per = unit.startsWith('day') ? 1 : unit.startsWith('week') ? 7 : unit.startsWith('month') ? 30 : 365;
  return n > 0 && n < 100 ? { since: daysBefore(now, n * per), until: null } : null;
};
const thisYear: Builder = (_m, now) => ({ since: ymd(now.getUTCFullYear()), until: null });

/**
 * The patterns, most specific first. English is matched case-insensitively; Arabic after
 * normalization (so منذ/عام/الماضي match with or without hamza and diacritics).
 */
const PATTERNS: ReadonlyArray<readonly [RegExp, Builder]> = [
  [new RegExp(String.raw`\b(?:between|from)\s+${YEAR}\s+(?:and|to|-|until)\s+${YEAR}\b`, 'iy'), betweenYears],
  [new RegExp(String.raw`\b${YEAR}\s*(?:-|–|to)\s*${YEAR}\b`, 'iy'), betweenYears],
  [new RegExp(String.raw`\b(?:since|after|from)\s+${YEAR}\b`, 'iy'), sinceYear],
  [new RegExp(String.raw`\b(?:before|until|till)\s+${YEAR}\b`, 'iy'), untilYear],
  [new RegExp(String.raw`\b(?:in|during)\s+${YEAR}\b`, 'iy'), inYear],
  [/\b(?:last|past)\s+(week|month|year)\b/iy, (m, now) => lastDays(m[1]!.toLowerCase() === 'week' ? 7 : m[1]!.toLowerCase() === 'month' ? 30 : 365)(m, now)],
  [/\b(?:last|past)\s+(\d{1,2})\s+(days?|weeks?|months?|years?)\b/iy, pastN],
  [/\bthis\s+year\b/iy, thisYear],
  [/\b(?:today)\b/iy, lastDays(1)],
  // Arabic (normalized: ة→ه, أ→ا, ى→ي).
  [new RegExp(String.raw`(?:بين|من)\s+(?:عام\s+|سنه\s+)?${YEAR}\s+(?:و|الي|حتي)\s*(?:عام\s+|سنه\s+)?${YEAR}`, 'y'), betweenYears],
  [new RegExp(String.raw`(?:منذ|بعد)\s+(?:عام\s+|سنه\s+|العام\s+)?${YEAR}`, 'y'), sinceYear],
  [new RegExp(String.raw`(?:قبل|حتي)\s+(?:عام\s+|سنه\s+)?${YEAR}`, 'y'), untilYear],
  [new RegExp(String.raw`(?:(?:في|خلال)\s+)?(?:عام|سنه|العام)\s+${YEAR}`, 'y'), inYear],
  [new RegExp(String.raw`(?:في|خلال)\s+${YEAR}`, 'y'), inYear],
  [/(?:الاسبوع|الاسابيع)\s+(?:الماضي|الاخير|الاخيره)/y, lastDays(7)],
  [/(?:الشهر)\s+(?:الماضي|الاخير)/y, lastDays(30)],
  [/(?:العام|السنه)\s+(?:الماضي|الماضيه|الاخير|الاخيره)/y, lastDays(365)],
  [/(?:هذا\s+العام|هذه\s+السنه|العام\s+الحالي|العام\s+الجاري)/y, thisYear],
  [/(?:اليوم)/y, lastDays(1)],
  // A bare year anywhere ("car bombs Deir ez-Zor 2019") means that year.
  [new RegExp(String.raw`\b${YEAR}\b`, 'y'), inYear],
];

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Does a word start at `i` (the character before is not a letter or digit)? */
function atWordStart(text: string, i: number): boolean {
  return i === 0 || !WORD_CHAR.test(text[i - 1]!);
}
/** Does a word end at `i` (the character at `i` is not a letter or digit)? */
function atWordEnd(text: string, i: number): boolean {
  return i >= text.length || !WORD_CHAR.test(text[i]!);
}

/**
 * Finds the time expressions in `query` (already NFKC-ed; this normalizes Arabic itself).
 * Spans are offsets into the normalized text returned alongside; callers cut them out.
 */
export function findTimeExpressions(query: string, now: Date): { text: string; matches: TimeMatch[] } {
  const text = normalizeArabic(foldDigits(query));
  const matches: TimeMatch[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!atWordStart(text, i)) continue;
    for (const [pattern, build] of PATTERNS) {
      pattern.lastIndex = i;
      const m = pattern.exec(text);
      if (m === null || !atWordEnd(text, i + m[0].length)) continue;
      const range = build(m, now);
      if (range === null) continue;
      matches.push({ ...range, start: i, end: i + m[0].length, surface: m[0] });
      i += m[0].length - 1;
      break;
    }
  }
  return { text, matches };
}

/** Intersects several ranges ("since 2018 ... before 2020"). */
export function combineRanges(ranges: readonly TimeRange[]): TimeRange {
  let since: string | null = null;
  let until: string | null = null;
  for (const r of ranges) {
    if (r.since !== null && (since === null || r.since > since)) since = r.since;
    if (r.until !== null && (until === null || r.until < until)) until = r.until;
  }
  return { since, until };
}
