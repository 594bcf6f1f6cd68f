import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReportModel, setReportModel } from '../../src/understand/report-model.js';
import { protectedNames, understandReport, type ReportUnderstanding } from '../../src/understand/understand-report.js';

const CORPUS = new URL('../../data/corpus/', import.meta.url);

/** Seed report N: first line as the title, the rest as the text. */
function seed(prefix: string): ReportUnderstanding {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
  const [title, ...rest] = readFileSync(new URL(file, CORPUS), 'utf8').split('\n');
  return understandReport({ title: title!, text: rest.join('\n') });
}

const governorates = (r: ReportUnderstanding): string[] => [...new Set(r.places.map((p) => p.admin1Pcode ?? p.pcode))].sort();
const eventTypes = (r: ReportUnderstanding): string[] => r.events.map((e) => e.type).sort();
const actorKeys = (r: ReportUnderstanding): string[] => r.actors.map((a) => a.actor).sort();

describe('understandReport on the seed reports', () => {
  it('000: threats in Hasakah and Deir ez-Zor', () => {
    const r = seed('000');
    expect(governorates(r)).toEqual(['IQ', 'SY', 'SY08', 'SY09']);
    expect(eventTypes(r)).toEqual([
      'air_strike', 'assassination', 'attack', 'execution', 'extortion', 'prison_attack', 'raid_arrest',
      'recruitment', 'sleeper_cells', 'threat',
    ]);
    expect(actorKeys(r)).toEqual(['coalition', 'isis', 'sdf', 'usa']);
    expect(r.titleAnnotations).toEqual({ places: [], events: ['threat'], actors: ['isis'] });
    expect(r.casualties).toEqual([]);
  });

  it('001: ISIS resurgence in Syria and Iraq', () => {
    const r = seed('001');
    expect(governorates(r)).toEqual(['IQ', 'IQG13', 'IQG16', 'IR-08', 'PS-GZA', 'SY', 'SY09', 'SY11', 'US']);
    expect(r.places.find((p) => p.pcode === 'SY')).toEqual({ pcode: 'SY', admin1Pcode: null, mentions: 6, inTitle: true });
    expect(eventTypes(r)).toContain('prison_attack');
    expect(actorKeys(r)).toEqual(['isis', 'sdf', 'syrian_government', 'usa']);
    expect(r.casualties.map((c) => [c.kind, c.count, c.group])).toEqual([['killed', 90, 'people']]);
  });

  it('002: car bomb in Raqqa, attacks in Deir ez-Zor', () => {
    const r = seed('002');
    expect(governorates(r)).toEqual(['IQ', 'SY', 'SY09', 'SY11', 'US']);
    expect(r.places.filter((p) => p.inTitle).map((p) => p.pcode).sort()).toEqual(['SY09', 'SY11']);
    expect(r.places.map((p) => p.pcode)).toEqual(expect.arrayContaining(['C5119', 'C5208', 'C6795']));
    expect(eventTypes(r)).toEqual(expect.arrayContaining(['attack', 'bombing', 'car_bomb', 'sleeper_cells']));
    const carBomb = r.sentences.find((s) => s.events.includes('car_bomb'))!;
    expect(carBomb.places).toEqual(expect.arrayContaining(['SY11', 'C5710']));
    expect(r.casualties.map((c) => [c.kind, c.count, c.group])).toEqual([['killed', 10, 'civilians'], ['killed', 3, 'fighters']]);
  });

  it('003: sleeper cells, Baghouz, Hol camp, Sweida', () => {
    const r = seed('003');
    expect(governorates(r)).toEqual(['FR', 'IQ', 'SY', 'SY02', 'SY04', 'SY08', 'SY09', 'SY11', 'SY13', 'US-DC']);
    expect(r.places.map((p) => p.pcode)).toEqual(expect.arrayContaining(['C6795', 'LM-SY-HOL-CAMP', 'SY0205']));
    expect(eventTypes(r)).toEqual(['armed_clash', 'attack', 'raid_arrest', 'sleeper_cells']);
    expect(actorKeys(r)).toEqual(['al_qaeda', 'coalition', 'iran', 'isis', 'russia', 'sdf', 'syrian_government', 'usa']);
    expect(r.titleAnnotations.events).toEqual(['sleeper_cells']);
    expect(r.casualties.find((c) => c.count === 20)).toMatchObject({ kind: 'killed', group: 'civilians', approx: 'at_least' });
  });

  it('004: regrouping in Syria, Abu Kamal and Mayadin', () => {
    const r = seed('004');
    expect(governorates(r)).toEqual(['GB', 'IQ', 'IR', 'JO', 'RU', 'SY', 'SY02', 'SY04', 'SY09', 'SY11', 'US', 'US-DC']);
    expect(r.places.map((p) => p.pcode)).toEqual(expect.arrayContaining(['SY0902', 'SY0903']));
    expect(actorKeys(r)).toEqual(expect.arrayContaining(['coalition', 'iran', 'isis', 'russia', 'sdf', 'turkey', 'usa']));
    expect(eventTypes(r)).toContain('sleeper_cells');
  });

  it('keeps only annotated sentences, with offsets into the text', () => {
    const r = understandReport({ title: '', text: 'مقدمة عامة.\nانفجار سيارة مفخخة في الرقة. قال داعش.' });
    expect(r.sentences).toEqual([
      { start: 12, end: 40, paragraph: 1, places: ['SY11'], events: ['bombing', 'car_bomb'], actors: [] },
      { start: 41, end: 50, paragraph: 1, places: [], events: [], actors: ['isis'] },
    ]);
  });

  it('counts places named only in the title', () => {
    const r = understandReport({ title: 'هجوم في حمص', text: 'لا شيء هنا.' });
    expect(r.places).toEqual([{ pcode: 'SY04', admin1Pcode: 'SY04', mentions: 0, inTitle: true }]);
    expect(r.titleAnnotations).toEqual({ places: ['SY04'], events: ['attack'], actors: [] });
  });
});

describe('on topic: which event words are talk of conflict', () => {
  // The topic rules' own call (report-topic.ts), without the shipped topic model.
  beforeAll(() => { const { onTopic: _t, ...rules } = loadReportModel()!; setReportModel(rules); });
  afterAll(() => setReportModel(undefined));
  it.each([
    ['told as happened', 'قالت خطيبة الصحفي في إسطنبول إنه تعرض للخطف ثم الاغتيال ثم القتل داخل القنصلية.', true],
    ['supposed (ربما): no talk of conflict', 'قالت خطيبة الصحفي في إسطنبول إنه ربما تعرض للخطف أو الاغتيال أو القتل داخل القنصلية.', false],
  ])('%s', (_, text, onTopic) => {
    expect(understandReport({ title: 'صحفي مفقود في إسطنبول', text, publishedAt: '2018-10-10' }).onTopic).toBe(onTopic);
  });
});

describe('protectedNames', () => {
  const names = new Set(protectedNames());
  it.each([['الرقه'], ['دير'], ['الزور'], ['الحسكه'], ['البوكمال'], ['الموصل'], ['داعش'], ['قسد'], ['الباغوز']])('includes %s', (name) => {
    expect(names.has(name)).toBe(true);
  });
  it.each([['النصر'], ['الثوره'], ['المدينه'], ['مدينه'], ['ضواحي'], ['العاصمه'], ['الصدر']])('leaves out the common word %s', (name) => {
    expect(names.has(name)).toBe(false);
  });
});
