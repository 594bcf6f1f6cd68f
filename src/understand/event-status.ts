// Whether an event word tells of an event that happened, or of one foiled, threatened, planned, demanded, denied, supposed or past.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { findWithoutConjunction } from './arabic-numbers.js';
import { MONTH_WORDS } from './casualty-words.js';
import { isDeathSentenceAt } from './death-sentence.js';
import { intoCampaignAt, spanAt } from './event-date.js';
import type { MatchToken } from './match-tokens.js';

/**
 * Whether an event word tells of something that happened: `occurred`; `disrupted` (defused, foiled,
 * intercepted: ACLED's Disrupted weapons use); or talk of one that did not happen here and now: a
 * `threat`, a `plan`, a `demand`, a `denial`, a `hypothetical`, `historical` (في عام 2014), or a court's
 * death sentence, `sentenced` (حكما بإعدام 12 مدانا: nobody has died yet, and ACLED codes no sentence).
 */
export type EventStatus = 'occurred' | 'disrupted' | 'threat' | 'plan' | 'demand' | 'denial' | 'hypothetical' | 'historical' | 'sentenced';

/** What the status reading knows of the report. */
export interface EventStatusOptions {
  /** The report's year: an event in an earlier year (عام 2017) is historical. */
  readonly publishedYear?: number;
}

type Governing = Exclude<EventStatus, 'occurred' | 'historical' | 'sentenced'>;

const words = (status: Governing, list: readonly string[]): [string, Governing][] =>
  list.map((w) => [normalizeArabic(w), status]);

/** Words that govern an event word after them in the clause (أحبطت هجوما، يهدد بشن هجمات، نفى وقوع هجوم). */
const GOVERNING: ReadonlyMap<string, Governing> = new Map([
  ...words('disrupted', [
    'تفكيك', 'فكك', 'فككت', 'يفكك', 'تفكك', 'إبطال', 'أبطل', 'أبطلت', 'إحباط', 'أحبط', 'أحبطت', 'أحبطوا', 'يحبط',
    'تحبط', 'ضبط', 'ضبطت', 'إسقاط', 'أسقط', 'أسقطت', 'أسقطوا', 'يسقط', 'اعتراض', 'اعترض', 'اعترضت', 'العثور',
    'عثر', 'عثرت', 'عثروا', 'وجد', 'وجدت', 'وجدوا', 'مصادرة', 'صادرت', 'إفشال', 'أفشل', 'أفشلت',
    // Prevented it (حالت انقسامات دون مواصلة عمليات الإجلاء).
    'حالت',
  ]),
  ...words('threat', [
    'هدد', 'يهدد', 'تهدد', 'هددت', 'هددوا', 'يهددون', 'تهديد', 'تهديدات', 'تهديدا', 'توعد', 'يتوعد', 'توعدت',
    'يتوعدون', 'وعيد', 'يلوح', 'لوح', 'لوحت',
  ]),
  ...words('plan', [
    'يخطط', 'يخططون', 'تخطط', 'خطط', 'خططوا', 'خططت', 'التخطيط', 'تخطيط', 'بالتخطيط', 'للتخطيط', 'مخطط', 'مخططا', 'مخططات', 'يعتزم',
    'يعتزمون', 'تعتزم', 'اعتزم', 'ينوي', 'ينوون', 'تنوي', 'نية', 'التحضير', 'تحضير', 'التحضيرات', 'تحضيرات', 'الاستعدادات', 'استعدادات', 'يحضر', 'يحضرون', 'الإعداد',
    'يعدون', 'تجهيز', 'يستعد', 'يستعدون', 'تستعد', 'الاستعداد', 'بصدد', 'سيشن', 'ستشن', 'سينفذ', 'ستنفذ',
    'يسعى', 'تسعى', 'ينوي', 'سيتم', 'ستتم', 'سوف',
    // Bracing for it, or setting out to resume it (تتأهب البصرة، تستعد ... لاستئناف المظاهرات): not yet.
    'تتأهب', 'يتأهب', 'يتأهبون', 'لاستئناف',
    // The future of the verbs that launch or deal a blow (ستطلق هجوما، سنضرب، ستوجه ضربة، سيخوض معركة).
    'ستطلق', 'سيطلق', 'سنطلق', 'ستبدأ', 'سيبدأ', 'سنبدأ', 'ستضرب', 'سيضرب', 'سنضرب', 'ستوجه', 'سيوجه', 'سنوجه',
    'ستقوم', 'سيقوم', 'سنقوم', 'سننفذ', 'سنشن', 'ستستهدف', 'سيستهدف', 'سنستهدف', 'ستخوض', 'سيخوض', 'سنخوض',
    'ستواصل', 'سيواصل', 'سنواصل',
    // A pledge (تتعهد بإسقاط الصواريخ، تعهد بالرد) is a plan.
    'تعهد', 'تعهدت', 'يتعهد', 'تتعهد', 'تعهدوا', 'يتعهدون',
  ]),
  ...words('demand', [
    'طالب', 'طالبت', 'يطالب', 'تطالب', 'يطالبون', 'طالبوا', 'مطالبة', 'المطالبة', 'مطالبات', 'مطالبين', 'مطالبا',
    // A call for an attack (دعا إلى قصف، دعوة لقصف) is no attack.
    'دعا', 'دعت', 'يدعو', 'تدعو', 'دعوا', 'يدعون', 'دعوة', 'دعوات', 'الدعوة', 'الدعوات',
  ]),
  ...words('denial', ['نفى', 'نفت', 'ينفي', 'تنفي', 'نفي', 'نفوا', 'ينفون', 'كذب', 'كذبت', 'تكذيب']),
  ...words('hypothetical', [
    'إذا', 'لو', 'احتمال', 'احتمالات', 'احتمالية', 'محتمل', 'محتملة', 'ربما', 'إمكانية', 'خشية', 'مخاوف', 'تخوف',
    'تخوفات', 'يخشى', 'تخشى', 'تحذير', 'تحذيرا', 'تحذيرات', 'حذر', 'حذرت', 'يحذر', 'تحذر', 'منع', 'لمنع', 'تجنب', 'لتجنب',
    'تفادي', 'لتفادي', 'قد', 'يمكن', 'استعدادا', 'تحسبا', 'التحسب',
    // Expected (يتوقع أن تكون ساحة المعركة الأخيرة): not yet.
    'يتوقع', 'تتوقع', 'متوقع', 'متوقعة', 'المتوقع', 'توقعات', 'يرجح', 'ترجح', 'مرجح',
    // Able to (ما يزال قادرا على شن هجمات كيميائية، قدرته على تنفيذ هجمات): a capability, not a happening.
    'قادر', 'قادرا', 'قادرة', 'قادرون', 'قادرين', 'القدرة', 'قدرة', 'قدرته', 'قدرتها', 'قدرات',
  ]),
]);
/** Adjectives after an event word that put it ahead: possible (محتمل) or coming (وشيك، مرتقب، المقبل). */
const AHEAD: ReadonlyMap<string, Governing> = new Map([
  ...['محتمل', 'محتملة', 'محتملا', 'المحتمل', 'المحتملة'].map((w) => [normalizeArabic(w), 'hypothetical'] as const),
  ...['وشيك', 'وشيكة', 'وشيكا', 'الوشيك', 'الوشيكة', 'مرتقب', 'مرتقبة', 'مرتقبا', 'المرتقب', 'المرتقبة', 'المقبل', 'المقبلة', 'مقبل', 'مقبلة']
    .map((w) => [normalizeArabic(w), 'plan'] as const),
]);

/** Two-word governing cues: في حال، في حالة، لا صحة، لم يقع. */
const GOVERNING_PAIRS: ReadonlyMap<string, Governing> = new Map(
  ([
    ['في حال', 'hypothetical'], ['في حالة', 'hypothetical'], ['لا صحة', 'denial'], ['لم يقع', 'denial'],
    ['لم تقع', 'denial'], ['لم يحدث', 'denial'], ['لم تشهد', 'denial'], ['لم يشهد', 'denial'], ['كان يعتزم', 'plan'],
    ['كانوا يعتزمون', 'plan'], ['كان ينوي', 'plan'], ['عار عن', 'denial'],
    // أنباء غير مؤكدة عن قيامه بتنفيذ حكم الإعدام: the text itself doubts it.
    ['غير مؤكدة', 'hypothetical'], ['غير مؤكد', 'hypothetical'],
    // On the brink of (على حافة الصدام، على شفا حرب): not yet.
    ['على حافة', 'hypothetical'], ['على شفا', 'hypothetical'],
  ] as const).map(([pair, status]) => [normalizeArabic(pair), status]),
);
/**
 * Repelling (تصدت لـ، بتصدي) is Disrupted weapons use when air defences do it (الدفاعات الجوية تصدت لهجوم صاروخي);
 * troops who repel an attack fight it (ACLED: a clash), so the word governs only beside an air-defence word.
 */
const REPELLED: ReadonlySet<string> = new Set(['تصدت', 'تصدى', 'تصدي', 'بتصدي', 'التصدي', 'يتصدى', 'تتصدى', 'وتصدت', 'وتصدى'].map(normalizeArabic));
const AIR_DEFENCE: ReadonlySet<string> = new Set(
  ['الدفاع', 'الدفاعات', 'دفاعات', 'المضادات', 'مضادات', 'منظومة', 'منظومات', 'المنظومة'].map(normalizeArabic),
);
const AIR_DEFENCE_REACH = 4;
/**
 * What shows or films a happening (فيديو يظهر القصف، مقطع يوثق الاشتباكات) refers to one told elsewhere; the clause
 * itself tells no new happening. Investigations are left to search: an inquiry into the Ankara bombing answers
 * "Ankara bombing" (with تحقيق here, dev nDCG@10 fell 0.796 → 0.790).
 */
const REFERRED: ReadonlySet<string> = new Set(
  [
    'فيديو', 'الفيديو', 'بالفيديو', 'مقطع', 'المقطع', 'مقاطع', 'شريط', 'الشريط', 'تسجيل', 'تسجيلا', 'لقطات', 'اللقطات',
    'الصور', 'صورا',
  ].map(normalizeArabic),
);
/**
 * Praise (أثنى على النجاح في ضبط خلايا، أشاد بتحرير المدينة) speaks of something done before: whatever it praises,
 * anywhere after it in its sentence, is referred to, not told.
 */
const PRAISE: ReadonlySet<string> = new Set(
  ['أثنى', 'أثنت', 'أثنوا', 'يثني', 'تثني', 'أشاد', 'أشادت', 'أشادوا', 'يشيد', 'تشيد', 'يشيدون', 'ثمن', 'ثمنت', 'يثمن', 'تثمن', 'هنأ', 'هنأت']
    .map(normalizeArabic),
);
/**
 * A trial (محاكمة المتهمين بتفجير المسجد، بتهمة تنفيذ هجوم، في قضية اغتيال الحريري) speaks of a happening before it: the guide codes trials
 * and charges as no incident, and the happening was told when it happened.
 */
const TRIAL: ReadonlySet<string> = new Set(
  [
    'محاكمة', 'المحاكمة', 'لمحاكمة', 'بمحاكمة', 'محكمة', 'المحكمة', 'المتهم', 'المتهمين', 'المتهمون', 'متهم', 'متهما', 'متهمين', 'متهمون', 'بتهمة', 'تهمة', 'بتهم', 'تهم',
    // The case of a happening before a court (في قضية اغتيال الحريري، بقضية اغتيال السادات).
    'قضية', 'القضية', 'بقضية', 'لقضية',
  ]
    .map(normalizeArabic),
);
const PAIR_FIRST: ReadonlySet<string> = new Set([...GOVERNING_PAIRS.keys()].map((pair) => pair.split(' ')[0]!));
const MAY = normalizeArabic('قد');
const AND_MAY = normalizeArabic('وقد');
const SO_MAY = normalizeArabic('فقد');
/** What a denial may deny of an event that happened: a part in it, a link to it, responsibility. */
const RESPONSIBILITY: readonly string[] = ['ضلوع', 'صله', 'علاق', 'تورط', 'مسؤولي', 'مسووليه', 'مسئولي', 'يد'].map(normalizeArabic);
const IF = normalizeArabic('إذا');
const WHAT = normalizeArabic('ما');
/** أي is "any" only right before the event word (أي هجوم); ولم تعلن أي جهة مسؤوليتها عن الهجوم is a real attack. */
const ANY = normalizeArabic('أي');
/** Imperfect verb prefixes: قد before them is "may" (قد يشن), before a past verb "indeed" (قد قتل). */
const IMPERFECT = /^[يتن]/u;

/** Words that put an event in the past of the report: آنذاك، سابقا، ذكرى. */
const PAST_WORDS: ReadonlySet<string> = new Set(
  ['آنذاك', 'حينذاك', 'حينها', 'وقتها', 'وقتذاك', 'ذكرى', 'الذكرى'].map(normalizeArabic),
);
/** "Earlier", said of the event word itself (هجوم سابق), not of a person near it (الرئيس السابق). */
const EARLIER: ReadonlySet<string> = new Set(['سابق', 'السابق', 'سابقة', 'السابقة', 'سابقين', 'السابقين'].map(normalizeArabic));
/** Spans before now: قبل سنوات، العام الماضي، السنوات الماضية. */
const PAST_SPANS: ReadonlySet<string> = new Set(
  ['سنوات', 'سنة', 'سنتين', 'عام', 'عامين', 'أعوام', 'أشهر', 'شهور', 'عقد', 'عقود'].map(normalizeArabic),
);
const FORMERLY = normalizeArabic('سابقا');
const FORMERLY_REACH = 3;
const BEFORE = normalizeArabic('قبل');
const LAST_YEARS: ReadonlySet<string> = new Set(
  ['العام', 'السنة', 'السنوات', 'الأعوام', 'العامين', 'الأشهر', 'الشهور', 'العقد', 'الشهر'].map(normalizeArabic),
);
const MONTHS: ReadonlySet<string> = new Set(MONTH_WORDS.map(normalizeArabic));
const LAST = /^الماضي/u;
const YEAR = /^(?:19|20)\p{Nd}{2}$/u;
const YEAR_CUES: ReadonlySet<string> = new Set(['عام', 'العام', 'سنة', 'في', 'منذ', 'خلال', 'ربيع', 'صيف', 'خريف', 'شتاء'].map(normalizeArabic));

/** ردا على الهجوم، بالرد على هجوم: the happening a response answers was told before; it is not the news. */
const RESPONSE: ReadonlySet<string> = new Set(['رد', 'ردا', 'الرد', 'بالرد', 'للرد', 'وردا', 'والرد'].map(normalizeArabic));
const ON = normalizeArabic('على');
/**
 * In preparation for it (استعدادا لتوجيه ضربات، تمهيدا لشن هجوم، تحضيرا لعملية): not yet. Only right before the word or
 * its verb: further on it prepares for something else (تمهيدا لمباشرة تحقيقاتها حول هجوم كيميائي).
 */
const PREPARATION: ReadonlySet<string> = new Set(['استعدادا', 'تمهيدا', 'تحضيرا', 'وتمهيدا', 'واستعدادا'].map(normalizeArabic));
/** انتقاما لتفجير، ثأرا لمقتل: what is avenged was told before; it is not the news. */
const REVENGE: ReadonlySet<string> = new Set(['انتقاما', 'ثأرا', 'انتقام', 'ثأر', 'للانتقام', 'للثأر'].map(normalizeArabic));
/** في ظل الحرب، في ظل المواجهات: the state of things a report is set against, not a happening it tells. */
const SHADOW = normalizeArabic('ظل');
const IN = normalizeArabic('في');

/** How many words before an event word a governing cue may stand (نفى مصدر أمني في الشرطة وقوع هجوم). */
const GOVERN_REACH = 7;
/** How many words either side of an event word a past-time cue may stand, within its sentence. */
const PAST_REACH = 10;
const SENTENCE_END = /[.!?؟\n]/u;
const CLAUSE_END = /[.!?؟\n،,؛;:]/u;

/** The break before token `k`: 2 a sentence, 1 a clause, 0 none. */
function breakBefore(text: string, tokens: readonly MatchToken[], k: number): number {
  if (k === 0 || !tokens[k]!.gap) return 0;
  const between = text.slice(tokens[k - 1]!.end, tokens[k]!.start);
  return SENTENCE_END.test(between) ? 2 : CLAUSE_END.test(between) ? 1 : 0;
}

const isGoverning = (w: string): boolean => w !== MAY && GOVERNING.has(w);
const isPastWord = (w: string): boolean => PAST_WORDS.has(w);

function governingAt(tokens: readonly MatchToken[], k: number): Governing | undefined {
  const token = tokens[k]!;
  const next = tokens[k + 1];
  if (next && !next.gap && PAIR_FIRST.has(token.norm)) {
    const pair = GOVERNING_PAIRS.get(`${token.norm} ${next.norm}`);
    if (pair) return pair;
  }
  // قد، وقد، فقد before an imperfect verb: may (وقد يؤدي إلى اشتباك); before a perfect one it happened (وقد أسفر).
  if (token.norm === MAY || token.norm === AND_MAY || token.norm === SO_MAY) return next && !next.gap && IMPERFECT.test(next.norm) ? 'hypothetical' : undefined;
  if (REPELLED.has(token.norm)) {
    const near = tokens.slice(Math.max(0, k - AIR_DEFENCE_REACH), k + 1 + AIR_DEFENCE_REACH);
    return near.some((t) => AIR_DEFENCE.has(t.norm)) ? 'disrupted' : undefined;
  }
  // ما إذا is "whether": ولم يوضح ما إذا كانت الغارة تمت بطائرة (the strike happened).
  if (token.norm === IF && k > 0 && tokens[k - 1]!.norm === WHAT) return undefined;
  const word = findWithoutConjunction(token.norm, isGoverning);
  return word === undefined ? undefined : GOVERNING.get(word);
}

/** True when token `k` dates a happening before the report: آنذاك، قبل سنوات، العام الماضي، في أكتوبر الماضي، عام 2014. */
function pastAt(tokens: readonly MatchToken[], k: number, options: EventStatusOptions): boolean {
  const word = tokens[k]!.norm;
  const next = tokens[k + 1]?.norm ?? '';
  const after = tokens[k + 2]?.norm ?? '';
  if (findWithoutConjunction(word, isPastWord) !== undefined) return true;
  if (word === BEFORE && (PAST_SPANS.has(next) || PAST_SPANS.has(after))) return true;
  if (LAST_YEARS.has(word) && LAST.test(next)) return true;
  if (MONTHS.has(word) && (LAST.test(next) || LAST.test(after))) return true;
  if (YEAR.test(word) && k > 0 && (YEAR_CUES.has(tokens[k - 1]!.norm) || MONTHS.has(tokens[k - 1]!.norm))) {
    return options.publishedYear === undefined || Number(word) < options.publishedYear;
  }
  return false;
}

/**
 * The status of the event word at tokens `[first, last)`: the nearest governing cue before it in
 * its clause (within GOVERN_REACH words), else `historical` when a past-time cue stands within
 * PAST_REACH words in its sentence; undefined (occurred) otherwise.
 */
export function eventStatusAt(
  text: string, tokens: readonly MatchToken[], first: number, last: number, options: EventStatusOptions = {},
): Exclude<EventStatus, 'occurred'> | undefined {
  if (first > 0 && tokens[first - 1]!.norm === ANY && !tokens[first]!.gap) return 'hypothetical';
  // An adjective right after the word that puts it ahead (هجوم وشيك، العملية المرتقبة، اشتباك محتمل).
  const after = tokens[last];
  if (after !== undefined && !after.gap) {
    const ahead = AHEAD.get(after.norm);
    if (ahead !== undefined) return ahead;
  }
  if (isDeathSentenceAt(tokens, first)) return 'sentenced';
  if (intoCampaignAt(tokens, first)) return 'historical';
  if (first > 1 && tokens[first - 1]!.norm === ON && RESPONSE.has(tokens[first - 2]!.norm)
    && breakBefore(text, tokens, first) === 0 && breakBefore(text, tokens, first - 1) === 0) return 'historical';
  if (first > 0 && REVENGE.has(tokens[first - 1]!.norm) && breakBefore(text, tokens, first) === 0) return 'historical';
  for (const k of [first - 1, first - 2]) {
    if (k >= 0 && PREPARATION.has(tokens[k]!.norm) && breakBefore(text, tokens, k + 1) === 0 && breakBefore(text, tokens, first) === 0) return 'plan';
  }
  // Praise (أشاد ... بأداء رجال الأمن إثر تفكيك خلايا، وإحباط هجمات) speaks of what was done before, to its sentence's end.
  for (let k = first - 1; k >= 0; k--) {
    if (breakBefore(text, tokens, k + 1) === 2) break;
    if (findWithoutConjunction(tokens[k]!.norm, (w) => PRAISE.has(w)) !== undefined) return 'historical';
  }
  for (let k = first - 1, stop = Math.max(0, first - GOVERN_REACH); k >= stop; k--) {
    if (breakBefore(text, tokens, k + 1) > 0) break;
    if (tokens[k]!.norm === SHADOW && k > 0 && tokens[k - 1]!.norm === IN && !tokens[k]!.gap) return 'historical';
    if (REFERRED.has(tokens[k]!.norm) || findWithoutConjunction(tokens[k]!.norm, (w) => TRIAL.has(w)) !== undefined) return 'historical';
    const status = governingAt(tokens, k);
    // نفت موسكو أي ضلوع في الهجوم: the attack happened; only a part in it is denied.
    if (status === 'denial' && tokens.slice(k + 1, first).some((t) => RESPONSIBILITY.some((r) => t.norm.startsWith(r)))) return undefined;
    // A disruption that is itself pledged, planned or denied (تتعهد بإسقاط الصواريخ) did not happen either.
    if (status === 'disrupted') {
      for (let j = k - 1; j >= stop; j--) {
        if (breakBefore(text, tokens, j + 1) > 0) break;
        const outer = governingAt(tokens, j);
        if (outer !== undefined && outer !== 'disrupted') return outer;
      }
    }
    if (status) return status;
  }
  for (let k = first - 1; k >= Math.max(0, first - PAST_REACH); k--) {
    if (breakBefore(text, tokens, k + 1) === 2) break;
    if (pastAt(tokens, k, options)) return 'historical';
  }
  // A span in the event word's own clause (أعدم ألفي شخص منذ سيطرته عليها، وشنت منذ ذلك الحين سلسلة غارات، قصفت
  // مرارا): a period's run of happenings or its total. A clause beside it (انفجار في الرقة، وقتل 300 منذ بداية العام)
  // keeps its happening.
  for (let k = first - 1; k >= Math.max(0, first - PAST_REACH); k--) {
    if (breakBefore(text, tokens, k + 1) > 0) break;
    if (spanAt(tokens, k)) return 'historical';
  }
  for (let k = last; k < Math.min(tokens.length, last + PAST_REACH); k++) {
    if (breakBefore(text, tokens, k) > 0) break;
    if (spanAt(tokens, k)) return 'historical';
  }
  if (last < tokens.length && !tokens[last]!.gap && EARLIER.has(tokens[last]!.norm)) return 'historical';
  // سابقا is "earlier" only close after the event word (هجوم شنه سابقا); elsewhere it is "former" (مدير سابقا).
  for (let k = last; k < Math.min(tokens.length, last + FORMERLY_REACH); k++) {
    if (breakBefore(text, tokens, k) > 0) break;
    if (tokens[k]!.norm === FORMERLY) return 'historical';
  }
  for (let k = last; k < Math.min(tokens.length, last + PAST_REACH); k++) {
    if (breakBefore(text, tokens, k) === 2) break;
    if (pastAt(tokens, k, options)) return 'historical';
  }
  return undefined;
}
