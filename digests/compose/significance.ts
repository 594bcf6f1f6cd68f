// How significant a report is for a digest: its main event's dead, then wounded, then violence, then other activity.

import type { DigestCasualties } from '../digest.js';
import type { Approximation } from '../../src/understand/arabic-numbers.js';
import type { Casualty } from '../../src/understand/casualties.js';
import { segmentText } from '../../src/text/segment-text.js';
import { expandEventType, type EventKey } from '../../src/understand/events.js';
import type { ReportUnderstanding } from '../../src/understand/understand-report.js';
import { hasEventRecords, mainEvent } from './main-event.js';

/** Points per person killed: a death outweighs anything else a report can say. */
export const KILLED_WEIGHT = 10;
/** Points per person wounded: less than a death, more than an attack without casualties. */
export const WOUNDED_WEIGHT = 4;
/** Points for a violent event (attack or any kind of it), so an attack outranks activity and commentary. */
export const VIOLENT_EVENT_POINTS = 3;
/** Points for other ISIS activity (threats, arrests, recruitment, levies, cells): above commentary. */
export const OTHER_EVENT_POINTS = 1;
/**
 * People counted for a vague number: the least the word can mean. An Arabic plural is three or
 * more (two is the dual), so عشرات is at least 30, مئات 300, آلاف 3,000, and عدة / بضعة 3.
 */
export const VAGUE_COUNT: Readonly<Partial<Record<Approximation, number>>> = {
  several: 3, dozens: 30, hundreds: 300, thousands: 3000,
};
/** People counted when casualties are named without a number (سقوط قتلى وجرحى): at least one. */
export const UNNUMBERED_COUNT = 1;
/**
 * Larger counts are a war's or a period's toll told as background ("النزاع ... بمقتل أكثر من 230
 * ألف شخص"), not the report's event: the deadliest single ISIS attacks in Syria and Iraq killed a
 * few hundred (Karrada, 2016: about 340). On the research corpus such tolls put commentary first.
 */
export const MAX_EVENT_COUNT = 1000;
/**
 * Casualties counted are those in the body's first sentences: news states its event's toll in
 * the lead, and later sentences recall earlier attacks (on the research corpus, summing the whole
 * text gave a Nigerian market bombing with 13 dead a toll of 788). Sentences, not paragraphs,
 * because some outlets send the whole article as one paragraph; four, so a byline line still
 * leaves three sentences of lead.
 */
export const LEAD_SENTENCES = 4;

/** The violent types: `attack` and everything below it. */
const VIOLENT: ReadonlySet<EventKey> = new Set(expandEventType('attack'));

/** Whether an event type is violence (attack, bombing, car_bomb, air_strike, shelling, ...). */
export function isViolent(type: EventKey): boolean {
  return VIOLENT.has(type);
}

/** People a casualty record counts, for ranking: its number, else the least its vague word means. */
function rankingCount(c: Casualty): number {
  if (c.count !== null) return c.count;
  return (c.approx === undefined ? undefined : VAGUE_COUNT[c.approx]) ?? UNNUMBERED_COUNT;
}

/** Whether a casualty record is people killed or wounded in the report's event: not a period's total, not a toll above MAX_EVENT_COUNT. */
export function isEventCasualty(c: Casualty): boolean {
  return (c.kind === 'killed' || c.kind === 'wounded') && !c.aggregate && rankingCount(c) <= MAX_EVENT_COUNT;
}

/**
 * Whether ranking a report reads its body: only one analyzed before event records existed, with casualties to find in
 * its lead (one with records ranks and shows its main event's figures).
 */
export function readsLead(u: ReportUnderstanding): boolean {
  return !hasEventRecords(u) && u.casualties.some(isEventCasualty);
}

/** What significance reads of a report. */
export interface RankedReport {
  readonly body: string;
  readonly understanding: ReportUnderstanding;
}

/**
 * The report's own killed and wounded: event casualties (see isEventCasualty) in its first
 * LEAD_SENTENCES sentences, a number restated for the same kind (مقتل 800 ... مقتل نحو 800)
 * counted once.
 */
export function leadCasualties(report: RankedReport): Casualty[] {
  const casualties = report.understanding.casualties.filter(isEventCasualty);
  if (casualties.length === 0) return casualties;
  const sentences = segmentText(report.body).sentences;
  const leadEnd = sentences[Math.min(LEAD_SENTENCES, sentences.length) - 1]?.end ?? 0;
  const seen = new Set<string>();
  return casualties.filter((c) => {
    if (c.start >= leadEnd) return false;
    if (c.count === null) return true;
    const key = `${c.kind}:${c.count}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The killed and wounded a report states in numbers in its lead (see leadCasualties), summed;
 * null for a kind it gives no number for (vague counts such as العشرات are not turned into
 * figures here), and null altogether when it states neither.
 */
export function statedCasualties(report: RankedReport): DigestCasualties | null {
  let killed: number | null = null;
  let wounded: number | null = null;
  for (const c of leadCasualties(report)) {
    if (c.count === null) continue;
    if (c.kind === 'killed') killed = (killed ?? 0) + c.count;
    else if (c.kind === 'wounded') wounded = (wounded ?? 0) + c.count;
  }
  return killed === null && wounded === null ? null : { killed, wounded };
}

/**
 * A report's significance: KILLED_WEIGHT per person killed and WOUNDED_WEIGHT per person wounded, plus
 * VIOLENT_EVENT_POINTS when it reports a violent event, else OTHER_EVENT_POINTS when it reports any event; 0 for
 * commentary. The killed and wounded are its main event's (the figures the digest shows, see mainEvent), none for a
 * report that tells no incident: a period's tally or a war's toll in a lead (مقتل 1332 عراقيا خلال يوليو) is no
 * happening's. A report analyzed before event records existed counts those in its lead instead (see leadCasualties;
 * vague counts at their least, see VAGUE_COUNT).
 */
export function significance(report: RankedReport): number {
  let score = 0;
  const u = report.understanding;
  if (hasEventRecords(u)) {
    const main = mainEvent(u);
    if (main !== null) score += KILLED_WEIGHT * main.fatalities + WOUNDED_WEIGHT * main.injuries;
  } else {
    for (const c of leadCasualties(report)) {
      if (c.kind === 'killed') score += KILLED_WEIGHT * rankingCount(c);
      else score += WOUNDED_WEIGHT * rankingCount(c);
    }
  }
  const events = u.events;
  if (events.some((e) => isViolent(e.type))) score += VIOLENT_EVENT_POINTS;
  else if (events.length > 0) score += OTHER_EVENT_POINTS;
  return score;
}
