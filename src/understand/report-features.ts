// The features the report model (report-model.ts) reads: what the rules found in a report, as numbers.

import { normalizeArabic } from '../arabic/normalize-arabic.js';
import type { ActorKey } from './actors.js';
import type { Casualty } from './casualties.js';
import type { BuildSignals } from './event-records.js';
import type { EventStatus } from './event-status.js';
import type { MatchToken } from './match-tokens.js';
import { JIHADIST, REGION_COUNTRIES, STATES, topicCounts } from './report-topic.js';

/** Statuses in a fixed order: one feature each for the body. */
const STATUSES: readonly EventStatus[] = ['occurred', 'disrupted', 'threat', 'plan', 'demand', 'denial', 'hypothetical', 'historical', 'sentenced'];

/** The features, in the order of the vector; a model names its weights by them, so a renamed feature fails to load. */
export const FEATURE_NAMES: readonly string[] = [
  'rule_incident', 'rule_on_topic', 'opinion_title',
  'title_candidate', 'title_specific', 'candidates', 'lead_candidates', 'drafts', 'lead_specific', 'kept',
  'main_fatalities', 'main_injuries', 'main_located', 'main_dated', 'past_share',
  ...STATUSES.map((s) => `body_${s}`), 'title_occurred', 'title_other_status', 'lead_occurred', 'lead_other_status',
  'tolls', 'aggregate_tolls',
  'conflict_density', 'body_conflict', 'title_conflict', 'body_off_topic', 'title_off_topic', 'body_region', 'title_region',
  'jihadist', 'actors', 'title_actors', 'state_actors', 'region_place', 'syria_iraq_place', 'words',
  'title_talk', 'lead_talk', 'title_question',
];

/** Words of talk, meetings and writing (قال، بحث، اجتماع، تقرير): a title or lead of them tells of no happening. */
const TALK_WORDS: ReadonlySet<string> = new Set([
  'قال', 'يقول', 'تقول', 'أكد', 'يؤكد', 'تؤكد', 'أعلن', 'دعا', 'يدعو', 'تدعو', 'بحث', 'يبحث', 'تبحث', 'يناقش', 'ناقش',
  'أدان', 'يدين', 'تدين', 'ندد', 'يندد', 'تندد', 'استنكر', 'اجتماع', 'قمة', 'مؤتمر', 'لقاء', 'يلتقي', 'التقى', 'زيارة',
  'يزور', 'زار', 'محادثات', 'مفاوضات', 'اتفاق', 'اتفاقية', 'تقرير', 'دراسة', 'مقابلة', 'حوار', 'تصريحات', 'بيان',
  'يحذر', 'تحذر', 'حذر', 'يطالب', 'تطالب', 'طالب', 'رأي', 'مقال', 'كيف', 'لماذا', 'هل', 'ماذا', 'خطة', 'استراتيجية',
  'قرار', 'مجلس', 'الأمم', 'وزير', 'رئيس', 'انتخابات', 'البرلمان', 'مشروع',
].map(normalizeArabic));
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل'].map((c) => c.charCodeAt(0)));
const talk = (tokens: readonly MatchToken[]): number => tokens.filter((t) =>
  TALK_WORDS.has(t.norm) || (PROCLITICS.has(t.norm.charCodeAt(0)) && TALK_WORDS.has(t.norm.slice(1)))).length;


/** What the features are computed from: the report's annotations, its build and the rules' calls. */
export interface FeatureInput {
  readonly title: string;
  readonly titleTokens: readonly MatchToken[];
  readonly bodyTokens: readonly MatchToken[];
  /** Body tokens of the lead (its first sentences). */
  readonly leadTokens: readonly MatchToken[];
  readonly titleEvents: readonly { status?: EventStatus }[];
  readonly bodyEvents: readonly { status?: EventStatus; start: number }[];
  /** Where the lead ends in the body. */
  readonly leadEnd: number;
  readonly casualties: readonly Casualty[];
  /** Actors the model was trained on only (understand-report.ts leaves the later ones out), so JIHADIST counts the same. */
  readonly actors: readonly ActorKey[];
  readonly titleActors: readonly ActorKey[];
  /** ISO codes of the countries of the places named as locations. */
  readonly countries: readonly string[];
  readonly sentences: number;
  readonly build: BuildSignals;
  readonly ruleIncident: boolean;
  readonly ruleOnTopic: boolean;
  readonly opinionTitle: boolean;
}

const log = (n: number): number => Math.log1p(Math.max(0, n));
const flag = (b: boolean): number => (b ? 1 : 0);

/** The feature vector of a report, in FEATURE_NAMES order. */
export function reportFeatures(x: FeatureInput): Float64Array {
  const b = x.build;
  const body = topicCounts(x.bodyTokens);
  const title = topicCounts(x.titleTokens);
  const statusCount = (events: readonly { status?: EventStatus }[], s: EventStatus) => events.filter((e) => (e.status ?? 'occurred') === s).length;
  const lead = x.bodyEvents.filter((e) => e.start < x.leadEnd);
  const occurred = (events: readonly { status?: EventStatus }[]) => statusCount(events, 'occurred');
  // One named (مقتل القيادي) is no toll here: the model was trained before such were read.
  const tolls = x.casualties.filter((c) => (c.kind === 'killed' || c.kind === 'wounded' || c.kind === 'casualties') && c.approx !== 'named');
  const words = x.bodyTokens.length + x.titleTokens.length;
  const conflictSignals = x.actors.length + x.bodyEvents.length + body.conflict + 2 * (x.titleActors.length + x.titleEvents.length + title.conflict);
  const values = [
    flag(x.ruleIncident), flag(x.ruleOnTopic), flag(x.opinionTitle),
    flag(b.titleCandidate), flag(b.titleSpecific), log(b.candidates), log(b.leadCandidates), log(b.drafts), log(b.leadSpecific), log(b.kept),
    log(b.mainFatalities), log(b.mainInjuries), flag(b.mainLocated), flag(b.mainDated), b.pastSentences / Math.max(1, x.sentences),
    ...STATUSES.map((s) => log(statusCount(x.bodyEvents, s))),
    log(occurred(x.titleEvents)), log(x.titleEvents.length - occurred(x.titleEvents)), log(occurred(lead)), log(lead.length - occurred(lead)),
    log(tolls.filter((c) => c.aggregate !== true).length), log(tolls.filter((c) => c.aggregate === true).length),
    (100 * conflictSignals) / Math.max(1, words) / 10, log(body.conflict), log(title.conflict), log(body.offTopic), log(title.offTopic), log(body.region), log(title.region),
    log([...x.actors, ...x.titleActors].filter((a) => JIHADIST.has(a)).length), log(x.actors.length), log(x.titleActors.length),
    log([...x.actors, ...x.titleActors].filter((a) => STATES.has(a)).length),
    flag(x.countries.some((c) => REGION_COUNTRIES.has(c))), flag(x.countries.some((c) => c === 'SY' || c === 'IQ')), log(words) / 5,
    log(talk(x.titleTokens)), log(talk(x.leadTokens)), flag(/[؟?]/u.test(x.title)),
  ];
  return Float64Array.from(values);
}
