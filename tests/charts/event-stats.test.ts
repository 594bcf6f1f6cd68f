import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import { periodStart, periodsBetween } from '../../src/charts/event-stats.js';
import { areaName } from '../../src/charts/chart-wording.js';
import { testCore, testDb } from '../helpers/test-core.js';
import { EVENT_REPORTS } from './event-fixtures.js';

// The fixture's events (see event-fixtures.ts): report, day, ACLED type, governorate, district, killed, wounded.
//   1  2019-03-05  Explosions  SY11 Raqqa      SY1101  4  7
//   2  2019-03-05  Battles     SY02 Aleppo     SY0200  3  0
//   3  2019-03-20  Explosions  SY09 Deir ez-Zor SY0902 5  0
//   4  2019-04-02  Explosions  SY11 Raqqa      SY1103  0  3
//   5  2019-04-03  Explosions  IQG15 Ninewa    IQG15Q05 6 10
//   6  undated     Battles     SY11 Raqqa      SY1101  2  0
const E = 'Explosions/Remote violence';
let core: Core;
beforeAll(() => {
  core = testCore();
  for (const r of EVENT_REPORTS) expect(core.ingestOne(r).ok).toBe(true);
});
afterAll(() => core.close());

describe('Core.eventStats counts event records', () => {
  it('every event: totals, the undated apart, weeks by default for a month\'s span, empty weeks filled', () => {
    const s = core.eventStats('');
    expect(s.totals).toEqual({ events: 6, killed: 20, wounded: 20, reports: 6, from: '2019-03-05', to: '2019-04-03', undated: { events: 1, killed: 2, wounded: 0 } });
    expect(s.by).toBe('week');
    expect(s.eventTypes).toEqual(['Battles', E]);
    expect(s.timeline).toEqual([
      { period: '2019-03-04', events: 2, killed: 7, wounded: 7, byType: { Battles: 1, [E]: 1 } },
      { period: '2019-03-11', events: 0, killed: 0, wounded: 0, byType: {} },
      { period: '2019-03-18', events: 1, killed: 5, wounded: 0, byType: { [E]: 1 } },
      { period: '2019-03-25', events: 0, killed: 0, wounded: 0, byType: {} },
      { period: '2019-04-01', events: 2, killed: 6, wounded: 13, byType: { [E]: 2 } },
    ]);
    expect(s.areaLevel).toBe('admin1');
    expect(s.areas.map((a) => [a.key, a.en, a.events, a.killed, a.wounded])).toEqual([
      ['SY11', 'Raqqa', 3, 6, 10], ['IQG15', 'Ninewa', 1, 6, 10], ['SY02', 'Aleppo', 1, 3, 0], ['SY09', 'Deir ez-Zor', 1, 5, 0],
    ]);
  });

  it.each([
    // [query, options, events, undated, periods (period: events), areas (key: events)]
    ['', { by: 'month' as const }, 6, 1, { '2019-03-01': 3, '2019-04-01': 2 }, { SY11: 3, IQG15: 1, SY02: 1, SY09: 1 }],
    // One governorate named: its districts.
    ['الرقة', {}, 3, 1, { '2019-03-04': 1, '2019-03-11': 0, '2019-03-18': 0, '2019-03-25': 0, '2019-04-01': 1 }, { SY1101: 2, SY1103: 1 }],
    // Bounds on the day leave the undated out.
    // The timeline starts at the asked day, not the first event's: the quiet before is part of the picture.
    ['', { since: '2019-03-10' }, 3, 0, { '2019-03-04': 0, '2019-03-11': 0, '2019-03-18': 1, '2019-03-25': 0, '2019-04-01': 2 }, { IQG15: 1, SY09: 1, SY11: 1 }],
    ['', { until: '2019-03-05' }, 2, 0, { '2019-03-04': 2 }, { SY02: 1, SY11: 1 }],
    // Days, from the asked first to the asked last.
    ['', { since: '2019-04-01', until: '2019-04-05', by: 'day' as const }, 2, 0, { '2019-04-01': 0, '2019-04-02': 1, '2019-04-03': 1, '2019-04-04': 0, '2019-04-05': 0 }, { IQG15: 1, SY11: 1 }],
    ['Aleppo', {}, 1, 0, { '2019-03-04': 1 }, { SY0200: 1 }],
    ['suicide attack', {}, 1, 0, { '2019-04-01': 1 }, { IQG15: 1 }],
  ])('%j %j: %i events', (query, options, events, undated, periods, areas) => {
    const s = core.eventStats(query, options);
    expect([s.totals.events, s.totals.undated.events]).toEqual([events, undated]);
    expect(Object.fromEntries(s.timeline.map((p) => [p.period, p.events]))).toEqual(periods);
    expect(Object.fromEntries(s.areas.map((a) => [a.key, a.events]))).toEqual(areas);
  });

  it('the query\'s own time bounds the days (since 2019): the undated are left out, the timeline starts there', () => {
    const s = core.eventStats('Raqqa since 2019');
    expect([s.since, s.until, s.totals.events, s.totals.undated.events]).toEqual(['2019-01-01', null, 2, 0]);
    expect([s.timeline.length, s.timeline[0]!.period, s.timeline.at(-1)!.period]).toEqual([14, '2018-12-31', '2019-04-01']);
    // A year is a range: its last day is the bound.
    expect([core.eventStats('Raqqa 2019').since, core.eventStats('Raqqa 2019').until]).toEqual(['2019-01-01', '2019-12-31']);
  });

  it('an event without a date of its own counts on its report\'s publication day', () => {
    testDb(core).prepare("UPDATE events SET event_date = NULL WHERE report_id = 5").run();
    try {
      expect(core.eventStats('', { since: '2019-04-03' }).totals).toMatchObject({ events: 1, from: '2019-04-03', to: '2019-04-03' });
    } finally {
      testDb(core).prepare("UPDATE events SET event_date = '2019-04-03' WHERE report_id = 5").run();
    }
  });

  it('places: one circle per place, the commonest type (ties in ACLED order), governorates at their gazetteer point', () => {
    const s = core.eventStats('');
    expect(s.locations.map((l) => [l.key, l.events, l.eventType, l.admin1])).toEqual([
      ['C5710', 2, 'Battles', 'SY11'], ['C1007', 1, 'Battles', 'SY02'], ['C8745', 1, E, 'SY11'], ['IQG15Q05', 1, E, 'IQG15'], ['SY090201', 1, E, 'SY09'],
    ]);
    expect(s.governorates.map((g) => [g.key, g.events])).toEqual([['SY11', 3], ['IQG15', 1], ['SY02', 1], ['SY09', 1]]);
    expect(s.governorates[0]).toMatchObject({ ar: 'الرقة', lat: expect.any(Number), lon: expect.any(Number) });
  });

  it('the language follows the query\'s script', () => {
    expect([core.eventStats('الرقة').lang, core.eventStats('Raqqa').lang]).toEqual(['ar', 'en']);
  });

  it('months when the events span more than about four months', () => {
    core.ingestOne({ title: 'اشتباكات في حلب', text: 'اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام في مدينة حلب صباح اليوم.', publishedAt: '2019-09-10', url: 'https://example.org/late', origin: 'late' });
    try {
      expect(core.eventStats('').by).toBe('month');
      expect(core.eventStats('', { by: 'week' }).timeline).toHaveLength(28);
    } finally {
      testDb(core).prepare("DELETE FROM reports WHERE origin = 'late'").run();
    }
  });
});

describe('periods', () => {
  it.each([
    ['2019-03-05', 'week', '2019-03-04'], ['2019-03-04', 'week', '2019-03-04'], ['2019-03-10', 'week', '2019-03-04'],
    ['2019-01-01', 'week', '2018-12-31'], ['2019-03-31', 'month', '2019-03-01'], ['2019-03-31', 'day', '2019-03-31'],
  ] as const)('%s starts the %s of %s', (day, unit, start) => expect(periodStart(day, unit)).toBe(start));

  it('periodsBetween lists every period, across a year\'s end', () => {
    expect(periodsBetween('2018-11-20', '2019-02-01', 'month')).toEqual(['2018-11-01', '2018-12-01', '2019-01-01', '2019-02-01']);
    expect(periodsBetween('2018-12-30', '2019-01-08', 'week')).toEqual(['2018-12-24', '2018-12-31', '2019-01-07']);
    expect(periodsBetween('2018-12-30', '2019-01-02', 'day')).toEqual(['2018-12-30', '2018-12-31', '2019-01-01', '2019-01-02']);
  });
});

describe('area names', () => {
  it.each([
    [null, 'en', 'admin1', 'place unknown'],
    [null, 'ar', 'admin1', 'مكان غير معروف'],
    // By districts of the filter's governorate, an event placed at the governorate is in it, its district not known.
    [null, 'en', 'admin2', 'district not known'],
    [null, 'ar', 'admin2', 'المنطقة غير محددة'],
    ['SY11', 'ar', 'admin1', 'الرقة'],
  ] as const)('%s %s by %s: %s', (key, lang, level, name) => {
    expect(areaName({ key, en: key === null ? null : 'Raqqa', ar: key === null ? null : 'الرقة' }, lang, level)).toBe(name);
  });
});
