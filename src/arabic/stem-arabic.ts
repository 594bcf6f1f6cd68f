// Light stemming of normalized Arabic words (light10, Larkey et al.; as in Lucene's ArabicStemmer).
import { ALEF, BEH, FEH, HAMZA, HEH, KAF, LAM, NOON, TEH, WAW, YEH } from './letters.js';

/** Prefixes, longest first so the longest match is the one stripped: وال بال كال فال ال لل و. */
const PREFIXES: readonly string[] = [
  WAW + ALEF + LAM,
  BEH + ALEF + LAM,
  KAF + ALEF + LAM,
  FEH + ALEF + LAM,
  ALEF + LAM,
  LAM + LAM,
  WAW,
];

/**
 * Suffixes in light10's order, each stripped at most once, in one pass: ها ان ات ون ين يه ه ي.
 * Lucene also lists ية and ة; after normalization they read يه and ه, so they are the same rows.
 */
const SUFFIXES: readonly string[] = [
  HEH + ALEF,
  ALEF + NOON,
  ALEF + TEH,
  WAW + NOON,
  YEH + NOON,
  YEH + HEH,
  HEH,
  YEH,
];

/** A stem keeps at least two letters after a prefix is stripped: shorter is no longer a word. */
const MIN_LENGTH_AFTER_PREFIX = 2;
/** The conjunction و is stripped only from words of four or more letters: و is also a root letter. */
const MIN_LENGTH_FOR_WAW_PREFIX = 4;
/** A stem keeps at least two letters after a suffix is stripped: shorter is no longer a word. */
const MIN_LENGTH_AFTER_SUFFIX = 2;

const FIRST_ARABIC_LETTER = HAMZA.charCodeAt(0);
const LAST_ARABIC_LETTER = YEH.charCodeAt(0);

/** Whether every unit of `word` is an Arabic letter; other words (Latin, digits, mixed) are not stemmed. */
function isArabicWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < FIRST_ARABIC_LETTER || code > LAST_ARABIC_LETTER) return false;
  }
  return word.length > 0;
}

/** Whether `affix` occurs in `word` at `at`, compared unit by unit (no substring is built). */
function occursAt(word: string, affix: string, at: number): boolean {
  for (let i = 0; i < affix.length; i++) {
    if (word.charCodeAt(at + i) !== affix.charCodeAt(i)) return false;
  }
  return true;
}

/** Length of the one prefix to strip from `word`, or 0. */
function prefixLength(word: string): number {
  for (let p = 0; p < PREFIXES.length; p++) {
    const prefix = PREFIXES[p]!;
    if (prefix.length === 1 && word.length < MIN_LENGTH_FOR_WAW_PREFIX) continue;
    if (word.length - prefix.length >= MIN_LENGTH_AFTER_PREFIX && occursAt(word, prefix, 0)) return prefix.length;
  }
  return 0;
}

/** End of the stem of `word[start, end)` after each suffix row has been tried once, in order. */
function stemEnd(word: string, start: number, end: number): number {
  for (let s = 0; s < SUFFIXES.length; s++) {
    const suffix = SUFFIXES[s]!;
    const at = end - suffix.length;
    if (at - start >= MIN_LENGTH_AFTER_SUFFIX && occursAt(word, suffix, at)) end = at;
  }
  return end;
}

/**
 * Light stem of one normalized Arabic word: strips at most one prefix (the longest that leaves
 * two letters; و only from words of four letters or more), then each suffix row once, in order,
 * while two letters remain. Input must already be normalized (`normalizeArabic`), since ة and ى
 * are not handled here. Words that are not wholly Arabic letters are returned unchanged.
 *
 * @example stemArabic('والمقاتلين') === 'مقاتل'
 */
export function stemArabic(normalizedWord: string): string {
  if (!isArabicWord(normalizedWord)) return normalizedWord;
  const start = prefixLength(normalizedWord);
  const end = stemEnd(normalizedWord, start, normalizedWord.length);
  return start === 0 && end === normalizedWord.length ? normalizedWord : normalizedWord.slice(start, end);
}
