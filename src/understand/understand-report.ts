// Annotates one report: places, actors, event types and casualties, per text and per sentence.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { segmentText } from '../text/segment-text.js';
import { ACTORS, findActors, type ActorKey } from './actors.js';
import { arabicPlaceLexicon } from './arabic-place-lexicon.js';
import { findCasualties, type Casualty } from './casualties.js';
import { findEvents, type EventKey } from './events.js';
import { buildEventRecords, admin0Of, LEAD_SENTENCES, NO_SIGNALS, type EventRecord, type Mentions } from './event-records.js';
import { findExtraEvents } from './extra-event-words.js';
import { findPlacesInTokens, type PlaceMention } from './find-places.js';
import { LEVEL_RANK, loadGazetteer, type Gazetteer } from './gazetteer.js';
import { matchTokens, type MatchToken } from './match-tokens.js';
import { reportFeatures } from './report-features.js';
import { loadReportModel, probability } from './report-model.js';
import { isOnTopic } from './report-topic.js';

/** A place named in a report, with how often. */
export interface ReportPlace {
  readonly pcode: string;
  readonly admin1Pcode: string | null;
  /** Mentions in the text (not the title). */
  readonly mentions: number;
  readonly inTitle: boolean;
}

/** Annotations of one sentence; only sentences with at least one are kept. */
export interface SentenceAnnotation {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
  /** P-codes, each once, in order of first mention. */
  readonly places: string[];
  /** Event type keys as mentioned (ancestors not added). */
  readonly events: EventKey[];
  readonly actors: ActorKey[];
}

/** What a report is about, stored as JSON per report for ranking and snippets. Offsets refer to `text`. */
export interface ReportUnderstanding {
  readonly places: ReportPlace[];
  readonly actors: { actor: ActorKey; mentions: number }[];
  /** Mentions of each type itself; callers expand ancestors when indexing. */
  readonly events: { type: EventKey; mentions: number }[];
  readonly casualties: Casualty[];
  readonly sentences: SentenceAnnotation[];
  readonly titleAnnotations: { places: string[]; events: EventKey[]; actors: ActorKey[] };
  /** About conflict, armed groups and security in Syria, Iraq and the region, or jihadist groups anywhere. */
  readonly onTopic: boolean;
  /** Tells of at least one specific happening (not analysis, statements, diplomacy, history). */
  readonly incident: boolean;
  /** ACLED-style event records, main event first; empty unless `incident`. */
  readonly eventRecords: EventRecord[];
}

/** Counts of each key in order of first appearance, most frequent first. */
function tally<K>(keys: readonly K[]): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** Annotations of a stretch of Arabic text. */
function annotate(text: string): Mentions & { tokens: MatchToken[]; casualties: Casualty[] } {
  const tokens = matchTokens(text);
  return {
    tokens,
    places: findPlacesInTokens(text, tokens),
    actors: findActors(text, tokens).map((m) => ({ key: m.actor, start: m.start })),
    events: findEvents(text, tokens),
    extra: findExtraEvents(text, tokens),
    casualties: findCasualties(text, tokens),
  };
}

/** A place where something is or went (not a government speaking, a name, a dateline, a venue or a border). */
const located = (p: PlaceMention): boolean => p.role === undefined || p.role === 'location' || p.role === 'destination';

/** The ISO code of a mention's country, or null. */
function countryCode(p: PlaceMention, gazetteer: Gazetteer): string | null {
  const place = gazetteer.get(p.pcode);
  return place ? admin0Of(place, gazetteer) : null;
}

/**
 * A village (a gazetteer community) named in a report that names no other place of its country, while it names
 * places of another outside Syria and Iraq (a governorate, a district or the country itself), is a namesake there: منطقة الكمب مديرية مقبنة
 * in a report on Yemen's Bayda and Taiz is not al-Kumb in Raqqa. A village beside its own country's places, or in a
 * report that names no other country's or names Syria's or Iraq's, stays.
 */
function withoutStrayVillages<T extends { readonly places: readonly PlaceMention[] }>(body: T, title: T, gazetteer: Gazetteer): [T, T] {
  const all = [...title.places, ...body.places].filter(located);
  const countryOf = (p: PlaceMention) => countryCode(p, gazetteer);
  const village = (p: PlaceMention) => gazetteer.get(p.pcode)?.level === 'admin4';
  const strong = new Set(all.filter((p) => !village(p)).map(countryOf).filter((c): c is string => c !== null));
  // Syria's and Iraq's stories cross the border (a strike near Tabqa and battles in Sinjar in one report): only a
  // report about neither of them loses its villages.
  if (strong.size === 0 || strong.has('SY') || strong.has('IQ')) return [body, title];
  const stray = (p: PlaceMention) => {
    if (!village(p)) return false;
    const country = countryOf(p);
    return country !== null && !strong.has(country) && !all.some((q) => q !== p && q.pcode !== p.pcode && q.admin1Pcode === p.admin1Pcode);
  };
  if (!all.some(stray)) return [body, title];
  return [{ ...body, places: body.places.filter((p) => !stray(p)) }, { ...title, places: title.places.filter((p) => !stray(p)) }];
}

/** Index of the span containing `offset` among sorted, disjoint spans; -1 when none does. */
function spanIndex(spans: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid]!;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Understands an Arabic report: the places (resolved to gazetteer P-codes), actors, event types
 * and casualty counts it mentions, overall and per sentence, plus what its title mentions.
 */
export function understandReport(
  input: { title: string; text: string; publishedAt?: string | null },
  gazetteer: Gazetteer = loadGazetteer(),
): ReportUnderstanding {
  const [body, title] = withoutStrayVillages(annotate(input.text), annotate(input.title), gazetteer);
  const { sentences: spans } = segmentText(input.text);

  const sentenceNotes = spans.map((s) => ({
    start: s.start, end: s.end, paragraph: s.paragraph,
    places: [] as string[], events: [] as EventKey[], actors: [] as ActorKey[],
  }));
  const file = <K>(offset: number, pick: (n: (typeof sentenceNotes)[number]) => K[], key: K): void => {
    const k = spanIndex(spans, offset);
    if (k >= 0) pick(sentenceNotes[k]!).push(key);
  };
  for (const p of body.places) file(p.start, (n) => n.places, p.pcode);
  for (const e of body.events) file(e.start, (n) => n.events, e.type);
  for (const a of body.actors) file(a.start, (n) => n.actors, a.key);

  const titlePlaces = new Set(title.places.map((p) => p.pcode));
  const governorateOf = new Map<string, string | null>();
  for (const p of [...body.places, ...title.places]) governorateOf.set(p.pcode, p.admin1Pcode);
  const places: ReportPlace[] = tally(body.places.map((p) => p.pcode)).map(({ key, count }) => ({
    pcode: key, admin1Pcode: governorateOf.get(key) ?? null, mentions: count, inTitle: titlePlaces.has(key),
  }));
  for (const pcode of titlePlaces) {
    if (!places.some((p) => p.pcode === pcode)) {
      places.push({ pcode, admin1Pcode: governorateOf.get(pcode) ?? null, mentions: 0, inTitle: true });
    }
  }

  return {
    places,
    actors: tally(body.actors.map((a) => a.key)).map(({ key, count }) => ({ actor: key, mentions: count })),
    events: tally(body.events.map((e) => e.type)).map(({ key, count }) => ({ type: key, mentions: count })),
    casualties: body.casualties,
    sentences: sentenceNotes
      .filter((n) => n.places.length + n.events.length + n.actors.length > 0)
      .map((n) => ({ ...n, places: unique(n.places), events: unique(n.events), actors: unique(n.actors) })),
    titleAnnotations: {
      places: unique(title.places.map((p) => p.pcode)),
      events: unique(title.events.map((e) => e.type)),
      actors: unique(title.actors.map((a) => a.key)),
    },
    ...eventsOf(input, spans, title, body, gazetteer),
  };
}

/**
 * Tolls of a happening (killed, wounded, or both: 15 شهيدا و40 مصابا), a conflict signal as event words are; a
 * period's or a war's total (آلاف المعتقلين الذين قتلوا) is background and is not counted.
 */
const tollsOf = (casualties: readonly Casualty[]): number =>
  casualties.filter((c) => (c.kind === 'killed' || c.kind === 'wounded' || c.kind === 'casualties') && c.aggregate !== true
    // One named (قتل شقيقه، مقتل القيادي) is no sign of conflict: a family murder names its victim so too.
    && c.approx !== 'thousands' && c.approx !== 'named').length;

/** Event words that are talk of conflict: a supposed or denied one (ربما يكون خطف، نفى الهجوم) is not. */
const talked = (events: readonly { status?: string }[]): number => events.filter((e) => e.status !== 'hypothetical' && e.status !== 'denial').length;

/**
 * A title that names its piece an opinion or an analysis: it opens with رأي.. ، تحليل: ، وجهة نظر - , or names its
 * writer (كامليا انتخابي فرد تكتب لـCNN: ، بشار جرار يكتب: ، يكتب عن).
 */
const OPINION_TITLE = /^\s*(?:رأي|مقال رأي|تحليل|وجهة نظر)\s*(?:\.\.|:|-|–|—|\|)|(?:^|\s)(?:يكتب|تكتب)\s*(?:لـ?\s*\S+\s*:|:|عن\s)/u;

/**
 * Actors named after the shipped incident model was trained (the Houthis, the PKK, Israel's forces): kept out of its
 * features, which count actors, so that naming them does not move its calls until it is retrained on them. Retrained
 * with them it cross-validated at 0.837 (0.836 without them) and called two pinned seed reports incidents they are not.
 */
const ACTORS_AFTER_MODEL: ReadonlySet<ActorKey> = new Set(['houthis', 'pkk', 'israel', 'yemeni_forces', 'taliban', 'boko_haram', 'al_shabaab']);
const modelActors = (actors: readonly { key: ActorKey }[]): ActorKey[] => actors.map((a) => a.key).filter((k) => !ACTORS_AFTER_MODEL.has(k));

/** What the rules read of a report before the incident call: the topic call, the build, and the model's features. */
interface RuleReading {
  readonly onTopic: boolean;
  readonly opinion: boolean;
  readonly built: ReturnType<typeof buildEventRecords> | null;
  /** The model's features, computed when asked (only a report with event records needs the model's call). */
  readonly features: () => Float64Array;
}

/** The rules' reading of a report: on topic, opinion title, the event build, and the features of all of it. */
function readByRules(
  input: { title: string; text: string; publishedAt?: string | null },
  sentences: readonly { start: number; end: number; paragraph: number }[],
  title: ReturnType<typeof annotate>,
  body: ReturnType<typeof annotate>,
  gazetteer: Gazetteer,
): RuleReading {
  // Where people went (عودة اللاجئين إلى سوريا) is still a place of the region for the topic.
  const countries = [...title.places, ...body.places].filter(located).flatMap((p) => {
    const code = countryCode(p, gazetteer);
    return code ? [code] : [];
  });
  const onTopic = isOnTopic({
    tokens: body.tokens, titleTokens: title.tokens,
    actors: body.actors.map((a) => a.key), titleActors: title.actors.map((a) => a.key),
    eventWords: talked(body.events) + tollsOf(body.casualties), titleEventWords: talked(title.events) + tollsOf(title.casualties),
    countries,
  });
  // A column or an analysis says so in its title (رأي.. بشار جرار يكتب عن اعتداء الفحيص، تحليل: …): it tells of no new happening.
  const opinion = OPINION_TITLE.test(input.title);
  const built = onTopic ? buildEventRecords(
    { title: input.title, text: input.text, publishedAt: input.publishedAt ?? null, sentences, titleMentions: title, bodyMentions: body },
    gazetteer,
  ) : null;
  const leadEnd = sentences[LEAD_SENTENCES - 1]?.end ?? input.text.length;
  let vector: Float64Array | undefined;
  const features = () => vector ??= reportFeatures({
    title: input.title, titleTokens: title.tokens, bodyTokens: body.tokens, leadTokens: body.tokens.filter((t) => t.start < leadEnd),
    titleEvents: title.events, bodyEvents: body.events, leadEnd, casualties: body.casualties,
    actors: modelActors(body.actors), titleActors: modelActors(title.actors), countries, sentences: sentences.length,
    build: built?.signals ?? NO_SIGNALS, ruleIncident: onTopic && !opinion && (built?.leadHappening ?? false), ruleOnTopic: onTopic, opinionTitle: opinion,
  });
  return { onTopic, opinion, built, features };
}

/** On topic, incident and the event records of a report. */
function eventsOf(
  input: { title: string; text: string; publishedAt?: string | null },
  sentences: readonly { start: number; end: number; paragraph: number }[],
  title: ReturnType<typeof annotate>,
  body: ReturnType<typeof annotate>,
  gazetteer: Gazetteer,
): { onTopic: boolean; incident: boolean; eventRecords: EventRecord[] } {
  const rules = readByRules(input, sentences, title, body, gazetteer);
  const { opinion, built, features } = rules;
  const model = loadReportModel();
  // The topic call: the model's, over everything the rules read, when one is shipped; else the rules' own. A report
  // the rules find off topic has no events built, so the model may take it in but finds no incident in it.
  const onTopic = model?.onTopic ? probability(model.onTopic, features()) >= model.onTopic.threshold : rules.onTopic;
  if (!onTopic || opinion || built === null) return { onTopic, incident: false, eventRecords: [] };
  // The incident call: the model's, over everything the rules found, when one is shipped; else the rules' own.
  const incident = built.events.length > 0 && (model ? probability(model.incident, features()) >= model.incident.threshold : built.leadHappening);
  return { onTopic, incident, eventRecords: incident ? built.events : [] };
}

/**
 * The report model's view of a report: its features and the rules' own calls (scripts/train-report-model.ts learns
 * from them against the gold labels).
 */
export function reportModelInput(
  input: { title: string; text: string; publishedAt?: string | null },
  gazetteer: Gazetteer = loadGazetteer(),
): { features: Float64Array; ruleOnTopic: boolean; ruleIncident: boolean } {
  const [body, title] = withoutStrayVillages(annotate(input.text), annotate(input.title), gazetteer);
  const { sentences } = segmentText(input.text);
  const r = readByRules(input, sentences, title, body, gazetteer);
  return { features: r.features(), ruleOnTopic: r.onTopic, ruleIncident: r.onTopic && !r.opinion && (r.built?.leadHappening ?? false) };
}

/**
 * Words of place aliases left to the stemmer: the descriptors (مدينة الصدر، ضواحي العاصمة دمشق) and الصدر, also "the
 * chest" and a family's name; the aliases still match as places, the search index keeps its terms.
 */
const ALIAS_WORDS: ReadonlySet<string> = new Set(['مدينة', 'ضواحي', 'ضاحية', 'العاصمة', 'الصدر'].map(normalizeArabic));

/**
 * Normalized Arabic words the analyzer must not stem: every word of a country, governorate,
 * district or sub-district name (unless the name is a common word), of the well-known towns,
 * and the one-word actor names (داعش، قسد). Sorted, each once.
 */
export function protectedNames(): string[] {
  const lexicon = arabicPlaceLexicon();
  const words = new Set<string>();
  for (const [name, places] of lexicon.candidates) {
    if (lexicon.common.has(name)) continue;
    if (!lexicon.wellKnown.has(name) && !places.some((p) => LEVEL_RANK[p.level] <= 3)) continue;
    for (const word of name.split(' ')) if (!ALIAS_WORDS.has(word)) words.add(word);
  }
  for (const actor of ACTORS) {
    for (const form of actor.arabic) {
      const tokens = matchTokens(form);
      if (tokens.length === 1) words.add(tokens[0]!.norm);
    }
  }
  return [...words].sort();
}
