// Event evidence from records: a record of the query's kind at its place weighs most, a sentence naming
// both counts at half, and not at all in a report whose own records of the kind are all located elsewhere.
import { describe, expect, it } from 'vitest';
import { eventRecordEvidence } from '../../src/search/event-record-evidence.js';
import type { EventQuery } from '../../src/search/event-evidence.js';
import type { SearchIndex } from '../../src/store/search-index.js';

/** Each report's event records: kind and the p-codes of its location's lineage. */
const RECORDS: Record<number, { seq: number; kind: string; places: string[] }[]> = {
  1: [],
  // A drone attack on Hmeimim (Latakia) that names Raqqa in a sentence with an attack word.
  2: [{ seq: 0, kind: 'air_strike', places: ['SY06', 'SY0602'] }],
  3: [{ seq: 0, kind: 'attack', places: ['SY11', 'SY1101'] }],
  4: [{ seq: 0, kind: 'arrest', places: ['SY06'] }, { seq: 2, kind: 'suicide_attack', places: ['SY11'] }],
  // An arrest elsewhere is no event of the kind: its sentence still counts.
  5: [{ seq: 0, kind: 'arrest', places: ['SY06'] }],
  // A chemical attack in Raqqa: a kind of its own in records, and an attack.
  6: [{ seq: 0, kind: 'chemical', places: ['SY11'] }],
};

const index: Pick<SearchIndex, 'eventSeqs'> = {
  eventSeqs: (ids, kinds, places) =>
    ids.flatMap((id) => {
      const seqs = (RECORDS[id] ?? [])
        .filter((r) => kinds.includes(r.kind) && (places === null || r.places.some((p) => places.includes(p))))
        .map((r) => r.seq);
      return seqs.length === 0 ? [] : [{ id, seq: Math.min(...seqs) }];
    }),
};

/** Every report has a sentence naming an attack and Raqqa (0.75). */
const sentences = (ids: readonly number[]) => new Map(ids.map((id) => [id, 0.75]));
const evidence = eventRecordEvidence(index, sentences);
const context = { sentences: () => [] };

describe('eventRecordEvidence', () => {
  it.each<[string, EventQuery, Record<number, number | undefined>]>([
    [
      'attacks in Raqqa',
      { events: ['attack'], places: ['SY11'] },
      // 1: sentence only; 2: its attack is in Latakia; 3: main event here; 4: a later event here; 5: sentence only.
      { 1: 0.375, 2: undefined, 3: 1, 4: 0.8, 5: 0.375, 6: 1 },
    ],
    [
      'attacks, no place: a record anywhere is the event',
      { events: ['attack'], places: [] },
      { 1: 0.375, 2: 1, 3: 1, 4: 0.8, 5: 0.375, 6: 1 },
    ],
    [
      'bombings in Raqqa: a chemical attack is none',
      { events: ['bombing'], places: ['SY11'] },
      { 4: 0.8, 6: 0.375 },
    ],
  ])('%s', (_name, query, expected) => {
    const got = evidence([1, 2, 3, 4, 5, 6], query, context);
    for (const [id, value] of Object.entries(expected)) expect([id, got.get(Number(id))]).toEqual([id, value]);
  });
});
