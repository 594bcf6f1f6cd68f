// The day an event happened: the publication date moved by what the sentence says (أمس، ليل السبت، الثلاثاء الماضي).

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { MONTH_NAMES } from '../ingest/date-vocabulary.js';
import { matchTokens, type MatchToken } from './match-tokens.js';

/** ACLED's time precision: 1 the day is known, 2 the week, 3 the month. */
export type TimePrecision = 1 | 2 | 3;

export interface EventDate {
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly precision: TimePrecision;
}

const n = normalizeArabic;
/** Weekday names (normalized, with the article) → JavaScript day number (0 = Sunday). */
const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['الأحد', 0], ['الاثنين', 1], ['الإثنين', 1], ['الثلاثاء', 2], ['الأربعاء', 3], ['الخميس', 4], ['الجمعة', 5], ['السبت', 6],
].map(([w, d]) => [n(w as string), d as number]));
const YESTERDAY = new Set(['أمس', 'الأمس', 'البارحة'].map(n));
const TODAY = n('اليوم');
const FIRST = n('أول');
const LAST = new Set(['الماضي', 'الفائت', 'المنصرم'].map(n));
const LAST_NIGHT = new Set(['الليلة الماضية', 'ليلة أمس', 'الليلة الفائتة'].map(n));
/** Words that may stand right before اليوم and make it the calendar day (فجر اليوم), not "nowadays". */
const DAY_PARTS = new Set(['فجر', 'صباح', 'ظهر', 'عصر', 'مساء', 'ليل', 'ليلة', 'منتصف', 'يوم', 'حتى', 'صبيحة', 'ظهيرة'].map(n));
const WEEK_WORDS = new Set(['الأسبوع الماضي', 'الاسبوع الماضي'].map(n));

/** The date `days` days after an ISO date (negative: before). */
export function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last `weekday` on or before the publication day (strictly before when `strict`). */
function lastWeekday(published: string, weekday: number, strict: boolean): string {
  const day = new Date(`${published.slice(0, 10)}T00:00:00Z`).getUTCDay();
  let back = (day - weekday + 7) % 7;
  if (back === 0 && strict) back = 7;
  return shiftDate(published, -back);
}

/** The normalized word at token `k`, without a proclitic و / ف / ب / ل when the bare word is known. */
function word(tokens: readonly MatchToken[], k: number, known: (w: string) => boolean): string | null {
  const t = tokens[k];
  if (!t) return null;
  if (known(t.norm)) return t.norm;
  const bare = t.norm.slice(1);
  return /^[وفبل]/u.test(t.norm) && known(bare) ? bare : null;
}

/**
 * What a sentence says of when, relative to the publication date (YYYY-MM-DD or a full ISO time):
 * أمس the day before, أول أمس two days before, (فجر|صباح|...) اليوم the day itself, a weekday the
 * last such day on or before publication (strictly before with الماضي), الأسبوع الماضي the week
 * before (precision 2). Null when the sentence says nothing of when.
 * @example relativeEventDate('قتل ثلاثة أمس', '2018-06-24') // { date: '2018-06-23', precision: 1 }
 */
export function relativeEventDate(sentence: string, published: string): EventDate | null {
  const tokens = matchTokens(sentence);
  for (let k = 0; k < tokens.length; k++) {
    const pair = k + 1 < tokens.length ? `${tokens[k]!.norm} ${tokens[k + 1]!.norm}` : '';
    if (LAST_NIGHT.has(pair)) return { date: shiftDate(published, -1), precision: 1 };
    if (WEEK_WORDS.has(pair)) return { date: shiftDate(published, -7), precision: 2 };
    const yesterday = word(tokens, k, (w) => YESTERDAY.has(w));
    if (yesterday !== null) {
      const beforeYesterday = tokens[k - 1]?.norm === FIRST;
      return { date: shiftDate(published, beforeYesterday ? -2 : -1), precision: 1 };
    }
    const weekday = word(tokens, k, (w) => WEEKDAYS.has(w));
    // اعتبارا من الثلاثاء، ابتداء من الأحد: when something will start, not when anything happened.
    if (weekday !== null && k >= 2 && tokens[k - 1]!.norm === FROM_START && STARTING.has(tokens[k - 2]!.norm)) continue;
    if (weekday !== null) {
      const strict = LAST.has(tokens[k + 1]?.norm ?? '');
      return { date: lastWeekday(published, WEEKDAYS.get(weekday)!, strict), precision: 1 };
    }
    if (tokens[k]!.norm === TODAY && k > 0 && DAY_PARTS.has(tokens[k - 1]!.norm)) {
      return { date: published.slice(0, 10), precision: 1 };
    }
  }
  return null;
}

/** "Starting from" before a day (اعتبارا من الثلاثاء، ابتداء من الأحد، بدءا من). */
const STARTING = new Set(['اعتبارا', 'اعتباراً', 'ابتداء', 'ابتداءً', 'بدءا', 'بدءاً', 'اعتبار'].map(n));
const FROM_START = n('من');

/** Last words of month names and of periods (الشهر، العام): followed by الماضي they recall the past. */
const PAST_PERIODS: ReadonlySet<string> = new Set([
  ...MONTH_NAMES.filter((m) => /\p{Script=Arabic}/u.test(m.name)).map((m) => n(m.name).split(' ').at(-1)!),
  // كانون أول، تشرين ثاني: the two-word months are also written without the article.
  ...MONTH_NAMES.filter((m) => m.name.includes(' ')).map((m) => n(m.name).split(' ').at(-1)!.replace(/^ال/u, '')),
  ...['الشهر', 'العام', 'السنة', 'الأشهر', 'الشهور', 'الأعوام', 'الأسبوع', 'الأسابيع', 'السنوات', 'القرن'].map(n),
  // Two of them (خلال الأسبوعين الماضيين، في العامين الماضيين): not اليومين, two days being still the news.
  ...['الأسبوعين', 'الشهرين', 'العامين', 'السنتين'].map(n),
]);
/** A word between a period and الماضية that keeps it gone by (الأسابيع القليلة الماضية). */
const FEW = new Set(['القليلة', 'القليل'].map(n));
/** Spans after منذ that put a happening years or months back (منذ أربع سنوات، منذ عامين، منذ أشهر). */
/** Weeks, after قبل: a week or more ago. */
const WEEK_SPANS = new Set(['أسبوع', 'أسبوعين', 'أسابيع', 'أسبوعا'].map(n));
const LONG_SPANS = new Set(['سنوات', 'سنة', 'سنتين', 'عام', 'عامين', 'أعوام', 'أشهر', 'شهور', 'عقد', 'عقود', 'عقدين', 'شهرا', 'عاما'].map(n));
/**
 * Words before منذ that make the span a comparison, not a date: the first or the deadliest attack in
 * years (أول هجوم من نوعه منذ سنوات، الأعنف منذ 2014) is the news.
 */
export const FIRST_OR_MOST: ReadonlySet<string> = new Set(
  ['أول', 'الأول', 'الأولى', 'أعنف', 'الأعنف', 'أكبر', 'الأكبر', 'أسوأ', 'الأسوأ', 'الأكثر', 'الأشد', 'أشد', 'أخطر', 'الأخطر', 'الأدمى', 'أدمى']
    .map(n),
);
export const COMPARISON_REACH = 6;
/** Words before a year that date a happening in it (في 2014، من 1987 حتى 1990، بين 2014 و2017). */
const YEAR_CUES = new Set(['في', 'من', 'حتى', 'بين', 'إلى'].map(n));
/** Month names of one word, and the first word of two-word ones (تشرين الأول), with their month. */
const MONTH_OF: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.filter((m) => /\p{Script=Arabic}/u.test(m.name) && !m.name.includes(' ')).map((m) => [n(m.name), m.month]),
);
const MONTH_PAIR_OF: ReadonlyMap<string, number> = new Map(
  MONTH_NAMES.filter((m) => m.name.includes(' ')).map((m) => [n(m.name), m.month]),
);
/** A happening dated this many days or more before publication is history (the guide's "a week or more old"). */
export const HISTORY_DAYS = 7;

/** The month of a month name at token `k` (يوليو، تشرين الأول, with a proclitic), or undefined. */
function monthAt(tokens: readonly MatchToken[], k: number): number | undefined {
  const pair = k + 1 < tokens.length ? MONTH_PAIR_OF.get(`${tokens[k]!.norm} ${tokens[k + 1]!.norm}`) : undefined;
  if (pair !== undefined) return pair;
  const single = word(tokens, k, (w) => MONTH_OF.has(w));
  return single === null ? undefined : MONTH_OF.get(single);
}

/**
 * Whether tokens `k`, `k + 1` write a day of a month (في 20 يوليو، 12 أكتوبر/ تشرين الأول) at least HISTORY_DAYS
 * before publication; a month without a year is its last one on or before publication.
 */
function datedWeekOrMoreBack(tokens: readonly MatchToken[], k: number, published: string): boolean {
  const day = /^\p{Nd}{1,2}$/u.test(tokens[k]!.norm) ? Number(tokens[k]!.norm) : NaN;
  if (!(day >= 1 && day <= 31)) return false;
  const month = monthAt(tokens, k + 1);
  if (month === undefined) return false;
  const yearAfter = tokens.slice(k + 2, k + 5).map((t) => t.norm).find((w) => /^(19|20)\d\d$/u.test(w));
  return weekOrMoreBack(published, month, day, yearAfter !== undefined ? Number(yearAfter) : null);
}

/**
 * Whether a day of a month lies at least HISTORY_DAYS before publication; with no year written, the month is its last
 * one on or before publication.
 */
function weekOrMoreBack(published: string, month: number, day: number, year: number | null): boolean {
  const pubDay = Date.parse(`${published.slice(0, 10)}T00:00:00Z`);
  const publishedYear = Number(published.slice(0, 4));
  let at = Date.UTC(year ?? publishedYear, month - 1, day);
  if (year === null && at > pubDay) at = Date.UTC(publishedYear - 1, month - 1, day);
  return pubDay - at >= HISTORY_DAYS * 86_400_000;
}
/** Ordinal days, as a date is written in words (في السابع من الشهر الحالي، في العاشر من أبريل). */
const ORDINAL_DAYS: ReadonlyMap<string, number> = new Map([
  ['الأول', 1], ['الثاني', 2], ['الثالث', 3], ['الرابع', 4], ['الخامس', 5], ['السادس', 6], ['السابع', 7], ['الثامن', 8],
  ['التاسع', 9], ['العاشر', 10],
].map(([w, d]) => [n(w as string), d as number]));
const THIS_MONTH_WORDS = new Set(['الحالي', 'الجاري'].map(n));
/**
 * Whether tokens from `k` write an ordinal day of this month or of a named one (في السابع من الشهر الحالي، في العاشر
 * من أبريل) at least HISTORY_DAYS before publication.
 */
function ordinalDayWeekOrMoreBack(tokens: readonly MatchToken[], k: number, published: string): boolean {
  const day = ORDINAL_DAYS.get(tokens[k]!.norm);
  if (day === undefined || k === 0 || tokens[k - 1]!.norm !== IN_MONTH || tokens[k + 1]?.norm !== FROM) return false;
  const thisMonth = tokens[k + 2]?.norm === MONTH_WORD && THIS_MONTH_WORDS.has(tokens[k + 3]?.norm ?? '');
  const month = thisMonth ? Number(published.slice(5, 7)) : monthAt(tokens, k + 2);
  return month !== undefined && weekOrMoreBack(published, month, day, null);
}
const FROM = n('من');
const MONTH_WORD = n('الشهر');
const PAST_WORDS = new Set([...LAST, ...['الماضية', 'الفائتة', 'المنصرمة', 'الأخيرة', 'الأخير', 'الماضيين', 'الأخيرين', 'المنصرمين'].map(n)]);
const YEAR_WORDS = new Set(['عام', 'سنة', 'العام'].map(n));
const SINCE = n('منذ');
/**
 * Starts a span runs from after منذ (منذ بداية العام، منذ سيطرته عليها، منذ اندلاع الحرب، منذ ذلك الحين): what a clause
 * tells since one is a period's run of happenings or its total (أعدم أكثر من ألفي شخص منذ السيطرة عليها), not one happening.
 */
const SPAN_STARTS: readonly string[] = ['بداي', 'بدء', 'مطلع', 'اندلاع', 'انطلاق', 'سيطر', 'احتلال', 'تأسيس', 'سقوط', 'الحين'].map(n);
/** How far after منذ a start may stand (منذ ذلك الحين، منذ بدء العملية). */
const SPAN_REACH = 2;
/** بعد أسبوعين على بدء الغارات: "two weeks into" a campaign, whose happenings are its run, not one. */
const AFTER = n('بعد');
/** Time passing (بعد مضي، بعد مرور): with months or years, a look back at a happening. */
const PASSING = new Set(['مضي', 'مرور'].map(n));
const AGO = n('قبل');
const IN_MONTH = n('في');
/** الحرب العالمية الأولى / الثانية: a century back. */
const WAR_WORDS = new Set(['الحرب', 'الحربين', 'حرب'].map(n));
const WORLD = n('العالمية');
const DURATIONS = new Set(['يوم', 'يومين', 'أيام', 'أسبوع', 'أسبوعين', 'أسابيع', 'شهر', 'شهرين', 'أشهر', 'شهور', 'عام', 'عامين', 'أعوام', 'سنة', 'سنتين', 'سنوات'].map(n));
const INTO = new Set(['على', 'من'].map(n));
/** Spans of a week or more: a happening that long before the news is history (HISTORY_DAYS). */
const WEEKS_OR_MORE = new Set([...DURATIONS].filter((d) => !['يوم', 'يومين', 'أيام'].map(n).includes(d)));
/** How far after بعد its على or من may stand (بعد أسبوعين على، بعد ثلاثة أسابيع من، بعد نحو شهر على). */
const INTO_REACH = 4;
/** A habit, not a happening: قصفت إسرائيل مرارا أهدافا. */
const REPEATEDLY = new Set(['مرارا', 'تكرارا'].map(n));

/**
 * Whether token `k` opens a span of time or a habit: منذ with a start (منذ بداية العام، منذ سيطرته عليها، منذ ذلك
 * الحين), unless it compares (أول هجوم منذ سيطرة التنظيم is the news); or مرارا.
 */
export function spanAt(tokens: readonly MatchToken[], k: number): boolean {
  const w = tokens[k]!.norm;
  if (REPEATEDLY.has(w)) return true;
  if (w !== SINCE) return false;
  return tokens.slice(k + 1, k + 1 + SPAN_REACH).some((t) => SPAN_STARTS.some((s) => t.norm.startsWith(s)))
    && !tokens.slice(Math.max(0, k - COMPARISON_REACH), k).some((t) => FIRST_OR_MOST.has(t.norm));
}

/**
 * Whether the event word at token `first` names a campaign by its start, a time into it: بعد أسبوعين على بدء غارات
 * التحالف، بعد ثلاثة أشهر من انطلاق العملية. The campaign is a run of happenings, not one; a happening the clause
 * tells after it (بعد ثلاثة أشهر من انطلاق العملية قتل 5 جنود) is the news.
 */
export function intoCampaignAt(tokens: readonly MatchToken[], first: number): boolean {
  // بعد أسبوعين على بدء غارات: a time into a campaign; بعد أقل من شهرين من هجوم: a week or more after a happening,
  // which is history by the guide (بعد يومين من الهجوم is still the news).
  const campaign = first >= 3 && SPAN_STARTS.some((s) => tokens[first - 1]!.norm.startsWith(s)) && INTO.has(tokens[first - 2]!.norm);
  const into = campaign ? first - 2 : first >= 2 && INTO.has(tokens[first - 1]!.norm) ? first - 1 : -1;
  if (into < 0) return false;
  const spans = campaign ? DURATIONS : WEEKS_OR_MORE;
  let duration = false;
  for (let j = into - 1; j >= Math.max(0, into - INTO_REACH); j--) {
    const w = tokens[j]!.norm;
    if (spans.has(w)) duration = true;
    else if (w === AFTER) return duration;
  }
  return false;
}

/**
 * ويأتي القصف غداة ...، وجاء ذلك بعد ...: a sentence that sets the news after an earlier happening tells that
 * happening as context, however fresh (the guide: background, not a new event of this report).
 */
const COMES = new Set(['يأتي', 'ويأتي', 'تأتي', 'وتأتي', 'جاء', 'وجاء', 'جاءت', 'وجاءت'].map(n));
const AFTER_WORDS = new Set(['غداة', 'بعد', 'عقب', 'إثر', 'اثر'].map(n));
/** How far after the opening verb its "after" may stand (ويأتي هذا الهجوم الجديد بعد). */
const COMES_REACH = 4;
/** وكان ... قد، وكانت ... قد: the pluperfect a report recalls its background in, not the news it tells. */
const HAD = new Set(['وكان', 'وكانت', 'وكانوا', 'كان', 'كانت', 'كانوا'].map(n));
const ALREADY = n('قد');
/** How far after the opening كان its قد may stand (وكان سلاح الجو الإسرائيلي قد نفذ). */
const HAD_REACH = 8;
/** An imperfect verb of the third person (يستخدم، يسيطرون، يقاتل), within HABIT_REACH words of the opening كان. */
const IMPERFECT = /^ي(?!وم|ونيو|وليو|ناير|منى|ناي|زيد|هود|وسف|اسر|حيى)\p{L}{3,}$/u;
const NOT_VERBS = new Set(['يوما', 'يومين', 'يومي', 'يمني', 'يمنية', 'يمنيين', 'يهودي', 'يهودية', 'يونيو', 'يوليو', 'يناير'].map(n));
const HABIT_REACH = 4;
const FRESH_WORDS = new Set(['اليوم', 'أمس', 'الليلة', 'فجر', 'صباح', 'مساء', 'ليل', 'ليلة'].map(n));

/**
 * Whether a sentence tells of the past, not of the news: a month or a period gone by (في أكتوبر
 * الماضي، الشهر الماضي، العام الماضي، الأسابيع القليلة الماضية، ستينات القرن الماضي), a year before the publication
 * year (في عام 2014، في فبراير 2008، من 1987 حتى 1990), a day of a month a week or more before publication (في 20
 * يوليو), or منذ with a year or with years or months (منذ أربع سنوات; not after "the first" or "the deadliest":
 * الأعنف منذ 2014 is the news); or one that opens on the pluperfect (وكان الطيران قد قصف، وكانت الوزارة قد أعلنت), the background a report
 * recalls however recent, or on "it comes after" (ويأتي القصف غداة مقتل 9 مدنيين), the context it sets the news in. A
 * weekday gone by (الثلاثاء الماضي) is still the news.
 */
export function recallsThePast(sentence: string, published: string | null): boolean {
  const tokens = matchTokens(sentence);
  const year = published === null ? null : Number(published.slice(0, 4));
  if (tokens.length > 0 && HAD.has(tokens[0]!.norm) && tokens.slice(1, 1 + HAD_REACH).some((t) => t.norm === ALREADY)) return true;
  // وكان التنظيم يستخدم ... إبان معركة الرقة: كان with an imperfect verb tells what used to be, the background.
  // One that dates itself today or yesterday (وكان كبها يقود مركبة قتلت جنديين في وقت سابق اليوم) tells the news.
  if (tokens.length > 0 && HAD.has(tokens[0]!.norm) && tokens.slice(1, 1 + HABIT_REACH).some((t) => IMPERFECT.test(t.norm) && !NOT_VERBS.has(t.norm))
    && !tokens.some((t) => FRESH_WORDS.has(t.norm))) return true;
  if (tokens.length > 0 && COMES.has(tokens[0]!.norm) && tokens.slice(1, 1 + COMES_REACH).some((t) => AFTER_WORDS.has(t.norm))) return true;
  const started = startClauses(tokens);
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.norm;
    // The date of when something ongoing began (مسيرة العودة التي انطلقت في 30 مارس) dates that start, not the
    // sentence's news.
    if (started[k]) continue;
    if (PAST_WORDS.has(w) && k > 0 && PAST_PERIODS.has(tokens[k - 1]!.norm)) return true;
    // الأسابيع القليلة الماضية، الشهور القليلة الماضية.
    if (PAST_WORDS.has(w) && k > 1 && FEW.has(tokens[k - 1]!.norm) && PAST_PERIODS.has(tokens[k - 2]!.norm)) return true;
    const next = tokens[k + 1]?.norm ?? '';
    const compared = () => tokens.slice(Math.max(0, k - COMPARISON_REACH), k).some((t) => FIRST_OR_MOST.has(t.norm));
    if (/^(19|20)\d\d$/u.test(next)) {
      const written = Number(next);
      // عام 2014، في فبراير 2008، من 1987 حتى 1990: a year, or a month of a year, before the publication year.
      if ((YEAR_WORDS.has(w) || PAST_PERIODS.has(w) || YEAR_CUES.has(w)) && year !== null && written < year) return true;
      if (w === SINCE && !compared()) return true;
    }
    // منذ أربع سنوات، منذ عامين: years or months back.
    if (w === SINCE && (LONG_SPANS.has(next) || LONG_SPANS.has(tokens[k + 2]?.norm ?? '')) && !compared()) return true;
    // قبل عامين، قبل أربع سنوات: years or months ago.
    if (w === AGO && (LONG_SPANS.has(next) || LONG_SPANS.has(tokens[k + 2]?.norm ?? ''))) return true;
    // قبل أسبوعين، قبل ثلاثة أسابيع: weeks ago, a week or more back as a dated day is; not "two weeks before" something
    // (قبل أسبوعين من الانتخابات).
    if (w === AGO) {
      const span = WEEK_SPANS.has(next) ? k + 1 : WEEK_SPANS.has(tokens[k + 2]?.norm ?? '') ? k + 2 : -1;
      if (span > 0 && tokens[span + 1]?.norm !== FROM) return true;
    }
    // وبعد مضي 19 شهرا على محاولة الانقلاب: months or years gone by since a happening, a look back (the happening's
    // toll, الذي سقط فيه 240 قتيلا, is history, and what was done since is a total).
    if (w.replace(/^و(?=..)/u, '') === AFTER && PASSING.has(next)
      && tokens.slice(k + 2, k + 5).some((t, j) => LONG_SPANS.has(t.norm) && INTO.has(tokens[k + 3 + j]?.norm ?? ''))) return true;
    if (published !== null && k + 1 < tokens.length && datedWeekOrMoreBack(tokens, k, published)) return true;
    if (published !== null && ordinalDayWeekOrMoreBack(tokens, k, published)) return true;
    if (published !== null && w === IN_MONTH && earlierMonth(tokens, k + 1, published)) return true;
    // الحرب العالمية الأولى / الثانية: a century back.
    if (WAR_WORDS.has(w) && next === WORLD) return true;
  }
  return false;
}

/** Relative pronouns, and verbs of something beginning: التي انطلقت، الذي اندلع، التي تأسست. */
const RELATIVES = new Set(['التي', 'الذي', 'اللذين', 'اللتين', 'الذين', 'اللذان', 'اللتان'].map(n));
const BEGAN_VERBS = new Set(['انطلقت', 'انطلق', 'بدأت', 'بدأ', 'اندلعت', 'اندلع', 'تأسست', 'تأسس', 'تشكلت', 'تشكل'].map(n));
/** How far a begun clause runs after its verb (الاحتجاجات التي اندلعت في المدينة منذ مطلع يوليو الماضي). */
const BEGAN_REACH = 8;

/** Which tokens lie in a clause telling when something began (التي انطلقت في 30 مارس 2018), up to its next punctuation. */
function startClauses(tokens: readonly MatchToken[]): boolean[] {
  const marked = new Array<boolean>(tokens.length).fill(false);
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (!RELATIVES.has(tokens[k]!.norm) || !BEGAN_VERBS.has(tokens[k + 1]!.norm) || tokens[k + 1]!.gap) continue;
    for (let j = k + 1; j < tokens.length && j <= k + 1 + BEGAN_REACH; j++) {
      if (j > k + 1 && tokens[j]!.gap) break;
      marked[j] = true;
    }
  }
  return marked;
}

/**
 * A month named with no day (في حزيران/ يونيو، في آذار) before the publication's month of the same year: a happening
 * of an earlier month. A later month (في ديسمبر, written in July) is a date to come, and a year after it is read above.
 */
function earlierMonth(tokens: readonly MatchToken[], at: number, published: string): boolean {
  const month = MONTH_OF.get(tokens[at]?.norm ?? '');
  if (month === undefined) return false;
  const after = tokens[at + 1]?.norm ?? '';
  if (/^(19|20)\d\d$/u.test(after) && Number(after) !== Number(published.slice(0, 4))) return false;
  return month < Number(published.slice(5, 7));
}
