import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import { createSearchIndex } from '../../src/store/search-index.js';
import { testCore, testDb } from '../helpers/test-core.js';

let core: Core | undefined;
afterEach(() => core?.close());

const raqqaBomb = {
  title: 'مقتل أربعة مدنيين بانفجار سيارة مفخخة في الرقة',
  text: 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين وإصابة سبعة آخرين، وفق مصادر محلية.',
  publishedAt: '2019-03-05', url: 'https://example.org/raqqa', origin: 't1',
};

describe('the ingest writes event records in the report\'s transaction', () => {
  it('events, event_places (the whole lineage), on_topic / incident and event-backed facets', () => {
    core = testCore();
    const result = core.ingestOne(raqqaBomb);
    expect(result.ok).toBe(true);
    const id = (result as { id: number }).id;
    const q = <T>(sql: string) => testDb(core!).prepare(sql).all(id) as T[];
    expect(q('SELECT on_topic, incident FROM reports WHERE id = ?')).toEqual([{ on_topic: 1, incident: 1 }]);
    expect(q('SELECT seq, event_type, kind, country, admin1, admin2, location, event_date, fatalities, injuries FROM events WHERE report_id = ?')).toEqual([{
      seq: 0, event_type: 'Explosions/Remote violence', kind: 'car_bomb', country: 'SY', admin1: 'SY11', admin2: 'SY1101',
      location: 'C5710', event_date: '2019-03-05', fatalities: 4, injuries: 7,
    }]);
    expect(q<{ pcode: string }>('SELECT pcode FROM event_places WHERE report_id = ? ORDER BY pcode').map((r) => r.pcode))
      .toEqual(['C5710', 'SY', 'SY11', 'SY1101', 'SY110100']);
    expect(q<{ event_type: string }>('SELECT event_type FROM report_events WHERE report_id = ? AND in_event = 1 ORDER BY event_type').map((r) => r.event_type))
      .toEqual(['attack', 'bombing', 'car_bomb']);
    expect(q<{ pcode: string }>('SELECT pcode FROM report_places WHERE report_id = ? AND in_event = 1 ORDER BY pcode').map((r) => r.pcode))
      .toEqual(['C5710', 'SY', 'SY11', 'SY1101', 'SY110100']);
  });

  it('re-ingesting changed text replaces the events, leaving no stale rows', () => {
    core = testCore();
    core.ingestOne(raqqaBomb);
    const id = (core.ingestOne({ ...raqqaBomb, title: 'مقال رأي', text: 'يرى الكاتب أن المدينة تحتاج إلى حدائق ومكتبات عامة جديدة.' }) as { id: number }).id;
    const count = (table: string) => (testDb(core!).prepare(`SELECT count(*) AS n FROM ${table} WHERE report_id = ?`).get(id) as { n: number }).n;
    expect([count('events'), count('event_places')]).toEqual([0, 0]);
  });
});

describe('the search index reads event records', () => {
  it('eventReports: the reports with a record of the kinds, at any level of its place, main events first', () => {
    core = testCore();
    const raqqa = (core.ingestOne(raqqaBomb) as { id: number }).id;
    const aleppo = (core.ingestOne({
      ...raqqaBomb, title: 'اشتباكات في حلب', url: 'https://example.org/aleppo', origin: 't2',
      text: 'اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام في مدينة حلب مساء أمس، وقتل ثلاثة مقاتلين.',
    }) as { id: number }).id;
    const index = createSearchIndex(testDb(core));
    expect(index.eventReports(['car_bomb'], ['SY11'], 10)).toEqual([{ id: raqqa, seq: 0 }]);
    expect(index.eventReports(['car_bomb'], ['C5710'], 10)).toEqual([{ id: raqqa, seq: 0 }]);
    expect(index.eventReports(['car_bomb'], ['SY02'], 10)).toEqual([]);
    expect(index.eventReports(['car_bomb', 'armed_clash'], null, 10)).toEqual([{ id: aleppo, seq: 0 }, { id: raqqa, seq: 0 }]);
    expect(index.eventReports(['car_bomb', 'armed_clash'], null, 1)).toEqual([{ id: aleppo, seq: 0 }]);
  });
});
