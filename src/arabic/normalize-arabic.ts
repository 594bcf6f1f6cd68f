/**
 * Orthographic normalization of Arabic text, the first step of the analysis pipeline.
 * Applied identically to indexed text and to queries, so both meet in one spelling.
 */
import {
  ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_MADDA, ALEF_MAKSURA, ALEF_WASLA,
  ARABIC_INDIC_NINE, ARABIC_INDIC_ZERO, ARABIC_LETTER_MARK, BYTE_ORDER_MARK,
  EXTENDED_ARABIC_INDIC_NINE, EXTENDED_ARABIC_INDIC_ZERO, FARSI_YEH, FATHATAN, HEH, KAF, KEHEH,
  LEFT_TO_RIGHT_MARK, LRE, LRI, PDI, RIGHT_TO_LEFT_MARK, RLO, SIGN_SALLALLAHOU,
  SMALL_HIGH_LIGATURE_SAD, SMALL_KASRA, SMALL_LOW_MEEM, SUPERSCRIPT_ALEF, TATWEEL, TEH_MARBUTA,
  WAVY_HAMZA_BELOW, YEH, ZERO_WIDTH_JOINER, ZERO_WIDTH_SPACE,
} from './letters.js';
import { withUnitFastPath } from './unit-fast-path.js';

/** Characters deleted outright: harakat, Quranic marks, tatweel, zero-width and bidi controls. */
const DELETED = new RegExp(
  `[${FATHATAN}-${WAVY_HAMZA_BELOW}${SUPERSCRIPT_ALEF}${SIGN_SALLALLAHOU}-${SMALL_KASRA}` +
    `${SMALL_HIGH_LIGATURE_SAD}-${SMALL_LOW_MEEM}${TATWEEL}` +
    `${ZERO_WIDTH_SPACE}-${ZERO_WIDTH_JOINER}${LEFT_TO_RIGHT_MARK}${RIGHT_TO_LEFT_MARK}` +
    `${ARABIC_LETTER_MARK}${LRE}-${RLO}${LRI}-${PDI}${BYTE_ORDER_MARK}]`,
  'gu',
);

/** Letter foldings: every alef with hamza or madda to bare alef, final forms to their common spelling. */
const FOLDED: Readonly<Record<string, string>> = {
  [ALEF_HAMZA_ABOVE]: ALEF,
  [ALEF_HAMZA_BELOW]: ALEF,
  [ALEF_MADDA]: ALEF,
  [ALEF_WASLA]: ALEF,
  [ALEF_MAKSURA]: YEH,
  [FARSI_YEH]: YEH,
  [KEHEH]: KAF,
  [TEH_MARBUTA]: HEH,
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDED).join('')}]`, 'gu');

const ARABIC_DIGITS = new RegExp(
  `[${String.fromCharCode(ARABIC_INDIC_ZERO)}-${String.fromCharCode(ARABIC_INDIC_NINE)}` +
    `${String.fromCharCode(EXTENDED_ARABIC_INDIC_ZERO)}-${String.fromCharCode(EXTENDED_ARABIC_INDIC_NINE)}]`,
  'gu',
);

/** Replaces Arabic-Indic and Extended Arabic-Indic digits with ASCII 0-9. */
export function foldDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/**
 * Normalizes Arabic spelling:
 * 1. NFKC, which turns presentation forms (U+FB50..U+FEFF, e.g. the ligature LAM ALEF) into letters;
 * 2. Eastern digits to 0-9;
 * 3. harakat, tatweel and invisible controls removed;
 * 4. أ إ آ ٱ to ا, ى to ي, ة to ه (and Persian yeh/keheh to Arabic).
 * Latin text passes through unchanged apart from NFKC.
 *
 * @example normalizeArabic('الرَّقَّة') === 'الرقه'
 */
export function normalizeArabic(text: string): string {
  return normalizeFast(text);
}

/**
 * `normalizeArabic` by its definition: NFKC of the whole text, then the regular expressions. The fast
 * path above gives the same for text it covers; this is the rest, and the tests' reference.
 */
export function normalizeArabicSlowly(text: string): string {
  return foldDigits(text.normalize('NFKC'))
    .replace(DELETED, '')
    .replace(FOLDABLE, (ch) => FOLDED[ch] ?? ch);
}

/*
 * The fast path: per UTF-16 unit, left as it is or replaced by one unit (or none) whatever its
 * neighbours, for the units of most news text: the Latin blocks, the Arabic block and general
 * punctuation (dashes, curly quotes, bidi controls). Filled from `normalizeArabicSlowly` itself, one
 * unit at a time, so it cannot drift from it. Combining marks (but the deleted harakat below) and units
 * that become several are left out: in these blocks NFKC composes a letter only with a following
 * combining mark (ا + ٔ is أ), so for text without them normalizing the whole is normalizing each unit.
 * Any other unit sends the whole text to the slow path. Content hashes, words and cleaning normalized
 * every body by NFKC and three passes of regular expressions over text that is mostly left as it is.
 */
/**
 * Harakat and Quranic marks, deleted: no letter composes with them under NFKC (the Arabic compositions
 * are with madda and hamza above and below, U+0653..U+0655, which stay on the slow path), so between
 * letters of the fast path they only vanish (`tests/arabic/normalize-arabic.test.ts` checks every pair).
 */
const DELETED_MARKS = /^[\u064b-\u0652\u0656-\u065f\u0670\u06d6-\u06ed]$/u;
const normalizeFast = withUnitFastPath(normalizeArabicSlowly, {
  end: 0x2070,
  covers: (code) => !((code >= 0x0250 && code < 0x0600) || (code >= 0x0700 && code < 0x2000)),
  deletableMark: (ch) => DELETED_MARKS.test(ch),
});

/** Normalized text plus, for each of its UTF-16 units, the offset in the original it came from. */
export interface NormalizedWithOffsets {
  readonly text: string;
  /** `offsets[i]` is the original offset of `text[i]`; `offsets[text.length]` is the original length. */
  readonly offsets: readonly number[];
}

/**
 * `normalizeArabic` that remembers where each output character came from, so a match found in
 * normalized text can be marked in the original (snippets, highlights, mention spans).
 * Normalizes one code point at a time, which gives the same result as `normalizeArabic` for
 * everything but multi-code-point compositions, which Arabic text does not use.
 */
export function normalizeWithOffsets(text: string): NormalizedWithOffsets {
  let out = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    const piece = normalizeArabic(ch);
    for (let k = 0; k < piece.length; k++) offsets.push(i);
    out += piece;
    i += ch.length;
  }
  offsets.push(text.length);
  return { text: out, offsets };
}
