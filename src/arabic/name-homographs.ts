/**
 * Words that a protected name is spelled like, and when a token is that word rather than the name:
 * - a verb: تدمر is Palmyra and "destroys" (الطائرات تدمر المنازل، التي تدمر، أن تدمر);
 * - a nisba: البغدادي (the ISIS leader's name, or "of Baghdad") stems to بغداد under light10,
 *   so without care it is indexed as the city.
 * Name protection (analyze-arabic.ts) and query places (search/create-lexicon.ts) both ask here.
 * Spellings are normalized (normalizeArabic: ه for ة, ي for ى, bare alef).
 */
import { normalizeArabic } from './normalize-arabic.js';
import { isStopword } from './stopwords.js';
import { tokenize } from './tokenize.js';

const normalized = (words: readonly string[]): ReadonlySet<string> => new Set(words.map((w) => normalizeArabic(w)));

/** Names that are also a verb, with the verb's own term (its stem without the imperfect prefix). */
export const NAME_VERBS: ReadonlyMap<string, string> = new Map([[normalizeArabic('تدمر'), normalizeArabic('دمر')]]);

/** Words before a name that make it a place (a preposition, a kind of place, a direction, a site, a fight over it). */
const PLACE_CUES = normalized([
  'في', 'وفي', 'الى', 'إلى', 'والى', 'على', 'وعلى', 'من', 'ومن', 'عن', 'قرب', 'بين', 'حول', 'نحو', 'باتجاه', 'داخل', 'خارج',
  'مدينة', 'لمدينة', 'بمدينة', 'ومدينة', 'المدينة', 'ريف', 'بريف', 'وريف', 'بادية', 'ببادية', 'صحراء', 'منطقة', 'ناحية', 'محيط',
  'أطراف', 'مشارف', 'مدخل', 'شرق', 'غرب', 'شمال', 'جنوب', 'شرقي', 'غربي', 'شمالي', 'جنوبي', 'وسط',
  'آثار', 'متحف', 'قلعة', 'مطار', 'سجن', 'حقل', 'حقول', 'طريق', 'مقابر', 'أهالي', 'سكان',
  'معركة', 'معارك', 'تحرير', 'استعادة', 'سقوط', 'دخول', 'اقتحام', 'حصار', 'جبهة', 'محور', 'عمق', 'مدن',
]);

/** Words before a verb: particles of the verb, relatives and pronouns that stand as its subject. */
const VERB_CUES = normalized([
  'أن', 'وأن', 'بأن', 'لأن', 'إن', 'لن', 'ولن', 'لم', 'ولم', 'لا', 'ولا', 'قد', 'وقد', 'سوف', 'كي', 'لكي', 'حتى', 'ما', 'لما',
  'ربما', 'التي', 'الذي', 'الذين', 'اللتي', 'هي', 'وهي', 'إنها', 'أنها', 'لأنها', 'كادت', 'باتت', 'بدأت', 'راحت', 'أخذت',
]);

/** Object pronouns a verb carries (تدمرها، تدمرهم): a name never does. */
const OBJECT_PRONOUNS: readonly string[] = ['هما', 'هم', 'هن', 'ها', 'نا', 'ه'];

/** Words after a name that describe the place (تدمر الأثرية، ريف تدمر الشرقي): they end in the nisba ي or يه. */
const NISBA_ENDINGS: readonly string[] = ['ي', 'يه'];

const ARTICLE = 'ال';

/** The definite article, after at most one of و ف ب ل ك. */
function isDefinite(word: string): boolean {
  return word.startsWith(ARTICLE) || (/^[وفبلك]/u.test(word) && word.slice(1).startsWith(ARTICLE)) || word.startsWith('لل');
}

/**
 * Whether a token spelled like a name that is also a verb (NAME_VERBS) is the verb, from its neighbours
 * (normalized; null at the text's edge). A place cue before it keeps the place; then a verb particle or a
 * definite subject before it (التحالف تدمر), or a definite object after it that is no nisba adjective
 * (تدمر المنازل, not تدمر الأثرية), make it the verb. Anything else stays the place, as before.
 */
export function readsAsVerb(previous: string | null, next: string | null, isStopword: (word: string) => boolean): boolean {
  if (previous !== null && PLACE_CUES.has(previous)) return false;
  if (previous !== null && VERB_CUES.has(previous)) return true;
  if (previous !== null && isDefinite(previous) && !isStopword(previous)) return true;
  if (next !== null && isDefinite(next) && !isStopword(next) && !NISBA_ENDINGS.some((e) => next.endsWith(e))) return true;
  return false;
}

/**
 * The term of a token whose stem collided with a protected name's term without being that name: a
 * nisba (البغدادي، الحلبيون) keeps its ي (بغدادي), a verb-name with an object pronoun (تدمرها) is the
 * verb; null when neither (the stem stands).
 */
export function derivedTerm(norm: string, name: string): string | null {
  const at = norm.lastIndexOf(name);
  if (at < 0) return null;
  const rest = norm.slice(at + name.length);
  if (rest.startsWith('ي')) return `${name}ي`;
  const verb = NAME_VERBS.get(name);
  if (verb !== undefined && OBJECT_PRONOUNS.includes(rest)) return verb;
  return null;
}

const VERB_NAMES: readonly string[] = [...NAME_VERBS.keys()];

/** Clitics before a name that may still be a verb: none, the conjunctions و and ف. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(['', 'و', 'ف']);

/**
 * Whether the words at `[start, end)` of `text` (a place a finder recognized there) are a name that
 * reads as its verb in this sentence (الطائرات تدمر مواقع داعش): then they are no place.
 */
export function spanReadsAsVerb(text: string, start: number, end: number): boolean {
  // Most spans are no such name: they are told apart before the text is tokenized.
  const span = normalizeArabic(text.slice(start, end));
  if (!VERB_NAMES.some((n) => span.endsWith(n))) return false;
  const tokens = tokenize(text);
  const at = tokens.findIndex((t) => t.start >= start && t.end <= end);
  if (at < 0 || tokens.some((t, i) => i !== at && t.start >= start && t.end <= end)) return false;
  const norm = normalizeArabic(tokens[at]!.text);
  const name = VERB_NAMES.find((n) => norm.endsWith(n) && CONJUNCTIONS.has(norm.slice(0, norm.length - n.length)));
  if (name === undefined) return false;
  const neighbour = (i: number) => (i >= 0 && i < tokens.length ? normalizeArabic(tokens[i]!.text) : null);
  return readsAsVerb(neighbour(at - 1), neighbour(at + 1), isStopword);
}
