// The Arabic analyzer: composes tokenizing, normalization, stopwords, name protection and stemming.
import {
  ALEF, ARABIC_DECIMAL_SEPARATOR, ARABIC_THOUSANDS_SEPARATOR, BEH, FEH, KAF, LAM, WAW,
} from './letters.js';
import { derivedTerm, NAME_VERBS, readsAsVerb } from './name-homographs.js';
import { normalizeArabic } from './normalize-arabic.js';
import { withUnitFastPath } from './unit-fast-path.js';
import { singularOf, type PluralTable } from './plural-singulars.js';
import { stemArabic } from './stem-arabic.js';
import { isStopword } from './stopwords.js';
import { forEachTokenSpan } from './tokenize.js';

/** One indexed token: its term, its normalized surface form, where it is in the original, and its word position. */
export interface AnalyzedToken {
  /** What is indexed and matched: the stem, or a protected name with its article. */
  readonly term: string;
  /** The token after normalization and lowercasing, before stemming. */
  readonly norm: string;
  /** UTF-16 offsets `[start, end)` into the original text. */
  readonly start: number;
  readonly end: number;
  /** Word position, counting removed stopwords, from 0. */
  readonly position: number;
}

export interface Analyzer {
  /** Tokens of text, normalized, stopwords removed, stemmed (protected words kept whole). position counts every token incl. removed stopwords, so phrase/proximity gaps are honest. */
  analyze(text: string): AnalyzedToken[];
  /** Just the terms, for indexing; must be allocation-light and fast. */
  terms(text: string): string[];
  /** The term one single word becomes, or null if it is a stopword/empty (or is not one single word). */
  termOf(word: string): string | null;
}

export interface AnalyzerOptions {
  /** Place and actor names (e.g. الرقة, داعش) that are never stemmed and absorb their proclitics. */
  readonly protectedWords?: Iterable<string>;
  /** Broken plurals to singulars (loadPlurals()), applied before stemming; none by default (plain light10). */
  readonly plurals?: PluralTable;
}

/** The definite article, which a protected name may be written with or without. */
const ARTICLE = ALEF + LAM;

/**
 * Proclitics a protected name may carry, longest first:
 * وبال ولل وال بال فال كال لل وب ول و ف ب ك ل.
 */
const PROCLITICS: readonly string[] = [
  WAW + BEH + ALEF + LAM,
  WAW + LAM + LAM,
  WAW + ALEF + LAM,
  BEH + ALEF + LAM,
  FEH + ALEF + LAM,
  KAF + ALEF + LAM,
  LAM + LAM,
  WAW + BEH,
  WAW + LAM,
  WAW,
  FEH,
  BEH,
  KAF,
  LAM,
];

/** A name is matched without its article only if two letters remain: one letter would catch unrelated words. */
const MIN_BARE_NAME_LENGTH = 2;

/** Number separators folded to ASCII so ١٠٬٠٠٠ and 10,000 meet: ٬ to `,` and ٫ to `.`. */
const NUMBER_SEPARATORS = new RegExp(`[${ARABIC_THOUSANDS_SEPARATOR}${ARABIC_DECIMAL_SEPARATOR}]`, 'gu');

function foldNumberSeparators(text: string): string {
  return text.replace(NUMBER_SEPARATORS, (ch) => (ch === ARABIC_THOUSANDS_SEPARATOR ? ',' : '.'));
}

/** NFKC spells a few ligatures as several words (ﷺ); their spaces go, so no term holds whitespace. */
const WHITESPACE = /\s/gu;

/** The full normalization of steps 1-2: `normalizeArabic`, number separators to ASCII, lowercase. */
function normalizeSlowly(raw: string): string {
  return foldNumberSeparators(normalizeArabic(raw)).toLowerCase().replace(WHITESPACE, '');
}

/**
 * Steps 1-2 of the pipeline: `normalizeArabic` (NFKC, digits, marks, letter folding), number
 * separators to ASCII, then lowercase. Tokens without combining marks or rare characters, most of
 * any text, skip the regex passes: unchanged units are kept as slices, folded ones (أ ة ى ـ A)
 * replaced from the table.
 */
const normalizeToken = withUnitFastPath(normalizeSlowly, {
  // The Latin blocks and the Arabic block; Greek is left out because lowercasing Σ depends on its place in the word.
  end: 0x0700,
  covers: (code) => code < 0x0250 || code >= 0x0600,
});

/** Protected names: every form a token may match (name, name without article) to the name's term. */
interface ProtectedNames {
  readonly terms: ReadonlyMap<string, string>;
  /** The forms that are a name without its article (رقه for الرقه): after a clitic, only one that carries the article may precede them. */
  readonly bare: ReadonlySet<string>;
  /** Lengths of the forms in `terms`, to skip slicing a token when no form could match. */
  readonly lengths: ReadonlySet<number>;
  /** The names' terms: a stem equal to one, of a token that is not the name, is a word derived from it. */
  readonly named: ReadonlySet<string>;
}

/** Normalizes the protected words as tokens are normalized; an entry of several words protects each. */
function buildProtectedNames(words: Iterable<string>): ProtectedNames {
  const bare = new Map<string, string>();
  const full = new Map<string, string>();
  for (const entry of words) {
    forEachTokenSpan(entry, (start, end) => {
      const name = normalizeToken(entry.slice(start, end));
      if (name === '') return;
      full.set(name, name);
      const withoutArticle = name.slice(ARTICLE.length);
      if (name.startsWith(ARTICLE) && withoutArticle.length >= MIN_BARE_NAME_LENGTH && !bare.has(withoutArticle)) {
        bare.set(withoutArticle, name);
      }
    });
  }
  // A name as written wins over another name's article-less form.
  const terms = new Map([...bare, ...full]);
  const bareOnly = new Set([...bare.keys()].filter((form) => !full.has(form)));
  return { terms, bare: bareOnly, lengths: new Set([...terms.keys()].map((form) => form.length)), named: new Set(terms.values()) };
}

/**
 * Proclitics that end in the article, or in the لل that swallows its alef (بال، وال، لل، ولل…): only
 * these may precede a name written without its article. و + رقه is ورقه (a paper), not والرقه.
 */
const ARTICLE_CLITICS: ReadonlySet<string> = new Set(PROCLITICS.filter((c) => c.endsWith(ARTICLE) || c.endsWith(LAM + LAM)));

/** First units of the proclitics, so most tokens skip the proclitic loop after one comparison. */
const PROCLITIC_INITIALS: ReadonlySet<number> = new Set(PROCLITICS.map((clitic) => clitic.charCodeAt(0)));

/** Whether `word` starts with `prefix`, compared unit by unit. */
function startsWithUnits(word: string, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) {
    if (word.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
  }
  return true;
}

/** Step 5: the protected name a normalized token is a form of, or null. */
function protectedTerm(names: ProtectedNames, norm: string): string | null {
  if (names.terms.size === 0) return null;
  const whole = names.terms.get(norm);
  if (whole !== undefined) return whole;
  if (!PROCLITIC_INITIALS.has(norm.charCodeAt(0))) return null;
  for (let c = 0; c < PROCLITICS.length; c++) {
    const clitic = PROCLITICS[c]!;
    if (!names.lengths.has(norm.length - clitic.length) || !startsWithUnits(norm, clitic)) continue;
    const rest = norm.slice(clitic.length);
    const name = names.terms.get(rest);
    if (name !== undefined && (!names.bare.has(rest) || ARTICLE_CLITICS.has(clitic))) return name;
  }
  return null;
}

/** Clitics after which a name is the place whatever follows (بتدمر، لتدمر): prepositions, not the conjunction. */
const PLACE_CLITICS = /^(?:ب|ل|ك|وب|ول|فب|فل)/u;

/** The normalized token after offset `from` (looked at only for a name that is also a verb), or null. */
function nextNorm(text: string, from: number): string | null {
  let next: string | null = null;
  const window = text.slice(from, from + 48);
  forEachTokenSpan(window, (start, end) => {
    if (next === null) next = normalizeToken(window.slice(start, end));
  });
  return next;
}

/**
 * Step 5's term for a token: a protected name's term, unless the name is also a verb and the token reads
 * as the verb (name-homographs.ts: الطائرات تدمر المنازل); null for a token that is no name.
 */
function nameTerm(names: ProtectedNames, norm: string, previous: string | null, text: string, end: number): string | null {
  const name = protectedTerm(names, norm);
  if (name === null) return null;
  const verb = NAME_VERBS.get(name);
  if (verb === undefined || PLACE_CLITICS.test(norm.slice(0, norm.length - name.length))) return name;
  return readsAsVerb(previous, nextNorm(text, end), isStopword) ? verb : name;
}

type TermVisitor = (term: string, norm: string, start: number, end: number, position: number) => void;

/**
 * The composer. Per token, in this order, and the order matters:
 * 1-2. normalize and lowercase first, so every spelling (harakat, hamza forms, ى/ة, presentation
 *      forms, Eastern digits, Latin case) meets in one form before any lookup;
 * 3.   drop tokens that normalize to nothing (only marks, tatweel, joiners): they are not words
 *      and take no position;
 * 4.   stopwords on the normalized surface form, which is how the list is written (منها, وفي);
 *      stemmed first, stopwords would be missed and content words mistaken for them;
 *      a stopword still takes its position, so phrase and proximity gaps stay honest;
 * 5.   name protection before stemming, so names are never stemmed (light10 turns الرقة into رق)
 *      and every clitic form of a name meets the name's own term; a name that is also a verb is the
 *      verb where its neighbours say so (name-homographs.ts);
 * 6.   a broken plural becomes its singular (data/arabic/plurals.tsv), so مقابر meets مقبرة;
 * 7.   stemming last, on what is left; a stem that is a name's term without the token being the name
 *      (البغدادي → بغداد) is a word derived from it and keeps its nisba ي (بغدادي).
 */
function visitTerms(names: ProtectedNames, plurals: PluralTable, text: string, visit: TermVisitor): void {
  let position = 0;
  let previous: string | null = null;
  forEachTokenSpan(text, (start, end) => {
    const norm = normalizeToken(text.slice(start, end));
    if (norm === '') return;
    const at = position++;
    const before = previous;
    previous = norm;
    if (isStopword(norm)) return;
    const name = nameTerm(names, norm, before, text, end);
    if (name !== null) {
      visit(name, norm, start, end, at);
      return;
    }
    const stemmed = stemArabic(singularOf(plurals, norm));
    visit(names.named.has(stemmed) ? (derivedTerm(norm, stemmed) ?? stemmed) : stemmed, norm, start, end, at);
  });
}

/**
 * Creates an analyzer. `protectedWords` are normalized here, once; a token matches a protected
 * word if it equals it, or equals it without its leading ال, with or without a proclitic
 * (و ف ب ك ل، وال بال فال كال لل، وب ول وبال ولل); its term is then the word as listed, article
 * included, so بالرقة، والرقة، للرقة and الرقة all become الرقه.
 */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const names = buildProtectedNames(options.protectedWords ?? []);
  const plurals = options.plurals ?? new Map<string, string>();
  return {
    analyze(text) {
      const tokens: AnalyzedToken[] = [];
      visitTerms(names, plurals, text, (term, norm, start, end, position) => {
        tokens.push({ term, norm, start, end, position });
      });
      return tokens;
    },
    terms(text) {
      const terms: string[] = [];
      visitTerms(names, plurals, text, (term) => {
        terms.push(term);
      });
      return terms;
    },
    termOf(word) {
      let spans = 0;
      let first = 0;
      let last = 0;
      forEachTokenSpan(word, (start, end) => {
        if (spans++ > 0) return;
        first = start;
        last = end;
      });
      if (spans !== 1) return null;
      let result: string | null = null;
      visitTerms(names, plurals, word.slice(first, last), (term) => {
        result = term;
      });
      return result;
    },
  };
}

/** The analyzer with no protected words. */
export const defaultAnalyzer: Analyzer = createAnalyzer();
