/** English query words and phrases of the domain with the Arabic words reports use for them (data/lexicon/en-ar.tsv). */
import { readFileSync } from 'node:fs';
import { repoPath } from '../config/repo-path.js';

export interface EnglishLexicon {
  /** English phrase (lower case, single spaces) to its Arabic forms. */
  readonly forms: ReadonlyMap<string, readonly string[]>;
  /** The phrases that name countries and cities (the file's sections marked `# --- countries` and `# --- cities`): the gazetteer wins over them. */
  readonly placeLike: ReadonlySet<string>;
}

/** A lexicon phrase found in a query: its span and its key. */
export interface LexiconMatch {
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

/** The longest phrase looked for, in words. */
const MAX_WORDS = 5;
const WORD = /[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}'’-]*/gu;

const keyOf = (english: string) => english.toLowerCase().replace(/’/g, "'").trim().split(/\s+/).join(' ');

/** Parses `english forms<TAB>arabic forms` lines (both |-separated; # starts a comment). A repeated English form gathers every line's Arabic. */
export function parseEnglishLexicon(tsv: string): EnglishLexicon {
  const lexicon = new Map<string, string[]>();
  const placeLike = new Set<string>();
  let places = false;
  for (const line of tsv.split('\n')) {
    if (line.startsWith('# ---')) places = /countries|cities/.test(line);
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [english, arabic] = line.split('\t');
    const forms = (arabic ?? '').split('|').map((f) => f.trim()).filter(Boolean);
    if (english === undefined || forms.length === 0) throw new Error(`english lexicon: not english<TAB>arabic: ${line}`);
    for (const word of english.split('|')) {
      const key = keyOf(word);
      if (key === '') continue;
      lexicon.set(key, [...new Set([...(lexicon.get(key) ?? []), ...forms])]);
      if (places) placeLike.add(key);
    }
  }
  return { forms: lexicon, placeLike };
}

let loaded: EnglishLexicon | undefined;

/** The project's lexicon, read once. */
export function loadEnglishLexicon(): EnglishLexicon {
  return (loaded ??= parseEnglishLexicon(readFileSync(repoPath('data', 'lexicon', 'en-ar.tsv'), 'utf8')));
}

/**
 * The lexicon phrases in `text`, longest first and not overlapping, left to right. A word missing
 * from the lexicon is also tried without a plural -s or -es (graves → grave).
 */
export function findEnglishPhrases(lexicon: EnglishLexicon, text: string): LexiconMatch[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, word: keyOf(m[0]) }));
  const found: LexiconMatch[] = [];
  for (let i = 0; i < words.length; ) {
    let match: LexiconMatch | undefined;
    for (let n = Math.min(MAX_WORDS, words.length - i); n >= 1 && match === undefined; n--) {
      const span = words.slice(i, i + n);
      // Only words next to each other (no punctuation between) make a phrase.
      if (span.some((w, k) => k > 0 && !/^\s+$/u.test(text.slice(span[k - 1]!.end, w.start)))) continue;
      const phrase = span.map((w) => w.word).join(' ');
      for (const key of [phrase, phrase.replace(/es$/, ''), phrase.replace(/s$/, '')]) {
        if (key.length > 1 && lexicon.forms.has(key)) {
          match = { start: span[0]!.start, end: span.at(-1)!.end, key };
          break;
        }
      }
    }
    if (match === undefined) {
      i++;
      continue;
    }
    found.push(match);
    i = words.findIndex((w) => w.start >= match!.end);
    if (i < 0) break;
  }
  return found;
}
