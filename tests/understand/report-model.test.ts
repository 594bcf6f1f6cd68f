import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedStory } from '../digests/compose/seed-reports.js';
import { FEATURE_NAMES } from '../../src/understand/report-features.js';
import { loadReportModel, probability, setReportModel, StaleReportModelError, type LogisticWeights } from '../../src/understand/report-model.js';
import { understandReport } from '../../src/understand/understand-report.js';

afterEach(() => setReportModel(undefined));

describe('probability', () => {
  const one: LogisticWeights = { mean: [1], scale: [2], weights: [2], bias: 0.5, lambda: 0.1, threshold: 0.5 };
  it.each([
    // z = 0.5 + 2 · (3 − 1) / 2 = 2.5
    [[3], 1 / (1 + Math.exp(-2.5))],
    // z = 0.5 + 2 · (−1 − 1) / 2 = −1.5
    [[-1], 1 / (1 + Math.exp(1.5))],
    // At the mean only the bias counts.
    [[1], 1 / (1 + Math.exp(-0.5))],
  ])('standardises, weighs and adds the bias: %j → %f', (x, p) => {
    expect(probability(one, x)).toBeCloseTo(p, 12);
  });
});

describe('loadReportModel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-model-'));

  it('no file: null, and the rules decide', () => {
    expect(loadReportModel(join(dir, 'none.json'))).toBeNull();
  });

  it('a file trained on other features is refused with the command that retrains it', () => {
    const file = join(dir, 'stale.json');
    writeFileSync(file, JSON.stringify({ trainedOn: 'x', features: ['rule_incident'], incident: {} }));
    expect(() => loadReportModel(file)).toThrow(StaleReportModelError);
    expect(() => loadReportModel(file)).toThrow(`${file} was trained on other features than this code computes; run npx tsx scripts/train-report-model.ts`);
  });

  it('the shipped model is trained on this code\'s features, with a weight and a scale for each', () => {
    const model = loadReportModel()!;
    expect(model.features).toEqual(FEATURE_NAMES);
    for (const v of [model.incident.weights, model.incident.mean, model.incident.scale]) expect(v).toHaveLength(FEATURE_NAMES.length);
    expect(model.incident.threshold).toBeGreaterThanOrEqual(0.3);
    expect(model.incident.threshold).toBeLessThanOrEqual(0.6);
    // The topic model is shipped only when it beats the topic rules by train-report-model.ts's margin; it has not.
    expect(model.onTopic).toBeUndefined();
  });
});

describe('the topic call: the model\'s when the file has one, else the rules\'', () => {
  const shipped = () => loadReportModel()!;
  // Any weights will do: a threshold of 0 says yes to every report, one above 1 says no.
  const all = (threshold: number): LogisticWeights => ({ ...shipped().incident, threshold });
  // A football report: off topic by the rules.
  const sport = { title: 'الهلال يفوز على النصر في الدوري', text: 'فاز فريق الهلال على النصر بهدفين نظيفين في مباراة الدوري السعودي أمس.' };
  // A car bomb in Raqqa: on topic by the rules, with its event records.
  const bomb = { title: 'انفجار سيارة مفخخة في الرقة', text: 'قتل 5 مدنيين بانفجار سيارة مفخخة في مدينة الرقة أمس، وتبنى تنظيم داعش الهجوم.' };

  it.each([
    ['sport, rules', sport, 'rules', false],
    ['sport, a topic model that says yes to all: on topic, but no events were built, so no incident', sport, 0, true],
    ['bomb, rules', bomb, 'rules', true],
    ['bomb, a topic model that says no to all: off topic, so no incident', bomb, 1.01, false],
  ] as const)('%s', (_, report, threshold, onTopic) => {
    const { onTopic: _t, ...rules } = shipped();
    setReportModel(threshold === 'rules' ? rules : { ...shipped(), onTopic: all(threshold) });
    const u = understandReport({ ...report, publishedAt: '2018-06-24' });
    expect([u.onTopic, u.incident]).toEqual([onTopic, threshold === 'rules' && onTopic]);
  });
});

describe('the incident call on the seed reports: the rules alone, and with the shipped model', () => {
  it.each([
    // ISIS's threat letters in Hasakah and Deir ez-Zor; the prison attack is recalled (مؤخراً), not told.
    ['000', true, false],
    // The car bomb in Raqqa.
    ['002', true, true],
    ['003', true, true],
    ['004', false, false],
  ])('seed %s: rules %s, model %s', (seed, rules, model) => {
    const story = seedStory(seed);
    setReportModel(null);
    expect(understandReport({ title: story.title, text: story.body }).incident).toBe(rules);
    setReportModel(undefined);
    expect(understandReport({ title: story.title, text: story.body }).incident).toBe(model);
  });
});
