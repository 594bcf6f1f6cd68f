// Hand-built report understandings for unit tests: only what a test sets, the rest empty.
import type { Casualty } from '../../../src/understand/casualties.js';
import type { EventRecord } from '../../../src/understand/event-records.js';
import type { EventKey } from '../../../src/understand/events.js';
import type { ReportPlace, ReportUnderstanding } from '../../../src/understand/understand-report.js';

/**
 * An understanding with the given places, events and casualties, and nothing else. Without
 * `eventRecords` it is one analyzed before event records existed (no onTopic, incident, eventRecords).
 */
export function understanding(parts: {
  places?: ReportPlace[];
  events?: { type: EventKey; mentions: number }[];
  casualties?: Casualty[];
  onTopic?: boolean;
  incident?: boolean;
  eventRecords?: EventRecord[];
}): ReportUnderstanding {
  const events = parts.eventRecords === undefined ? {} : {
    onTopic: parts.onTopic ?? true,
    incident: parts.incident ?? parts.eventRecords.length > 0,
    eventRecords: parts.eventRecords,
  };
  return {
    places: parts.places ?? [],
    actors: [],
    events: parts.events ?? [],
    casualties: parts.casualties ?? [],
    sentences: [],
    titleAnnotations: { places: [], events: [], actors: [] },
    ...events,
  } as ReportUnderstanding;
}

/** A casualty record at offset `start` (surface and end do not matter to the digest). */
export function casualty(kind: Casualty['kind'], count: number | null, start = 0, approx?: Casualty['approx']): Casualty {
  return { kind, count, start, end: start + 1, surface: '', ...(approx === undefined ? {} : { approx }) };
}

/** A place row. */
export function place(pcode: string, admin1Pcode: string | null, mentions: number, inTitle = false): ReportPlace {
  return { pcode, admin1Pcode, mentions, inTitle };
}

/** A car-bomb event record at a governorate (or a country as `location`), with its figures. */
export function eventRecord(admin1: string | null, fatalities: number, injuries: number, location: string | null = admin1): EventRecord {
  return {
    event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', kind: 'car_bomb',
    actor1: null, actor2: null,
    location: location === null ? null : { pcode: location, en: location, ar: location, level: 'admin1' },
    admin1: admin1 === null ? null : { pcode: admin1, en: admin1, ar: admin1 }, admin2: null,
    geo_precision: 3, latitude: null, longitude: null, date: null, time_precision: null, fatalities, injuries, sentence: null,
  };
}
