// English word tokens with offsets, lowercase and lightly singularized, for query matching.

/** An English word of the text. */
export interface EnglishToken {
  /** The word as written. */
  readonly text: string;
  readonly lower: string;
  /** Lowercase, possessive and plural endings removed (attacks → attack, cities → city). */
  readonly stem: string;
  readonly start: number;
  readonly end: number;
  /** True when punctuation other than spaces and hyphens separates it from the previous token. */
  readonly gap: boolean;
}

/** Dotted acronyms (U.S.), and words with internal hyphens and apostrophes kept together (Deir-ez-Zor, al-Qaeda, Qa'im). */
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’ʿʾ-][\p{L}\p{N}]+)*/gu;
const SEPARATOR_ONLY = /^[\s-]*$/u;

/** Words ending in s that are not plurals. */
const NOT_PLURAL: ReadonlySet<string> = new Set([
  'isis', 'is', 'homs', 'this', 'his', 'has', 'was', 'as', 'us', 'yes', 'its', 'gas', 'bus', 'news',
  'series', 'species', 'iraqis', 'syrians', 'various', 'previous', 'famous', 'damascus',
]);

/**
 * Light English singular: drops a possessive, then -ies → -y, -ches/-shes/-sses/-xes → without
 * -es, and a final -s (not -ss, -us, -is).
 */
export function englishStem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, '');
  if (NOT_PLURAL.has(w) || w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ch|sh|ss|x)es$/u.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  return w;
}

/** Splits English text into word tokens with offsets. */
export function englishTokens(text: string): EnglishToken[] {
  const tokens: EnglishToken[] = [];
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const gap = tokens.length > 0 && !SEPARATOR_ONLY.test(text.slice(previousEnd, start));
    tokens.push({ text: m[0], lower: m[0].toLowerCase(), stem: englishStem(m[0]), start, end, gap });
    previousEnd = end;
  }
  return tokens;
}
