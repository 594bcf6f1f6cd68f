// Reads a number written in Arabic news text: digits (10، 10,000، 1.5 مليون) or words (عشرين، خمسة وعشرين، ثلاثمئة وخمسين، ثلاثة آلاف).

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { cliticReadings, type MatchToken } from './match-tokens.js';

/**
 * Vague quantities: العشرات (dozens), المئات, الآلاف, عدد من (several); `named`, one person named rather than counted
 * (مقتل القيادي، مصرع أبو خليل), which a count of the same happening overrides.
 */
export type Approximation = 'about' | 'at_least' | 'more_than' | 'dozens' | 'hundreds' | 'thousands' | 'several' | 'named';

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
const TEN = 10;
const TEENS_SUFFIX: ReadonlySet<string> = new Set(['عشر', 'عشرة'].map(normalizeArabic));
const TENS = table([
  ['عشرون', 20], ['عشرين', 20], ['ثلاثون', 30], ['ثلاثين', 30], ['أربعون', 40], ['أربعين', 40],
  ['خمسون', 50], ['خمسين', 50], ['ستون', 60], ['ستين', 60], ['سبعون', 70], ['سبعين', 70],
  ['ثمانون', 80], ['ثمانين', 80], ['تسعون', 90], ['تسعين', 90],
]);
const HUNDRED_WORDS: ReadonlySet<string> = new Set(['مئة', 'مائة', 'مئه', 'مائه'].map(normalizeArabic));
const HUNDREDS = table([
  ['مئة', 100], ['مائة', 100], ['مئتان', 200], ['مئتين', 200], ['مائتان', 200], ['مائتين', 200], ['مئتي', 200], ['مائتي', 200],
  ['ثلاثمئة', 300], ['ثلاثمائة', 300], ['أربعمئة', 400], ['أربعمائة', 400], ['خمسمئة', 500], ['خمسمائة', 500],
  ['ستمئة', 600], ['ستمائة', 600], ['سبعمئة', 700], ['سبعمائة', 700], ['ثمانمئة', 800], ['ثمانمائة', 800],
  ['تسعمئة', 900], ['تسعمائة', 900],
]);
/** Scale words after a number (ثلاثة آلاف، 230 ألف، 1.5 مليون); alone, ألف / ألفين / مليون are numbers. */
const SCALES = table([
  ['ألف', 1e3], ['آلاف', 1e3], ['ألفا', 1e3], ['مليون', 1e6], ['ملايين', 1e6], ['مليار', 1e9], ['مليارات', 1e9],
]);
const ALONE = table([['ألف', 1e3], ['ألفين', 2e3], ['ألفان', 2e3], ['ألفي', 2e3], ['مليون', 1e6], ['مليونين', 2e6], ['مليونان', 2e6]]);
/** Vague quantities written instead of a number; the larger scale wins in عشرات الآلاف. */
const VAGUE: ReadonlyMap<string, Approximation> = new Map(
  ([
    ['عشرات', 'dozens'], ['العشرات', 'dozens'], ['مئات', 'hundreds'], ['المئات', 'hundreds'], ['آلاف', 'thousands'],
    ['الآلاف', 'thousands'], ['عدد', 'several'], ['عددا', 'several'], ['عدة', 'several'], ['بضعة', 'several'], ['بضع', 'several'],
    ['العديد', 'several'],
  ] as const).map(([word, approx]) => [normalizeArabic(word), approx]),
);
const VAGUE_RANK: Readonly<Record<Approximation, number>> = {
  about: 0, at_least: 0, more_than: 0, named: 0, several: 1, dozens: 2, hundreds: 3, thousands: 4,
};
/** Qualifiers before a number, as word sequences: ما يقرب من، نحو، أكثر من ... */
const QUALIFIERS: readonly (readonly [readonly string[], Approximation])[] = (
  [
    ['ما يقرب من', 'about'], ['ما يقارب', 'about'], ['نحو', 'about'], ['حوالي', 'about'], ['قرابة', 'about'],
    ['زهاء', 'about'], ['قرابه', 'about'], ['ما لا يقل عن', 'at_least'], ['لا يقل عن', 'at_least'],
    ['أكثر من', 'more_than'], ['ما يزيد عن', 'more_than'], ['ما يزيد على', 'more_than'], ['أزيد من', 'more_than'],
    ['ما يربو على', 'more_than'], ['ما يفوق', 'more_than'], ['أقل من', 'about'],
  ] as const
).map(([phrase, approx]) => [normalizeArabic(phrase).split(' '), approx] as const);

const DIGITS = /^\p{Nd}+(?:[.,]\p{Nd}{3})*$/u;
const DECIMAL = /^\p{Nd}+[.,]\p{Nd}{1,2}$/u;
const AND = normalizeArabic('و');
const THOUSANDS_WORD = normalizeArabic('آلاف');
/** عدد and its accusative عددا: "several" only before من. */
const SEVERAL_OF: ReadonlySet<string> = new Set(['عدد', 'عددا'].map(normalizeArabic));
/** "Large" between عدد and من (عدد كبير من، عددا كبيرا من): still several. */
const LARGE: ReadonlySet<string> = new Set(['كبير', 'كبيرا'].map(normalizeArabic));
const OF = normalizeArabic('من');

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

const isNumberWord = (w: string): boolean => UNITS.has(w) || TENS.has(w) || HUNDREDS.has(w) || ALONE.has(w);

/**
 * A number below a thousand in words starting at token `k`: ثلاثمئة وخمسة وعشرون، ثلاث مئة،
 * خمسة عشر، عشرون. `joined` allows a leading و on the first word (the و of a compound).
 */
function readBelowThousand(tokens: readonly MatchToken[], k: number, joined: boolean): { value: number; next: number } | null {
  // The first word may follow punctuation; the و of a compound may not.
  const first = joined ? wordAt(tokens, k) : tokens[k]?.norm;
  if (first === undefined) return null;
  const word = joined ? afterAnd(first) : first;
  if (word === null) return null;
  let value: number;
  let next = k + 1;
  const unit = UNITS.get(word);
  if (HUNDREDS.has(word)) {
    value = HUNDREDS.get(word)!;
  } else if (unit !== undefined) {
    value = unit;
    const following = wordAt(tokens, next);
    if (following !== undefined && HUNDRED_WORDS.has(following) && unit < TEN) {
      value = unit * 100;
      next++;
    } else if (following !== undefined && TEENS_SUFFIX.has(following) && unit < TEN) {
      return { value: unit + TEN, next: next + 1 };
    } else {
      const tens = TENS.get(afterAnd(following ?? '') ?? '');
      if (tens !== undefined && unit < TEN) return { value: unit + tens, next: next + 1 };
      return { value, next };
    }
  } else if (TENS.has(word)) {
    return { value: TENS.get(word)!, next };
  } else {
    return null;
  }
  // After hundreds: و + a smaller number (ثلاثمئة وخمسون، مئة وخمسة وعشرون).
  const rest = readBelowThousand(tokens, next, true);
  if (rest && rest.value < 100) return { value: value + rest.value, next: rest.next };
  return { value, next };
}

/** Reads a number starting at token `k` (digits, number words, or a vague quantity); null when there is none. */
export function readNumber(tokens: readonly MatchToken[], k: number): ReadNumber | null {
  const written = tokens[k]?.norm;
  if (written === undefined) return null;
  // A number joined to و (و12، وخمسة) reads as the number.
  const bare = afterAnd(written);
  const word = bare !== null && (DIGITS.test(bare) || isNumberWord(bare) || VAGUE.has(bare)) ? bare : written;
  if (DIGITS.test(word)) return withScale(tokens, Number(word.replace(/[.,]/gu, '')), k + 1);
  if (DECIMAL.test(word)) {
    const scaled = withScale(tokens, Number(word.replace(',', '.')), k + 1);
    return scaled.next > k + 1 ? { value: Math.round(scaled.value!), next: scaled.next } : null;
  }
 const vague = VAGUE.get(word);
  // عدد القتلى is "the number of the dead"; only عدد من is "several", and عدد كبير من.
  if (SEVERAL_OF.has(word) && LARGE.has(wordAt(tokens, k + 1) ?? '') && wordAt(tokens, k + 2) === OF) return { value: null, approx: 'several', next: k + 2 };
  if (SEVERAL_OF.has(word) && wordAt(tokens, k + 1) !== OF) return null;
  if (vague && !(word === THOUSANDS_WORD && k > 0 && UNITS.has(tokens[k - 1]!.norm))) {
    // عشرات الآلاف: tens of thousands.
    const larger = VAGUE.get(wordAt(tokens, k + 1) ?? '');
    if (larger && VAGUE_RANK[larger] > VAGUE_RANK[vague] && VAGUE_RANK[vague] > 1) {
      return { value: null, approx: larger, next: k + 2 };
    }
    return { value: null, approx: vague, next: k + 1 };
  }
  const alone = ALONE.get(word);
  if (alone !== undefined && !word.startsWith(THOUSANDS_WORD)) return continued(tokens, alone, k + 1);
  const small = readBelowThousand(tokens, k, word !== written);
  if (!small) return null;
  const scaled = withScale(tokens, small.value, small.next);
  return scaled.next > small.next ? continued(tokens, scaled.value!, scaled.next) : scaled;
}

/** After a thousands figure, و + the rest (ثلاثة آلاف وخمسمئة، ألف ومئتان). */
function continued(tokens: readonly MatchToken[], value: number, next: number): ReadNumber {
  const rest = readBelowThousand(tokens, next, true);
  return rest ? { value: value + rest.value, next: rest.next } : { value, next };
}

/** Applies a following scale word (ثلاثة آلاف = 3000، 1.5 مليون). */
function withScale(tokens: readonly MatchToken[], value: number, next: number): ReadNumber {
  const following = wordAt(tokens, next);
  const scale = following === undefined ? undefined : SCALES.get(following);
  return scale !== undefined ? { value: value * scale, next: next + 1 } : { value, next };
}

/** The first of the word and its one-proclitic readings (وجرح → جرح) that `has` accepts, without allocating. */
export function findWithoutConjunction(word: string, has: (w: string) => boolean): string | undefined {
  if (has(word)) return word;
  for (const reading of cliticReadings(word)) {
    if (reading.cliticLetters === 1 && has(reading.stem)) return reading.stem;
  }
  return undefined;
}

/** The word, then its readings without a single proclitic و / ف / ب / ل (وجرح → جرح). */
export function withoutConjunction(word: string): string[] {
  const readings = cliticReadings(word);
  if (readings.length === 0) return [word];
  return [word, ...readings.filter((r) => r.cliticLetters === 1).map((r) => r.stem)];
}
