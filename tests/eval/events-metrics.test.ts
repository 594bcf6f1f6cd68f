import { describe, expect, it } from 'vitest';
import { eventsMetrics, formatTopicMetrics, parseGold, topicMetrics, type GoldReport, type PredictedReport, type TopicGoldReport } from '../../scripts/lib/events-metrics.js';

const ev = (event_type: string, admin1: string | null, fatalities = 0) => ({ event_type, admin1, fatalities });
const ours = (eventType: string, admin1: string | null, fatalities = 0) => ({ eventType, admin1, fatalities });

/** Four reports: a hit, a wrong place and toll, a non-incident we call an incident, and an off-topic one. */
const GOLD: GoldReport[] = [
  { id: 'a', on_topic: true, incident: true, events: [ev('Battles', 'SY11', 3), ev('Battles', 'SY09')] },
  { id: 'b', on_topic: true, incident: true, events: [ev('Explosions/Remote violence', 'IQG15', 5)] },
  { id: 'c', on_topic: true, incident: false, events: [] },
  { id: 'd', on_topic: false, incident: false, events: [] },
];
const PREDICTED = new Map<string, PredictedReport>([
  ['a', { onTopic: true, incident: true, events: [ours('Battles', 'SY11', 3)] }],
  ['b', { onTopic: true, incident: true, events: [ours('Explosions/Remote violence', 'IQG08', 4), ours('Battles', 'IQG15')] }],
  ['c', { onTopic: true, incident: true, events: [ours('Battles', 'SY02')] }],
  ['d', { onTopic: true, incident: false, events: [ours('Battles', 'SY01')] }],
]);

describe('eventsMetrics', () => {
  const m = eventsMetrics(GOLD, PREDICTED);

  it('governorates are (report, admin1) pairs; a non-incident\'s events do not count', () => {
    // tp: a/SY11, b/IQG15; fp: b/IQG08, c/SY02; fn: a/SY09.
    expect(m.governorate).toMatchObject({ precision: 0.5, recall: 2 / 3, tp: 2, fp: 2, fn: 1 });
    expect(m.governorate.f1).toBeCloseTo(4 / 7, 12);
  });

  it('main event type, "none" for non-incidents', () => {
    expect(m.mainType).toEqual({ hits: 3, total: 4 });
  });

  it('non-incidents left without an incident', () => {
    expect(m.nonIncidents).toEqual({ hits: 1, total: 2 });
  });

  it('main event fatalities exact, over gold incidents', () => {
    expect(m.mainFatalities).toEqual({ hits: 1, total: 2 });
  });

  it('on-topic precision and recall', () => {
    expect(m.onTopic).toEqual({ precision: 0.75, recall: 1, tp: 3, fp: 1, fn: 0 });
  });

  it('incident precision and recall, over every report', () => {
    // a, b: incidents called incidents; c: a non-incident called one; d: neither.
    expect(m.incident).toEqual({ precision: 2 / 3, recall: 1, tp: 2, fp: 1, fn: 0 });
  });

  it('a report with no prediction is off topic with no events', () => {
    const one = eventsMetrics([GOLD[0]!], new Map());
    expect([one.governorate.fn, one.mainType.hits, one.onTopic.fn]).toEqual([2, 0, 1]);
  });
});

describe('parseGold', () => {
  it('reads JSONL, skips blank lines, keeps the first label of an id', () => {
    const a = '{"id":"x","on_topic":true,"incident":false,"events":[]}\n\n';
    const b = '{"id":"x","on_topic":false,"incident":false,"events":[]}\n{"id":"y","on_topic":false,"incident":false,"events":[]}\n';
    expect(parseGold([a, b]).map((g) => [g.id, g.on_topic])).toEqual([['x', true], ['y', false]]);
  });
});

describe('topicMetrics', () => {
  /** The topic and incident set: no event records, the main type only. */
  const TOPIC: TopicGoldReport[] = [
    { id: 'a', on_topic: true, incident: true, main_event_type: 'Battles' },
    { id: 'b', on_topic: true, incident: true, main_event_type: 'Battles' },
    { id: 'c', on_topic: true, incident: false, main_event_type: null },
    { id: 'd', on_topic: false, incident: false, main_event_type: null },
    { id: 'e', on_topic: true, incident: true, main_event_type: 'Protests' },
  ];
  const m = topicMetrics(TOPIC, PREDICTED);

  it.each([
    ['onTopic', { precision: 0.75, recall: 0.75, tp: 3, fp: 1, fn: 1 }],
    // e has no prediction: an incident missed.
    ['incident', { precision: 2 / 3, recall: 2 / 3, tp: 2, fp: 1, fn: 1 }],
  ] as const)('%s precision and recall', (key, expected) => {
    expect(m[key]).toEqual(expected);
  });

  it('main type: gold type against our first event\'s, none for a non-incident on either side', () => {
    // a: Battles = Battles; b: Explosions ≠ Battles; c: Battles ≠ none; d: none = none; e: none ≠ Protests.
    expect(m.mainType).toEqual({ hits: 2, total: 5 });
  });

  it('prints one line a figure, F1 beside precision and recall', () => {
    expect(formatTopicMetrics('dev', m)).toEqual([
      'Topic and incident, dev: 5 labelled reports',
      '  on-topic           P 0.750  R 0.750  F1 0.750  (tp 3, fp 1, fn 1)',
      '  incident           P 0.667  R 0.667  F1 0.667  (tp 2, fp 1, fn 1)',
      '  main event type    0.400 (2/5)',
    ]);
  });
});
