// Whether a toll is a period's or a war's total (منذ بداية العام، خلال 10 أشهر، في الحرب), read around it in its sentence.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import type { MatchToken } from './match-tokens.js';

const set = (words: readonly string[]): ReadonlySet<string> => new Set(words.map(normalizeArabic));

/** Words opening a span of time: منذ، خلال، طيلة، طوال. */
const SINCE = set(['منذ', 'خلال', 'طيلة', 'طوال', 'مدى']);
/** What after منذ / خلال makes the span a period rather than a moment (منذ الصباح is not). */
const PERIOD_WORDS = set([
  'بداية', 'بدايه', 'بدء', 'مطلع', 'اندلاع', 'انطلاق', 'بدأت', 'اندلعت', 'انطلقت', 'عام', 'العام', 'الأعوام', 'أعوام',
  'عامين', 'سنة', 'السنة', 'سنوات', 'السنوات', 'سنتين', 'الشهر', 'شهر', 'أشهر', 'الأشهر', 'شهرين', 'شهور', 'الشهور',
  'الأسبوع', 'أسبوعين', 'أسابيع', 'الأسابيع', 'الحرب', 'الثورة', 'النزاع', 'الصراع', 'الأزمة', 'تأسيس', 'بدايات',
  'يناير', 'كانون', 'الفترة', 'فترة', 'المدة',
]);
/** Beginnings with a pronoun: منذ اندلاعها، منذ بدايته. */
const PERIOD_STEMS: readonly string[] = ['اندلاع', 'بداي', 'انطلاق', 'مطلع'].map(normalizeArabic);
/** Wars and conflicts a total is counted over: في الحرب، في النزاع. */
const WARS = set(['الحرب', 'النزاع', 'الصراع', 'الأزمة']);
const IN = normalizeArabic('في');
/** Words that call a figure a total: حصيلة شهرية، الحصيلة الإجمالية، إجمالي. */
const TOTAL_WORDS = set(['شهرية', 'الشهرية', 'سنوية', 'السنوية', 'الإجمالية', 'إجمالية', 'إجمالي', 'إجمالا', 'الإجمالي']);
const YEAR = /^(?:19|20)\p{Nd}{2}$/u;

/** How far from a toll, in words within its sentence, a period cue is read. */
const WINDOW = 16;
/** How far after منذ / خلال the period word may come (منذ بداية العام، خلال الأشهر العشرة). */
const REACH = 3;

/** True when the words at `k` open a period: منذ بداية العام، خلال 2017، خلال 10 أشهر، في الحرب. */
function periodAt(tokens: readonly MatchToken[], k: number, stop: number): boolean {
  const word = tokens[k]!.norm;
  if (TOTAL_WORDS.has(word)) return true;
  if (word === IN) {
    const next = tokens[k + 1];
    return next !== undefined && k + 1 < stop && WARS.has(next.norm);
  }
  if (!SINCE.has(word)) return false;
  for (let j = k + 1; j < Math.min(stop, k + 1 + REACH); j++) {
    const norm = tokens[j]!.norm;
    if (PERIOD_WORDS.has(norm) || YEAR.test(norm) || PERIOD_STEMS.some((s) => norm.startsWith(s))) return true;
  }
  return false;
}

/**
 * Whether the toll at tokens `[first, last)` is an aggregate: a period cue within WINDOW words
 * before or after it, not past the sentence bounds `[sentenceFirst, sentenceEnd)`.
 */
export function isAggregateToll(
  tokens: readonly MatchToken[], first: number, last: number, sentenceFirst: number, sentenceEnd: number,
): boolean {
  const from = Math.max(sentenceFirst, first - WINDOW);
  const to = Math.min(sentenceEnd, last + WINDOW);
  for (let k = from; k < to; k++) {
    if (k >= first && k < last) continue;
    if (periodAt(tokens, k, sentenceEnd)) return true;
  }
  return false;
}
