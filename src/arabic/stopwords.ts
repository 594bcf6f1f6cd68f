// Arabic stopwords: function words and reporting verbs dropped from the index, in normalized form.
import { normalizeArabic } from './normalize-arabic.js';

/**
 * The human-readable source list, written as Arabic is usually spelled (with hamza, ى and ة).
 * Based on Lucene's Arabic list (Jacques Savoy, CLEF), extended with the pronouns, relatives,
 * prepositions and reporting verbs that fill news copy. Spelling variants that normalize to the
 * same form need only be written once. Left out on purpose: وإلى, whose normalized form والي is
 * also "governor" (والي الرقة), a content word in this corpus.
 */
const SOURCE: Readonly<Record<string, readonly string[]>> = {
  conjunctions: [
    'و', 'ف', 'ثم', 'أو', 'أم', 'بل', 'لكن', 'ولكن', 'لكنه', 'لكنها', 'إما', 'أما', 'وأما',
  ],
  prepositions: [
    'من', 'ومن', 'في', 'وفي', 'على', 'وعلى', 'إلى', 'عن', 'وعن', 'مع', 'ومع', 'ب', 'ل', 'ك',
    'حتى', 'منذ', 'لدى', 'عند', 'وعند', 'بين', 'وبين', 'ضمن', 'خلال', 'وخلال', 'بعد', 'وبعد', 'قبل',
    'وقبل', 'نحو', 'حول', 'دون', 'بدون', 'عبر', 'تحت', 'فوق', 'أمام', 'وراء', 'ضد', 'مثل', 'لدي',
  ],
  prepositionsWithPronouns: [
    'منه', 'منها', 'منهم', 'فيه', 'فيها', 'فيهم', 'عليه', 'عليها', 'عليهم', 'إليه',
    'إليها', 'إليهم', 'عنه', 'عنها', 'عنهم', 'معه', 'معها', 'معهم', 'له', 'لها', 'لهم', 'لك',
    'لنا', 'به', 'بها', 'بهم', 'لديه', 'لديها', 'لديهم', 'بينهم', 'بينها', 'عندها', 'عنده',
  ],
  pronouns: ['أنا', 'نحن', 'أنت', 'أنتم', 'هو', 'هي', 'هما', 'هم', 'هن', 'وهو', 'وهي', 'وهم', 'فهو', 'فهي'],
  demonstratives: [
    'هذا', 'هذه', 'هذان', 'هذين', 'هاتان', 'هاتين', 'هؤلاء', 'ذلك', 'تلك', 'أولئك', 'وهذا',
    'وهذه', 'وذلك', 'هنا', 'هناك', 'كذلك', 'هكذا',
  ],
  relatives: ['الذي', 'التي', 'الذين', 'اللذان', 'اللذين', 'اللتان', 'اللتين', 'اللاتي', 'اللواتي'],
  particles: [
    'ا', 'أ', 'أي', 'أية', 'لا', 'ولا', 'ألا', 'إلا', 'ما', 'وما', 'فما', 'كما', 'لم', 'ولم', 'لن',
    'ولن', 'لما', 'قد', 'وقد', 'فقد', 'لقد', 'سوف', 'إن', 'وإن', 'فإن', 'بأن', 'لأن', 'إنه', 'إنها',
    'كأن', 'لعل', 'ليت', 'كي', 'لكي', 'إذ', 'إذا', 'وإذا', 'إذن', 'لو', 'لولا', 'هل', 'ليس', 'ليست',
    'غير', 'سوى', 'فقط', 'أيضا', 'حيث', 'بينما', 'عندما', 'كلما', 'حين', 'حينما',
  ],
  interrogatives: ['كيف', 'متى', 'أين', 'ماذا', 'لماذا', 'كم', 'مما', 'عما', 'فيما'],
  quantifiers: ['كل', 'وكل', 'بعض', 'جميع', 'كافة', 'عدة', 'معظم', 'أكثر', 'أقل', 'كلا', 'كلتا'],
  time: ['الآن', 'حاليا', 'ثمة'],
  verbs: [
    'كان', 'كانت', 'كانوا', 'يكون', 'تكون', 'يكونوا', 'وكان', 'وكانت', 'أصبح', 'أصبحت', 'صار', 'ظل',
    'مازال', 'لايزال', 'يزال', 'تزال', 'قال', 'قالت', 'وقال', 'وقالت', 'يقول', 'تقول',
    'أضاف', 'أضافت', 'وأضاف', 'وأضافت', 'أكد', 'أكدت', 'وأكد', 'وأكدت', 'أشار', 'أشارت', 'وأشار',
    'وأشارت', 'أوضح', 'وأوضح', 'يذكر', 'ويذكر', 'يشار', 'يتم', 'تم', 'وتم',
  ],
};

/**
 * Stopwords in the form `normalizeArabic` gives (ا for أ إ آ, ي for ى, ه for ة), since the
 * analyzer checks stopwords after normalization: "إلى" is stored as "الي".
 */
export const ARABIC_STOPWORDS: ReadonlySet<string> = new Set(
  Object.values(SOURCE)
    .flat()
    .map((word) => normalizeArabic(word)),
);

/** Whether a normalized token is a stopword. Pass the output of `normalizeArabic`, not raw text. */
export function isStopword(normalized: string): boolean {
  return ARABIC_STOPWORDS.has(normalized);
}
