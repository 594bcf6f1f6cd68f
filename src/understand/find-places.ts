// Finds Syrian and Iraqi place mentions in Arabic text and resolves each to a gazetteer P-code.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { arabicPlaceLexicon, type ArabicPlaceLexicon } from './arabic-place-lexicon.js';
import { LEVEL_RANK, type Place } from './gazetteer.js';
import { cliticReadings, matchTokens, offsetAfterLetters, type MatchToken } from './match-tokens.js';
import type { PhraseMatch } from './phrase-index.js';
import {
  COUNTRY_PRECEDERS, DESCRIPTORS, DIRECTION_ADJECTIVES, DIRECTION_NOUNS, FOLLOWING_PLACE_CUES,
  type CueStrength,
} from './place-cues.js';

/**
 * What a place name stands for where it is written: a `location` (something is, or happens, there);
 * a `government` (a capital or country speaking or acting: أعلنت بغداد، دمشق تدين); or a name `in_name`
 * of something else (a road, a university, an organisation: الطريق الدولي دمشق - دير الزور).
 * Only locations can be where an event happened.
 */
export type PlaceRole = 'location' | 'government' | 'in_name';

/** A place named in the text. Offsets are UTF-16 offsets into the original text. */
export interface PlaceMention {
  /** What the name stands for here; absent means `location`. */
  readonly role?: PlaceRole;
  readonly pcode: string;
  /** The governorate; null when the mention is a whole country. */
  readonly admin1Pcode: string | null;
  /** Start of the mention: of the descriptor when there is one, else of the name (after any proclitic). */
  readonly start: number;
  /** End of the name, or of the direction adjective after it. */
  readonly end: number;
  readonly surface: string;
  /** The outermost descriptor written before the name: ريف، بادية، مدينة، محافظة، ناحية، قرية ... */
  readonly descriptor?: string;
  /** A direction: before the name (شرق، شمال شرق) or after it (شرقي، شمالي شرقي). */
  readonly direction?: string;
}

/** What the text says around a matched name. */
interface Context {
  /** Token index where the mention starts (the outermost descriptor or the name). */
  readonly firstToken: number;
  /** Original offset where the mention starts. */
  readonly start: number;
  /** Strength of the descriptor right before the name. */
  readonly cue: CueStrength | null;
  /** Admin level the descriptor right before the name points to. */
  readonly levelHint: string | null;
  readonly descriptor: string | null;
  readonly direction: string | null;
}

interface RawMention {
  readonly match: PhraseMatch<string>;
  /** Counts only when a place of its governorate follows within two tokens. */
  readonly needsNearby: boolean;
  readonly context: Context;
  /** Token index after the mention (after direction adjectives). */
  readonly lastToken: number;
  readonly end: number;
  readonly suffixDirection: string | null;
}

const SYRIA_BARE = normalizeArabic('سورية');

/** A descriptor or direction noun at token `k`, with its proclitic letters; null when it is neither. */
function descriptorAt(token: MatchToken): { word: string; cliticLetters: number } | null {
  if (DESCRIPTORS.has(token.norm) || DIRECTION_NOUNS.has(token.norm)) return { word: token.norm, cliticLetters: 0 };
  for (const reading of cliticReadings(token.norm)) {
    if (DESCRIPTORS.has(reading.stem) || DIRECTION_NOUNS.has(reading.stem)) {
      return { word: reading.stem, cliticLetters: reading.cliticLetters };
    }
  }
  return null;
}

/** Reads up to three descriptor / direction words written before the name at token `first`. */
function readContext(text: string, tokens: readonly MatchToken[], match: PhraseMatch<string>): Context {
  const nameStart = offsetAfterLetters(text, tokens[match.first]!.start, match.cliticLetters);
  const none: Context = {
    firstToken: match.first, start: nameStart, cue: null, levelHint: null, descriptor: null, direction: null,
  };
  if (match.cliticLetters > 0) return none;
  let k = match.first - 1;
  let cue: CueStrength | null = null;
  let levelHint: string | null = null;
  let descriptor: string | null = null;
  const directions: string[] = [];
  let firstToken = match.first;
  let start = nameStart;
  while (k >= 0 && match.first - k <= 3 && !tokens[k + 1]!.gap) {
    const found = descriptorAt(tokens[k]!);
    if (!found) break;
    const row = DESCRIPTORS.get(found.word);
    if (row) {
      if (k === match.first - 1) {
        cue = row.strength;
        levelHint = row.level ?? null;
      }
      descriptor ??= row.label;
    } else {
      directions.unshift(DIRECTION_NOUNS.get(found.word)!);
    }
    firstToken = k;
    start = offsetAfterLetters(text, tokens[k]!.start, found.cliticLetters);
    if (found.cliticLetters > 0) break;
    k--;
  }
  return { firstToken, start, cue, levelHint, descriptor, direction: directions.length > 0 ? directions.join(' ') : null };
}

/** Direction adjectives after the mention (الشرقي، الشمالي الشرقي): their label and the token after them. */
function readSuffix(tokens: readonly MatchToken[], last: number): { direction: string | null; lastToken: number } {
  const labels: string[] = [];
  let k = last;
  while (k < tokens.length && labels.length < 2 && !tokens[k]!.gap && DIRECTION_ADJECTIVES.has(tokens[k]!.norm)) {
    labels.push(DIRECTION_ADJECTIVES.get(tokens[k]!.norm)!);
    k++;
  }
  return { direction: labels.length > 0 ? labels.join(' ') : null, lastToken: k };
}

function minLevel(places: readonly Place[]): number {
  let min = 9;
  for (const p of places) min = Math.min(min, LEVEL_RANK[p.level]);
  return min;
}

/** Whether a matched name counts: yes, no, or only if a place of its governorate follows right after. */
type Verdict = 'yes' | 'no' | 'if-nearby';

/** The previous accepted mention, for coordination (الرقة والطبقة). */
interface Previous {
  readonly lastToken: number;
  readonly governorate: string | null;
}

const QADA = normalizeArabic('قضاء');
const NAHIYA = normalizeArabic('ناحية');
const MIN = normalizeArabic('من');

/** The cue strength the descriptor before a name lends to it (قضاء only before Iraqi names, not in من ناحية). */
function effectiveCue(
  tokens: readonly MatchToken[], match: PhraseMatch<string>, context: Context, places: readonly Place[],
): CueStrength | null {
  if (context.cue === null) return null;
  const cueAt = match.first - 1;
  const cueToken = tokens[cueAt]!;
  if (cueToken.norm === QADA && !places.some((p) => p.country === 'IRQ' && LEVEL_RANK[p.level] <= 3)) return null;
  if (cueToken.norm === NAHIYA && tokens[cueAt - 1]?.norm === MIN) return null;
  return context.cue;
}

/**
 * Whether a matched name counts as a place here. Governorates and countries always count; district
 * and sub-district names unless they are common words or read like personal names (then they need
 * a village or city cue, or to be coordinated with a place of their governorate: الرقة والطبقة);
 * community names need a cue, or to be well known, multi-word and not a personal name, coordinated
 * with a place of their governorate, or followed by بريف / شرق ... and a place of their governorate.
 */
function judge(
  lexicon: ArabicPlaceLexicon, tokens: readonly MatchToken[], match: PhraseMatch<string>, context: Context,
  previous: Previous | null,
): Verdict {
  const name = match.entry.value;
  if (lexicon.wellKnown.has(name)) return 'yes';
  const places = lexicon.candidates.get(name) ?? [];
  const level = minLevel(places);
  if (name === SYRIA_BARE && match.cliticLetters === 0 && context.firstToken === match.first) {
    // The bare form is also the adjective "Syrian" (مصادر سورية); count it after a preposition or at a clause start.
    const before = tokens[match.first - 1];
    return before === undefined || tokens[match.first]!.gap || COUNTRY_PRECEDERS.has(before.norm) ? 'yes' : 'no';
  }
  if (level <= 1) return 'yes';
  const coordinated = match.cliticLetters > 0 && previous !== null && previous.lastToken === match.first &&
    !tokens[match.first]!.gap && places.some((p) => p.admin1Pcode === previous.governorate);
  const cue = effectiveCue(tokens, match, context, places);
  if (lexicon.common.has(name) || (level === 3 && lexicon.personLike.has(name))) {
    return cue === 'village' || (level <= 3 && (cue === 'city' || coordinated)) ? 'yes' : 'no';
  }
  if (level <= 3 || cue !== null || coordinated) return 'yes';
  if (lexicon.personLike.has(name)) return 'no';
  if (match.entry.words.length > 1) return 'yes';
  const next = tokens[match.last];
  return next !== undefined && !next.gap && FOLLOWING_PLACE_CUES.has(next.norm) ? 'if-nearby' : 'no';
}

/** The governorate of a name read at its highest level, when that is unambiguous. */
function governorateOf(lexicon: ArabicPlaceLexicon, name: string): string | null {
  const known = lexicon.wellKnown.get(name);
  if (known) return known.admin1Pcode;
  const places = lexicon.candidates.get(name) ?? [];
  const high = places.filter((p) => LEVEL_RANK[p.level] <= 2 && p.admin1Pcode !== null);
  const governorates = new Set(high.map((p) => p.admin1Pcode));
  return governorates.size === 1 ? [...governorates][0]! : null;
}

/**
 * Chooses the place a name refers to: well-known names resolve directly; otherwise governorates
 * and districts of that name win over sub-districts and communities; among those, a place in a
 * governorate named right after (الشحيل بريف دير الزور) or elsewhere in the text wins, then the
 * level a village cue names (قرية → community), then the higher level, then Syria over Iraq.
 * A community name left ambiguous between governorates
 * resolves to nothing. A descriptor (مدينة، ناحية، محافظة) then picks the place of that level
 * with the same name inside the chosen place, else in its governorate.
 */
function resolve(
  lexicon: ArabicPlaceLexicon, raw: RawMention, nearby: string | null,
  mentioned: ReadonlySet<string>, countries: ReadonlySet<string>,
): Place | null {
  const name = raw.match.entry.value;
  const known = lexicon.wellKnown.get(name);
  if (known) return known;
  const all = lexicon.candidates.get(name) ?? [];
  if (raw.needsNearby) {
    const local = all.find((p) => p.admin1Pcode !== null && p.admin1Pcode === nearby);
    return local ?? null;
  }
  const high = all.filter((p) => LEVEL_RANK[p.level] <= 2);
  const pool = high.length > 0 ? high : all;
  const hint = raw.context.levelHint;
  const score = (p: Place): number =>
    (p.admin1Pcode !== null && p.admin1Pcode === nearby ? 8 : 0) +
    (raw.context.cue === 'village' && p.level === hint ? 1 : 0) +
    (p.admin1Pcode !== null && mentioned.has(p.admin1Pcode) ? 4 : 0) +
    (countries.has(p.country) ? 1 : 0) +
    (5 - LEVEL_RANK[p.level]) * 0.5 +
    (p.country === 'SYR' ? 0.25 : 0);
  const ranked = [...pool].sort((a, b) => score(b) - score(a));
  const best = ranked[0];
  if (!best) return null;
  const second = ranked[1];
  if (high.length === 0 && second && score(second) === score(best) && second.admin1Pcode !== best.admin1Pcode) return null;
  if (hint && best.level !== hint) {
    const refined = all.find((p) => p.level === hint && p.lineage.includes(best.pcode)) ??
      all.find((p) => p.level === hint && p.admin1Pcode === best.admin1Pcode);
    if (refined) return refined;
  }
  return best;
}

/** Place mentions in Arabic text, left to right. */
export function findPlaces(text: string): PlaceMention[] {
  return findPlacesInTokens(text, matchTokens(text));
}

/** `findPlaces` on tokens already produced by `matchTokens(text)`. */
export function findPlacesInTokens(text: string, tokens: readonly MatchToken[]): PlaceMention[] {
  const lexicon = arabicPlaceLexicon();
  const blocked = new Uint8Array(tokens.length);
  for (const m of lexicon.blockers.scan(tokens)) blocked.fill(1, m.first, m.last);

  const raws: RawMention[] = [];
  let previous: Previous | null = null;
  lexicon.index.scan(tokens, (match) => {
    for (let k = match.first; k < match.last; k++) if (blocked[k]) return false;
    const context = readContext(text, tokens, match);
    const verdict = judge(lexicon, tokens, match, context, previous);
    if (verdict === 'no') return false;
    const suffix = readSuffix(tokens, match.last);
    raws.push({
      match, needsNearby: verdict === 'if-nearby', context, lastToken: suffix.lastToken,
      end: tokens[suffix.lastToken - 1]!.end, suffixDirection: suffix.direction,
    });
    previous = { lastToken: suffix.lastToken, governorate: governorateOf(lexicon, match.entry.value) };
    return true;
  });

  const mentioned = new Set<string>();
  const countries = new Set<string>();
  const governorates = raws.map((raw) => (raw.needsNearby ? null : governorateOf(lexicon, raw.match.entry.value)));
  raws.forEach((raw, k) => {
    const g = governorates[k];
    if (g) mentioned.add(g);
    for (const p of lexicon.candidates.get(raw.match.entry.value) ?? []) if (p.level === 'admin0') countries.add(p.country);
  });

  const mentions: PlaceMention[] = [];
  raws.forEach((raw, k) => {
    const next = raws[k + 1];
    const nearby = next && next.context.firstToken - raw.lastToken <= 2 ? governorates[k + 1] ?? null : null;
    const place = resolve(lexicon, raw, nearby, mentioned, countries);
    if (!place) return;
    const direction = raw.suffixDirection ?? raw.context.direction;
    mentions.push({
      pcode: place.pcode,
      admin1Pcode: place.admin1Pcode,
      start: raw.context.start,
      end: raw.end,
      surface: text.slice(raw.context.start, raw.end),
      ...(raw.context.descriptor ? { descriptor: raw.context.descriptor } : {}),
      ...(direction ? { direction } : {}),
    });
  });
  return mentions;
}
