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
    // No query parts: no coverage factor.
    expect(scoreReport(e, 0)).toBeCloseTo(expected, 9);
  });
});

describe('scoreReport: times the share of the query parts matched', () => {
  it.each([
    // [matched parts, query parts, factor]
    [3, 3, 1],
    [2, 3, 2 / 3],
    [1, 2, 1 / 2],
    [1, 4, 1 / 4],
    // Evidence came through some part's words (an event's words without its annotation): half a part.
    [0, 2, 0.5 / 2],
    [0, 1, 0.5],
  ])('%i of %i parts: %f', (matched, parts, factor) => {
    const e = evidence({ id: 1, text: 8, matched: new Set(['place', 'event', 'word:a', 'word:b'].slice(0, matched)) });
    expect(scoreReport(e, parts)).toBeCloseTo(8 * WEIGHT.text * factor, 9);
  });
});

describe('compareEvidence', () => {
  it('ranks a strong report missing a part above a weak one matching every part', () => {
    const weakAll = evidence({ id: 1, text: 2, matched: new Set(['place', 'event']) });
    const strongSome = evidence({ id: 2, text: 20, matched: new Set(['place']) });
    const scored = [weakAll, strongSome].map((e) => ({ ...e, score: scoreReport(e, 2) }));
    expect(scored.sort(compareEvidence).map((e) => e.id)).toEqual([2, 1]);
  });

  it('ranks, of two reports with the same evidence, the one matching every part first', () => {
    const all = evidence({ id: 1, text: 5, matched: new Set(['place', 'event']) });
    const some = evidence({ id: 2, text: 5, matched: new Set(['place']) });
    const scored = [some, all].map((e) => ({ ...e, score: scoreReport(e, 2) }));
    expect(scored.sort(compareEvidence).map((e) => e.id)).toEqual([1, 2]);
  });

  it('breaks a tie by date: newest first, unknown dates last, then the newest id', () => {
    const tie = (id: number, publishedAt: string | null) => evidence({ id, publishedAt, score: 5 });
    const sorted = [tie(1, null), tie(2, '2018-01-01'), tie(3, '2019-05-01'), tie(4, null)].sort(compareEvidence);
    expect(sorted.map((e) => e.id)).toEqual([3, 2, 4, 1]);
  });
});

/**
 * One vector per weight: two reports alike but for one kind of evidence, the score difference that
 * evidence should make (or, for the off-topic weight, the ratio), and which ranks first. A weight added
 * to WEIGHT without a vector here fails the coverage test below.
 */
describe('WEIGHT: one vector per weight', () => {
  // The report without the evidence has the higher id, so on a tie it would rank first (newest id wins ties).
  const base = { id: 2, text: 4, matched: new Set(['place', 'event']) } as const;
  const mention = (mentions: number, inTitle = false) => ({ mentions, inTitle });
  const vectors: [weight: string, without: ReportEvidence, withIt: ReportEvidence, difference: number][] = [
    ['text', evidence({ ...base, text: 4 }), evidence({ ...base, id: 1, text: 6 }), 2 * WEIGHT.text],
    ['facet.place', evidence(base), evidence({ ...base, id: 1, facets: { place: mention(0) } }), WEIGHT.facet.place],
    ['facet.event', evidence(base), evidence({ ...base, id: 1, facets: { event: mention(0) } }), WEIGHT.facet.event],
    ['facet.actor', evidence(base), evidence({ ...base, id: 1, facets: { actor: mention(0) } }), WEIGHT.facet.actor],
    ['facetTitle', evidence({ ...base, facets: { place: mention(2) } }), evidence({ ...base, id: 1, facets: { place: mention(2, true) } }), WEIGHT.facetTitle],
    ['event', evidence(base), evidence({ ...base, id: 1, event: 0.5 }), 0.5 * WEIGHT.event],
    ['sentence', evidence({ ...base, sentence: 1 }), evidence({ ...base, id: 1, sentence: 2 }), WEIGHT.sentence],
    ['paragraph', evidence({ ...base, paragraph: 1 }), evidence({ ...base, id: 1, paragraph: 2 }), WEIGHT.paragraph],
    ['titleParts', evidence({ ...base, titled: 1 }), evidence({ ...base, id: 1, titled: 2 }), WEIGHT.titleParts],
  ];

  it.each(vectors)('%s: the report with the evidence scores the expected amount more, and ranks first', (_weight, without, withIt, difference) => {
    // Both match both parts of the query: the coverage factor is 1.
    expect(scoreReport(withIt, 2) - scoreReport(without, 2)).toBeCloseTo(difference, 9);
    const scored = [without, withIt].map((e) => ({ ...e, score: scoreReport(e, 2) }));
    expect(scored.sort(compareEvidence).map((e) => e.id)).toEqual([withIt.id, without.id]);
  });

  it('facet mentions: each more mention adds the log of the count, times the facet weight', () => {
    const one = scoreReport(evidence({ ...base, facets: { place: mention(1) } }), 2);
    const three = scoreReport(evidence({ ...base, facets: { place: mention(3) } }), 2);
    expect(three - one).toBeCloseTo(WEIGHT.facet.place * (Math.log1p(3) - Math.log1p(1)), 9);
  });

  it('offTopic: the same evidence off topic scores the weight times as much, and ranks below', () => {
    const rich = { ...base, text: 6, event: 1, facets: { place: mention(2, true) }, sentence: 2, paragraph: 2, titled: 2 };
    const on = evidence({ ...rich, id: 1 });
    const off = evidence({ ...rich, id: 2, onTopic: false });
    expect(scoreReport(off, 2) / scoreReport(on, 2)).toBeCloseTo(WEIGHT.offTopic, 9);
    const scored = [off, on].map((e) => ({ ...e, score: scoreReport(e, 2) }));
    expect(scored.sort(compareEvidence).map((e) => e.id)).toEqual([1, 2]);
  });

  it('unmatched: the same evidence matching no part scores that share of a part, and ranks below one matching a part', () => {
    const words = { id: 2, text: 6, matched: new Set<string>() };
    const annotated = evidence({ ...words, id: 1, matched: new Set(['event']) });
    const wordsOnly = evidence(words);
    expect(scoreReport(wordsOnly, 1) / scoreReport(annotated, 1)).toBeCloseTo(WEIGHT.unmatched, 9);
    const scored = [wordsOnly, annotated].map((e) => ({ ...e, score: scoreReport(e, 1) }));
    expect(scored.sort(compareEvidence).map((e) => e.id)).toEqual([1, 2]);
  });

  it('covers every weight', () => {
    const leaves = Object.entries(WEIGHT).flatMap(([k, v]) => (typeof v === 'number' ? [k] : Object.keys(v).map((sub) => `${k}.${sub}`)));
    expect(new Set([...vectors.map((v) => v[0]), 'offTopic', 'unmatched'])).toEqual(new Set(leaves));
  });
});
