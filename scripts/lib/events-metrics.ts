/** The events eval's figures: governorate P/R/F1, main event type, incidents, main-event fatalities, on-topic P/R. */

/** One report as the gold set labels it (tests/eval/events-gold/*.jsonl; schema in docs/annotation.md). */
export interface GoldReport {
  readonly id: string;
  readonly on_topic: boolean;
  readonly incident: boolean;
  readonly events: readonly { readonly event_type: string; readonly admin1: string | null; readonly fatalities: number }[];
}

/** What Rasid made of the same report; `admin1` is the gazetteer pcode in Syria and Iraq, the ISO alpha-2 code elsewhere. */
export interface PredictedReport {
  readonly onTopic: boolean;
  readonly incident: boolean;
  readonly events: readonly { readonly eventType: string; readonly admin1: string | null; readonly fatalities: number }[];
}

export interface Ratio {
  readonly hits: number;
  readonly total: number;
}

export interface EventsMetrics {
  readonly reports: number;
  readonly governorate: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number };
  /** Main event's ACLED type right ("none" for a non-incident), over every report. */
  readonly mainType: Ratio;
  /** Gold non-incidents that Rasid leaves without an incident. */
  readonly nonIncidents: Ratio;
  /** Gold incidents whose main event's fatalities Rasid gives exactly (no main event: wrong). */
  readonly mainFatalities: Ratio;
  readonly onTopic: PrecisionRecall;
  /** Rasid's incident call against the gold `incident`, over every report. */
  readonly incident: PrecisionRecall;
}

/** Precision and recall of a yes/no call, with its counts. */
export interface PrecisionRecall { precision: number; recall: number; tp: number; fp: number; fn: number }

/** One report of the topic and incident gold set (tests/eval/topic-gold/*.jsonl): no event records, the main type only. */
export interface TopicGoldReport {
  readonly id: string;
  readonly on_topic: boolean;
  readonly incident: boolean;
  readonly main_event_type: string | null;
}

/** The figures of the topic and incident gold set. */
export interface TopicMetrics {
  readonly reports: number;
  readonly onTopic: PrecisionRecall;
  readonly incident: PrecisionRecall;
  /** Main event's ACLED type right ("none" for a non-incident), over every report. */
  readonly mainType: Ratio;
}

/** Counts of a yes/no call, as precision and recall. */
function precisionRecall(pairs: readonly { gold: boolean; said: boolean }[]): PrecisionRecall {
  const tp = pairs.filter((x) => x.gold && x.said).length;
  const fp = pairs.filter((x) => !x.gold && x.said).length;
  const fn = pairs.filter((x) => x.gold && !x.said).length;
  return { precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), tp, fp, fn };
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** The (admin1) set of a report's events, nulls left out. */
const governorates = (events: readonly { admin1: string | null }[]): Set<string> =>
  new Set(events.map((e) => e.admin1).filter((a): a is string => a !== null));

/**
 * Scores predictions against gold reports. A gold report without a prediction counts as predicted
 * off-topic with no events. Governorates are compared as (report, admin1) pairs.
 */
export function eventsMetrics(gold: readonly GoldReport[], predicted: ReadonlyMap<string, PredictedReport>): EventsMetrics {
  let tp = 0, fp = 0, fn = 0;
  let typeHits = 0, nonTotal = 0, nonHits = 0, fatalTotal = 0, fatalHits = 0;
  let topicTp = 0, topicFp = 0, topicFn = 0;
  const none: PredictedReport = { onTopic: false, incident: false, events: [] };
  for (const g of gold) {
    const p = predicted.get(g.id) ?? none;
    const goldEvents = g.incident ? g.events : [];
    const ourEvents = p.incident ? p.events : [];
    const want = governorates(goldEvents);
    const got = governorates(ourEvents);
    for (const a of got) (want.has(a) ? tp++ : fp++);
    for (const a of want) if (!got.has(a)) fn++;

    const goldType = goldEvents[0]?.event_type ?? 'none';
    const ourType = ourEvents[0]?.eventType ?? 'none';
    if (goldType === ourType) typeHits++;
    if (!g.incident) {
      nonTotal++;
      if (!p.incident) nonHits++;
    } else if (goldEvents[0] !== undefined) {
      fatalTotal++;
      if (ourEvents[0] !== undefined && ourEvents[0].fatalities === goldEvents[0].fatalities) fatalHits++;
    }
    if (p.onTopic && g.on_topic) topicTp++;
    else if (p.onTopic) topicFp++;
    else if (g.on_topic) topicFn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    reports: gold.length,
    governorate: { precision, recall, f1: ratio(2 * precision * recall, precision + recall), tp, fp, fn },
    mainType: { hits: typeHits, total: gold.length },
    nonIncidents: { hits: nonHits, total: nonTotal },
    mainFatalities: { hits: fatalHits, total: fatalTotal },
    onTopic: { precision: ratio(topicTp, topicTp + topicFp), recall: ratio(topicTp, topicTp + topicFn), tp: topicTp, fp: topicFp, fn: topicFn },
    incident: precisionRecall(gold.map((g) => ({ gold: g.incident, said: (predicted.get(g.id) ?? none).incident }))),
  };
}

/** Scores predictions against the topic and incident gold set; a report without a prediction is off topic. */
export function topicMetrics(gold: readonly TopicGoldReport[], predicted: ReadonlyMap<string, PredictedReport>): TopicMetrics {
  const none: PredictedReport = { onTopic: false, incident: false, events: [] };
  const said = gold.map((g) => ({ g, p: predicted.get(g.id) ?? none }));
  return {
    reports: gold.length,
    onTopic: precisionRecall(said.map(({ g, p }) => ({ gold: g.on_topic, said: p.onTopic }))),
    incident: precisionRecall(said.map(({ g, p }) => ({ gold: g.incident, said: p.incident }))),
    mainType: {
      hits: said.filter(({ g, p }) => (g.incident ? g.main_event_type : null) === (p.incident ? (p.events[0]?.eventType ?? null) : null)).length,
      total: gold.length,
    },
  };
}

/** Gold lines of JSONL files (one report a line), the first line of an id kept when two files label it. */
export function parseGold(texts: readonly string[]): GoldReport[] {
  const seen = new Map<string, GoldReport>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as GoldReport;
      if (!seen.has(r.id)) seen.set(r.id, r);
    }
  }
  return [...seen.values()];
}

/** The figures as printed lines. */
export function formatEventsMetrics(label: string, m: EventsMetrics): string[] {
  const f = (x: number) => x.toFixed(3);
  const r = (x: Ratio) => `${f(ratio(x.hits, x.total))} (${x.hits}/${x.total})`;
  return [
    `Events, ${label}: ${m.reports} labelled reports`,
    `  event governorate  P ${f(m.governorate.precision)}  R ${f(m.governorate.recall)}  F1 ${f(m.governorate.f1)}  (tp ${m.governorate.tp}, fp ${m.governorate.fp}, fn ${m.governorate.fn})`,
    `  main event type    ${r(m.mainType)}`,
    `  non-incidents kept without an incident  ${r(m.nonIncidents)}`,
    `  main event fatalities exact  ${r(m.mainFatalities)}`,
    `  on-topic           ${pr(m.onTopic)}`,
    `  incident           ${pr(m.incident)}`,
  ];
}

/** A precision-recall line's figures. */
const pr = (x: PrecisionRecall): string =>
  `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F1 ${ratio(2 * x.precision * x.recall, x.precision + x.recall).toFixed(3)}  (tp ${x.tp}, fp ${x.fp}, fn ${x.fn})`;

/** The topic and incident figures as printed lines. */
export function formatTopicMetrics(label: string, m: TopicMetrics): string[] {
  return [
    `Topic and incident, ${label}: ${m.reports} labelled reports`,
    `  on-topic           ${pr(m.onTopic)}`,
    `  incident           ${pr(m.incident)}`,
    `  main event type    ${ratio(m.mainType.hits, m.mainType.total).toFixed(3)} (${m.mainType.hits}/${m.mainType.total})`,
  ];
}
