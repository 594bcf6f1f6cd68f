// Finds the terms of a lexicon table (actors, event types) in Arabic text and in English queries.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { englishTokens } from './english-tokens.js';
import { matchTokens, offsetAfterLetters, type MatchToken } from './match-tokens.js';
import { PhraseIndex, type PhraseEntry } from './phrase-index.js';

/** One lexicon entry: a key and the ways it is written. */
export interface TermRow<K extends string> {
  readonly key: K;
  /** Arabic forms as usually written; normalized when the matcher is built. */
  readonly arabic: readonly string[];
  /** English forms, matched case-insensitively on singularized words. */
  readonly english: readonly string[];
  /** English forms matched only with exactly this capitalization (IS, US). */
  readonly englishExactCase?: readonly string[];
}

/** A term found in text; offsets are UTF-16 offsets into the original. */
export interface TermMention<K extends string> {
  readonly key: K;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
}

/** Options of a term matcher. */
export interface TermMatcherOptions {
  /** Arabic phrases that contain a term without meaning it (قنابل ضوئية): matched and dropped. */
  readonly arabicIgnore?: readonly string[];
  /** English phrases matched and dropped in the same way. */
  readonly englishIgnore?: readonly string[];
  /** Also match each Arabic form with the article on every word (هجوم انتحاري → الهجوم الانتحاري). */
  readonly definiteVariants?: boolean;
}

const DEFINITE = normalizeArabic('ال');
/** Words that never take the article in a definite variant. */
const PARTICLES: ReadonlySet<string> = new Set(
  ['على', 'من', 'في', 'إلى', 'عن', 'مع', 'بدون'].map(normalizeArabic),
);

const normalizePhrase = (phrase: string): string[] =>
  normalizeArabic(phrase).split(/\s+/u).filter((w) => w !== '');

function definiteVariant(words: readonly string[]): string[] | null {
  if (words.some((w) => w.startsWith(DEFINITE))) return null;
  return words.map((w) => (PARTICLES.has(w) ? w : DEFINITE + w));
}

/** Matches a lexicon table in a single pass over tokens (longest phrase first at each token). */
export class TermMatcher<K extends string> {
  private readonly arabic: PhraseIndex<K | null>;
  private readonly english: PhraseIndex<K | null>;
  private readonly exactCase: ReadonlyMap<string, K>;

  constructor(rows: readonly TermRow<K>[], options: TermMatcherOptions = {}) {
    const arabicEntries: PhraseEntry<K | null>[] = [];
    const englishEntries: PhraseEntry<K | null>[] = [];
    const exactCase = new Map<string, K>();
    const addArabic = (phrase: string, value: K | null): void => {
      const words = normalizePhrase(phrase);
      if (words.length === 0) return;
      arabicEntries.push({ words, value });
      const definite = options.definiteVariants ? definiteVariant(words) : null;
      if (definite) arabicEntries.push({ words: definite, value });
    };
    const addEnglish = (phrase: string, value: K | null): void => {
      const words = englishTokens(phrase).map((t) => t.stem);
      if (words.length > 0) englishEntries.push({ words, value });
    };
    for (const row of rows) {
      for (const form of row.arabic) addArabic(form, row.key);
      for (const form of row.english) addEnglish(form, row.key);
      for (const form of row.englishExactCase ?? []) exactCase.set(form, row.key);
    }
    for (const phrase of options.arabicIgnore ?? []) addArabic(phrase, null);
    for (const phrase of options.englishIgnore ?? []) addEnglish(phrase, null);
    this.arabic = new PhraseIndex(dedupe(arabicEntries));
    this.english = new PhraseIndex(englishEntries, { clitics: false });
    this.exactCase = exactCase;
  }

  /** Terms in Arabic text (normalized spelling, proclitics allowed on the first word). */
  findArabic(text: string, tokens: readonly MatchToken[] = matchTokens(text)): TermMention<K>[] {
    const mentions: TermMention<K>[] = [];
    for (const m of this.arabic.scan(tokens)) {
      const key = m.entry.value;
      if (key === null) continue;
      const start = offsetAfterLetters(text, tokens[m.first]!.start, m.cliticLetters);
      const end = tokens[m.last - 1]!.end;
      mentions.push({ key, start, end, surface: text.slice(start, end) });
    }
    return mentions;
  }

  /** Terms in English text: whole words, case-insensitive, plural or singular. */
  findEnglish(text: string): TermMention<K>[] {
    const words = englishTokens(text);
    const tokens: MatchToken[] = words.map((w) => ({ norm: w.stem, start: w.start, end: w.end, gap: w.gap }));
    const mentions: TermMention<K>[] = [];
    const taken = new Uint8Array(words.length);
    for (const m of this.english.scan(tokens)) {
      taken.fill(1, m.first, m.last);
      const key = m.entry.value;
      if (key === null) continue;
      const start = tokens[m.first]!.start;
      const end = tokens[m.last - 1]!.end;
      mentions.push({ key, start, end, surface: text.slice(start, end) });
    }
    words.forEach((w, k) => {
      const key = this.exactCase.get(w.text);
      if (key !== undefined && !taken[k]) mentions.push({ key, start: w.start, end: w.end, surface: w.text });
    });
    return mentions.sort((a, b) => a.start - b.start);
  }
}

function dedupe<V>(entries: PhraseEntry<V>[]): PhraseEntry<V>[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const key = e.words.join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

