// Whether a toll is a period's or a war's total (منذ بداية العام، خلال 10 أشهر، في الحرب) or a sum over scattered
// happenings (في تفجيرات متفرقة), read around it in its sentence.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { MONTH_WORDS } from './casualty-words.js';
import { COMPARISON_REACH, FIRST_OR_MOST } from './event-date.js';
import type { MatchToken } from './match-tokens.js';

const set = (words: readonly string[]): ReadonlySet<string> => new Set(words.map(normalizeArabic));

/**
 * Words opening a span of time: منذ (since), خلال، طيلة، طوال (during); and a happening that lasted (الهجوم الذي
 * استمر لنحو أسبوع، معارك دامت أشهرا): a campaign whose toll is its days' total, not one event's.
 */
const SINCE = normalizeArabic('منذ');
const DURING = set(['خلال', 'طيلة', 'طوال', 'مدى', 'استمر', 'استمرت', 'واستمر', 'واستمرت', 'دام', 'دامت', 'غضون']);
/** What after منذ or خلال makes the span a period rather than a moment: a start, several units, a war. */
const PERIOD_WORDS = set([
  'بداية', 'بدايه', 'بدء', 'مطلع', 'اندلاع', 'انطلاق', 'الأعوام', 'أعوام', 'عامين', 'سنوات', 'السنوات', 'سنتين',
  'أشهر', 'الأشهر', 'شهرين', 'شهور', 'الشهور', 'أسبوعين', 'أسابيع', 'الأسابيع', 'الحرب', 'الثورة', 'النزاع', 'الصراع',
  'الأزمة', 'تأسيس', 'بدايات',
  // A campaign or an escalation (خلال حملة التصعيد الأخيرة، منذ بدء الحملة): its days' total.
  'حملة', 'الحملة', 'التصعيد',
  // A month as the start or the span (مقتل 223 حوثيا منذ إبريل، خلال شهر مارس).
  ...MONTH_WORDS,
]);
/** Verbs of beginning, a period only after منذ (منذ اندلعت الحرب), not after خلال (خلال الاشتباكات التي اندلعت). */
const BEGAN = set(['بدأت', 'بدأ', 'اندلعت', 'انطلقت']);
/** One unit of time: a period after خلال (خلال العام، خلال أسبوع من الغارات، خلال أيام، خلال 24 ساعة), a moment ago after منذ (منذ شهر، منذ أيام، منذ ساعات). */
const ONE_UNIT = set([
  'عام', 'العام', 'سنة', 'السنة', 'الشهر', 'شهر', 'الأسبوع', 'أسبوع', 'أيام', 'الأيام', 'الفترة', 'فترة', 'المدة', 'يناير', 'كانون',
  // After a number of eleven or more (خلال الـ11 عاما الماضية، خلال 40 يوما).
  'عاما', 'شهرا', 'يوما', 'أسبوعا',
  // خلال 24 ساعة، خلال الساعات الـ24 الماضية: a monitor's daily tally over many strikes.
  'ساعة', 'ساعات', 'الساعات',
]);
/**
 * After منذ only: a weekday (المعارك المستمرة منذ الأربعاء: several days' fighting in a Saturday report) and "then"
 * (أسفرت المعارك منذ ذلك الحين عن مقتل 86): a run of days, not one happening. منذ صباح اليوم is not among them, nor
 * a start hour (المعارك المتواصلة منذ فجر الجمعة: a battle told from when it began, one happening).
 */
const DAY = normalizeArabic('يوم');
const SINCE_ONLY = set(['الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'ذلك']);
/**
 * A toll over scattered happenings (قتل 30 في تفجيرات متفرقة، في سلسلة تفجيرات استهدفت مناطق مختلفة): the sum of
 * several events, each told on its own further on, not one event's toll. "Different" only after a word of places.
 */
const SCATTERED = set(['متفرقة', 'المتفرقة', 'متفرقه']);
const DIFFERENT = set(['مختلفة', 'المختلفة', 'متعددة', 'المتعددة']);
const PLACES = set(['مناطق', 'المناطق', 'أنحاء', 'مدن', 'المدن', 'محافظات', 'المحافظات', 'أماكن', 'الأماكن']);
/** Beginnings with a pronoun: منذ اندلاعها، منذ بدايته. */
const PERIOD_STEMS: readonly string[] = ['اندلاع', 'بداي', 'انطلاق', 'مطلع'].map(normalizeArabic);
/** Wars and conflicts a total is counted over, after the toll: قتل 500 ألف في الحرب. */
const WARS = set(['الحرب', 'النزاع', 'الصراع', 'الأزمة']);
/** A season as the span (لقي أكثر من 121 شخصا مصرعهم في ربيع العام الحالي), before or after the toll. */
const SEASONS = set(['ربيع', 'صيف', 'خريف', 'شتاء']);
const IN = normalizeArabic('في');
/**
 * Many operations told before the toll (نفذت عشرات العمليات الهجومية ... وأسفرت عن وقوع قتلى وجرحى): their sum. Not
 * strikes (شنت عشرات الغارات أسفرت عن مقتل 20): a day's raids on one place are one event.
 */
const MANY = set(['عشرات', 'العشرات', 'مئات', 'المئات']);
const OPERATIONS = set(['العمليات', 'عمليات', 'الهجمات', 'هجمات', 'الاعتداءات', 'اعتداءات']);
/** Words that call a figure a total: حصيلة شهرية، الحصيلة الإجمالية، إجمالي. */
const TOTAL_WORDS = set(['شهرية', 'الشهرية', 'سنوية', 'السنوية', 'الإجمالية', 'إجمالية', 'إجمالي', 'إجمالا', 'الإجمالي']);
const YEAR = /^(?:19|20)\p{Nd}{2}$/u;

/** How far from a toll, in words within its sentence, a period cue is read. */
const WINDOW = 16;
/** How far before a toll a word calling it a total (العدد الإجمالي) is read. */
const TOTAL_WINDOW = 28;
/** How far after منذ / خلال the period word may come (منذ بداية العام، خلال الأشهر العشرة). */
const REACH = 3;

/** True when the words at `k` open a period: منذ بداية العام، خلال 2017، خلال 10 أشهر، (after the toll) في الحرب. */
function periodAt(tokens: readonly MatchToken[], k: number, stop: number, afterToll: boolean): boolean {
  const word = tokens[k]!.norm;
  if (TOTAL_WORDS.has(word) || SCATTERED.has(word)) return true;
  if (DIFFERENT.has(word)) return k > 0 && PLACES.has(tokens[k - 1]!.norm);
  if (MANY.has(word)) return !afterToll && k + 1 < stop && OPERATIONS.has(tokens[k + 1]!.norm);
  if (word === IN) {
    const next = tokens[k + 1];
    if (next === undefined || k + 1 >= stop) return false;
    return SEASONS.has(next.norm) || (afterToll && WARS.has(next.norm));
  }
  const since = word === SINCE;
  if (!since && !DURING.has(word)) return false;
  // الهجوم الأعنف على البلدتين منذ نحو 3 سنوات: a comparison with the past, not the span of a total.
  if (since && tokens.slice(Math.max(0, k - COMPARISON_REACH), k).some((t) => FIRST_OR_MOST.has(t.norm))) return false;
  for (let j = k + 1; j < Math.min(stop, k + 1 + REACH); j++) {
    const norm = tokens[j]!.norm;
    if (PERIOD_WORDS.has(norm) || YEAR.test(norm) || PERIOD_STEMS.some((s) => norm.startsWith(s))) return true;
    if (since ? BEGAN.has(norm) : ONE_UNIT.has(norm)) return true;
    // منذ الأربعاء، منذ يوم الأربعاء، منذ ذلك الحين; منذ فجر الجمعة dates a battle from its start hour, one happening.
    if (since && SINCE_ONLY.has(norm) && (j === k + 1 || (j === k + 2 && tokens[k + 1]!.norm === DAY))) return true;
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
  // Inside the toll too: a tally's own words may hold its span (حصيلة القتلى منذ بدء التصعيد إلى 93).
  for (let k = from; k < to; k++) {
    if (periodAt(tokens, k, sentenceEnd, k >= last)) return true;
  }
  // A total named at the head of a long tally (ووصل العدد الإجمالي للذين قتلوا ... في مسيرات العودة الكبرى التي انطلقت
  // أواخر مارس الماضي على الحدود بين غزة وإسرائيل، إلى 119 قتيلا).
  for (let k = Math.max(sentenceFirst, first - TOTAL_WINDOW); k < from; k++) {
    if (TOTAL_WORDS.has(tokens[k]!.norm)) return true;
  }
  return false;
}
