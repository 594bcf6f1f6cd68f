// Reads a number written in Arabic news text: digits (10، 10,000) or words (عشرين، خمسة وعشرين، ثلاثة آلاف).

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { cliticReadings, type MatchToken } from './match-tokens.js';

/** Vague quantities: العشرات (dozens), المئات, الآلاف, عدد من (several). */
export type Approximation = 'about' | 'at_least' | 'more_than' | 'dozens' | 'hundreds' | 'thousands' | 'several';

/** A number read from tokens `[first, next)`. `value` is null for vague quantities. */
export interface ReadNumber {
  readonly value: number | null;
  readonly approx?: Approximation;
  /** Index of the token after the number. */
  readonly next: number;
}

const table = (rows: readonly (readonly [string, number])[]): ReadonlyMap<string, number> =>
  new Map(rows.map(([word, value]) => [normalizeArabic(word), value]));

/** One to ten, masculine and feminine, nominative and oblique. */
const UNITS = table([
  ['واحد', 1], ['واحدة', 1], ['اثنان', 2], ['اثنين', 2], ['اثنتان', 2], ['اثنتين', 2], ['ثلاثة', 3], ['ثلاث', 3],
  ['أربعة', 4], ['أربع', 4], ['خمسة', 5], ['خمس', 5], ['ستة', 6], ['ست', 6], ['سبعة', 7], ['سبع', 7],
  ['ثمانية', 8], ['ثماني', 8], ['ثمان', 8], ['تسعة', 9], ['تسع', 9], ['عشرة', 10], ['عشر', 10],
  ['أحد', 1], ['إحدى', 1], ['اثنا', 2], ['اثني', 2], ['اثنتا', 2], ['اثنتي', 2],
]);
const TEENS_SUFFIX: ReadonlySet<string> = new Set(['عشر', 'عشرة'].map(normalizeArabic));
const TENS = table([
  ['عشرون', 20], ['عشرين', 20], ['ثلاثون', 30], ['ثلاثين', 30], ['أربعون', 40], ['أربعين', 40],
  ['خمسون', 50], ['خمسين', 50], ['ستون', 60], ['ستين', 60], ['سبعون', 70], ['سبعين', 70],
  ['ثمانون', 80], ['ثمانين', 80], ['تسعون', 90], ['تسعين', 90],
]);
const HUNDREDS = table([
  ['مئة', 100], ['مائة', 100], ['مئتان', 200], ['مئتين', 200], ['مائتان', 200], ['مائتين', 200],
  ['ثلاثمئة', 300], ['ثلاثمائة', 300], ['أربعمئة', 400], ['أربعمائة', 400], ['خمسمئة', 500], ['خمسمائة', 500],
  ['ستمئة', 600], ['ستمائة', 600], ['سبعمئة', 700], ['سبعمائة', 700], ['ثمانمئة', 800], ['ثمانمائة', 800],
  ['تسعمئة', 900], ['تسعمائة', 900],
]);
const THOUSANDS = table([['ألف', 1000], ['آلاف', 1000], ['ألفين', 2000], ['ألفان', 2000]]);
/** Vague quantities written instead of a number. */
const VAGUE: ReadonlyMap<string, Approximation> = new Map(
  ([
    ['عشرات', 'dozens'], ['العشرات', 'dozens'], ['مئات', 'hundreds'], ['المئات', 'hundreds'], ['آلاف', 'thousands'],
    ['الآلاف', 'thousands'], ['عدد', 'several'], ['عدة', 'several'], ['بضعة', 'several'], ['بضع', 'several'],
  ] as const).map(([word, approx]) => [normalizeArabic(word), approx]),
);
/** Qualifiers before a number, as word sequences: ما يقرب من، نحو، أكثر من ... */
const QUALIFIERS: readonly (readonly [readonly string[], Approximation])[] = (
  [
    ['ما يقرب من', 'about'], ['ما يقارب', 'about'], ['نحو', 'about'], ['حوالي', 'about'], ['قرابة', 'about'],
    ['زهاء', 'about'], ['قرابه', 'about'], ['ما لا يقل عن', 'at_least'], ['أكثر من', 'more_than'],
    ['ما يزيد عن', 'more_than'], ['ما يزيد على', 'more_than'], ['أزيد من', 'more_than'],
  ] as const
).map(([phrase, approx]) => [normalizeArabic(phrase).split(' '), approx] as const);

const DIGITS = /^\p{Nd}+(?:[.,]\p{Nd}{3})*$/u;
const AND = normalizeArabic('و');

/** The word with a leading و removed, when it has one (وعشرين → عشرين). */
function afterAnd(word: string): string | null {
  return word.startsWith(AND) && word.length > 2 ? word.slice(1) : null;
}

function wordAt(tokens: readonly MatchToken[], k: number): string | undefined {
  const token = tokens[k];
  return token === undefined || (k > 0 && token.gap) ? undefined : token.norm;
}

/** A qualifier (ما يقرب من، نحو) starting at token `k`: its approximation and the token after it. */
export function readQualifier(tokens: readonly MatchToken[], k: number): { approx: Approximation; next: number } | null {
  for (const [words, approx] of QUALIFIERS) {
    if (words.every((w, n) => (n === 0 ? tokens[k]?.norm : wordAt(tokens, k + n)) === w)) {
      return { approx, next: k + words.length };
    }
  }
  return null;
}

/** Reads a number starting at token `k` (digits, number words, or a vague quantity); null when there is none. */
export function readNumber(tokens: readonly MatchToken[], k: number): ReadNumber | null {
  const written = tokens[k]?.norm;
  if (written === undefined) return null;
  // A number joined to و (و12، وخمسة) reads as the number.
  const bare = afterAnd(written);
  const word = bare !== null && (DIGITS.test(bare) || UNITS.has(bare) || TENS.has(bare)) ? bare : written;
  if (DIGITS.test(word)) return withThousands(tokens, Number(word.replace(/[.,]/gu, '')), k + 1);
  const vague = VAGUE.get(word);
  if (vague && !(word === normalizeArabic('آلاف') && k > 0 && UNITS.has(tokens[k - 1]!.norm))) {
    return { value: null, approx: vague, next: k + 1 };
  }
  let value: number | undefined;
  let next = k + 1;
  const unit = UNITS.get(word);
  if (unit !== undefined) {
    value = unit;
    const following = wordAt(tokens, next);
    if (following !== undefined && TEENS_SUFFIX.has(following) && unit < 10) {
      value = unit + 10;
      next++;
    } else if (following !== undefined) {
      const tens = TENS.get(afterAnd(following) ?? '');
      if (tens !== undefined) {
        value = unit + tens;
        next++;
      }
    }
  } else if (TENS.has(word)) {
    value = TENS.get(word)!;
  } else if (HUNDREDS.has(word)) {
    value = HUNDREDS.get(word)!;
    const following = wordAt(tokens, next);
    const rest = following !== undefined ? afterAnd(following) : null;
    if (rest !== null) {
      const small = UNITS.get(rest) ?? TENS.get(rest);
      if (small !== undefined) {
        value += small;
        next++;
      }
    }
  } else if (THOUSANDS.has(word) && !word.startsWith(normalizeArabic('آلاف'))) {
    return { value: THOUSANDS.get(word)!, next };
  }
  if (value === undefined) return null;
  return withThousands(tokens, value, next);
}

/** Applies a following ألف / آلاف (ثلاثة آلاف = 3000). */
function withThousands(tokens: readonly MatchToken[], value: number, next: number): ReadNumber {
  const following = wordAt(tokens, next);
  if (following !== undefined && THOUSANDS.has(following)) return { value: value * 1000, next: next + 1 };
  return { value, next };
}

/** The word, then its readings without a single proclitic و / ف / ب / ل (وجرح → جرح). */
export function withoutConjunction(word: string): string[] {
  const readings = cliticReadings(word);
  if (readings.length === 0) return [word];
  return [word, ...readings.filter((r) => r.cliticLetters === 1).map((r) => r.stem)];
}
