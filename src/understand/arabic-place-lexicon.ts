// The Arabic place-name lexicon: gazetteer names plus curated aliases, well-known towns and stoplists.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { CORPUS_CLITIC_TRAPS, CORPUS_COMMON_NAMES } from './corpus-common-names.js';
import { cacheBesideGazetteer, isLandmark, LEVEL_RANK, loadGazetteer, type Gazetteer, type Place } from './gazetteer.js';
import { PhraseIndex, type PhraseEntry, type StoredPhraseIndex } from './phrase-index.js';
import { positionReader, readTables, writeTables } from './built-tables-cache.js';

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
  'قرقوش': 'IQG15Q03',
  'كوي سنجق': 'IQG11Q03',
  'كويه': 'IQG11Q03',
  'ولاية خراسان': 'AF',
  'بخديدا': 'IQG15Q03',
  // Sadr City, Baghdad's district of Al-Thawra.
  'مدينة الصدر': 'IQG08Q07',
  // Damascus's suburbs (جرمانا، حرستا، دوما) lie in Rural Damascus, as ACLED codes them.
  'ضواحي دمشق': 'SY03',
  'ضاحية دمشق': 'SY03',
  'ضواحي العاصمة دمشق': 'SY03',
  'ضواحي العاصمة السورية دمشق': 'SY03',
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
  'الطبقة': 'C8745',
  'دير حافر': 'C1240',
  'الدشيشة': 'C8041',
  'خان بني سعد': 'IQG10Q04N02',
  // Ariha written with a final ta marbuta (في بلدة أريحة), as some outlets spell it.
  'أريحة': 'C4278',
};

/**
 * Well-known names that are also ordinary words (الطبقة "the layer, the class"): they resolve as
 * WELL_KNOWN does but only count after a place cue, a preposition that is not followed by an
 * adjective (في الطبقة، not في الطبقة السياسية), or coordinated with a place of their governorate.
 */
const WELL_KNOWN_COMMON: readonly string[] = ['الطبقة'];

/**
 * Common-word district and sub-district names that also count after a preposition with no
 * adjective after them (في الباب، من القائم، في مسكنة، في دوما) or after a noun of a happening in construct
 * (هجمات دوما، معركة الباب), as WELL_KNOWN_COMMON names do. Not حديثة
 * (في حديثه "in his talk") nor بلد (في بلد عربي).
 */
const PREPOSITION_NAMES: readonly string[] = ['الطبقة', 'الباب', 'القائم', 'سلوك', 'عنة', 'زمار', 'مسكنة', 'دوما'];

/**
 * World names that are also ordinary Arabic words or personal names (مالي "financial", فارس
 * "knight", الخبر "the news", يزد "increase"): like common gazetteer names they need a place cue.
 */
const WORLD_COMMON_NAMES: readonly string[] = [
  'مالي', 'فارس', 'قم', 'وان', 'حجة', 'عمران', 'إب', 'أراك', 'يزد', 'همدان', 'إيلام', 'المحمرة',
  'السند', 'الخبر', 'جدة', 'حائل', 'الباحة', 'عسير', 'مسقط', 'بورصة', 'صور', 'سوسة', 'الكاف',
  'المرج', 'الخمس', 'سرت', 'المهرة', 'عتق', 'فاس', 'قنا', 'الغربية', 'الأقصر', 'الإسماعيلية',
  'مطروح', 'دهب', 'المنية', 'الجليل', 'النقب', 'العقبة', 'المفرق', 'قيصري', 'عثمانية', 'سروج',
  'كلس', 'سيرت', 'ليون', 'صوفيا', 'الأحمدي', 'غات', 'العند', 'جرش', 'البداوي', 'زنجبار', 'لحج',
  'شبام', 'السلط', 'الجوف', 'خيبر', 'مرسين', 'باكو', 'سبها', 'بلخ', 'نيس', 'برن', 'بنين', 'المجر', 'مشهد', 'موش', 'جزرة', 'معان', 'بريدة', 'السدرة',
  // Saudi border towns that are words too: the presenter, the ploughing, the tall ones.
  'العارضة', 'الحرث', 'الطوال',
];

/**
 * Names of countries and of the seats of governments that speak for them: they may stand for the
 * government (أعلنت بغداد، دمشق تدين), see `place-roles.ts`. Besides admin0 rows and rows marked
 * `capital`: Damascus, Baghdad and Erbil (the Kurdistan Region's government).
 */
const GOVERNMENT_SEAT_PCODES: readonly string[] = ['SY01', 'IQG08', 'IQG11'];

/** Names that are ordinary words, in addition to those derived from the corpus; they need a place cue. */
const CURATED_COMMON_NAMES: readonly string[] = [
  ...WORLD_COMMON_NAMES,
  'النصر', 'الثورة', 'الحرية', 'السلام', 'الخير', 'الجيش', 'الشعب', 'الأمل', 'المستقبل', 'المدينة',
  'العمر', 'الأمن', 'النور', 'الجديدة', 'الدولة', 'التحالف', 'القاعدة', 'الشهداء', 'الأحرار',
  'الشمال', 'الغرب', 'الجزيرة', 'الفرات', 'الحقل', 'دوما', 'التل', 'الكرامة', 'الخضر', 'الصور',
  'عنه', 'بلد', 'الجلاء', 'الحي', 'الدور', 'مشهد', 'كانون', 'نيسان', 'أيار',
  'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين', 'الحمام', 'الوادي', 'المركز', 'السد', 'الحدود',
  'الساحل', 'المعبر', 'ميادين', 'التبني', 'الثغر', 'الحمزة', 'الشافعية', 'الرشاد', 'زاويته', 'حديدة',
  'سبه',
];

/** Words that read as proclitic + a place name but are a word of their own (يا للهول; لعنة "a curse", not ل + عنة), besides the corpus-derived ones. */
const CURATED_CLITIC_TRAPS: readonly string[] = ['للهول', 'لعنة'];

/**
 * Names that never count as Syrian or Iraqi places: gazetteer communities named after
 * better-known places outside Syria and Iraq (الرياض، القدس، الحديدة), which resolve to the world
 * place instead when the world gazetteer has one; and adjectives that follow قرية / مدينة in
 * ordinary prose (قرية صغيرة، بلدة حدودية), which never count.
 */
const NEVER_PLACES: readonly string[] = [
  'الرياض', 'الحديدة', 'الخليل', 'القدس', 'الطائف', 'الأحساء', 'شقرة', 'الناصرة', 'رفح', 'جنين',
  'المتن', 'نجران', 'الدمام', 'الدوحة', 'القاهرة', 'الإسكندرية', 'تركيا', 'قطر', 'الجيزة',
  'الظهران', 'عنيزة', 'الدرعية', 'القريات', 'بيشة', 'الزرقاء', 'معان', 'صور', 'بني نعيم',
  'خان يونس', 'رام الله', 'عكاظ', 'سان', 'بيروت', 'طرابلس', 'عمان', 'صيدا', 'المنامة', 'سيناء',
  'الكويت', 'اليمن', 'مصر', 'ليبيا', 'تونس', 'المغرب', 'إيران', 'الأردن', 'غزة', 'عدن', 'كرمان',
  'سوسة', 'القيروان', 'حيفا', 'النبطية', 'المرج', 'الكفرة', 'صوفيا', 'همدان', 'أراك',
  'الإسماعيلية', 'الريحانية', 'أنطاكيا', 'الهرمل', 'شرم الشيخ', 'بئر العبد', 'إسكندرون', 'حران', 'سروج',
  'المهرة', 'فاس', 'مشهد', 'النوفلية', 'الرويشد',
  'صغيرة', 'كبيرة', 'جديدة', 'قديمة', 'نائية', 'مجاورة', 'حدودية', 'واحدة', 'أخرى', 'ريفية',
  'عراقية', 'تركية', 'كردية', 'عربية', 'مسيحية', 'سنية', 'شيعية', 'علوية', 'قريبة', 'بعيدة',
  'محاصرة', 'آمنة', 'علما',
];

/** Names whose Syrian or Iraqi sub-districts are too rare to ever stand against the world place (الرياض). */
const WORLD_ONLY: readonly string[] = ['الرياض'];

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
  // World names inside ordinary phrases: insisting on, the sunset prayer, a radius, the Maghreb.
  'مصر على', 'مصرة على', 'صلاة المغرب', 'بعد المغرب', 'قبل المغرب', 'أذان المغرب', 'وقت المغرب',
  'المغرب العربي', 'دول المغرب', 'نصف قطر', 'قطر الدائرة', 'جيش الإسلام', 'الدولة الإسلامية في ليبيا',
  // Continents and regions named after a country: not the country.
  'أمريكا الجنوبية', 'أميركا الجنوبية', 'أمريكا الشمالية', 'أميركا الشمالية', 'أمريكا اللاتينية',
  'أميركا اللاتينية', 'أمريكا الوسطى', 'أميركا الوسطى', 'شمال أفريقيا', 'شمال إفريقيا', 'جنوب آسيا',
  'بحر قزوين', 'الخليج العربي', 'البحر الأحمر', 'البحر المتوسط', 'بحر العرب', 'خليج عدن', 'مضيق هرمز',
];

/** Names whose first word is shorter than a proclitic reading may leave (وتل واسط، بأم قصر): indexed with proclitics too. */
const SHORT_FIRST_WORDS: ReadonlySet<string> = new Set(['تل', 'ام', 'اب'].map((w) => normalizeArabic(w)));
const SHORT_WORD_CLITICS: readonly string[] = ['و', 'ب', 'ف', 'ل', 'وب', 'ول', 'فب'];

/** Everything the Arabic place matcher needs, built once per gazetteer. */
export interface ArabicPlaceLexicon {
  readonly gazetteer: Gazetteer;
  /** Normalized names; the value is the name key into `candidates`. */
  readonly index: PhraseIndex<string>;
  readonly candidates: ReadonlyMap<string, readonly Place[]>;
  /** Names resolved directly to one place, counted without a cue. */
  readonly wellKnown: ReadonlyMap<string, Place>;
  /**
   * Names that are common words: they need a village or city cue. Also holds the multi-word world
   * and landmark names (المدينة المنورة، سجن غويران), whose words are mostly ordinary words that the
   * analyzer must keep stemming; those are listed in `cueExempt` and need no cue.
   */
  readonly common: ReadonlySet<string>;
  /** Names in `common` only to keep their words out of the protected names: matched as if not common. */
  readonly cueExempt: ReadonlySet<string>;
  /** Multi-word names that read like personal names. */
  readonly personLike: ReadonlySet<string>;
  readonly blockers: PhraseIndex<true>;
  /** Well-known names that are also common words (الطبقة): they count only with a cue or a preposition. */
  readonly commonWellKnown: ReadonlySet<string>;
  /** Common names that count after a preposition with no adjective after them (في الباب). */
  readonly prepositionNames: ReadonlySet<string>;
  /** Names that can stand for a government: countries and seats of government. */
  readonly governmentNames: ReadonlySet<string>;
  /** P-codes of countries and seats of government. */
  readonly governmentSeats: ReadonlySet<string>;
}

const normalizeName = (name: string): string => normalizeArabic(name).replace(/\s+/gu, ' ').trim();

let cached: ArabicPlaceLexicon | undefined;

/** The lexicon for the default gazetteer (memoized). */
export function arabicPlaceLexicon(): ArabicPlaceLexicon {
  cached ??= loadArabicPlaceLexicon(loadGazetteer());
  return cached;
}

/** The code the lexicon is built by: this module, the word lists and phrase index it reads, and the normalizer. */
const BUILDING_MODULES: readonly string[] = ['./arabic-place-lexicon', './corpus-common-names', './phrase-index', '../arabic/normalize-arabic', '../arabic/letters'];

/**
 * The lexicon read from its cache beside the gazetteer's (`data/cache/arabic-place-lexicon-js.bin`:
 * about 10 ms instead of 50-60 ms of building), or built and cached; built, uncached, for a gazetteer
 * that is not cached. The key covers the gazetteer's tables and the building code. Exported for tests;
 * `arabicPlaceLexicon()` gives the default gazetteer's.
 */
export function loadArabicPlaceLexicon(gazetteer: Gazetteer): ArabicPlaceLexicon {
  const cache = cacheBesideGazetteer(gazetteer, 'arabic-place-lexicon', import.meta.url, BUILDING_MODULES);
  const stored = cache === null ? null : fromStored(gazetteer, readTables(cache));
  if (stored) return stored;
  const lexicon = buildLexicon(gazetteer);
  if (cache !== null) writeTables(cache, toStored(gazetteer, lexicon));
  return lexicon;
}

/** The lexicon as cached: places by their position in `gazetteer.places` (which the key pins), phrase indexes by their contents. */
interface StoredLexicon {
  readonly index: StoredPhraseIndex<string>;
  readonly candidates: Map<string, number[]>;
  readonly wellKnown: Map<string, number>;
  readonly common: Set<string>;
  readonly cueExempt: Set<string>;
  readonly personLike: Set<string>;
  readonly blockers: StoredPhraseIndex<true>;
  readonly commonWellKnown: Set<string>;
  readonly prepositionNames: Set<string>;
  readonly governmentNames: Set<string>;
  readonly governmentSeats: Set<string>;
}

const SET_FIELDS = ['common', 'cueExempt', 'personLike', 'commonWellKnown', 'prepositionNames', 'governmentNames', 'governmentSeats'] as const;

function toStored(gazetteer: Gazetteer, lexicon: ArabicPlaceLexicon): StoredLexicon {
  const position = new Map(gazetteer.places.map((p, i) => [p, i]));
  const sets = Object.fromEntries(SET_FIELDS.map((field) => [field, new Set(lexicon[field])])) as Pick<StoredLexicon, (typeof SET_FIELDS)[number]>;
  return {
    ...sets,
    index: lexicon.index.stored(),
    blockers: lexicon.blockers.stored(),
    candidates: new Map([...lexicon.candidates].map(([name, places]) => [name, places.map((p) => position.get(p)!)])),
    wellKnown: new Map([...lexicon.wellKnown].map(([name, place]) => [name, position.get(place)!])),
  };
}

const isStoredIndex = (value: unknown): boolean => {
  const index = value as Partial<StoredPhraseIndex<unknown>> | null;
  return index !== null && typeof index === 'object' && index.byFirst instanceof Map && typeof index.clitics === 'boolean' && index.noClitics instanceof Set
    && [...index.byFirst.values()].every((list) => Array.isArray(list) && list.every((e) => Array.isArray((e as Partial<PhraseEntry<unknown>>)?.words)));
};

/** The lexicon from what the cache held; null when it is not a whole lexicon of this gazetteer. */
function fromStored(gazetteer: Gazetteer, value: unknown): ArabicPlaceLexicon | null {
  const stored = value as Partial<StoredLexicon> | null;
  if (stored === null || typeof stored !== 'object' || !(stored.candidates instanceof Map) || !(stored.wellKnown instanceof Map)
    || !SET_FIELDS.every((field) => stored[field] instanceof Set) || !isStoredIndex(stored.index) || !isStoredIndex(stored.blockers)) return null;
  const places = positionReader(gazetteer.places);
  const candidates = new Map<string, readonly Place[]>();
  for (const [name, list] of stored.candidates) {
    if (Array.isArray(list)) candidates.set(name, list.map(places.at));
    else places.spoil();
  }
  const wellKnown = new Map<string, Place>();
  for (const [name, i] of stored.wellKnown) wellKnown.set(name, places.at(i));
  if (!places.whole()) return null;
  const full = stored as StoredLexicon;
  return {
    gazetteer,
    index: PhraseIndex.fromStored(full.index),
    candidates,
    wellKnown,
    common: full.common,
    cueExempt: full.cueExempt,
    personLike: full.personLike,
    blockers: PhraseIndex.fromStored(full.blockers),
    commonWellKnown: full.commonWellKnown,
    prepositionNames: full.prepositionNames,
    governmentNames: full.governmentNames,
    governmentSeats: full.governmentSeats,
  };
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
  // Landmarks (سجن غويران، مطار حميميم) are well known by every name they carry.
  const landmarkNames: Record<string, string> = {};
  for (const [name, places] of gazetteer.byArabicName) {
    const landmark = places.find(isLandmark);
    if (landmark) landmarkNames[name] = landmark.pcode;
  }
  pin(landmarkNames, wellKnown);

  const personWords = new Set(PERSON_NAME_WORDS.map(normalizeName));
  const personLike = new Set<string>();
  for (const name of candidates.keys()) {
    const words = name.split(' ');
    if (words.length > 1 && words.some((w) => personWords.has(w))) personLike.add(name);
  }

  const commonWellKnown = new Set(WELL_KNOWN_COMMON.map(normalizeName));
  const common = new Set([...CORPUS_COMMON_NAMES, ...CURATED_COMMON_NAMES.map(normalizeName)]);
  for (const name of wellKnown.keys()) common.delete(name);
  // Famous places outside Syria and Iraq were common names only because the corpus rarely writes a
  // cue before them (القاهرة، الرياض، تركيا): as world places they count without one.
  for (const [name, places] of candidates) {
    if (places.some((p) => p.country !== 'SYR' && p.country !== 'IRQ' && !isLandmark(p))) common.delete(name);
  }
  for (const name of WORLD_COMMON_NAMES) common.add(normalizeName(name));
  for (const name of commonWellKnown) common.add(name);
  const cueExempt = new Set<string>();
  for (const [name, places] of candidates) {
    if (!name.includes(' ') || common.has(name)) continue;
    if (places.some((p) => isLandmark(p) || (p.country !== 'SYR' && p.country !== 'IRQ'))) {
      common.add(name);
      cueExempt.add(name);
    }
  }

  const never = new Set(NEVER_PLACES.map(normalizeName));
  const worldOnly = new Set(WORLD_ONLY.map(normalizeName));
  for (const name of never) {
    // A Syrian or Iraqi district or sub-district of the name stays a candidate (الجيزة in Daraa, القيروان
    // in Sinjar): the report's other places choose between it and the world place.
    const world = (candidates.get(name) ?? []).filter((p) =>
      (p.country !== 'SYR' && p.country !== 'IRQ') || (!worldOnly.has(name) && LEVEL_RANK[p.level] <= 3));
    if (world.some((p) => p.country !== 'SYR' && p.country !== 'IRQ')) candidates.set(name, world);
    else candidates.delete(name);
  }

  const governmentSeats = new Set(GOVERNMENT_SEAT_PCODES);
  for (const place of gazetteer.places) {
    if (place.level === 'admin0' || place.feature === 'capital') governmentSeats.add(place.pcode);
  }
  const governmentNames = new Set<string>();
  for (const [name, places] of candidates) if (places.some((p) => governmentSeats.has(p.pcode))) governmentNames.add(name);

  const entries = [...candidates.keys()].map((name) => ({ words: name.split(' '), value: name }));
  for (const entry of [...entries]) {
    if (entry.words.length < 2 || !SHORT_FIRST_WORDS.has(entry.words[0]!)) continue;
    for (const clitic of SHORT_WORD_CLITICS) entries.push({ words: [clitic + entry.words[0]!, ...entry.words.slice(1)], value: entry.value });
  }
  const index = new PhraseIndex(
    entries,
    { noClitics: new Set([...CORPUS_CLITIC_TRAPS, ...CURATED_CLITIC_TRAPS.map(normalizeName)]) },
  );
  const blockers = new PhraseIndex(
    BLOCKING_PHRASES.map((phrase) => ({ words: normalizeName(phrase).split(' '), value: true as const })),
  );
  return {
    gazetteer, index, candidates, wellKnown, common, cueExempt, personLike, blockers, commonWellKnown, governmentNames, governmentSeats,
    prepositionNames: new Set(PREPOSITION_NAMES.map(normalizeName)),
  };
}
