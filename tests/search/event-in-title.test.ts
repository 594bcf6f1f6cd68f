// An event part is matched by annotations, or by its words in the title: "مقتل 20 شخصا في تفجيرات بغداد"
// is about a bombing even when no sentence was annotated with one.
import { describe, expect, it } from 'vitest';
import type { ParsedQuery } from '../../src/search/parse-query.js';
import { holdsWording, rankSearch, type SearchDeps } from '../../src/search/search-reports.js';
import type { SearchIndex } from '../../src/store/search-index.js';

describe('holdsWording', () => {
  it.each<[string, string[], string[][], boolean]>([
    ['a word', ['مقتل', 'تفجير', 'بغداد'], [['تفجير']], true],
    ['a phrase in a row', ['تفجير', 'انتحار', 'بغداد'], [['تفجير', 'انتحار']], true],
    ['a phrase apart', ['تفجير', 'بغداد', 'انتحار'], [['تفجير', 'انتحار']], false],
    ['a phrase cut at the end', ['بغداد', 'تفجير'], [['تفجير', 'انتحار']], false],
    ['none of them', ['مقتل', 'بغداد'], [['تفجير'], ['هجوم']], false],
    ['the second wording', ['هجوم', 'بغداد'], [['تفجير'], ['هجوم']], true],
  ])('%s', (_name, terms, wordings, held) => {
    expect(holdsWording(terms, wordings)).toBe(held);
  });
});

/** Reports 1 and 2 name Baghdad (place facet) and the bombing's words (text); only 2's title holds them. */
const TITLES: Record<number, string> = { 1: 'وزير الدفاع في بغداد', 2: 'مقتل 20 في تفجير ببغداد' };

function deps(): SearchDeps {
  const index: Partial<SearchIndex> = {
    bm25Top: () => [{ id: 1, bm: 10 }, { id: 2, bm: 8 }],
    facetPostings: (facet) => (facet.table === 'report_places' ? [{ id: 1, mentions: 1, in_title: 1 }, { id: 2, mentions: 1, in_title: 1 }] : []),
    textPostings: () => [],
    datesAndTopics: (ids) => ids.map((id) => ({ id, published_at: '2018-06-23', on_topic: 1 })),
    sentencesJson: (ids) => ids.map((id) => ({ id, sentences: null })),
    titles: (ids) => ids.map((id) => ({ id, title: TITLES[id]! })),
    eventReports: () => [],
  };
  return {
    index: index as SearchIndex,
    analyzer: { analyze: () => [], terms: (text) => text.split(/\s+/u).map((w) => w.replace(/^ب(?=بغداد)/u, '')).filter(Boolean), termOf: (w) => w },
    lexicon: { places: () => [], events: () => [], actors: () => [], suggestPlaces: () => [] },
    catalog: {
      placeLineage: (p) => [p],
      eventAncestors: () => [],
      isGovernorate: () => true,
      arabicForms: (kind) => (kind === 'place' ? ['بغداد'] : ['تفجير']),
    },
    sentencesOf: () => [],
    now: () => new Date('2019-01-01'),
    eventEvidence: () => new Map(),
  };
}

const query: ParsedQuery = {
  raw: 'تفجير بغداد', places: [{ key: 'IQG07', surface: 'بغداد' }], events: [{ key: 'bombing', surface: 'تفجير' }],
  actors: [], termGroups: [], termSurfaces: [], phrases: [], since: null, until: null, ignored: [], suggestions: [],
};

describe('rankSearch: the event in the title', () => {
  it('counts a title holding the event words as matching the event part', () => {
    const ranked = rankSearch(query, deps()).ranked;
    expect(ranked.map((r) => [r.id, [...r.matched].sort()])).toEqual([
      [2, ['event', 'place']],
      [1, ['place']],
    ]);
  });
});
