// Finds place mentions in Arabic text (Syria and Iraq down to villages, the world's countries and the
// region's provinces and cities, landmarks) and resolves each to a gazetteer P-code and a role.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { arabicPlaceLexicon, type ArabicPlaceLexicon } from './arabic-place-lexicon.js';
import { isLandmark, LEVEL_RANK, type Place } from './gazetteer.js';
import { cliticReadings, matchTokens, offsetAfterLetters, type MatchToken } from './match-tokens.js';
import type { PhraseMatch } from './phrase-index.js';
import {
  COUNTRY_PRECEDERS, DESCRIPTORS, DIRECTION_ADJECTIVES, DIRECTION_NOUNS, FOLLOWING_PLACE_CUES,
  type CueStrength,
} from './place-cues.js';
import { datelineEnd, placeRoles, type PlaceRole } from './place-roles.js';

export type { PlaceRole } from './place-roles.js';

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
/** Country names that are also the feminine adjective: السلطات السعودية is "the Saudi authorities". */
const ADJECTIVE_COUNTRIES: ReadonlySet<string> = new Set(['السعودية'].map(normalizeArabic));
/** Prepositions that make a common district name read as a place when no adjective follows (في الطبقة). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(
  ['في', 'من', 'إلى', 'الى', 'نحو', 'قرب', 'باتجاه', 'داخل', 'حول', 'محيط', 'بمحيط', 'أطراف'].map(normalizeArabic),
);
const DEFINITE = normalizeArabic('ال');
/** A dateline is looked for only when a place is named this close to the text's start. */
const DATELINE_SCAN = 70;

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

/** True when a name is an ordinary word and needs a cue. */
function isCommon(lexicon: ArabicPlaceLexicon, name: string): boolean {
  return lexicon.common.has(name) && !lexicon.cueExempt.has(name);
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
  const places = lexicon.candidates.get(name) ?? [];
  const coordinated = match.cliticLetters > 0 && previous !== null && previous.lastToken === match.first &&
    !tokens[match.first]!.gap && places.some((p) => p.admin1Pcode === previous.governorate);
  if (lexicon.commonWellKnown.has(name)) {
    return context.cue !== null || coordinated || afterPrepositionAlone(tokens, match) || afterConstructNoun(tokens, match) ? 'yes' : 'no';
  }
  if (lexicon.wellKnown.has(name)) return 'yes';
  const level = minLevel(places);
  if ((name === SYRIA_BARE || ADJECTIVE_COUNTRIES.has(name)) && match.cliticLetters === 0 && context.firstToken === match.first) {
    // The bare form is also the adjective "Syrian" (مصادر سورية); count it after a preposition or at a clause start.
    const before = tokens[match.first - 1];
    if (before === undefined || tokens[match.first]!.gap || COUNTRY_PRECEDERS.has(before.norm)) return 'yes';
    return name === SYRIA_BARE || before.norm.startsWith(DEFINITE) ? 'no' : 'yes';
  }
  const cue = effectiveCue(tokens, match, context, places);
  if (level <= 1 && isCommon(lexicon, name)) {
    // A world name that is also a word (مالي، فارس): a descriptor, a preposition or coordination.
    const before = tokens[match.first - 1];
    const preceded = match.cliticLetters === 0 && before !== undefined && !tokens[match.first]!.gap && COUNTRY_PRECEDERS.has(before.norm);
    return cue !== null || coordinated || preceded ? 'yes' : 'no';
  }
  if (level <= 1) return 'yes';
  if (isCommon(lexicon, name) || (level === 3 && lexicon.personLike.has(name))) {
    if (cue === 'village' || (level <= 3 && (cue === 'city' || coordinated))) return 'yes';
    // A world town that is a word too (الحرث، الطوال) takes any descriptor, as a world province does: محافظة الحرث.
    if (cue !== null && places.every((p) => p.country !== 'SYR' && p.country !== 'IRQ')) return 'yes';
    return lexicon.prepositionNames.has(name) && (afterPrepositionAlone(tokens, match) || afterConstructNoun(tokens, match) || afterAttackOn(tokens, match)) ? 'yes' : 'no';
  }
  if (level <= 3 || cue !== null || coordinated) return 'yes';
  if (lexicon.personLike.has(name)) return 'no';
  // A direction noun names a place next to a village (جنوب الدشيشة).
  if (context.direction !== null && context.firstToken < match.first) return 'yes';
  if (match.entry.words.length > 1) return 'yes';
  const next = tokens[match.last];
  return next !== undefined && !next.gap && FOLLOWING_PLACE_CUES.has(next.norm) ? 'if-nearby' : 'no';
}

const SHADDA = /\u0651/u;
const OF_THE_FAITH = normalizeArabic('الدين');
/** Words after a name that keep it a place: prepositions, particles and times of day (صلاح الدين في، شرطة صلاح الدين أمس). */
const PLACE_FOLLOWERS: ReadonlySet<string> = new Set(
  [
    'في', 'من', 'إلى', 'على', 'عن', 'مع', 'بعد', 'قبل', 'خلال', 'حيث', 'شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'قرب',
    'إن', 'أن', 'بأن', 'لأن', 'إنه', 'أنه', 'أمس', 'مساء', 'صباح', 'فجر', 'ليل', 'ليلة', 'يوم', 'ظهر', 'عصر', 'لم', 'لن', 'قد',
  ].map(normalizeArabic),
);
/**
 * A place named like a man (صلاح الدين، عز الدين، شمس الدين) followed at once by another name (قال صلاح الدين ديمرتاش،
 * الدكتور صلاح الدين عبد الكريم): the man. After a preposition, a descriptor or و (في صلاح الدين أمس، محافظة صلاح
 * الدين، ديالى وصلاح الدين) it is the place, and so it is before a word with the article (صلاح الدين العراقية), a
 * preposition, a conjunction or a number.
 */
function personNamed(tokens: readonly MatchToken[], found: { first: number; last: number; cliticLetters: number; entry: { value: string } }): boolean {
  if (!found.entry.value.endsWith(` ${OF_THE_FAITH}`) || found.cliticLetters > 0) return false;
  const before = found.first > 0 && !tokens[found.first]!.gap ? tokens[found.first - 1]!.norm : null;
  if (before !== null && (COUNTRY_PRECEDERS.has(before) || DESCRIPTORS.has(before))) return false;
  const next = tokens[found.last];
  if (next === undefined || next.gap) return false;
  const w = next.norm;
  return !/^(?:ال|و|ف|\p{Nd})/u.test(w) && !PLACE_FOLLOWERS.has(w) && !DIRECTION_NOUNS.has(w) && !DESCRIPTORS.has(w);
}
/** Hama (حماة) is also "protectors" (حماة الوطن، حماة الأقصى، حماة الديار). */
const PROTECTORS = normalizeArabic('حماة');
/** Adjectives written after a city's name (حماة العسكري: its airport; حماة المجاورة، حماة السورية). */
const CITY_ADJECTIVES: ReadonlySet<string> = new Set(
  ['العسكري', 'العسكرية', 'المجاورة', 'المجاور', 'السورية', 'المركزي', 'المركزية', 'القديمة', 'الجديدة', 'الوسطى', 'المدنية'].map(normalizeArabic),
);
/**
 * حماة right before a noun with the article (حماة الوطن، حماة الأقصى): "the protectors of", no place. A direction or
 * another adjective after it (ريف حماة الشمالي، مطار حماة العسكري) keeps the city.
 */
function protectorsOf(tokens: readonly MatchToken[], found: { first: number; last: number; entry: { value: string } }): boolean {
  if (found.entry.value !== PROTECTORS || found.last !== found.first + 1) return false;
  const next = tokens[found.last];
  if (next === undefined || next.gap || !next.norm.startsWith(DEFINITE)) return false;
  return !DIRECTION_ADJECTIVES.has(next.norm) && !CITY_ADJECTIVES.has(next.norm);
}

/**
 * Place names that double a letter, so a shadda may be written on them (زمّار). In the research corpus every
 * other word with a shadda that reads as a gazetteer name is an ordinary word (المرّة، معيّن، صوّر، تدمّر).
 */
const DOUBLED_NAMES: ReadonlySet<string> = new Set(['زمار', 'الرقة', 'حمام', 'الحمام'].map(normalizeArabic));

/** Texts of at most this many words are queries or short headlines. */
const SHORT_TEXT_TOKENS = 6;

/**
 * True when a preposition stands right before the name (or the text is a query of a few words) and
 * no definite word follows it: في الطبقة and من الطبقة إلى الرقة read as the town, في الطبقة
 * السياسية as the word.
 */
/**
 * Nouns of a happening or of its people that take the place they belong to after them, in construct
 * (هجمات دوما، معركة الباب، حصار القائم، أهالي مسكنة): a vetted common-word name after one is the place.
 */
const CONSTRUCT_NOUNS: ReadonlySet<string> = new Set(
  [
    'هجوم', 'هجمات', 'مجزرة', 'مجازر', 'مذبحة', 'قصف', 'معركة', 'معارك', 'تفجير', 'تفجيرات', 'غارات', 'حصار',
    'اقتحام', 'سقوط', 'تحرير', 'استعادة', 'ضحايا', 'شهداء', 'قتلى', 'جرحى', 'أهالي', 'سكان', 'مدنيي', 'جبهة', 'محور',
  ].map(normalizeArabic),
);

/** No adjective of the article right after the name (في الطبقة, not في الطبقة السياسية), a direction aside (الباب الشرقي). */
function noAdjectiveAfter(tokens: readonly MatchToken[], match: PhraseMatch<string>): boolean {
  const next = tokens[match.last];
  return next === undefined || next.gap || !next.norm.startsWith(DEFINITE) || DIRECTION_ADJECTIVES.has(next.norm);
}

/** A name right after a construct noun (هجمات دوما), with no adjective of the article after it. */
function afterConstructNoun(tokens: readonly MatchToken[], match: PhraseMatch<string>): boolean {
  const before = tokens[match.first - 1];
  if (match.cliticLetters > 0 || before === undefined || tokens[match.first]!.gap || !CONSTRUCT_NOUNS.has(before.norm)) return false;
  return noAdjectiveAfter(tokens, match);
}

/** Attack words whose target follows على (هجوم كيماوي على دوما، غارات على الباب). */
const ATTACK_ON_HEADS: ReadonlySet<string> = new Set(
  ['هجوم', 'هجوما', 'هجمات', 'الهجوم', 'الهجمات', 'غارة', 'غارات', 'الغارة', 'الغارات', 'قصف', 'القصف', 'ضربة', 'ضربات', 'اعتداء']
    .map(normalizeArabic),
);
const ON = normalizeArabic('على');
/** How far before على its attack word may stand (هجوم بالغازات السامة على دوما). */
const ATTACK_ON_REACH = 3;

/** A name that is the target of an attack word (هجوم كيماوي على دوما), with no adjective of the article after it. */
function afterAttackOn(tokens: readonly MatchToken[], match: PhraseMatch<string>): boolean {
  const before = tokens[match.first - 1];
  if (match.cliticLetters > 0 || before === undefined || tokens[match.first]!.gap || before.norm !== ON) return false;
  const head = tokens.slice(Math.max(0, match.first - 1 - ATTACK_ON_REACH), match.first - 1)
    .some((t) => ATTACK_ON_HEADS.has(t.norm.replace(/^[وفب](?=...)/u, '')));
  if (!head) return false;
  return noAdjectiveAfter(tokens, match);
}

function afterPrepositionAlone(tokens: readonly MatchToken[], match: PhraseMatch<string>): boolean {
  const before = tokens[match.first - 1];
  // A query or headline of a few words (الطبقة، هجمات الطبقة) names the town unless an adjective follows.
  const short = tokens.length <= SHORT_TEXT_TOKENS;
  const hasPreposition = short || (match.cliticLetters > 0
    ? /[بل]/u.test(tokens[match.first]!.norm.slice(0, match.cliticLetters))
    : before !== undefined && !tokens[match.first]!.gap && PLACE_PREPOSITIONS.has(before.norm));
  if (!hasPreposition) return false;
  return noAdjectiveAfter(tokens, match);
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

/** One of the report's unambiguous places (or just its governorate or country), for resolving homonyms. */
interface Anchor {
  /** The name it was read from: a name is no evidence for itself. */
  readonly name: string;
  /** P-codes of the place and its ancestors up to the governorate (empty when only the country is known). */
  readonly lineage: ReadonlySet<string>;
  readonly country: string;
  readonly point: readonly [number, number] | null;
}

/** The place's point, or its nearest ancestor's (communities carry none). */
function pointOf(lexicon: ArabicPlaceLexicon, place: Place): readonly [number, number] | null {
  for (const pcode of place.lineage) {
    const p = lexicon.gazetteer.get(pcode);
    if (p && p.lat !== null && p.lon !== null) return [p.lat, p.lon];
  }
  return null;
}

/** Degrees-based distance, good enough to rank candidates (cos-latitude scaled). */
function distance(a: readonly [number, number], b: readonly [number, number]): number {
  const dx = (a[1] - b[1]) * Math.cos(((a[0] + b[0]) / 2) * (Math.PI / 180));
  return Math.hypot(a[0] - b[0], dx);
}

/** The anchors indexed by each P-code of their lineages and by country: the names they were read from. */
interface AnchorIndex {
  readonly all: readonly Anchor[];
  readonly byPcode: ReadonlyMap<string, readonly string[]>;
  readonly byCountry: ReadonlyMap<string, readonly string[]>;
}

function indexAnchors(anchors: readonly Anchor[]): AnchorIndex {
  const byPcode = new Map<string, string[]>();
  const byCountry = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, name: string): void => {
    const list = map.get(key);
    if (list) list.push(name);
    else map.set(key, [name]);
  };
  for (const a of anchors) {
    for (const pcode of a.lineage) push(byPcode, pcode, a.name);
    push(byCountry, a.country, a.name);
  }
  return { all: anchors, byPcode, byCountry };
}

/** True when some anchor other than the name itself is indexed under `key`. */
function anchoredBy(map: ReadonlyMap<string, readonly string[]>, key: string | null | undefined, name: string): boolean {
  if (!key) return false;
  const names = map.get(key);
  return names !== undefined && names.some((n) => n !== name);
}

/**
 * How close a candidate is to the report's other unambiguous places: 3 when one lies in the same
 * district (or is the place itself or its parent), 2 in the same governorate, 1 in the same
 * country, 0 otherwise.
 */
function affinity(place: Place, name: string, anchors: AnchorIndex): number {
  const [, parent, grandparent] = place.lineage;
  if (anchoredBy(anchors.byPcode, place.pcode, name) || anchoredBy(anchors.byPcode, parent, name) ||
    (place.level === 'admin4' && anchoredBy(anchors.byPcode, grandparent, name))) return 3;
  if (anchoredBy(anchors.byPcode, place.admin1Pcode, name)) return 2;
  return anchoredBy(anchors.byCountry, place.country, name) ? 1 : 0;
}

/** The distance from a candidate to the nearest other anchor with a point; null when unknown. */
function nearestAnchor(point: readonly [number, number], name: string, anchors: AnchorIndex): number | null {
  let min: number | null = null;
  for (const a of anchors.all) {
    if (a.name === name || a.point === null) continue;
    const d = distance(point, a.point);
    if (min === null || d < min) min = d;
  }
  return min;
}

/**
 * Chooses the place a name refers to: well-known names resolve directly; otherwise governorates
 * and districts of that name win over sub-districts and communities, unless a community lies closer
 * to the report's unambiguous places (المالكية near أعزاز is the Azaz village, not Hasakah's
 * district); among candidates, a place in a governorate named right after (الشحيل بريف دير الزور),
 * then one near the report's other places (same district, governorate, country; then the nearest
 * point), then the level a village cue names (قرية → community), then the higher level, then Syria
 * over Iraq. A community name left ambiguous between governorates resolves to nothing. A
 * descriptor (مدينة، ناحية، محافظة) then picks the place of that level with the same name inside
 * the chosen place, else in its governorate.
 */
function resolve(
  lexicon: ArabicPlaceLexicon, raw: RawMention, nearby: string | null, anchors: AnchorIndex,
): Place | null {
  const name = raw.match.entry.value;
  const known = lexicon.wellKnown.get(name);
  if (known) return known;
  const all = lexicon.candidates.get(name) ?? [];
  if (raw.needsNearby) {
    const local = all.find((p) => p.admin1Pcode !== null && p.admin1Pcode === nearby);
    return local ?? null;
  }
  if (all.length === 1) return all[0]!;
  const close = new Map(all.map((p) => [p, affinity(p, name, anchors)]));
  const high = all.filter((p) => LEVEL_RANK[p.level] <= 2);
  const bestHigh = Math.max(-1, ...high.map((p) => close.get(p)!));
  const closer = all.filter((p) => LEVEL_RANK[p.level] > 2 && close.get(p)! >= 2 && close.get(p)! > bestHigh);
  const pool = closer.length > 0 ? closer : high.length > 0 ? high : all;
  const hint = raw.context.levelHint;
  const governorates = new Set(pool.map((p) => p.admin1Pcode));
  const far = (p: Place): number => {
    // Distance ranks towns and provinces; communities of a name stay ambiguous without firmer evidence.
    if (governorates.size < 2 || high.length === 0) return 0;
    const point = pointOf(lexicon, p);
    const d = point ? nearestAnchor(point, name, anchors) : null;
    // Up to half a point for being nearer the report's other places.
    return d === null ? 0 : -Math.min(0.5, d / 40);
  };
  const score = (p: Place): number =>
    (p.admin1Pcode !== null && p.admin1Pcode === nearby ? 16 : 0) +
    close.get(p)! * 4 +
    (raw.context.cue === 'village' && p.level === hint ? 1 : 0) +
    (5 - LEVEL_RANK[p.level]) * 0.5 +
    (p.country === 'SYR' ? 0.25 : 0) +
    far(p);
  const scores = new Map(pool.map((p) => [p, score(p)]));
  const ranked = [...pool].sort((a, b) => scores.get(b)! - scores.get(a)!);
  const best = ranked[0];
  if (!best) return null;
  const second = ranked[1];
  if (high.length === 0 && second && scores.get(second) === scores.get(best) && second.admin1Pcode !== best.admin1Pcode) return null;
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

/** The match with the proclitic of an index entry written with one (وتل واسط) counted as proclitic letters. */
function withEntryClitic(match: PhraseMatch<string>): PhraseMatch<string> {
  const written = match.entry.words[0]!;
  const first = match.entry.value.slice(0, match.entry.value.indexOf(' '));
  if (written === first || match.cliticLetters > 0) return match;
  return { ...match, cliticLetters: written.length - first.length };
}

/**
 * The unambiguous places among the raw mentions: well-known names, names whose highest level
 * (district or above) holds one place, names with one candidate; else their governorate or
 * country when all their high-level candidates share it.
 */
function anchorsOf(lexicon: ArabicPlaceLexicon, raws: readonly RawMention[]): Anchor[] {
  const anchors: Anchor[] = [];
  const seen = new Set<string>();
  for (const raw of raws) {
    const name = raw.match.entry.value;
    if (raw.needsNearby || seen.has(name)) continue;
    seen.add(name);
    const all = lexicon.candidates.get(name) ?? [];
    let place = lexicon.wellKnown.get(name);
    if (!place) {
      const top = minLevel(all);
      const highest = all.filter((p) => LEVEL_RANK[p.level] === top);
      if (highest.length === 1 && top <= 2) place = highest[0];
      else if (all.length === 1) place = all[0];
    }
    if (place) {
      anchors.push({ name, lineage: new Set(place.lineage), country: place.country, point: pointOf(lexicon, place) });
      continue;
    }
    const high = all.filter((p) => LEVEL_RANK[p.level] <= 2);
    const governorates = new Set(high.map((p) => p.admin1Pcode ?? p.pcode));
    const nations = new Set(high.map((p) => p.country));
    if (nations.size !== 1) continue;
    const governorate = governorates.size === 1 ? [...governorates][0]! : null;
    anchors.push({ name, lineage: new Set(governorate ? [governorate] : []), country: [...nations][0]!, point: null });
  }
  return anchors;
}

/** The two countries whose gazetteer reaches down to villages; elsewhere only provinces and cities are kept. */
const DEEP_COUNTRIES: ReadonlySet<string> = new Set(['SYR', 'IRQ']);

/**
 * Countries whose name is common in reports on Syria and Iraq as actors (روسيا تعرض على المسلحين في
 * الغوطة الشرقية): named alone, they do not set a report elsewhere; a place inside them does.
 */
const OUTSIDE_POWERS: ReadonlySet<string> = new Set(['USA', 'RUS', 'TUR', 'IRN', 'ISR', 'FRA', 'GBR', 'DEU', 'SAU', 'JOR', 'LBN', 'QAT', 'ARE']);

/**
 * True when a sub-district or village of Syria or Iraq is alone in its country in a report set
 * elsewhere: no other place of its country anchors it (not even the country's name), and the report
 * names a place in another country (تعز، الأحواز، القدس) or a country other than the outside powers
 * (اليمن، المغرب، ليبيا). Such a name is a homonym
 * of a place the gazetteer does not hold (قلقيلية، البيرة، جرادة، المنصورة in Yemen) or a word
 * (سلوك), not a village the story reached without naming anything near it. A well-known name or a
 * district (الغوطة، عفرين، الميادين) needs more: a province or city of a country other than the outside
 * powers (الميادين "the squares" of العريش، السخنة in Egypt or Yemen). Governorates and capitals are never
 * dropped (بغداد ودمشق وبيروت in a report on Yemen are those capitals), nor are landmarks.
 */
function strayHomonym(lexicon: ArabicPlaceLexicon, place: Place, raw: RawMention, anchors: AnchorIndex): boolean {
  if (!DEEP_COUNTRIES.has(place.country) || LEVEL_RANK[place.level] < 2 || isLandmark(place)) return false;
  const name = raw.match.entry.value;
  if (affinity(place, name, anchors) > 0) return false;
  const small = LEVEL_RANK[place.level] >= 3 && !lexicon.wellKnown.has(name);
  return anchors.all.some((a) => a.name !== name && !DEEP_COUNTRIES.has(a.country) &&
    (small ? a.lineage.size >= 2 || !OUTSIDE_POWERS.has(a.country) : a.lineage.size >= 2 && !OUTSIDE_POWERS.has(a.country)));
}

/** `findPlaces` on tokens already produced by `matchTokens(text)`. */
export function findPlacesInTokens(text: string, tokens: readonly MatchToken[]): PlaceMention[] {
  const lexicon = arabicPlaceLexicon();
  const blocked = new Uint8Array(tokens.length);
  for (const m of lexicon.blockers.scan(tokens)) blocked.fill(1, m.first, m.last);

  const raws: RawMention[] = [];
  let previous: Previous | null = null;
  lexicon.index.scan(tokens, (found) => {
    for (let k = found.first; k < found.last; k++) if (blocked[k]) return false;
    // A shadda marks a doubled letter the place name does not have: تدمّر "destroys", المرّة "the time", صوّر "filmed".
    if (SHADDA.test(text.slice(tokens[found.first]!.start, tokens[found.last - 1]!.end)) && !DOUBLED_NAMES.has(found.entry.value)) return false;
    if (personNamed(tokens, found) || protectorsOf(tokens, found)) return false;
    const match = found.entry.words.length > 1 ? withEntryClitic(found) : found;
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

  const anchors = indexAnchors(anchorsOf(lexicon, raws));
  // A name read again with the same context resolves the same way.
  const memo = new Map<string, Place | null>();
  const governorates = raws.map((raw) => (raw.needsNearby ? null : governorateOf(lexicon, raw.match.entry.value)));
  const resolved: { raw: RawMention; place: Place }[] = [];
  raws.forEach((raw, k) => {
    const next = raws[k + 1];
    const nearby = next && next.context.firstToken - raw.lastToken <= 2 ? governorates[k + 1] ?? null : null;
    const key = `${raw.match.entry.value}|${nearby}|${raw.needsNearby}|${raw.context.cue}|${raw.context.levelHint}`;
    let place = memo.get(key);
    if (place === undefined) {
      place = resolve(lexicon, raw, nearby, anchors);
      memo.set(key, place);
    }
    if (place && !strayHomonym(lexicon, place, raw, anchors)) resolved.push({ raw, place });
  });

  const roles = placeRoles(tokens, resolved.map(({ raw, place }, k) => {
    const before = resolved[k - 1]?.raw;
    const joined = before && raw.context.firstToken - before.lastToken <= 1
      ? text.slice(before.end, raw.context.start).trim()
      : null;
    return {
      firstToken: raw.context.firstToken,
      nameToken: raw.match.first,
      lastToken: raw.lastToken,
      described: raw.context.descriptor !== null || raw.context.direction !== null || raw.suffixDirection !== null,
      cliticLetters: raw.match.cliticLetters,
      seat: lexicon.governmentSeats.has(place.pcode) && lexicon.governmentNames.has(raw.match.entry.value),
      landmark: isLandmark(place),
      joinedBy: joined,
    };
  }), text);

  const dateline = resolved.length > 0 && resolved[0]!.raw.context.start < DATELINE_SCAN ? datelineEnd(text, tokens, resolved[0]!.raw.context.start) : 0;
  return resolved.map(({ raw, place }, k) => {
    const direction = raw.suffixDirection ?? raw.context.direction;
    const role = raw.end <= dateline ? 'dateline' : roles[k]!;
    return {
      ...(role !== 'location' ? { role } : {}),
      pcode: place.pcode,
      admin1Pcode: place.admin1Pcode,
      start: raw.context.start,
      end: raw.end,
      surface: text.slice(raw.context.start, raw.end),
      ...(raw.context.descriptor ? { descriptor: raw.context.descriptor } : {}),
      ...(direction ? { direction } : {}),
    };
  });
}
