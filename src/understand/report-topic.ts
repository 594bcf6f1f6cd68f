// Whether a report is ours (conflict and security in Syria, Iraq and the region, or jihadist groups anywhere) and whether it tells of an incident.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import type { ActorKey } from './actors.js';
import type { MatchToken } from './match-tokens.js';

/** Countries of the region (ISO alpha-2): news of conflict there is on topic. */
export const REGION_COUNTRIES: ReadonlySet<string> = new Set([
  'SY', 'IQ', 'TR', 'IR', 'LB', 'JO', 'SA', 'KW', 'EG', 'LY', 'YE', 'AF', 'IL', 'PS', 'QA', 'AE', 'BH', 'OM', 'DZ', 'TN', 'MA', 'SD', 'PK',
]);

/** Names of the region's countries and areas, in case the gazetteer does not know them. */
const REGION_WORDS: ReadonlySet<string> = new Set([
  'تركيا', 'إيران', 'لبنان', 'الأردن', 'السعودية', 'الكويت', 'مصر', 'سيناء', 'ليبيا', 'اليمن', 'أفغانستان', 'قطر',
  'الإمارات', 'البحرين', 'الخليج', 'فلسطين', 'غزة', 'إسرائيل', 'الجزائر', 'تونس', 'المغرب', 'السودان', 'العراق',
  'سوريا', 'سورية', 'باكستان', 'عمان', 'الشرق الأوسط', 'المملكة', 'الرياض', 'بيروت', 'طهران', 'أنقرة', 'إسطنبول',
  'القاهرة', 'صنعاء', 'عدن', 'الحديدة', 'الدوحة', 'أبوظبي', 'دبي', 'المنامة', 'مسقط', 'كابول', 'القطيف', 'الدمام', 'جدة',
  'مكة', 'عسير', 'الحوثي', 'الحوثيين', 'الفلسطينيين', 'الإسرائيلي', 'الإيراني', 'التركي', 'السعودية', 'العراقي', 'السوري',
].map(normalizeArabic));

/** Actors that make a report ours wherever it happens. */
export const JIHADIST: ReadonlySet<ActorKey> = new Set(['isis', 'al_qaeda', 'hts', 'taliban', 'boko_haram', 'al_shabaab']);

/** Actors that are states: named, they are a country (an election, a nuclear deal), not yet conflict. */
export const STATES: ReadonlySet<ActorKey> = new Set(['usa', 'russia', 'iran', 'turkey']);
const states = (actors: readonly ActorKey[]): number => actors.filter((a) => STATES.has(a)).length;

/** Words of the topics that are not ours: sport, economy, disasters, health, culture. */
const OFF_TOPIC_WORDS: ReadonlySet<string> = new Set([
  'مباراة', 'المباراة', 'الدوري', 'منتخب', 'المنتخب', 'كرة', 'هدف', 'اللاعب', 'لاعب', 'بطولة', 'البطولة', 'نادي', 'النادي',
  'أسعار', 'الأسعار', 'البورصة', 'الأسهم', 'برميل', 'الاقتصاد', 'الاقتصادي', 'التضخم', 'الدولار', 'الاستثمار', 'الشركة', 'الشركات',
  'زلزال', 'الزلزال', 'تسونامي', 'فيضانات', 'إعصار', 'الأمطار', 'الطقس', 'درجات الحرارة',
  'مرض', 'المرض', 'الصحة', 'فيروس', 'اللقاح', 'المستشفى', 'الفيلم', 'فيلم', 'المهرجان', 'الفنان', 'الفنانة', 'الأغنية',
  'الانتخابات', 'الناخبين', 'الانتخابات الرئاسية', 'الانتخابية', 'النووي', 'النووية', 'الليرة', 'العملة', 'صرف',
].map(normalizeArabic));

/** Words of conflict and security beyond the event lexicon. */
const CONFLICT_WORDS: ReadonlySet<string> = new Set([
  'الإرهاب', 'إرهابي', 'الإرهابي', 'إرهابية', 'الإرهابية', 'الإرهابيين', 'مسلحين', 'المسلحين', 'مسلح', 'الجيش', 'عسكري',
  'العسكرية', 'العسكري', 'الأمنية', 'الأمني', 'مقاتلين', 'المقاتلين', 'الحرب', 'النزاع', 'الصراع', 'الجهادي', 'الجهاديين',
  'المتطرفين', 'التنظيم', 'الميليشيات', 'ميليشيا', 'الفصائل', 'فصائل', 'النازحين', 'اللاجئين', 'المعتقلين', 'جنود', 'الجنود',
  'الشرطة', 'القوات', 'قوات', 'الأسلحة', 'سلاح',
  'الكيماوي', 'الكيماوية', 'الكيميائي', 'الكيميائية', 'الكلور', 'السارين', 'ضد الإنسانية', 'جرائم حرب', 'الإرهابيين',
  'حرب', 'حروب', 'الحروب', 'نزاعات', 'النزاعات', 'صراعات', 'الصراعات', 'الباليستية', 'الاحتلال', 'التوغل', 'عاصفة الحزم',
  'التطرف', 'المتطرفة', 'متطرفين', 'المتشددين', 'متشددين', 'المتشددة', 'التكفيرية', 'التكفيريين', 'التكفيري', 'الجهادية',
  'الإرهابيون', 'إرهاب', 'داعشي',
  // The war's refugees and aid, and its diplomacy: truces, ceasefires, the crisis and its settlement.
  'لاجئين', 'اللاجئات', 'لاجئات', 'النازحات', 'نازحين', 'المخيمات', 'مخيمات', 'الإغاثة', 'الإغاثية', 'إغاثية', 'الإغاثي',
  'هدنة', 'الهدنة', 'التهدئة', 'وقف إطلاق', 'وقف النار', 'الأزمة السورية', 'الأزمة اليمنية', 'الأزمة الليبية',
  'النظام السوري', 'المعارضة السورية', 'الانقلاب', 'الانقلابيين', 'المصالحة',
].map(normalizeArabic));

/** The lists as one table of flags, so each word is looked up once. */
const CONFLICT = 1;
const OFF_TOPIC = 2;
const REGION = 4;
const WORD_FLAGS: ReadonlyMap<string, number> = (() => {
  const flags = new Map<string, number>();
  const add = (words: ReadonlySet<string>, flag: number) => { for (const w of words) flags.set(w, (flags.get(w) ?? 0) | flag); };
  add(CONFLICT_WORDS, CONFLICT);
  add(OFF_TOPIC_WORDS, OFF_TOPIC);
  add(REGION_WORDS, REGION);
  return flags;
})();
/** First words of the two-word entries: only after one of them is the pair with the next word looked up. */
const PAIR_FIRST_WORDS: ReadonlySet<string> = new Set([...WORD_FLAGS.keys()].filter((w) => w.includes(' ')).map((w) => w.slice(0, w.indexOf(' '))));
/** The proclitics a listed word may carry: و ف ب ل. */
const PROCLITIC_CODES: ReadonlySet<number> = new Set(['و', 'ف', 'ب', 'ل'].map((c) => c.charCodeAt(0)));

type TopicCounts = { readonly conflict: number; readonly offTopic: number; readonly region: number };
/** Counts of token arrays already counted: the topic rules and the report model's features count the same ones. */
const counted = new WeakMap<readonly MatchToken[], TopicCounts>();

/** How many words of each list some tokens hold (a word with a proclitic و ف ب ل counts). */
export function topicCounts(tokens: readonly MatchToken[]): TopicCounts {
  let counts = counted.get(tokens);
  if (counts === undefined) counted.set(tokens, counts = countTopicWords(tokens));
  return counts;
}

function countTopicWords(tokens: readonly MatchToken[]): TopicCounts {
  let conflict = 0;
  let offTopic = 0;
  let region = 0;
  for (let k = 0; k < tokens.length; k++) {
    const w = tokens[k]!.norm;
    let flags = (WORD_FLAGS.get(w) ?? 0);
    if (PROCLITIC_CODES.has(w.charCodeAt(0))) flags |= WORD_FLAGS.get(w.slice(1)) ?? 0;
    // A pair (درجات الحرارة، الشرق الأوسط، جرائم حرب), with a proclitic too (ووقف إطلاق), counts like a word of its list.
    if (PAIR_FIRST_WORDS.has(w)) flags |= WORD_FLAGS.get(`${w} ${tokens[k + 1]?.norm ?? ''}`) ?? 0;
    else if (PROCLITIC_CODES.has(w.charCodeAt(0)) && PAIR_FIRST_WORDS.has(w.slice(1))) flags |= WORD_FLAGS.get(`${w.slice(1)} ${tokens[k + 1]?.norm ?? ''}`) ?? 0;
    if (flags & CONFLICT) conflict++;
    if (flags & OFF_TOPIC) offTopic++;
    if (flags & REGION) region++;
  }
  return { conflict, offTopic, region };
}

/** What the topic rules read of a report. */
export interface TopicSignals {
  /** Word tokens of the text. */
  readonly tokens: readonly MatchToken[];
  /** Word tokens of the title: its signals count twice. */
  readonly titleTokens: readonly MatchToken[];
  /** Actors named in the text, and in the title. */
  readonly actors: readonly ActorKey[];
  readonly titleActors: readonly ActorKey[];
  /** Event words of every status (threats and plans too: they are talk of conflict), in the text and in the title. */
  readonly eventWords: number;
  readonly titleEventWords: number;
  /** ISO alpha-2 codes of the countries of the places named as locations. */
  readonly countries: readonly string[];
}

/** Conflict signals a report needs at least. */
export const ON_TOPIC_MIN_SIGNALS = 3;
/** Conflict signals per hundred words a report needs: a passing mention in a long piece is not enough. */
export const ON_TOPIC_MIN_DENSITY = 3;
/** Mentions of jihadist groups that make a report ours wherever it is and however long. */
export const JIHADIST_MENTIONS = 3;

/**
 * On topic: a jihadist group named JIHADIST_MENTIONS times, with conflict signals at least half as
 * dense as below (a sermon that cites ISIS as an example is not ours); or the region named (a gazetteer place
 * in a region country, or a region word) with at least ON_TOPIC_MIN_SIGNALS signals of conflict
 * (actors, event words, conflict words; the title's count twice), ON_TOPIC_MIN_DENSITY per hundred
 * words, and more of them than words of sport, economy, disasters, health or culture.
 */
export function isOnTopic(s: TopicSignals): boolean {
  const body = topicCounts(s.tokens);
  const title = topicCounts(s.titleTokens);
  const jihadist = [...s.actors, ...s.titleActors].filter((a) => JIHADIST.has(a)).length;
  const signals = s.actors.length + s.eventWords + body.conflict + 2 * (s.titleActors.length + s.titleEventWords + title.conflict);
  const density = (100 * signals) / Math.max(1, s.tokens.length + s.titleTokens.length);
  if (jihadist >= JIHADIST_MENTIONS && density >= ON_TOPIC_MIN_DENSITY / 2) return true;
  // States named (an election, a nuclear deal, a spat) weigh nothing against words of other topics.
  const stateFree = signals - states(s.actors) - 2 * states(s.titleActors);
  if (signals < ON_TOPIC_MIN_SIGNALS || stateFree <= body.offTopic + title.offTopic) return false;
  if ((100 * signals) / Math.max(1, s.tokens.length + s.titleTokens.length) < ON_TOPIC_MIN_DENSITY) return false;
  return jihadist > 0 || body.region + title.region > 0 || s.countries.some((c) => REGION_COUNTRIES.has(c));
}
