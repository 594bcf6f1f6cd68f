// The words casualty reports are written with: triggers (مقتل، قتلى، قتلوا، لقي حتفه), victims (مدنيين، عنصرين), and non-person units.

import { normalizeArabic } from '../arabic/normalize-arabic.js';

const DEFINITE = normalizeArabic('ال');

/** What happened to the people counted; `casualties` is killed and wounded together (66 قتيلا وجريحا). */
export type CasualtyKind = 'killed' | 'wounded' | 'casualties' | 'abducted' | 'captured';
/** Who they were, when the text says. */
export type CasualtyGroup = 'civilians' | 'fighters' | 'children' | 'women' | 'people';

/**
 * How a trigger takes its number: `forward`, a verbal noun or passive verb with the number after
 * (مقتل 10، أصيب 5); `plural`, a plural or dual noun with the number before (5 قتلى، قتيلين);
 * `subject`, a verb whose subject came before (12 سوريا قتلوا); `perish`, لقي ... حتفه.
 */
export type TriggerForm = 'forward' | 'plural' | 'subject' | 'perish';

export interface Trigger {
  readonly kind: CasualtyKind;
  readonly form: TriggerForm;
  /** A dual noun's own count (قتيلين = 2). */
  readonly count?: number;
}

/** Execution words that take their count after them, across the executioner (أعدم تنظيم داعش ثلاثة شبان). */
export const EXECUTION_WORDS: readonly string[] = ['إعدام', 'الإعدام', 'أعدم', 'أعدمت'];

/** Rows of the trigger table; plural nouns of the dead and wounded also with the article (القتلى، الجرحى). */
const rows = (kind: CasualtyKind, form: TriggerForm, words: readonly string[], extra: Partial<Trigger> = {}): [string, Trigger][] =>
  words.flatMap((w) => {
    const norm = normalizeArabic(w);
    const withArticle = form === 'plural' && (kind === 'killed' || kind === 'wounded') && !norm.startsWith(DEFINITE);
    const forms = withArticle ? [norm, DEFINITE + norm] : [norm];
    return forms.map((f): [string, Trigger] => [f, { kind, form, ...extra }]);
  });

/** Words that report casualties. */
export const TRIGGERS: ReadonlyMap<string, Trigger> = new Map([
  ...rows('killed', 'forward', ['مقتل', 'قتل', 'مصرع', 'استشهاد', 'قتلت', 'سقوط']),
  // The executed are killed (ACLED counts them as the event's fatalities): إعدام شخصين، أعدم التنظيم 4 أشخاص.
  ...rows('killed', 'forward', [...EXECUTION_WORDS]),
  ...rows('killed', 'subject', ['قتلوا', 'قتلا', 'قضوا', 'استشهدوا', 'أعدموا']),
  ...rows('killed', 'perish', ['لقي', 'لقيت', 'لقوا', 'لقيا']),
  ...rows('killed', 'plural', ['قتلى', 'قتيلا', 'قتيل', 'شهداء', 'شهيدا']),
  ...rows('killed', 'plural', ['قتيلين', 'قتيلان', 'شهيدين', 'شهيدان'], { count: 2 }),
  ...rows('wounded', 'forward', ['إصابة', 'جرح', 'أصيب', 'أصيبت']),
  ...rows('wounded', 'subject', ['أصيبوا', 'جرحوا', 'أصيبا']),
  ...rows('wounded', 'plural', ['جرحى', 'جريحا', 'جريح', 'مصابين', 'مصابا', 'المصابين', 'الجرحى', 'إصابات']),
  ...rows('wounded', 'plural', ['جريحين', 'جريحان'], { count: 2 }),
  ...rows('abducted', 'forward', ['خطف', 'اختطاف', 'اختطف']),
  ...rows('abducted', 'subject', ['اختطفوا', 'خطفوا']),
  ...rows('abducted', 'plural', ['مخطوفين', 'مختطفين']),
  ...rows('captured', 'forward', ['أسر', 'اعتقال', 'اعتقل']),
  ...rows('captured', 'plural', ['أسرى', 'أسيرا', 'معتقلين']),
  ...rows('captured', 'plural', ['أسيرين'], { count: 2 }),
]);

/** `سقوط` (falling) only reports casualties before a number and a plural noun (سقوط 5 قتلى). */
export const FALL = normalizeArabic('سقوط');
/** What لقي needs after it to mean dying: حتفه، حتفهم، مصرعه ... */
export const DEATH_NOUNS: readonly string[] = ['حتف', 'مصرع'].map(normalizeArabic);

/** A victim noun: its group, and the count it carries alone (مدني = 1, عنصرين = 2). */
export interface GroupWord {
  readonly group: CasualtyGroup;
  readonly count?: number;
}

const groups = (group: CasualtyGroup, words: readonly string[], count?: number): [string, GroupWord][] =>
  words.map((w) => [normalizeArabic(w), count === undefined ? { group } : { group, count }]);

/**
 * Nouns naming the victims. Singulars count one and duals two when no number is given. Oblique
 * duals that are spelt like plurals (مدنيين، مقاتلين) are read as plurals; مدنيين اثنين is two.
 */
export const GROUPS: ReadonlyMap<string, GroupWord> = new Map([
  ...groups('civilians', ['مدنيين', 'مدنيا', 'مدنيون', 'المدنيين', 'مواطنين', 'مدنيًا', 'مواطنا']),
  ...groups('civilians', ['مدني', 'مواطن'], 1),
  ...groups('civilians', ['مدنيان', 'مواطنان'], 2),
  ...groups('fighters', [
    'عناصر', 'عنصرا', 'العناصر', 'مقاتلين', 'مقاتلا', 'مسلحين', 'مسلحا', 'جنود', 'جنديا', 'عسكريين', 'عسكريا',
    'الجنود', 'المقاتلين', 'المسلحين', 'أفراد', 'قياديين', 'عضوا', 'عناصره', 'عناصرها', 'ضباط', 'ضابطا',
    'شرطيين', 'شرطيا', 'رجال', 'إرهابيين', 'إرهابيا', 'الإرهابيين', 'دواعش', 'الدواعش', 'داعشيا', 'جهاديين', 'جهاديا',
    'متطرفين', 'متطرفا', 'المتطرفين', 'متشددين', 'متشددا', 'المتشددين',
  ]),
  ...groups('fighters', ['عنصر', 'مقاتل', 'جندي', 'عسكري', 'قيادي', 'ضابط', 'شرطي', 'مسلح', 'إرهابي', 'داعشي', 'متطرف', 'متشدد'], 1),
  // An officer named by rank alone is one (قتل عميد في القوات الخاصة).
  ...groups('fighters', ['عميد', 'عقيد', 'مقدم', 'رائد', 'نقيب', 'ملازم', 'رقيب', 'عريف'], 1),
  ...groups('fighters', [
    'عنصرين', 'عنصران', 'جنديين', 'جنديان', 'ضابطين', 'ضابطان', 'مقاتلان', 'مسلحان', 'عسكريان', 'قياديان', 'شرطيان',
    'متطرفان', 'متشددان',
  ], 2),
  ...groups('children', ['أطفال', 'طفلا', 'الأطفال']),
  ...groups('children', ['طفل', 'طفلة'], 1),
  ...groups('children', ['طفلين', 'طفلان'], 2),
  ...groups('women', ['نساء', 'سيدات', 'النساء']),
  ...groups('women', ['امرأة', 'سيدة'], 1),
  ...groups('women', ['امرأتين', 'امرأتان', 'سيدتين', 'سيدتان'], 2),
  ...groups('people', ['أشخاص', 'شخصا', 'رجلا', 'الأشخاص', 'آخرين', 'آخرون', 'شبان']),
  ...groups('people', ['شخص', 'شاب', 'رجل'], 1),
  ...groups('people', ['شخصين', 'شخصان', 'شابين', 'شابان', 'رجلين', 'رجلان', 'شقيقين', 'شقيقان'], 2),
  // The region's nationals (قتل فلسطينيان، مقتل 9 إيرانيين، قتل لبناني); not سوريا, which is also Syria.
  ...groups('people', [
    'فلسطينيين', 'فلسطينيا', 'عراقيين', 'عراقيا', 'سوريين', 'لبنانيين', 'لبنانيا', 'يمنيين', 'يمنيا', 'مصريين', 'مصريا',
    'أتراك', 'إيرانيين', 'إيرانيا', 'أمريكيين', 'أميركيين', 'أمريكيا', 'أميركيا', 'روس', 'أكراد', 'كرديا', 'إسرائيليين', 'إسرائيليا',
  ]),
  ...groups('people', ['فلسطيني', 'عراقي', 'سوري', 'لبناني', 'يمني', 'مصري', 'إيراني', 'أمريكي', 'أميركي', 'روسي', 'كردي', 'إسرائيلي'], 1),
  ...groups('people', [
    'فلسطينيان', 'عراقيان', 'سوريان', 'لبنانيان', 'يمنيان', 'مصريان', 'تركيان', 'إيرانيان', 'أمريكيان', 'أميركيان', 'روسيان',
    'كرديان', 'إسرائيليان',
  ], 2),
]);
/**
 * Plural nouns of the dead and wounded that tell of several with no number when a happening brought them: سقوط قتلى
 * وجرحى، أوقع قتلى، خلفت قتلى. ACLED's several, 3 (docs/annotation.md). Without the article: القتلى are the dead already told.
 */
export const BARE_PLURALS: ReadonlySet<string> = new Set(['قتلى', 'شهداء', 'جرحى'].map(normalizeArabic));
/** What brings a bare plural just before it (with و or ب: وسقوط، بسقوط). */
export const BROUGHT: ReadonlySet<string> = new Set([
  'سقوط', 'سقط', 'وقوع', 'أوقع', 'أوقعت', 'يوقع', 'توقع', 'خلف', 'خلفت', 'يخلف', 'تخلف', 'مخلفا', 'مخلفة', 'موقعا', 'موقعة',
].map(normalizeArabic));
/** Verbs that bring one through a preposition: أسفر عن قتلى، أدى إلى قتلى. */
export const BROUGHT_THROUGH: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [normalizeArabic('عن'), new Set(['أسفر', 'أسفرت', 'يسفر', 'تسفر', 'أسفرا'].map(normalizeArabic))],
  [normalizeArabic('إلى'), new Set(['أدى', 'أدت', 'يؤدي', 'تؤدي'].map(normalizeArabic))],
]);
/** Words that deny or doubt what follows within a few words: لم يسفر عن سقوط قتلى، دون وقوع قتلى، خشية سقوط قتلى. */
export const NEGATING: ReadonlySet<string> = new Set([
  'لم', 'ولم', 'لا', 'ولا', 'دون', 'بدون', 'عدم', 'وعدم', 'بلا', 'أي', 'خشية', 'مخاوف', 'تخوف', 'احتمال', 'مزاعم', 'لن', 'ليس',
].map(normalizeArabic));

/**
 * One person named rather than counted after a word of killing: a definite singular (مقتل القيادي، مصرع المقاتلة
 * البريطانية), a kunya (مقتل أبو خليل السوداني) or a kinsman (مقتل ابن البغدادي). Read as one (`named`), which a figure of the
 * same happening overrides.
 */
export const NAMED_ONE: ReadonlyMap<string, CasualtyGroup> = new Map([
  ...(['القيادي', 'الجندي', 'المقاتل', 'المقاتلة', 'الضابط', 'الشرطي', 'العسكري', 'المسلح', 'القائد', 'الأمير', 'الزعيم', 'المسؤول'] as const)
    .map((w): [string, CasualtyGroup] => [normalizeArabic(w), 'fighters']),
  ...(['المدني', 'المواطن', 'المواطنة', 'الصحفي', 'الصحفية', 'الناشط', 'الناشطة', 'الطبيب', 'الطبيبة'] as const)
    .map((w): [string, CasualtyGroup] => [normalizeArabic(w), 'civilians']),
  ...(['الطفل', 'الطفلة'] as const).map((w): [string, CasualtyGroup] => [normalizeArabic(w), 'children']),
  ...(['الشاب', 'الشابة', 'الرجل', 'المرأة', 'السيدة'] as const).map((w): [string, CasualtyGroup] => [normalizeArabic(w), 'people']),
  ...(['أبو', 'أبي', 'ابو'] as const).map((w): [string, CasualtyGroup] => [normalizeArabic(w), 'people']),
  // A kinsman named by whose he is: مقتل ابن أبو بكر البغدادي، مقتل نجل القيادي، مقتل شقيق زعيم التنظيم. Not the women's
  // words: normalized, شقيقة and ابنة are شقيقه and ابنه, "his brother" and "his son" (قتل شقيقه in a family murder).
  ...(['ابن', 'نجل', 'شقيق', 'والد'] as const).map((w): [string, CasualtyGroup] => [normalizeArabic(w), 'people']),
]);

/** "Two" after a plural-looking noun: مدنيين اثنين. */
/** Words before a figure that make it a part of one already given (بينهم 3 أطفال، 21 عسكريا من بينهم 9 إيرانيين). */
export const SUBSET_WORDS: ReadonlySet<string> = new Set(['بينهم', 'بينهن', 'منهم', 'منهن', 'بينها', 'بينهما'].map(normalizeArabic));

export const TWO: ReadonlySet<string> = new Set(['اثنين', 'اثنان', 'اثنتين', 'اثنتان'].map(normalizeArabic));

/** The months as Arabic reports write them, Egyptian-Gulf and Levantine (تشرين and كانون without their first or second). */
export const MONTH_WORDS: readonly string[] = [
  'يناير', 'فبراير', 'مارس', 'أبريل', 'إبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر',
  'ديسمبر', 'كانون', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين',
];

/** Nouns after a number that are not people: years, ages, distances, money, time, percentages, months. */
export const NOT_PEOPLE: ReadonlySet<string> = new Set(
  [
    'عام', 'عاما', 'أعوام', 'سنة', 'سنوات', 'سنين', 'عمر', 'كم', 'كيلومتر', 'كيلومترا', 'كيلومترات', 'كيلو', 'متر',
    'مترا', 'أمتار', 'ميل', 'ميلا', 'دولار', 'دولارا', 'دولارات', 'ليرة', 'دينار', 'دينارا', 'ريال', 'ريالا', 'يورو',
    'جنيه', 'درهم', 'بالمئة', 'بالمائة', 'في المئة', 'المئة', 'ساعة', 'ساعات', 'يوما', 'أيام', 'يوم', 'دقيقة', 'دقائق',
    'شهرا', 'أشهر', 'شهور', 'أسبوعا', 'أسابيع', 'طن', 'أطنان', 'كغ', 'كيلوغرام', 'غرام', 'درجة', 'هكتار', 'دونم',
    ...MONTH_WORDS, 'مليون', 'نقطة', 'رقم', 'صاروخا', 'قذيفة', 'غارة', 'غارات', 'طائرة', 'سيارة', 'منزلا', 'قرية', 'موقعا', 'هجوما', 'عملية',
  ].map(normalizeArabic),
);
/** Words before a number that make it a year or an id, not a toll: عام 2014، منذ 2011، رقم 5. */
export const BEFORE_NOT_TOLL: ReadonlySet<string> = new Set(
  ['عام', 'العام', 'سنة', 'منذ', 'رقم', 'القرار', 'قرار', 'المادة', 'الساعة', 'حتى'].map(normalizeArabic),
);
