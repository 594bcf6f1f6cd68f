// The Arabic place-name lexicon: gazetteer names plus curated aliases, well-known towns and stoplists.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { CORPUS_CLITIC_TRAPS, CORPUS_COMMON_NAMES } from './corpus-common-names.js';
import { loadGazetteer, type Gazetteer, type Place } from './gazetteer.js';
import { PhraseIndex } from './phrase-index.js';

/** Spellings the gazetteer lacks, each pointing to an existing P-code. */
const ARABIC_ALIASES: Readonly<Record<string, string>> = {
  'ديرالزور': 'SY09',
  'دير الزور': 'SY09',
  'ميادين': 'SY0903',
  'البو كمال': 'SY0902',
  'ابو كمال': 'SY0902',
  'تل عفر': 'IQG15Q08',
  'سوريا': 'SY',
  'سورية': 'SY',
  'العراق': 'IQ',
  'نينوى': 'IQG15',
  'كوباني': 'SY0206',
};

/**
 * Communities (and ambiguous sub-districts) well known from ISIS reporting, which count without
 * a place cue and resolve to the P-code given.
 */
const WELL_KNOWN: Readonly<Record<string, string>> = {
  'الباغوز': 'C6795',
  'الشحيل': 'C5119',
  'الشعفة': 'C5183',
  'السوسة': 'C5186',
  'القورية': 'C5207',
  'الكشكية': 'C8365',
  'غرانيج': 'C5173',
  'درنج': 'C5200',
  'الطيانة': 'C5197',
  'صبيخان': 'C5211',
  'المريعية': 'C5124',
  'دبلان': 'C5208',
  'أبو حمام': 'C5174',
  'حويجة صكر': 'C6531',
  'دابق': 'C1597',
  'تل براك': 'C4477',
  'عين عيسى': 'SY110202',
  'تل حميس': 'SY080201',
  'ذيبان': 'SY090301',
  'هجين': 'SY090201',
  'البصيرة': 'SY090102',
  'العشارة': 'SY090302',
  'الكسرة': 'SY090101',
  'خشام': 'SY090105',
  'الهول': 'SY080006',
  'الشدادي': 'SY080002',
  'مركدة': 'SY080003',
  'القريتين': 'SY040106',
  'السخنة': 'SY040501',
  'مهين': 'SY040107',
  'تل رفعت': 'SY020402',
  'مارع': 'SY020403',
};

/** Names that are ordinary words, in addition to those derived from the corpus; they need a place cue. */
const CURATED_COMMON_NAMES: readonly string[] = [
  'النصر', 'الثورة', 'الحرية', 'السلام', 'الخير', 'الجيش', 'الشعب', 'الأمل', 'المستقبل', 'المدينة',
  'العمر', 'الأمن', 'النور', 'الجديدة', 'الدولة', 'التحالف', 'القاعدة', 'الشهداء', 'الأحرار',
  'الشمال', 'الغرب', 'الجزيرة', 'الفرات', 'الحقل', 'دوما', 'التل', 'الكرامة', 'الخضر', 'الصور',
  'عنه', 'بلد', 'الجلاء', 'الحي', 'الدور', 'سوسة', 'الطبقة', 'مشهد', 'كانون', 'نيسان', 'أيار',
  'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين', 'الحمام', 'الوادي', 'المركز', 'السد', 'الحدود',
  'الساحل', 'المعبر', 'ميادين', 'التبني', 'الثغر', 'الحمزة', 'الشافعية', 'الرشاد', 'زاويته', 'حديدة',
  'سبه',
];

/** Words that read as proclitic + a place name but are a word of their own (يا للهول), besides the corpus-derived ones. */
const CURATED_CLITIC_TRAPS: readonly string[] = ['للهول'];

/**
 * Names that never count as places: gazetteer communities named after better-known places
 * outside Syria and Iraq (الرياض، القدس، الحديدة), and adjectives that follow قرية / مدينة in
 * ordinary prose (قرية صغيرة، بلدة حدودية).
 */
const NEVER_PLACES: readonly string[] = [
  'الرياض', 'الحديدة', 'الخليل', 'القدس', 'الطائف', 'الأحساء', 'شقرة', 'الناصرة', 'رفح', 'جنين',
  'المتن', 'نجران', 'الدمام', 'الدوحة', 'القاهرة', 'الإسكندرية', 'تركيا', 'قطر', 'الجيزة',
  'الظهران', 'عنيزة', 'الدرعية', 'القريات', 'بيشة', 'الزرقاء', 'معان', 'صور', 'بني نعيم',
  'خان يونس', 'رام الله', 'عكاظ', 'سان',
  'صغيرة', 'كبيرة', 'جديدة', 'قديمة', 'نائية', 'مجاورة', 'حدودية', 'واحدة', 'أخرى', 'ريفية',
  'عراقية', 'تركية', 'كردية', 'عربية', 'مسيحية', 'سنية', 'شيعية', 'علوية', 'قريبة', 'بعيدة',
  'محاصرة', 'آمنة', 'علما',
];

/**
 * Words that make a multi-word community name read like a person's name (أبو بكر، الشيخ أحمد،
 * حسن علي): such names need a place cue, like single-word community names.
 */
const PERSON_NAME_WORDS: readonly string[] = [
  'أبو', 'أم', 'ابن', 'الشيخ', 'شيخ', 'السيد', 'سيد', 'الحاج', 'حاج', 'محمد', 'علي', 'أحمد', 'حسن',
  'حسين', 'الله', 'يوسف', 'عمر', 'إبراهيم', 'خليل', 'سعد', 'عثمان', 'مصطفى', 'موسى', 'عبد',
  'الدين', 'خالد', 'صالح', 'سليمان', 'جمعة', 'سعيد', 'محمود', 'حمد', 'سالم', 'ناصر', 'نور',
  'الرحمن', 'العلي', 'العبد', 'حمود', 'عيسى',
];

/**
 * Phrases that contain a place name without being a mention of that place: actors named after
 * places (قوات سوريا الديمقراطية) and ISIS's own name.
 */
const BLOCKING_PHRASES: readonly string[] = [
  'سوريا الديمقراطية', 'سورية الديمقراطية', 'الدولة الإسلامية في العراق والشام',
  'الدولة الإسلامية في العراق وسوريا', 'الدولة الإسلامية في العراق', 'دولة العراق الإسلامية',
];

/** Everything the Arabic place matcher needs, built once per gazetteer. */
export interface ArabicPlaceLexicon {
  readonly gazetteer: Gazetteer;
  /** Normalized names; the value is the name key into `candidates`. */
  readonly index: PhraseIndex<string>;
  readonly candidates: ReadonlyMap<string, readonly Place[]>;
  /** Names resolved directly to one place, counted without a cue. */
  readonly wellKnown: ReadonlyMap<string, Place>;
  /** Names that are common words: they need a village or city cue. */
  readonly common: ReadonlySet<string>;
  /** Multi-word names that read like personal names. */
  readonly personLike: ReadonlySet<string>;
  readonly blockers: PhraseIndex<true>;
}

const normalizeName = (name: string): string => normalizeArabic(name).replace(/\s+/gu, ' ').trim();

let cached: ArabicPlaceLexicon | undefined;

/** The lexicon for the default gazetteer (memoized). */
export function arabicPlaceLexicon(): ArabicPlaceLexicon {
  cached ??= buildLexicon(loadGazetteer());
  return cached;
}

function buildLexicon(gazetteer: Gazetteer): ArabicPlaceLexicon {
  const candidates = new Map<string, readonly Place[]>(gazetteer.byArabicName);
  const pin = (table: Readonly<Record<string, string>>, into?: Map<string, Place>): void => {
    for (const [name, pcode] of Object.entries(table)) {
      const place = gazetteer.get(pcode);
      if (!place) throw new Error(`arabic-place-lexicon: unknown P-code ${pcode} for ${name}`);
      const key = normalizeName(name);
      const others = (candidates.get(key) ?? []).filter((p) => p.pcode !== pcode);
      candidates.set(key, [place, ...others]);
      into?.set(key, place);
    }
  };
  const wellKnown = new Map<string, Place>();
  pin(ARABIC_ALIASES);
  pin(WELL_KNOWN, wellKnown);

  const personWords = new Set(PERSON_NAME_WORDS.map(normalizeName));
  const personLike = new Set<string>();
  for (const name of candidates.keys()) {
    const words = name.split(' ');
    if (words.length > 1 && words.some((w) => personWords.has(w))) personLike.add(name);
  }

  const common = new Set([...CORPUS_COMMON_NAMES, ...CURATED_COMMON_NAMES.map(normalizeName)]);
  for (const name of wellKnown.keys()) common.delete(name);

  const never = new Set(NEVER_PLACES.map(normalizeName));
  for (const name of never) candidates.delete(name);

  const index = new PhraseIndex(
    [...candidates.keys()].map((name) => ({ words: name.split(' '), value: name })),
    { noClitics: new Set([...CORPUS_CLITIC_TRAPS, ...CURATED_CLITIC_TRAPS.map(normalizeName)]) },
  );
  const blockers = new PhraseIndex(
    BLOCKING_PHRASES.map((phrase) => ({ words: normalizeName(phrase).split(' '), value: true as const })),
  );
  return { gazetteer, index, candidates, wellKnown, common, personLike, blockers };
}
