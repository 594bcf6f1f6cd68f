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
  readonly onTopic: { precision: number; recall: number; tp: number; fp: number; fn: number };
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
    `  on-topic           P ${f(m.onTopic.precision)}  R ${f(m.onTopic.recall)}  (tp ${m.onTopic.tp}, fp ${m.onTopic.fp}, fn ${m.onTopic.fn})`,
  ];
}
