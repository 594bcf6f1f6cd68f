// Splits text into word and number tokens, keeping UTF-16 offsets into the original text.
import {
  ARABIC_DECIMAL_SEPARATOR, ARABIC_THOUSANDS_SEPARATOR, TATWEEL, ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER,
} from './letters.js';

/** One token: its slice of the original text and the UTF-16 offsets `[start, end)` of that slice. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Character classes, as bit flags in one table entry per UTF-16 code unit. */
const WORD = 1;
const DIGIT = 2;
const NUMBER_SEPARATOR = 4;

const BMP_SIZE = 0x10000;
const HIGH_SURROGATE_FIRST = 0xd800;
const HIGH_SURROGATE_LAST = 0xdbff;
const LOW_SURROGATE_FIRST = 0xdc00;
const LOW_SURROGATE_LAST = 0xdfff;

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * Class of every BMP code unit, built once at load so the scan is a table lookup per unit.
 * Surrogates stay 0 here; pairs are classified by code point in `astralIsWord`.
 */
const CLASS = buildClassTable();

function buildClassTable(): Uint8Array {
  const table = new Uint8Array(BMP_SIZE);
  for (let code = 0; code < BMP_SIZE; code++) {
    if (code >= HIGH_SURROGATE_FIRST && code <= LOW_SURROGATE_LAST) continue;
    const ch = String.fromCharCode(code);
    if (WORD_CHAR.test(ch)) table[code] = WORD;
    if (DECIMAL_DIGIT.test(ch)) table[code] = WORD | DIGIT;
  }
  // Joiners and tatweel shape letters inside a word, so they never split it.
  for (const ch of [TATWEEL, ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER]) table[ch.charCodeAt(0)] = WORD;
  // Thousands and decimal separators, kept inside a token only between two digits.
  for (const ch of [',', '.', ARABIC_THOUSANDS_SEPARATOR, ARABIC_DECIMAL_SEPARATOR]) {
    table[ch.charCodeAt(0)] = NUMBER_SEPARATOR;
  }
  return table;
}

/** Astral code points seen so far and whether each is a word character; text uses few of them. */
const astralCache = new Map<number, boolean>();
/** Bound on the cache, so hostile input with many distinct astral characters cannot grow it without end. */
const ASTRAL_CACHE_LIMIT = 4096;

function astralIsWord(codePoint: number): boolean {
  let word = astralCache.get(codePoint);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCodePoint(codePoint));
    if (astralCache.size >= ASTRAL_CACHE_LIMIT) astralCache.clear();
    astralCache.set(codePoint, word);
  }
  return word;
}

/** Number of code units (1 or 2) of the word character at `i`, or 0 if `i` does not start one. */
function wordCharLength(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < HIGH_SURROGATE_FIRST || code > LOW_SURROGATE_LAST) return (CLASS[code]! & WORD) !== 0 ? 1 : 0;
  if (code > HIGH_SURROGATE_LAST || i + 1 >= text.length) return 0;
  const low = text.charCodeAt(i + 1);
  if (low < LOW_SURROGATE_FIRST || low > LOW_SURROGATE_LAST) return 0;
  const codePoint = ((code - HIGH_SURROGATE_FIRST) << 10) + (low - LOW_SURROGATE_FIRST) + 0x10000;
  return astralIsWord(codePoint) ? 2 : 0;
}

function isDigitAt(text: string, i: number): boolean {
  return i < text.length && (CLASS[text.charCodeAt(i)]! & DIGIT) !== 0;
}

/**
 * Calls `visit(start, end)` for each token of `text`, in order, without allocating.
 * A token is a maximal run of letters, marks, digits, tatweel, ZWJ and ZWNJ; a `,` `.` `٬` `٫`
 * between two digits stays inside it, so 10,000 and ٣٫٧ are one token each.
 */
export function forEachTokenSpan(text: string, visit: (start: number, end: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    let step = wordCharLength(text, i);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    for (;;) {
      i += step;
      if (i >= length) break;
      step = wordCharLength(text, i);
      if (step !== 0) continue;
      const joinsNumber =
        (CLASS[text.charCodeAt(i)]! & NUMBER_SEPARATOR) !== 0 && isDigitAt(text, i - 1) && isDigitAt(text, i + 1);
      if (!joinsNumber) break;
      step = 1;
    }
    visit(start, i);
  }
}

/**
 * Splits `text` into tokens. Bidi controls (LRM, RLM, ALM, embeddings, isolates), ZWSP, BOM,
 * whitespace, punctuation, symbols and emoji separate tokens; each token's `text` is the
 * original slice, not normalized.
 *
 * @example tokenize('داعش، الرقة').map((t) => t.text) // ['داعش', 'الرقة']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachTokenSpan(text, (start, end) => {
    tokens.push({ text: text.slice(start, end), start, end });
  });
  return tokens;
}
