// A report's main event for a digest: the governorate its story sits under and the toll it shows.

import type { EventRecord } from '../../src/understand/event-records.js';
import type { ReportUnderstanding } from '../../src/understand/understand-report.js';
import type { DigestCasualties } from '../digest.js';
import { reportGovernorate } from './report-governorate.js';

/** The report's main event; null for a report that tells of no incident (or was analyzed before events existed). */
export function mainEvent(u: ReportUnderstanding): EventRecord | null {
  return u.incident && u.eventRecords !== undefined ? (u.eventRecords[0] ?? null) : null;
}

/**
 * Where a report's story sits: its main event's governorate; when the event is placed no finer
 * than a country, the governorate the report names most (reportGovernorate), else the country; a
 * report without events sits where the places it names most are.
 */
export function storyGovernorate(u: ReportUnderstanding): string | null {
  const main = mainEvent(u);
  if (main === null) return reportGovernorate(u);
  return main.admin1?.pcode ?? reportGovernorate(u) ?? main.location?.pcode ?? null;
}

/** Whether a report carries event records (analyzed by a Rasid that makes them). */
export const hasEventRecords = (u: ReportUnderstanding): boolean => u.eventRecords !== undefined;

/**
 * A story's killed and wounded: its main event's, and when outlets merged into one story give
 * different figures, the most conservative (the lowest stated), as ACLED does. Null for a kind no
 * member states; null altogether when none states either.
 */
export function storyToll(members: readonly ReportUnderstanding[]): DigestCasualties | null {
  const mains = members.map(mainEvent).filter((e): e is EventRecord => e !== null);
  const lowest = (pick: (e: EventRecord) => number): number | null => {
    const stated = mains.map(pick).filter((n) => n > 0);
    return stated.length === 0 ? null : Math.min(...stated);
  };
  const killed = lowest((e) => e.fatalities);
  const wounded = lowest((e) => e.injuries);
  return killed === null && wounded === null ? null : { killed, wounded };
}
