// Turns a report's mentions (event words, places, actors, casualty figures) into ACLED-style event records.

import { acledType, GENERIC_KINDS, NOT_HAPPENINGS, specificity, type AcledEventType, type EventKind } from './acled-types.js';
import type { ActorKey } from './actors.js';
import type { Casualty } from './casualties.js';
import { SUBSET_WORDS } from './casualty-words.js';
import { recallsThePast, relativeEventDate, type TimePrecision } from './event-date.js';
import type { EventMention, EventStatus } from './events.js';
import type { PlaceMention } from './find-places.js';
import { EVACUATION_PHRASES } from './extra-event-words.js';
import { isArea, LEVEL_RANK, type AdminLevel, type Gazetteer, type Place } from './gazetteer.js';
import { matchTokens } from './match-tokens.js';
import { normalizeArabic } from '../arabic/normalize-arabic.js';

/** A gazetteer place as an event record names it. */
export interface PlaceRef {
  readonly pcode: string;
  readonly en: string;
  readonly ar: string;
}

/** One happening, ACLED style (the `rasid show --json` shape). */
export interface EventRecord {
  readonly event_type: AcledEventType;
  readonly sub_event_type: string;
  readonly kind: EventKind;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly location: (PlaceRef & { level: AdminLevel }) | null;
  readonly admin1: PlaceRef | null;
  readonly admin2: PlaceRef | null;
  /** 1 a town, 2 near a town or a district, 3 a governorate or country. Null without a location. */
  readonly geo_precision: 1 | 2 | 3 | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly date: string | null;
  readonly time_precision: TimePrecision | null;
  readonly fatalities: number;
  readonly injuries: number;
  /** The sentence that first tells of it (offsets into the text); null when only the title does. */
  readonly sentence: { start: number; end: number } | null;
}

/** The mentions found in one stretch of text (the title or the body). */
export interface Mentions {
  readonly places: readonly PlaceMention[];
  readonly events: readonly EventMention[];
  readonly extra: readonly { kind: EventKind; start: number; end: number }[];
  readonly actors: readonly { key: ActorKey; start: number }[];
  readonly casualties: readonly Casualty[];
}

export interface EventRecordInput {
  readonly title: string;
  readonly text: string;
  /** YYYY-MM-DD or a full ISO time; null when unknown. */
  readonly publishedAt: string | null;
  readonly sentences: readonly { start: number; end: number; paragraph: number }[];
  readonly titleMentions: Mentions;
  readonly bodyMentions: Mentions;
}

/** At most this many events per report, ACLED's main event and the next most important. */
export const MAX_EVENTS = 6;
/** Vague figures, our fixed reading of ACLED's rule: عشرات 12, مئات 100, آلاف 1000, عدد من 3. */
export const VAGUE_COUNTS: Readonly<Record<string, number>> = { dozens: 12, hundreds: 100, thousands: 1000, several: 3, named: 1 };
/**
 * A death toll above this is a war's or a period's told as background, not one event's: the deadliest
 * single attacks in Syria and Iraq killed a few hundred (Karrada, 2016: about 340; Suwayda, 2018: about
 * 255). On the research corpus every one of the 29 event tolls above 400 read under the old limit of 1,000
 * was a total: East Ghouta's weeks of bombardment (976, 900, 770), UNAMI's month (696), the coalition's
 * civilian count (855), a war's 400,000. Wounded run higher in one event (a chemical attack's hundreds),
 * so they keep MAX_EVENT_INJURIES.
 */
export const MAX_EVENT_TOLL = 400;
export const MAX_EVENT_INJURIES = 1000;
/** Whether a figure is beyond one event: killed (or killed and wounded) above MAX_EVENT_TOLL, wounded above MAX_EVENT_INJURIES. */
export const beyondOneEvent = (kind: Casualty['kind'], value: number): boolean =>
  value > (kind === 'wounded' ? MAX_EVENT_INJURIES : MAX_EVENT_TOLL);
/** Countries that act in the conflict from outside (ISO codes, as the gazetteer's countries): named whole, they are a party. */
const ACTING_POWERS: ReadonlySet<string> = new Set(['US', 'RU', 'TR', 'IR', 'IL', 'FR', 'GB', 'DE', 'SA', 'QA', 'AE']);
/** Sentences of the body that count as the lead, with the title. */
export const LEAD_SENTENCES = 3;

/** Short English actor names, as ACLED-style exports and the gold set write them. */
const ACTOR_NAMES: Readonly<Record<ActorKey, string>> = {
  isis: 'ISIS', sdf: 'SDF', kurdish_ypg: 'Kurdish YPG', syrian_government: 'Syrian army', syrian_opposition: 'FSA/opposition',
  hts: 'HTS', al_qaeda: 'al-Qaeda', coalition: 'US-led coalition', usa: 'US forces', russia: 'Russian forces',
  iran: 'Iranian forces', hezbollah: 'Hezbollah', turkey: 'Turkish army', iraqi_forces: 'Iraqi forces', pmf: 'Hashd/PMF',
  arab_coalition: 'Saudi-led coalition', houthis: 'Houthis', pkk: 'PKK', israel: 'Israeli forces',
  yemeni_forces: 'Yemeni government forces', taliban: 'Taliban', boko_haram: 'Boko Haram', al_shabaab: 'al-Shabaab',
};
/** Actors that are states' forces: they strike from the air, arrest and regain territory. */
const STATE_ACTORS: ReadonlySet<ActorKey> = new Set(['syrian_government', 'coalition', 'usa', 'russia', 'turkey', 'iraqi_forces', 'pmf', 'arab_coalition', 'iran', 'sdf', 'israel', 'yemeni_forces']);

/**
 * What, right after a killed figure, adds the attacker to it (مقتل شخصين على الأقل إلى جانب السائق، فضلا عن
 * الانتحاري): killed attackers count in fatalities, as ACLED counts them. One attacker, named in the singular.
 */
const BESIDE_ATTACKER = new RegExp(`^[\\s،,]*(?:${['على الأقل', 'على الاقل'].map(normalizeArabic).join('|')})?[\\s،,]*`
  + `(?:${['إلى جانب', 'فضلا عن', 'بالإضافة إلى', 'إضافة إلى'].map(normalizeArabic).join('|')})\\s+`
  + `(?:${['السائق', 'سائقها', 'الانتحاري', 'المهاجم', 'منفذ الهجوم', 'منفذ التفجير', 'المفجر'].map(normalizeArabic).join('|')})(?![\\p{L}])`, 'u');

/** Words that make a later figure replace an earlier one (ارتفع عدد القتلى إلى 221). */
const UPDATE_WORDS: ReadonlySet<string> = new Set(['ارتفع', 'ارتفعت', 'ارتفاع', 'ترتفع', 'يرتفع', 'ارتفعت', 'حصيلة جديدة'].map(normalizeArabic));

/** The value of a casualty figure, vague words read as VAGUE_COUNTS; null when none. */
export function casualtyValue(c: Casualty): number | null {
  if (c.count !== null) return c.count;
  return c.approx !== undefined ? (VAGUE_COUNTS[c.approx] ?? null) : null;
}

/** The events of a report, and whether its title or lead tells of a specific happening (a kind beyond هجوم، or a toll). */
export interface BuiltEvents {
  readonly events: EventRecord[];
  readonly leadHappening: boolean;
  /** What the build saw, for the incident model (report-model.ts): counts and flags of its candidates and drafts. */
  readonly signals: BuildSignals;
}

/** Counts and flags of a build, the incident model's view of the event rules. */
export interface BuildSignals {
  /** The title tells of a happening; of a specific one (a kind beyond هجوم, or a toll). */
  readonly titleCandidate: boolean;
  readonly titleSpecific: boolean;
  /** Sentences (clauses) that tell of a happening: all of them, and those of the lead. */
  readonly candidates: number;
  readonly leadCandidates: number;
  /** Happenings after merging, those of the title or lead that are specific, and those kept as events. */
  readonly drafts: number;
  readonly leadSpecific: number;
  readonly kept: number;
  /** The main event: its killed and wounded, whether it has a place, and whether a date word (أمس) dates it. */
  readonly mainFatalities: number;
  readonly mainInjuries: number;
  readonly mainLocated: boolean;
  readonly mainDated: boolean;
  /** Sentences that recall the past (في عام 2014، الشهر الماضي). */
  readonly pastSentences: number;
}

export const NO_SIGNALS: BuildSignals = {
  titleCandidate: false, titleSpecific: false, candidates: 0, leadCandidates: 0, drafts: 0, leadSpecific: 0, kept: 0,
  mainFatalities: 0, mainInjuries: 0, mainLocated: false, mainDated: false, pastSentences: 0,
};

/** One sentence (or the title) that tells of a happening. */
interface Candidate {
  kind: EventKind;
  /** -1 for the title. */
  readonly sentence: number;
  readonly paragraph: number;
  /** The part of its sentence when the sentence tells happenings side by side (فيما قتل 35 مدنيا في ...); else null. */
  readonly side: number | null;
  readonly span: { start: number; end: number } | null;
  place: PlaceMention | null;
  killed: number | null;
  wounded: number | null;
  /** Killed and wounded told together (قتيلا وجريحا): a toll of its own, counted as neither. */
  readonly combined: boolean;
  /** The sentence's figure is only vague words (عشرات): a number told elsewhere for the event beats it. */
  readonly killedVague: boolean;
  readonly woundedVague: boolean;
  /** The side its dead were all on (soldiers, militants), when its words say. */
  readonly killedSide: Side | null;
  /** An attacker killed beside the figure (إلى جانب السائق): counted on top of the event's lowest figure. */
  readonly attackers: number;
  readonly update: boolean;
  /**
   * The sentence calls its figure earlier or not final (حصيلة غير نهائية، حصيلة أولية), or a part of the dead (ومن بين
   * القتلى ... 16 مدنيا): another figure of the happening replaces it.
   */
  readonly superseded: boolean;
  readonly civilianVictims: boolean;
  readonly actors: ActorKey[];
  readonly text: string;
  /** Its event words are all definite (الهجوم، المواجهات): it speaks of a happening told before. */
  readonly anaphoric: boolean;
  /** Its happening words without the article (هجوم for الهجوم): a definite word refers to the happening told with it. */
  readonly words: readonly string[];
  /**
   * The sentence opens on "also" (كما انفجرت سيارة مفخخة في الزعفرانية، ما أدى إلى مقتل أربعة) and tells a happening of
   * its own with its own toll: another happening than the tolled one before, even in the same city.
   */
  readonly another: boolean;
  /** A toll with no happening word and no place of its own: the toll of the happening told last. */
  readonly bareToll: boolean;
  /**
   * The kind of its first happening word when that word is definite and comes before its toll (وأسفرت المعارك ... عن
   * مقتل 52، أقدم عشرة منهم على تفجير أنفسهم): the sentence tells the toll of a happening told before, whatever
   * other words it holds; null otherwise.
   */
  readonly tollOf: EventKind | null;
  /** Its own sentence names where (not its paragraph or the lead). */
  ownPlace: boolean;
  /** Its sentence tells of a deal (بموجب اتفاق، اتفاق مصالحة): territory changing hands under it is a non-violent transfer. */
  readonly deal: boolean;
  readonly deliberate: boolean;
}

interface Draft {
  kind: EventKind;
  place: PlaceMention | null;
  readonly members: Candidate[];
}

/** Most specific location among place mentions: role location only, deepest level first, then first written. */
function mostSpecific(places: readonly PlaceMention[], gazetteer: Gazetteer): PlaceMention | null {
  let best: PlaceMention | null = null;
  let bestRank = -1;
  for (const p of places) {
    if ((p.role ?? 'location') !== 'location') continue;
    const place = gazetteer.get(p.pcode);
    // An area (الغوطة الشرقية) ranks below a district or town named in it (دوما في الغوطة الشرقية).
    const rank = place ? LEVEL_RANK[place.level] - (isArea(place) ? 0.5 : 0) : 0;
    // Two countries named whole (ضربة لقاعدة تستخدمها إيران بسوريا): an outside power is the party, the other the place.
    const party = (m: PlaceMention) => ACTING_POWERS.has(m.pcode);
    if (rank > bestRank || (rank === bestRank && place?.level === 'admin0' && best !== null && party(best) && !party(p))) {
      best = p;
      bestRank = rank;
    }
  }
  return best;
}

const within = <T extends { start: number }>(items: readonly T[], span: { start: number; end: number }): T[] =>
  items.filter((i) => i.start >= span.start && i.start < span.end);

/** The admin0 code (ISO alpha-2) of a place: its country row's p-code. */
export function admin0Of(place: Place, gazetteer: Gazetteer): string | null {
  let current: Place | undefined = place;
  while (current && current.level !== 'admin0') current = current.parentPcode ? gazetteer.get(current.parentPcode) : undefined;
  return current?.pcode ?? null;
}

/** Killed and wounded told in one sentence: figures of distinct groups add up; parts (بينهم) and period totals do not. */
function sentenceToll(casualties: readonly Casualty[], text: string, offset: number): {
  killed: number | null; wounded: number | null; civilians: boolean; killedVague: boolean; woundedVague: boolean; combined: boolean;
  attackers: number; killedSide: Side | null;
} {
  const tokens = matchTokens(text);
  let killed: number | null = null;
  let wounded: number | null = null;
  let killedVague = true;
  let woundedVague = true;
  let civilians = false;
  let combined = false;
  let attackers = 0;
  const sides = new Set<Side | null>();
  const counted: Casualty[] = [];
  // سقوط قتلى وجرحى ... ارتفع عدد قتلى النظام إلى 30: the figure, not several more.
  const figured = new Set(casualties.filter((c) => !c.aggregate && c.count !== null).map((c) => c.kind));
  for (const c of casualties) {
    if (c.aggregate || (c.bare === true && figured.has(c.kind))) continue;
    // 66 قتيلا وجريحا: casualties of a happening, counted as neither killed nor wounded.
    if (c.kind === 'casualties') combined = true;
    if (c.group === 'civilians' || c.group === 'children' || c.group === 'women') civilians = true;
    const value = casualtyValue(c);
    // Thousands (آلاف، مئات آلاف) are a war's or a period's toll, whatever the figure read.
    if (value === null || beyondOneEvent(c.kind, value) || c.approx === 'thousands') continue;
    const k = tokens.findIndex((t) => t.start >= c.start - offset);
    const before = tokens.slice(Math.max(0, k - 2), Math.max(0, k)).map((t) => t.norm);
    if (before.some((w) => SUBSET_WORDS.has(w))) continue;
    // The same figure told again in the sentence (أصيب 15 آخرون ... وقالت مصادر إن المستشفى استقبل 15 جريحا) is one
    // toll; equal figures of two named groups (5 جنود و5 مدنيين) are two.
    if (counted.some((d) => d.kind === c.kind && casualtyValue(d) === value && (d.group === undefined || c.group === undefined || d.group === c.group))) continue;
    counted.push(c);
    if (c.kind === 'killed') {
      if (BESIDE_ATTACKER.test(normalizeArabic(text.slice(c.end - offset, c.end - offset + 40)))) attackers = 1;
      killed = (killed ?? 0) + value;
      killedVague &&= c.count === null;
      sides.add(victimSide(text.slice(c.start - offset, c.end - offset + SIDE_REACH)));
    } else if (c.kind === 'wounded') {
      wounded = (wounded ?? 0) + value;
      woundedVague &&= c.count === null;
    }
  }
  return { killed, wounded, civilians, killedVague, woundedVague, combined, attackers, killedSide: sides.size === 1 ? [...sides][0]! : null };
}

/** Which side the dead were on: a state's forces or an armed group's; null when the words do not say. */
type Side = 'state' | 'armed_group';
/** How far past its figure the victims' words may run (4 عسكريين روس، 20 من عناصر تنظيم داعش). */
const SIDE_REACH = 24;
const STATE_VICTIMS: ReadonlySet<string> = new Set([
  'جنود', 'جنديا', 'جندي', 'جنديين', 'جنديان', 'الجنود', 'عسكريين', 'عسكريا', 'عسكري', 'عسكريان', 'عسكريون', 'ضباط', 'ضابطا', 'ضابط',
  'ضابطين', 'ضابطان', 'شرطيين', 'شرطيا', 'شرطي', 'شرطيان', 'الشرطيين', 'عميد', 'عقيد', 'مقدم', 'رائد', 'نقيب', 'ملازم', 'رقيب', 'عريف',
].map(normalizeArabic));
const ARMED_GROUP_VICTIMS: ReadonlySet<string> = new Set([
  'مسلحين', 'مسلحا', 'مسلح', 'المسلحين', 'مسلحان', 'إرهابيين', 'إرهابيا', 'إرهابي', 'الإرهابيين', 'دواعش', 'الدواعش', 'داعشيا',
  'جهاديين', 'جهاديا', 'متشددين', 'متشددا', 'المتشددين',
].map(normalizeArabic));
/** Who the members (عناصر، أفراد، مقاتلي) are: the word after them. */
const MEMBERS = new Set(['عناصر', 'عنصرا', 'أفراد', 'مقاتلي', 'مقاتلين', 'عنصرين'].map(normalizeArabic));
const STATE_BODIES: ReadonlySet<string> = new Set(['الجيش', 'القوات', 'قوات', 'الشرطة', 'الأمن', 'الحشد', 'البيشمركة'].map(normalizeArabic));
const ARMED_GROUP_BODIES: ReadonlySet<string> = new Set(['داعش', 'التنظيم', 'تنظيم', 'النصرة', 'جبهة', 'الحوثي', 'الحوثيين', 'الفصائل', 'المعارضة', 'الجماعة'].map(normalizeArabic));

/** The side of the dead a figure names (4 عسكريين روس: state; 43 مسلحا، 20 من عناصر داعش: an armed group), else null. */
function victimSide(text: string): Side | null {
  const words = matchTokens(text).map((t) => t.norm);
  const found = new Set<Side>();
  words.forEach((w, k) => {
    if (STATE_VICTIMS.has(w)) found.add('state');
    else if (ARMED_GROUP_VICTIMS.has(w)) found.add('armed_group');
    else if (MEMBERS.has(w)) {
      const next = words[k + 1] ?? '';
      if (STATE_BODIES.has(next)) found.add('state');
      else if (ARMED_GROUP_BODIES.has(next)) found.add('armed_group');
    }
  });
  return found.size === 1 ? [...found][0]! : null;
}

/** What follows a battle word that makes it a campaign, not a clash: معركة شاملة ضد داعش، قتال تنظيم الدولة. */
const CAMPAIGN_NEXT: ReadonlySet<string> = new Set(['ضد', 'تنظيم', 'داعش', 'الإرهاب'].map(normalizeArabic));

/** A battle word told of a campaign (معركة شاملة ضد، قتال تنظيم الدولة، القتال ضد), within the next two words. */
function campaignTalk(e: EventMention, text: string): boolean {
  if (e.type !== 'armed_clash') return false;
  const next = matchTokens(text.slice(e.end, e.end + 40)).slice(0, 2);
  return next.some((t, k) => CAMPAIGN_NEXT.has(t.norm) && (k === 0 || !/[.،,؛:!?؟\n]/u.test(text.slice(e.end, e.end + t.start))));
}

/** Attack verbs that also mean criticising: with a country as their object they are words, not violence. */
const ATTACK_VERBS: ReadonlySet<string> = new Set(
  ['هاجم', 'يهاجم', 'تهاجم', 'هاجمت', 'هاجموا', 'يهاجمون', 'وهاجم', 'ويهاجم', 'وهاجمت'].map(normalizeArabic),
);

const KILLING_WORDS: ReadonlySet<string> = new Set(['مقتل', 'قتل', 'ومقتل', 'وقتل', 'بمقتل', 'لمقتل'].map(normalizeArabic));
/** Beside an accident, the killing verbs too (أن يكون 11 قد قتلوا في تحطم الطائرة) tell of deaths, not of an attack. */
const ACCIDENT_KILLING_WORDS: ReadonlySet<string> = new Set([...KILLING_WORDS, ...['قتلوا', 'وقتلوا', 'قتلت', 'وقتلت'].map(normalizeArabic)]);

/** After a toll, "of them" or "of the attackers": the killed are the attackers (وقتلت 21 منهم). */
const OF_THE_ATTACKERS = /^\s*(?:منهم|من المهاجمين|من الإرهابيين|من الارهابيين|من المسلحين)/u;

/** Killing verbs and their noun, with or without a proclitic (وقتلت، ومقتل، قتلوا). */
const KILLING_STEMS: ReadonlySet<string> = new Set(['مقتل', 'قتل', 'قتلت', 'قتلوا', 'قتلا'].map(normalizeArabic));
const isKilling = (surface: string): boolean => {
  const w = normalizeArabic(surface.split(/\s+/u)[0] ?? '');
  return KILLING_STEMS.has(w) || (/^[وفبل]/u.test(w) && KILLING_STEMS.has(w.slice(1)));
};

/** The article after any proclitic (الهجوم، والهجوم، بالهجوم، للهجوم). */
const ARTICLE = /^(?:[وف]?(?:[بك]?ال|لل))/u;
const firstWord = (surface: string): string => normalizeArabic(surface.split(/\s+/u)[0] ?? '');

/** A definite word, after any proclitic (الهجوم، والهجوم، بالهجوم، للهجوم). */
export function isDefinite(surface: string): boolean {
  return ARTICLE.test(firstWord(surface));
}

/** The first word of a happening's surface without its proclitic and article: الهجوم، بالهجوم، هجوم → هجوم. */
const headWord = (surface: string): string => firstWord(surface).replace(ARTICLE, '');

/** A first line this short, without a full stop, is a byline or dateline ("عين اليوم – بغداد"), not news. */
export const DATELINE_MAX_CHARS = 40;

/**
 * Where a dateline ends: a short first line of its own ("عين اليوم – بغداد"), or a few words then a
 * dash or an agency in brackets at the very start ("دبي، الإمارات العربية المتحدة (CNN)—", "بيروت - ");
 * 0 when there is none. The places of a dateline are where the reporter wrote, not where anything happened.
 */
export function datelineEnd(text: string): number {
  const firstLine = /^\s*([^\n]*)\n/u.exec(text);
  if (firstLine && firstLine[1]!.trim().length <= DATELINE_MAX_CHARS && !/[.!؟?]\s*$/u.test(firstLine[1]!)) return firstLine[0].length;
  const m = /^\s*[\p{L}\s،,]{2,60}?(?:\([^)\n]{1,30}\))?\s*(?:—|–|--|-)\s*/u.exec(text);
  return m ? m[0].length : 0;
}

/** Words of a deal: اتفاق، تسوية، مصالحة (also with a proclitic: باتفاق، والمصالحة). */
const DEAL_WORDS: ReadonlySet<string> = new Set(
  ['اتفاق', 'الاتفاق', 'اتفاقات', 'اتفاقية', 'تسوية', 'التسوية', 'مصالحة', 'المصالحة'].map(normalizeArabic),
);
/** Fighters evacuated (إجلاء مسلحي، خروج المقاتلين): a deal, whether or not the sentence names it. */
const EVACUATING: ReadonlySet<string> = new Set(EVACUATION_PHRASES.map((p) => normalizeArabic(p.split(' ')[0]!)));
const EVACUATED: ReadonlySet<string> = new Set(EVACUATION_PHRASES.map((p) => normalizeArabic(p.split(' ')[1]!)));
const tellsOfDeal = (text: string): boolean => {
  const tokens = matchTokens(text).map((t) => t.norm.replace(/^(?:[وف]?[بل]|[وف])(?=...)/u, ''));
  return tokens.some((w, k) => DEAL_WORDS.has(w)
    || ((EVACUATING.has(w) || EVACUATING.has(w.replace(/^ال/u, ''))) && EVACUATED.has(tokens[k + 1] ?? '')));
};

const hasUpdateWord = (text: string): boolean => {
  const tokens = matchTokens(text).map((t) => t.norm);
  return tokens.some((w, k) => UPDATE_WORDS.has(w) || UPDATE_WORDS.has(`${w} ${tokens[k + 1] ?? ''}`));
};

/**
 * A sentence that opens on "among the dead" (ومن بين القتلى نازحون، إضافة إلى 16 مدنيا قتلوا في قصف المشفى، وبين
 * الضحايا): its figures are parts of a toll told before, not the happening's toll.
 */
const AMONG_THE_DEAD = /^[\s"«(]*و?(?:من\s+)?(?:بين|ضمن)\s+(?:ال)?(?:قتلى|ضحايا|شهداء|المصابين|الجرحى)(?=\s|[،,])/u;
/**
 * A figure its own sentence calls earlier or not final (وكانت حصيلة غير نهائية أفادت عن مقتل 17، حصيلة أولية، الحصيلة
 * السابقة): a later figure of the same happening replaces it, as an update does.
 */
const NOT_FINAL_TOLL = /(?:ال)?حصيل[ةه]\s+(?:غير\s+(?:ال)?نهائي[ةه]|(?:ال)?[أا]ولي[ةه]|(?:ال)?سابق[ةه])/u;

/** A store of ammunition or weapons (مستودع للذخيرة، مخزن أسلحة) named after an explosion word. */
const DEPOT_WORDS: ReadonlySet<string> = new Set(['مستودع', 'مستودعات', 'مخزن', 'مخازن'].map(normalizeArabic));
const MUNITIONS: ReadonlySet<string> = new Set(
  ['ذخيرة', 'للذخيرة', 'الذخيرة', 'ذخائر', 'للذخائر', 'الذخائر', 'أسلحة', 'للأسلحة', 'الأسلحة', 'سلاح', 'للسلاح', 'السلاح', 'أسلحه'].map(normalizeArabic),
);
const EXPLOSION: ReadonlySet<string> = new Set(['انفجار', 'انفجارات', 'انفجر', 'انفجرت', 'الانفجار'].map(normalizeArabic));
const IN = normalizeArabic('في');
/** An explosion of a depot, the depot right after the word or after في (انفجار مستودع للذخيرة، انفجار في مخزن أسلحة). */
const tellsOfDepot = (text: string): boolean => {
  const tokens = matchTokens(text).map((t) => t.norm.replace(/^[وفب](?=...)/u, ''));
  return tokens.some((w, k) => {
    if (!EXPLOSION.has(w)) return false;
    const at = tokens[k + 1] === IN ? k + 2 : k + 1;
    return DEPOT_WORDS.has(tokens[at] ?? '') && MUNITIONS.has(tokens[at + 1] ?? '');
  });
};

/** What makes an attack chemical: the adjective (كيماوي، الكيميائية), and the gases and agents (الغازات السامة، الكلور). */
const CHEMICAL_ADJECTIVES: ReadonlySet<string> = new Set(
  ['كيماوي', 'كيماويا', 'كيماوية', 'كيميائي', 'كيميائيا', 'كيميائية', 'كيمياوي', 'كيمياوية'].map(normalizeArabic),
);
/** Words a chemical adjective turns into a chemical attack (هجوم كيماوي، ضربة كيميائية، قصف كيماوي). */
const CHEMICAL_HEADS: ReadonlySet<string> = new Set(
  ['هجوم', 'هجوما', 'هجمات', 'هجومين', 'ضربة', 'ضربات', 'قصف', 'قصفا', 'غارة', 'غارات', 'اعتداء', 'قنابل', 'براميل', 'صواريخ', 'قذائف'].map(normalizeArabic),
);
const GASES: ReadonlySet<string> = new Set(['غاز', 'غازات'].map(normalizeArabic));
const AGENTS: ReadonlySet<string> = new Set(['كلور', 'سارين', 'خردل', 'سامة', 'سام'].map(normalizeArabic));
const WEAPONS: ReadonlySet<string> = new Set(['سلاح', 'أسلحة', 'مواد', 'أسلحه'].map(normalizeArabic));
const stripArticle = (w: string): string => w.replace(/^(?:[وف]?[بل]?ال|[وف]?ب|[وف])(?=..)/u, '');
/**
 * A sentence that tells an attack as chemical: an attack word with the adjective (الهجوم الكيماوي المفترض، هجمات
 * كيميائية), or the means told with بـ (بالغازات السامة، بغاز الكلور، بالسلاح الكيماوي، بمواد كيميائية سامة، بالكلور).
 * The weapons named alone (منظمة حظر الأسلحة الكيميائية، برنامج الأسلحة الكيماوية) are no attack's.
 */
export const tellsOfChemicalAttack = (text: string): boolean => {
  const raw = matchTokens(text).map((t) => t.norm);
  return raw.some((w, k) => {
    const next = raw[k + 1] ?? '';
    const bare = stripArticle(w);
    if (CHEMICAL_HEADS.has(bare) && CHEMICAL_ADJECTIVES.has(stripArticle(next))) return true;
    if (!/^[وف]?ب/u.test(w)) return false;
    if (GASES.has(bare) && AGENTS.has(stripArticle(next))) return true;
    if (WEAPONS.has(bare) && CHEMICAL_ADJECTIVES.has(stripArticle(next))) return true;
    return bare === normalizeArabic('كلور') || bare === normalizeArabic('سارين');
  });
};

/**
 * Words of deaths that are no violence: road and other accidents, fires, floods, collapses (لقي تسعة لاجئين حتفهم
 * عندما اصطدمت حافلة بسور). A toll told beside them, or anywhere in a report whose title or first sentence tells
 * of one, with no event word, is no attack.
 */
const ACCIDENT_WORDS: ReadonlySet<string> = new Set(
  [
    'حادث سير', 'حادث مروري', 'حادث مرور', 'حوادث السير', 'حوادث المرور', 'حادث تصادم', 'اصطدام', 'اصطدمت', 'اصطدم',
    // With its pronoun: إثر اصطدامها بشاحنة.
    'اصطدامها', 'اصطدامه', 'اصطدامهما',
    'تصادم', 'انقلاب', 'انقلبت', 'غرق', 'غرقت', 'غرقا', 'الغرق', 'حريق', 'الحريق', 'حرائق', 'انهيار', 'انهار', 'انهارت',
    'زلزال', 'الزلزال', 'فيضانات', 'الفيضانات', 'السيول', 'صاعقة', 'تسمم', 'التسمم', 'الإعصار', 'إعصار',
    // A crash (تحطم طائرة تركية في جنوب غرب إيران): an air strike word beside it (تحطمت طائرة حربية في سوق) still tells of one.
    'تحطم', 'تحطمت',
  ].map(normalizeArabic),
);
const ACCIDENT_PAIR_FIRST: ReadonlySet<string> = new Set([...ACCIDENT_WORDS].filter((w) => w.includes(' ')).map((w) => w.split(' ')[0]!));
const tellsOfAccident = (text: string): boolean => {
  const tokens = matchTokens(text);
  return tokens.some((t, k) => {
    const word = t.norm.replace(/^[وفب](?=..)/u, '');
    if (ACCIDENT_WORDS.has(t.norm) || ACCIDENT_WORDS.has(word)) return true;
    return ACCIDENT_PAIR_FIRST.has(word) && ACCIDENT_WORDS.has(`${word} ${tokens[k + 1]?.norm ?? ''}`);
  });
};

/** Verbs of aiming: an explosion that targeted something (انفجارات استهدفت سيارات قياديين) was set off on purpose. */
const TARGETING: ReadonlySet<string> = new Set(['استهدف', 'استهدفت', 'استهدفا', 'استهدفتا', 'تستهدف', 'يستهدف', 'طال', 'طالت'].map(normalizeArabic));
const AIM_REACH = 3;
/**
 * A bombing word told as a deliberate happening: counted (5 تفجيرات) or aiming at something within AIM_REACH words
 * (انفجارات ضخمة استهدفت سيارات): a specific kind, as any other attack; a bare انفجار may be an accident.
 */
function deliberateBombing(e: EventMention, text: string): boolean {
  if (e.type !== 'bombing') return false;
  const from = Math.max(0, e.start - 12);
  const before = matchTokens(text.slice(from, e.start)).at(-1);
  if (before !== undefined && /\p{Nd}$/u.test(before.norm) && /^\s*$/u.test(text.slice(from + before.end, e.start))) return true;
  const after = matchTokens(text.slice(e.end, e.end + 80)).slice(0, AIM_REACH);
  return after.some((t) => TARGETING.has(t.norm) && !/[.،,؛:!?؟\n]/u.test(text.slice(e.end, e.end + t.start)));
}

/** The kind a sentence tells of, from its event words; null when it tells of no happening. */
function sentenceKind(events: readonly EventMention[], extra: Mentions['extra'], hasToll: boolean, fightersKilled = false): EventKind | null {
  const kinds: EventKind[] = [];
  let disrupted = false;
  let referred = false;
  for (const e of events) {
    const status = e.status ?? 'occurred';
    if (status === 'disrupted') disrupted = true;
    else if (status !== 'occurred') referred = true;
    if (status !== 'occurred' || NOT_HAPPENINGS.has(e.type)) continue;
    kinds.push(e.type as EventKind);
  }
  for (const e of extra) (e.kind === 'disrupted' ? (disrupted = true) : kinds.push(e.kind));
  // Attackers killed as their attack is foiled (أحبطت محاولة هجوم للإرهابيين وقتلت 21 منهم): the fighting is a battle.
  if (disrupted && fightersKilled && kinds.every((k) => GENERIC_KINDS.has(k))
    && events.some((e) => (e.status === undefined || e.status === 'disrupted') && isKilling(e.surface))) return 'armed_clash';
  if (kinds.length === 0) {
    if (disrupted) return 'disrupted';
    // The toll of a happening the sentence only refers to (أدانت محكمة ... بالتخطيط للاعتداءات التي أوقعت 4 قتلى) is that one's.
    return hasToll && !referred ? 'attack' : null;
  }
  const best = kinds.sort((a, b) => specificity(a) - specificity(b))[0]!;
  // A defused bomb or foiled attack is written with bombing words (تفكيك عبوة ناسفة): it is the disruption.
  if (disrupted && (GENERIC_KINDS.has(best) || best === 'ied' || best === 'car_bomb' || best === 'suicide_attack')) return 'disrupted';
  return best;
}

function family(kind: EventKind): AcledEventType {
  return acledType(kind, { civilianVictims: false, byGovernment: false }).eventType;
}

/** Whether two kinds can be one happening: one family, or a generic kind beside a violent one. */
function kindsAgree(a: EventKind, b: EventKind): boolean {
  const violent = (k: EventKind) => !['Strategic developments', 'Protests', 'Riots'].includes(family(k));
  return family(a) === family(b) || (GENERIC_KINDS.has(b) && violent(a)) || (GENERIC_KINDS.has(a) && violent(b));
}

/** A territory draft told with a deal: a non-violent transfer, which fighting nearby is not part of. */
const byDeal = (d: Draft): boolean => d.kind === 'territory' && d.members.some((m) => m.deal);
/** Whether a draft and a candidate (or another draft) can be one happening: agreeing kinds, and a transfer by deal only with itself. */
function draftsAgree(d: Draft, kind: EventKind, deal: boolean): boolean {
  return kindsAgree(d.kind, kind) && (byDeal(d) === (kind === 'territory' && deal) || d.kind === kind);
}

/** Whether two places are in one governorate (or one is unknown). */
function sameAdmin1(a: PlaceMention | null, b: PlaceMention | null, gazetteer: Gazetteer): boolean {
  if (a === null || b === null) return true;
  const pa = gazetteer.get(a.pcode);
  const pb = gazetteer.get(b.pcode);
  if (pa === undefined || pb === undefined) return a.pcode === b.pcode;
  if (pa.level === 'admin0' || pb.level === 'admin0') return admin0Of(pa, gazetteer) === admin0Of(pb, gazetteer);
  return pa.admin1Pcode === pb.admin1Pcode;
}

/**
 * Two happenings told each with its own toll in two different towns of one governorate (قتل العشرات
 * جراء قصف قرية قصر البريج ... قصف على قرية بردة أسفر عن سقوط 3): two events, not one.
 */
function twoTolledTowns(a: { place: PlaceMention | null; tolled: boolean }, b: { place: PlaceMention | null; tolled: boolean }, gazetteer: Gazetteer): boolean {
  const town = (p: PlaceMention | null) => {
    const place = p ? gazetteer.get(p.pcode) : undefined;
    return place !== undefined && LEVEL_RANK[place.level] >= LEVEL_RANK.admin3 ? place : undefined;
  };
  const ta = town(a.place);
  const tb = town(b.place);
  return a.tolled && b.tolled && ta !== undefined && tb !== undefined && ta.pcode !== tb.pcode
    && !ta.lineage.includes(tb.pcode) && !tb.lineage.includes(ta.pcode);
}
const draftTolled = (d: { readonly members: readonly Candidate[] }) => d.members.some((m) => m.killed !== null);

/** Protesters and marches (المتظاهرين، المحتجون، التظاهرات، مسيرات العودة، وقفة احتجاجية). */
const PROTEST_SCENE = /(?:^|[\s"«(])(?:[وفبل]?(?:ال|لل)?(?:متظاهر|محتج)(?:ين|ون)|[وفبل]?(?:ال)?(?:تظاهرات|مظاهرات|احتجاجات|تظاهرة|مظاهرة)|مسير(?:ة|ات)\s+["«]?(?:ال)?عودة|وقف(?:ة|ات)\s+احتجاجي)/u;
/** Armed groups: a clash with one of them is fighting, whatever crowd was there. */
const ARMED_GROUPS: ReadonlySet<ActorKey> = new Set(['isis', 'hts', 'al_qaeda', 'syrian_opposition', 'kurdish_ypg', 'hezbollah', 'sdf', 'taliban', 'boko_haram', 'al_shabaab']);
/** Confrontations (مواجهات), unarmed (not مواجهات مسلحة): in a protest's report, the protest's. Clashes (اشتباكات) need protesters named. */
const CONFRONTATION = /(?:^|\s)[وفب]?(?:ال)?(?:مواجهات|مواجهة)(?!\s+(?:ال)?مسلح)(?=\s|$|[،.])/u;

/**
 * A clash or a killing told of protesters (أطلقوا النار باتجاه متظاهرين، مواجهات بين المتظاهرين والقوات), or
 * confrontations in a report whose title or lead tells of a protest (مقتل 12 فلسطينيا إثر مواجهات ... مسيرات
 * العودة): ACLED's Protests (force against protesters), not a battle, when no armed group is named.
 */
function protestScene(d: Draft, actors: readonly ActorKey[], protestReport: boolean, gazetteer: Gazetteer): boolean {
  if (d.kind !== 'armed_clash' && d.kind !== 'attack') return false;
  if (actors.some((a) => ARMED_GROUPS.has(a))) return false;
  // Confrontations of Palestinians with Israeli forces (اندلعت مواجهات عنيفة على حدود قطاع غزة، مواجهات في باحات الأقصى)
  // are crowds against troops, whether or not the lead names the protest.
  const place = d.place ? gazetteer.get(d.place.pcode) : undefined;
  const palestinian = place !== undefined && admin0Of(place, gazetteer) === 'PS' && actors.includes('israel');
  // Its tellings in the title and lead decide: a crowd told further on beside a gunfight (خرجت مظاهرات واندلعت اشتباكات)
  // is the fight's aftermath.
  return d.members.some((m) => m.sentence < LEAD_SENTENCES
    && (PROTEST_SCENE.test(m.text) || ((protestReport || palestinian) && CONFRONTATION.test(m.text))));
}

/** The least killed figure whose repetition marks the same happening (two and two could be two happenings). */
const SAME_TOLL_MIN = 5;
/** "Also" opening a sentence: كما، وكذلك; or "in a separate incident": وفي حادثة منفصلة، وفي هجوم آخر. */
const ALSO_OPENER = /^[\s"«(]*(?:و?كما|و?كذلك|و?في (?:حادث|حادثة|هجوم|اعتداء|انفجار|تفجير) (?:منفصل|منفصلة|آخر|اخر|أخرى|اخرى))[\s،,]/u;
/** A candidate told as another tolled happening (كما انفجرت ... ما أدى إلى مقتل أربعة) after a tolled draft. */
const toldAsAnother = (d: { readonly members: readonly Candidate[] }, c: Candidate): boolean => c.another && draftTolled(d);

/** Two parts of one sentence told side by side (قتل 29 في دوما، فيما قتل 35 في ضواحي دمشق) are two happenings. */
const sideBySide = (a: readonly Candidate[], b: readonly Candidate[]): boolean =>
  a.some((x) => x.side !== null && b.some((y) => y.side !== null && y.sentence === x.sentence && y.side !== x.side));

/** Joins drafts of agreeing kinds at places of one governorate (told apart, then placed alike), in place. */
function mergeSamePlace(drafts: Draft[], gazetteer: Gazetteer): void {
  for (let k = 1; k < drafts.length; k++) {
    const d = drafts[k]!;
    if (d.place === null) continue;
    const into = drafts.slice(0, k).find((e) => e.place !== null && draftsAgree(e, d.kind, byDeal(d)) && sameAdmin1(e.place, d.place, gazetteer)
      && !sideBySide(e.members, d.members) && !toldAsAnother(e, d.members[0]!)
      && !twoTolledTowns({ place: e.place, tolled: draftTolled(e) }, { place: d.place, tolled: draftTolled(d) }, gazetteer));
    if (into === undefined) continue;
    into.members.push(...d.members);
    if (specificity(d.kind) < specificity(into.kind)) into.kind = d.kind;
    drafts.splice(k--, 1);
  }
}

/** Whether a candidate tells of the same happening as a draft event. */
function sameHappening(draft: Draft, c: Candidate, gazetteer: Gazetteer): boolean {
  if (!draftsAgree(draft, c.kind, c.deal) || sideBySide(draft.members, [c]) || toldAsAnother(draft, c)) return false;
  if (twoTolledTowns({ place: draft.place, tolled: draftTolled(draft) }, { place: c.place, tolled: c.killed !== null }, gazetteer)) return false;
  if (draft.place === null || c.place === null) {
    const last = draft.members[draft.members.length - 1]!;
    return c.sentence - last.sentence <= 2 || c.sentence < LEAD_SENTENCES;
  }
  const a = gazetteer.get(draft.place.pcode);
  const b = gazetteer.get(c.place.pcode);
  const admin1 = (p: Place | undefined) => p?.admin1Pcode ?? p?.pcode ?? null;
  if (admin1(a) !== admin1(b)) {
    // A governorate or country named loosely agrees with a town inside it.
    const broader = (x: Place | undefined, y: Place | undefined) => x !== undefined && y !== undefined && y.lineage.includes(x.pcode);
    const country = (x: Place | undefined) => (x ? admin0Of(x, gazetteer) : null);
    return (a?.level === 'admin0' || b?.level === 'admin0') && country(a) === country(b) ? true : broader(a, b) || broader(b, a);
  }
  return true;
}

const ref = (p: Place): PlaceRef => ({ pcode: p.pcode, en: p.nameEn, ar: p.nameAr });

function geoPrecision(mention: PlaceMention, place: Place): 1 | 2 | 3 {
  if (isArea(place)) return 2;
  if (place.level === 'admin0' || place.level === 'admin1') return mention.descriptor === 'مدينة' ? 1 : 3;
  if (mention.direction !== undefined || mention.descriptor === 'ريف') return 2;
  return place.level === 'admin4' || place.level === 'admin3' || mention.descriptor === 'مدينة' ? 1 : 2;
}

/** The forces of a state that acts under its own name (العراق يشن غارات، واشنطن تنفذ ضربة): its country's actor. */
const STATE_FORCES: Readonly<Record<string, ActorKey>> = {
  IQ: 'iraqi_forces', SY: 'syrian_government', US: 'usa', RU: 'russia', TR: 'turkey', IR: 'iran', SA: 'arab_coalition', AE: 'arab_coalition',
  IL: 'israel',
};
/** Verbs of a state striking or carrying out an operation, right after its name (العراق يشن) or right before it (شنت تركيا). */
const ACTING_VERBS: ReadonlySet<string> = new Set([
  'تشن', 'يشن', 'شنت', 'شن', 'تنفذ', 'ينفذ', 'نفذت', 'نفذ', 'تقصف', 'يقصف', 'قصفت', 'تضرب', 'يضرب', 'ضربت', 'تستهدف', 'يستهدف',
  'استهدفت', 'تطلق', 'يطلق', 'أطلقت',
].map(normalizeArabic));

/**
 * The states a sentence names as acting (a capital or country in the government role with a verb of striking beside
 * it): العراق يشن غارات ضد داعش has the Iraqi forces as its actor, though it names no force.
 */
function actingStates(places: readonly PlaceMention[], text: string, gazetteer: Gazetteer): ActorKey[] {
  const out: ActorKey[] = [];
  for (const p of places) {
    if (p.role !== 'government') continue;
    const place = gazetteer.get(p.pcode);
    const actor = place ? STATE_FORCES[admin0Of(place, gazetteer) ?? ''] : undefined;
    if (actor === undefined) continue;
    const after = matchTokens(text.slice(p.end, p.end + 30))[0];
    const before = matchTokens(text.slice(Math.max(0, p.start - 30), p.start)).at(-1);
    const word = (t: { norm: string } | undefined) => (t ? t.norm.replace(/^[وف](?=...)/u, '') : '');
    const adjacent = (after !== undefined && /^\s*$/u.test(text.slice(p.end, p.end + after.start)) && ACTING_VERBS.has(word(after)))
      || (before !== undefined && /^\s*$/u.test(text.slice(Math.max(0, p.start - 30) + before.end, p.start)) && ACTING_VERBS.has(word(before)));
    if (adjacent) out.push(actor);
  }
  return out;
}

/** actor1 (who acted) and actor2 (against whom), from the actors the event's sentences name. */
/** Where each coalition fights from the air (ISO codes of the countries); التحالف in Yemen is the Saudi-led one. */
const AIR_COALITIONS: ReadonlyMap<ActorKey, ReadonlySet<string>> = new Map([
  ['coalition', new Set(['SY', 'IQ', 'YE'])], ['arab_coalition', new Set(['YE'])],
]);
/** The ground forces the coalitions back: an attack with them named is theirs, on the ground. */
const COALITION_GROUND: ReadonlySet<ActorKey> = new Set(['iraqi_forces', 'sdf', 'kurdish_ypg', 'pmf', 'yemeni_forces']);

/**
 * A coalition's attack told with no more than an attack word (التحالف استهدف دار الرئاسة في صنعاء، الضربات التي وجهتها
 * قوات التحالف، مقتل 25 حوثيا بنيران التحالف في مأرب) where it fights from the air: an air strike. Not where no place
 * is told (three of its soldiers killed) or abroad (the coalition's countries named after an attack in Liège), not
 * beside the ground forces it backs.
 */
function coalitionStrike(d: Draft, actors: readonly ActorKey[], gazetteer: Gazetteer): boolean {
  if (d.kind !== 'attack' || !d.members.some((m) => m.words.length > 0) || actors.some((a) => COALITION_GROUND.has(a))) return false;
  const place = d.place ? gazetteer.get(d.place.pcode) : undefined;
  const country = place ? admin0Of(place, gazetteer) : null;
  return country !== null && actors.some((a) => AIR_COALITIONS.get(a)?.has(country) === true);
}

/** Sides that fight together: an event's second actor is from none of the first's. */
const ALLIES: readonly ReadonlySet<ActorKey>[] = [
  new Set(['yemeni_forces', 'arab_coalition']),
  new Set(['syrian_government', 'russia', 'iran', 'hezbollah']),
  new Set(['iraqi_forces', 'pmf', 'coalition', 'usa']),
  new Set(['sdf', 'kurdish_ypg', 'coalition', 'usa']),
  new Set(['turkey', 'syrian_opposition']),
];
const allied = (a: ActorKey, b: ActorKey): boolean => a !== b && ALLIES.some((side) => side.has(a) && side.has(b));

/** Who is named as the party of a chemical attack, in this order. */
const CHEMICAL_PARTIES: readonly ActorKey[] = ['syrian_government', 'isis'];

function actorsOf(kind: EventKind, actors: readonly ActorKey[], civilians: boolean): [string | null, string | null] {
  const unique = [...new Set(actors)];
  // A chemical attack is told by the powers that argue over it (Washington, Moscow): its party is the one accused of
  // gas attacks in this war, the Syrian government, else ISIS; its victims are civilians.
  if (kind === 'chemical') {
    const by = CHEMICAL_PARTIES.find((k) => unique.includes(k));
    return [by === undefined ? null : ACTOR_NAMES[by], civilians || by !== undefined ? 'Civilians' : null];
  }
  const stateFirst = kind === 'air_strike' || kind === 'raid_arrest' || kind === 'territory';
  unique.sort((a, b) => {
    const score = (k: ActorKey) => (stateFirst ? (STATE_ACTORS.has(k) ? 0 : 1) : k === 'isis' ? 0 : 1);
    return score(a) - score(b);
  });
  // An air strike no state is named for (قتلى بغارات على قرية تحت سيطرة داعش) is by forces unknown, on the group named.
  if (kind === 'air_strike' && unique.length > 0 && !STATE_ACTORS.has(unique[0]!)) return [null, ACTOR_NAMES[unique[0]!]];
  // A state's strike, arrest or advance is against the armed group named, before any other state named beside it
  // (أمريكا تنفذ 29 ضربة جوية تستهدف داعش، with the Iraqi forces it backs: the US against ISIS).
  const first = unique[0];
  const stateSecond = stateFirst && first !== undefined && STATE_ACTORS.has(first)
    ? unique.slice(1).find((k) => !STATE_ACTORS.has(k)) ?? unique[1] : unique[1];
  // The other side, not an ally of the first (الجيش الوطني بإسناد التحالف against the Houthis: not the coalition).
  const second = first !== undefined && stateSecond !== undefined && allied(first, stateSecond)
    ? unique.slice(1).find((k) => !allied(first, k)) : stateSecond;
  const actor1 = unique[0] ? ACTOR_NAMES[unique[0]] : null;
  const actor2 = second ? ACTOR_NAMES[second] : civilians && actor1 !== null ? 'Civilians' : null;
  return [actor1, actor2];
}

/** Where the coalition (التحالف) fights in Yemen and on the Saudi border, it is the Saudi-led one. */
const SAUDI_COALITION_COUNTRIES: ReadonlySet<string> = new Set(['YE', 'SA']);

/**
 * The figure of a happening from its sentences: a figure called earlier or not final gives way to any other; a
 * number beats a vague word (عشرات) told elsewhere; then an explicit update replaces; else the lowest of the first two stated.
 */
function mergedToll(members: readonly Candidate[], pick: (c: Candidate) => number | null, vague: (c: Candidate) => boolean): number {
  const told = members.filter((m) => pick(m) !== null);
  const current = told.filter((m) => !m.superseded);
  const all = current.length > 0 ? current : told;
  const exact = all.filter((m) => !vague(m));
  const stated = exact.length > 0 ? exact : all;
  if (stated.length === 0) return 0;
  const updates = stated.filter((m) => m.update);
  if (updates.length > 0) return pick(updates[updates.length - 1]!)!;
  return Math.min(...stated.slice(0, 2).map((m) => pick(m)!));
}

/** How many sentences apart both sides' dead may be told to be added up. */
const SIDES_APART = 2;
/**
 * The dead of a happening: both sides' dead when its sentences tell them apart (the ministry's 4 soldiers, then 43
 * militants killed in the same fight: 47), each side's figure merged as one toll is; else the one toll's figure.
 */
function mergedKilled(members: readonly Candidate[]): number {
  const told = members.filter((m) => m.killed !== null);
  const sides = new Set(told.map((m) => m.killedSide));
  // Both sides' dead are told together (the next sentence, or the one after); a figure of the other side told far off
  // (وكانت الأناضول تحدثت عن مقتل 390 «إرهابيا» جراء القصف) is another count that only joined the happening.
  const near = told.some((a) => told.some((b) => a.killedSide !== b.killedSide && Math.abs(a.sentence - b.sentence) <= SIDES_APART));
  if (told.length < 2 || sides.size !== 2 || sides.has(null) || !near) return mergedToll(members, (m) => m.killed, (m) => m.killedVague);
  return [...sides].reduce((sum, side) => sum + mergedToll(told.filter((m) => m.killedSide === side), (m) => m.killed, (m) => m.killedVague), 0);
}

/** The words that join two happenings told side by side in one sentence: فيما، في حين، بينما. */
const SIDE_BY_SIDE = /\s(?=(?:و?فيما|في حين|بينما)\s)/gu;

/** What separates two clauses of one sentence: a comma or semicolon, فيما، في حين، بينما. */
const CLAUSE_BREAK = new RegExp(`[،؛;]|${SIDE_BY_SIDE.source}`, 'gu');

/**
 * A sentence that tells two tolls side by side, each in its own place (قتل 29 مدنيا في ... دوما ...، فيما قتل 35
 * مدنيا في ضواحي دمشق بقصف): one part per toll, or null when it does not. A part without a toll of its own stays
 * with the one before.
 */
function tollClauses(m: Mentions, span: { start: number; end: number }, text: string): { start: number; end: number }[] | null {
  const cuts = [...text.slice(span.start, span.end).matchAll(SIDE_BY_SIDE)].map((b) => span.start + b.index!);
  if (cuts.length === 0) return null;
  const parts: { start: number; end: number; place: string | null }[] = [];
  let start = span.start;
  for (const end of [...cuts, span.end]) {
    const part = { start, end };
    const tolled = within(m.casualties, part).some((c) => (c.kind === 'killed' || c.kind === 'wounded') && c.aggregate !== true && c.count !== null);
    const place = within(m.places, part).find((p) => p.role === undefined || p.role === 'location')?.pcode ?? null;
    const last = parts[parts.length - 1];
    if (last && !tolled) last.end = end;
    else parts.push({ start, end, place: tolled ? place : null });
    start = end;
  }
  const told = parts.filter((p) => p.place !== null);
  if (parts.length < 2 || told.length < 2 || new Set(told.map((p) => p.place)).size < 2) return null;
  return parts.map(({ start: a, end: b }) => ({ start: a, end: b }));
}

/**
 * The parts of a sentence that tell of different happenings: when it tells of a protest or riot beside
 * a happening of another ACLED type (القوات تحرر مبنى الجامعة ...، تظاهر المئات بمحافظة ذي قار), each run
 * of clauses from one type's word to the next is a part of its own, with its own place and toll; else
 * the whole sentence (fighting and the bombings in it are told as one).
 */
function happeningClauses(m: Mentions, span: { start: number; end: number }, text: string): { start: number; end: number }[] {
  const words = [
    ...within(m.events, span).filter((e) => (e.status ?? 'occurred') === 'occurred' && !NOT_HAPPENINGS.has(e.type) && !GENERIC_KINDS.has(e.type as EventKind))
      .map((e) => ({ start: e.start, kind: e.type as EventKind })),
    ...within(m.extra, span).filter((e) => e.kind !== 'disrupted').map((e) => ({ start: e.start, kind: e.kind })),
  ].sort((a, b) => a.start - b.start);
  const families = new Set(words.map((w) => family(w.kind)));
  if (families.size < 2 || !(families.has('Protests') || families.has('Riots')) || within(m.events, span).some((e) => e.status === 'disrupted')) return [span];
  const breaks = [...text.slice(span.start, span.end).matchAll(CLAUSE_BREAK)].map((b) => span.start + b.index!);
  const parts: { start: number; end: number; family: AcledEventType }[] = [];
  let start = span.start;
  for (const end of [...breaks, span.end]) {
    const inside = words.filter((w) => w.start >= start && w.start < end);
    const kinds = new Set(inside.map((w) => family(w.kind)));
    const last = parts[parts.length - 1];
    // A clause with no event word, or with the previous part's type only, continues that part.
    if (last && (kinds.size === 0 || (kinds.size === 1 && kinds.has(last.family)))) last.end = end;
    else parts.push({ start, end, family: inside[0] ? family(inside[0].kind) : 'Battles' });
    start = end;
  }
  return parts.length > 1 ? parts.map(({ start: a, end: b }) => ({ start: a, end: b })) : [span];
}

/** Statuses a body's telling gives a headline's bare word: الإعدام لـ15 تركية is the sentence the body tells. */
const TOLD_AS: ReadonlySet<EventStatus> = new Set(['sentenced', 'denial']);

/**
 * The title's event words, each of a type the body tells only as a death sentence or only denied (الإعدام لـ15 تركية
 * over أصدرت محكمة عراقية حكما بالإعدام بحق 15 امرأة) taking that status: a headline drops the words that say so.
 */
function titleEvents(title: readonly EventMention[], body: readonly EventMention[]): EventMention[] {
  return title.map((e) => {
    if (e.status !== undefined) return e;
    const told = body.filter((b) => b.type === e.type).map((b) => b.status);
    const only = told[0];
    return only !== undefined && TOLD_AS.has(only) && told.every((t) => t === only) ? { ...e, status: only } : e;
  });
}

/**
 * The report's events, main event first: one candidate per sentence (and the title) that tells of
 * a happening (an event word whose status is occurred, or disrupted; or a toll), located at the
 * most specific location its sentence names (else its paragraph's, else the lead's); candidates of
 * one happening (kind family, place, proximity) merge into one event.
 */
export function buildEventRecords(input: EventRecordInput, gazetteer: Gazetteer): BuiltEvents {
  const candidates: Candidate[] = [];
  const { titleMentions: tm, bodyMentions: bm } = input;

  const dateline = datelineEnd(input.text);
  // A report whose title or first sentence tells of an accident: its bare tolls are the accident's.
  const accidentReport = tellsOfAccident(input.title) || (input.sentences[0] !== undefined
    && tellsOfAccident(input.text.slice(input.sentences[0].start, input.sentences[0].end)));
  // Sentences that recall the past: their places are not where today's events happened, even as a paragraph's place.
  const pastSpans = input.sentences.filter((s) => recallsThePast(input.text.slice(s.start, s.end), input.publishedAt));
  const current = (places: readonly PlaceMention[]) => places.filter((p) => !pastSpans.some((s) => p.start >= s.start && p.start < s.end));
  const addCandidate = (m: Mentions, sentenceSpan: { start: number; end: number }, sentence: number, paragraph: number, text: string, inTitle: boolean,
    span = sentenceSpan, side: number | null = null): void => {
    // A sentence that recalls the past (في أكتوبر الماضي، عام 2014) tells history, not the news.
    if (!inTitle && recallsThePast(text.slice(span.start, span.end), input.publishedAt)) return;
    const places = within(m.places, span);
    // يهاجم الولايات المتحدة، هاجم إيران: a country attacked in words (its name right after the verb) is criticism.
    const events = within(m.events, span).filter((e) => !(ATTACK_VERBS.has(normalizeArabic(e.surface)) && places.some((p) =>
      p.start > e.end && p.start - e.end <= 2 && gazetteer.get(p.pcode)?.level === 'admin0')) && !campaignTalk(e, text));
    const extra = within(m.extra, span);
    const casualties = within(m.casualties, span);
    // A sentence that opens on a period's or a war's total and then names its causes (مقتل 2927 ... جراء غارات
    // التحالف في محافظات حماه وحلب) sums up; it tells no happening. One that tells a happening first keeps it.
    const tolls = casualties.filter((c) => c.kind === 'killed' || c.kind === 'wounded' || c.kind === 'casualties');
    const total = (c: Casualty) => c.aggregate === true || c.approx === 'thousands' || beyondOneEvent(c.kind, casualtyValue(c) ?? 0);
    // An execution word that is the toll's own trigger (إعدام أكثر من ألفي مواطن) reports the total too.
    const inToll = (e: { start: number; end: number }) => tolls.some((c) => e.start < c.end && c.start < e.end);
    const told = [...events, ...extra].filter((e) => !KILLING_WORDS.has(normalizeArabic(text.slice(e.start, e.end))) && !inToll(e));
    if (tolls.length > 0 && tolls.every(total) && told.every((e) => e.start > tolls[0]!.start)) return;
    const accidentHere = tellsOfAccident(text.slice(span.start, span.end));
    const figures = sentenceToll(casualties, text.slice(span.start, span.end), span.start);
    // One named (مقتل القيادي، حرقوا الطفل) gives a happening its figure; it makes none of its own.
    const stated = casualties.some((c) => c.approx === 'named') ? sentenceToll(casualties.filter((c) => c.approx !== 'named'), text.slice(span.start, span.end), span.start) : figures;
    const tolled = stated.killed !== null || stated.wounded !== null || stated.combined;
    // Beside an accident, a toll and killing words (مقتل تسعة لاجئين في حادث سير) tell of no attack.
    const accident = accidentReport || accidentHere;
    const kind = accident
      ? sentenceKind(events.filter((e) => !ACCIDENT_KILLING_WORDS.has(normalizeArabic(e.surface))), extra, false)
      : sentenceKind(events, extra, tolled, casualties.some((c) => c.kind === 'killed' && (c.count ?? 0) > 0
        && (c.group === 'fighters' || OF_THE_ATTACKERS.test(text.slice(c.end, c.end + 20)))));
    if (kind === null) return;
    // Protesters who chant for the victims of a fire (في إشارة إلى ضحايا حريق ... راح ضحيته 12 قتيلا): the toll is the fire's.
    const toll = kind === 'protest' && accidentHere ? { ...figures, killed: null, wounded: null, combined: false } : figures;
    // Killing words (مقتل) report the toll of whatever happened: they say nothing of which happening it is.
    const happened = events.filter((e) => (e.status ?? 'occurred') === 'occurred' && !NOT_HAPPENINGS.has(e.type) && !KILLING_WORDS.has(normalizeArabic(e.surface)));
    const place = mostSpecific(places.filter((p) => inTitle || p.start >= dateline), gazetteer);
    candidates.push({
      kind, sentence, paragraph, side, span: inTitle ? null : sentenceSpan, place, ownPlace: place !== null,
      anaphoric: !inTitle && extra.length === 0 && happened.length > 0 && happened.every((e) => isDefinite(e.surface)),
      words: happened.map((e) => headWord(e.surface)),
      another: !inTitle && ALSO_OPENER.test(text.slice(span.start, span.end)) && stated.killed !== null
        && happened.length > 0 && !happened.every((e) => isDefinite(e.surface)),
      bareToll: !inTitle && extra.length === 0 && happened.length === 0 && place === null && stated.killed !== null,
      tollOf: !inTitle && happened.length > 0 && isDefinite(happened[0]!.surface) && tolls.length > 0 && happened[0]!.start < tolls[0]!.start
        ? happened[0]!.type as EventKind : null,
      killed: toll.killed, wounded: toll.wounded, combined: toll.combined, civilianVictims: toll.civilians,
      killedVague: toll.killedVague, woundedVague: toll.woundedVague, attackers: toll.attackers, killedSide: toll.killedSide,
      update: hasUpdateWord(text.slice(span.start, span.end)),
      superseded: NOT_FINAL_TOLL.test(text.slice(span.start, span.end)) || AMONG_THE_DEAD.test(text.slice(span.start, span.end)),
      deal: tellsOfDeal(text.slice(span.start, span.end)),
      deliberate: happened.some((e) => deliberateBombing(e, text)),
      actors: [...actingStates(places, text, gazetteer), ...within(m.actors, span).map((a) => a.key)],
      text: text.slice(span.start, span.end),
    });
  };
  // A title figure the body tells as a period's total (مقتل 32 مدنيا ... قتل 32 مدنيا خلال 24 ساعة) is that total:
  // a title that opens on it sums up, as a sentence does.
  const totalKey = (c: Casualty) => `${c.kind}:${casualtyValue(c)}`;
  const bodyTotals = new Set(bm.casualties.filter((c) => c.aggregate === true).map(totalKey));
  const titleCasualties = tm.casualties.map((c) => (bodyTotals.has(totalKey(c)) ? { ...c, aggregate: true } : c));
  addCandidate({ ...tm, events: titleEvents(tm.events, bm.events), casualties: titleCasualties }, { start: 0, end: input.title.length }, -1, -1, input.title, true);
  input.sentences.forEach((s, k) => {
    // Tolls told side by side are apart for good; a protest's clauses may still join the happening beside them.
    const apart = tollClauses(bm, s, input.text);
    if (apart) apart.forEach((part, side) => addCandidate(bm, s, k, s.paragraph, input.text, false, part, side));
    else for (const part of happeningClauses(bm, s, input.text)) addCandidate(bm, s, k, s.paragraph, input.text, false, part);
  });
  if (candidates.length === 0) return { events: [], leadHappening: false, signals: { ...NO_SIGNALS, pastSentences: pastSpans.length } };

  const drafts: Draft[] = [];
  for (const c of candidates) {
    const recent = [...drafts].reverse();
    // A definite word (الهجوم) speaks of a happening already told, wherever its sentence is: the one told with the same
    // word (هذا هو الهجوم الأعنف ... أسفر عن مقتل 6 of هجوم شنه مقاتلون), else the last one of an agreeing kind.
    const named = (d: Draft) => d.members.some((m) => m.words.some((w) => c.words.includes(w)));
    const agrees = (d: Draft) => draftsAgree(d, c.kind, c.deal);
    const tollAgrees = (d: Draft) => draftsAgree(d, c.tollOf!, c.deal) && sameAdmin1(d.place, c.place, gazetteer);
    const tollInto = c.tollOf !== null && c.tollOf !== c.kind && !c.anaphoric
      ? recent.find((d) => tollAgrees(d) && named(d)) ?? recent.find(tollAgrees) : undefined;
    // A toll told with no happening word and no place of its own (أن الضربات الإسرائيلية أسفرت عن مقتل 23) is the
    // toll of the happening told last, however many sentences back.
    const lastTold = (d: Draft) => d.members[d.members.length - 1]!.sentence;
    const bareInto = c.bareToll ? [...drafts].sort((a, b) => lastTold(b) - lastTold(a)).find(agrees) : undefined;
    // The same exact toll told again (أوقع 30 قتيلا, in a speaker's words on a visit abroad) is the same happening
    // when one of the two is placed by a country alone (or not at all): towns of their own stay apart.
    const loose = (p: PlaceMention | null) => p === null || gazetteer.get(p.pcode)?.level === 'admin0';
    const sameTollInto = c.killed !== null && !c.killedVague && c.killed >= SAME_TOLL_MIN && !c.another
      ? recent.find((d) => agrees(d) && !sideBySide(d.members, [c]) && (loose(d.place) || loose(c.place))
        && d.members.some((m) => m.killed === c.killed && !m.killedVague)) : undefined;
    const anaphoricInto = c.anaphoric ? recent.find((d) => agrees(d) && named(d)) ?? recent.find(agrees) : undefined;
    const into = tollInto ?? anaphoricInto ?? recent.find((d) => sameHappening(d, c, gazetteer)) ?? sameTollInto ?? bareInto;
    if (into === undefined) {
      drafts.push({ kind: c.kind, place: c.place, members: [c] });
      continue;
    }
    into.members.push(c);
    // A toll told of a happening before (وأسفرت المعارك عن ...) keeps that happening's kind.
    if (tollInto === undefined && specificity(c.kind) < specificity(into.kind)) into.kind = c.kind;
    const deeper = (p: PlaceMention | null) => (p ? LEVEL_RANK[gazetteer.get(p.pcode)?.level ?? 'admin0'] : -1);
    if (!c.anaphoric && deeper(c.place) > deeper(into.place) && sameAdmin1(into.place, c.place, gazetteer)) into.place = c.place;
    if (into.place === null) into.place = c.place;
  }

  mergeSamePlace(drafts, gazetteer);
  // An event whose sentences name no place happened where its first paragraph, else the lead, says.
  const leadPlace = mostSpecific([
    ...tm.places,
    ...current(within(bm.places, { start: dateline, end: input.sentences[LEAD_SENTENCES - 1]?.end ?? input.text.length })),
  ], gazetteer);
  for (const d of drafts) {
    const country = d.place ? gazetteer.get(d.place.pcode) : undefined;
    if (d.place !== null && country?.level !== 'admin0') continue;
    const first = d.members.find((m) => m.paragraph >= 0);
    const paragraph = first ? input.sentences.filter((s) => s.paragraph === first.paragraph) : [];
    const inParagraph = paragraph.length === 0 ? null
      : mostSpecific(current(within(bm.places, { start: Math.max(dateline, paragraph[0]!.start), end: paragraph[paragraph.length - 1]!.end })), gazetteer);
    // A country named loosely (بسوريا) takes a place inside it from the paragraph or the lead.
    const belowCountry = (p: PlaceMention | null) => p !== null && gazetteer.get(p.pcode)?.level !== 'admin0';
    const found = d.place === null
      ? inParagraph ?? leadPlace
      : [inParagraph, leadPlace].find((p) => belowCountry(p) && sameAdmin1(d.place, p, gazetteer)) ?? null;
    if (found !== null) d.place = found;
  }

  mergeSamePlace(drafts, gazetteer);

  // A report whose title or lead tells of protesters or a march: its confrontations are the protest's.
  const leadText = input.text.slice(0, input.sentences[LEAD_SENTENCES - 1]?.end ?? input.text.length);
  const protestReport = PROTEST_SCENE.test(input.title) || PROTEST_SCENE.test(leadText);
  const published = input.publishedAt?.slice(0, 10) ?? null;
  const records = drafts.map((d, order) => {
    const civilians = d.members.some((m) => m.civilianVictims);
    const allActors = d.members.flatMap((m) => m.actors);
    const byGovernment = allActors.some((a) => STATE_ACTORS.has(a));
    // An explosion told as a depot's (انفجار مستودع للذخيرة) is ACLED's Strategic developments / Other, not a bombing; an
    // attack told as chemical (الهجوم الكيماوي على دوما) is a chemical weapon's.
    const kind: EventKind = d.kind === 'bombing' && d.members.some((m) => tellsOfDepot(m.text)) ? 'other'
      : GENERIC_KINDS.has(d.kind) && d.members.some((m) => tellsOfChemicalAttack(m.text)) ? 'chemical'
        : coalitionStrike(d, allActors, gazetteer) ? 'air_strike'
          : protestScene(d, allActors, protestReport, gazetteer) ? 'protest' : d.kind;
    const fatalities = mergedKilled(d.members) + Math.max(0, ...d.members.map((m) => m.attackers));
    const injuries = mergedToll(d.members, (m) => m.wounded, (m) => m.woundedVague);
    const type = acledType(kind, { civilianVictims: civilians, byGovernment, byDeal: d.members.some((m) => m.deal), fatalities, injuries });
    const place = d.place ? gazetteer.get(d.place.pcode) : undefined;
    const lineage = place?.lineage.map((p) => gazetteer.get(p)!).filter((p) => p !== undefined) ?? [];
    const at = (level: AdminLevel) => lineage.find((p) => p.level === level);
    const admin1 = at('admin1');
    const admin2 = at('admin2');
    const country = place ? admin0Of(place, gazetteer) : null;
    // In Yemen "the Iranian militias" (الميليشيات الإيرانية، ميليشيات الحوثي الإيرانية) are the Houthis.
    const localActors = country !== null && SAUDI_COALITION_COUNTRIES.has(country)
      ? allActors.map((a): ActorKey => (a === 'coalition' ? 'arab_coalition' : a === 'iran' && country === 'YE' ? 'houthis' : a))
      // Yemen's government forces are Yemen's: الجيش الوطني elsewhere is another country's army.
      : allActors.filter((a) => a !== 'yemeni_forces');
    const [actor1, actor2] = actorsOf(kind === 'chemical' || kind === 'air_strike' ? kind : d.kind, localActors, civilians);
    let date: string | null = published;
    let precision: TimePrecision | null = published === null ? null : 1;
    let dated = false;
    if (published !== null) {
      const cue = d.members.map((m) => relativeEventDate(m.text, published)).find((x) => x !== null)
        ?? (d.members.some((m) => m.sentence < LEAD_SENTENCES) ? relativeEventDate(input.text.slice(0, input.sentences[0]?.end ?? 0), published) : null);
      if (cue) ({ date, precision } = { date: cue.date, precision: cue.precision });
      dated = cue !== null;
    }
    const first = d.members.find((m) => m.span !== null);
    const record: EventRecord = {
      event_type: type.eventType, sub_event_type: type.subEventType, kind, actor1, actor2,
      location: place ? { ...ref(place), level: place.level } : null,
      admin1: admin1 ? ref(admin1) : null,
      admin2: admin2 ? ref(admin2) : null,
      geo_precision: place && d.place ? geoPrecision(d.place, place) : null,
      // A town without its own point takes the nearest place above it that has one.
      latitude: lineage.find((p) => p.lat !== null)?.lat ?? null,
      longitude: lineage.find((p) => p.lon !== null)?.lon ?? null,
      date, time_precision: precision,
      // The attacker killed beside the victims (إلى جانب السائق) adds to the lowest figure, which may leave him out.
      fatalities, injuries,
      sentence: first?.span ? { start: first.span.start, end: first.span.end } : null,
    };
    const rank = d.members.some((m) => m.sentence < 0) ? 2 : d.members.some((m) => m.sentence < LEAD_SENTENCES) ? 1 : 0;
    return { record, order, rank, dated, lead: rank > 0, own: d.members.some((m) => m.ownPlace), specific: !GENERIC_KINDS.has(d.kind) || d.members.some((m) => m.killed !== null || (m.wounded !== null && m.ownPlace) || m.combined || m.deliberate) };
  });

  const countryOf = (pcode: string): string | null => {
    const place = gazetteer.get(pcode);
    return place ? admin0Of(place, gazetteer) : null;
  };
  // Main event: the one the title tells, else the deadliest the lead tells; then the others, deadliest first.
  records.sort((a, b) => b.rank - a.rank || b.record.fatalities - a.record.fatalities || a.order - b.order);
  // Besides the main event, only happenings told with their own place and a kind or a toll of their own.
  // One of the outside powers named whole, other than the main event's country, as a further event's place is a
  // party speaking or acting (Israel struck, the United States denies, Britain calls for), not where something
  // happened: a happening there names its town. Syria, Iraq and the other countries named whole stay.
  const mainCountry = records[0]?.record.location ? countryOf(records[0].record.location.pcode) : null;
  const elsewhereCountry = (r: (typeof records)[number]) =>
    r.record.location?.level === 'admin0' && r.record.location.pcode !== mainCountry && ACTING_POWERS.has(r.record.location.pcode);
  const eligible = records.filter((r, k) => k === 0 || (r.own && r.specific && !elsewhereCountry(r)));
  // More than MAX_EVENTS: one event per governorate first (the main event's, then each other's deadliest),
  // then second events in a governorate, so a roundup keeps where things happened.
  const seen = new Set<string>();
  const firsts = eligible.filter((r) => {
    const key = r.record.admin1?.pcode ?? r.record.location?.pcode ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const kept = eligible.length <= MAX_EVENTS ? eligible
    : [...firsts, ...eligible.filter((r) => !firsts.includes(r))].slice(0, MAX_EVENTS).sort((a, b) => eligible.indexOf(a) - eligible.indexOf(b));
  const grounded = (e: EventRecord) => e.location !== null || e.actor1 !== null || e.fatalities + e.injuries > 0;
  const main = records[0];
  const signals: BuildSignals = {
    titleCandidate: candidates.some((c) => c.sentence < 0),
    titleSpecific: records.some((r) => r.rank === 2 && r.specific),
    candidates: candidates.length,
    leadCandidates: candidates.filter((c) => c.sentence >= 0 && c.sentence < LEAD_SENTENCES).length,
    drafts: records.length,
    leadSpecific: records.filter((r) => r.lead && r.specific).length,
    kept: kept.length,
    mainFatalities: main?.record.fatalities ?? 0,
    mainInjuries: main?.record.injuries ?? 0,
    mainLocated: main?.record.location != null,
    mainDated: main?.dated ?? false,
    pastSentences: pastSpans.length,
  };
  return { events: kept.map((r) => r.record), leadHappening: kept.some((r) => r.lead && r.specific && grounded(r.record)), signals };
}
