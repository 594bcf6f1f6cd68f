// Event records as a source of candidates and evidence over every candidate, not only the head that
// is re-read: rankSearch against an index stand-in whose text ranking is full of reports that merely
// name the place and the event, and whose event records know of one report the text ranks nowhere.
import { describe, expect, it } from 'vitest';
import type { ParsedQuery } from '../../src/search/parse-query.js';
import { rankSearch, type SearchDeps } from '../../src/search/search-reports.js';
import type { SearchIndex } from '../../src/store/search-index.js';

/** Reports 1..150 match the words (best first) and carry the place and event facets; 999 has only a record. */
const TEXT_IDS = Array.from({ length: 150 }, (_, k) => k + 1);
const RECORD_ID = 999;

function deps(records: { id: number; seq: number }[]): SearchDeps {
  const index: Partial<SearchIndex> = {
    bm25Top: (_match, _w, limit) => TEXT_IDS.slice(0, limit).map((id) => ({ id, bm: 20 - id / 100 })),
    facetPostings: (_facet, limit) => TEXT_IDS.slice(0, limit).map((id) => ({ id, mentions: 1, in_title: 0 })),
    textPostings: () => [],
    datesAndTopics: (ids) => ids.map((id) => ({ id, published_at: '2018-06-23', on_topic: 1 })),
    sentencesJson: (ids) => ids.map((id) => ({ id, sentences: null })),
    eventReports: (kinds, places) => (kinds.includes('suicide_attack') && places?.includes('SY11') ? records : []),
  };
  return {
    index: index as SearchIndex,
    analyzer: { analyze: () => [], terms: (text) => text.split(/\s+/u).filter(Boolean), termOf: (w) => w },
    lexicon: { places: () => [], events: () => [], actors: () => [], suggestPlaces: () => [] },
    catalog: {
      placeLineage: (p) => [p],
      eventAncestors: () => [],
      isGovernorate: () => true,
      arabicForms: (kind) => (kind === 'place' ? ['الرقة'] : ['هجوم']),
    },
    sentencesOf: () => [],
    now: () => new Date('2019-01-01'),
    eventEvidence: () => new Map(),
  };
}

const query: ParsedQuery = {
  raw: 'attacks in Raqqa', places: [{ key: 'SY11', surface: 'Raqqa' }], events: [{ key: 'attack', surface: 'attacks' }],
  actors: [], termGroups: [], termSurfaces: [], phrases: [], since: null, until: null, ignored: [], suggestions: [],
};

describe('rankSearch: event records over every candidate', () => {
  it.each<[string, { id: number; seq: number }[], number | null, string[]]>([
    // The main event located in Raqqa: found though the text ranks it nowhere, complete, weighed 8.
    ['a main event', [{ id: RECORD_ID, seq: 0 }], 8, ['place', 'event']],
    // A later event of the kind weighs less.
    ['a later event', [{ id: RECORD_ID, seq: 2 }], 6.4, ['place', 'event']],
    // No record: not a candidate at all.
    ['no record', [], null, []],
  ])('%s', (_name, records, score, matched) => {
    const ranked = rankSearch(query, deps(records)).ranked;
    const hit = ranked.find((r) => r.id === RECORD_ID);
    expect(hit === undefined ? null : hit.score).toBe(score);
    expect(hit?.matched ?? []).toEqual(matched);
  });

  it('weighs the record of a report the text ranked last, beyond the head, before the head is cut', () => {
    const ranked = rankSearch(query, deps([{ id: 150, seq: 0 }])).ranked;
    expect(ranked.findIndex((r) => r.id === 150)).toBe(0);
  });
});
