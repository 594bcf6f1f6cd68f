// Single-pass matching of many multi-word phrases over tokens, keyed by the phrase's first word.

import { cliticReadings, wordInfosOf, type MatchToken } from './match-tokens.js';

/** A phrase to find: its words in normalized spelling, and what it stands for. */
export interface PhraseEntry<T> {
  readonly words: readonly string[];
  readonly value: T;
}

/** Where a phrase was found: tokens `[first, last)`; `cliticLetters` proclitic letters precede it in token `first`. */
export interface PhraseMatch<T> {
  readonly entry: PhraseEntry<T>;
  readonly first: number;
  readonly last: number;
  readonly cliticLetters: number;
}

/** Decides whether a candidate match counts; the scan tries the next candidate when it does not. */
export type AcceptMatch<T> = (match: PhraseMatch<T>) => boolean;

/** An index's contents as a cache keeps them: its phrases by first word, each list longest first, and its options. */
export interface StoredPhraseIndex<T> {
  readonly byFirst: Map<string, PhraseEntry<T>[]>;
  readonly clitics: boolean;
  readonly noClitics: ReadonlySet<string>;
}

/** Options for building an index. */
export interface PhraseIndexOptions {
  /** Look up the first word also without proclitics (و ف ب ك ل and combinations). Default true. */
  readonly clitics?: boolean;
  /** Words whose proclitic readings are never tried (لبنان is not ل + بنان). */
  readonly noClitics?: ReadonlySet<string>;
}

/**
 * The first words of every index built, each with the bit of its index (the first 31 indexes get
 * one; later ones are scanned without the filter). With it a token array is looked up once for all
 * indexes: the bits of a token say which indexes have a phrase starting at it (by the word or one of
 * its proclitic readings), and each index's scan steps over the tokens without its bit.
 */
const firstWordBits = new Map<string, number>();
let indexesBuilt = 0;
/** Bumped when an index is built: bits worked out before then lack its bit. */
let generation = 0;
/** The bits of a normalized word with its proclitic readings, for the current generation. */
const wordBits = new Map<string, number>();
const WORD_BITS_LIMIT = 200_000;
/** The bits of the last token array scanned (the tables scan one array after another). */
let lastTokens: readonly MatchToken[] | null = null;
let lastBits = new Uint32Array(0);
let lastGeneration = -1;

function bitsOfWord(word: string): number {
  let bits = firstWordBits.get(word) ?? 0;
  for (const reading of cliticReadings(word)) bits |= firstWordBits.get(reading.stem) ?? 0;
  return bits;
}

/** `bitsOfWord`, memoized per normalized word for token arrays that come without word entries. */
function cachedBitsOfWord(word: string): number {
  let bits = wordBits.get(word);
  if (bits === undefined) {
    bits = bitsOfWord(word);
    if (wordBits.size >= WORD_BITS_LIMIT) wordBits.clear();
    wordBits.set(word, bits);
  }
  return bits;
}

/** Per token, the bits of the indexes that may have a phrase starting there; worked out once per token array. */
function bitsOfTokens(tokens: readonly MatchToken[]): Uint32Array {
  if (tokens === lastTokens && lastGeneration === generation && lastBits.length === tokens.length) return lastBits;
  const bits = new Uint32Array(tokens.length);
  const infos = wordInfosOf(tokens);
  if (infos !== undefined) {
    // The word entries of a matchTokens result keep their bits: no lookup per token.
    for (let k = 0; k < tokens.length; k++) {
      const info = infos[k]!;
      if (info.bitsGeneration !== generation) {
        info.bits = bitsOfWord(info.norm);
        info.bitsGeneration = generation;
      }
      bits[k] = info.bits;
    }
  } else {
    for (let k = 0; k < tokens.length; k++) bits[k] = cachedBitsOfWord(tokens[k]!.norm);
  }
  lastTokens = tokens;
  lastBits = bits;
  lastGeneration = generation;
  return bits;
}

/**
 * Phrases indexed by first word. `scan` walks the tokens once; at each token it looks up the
 * word itself, then its proclitic readings, and tries the phrases starting there longest first.
 * The first accepted match wins and the scan continues after it, so matches never overlap.
 */
export class PhraseIndex<T> {
  private readonly byFirst: Map<string, PhraseEntry<T>[]>;
  private readonly clitics: boolean;
  private readonly noClitics: ReadonlySet<string>;
  /** This index's bit in `firstWordBits`; 0 when it has none (then every token is tried). */
  private readonly bit: number;

  /**
   * `grouped`: the phrases already grouped by first word, each list longest first, as `stored()` gives
   * them (an index read back from a cache); `entries` is then not read.
   */
  constructor(entries: Iterable<PhraseEntry<T>>, options: PhraseIndexOptions = {}, grouped?: Map<string, PhraseEntry<T>[]>) {
    this.clitics = options.clitics ?? true;
    this.noClitics = options.noClitics ?? new Set();
    this.byFirst = grouped ?? new Map();
    if (grouped === undefined) {
      for (const entry of entries) {
        const first = entry.words[0];
        if (first === undefined) continue;
        const list = this.byFirst.get(first) ?? [];
        list.push(entry);
        this.byFirst.set(first, list);
      }
      for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    }
    this.bit = indexesBuilt < 31 ? 1 << indexesBuilt : 0;
    indexesBuilt++;
    if (this.bit !== 0) {
      for (const word of this.byFirst.keys()) firstWordBits.set(word, (firstWordBits.get(word) ?? 0) | this.bit);
      generation++;
      wordBits.clear();
    }
  }

  /** What the index holds, for a cache (`node:v8` serializes it): read back with `PhraseIndex.fromStored`. */
  stored(): StoredPhraseIndex<T> {
    return { byFirst: this.byFirst, clitics: this.clitics, noClitics: this.noClitics };
  }

  /** The index `stored()` gave, as a new index (registered like one built now). */
  static fromStored<T>(stored: StoredPhraseIndex<T>): PhraseIndex<T> {
    return new PhraseIndex<T>([], { clitics: stored.clitics, noClitics: stored.noClitics }, stored.byFirst);
  }

  /** True when some phrase starts with this normalized word. */
  hasFirstWord(word: string): boolean {
    return this.byFirst.has(word);
  }

  /** All non-overlapping accepted matches, left to right. */
  scan(tokens: readonly MatchToken[], accept: AcceptMatch<T> = () => true): PhraseMatch<T>[] {
    const matches: PhraseMatch<T>[] = [];
    const bit = this.bit;
    const bits = bit !== 0 ? bitsOfTokens(tokens) : null;
    let i = 0;
    while (i < tokens.length) {
      if (bits !== null && (bits[i]! & bit) === 0) {
        i++;
        continue;
      }
      const match = this.matchAt(tokens, i, accept);
      if (match) {
        matches.push(match);
        i = match.last;
      } else {
        i++;
      }
    }
    return matches;
  }

  /** The accepted match starting at token `i`, if any. */
  matchAt(tokens: readonly MatchToken[], i: number, accept: AcceptMatch<T>): PhraseMatch<T> | null {
    const word = tokens[i]!.norm;
    const whole = this.tryWord(tokens, i, word, 0, accept);
    if (whole || !this.clitics || this.noClitics.has(word)) return whole;
    for (const reading of cliticReadings(word)) {
      const match = this.tryWord(tokens, i, reading.stem, reading.cliticLetters, accept);
      if (match) return match;
    }
    return null;
  }

  private tryWord(
    tokens: readonly MatchToken[], i: number, first: string, cliticLetters: number, accept: AcceptMatch<T>,
  ): PhraseMatch<T> | null {
    const candidates = this.byFirst.get(first);
    if (!candidates) return null;
    for (const entry of candidates) {
      const n = entry.words.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < n; k++) {
        const token = tokens[i + k]!;
        if (token.gap || token.norm !== entry.words[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const match: PhraseMatch<T> = { entry, first: i, last: i + n, cliticLetters };
      if (accept(match)) return match;
    }
    return null;
  }
}
