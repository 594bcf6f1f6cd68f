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
const NUMBER_SEPARATORS = `.,${ARABIC_DECIMAL_SEPARATOR}${ARABIC_THOUSANDS_SEPARATOR}`;
const WORD_CHARACTER = `\\p{L}\\p{M}\\p{N}${ZERO_WIDTH_NON_JOINER}${ZERO_WIDTH_JOINER}${TATWEEL}`;
const TOKEN = new RegExp(`\\p{N}+(?:[${NUMBER_SEPARATORS}]\\p{N}+)*|[${WORD_CHARACTER}]+`, 'gu');
const SPACE = 0x20;
const TAB = 0x09;
const NO_BREAK_SPACE = 0xa0;
/** A hashtag joins its words with underscores (#مقتل_شخصين، #سيارة_مفخخة): between two words it is a space. */
const UNDERSCORE = 0x5f;

/** True when `text[from, to)` holds only spaces, tabs and a hashtag's underscores (no punctuation, no line break). */
function spacesOnly(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== NO_BREAK_SPACE && code !== UNDERSCORE) return false;
  }
  return true;
}

/** What is known of one written word: its normalized spelling, and what the phrase indexes worked out about it. */
export interface WordInfo {
  readonly norm: string;
  /** The bits of the phrase indexes with a phrase starting at this word (see phrase-index.ts), as of `bitsGeneration`. */
  bits: number;
  bitsGeneration: number;
}

/**
 * Words seen so far, as written; news vocabulary repeats, so most lookups hit. Emptied when full: at
 * 50,000 words (and the readings' cache likewise) each thread holds about 30 MiB less than at 200,000,
 * for the same ingest CPU (docs/performance.md, "Memory of a bulk ingest").
 */
const wordCache = new Map<string, WordInfo>();
const NORM_CACHE_LIMIT = 50_000;

/** The entry of a written word; `plain` when it is known to be its own normalized spelling. */
function wordInfo(word: string, plain: boolean): WordInfo {
  let info = wordCache.get(word);
  if (info === undefined) {
    info = { norm: plain ? word : normalizeArabic(word), bits: 0, bitsGeneration: -1 };
    if (wordCache.size >= NORM_CACHE_LIMIT) wordCache.clear();
    wordCache.set(word, info);
  }
  return info;
}

/** `normalizeArabic` memoized per word. */
export function normalizeWord(word: string): string {
  return wordInfo(word, false).norm;
}

/**
 * The word entries of the last two token arrays made (a report's body, then its title: each is scanned
 * by the phrase tables right after it is made). Held strongly and only two: a weak map of every array
 * kept each report's tokens alive until a full collection.
 */
const recentTokens: (readonly MatchToken[] | null)[] = [null, null];
const recentWords: (readonly WordInfo[] | null)[] = [null, null];
let recentNext = 0;

function remember(tokens: readonly MatchToken[], infos: readonly WordInfo[]): void {
  recentTokens[recentNext] = tokens;
  recentWords[recentNext] = infos;
  recentNext = 1 - recentNext;
}

/** The word entry of each token, when `tokens` is one of the last two `matchTokens` results made, unchanged. */
export function wordInfosOf(tokens: readonly MatchToken[]): readonly WordInfo[] | undefined {
  const k = recentTokens[0] === tokens ? 0 : recentTokens[1] === tokens ? 1 : -1;
  const infos = k < 0 ? null : recentWords[k]!;
  return infos !== null && infos.length === tokens.length ? infos : undefined;
}

/** Character classes of `TOKEN`, per UTF-16 unit (surrogates excluded): */
const WORD = 1; // in `[\p{L}\p{M}\p{N} ZWNJ ZWJ tatweel]`
const DIGIT = 2; // in `\p{N}`
const SEPARATOR = 4; // in NUMBER_SEPARATORS
/** Arabic letters (hamza to yeh) and ASCII letters, digits, `.` and `,` that `normalizeArabic` leaves as they are, alone or in any sequence. */
const PLAIN = 8;
/** Not classified yet: the table fills in as characters are met, so starting costs nothing. */
const UNKNOWN = 0xff;
const classes = new Uint8Array(0x10000).fill(UNKNOWN);
const wordCharacter = new RegExp(`[${WORD_CHARACTER}]`, 'u');
const digitCharacter = /\p{N}/u;
const plainRange = /[\u0621-\u064a0-9A-Za-z.,]/u;

/** The classes of the UTF-16 unit at `text[i]` (0 past the end), from the same character classes as `TOKEN`. */
function classAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const code = text.charCodeAt(i);
  const known = classes[code]!;
  if (known !== UNKNOWN) return known;
  const ch = String.fromCharCode(code);
  let c = 0;
  if (code < 0xd800 || code > 0xdfff) {
    if (wordCharacter.test(ch)) c |= WORD;
    if (digitCharacter.test(ch)) c |= DIGIT;
    if (NUMBER_SEPARATORS.includes(ch)) c |= SEPARATOR;
    // None of these composes with a neighbour under NFKC (the Arabic marks that do, U+0653..U+0655, are not plain).
    if (plainRange.test(ch) && normalizeArabic(ch) === ch) c |= PLAIN;
  }
  classes[code] = c;
  return c;
}

/** Without the u flag, so that it matches the halves of a pair. */
const SURROGATE = /[\ud800-\udfff]/;

/** Calls `visit` with each match `TOKEN` finds in `text` (which holds no surrogates), in order, and whether all its characters are plain. */
function scanTokens(text: string, visit: (start: number, end: number, plain: boolean) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = classAt(text, i);
    if ((c & WORD) === 0) {
      i++;
      continue;
    }
    const start = i;
    let plain = PLAIN;
    if (c & DIGIT) {
      // \p{N}+(?:[separators]\p{N}+)*
      do {
        plain &= c;
        c = classAt(text, ++i);
      } while (c & DIGIT);
      while (c & SEPARATOR && classAt(text, i + 1) & DIGIT) {
        plain &= c;
        c = classAt(text, ++i);
        do {
          plain &= c;
          c = classAt(text, ++i);
        } while (c & DIGIT);
      }
    } else {
      do {
        plain &= c;
        c = classAt(text, ++i);
      } while (c & WORD);
    }
    visit(start, i, plain !== 0);
  }
}

/**
 * Splits text into tokens for phrase matching. Each token carries its normalized spelling and
 * its span in the original, so matches found on normalized words mark the original text.
 * A part of the last long text tokenized (a sentence of the report being understood) takes its
 * tokens from that text's (see `tokensOfPart`).
 */
export function matchTokens(text: string): MatchToken[] {
  const part = tokensOfPart(text);
  if (part !== null) return part;
  const tokens = tokenize(text);
  if (text.length >= SOURCE_MIN_CHARS) {
    sourceText = text;
    sourceTokens = tokens;
    sourceWords = wordInfosOf(tokens) ?? null;
  }
  return tokens;
}

function tokenize(text: string): MatchToken[] {
  if (SURROGATE.test(text)) return tokenizeWithRegExp(text);
  const tokens: MatchToken[] = [];
  const infos: WordInfo[] = [];
  let previousEnd = 0;
  scanTokens(text, (start, end, plain) => {
    const info = wordAt(text, start, end, plain);
    if (info.norm === '') return;
    const gap = tokens.length > 0 && !spacesOnly(text, previousEnd, start);
    tokens.push({ norm: info.norm, start, end, gap });
    infos.push(info);
    previousEnd = end;
  });
  remember(tokens, infos);
  return tokens;
}

/**
 * The words met while tokenizing, in an open-addressing table keyed by a hash of their characters:
 * a word seen before is found by comparing characters in place, without cutting it out of the text
 * (the slice and the map look-up per token were a tenth of the ingest's CPU).
 */
const TABLE_SLOTS = 1 << 16;
const TABLE_MAX_WORDS = TABLE_SLOTS >> 1;
const slotHash = new Int32Array(TABLE_SLOTS);
/** Index + 1 into `tableWords`; 0 for an empty slot. */
const slotWord = new Int32Array(TABLE_SLOTS);
const tableWords: string[] = [];
const tableInfos: WordInfo[] = [];

/** The entry of the word `text[start, end)`; `plain` when it is its own normalized spelling. */
function wordAt(text: string, start: number, end: number, plain: boolean): WordInfo {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  const length = end - start;
  let slot = hash & (TABLE_SLOTS - 1);
  for (let w = slotWord[slot]!; w !== 0; w = slotWord[slot]!) {
    if (slotHash[slot] === hash) {
      const word = tableWords[w - 1]!;
      if (word.length === length) {
        let k = 0;
        while (k < length && word.charCodeAt(k) === text.charCodeAt(start + k)) k++;
        if (k === length) return tableInfos[w - 1]!;
      }
    }
    slot = (slot + 1) & (TABLE_SLOTS - 1);
  }
  const word = text.slice(start, end);
  // A word of plain letters is its own normalized spelling.
  const info = wordInfo(word, plain);
  if (tableWords.length >= TABLE_MAX_WORDS) {
    slotWord.fill(0);
    tableWords.length = 0;
    tableInfos.length = 0;
    slot = hash & (TABLE_SLOTS - 1);
  }
  tableWords.push(word);
  tableInfos.push(info);
  slotHash[slot] = hash;
  slotWord[slot] = tableWords.length;
  return info;
}

/** `tokenize` by the regular expression itself: for text with characters beyond the BMP (emoji). */
export function tokenizeWithRegExp(text: string): MatchToken[] {
  const tokens: MatchToken[] = [];
  const infos: WordInfo[] = [];
  let previousEnd = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const info = wordInfo(m[0], false);
    if (info.norm === '') continue;
    const gap = tokens.length > 0 && !spacesOnly(text, previousEnd, start);
    tokens.push({ norm: info.norm, start, end, gap });
    infos.push(info);
    previousEnd = end;
  }
  remember(tokens, infos);
  return tokens;
}

/** Texts at least this long are kept as the source of their parts' tokens (a report's body, not its title). */
const SOURCE_MIN_CHARS = 200;
let sourceText = '';
let sourceTokens: readonly MatchToken[] = [];
let sourceWords: readonly WordInfo[] | null = null;

/** A character that can be part of a token, or next to one across a boundary (a number's separator, half a surrogate pair). */
function joins(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code >= 0xd800 && code <= 0xdfff) || (classAt(text, i) & (WORD | SEPARATOR)) !== 0;
}

/**
 * The tokens of `text` when it is a part of the source text whose ends fall between tokens:
 * those tokens, with offsets from the part's start and no gap before the first, which is what
 * tokenizing the part alone gives (a token depends only on the characters from its start to its
 * end, and no token of the source crosses the part's ends). Null when it is not such a part.
 */
function tokensOfPart(text: string): MatchToken[] | null {
  if (text.length >= sourceText.length || text.length === 0) return null;
  const at = sourceText.indexOf(text);
  if (at < 0) return null;
  const end = at + text.length;
  if (at > 0 && joins(sourceText, at - 1) && joins(sourceText, at)) return null;
  if (end < sourceText.length && joins(sourceText, end) && joins(sourceText, end - 1)) return null;
  const tokens = sourceTokens;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  const out: MatchToken[] = [];
  for (let k = lo; k < tokens.length && tokens[k]!.start < end; k++) {
    const t = tokens[k]!;
    out.push({ norm: t.norm, start: t.start - at, end: t.end - at, gap: out.length > 0 && t.gap });
  }
  if (sourceWords !== null && sourceWords.length === tokens.length) remember(out, sourceWords.slice(lo, lo + out.length));
  return out;
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
