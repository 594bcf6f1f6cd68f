import { describe, expect, it } from 'vitest';
import { compareEvidence, scoreReport, WEIGHT, type ReportEvidence } from '../../src/search/score-report.js';

const evidence = (over: Partial<ReportEvidence> & { id: number }): ReportEvidence => ({
  publishedAt: null,
  onTopic: true,
  text: 0,
  facets: {},
  matched: new Set(),
  titled: 0,
  event: 0,
  sentence: 0,
  paragraph: 0,
  score: 0,
  ...over,
});

describe('scoreReport: one term per kind of evidence', () => {
  it.each([
    ['text only: BM25 times its weight', evidence({ id: 1, text: 7.5 }), 7.5 * WEIGHT.text],
    ['a place facet, 1 mention', evidence({ id: 1, facets: { place: { mentions: 1, inTitle: false } } }), WEIGHT.facet.place * (1 + Math.log(2))],
    ['a place facet in the title', evidence({ id: 1, facets: { place: { mentions: 1, inTitle: true } } }), WEIGHT.facet.place * (1 + Math.log(2)) + WEIGHT.facetTitle],
    ['an actor facet weighs less than a place', evidence({ id: 1, facets: { actor: { mentions: 1, inTitle: false } } }), WEIGHT.facet.actor * (1 + Math.log(2))],
    ['full event evidence', evidence({ id: 1, event: 1 }), WEIGHT.event],
    ['three facet parts in one sentence', evidence({ id: 1, sentence: 3 }), 2 * WEIGHT.sentence],
    ['one part per sentence is no proximity', evidence({ id: 1, sentence: 1, paragraph: 1 }), 0],
    ['two parts in one paragraph', evidence({ id: 1, paragraph: 2 }), WEIGHT.paragraph],
    ['one part in the title is no coverage', evidence({ id: 1, titled: 1 }), 0],
    ['three parts in the title', evidence({ id: 1, titled: 3 }), 2 * WEIGHT.titleParts],
    ['an off-topic report: its score times the off-topic weight', evidence({ id: 1, text: 7.5, onTopic: false }), 7.5 * WEIGHT.text * WEIGHT.offTopic],
  ])('%s', (_name, e, expected) => {
    expect(scoreReport(e)).toBeCloseTo(expected, 9);
  });
});

describe('compareEvidence', () => {
  it('puts a report matching every part above a higher-scoring one that misses a part', () => {
    const all = evidence({ id: 1, matched: new Set(['place', 'event']), score: 3 });
    const some = evidence({ id: 2, matched: new Set(['place']), score: 30 });
    expect([some, all].sort(compareEvidence(2)).map((e) => e.id)).toEqual([1, 2]);
  });

  it('breaks a tie by date: newest first, unknown dates last, then the newest id', () => {
    const tie = (id: number, publishedAt: string | null) => evidence({ id, publishedAt, score: 5 });
    const sorted = [tie(1, null), tie(2, '2018-01-01'), tie(3, '2019-05-01'), tie(4, null)].sort(compareEvidence(0));
    expect(sorted.map((e) => e.id)).toEqual([3, 2, 4, 1]);
  });
});
