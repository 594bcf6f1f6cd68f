// Word tokens in normalized spelling with original offsets, and the proclitic readings of a word.

import {
  ALEF, ARABIC_DECIMAL_SEPARATOR, ARABIC_THOUSANDS_SEPARATOR, BEH, FEH, KAF, LAM, TATWEEL, WAW,
  ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER,
} from '../arabic/letters.js';
import { normalizeArabic } from '../arabic/normalize-arabic.js';

/** A word or number of the text, normalized, with the UTF-16 span `[start, end)` it covers in the original. */
export interface MatchToken {
  /** `normalizeArabic` of the original slice (Latin letters keep their case). */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  /** True when something other than spaces (punctuation, a line break) separates it from the previous token. */
  readonly gap: boolean;
}

/** Numbers keep their separators (10,000 and 3.7); words are runs of letters, marks, digits and joiners. */
const TOKEN = new RegExp(
  `\\p{N}+(?:[.,${ARABIC_DECIMAL_SEPARATOR}${ARABIC_THOUSANDS_SEPARATOR}]\\p{N}+)*|[\\p{L}\\p{M}\\p{N}${ZERO_WIDTH_NON_JOINER}${ZERO_WIDTH_JOINER}${TATWEEL}]+`,
  'gu',
);
const SPACE = 0x20;
const TAB = 0x09;
const NO_BREAK_SPACE = 0xa0;

/** True when `text[from, to)` holds only spaces and tabs (no punctuation, no line break). */
function spacesOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== NO_BREAK_SPACE) return false;
  }
  return true;
}

/** Normalized spellings of words seen so far; news vocabulary repeats, so most lookups hit. */
const normCache = new Map<string, string>();
const NORM_CACHE_LIMIT = 200_000;

/** `normalizeArabic` memoized per word. */
export function normalizeWord(word: string): string {
  let norm = normCache.get(word);
  if (norm === undefined) {
    norm = normalizeArabic(word);
    if (normCache.size >= NORM_CACHE_LIMIT) normCache.clear();
    normCache.set(word, norm);
  }
  return norm;
}

/**
 * Splits text into tokens for phrase matching. Each token carries its normalized spelling and
 * its span in the original, so matches found on normalized words mark the original text.
 */
export function matchTokens(text: string): MatchToken[] {
  const tokens: MatchToken[] = [];
  let previousEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const norm = normalizeWord(m[0]);
    if (norm === '') continue;
    const gap = tokens.length > 0 && !spacesOnly(text, previousEnd, start);
    tokens.push({ norm, start, end, gap });
    previousEnd = end;
  }
  return tokens;
}

/** A reading of a word with its proclitics removed. */
export interface CliticReading {
  /** The word without proclitics (لل restored to ال). */
  readonly stem: string;
  /** How many letters of the original word the proclitics take. */
  readonly cliticLetters: number;
}

const DEFINITE = ALEF + LAM;
/** Proclitic letters and the combinations news Arabic writes: و ف ب ك ل, وب وك ول فب فك فل. */
const CLITICS: readonly string[] = [
  WAW, FEH, BEH, KAF, LAM,
  WAW + BEH, WAW + KAF, WAW + LAM, FEH + BEH, FEH + KAF, FEH + LAM,
];
const CLITIC_FIRST = new Set([WAW, FEH, BEH, KAF, LAM]);
/** Shortest stem worth looking up after removing proclitics. */
const MIN_STEM = 3;

/**
 * The readings of a normalized word with proclitics removed, shortest proclitic first; the word
 * itself is not included. `وبدير` → `بدير`, `دير`; `للرقه` → `لرقه`, `الرقه` (لل is ل + ال);
 * `والرقه` → `الرقه`, `لرقه`.
 */
export function cliticReadings(word: string): readonly CliticReading[] {
  if (word.length <= MIN_STEM || !CLITIC_FIRST.has(word[0]!)) return NONE;
  let readings = readingCache.get(word);
  if (readings === undefined) {
    readings = computeReadings(word);
    if (readingCache.size >= NORM_CACHE_LIMIT) readingCache.clear();
    readingCache.set(word, readings);
  }
  return readings;
}

const NONE: readonly CliticReading[] = [];
/** Readings of words seen so far (the scans of places, actors and events ask for the same words). */
const readingCache = new Map<string, readonly CliticReading[]>();

function computeReadings(word: string): readonly CliticReading[] {
  const out: CliticReading[] = [];
  for (const clitic of CLITICS) {
    if (!word.startsWith(clitic) || word.length - clitic.length < MIN_STEM) continue;
    const rest = word.slice(clitic.length);
    // ك (as) is written before definite nouns (كالرقه); before bare words it is mostly a root letter (كسبه).
    if (clitic.endsWith(KAF) && !rest.startsWith(DEFINITE)) continue;
    out.push({ stem: rest, cliticLetters: clitic.length });
    // ل before the article drops its alef: ل + الرقه is written للرقه.
    if (clitic.endsWith(LAM) && rest[0] === LAM && rest.length > MIN_STEM) {
      out.push({ stem: DEFINITE + rest.slice(1), cliticLetters: clitic.length });
    }
  }
  return dedupe(out);
}

function dedupe(readings: CliticReading[]): CliticReading[] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    if (seen.has(r.stem)) return false;
    seen.add(r.stem);
    return true;
  });
}

/** The original offset just after the first `letters` letters of the token starting at `start` (marks skipped). */
export function offsetAfterLetters(text: string, start: number, letters: number): number {
  let i = start;
  let counted = 0;
  while (i < text.length && counted < letters) {
    if (normalizeWord(text[i]!) !== '') counted++;
    i++;
  }
  while (i < text.length && normalizeWord(text[i]!) === '') i++;
  return i;
}
