// Folds Latin transliterations of Arabic place names to comparison keys (Deir ez-Zor = Dayr az-Zawr).

/** Arabic article spellings written as a separate word or before a hyphen. */
const ARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ar', 'ad', 'as', 'at', 'az', 'ash', 'an', 'ez', 'es', 'ed', 'et', 'ul', 'il', 'l',
]);

/** Words naming the kind of place, dropped when other words remain (Raqqa Governorate = Raqqa). */
const KIND_WORDS: ReadonlySet<string> = new Set([
  'governorate', 'district', 'subdistrict', 'nahiyat', 'nahiya', 'markaz', 'city', 'province', 'camp',
  'town', 'village', 'center', 'centre', 'muhafazat', 'of', 'the',
]);

const APOSTROPHES = /['’‘ʿʾ`´ʼ]/gu;
const MARKS = /\p{M}/gu;
const NON_WORD = /[^a-z0-9]+/u;
/** A vowel and a doubled sun letter at a word start: the article assimilated to it (Ezzor, Arraqqa; not Akkar). */
const FUSED_SUN_ARTICLE = /^[aeiou]([tdrzsln])\1/u;

/** Lowercased words of a name with diacritics, apostrophes, articles and kind words removed. */
export function latinNameWords(name: string): string[] {
  const words = name
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .split(NON_WORD)
    .filter((w) => w !== '');
  let kept = words.filter((w) => !ARTICLES.has(w));
  if (kept.length === 0) kept = words;
  const meaningful = kept.filter((w) => !KIND_WORDS.has(w));
  if (meaningful.length > 0) kept = meaningful;
  return kept.map((w) => (w.length >= 5 && FUSED_SUN_ARTICLE.test(w) ? w.slice(2) : w));
}

/** Spelling foldings applied in order to the joined words. */
const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/ph/gu, 'f'],
  [/ch/gu, 'sh'],
  [/ck|c|q/gu, 'k'],
  [/kh/gu, 'k'],
  [/gh/gu, 'g'],
  [/dh|th/gu, 'z'],
  [/uwa/gu, 'wa'],
  [/ey|ei|ai/gu, 'ay'],
  [/aw|ou|oo|o/gu, 'u'],
  [/ee|ie|e/gu, 'i'],
  [/([aiu])h$/gu, '$1'],
  [/(.)\1+/gu, '$1'],
  [/(..)[aiu]$/gu, '$1'],
];

/**
 * The folded key of a Latin place name: lowercase, no diacritics or apostrophes, articles
 * (al-, ar-, ez-, fused Ezzor) and kind words (Governorate, District) dropped, words joined, and
 * spelling variants folded: q/c/ck → k, kh → k, gh → g, dh/th → z, ei/ai/ey → ay, aw/ou/oo/o → u,
 * ee/e → i, a final h after a vowel dropped, doubled letters single, a final vowel dropped.
 *
 * @example foldLatinName('Deir ez-Zor') === foldLatinName('Dayr az-Zawr') // 'dayrzur'
 * @example foldLatinName('Ar-Raqqah') === foldLatinName('Rakka') // 'rak'
 */
export function foldLatinName(name: string): string {
  return foldWords(latinNameWords(name));
}

/** `foldLatinName` with an article fused to a word also removed (Alzour → zour, Albukamal → bukamal). */
export function foldLatinNameUnfused(name: string): string {
  return foldWords(latinNameWords(name).map((w) => (w.length >= 6 && w.startsWith('al') ? w.slice(2) : w)));
}

function foldWords(words: readonly string[]): string {
  let key = words.join('');
  for (const [pattern, replacement] of FOLDS) key = key.replace(pattern, replacement);
  return key;
}

/**
 * A coarser key: the folded key's consonants only (y and w count as vowels after the first
 * letter). Deir ezor, Menbij and Tel Afar meet Deir ez-Zor, Manbij and Tal Afar here.
 */
export function skeletonKey(folded: string): string {
  if (folded === '') return '';
  return (folded[0]! + folded.slice(1).replace(/[aeiouyw]/gu, '')).replace(/(.)\1+/gu, '$1');
}
