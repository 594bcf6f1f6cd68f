import { describe, expect, it } from 'vitest';
import {
  isViolent, leadCasualties, readsLead, significance, statedCasualties, type RankedReport,
} from '../../../digests/compose/significance.js';
import type { DigestCasualties } from '../../../digests/digest.js';
import type { EventKey } from '../../../src/understand/events.js';
import { understandReport } from '../../../src/understand/understand-report.js';
import { casualty, eventRecord, understanding } from './understanding.js';

/** A one-sentence body, so every casualty is in the lead. */
const BODY = 'خبر.';
const report = (parts: Parameters<typeof understanding>[0], body = BODY): RankedReport => ({ body, understanding: understanding(parts) });
const events = (...types: EventKey[]): { type: EventKey; mentions: number }[] => types.map((type) => ({ type, mentions: 1 }));

describe('significance', () => {
  it.each<[string, RankedReport, number]>([
    ['commentary', report({}), 0],
    ['other activity: threats', report({ events: events('threat') }), 1],
    ['other activity: arrests and recruitment', report({ events: events('raid_arrest', 'recruitment') }), 1],
    ['an attack', report({ events: events('attack') }), 3],
    ['a car bomb (a kind of attack) beside a threat', report({ events: events('threat', 'car_bomb') }), 3],
    ['an execution (below assassination, below attack)', report({ events: events('execution') }), 3],
    ['one wounded in an attack', report({ events: events('attack'), casualties: [casualty('wounded', 1)] }), 7],
    ['one killed in an attack', report({ events: events('attack'), casualties: [casualty('killed', 1)] }), 13],
    ['killed and wounded summed', report({
      events: events('bombing'), casualties: [casualty('killed', 10), casualty('killed', 3), casualty('wounded', 5)],
    }), 153],
    ['casualties named without a number count one', report({
      events: events('attack'), casualties: [casualty('killed', null), casualty('wounded', null)],
    }), 17],
    ['عشرات counts 30', report({ events: events('attack'), casualties: [casualty('killed', null, 0, 'dozens')] }), 303],
    ['عدة counts 3', report({ events: events('attack'), casualties: [casualty('wounded', null, 0, 'several')] }), 15],
    ['a war\'s toll is left out', report({ events: events('attack'), casualties: [casualty('killed', 230000)] }), 3],
    ['a period\'s total is left out', report({ events: events('attack'), casualties: [{ ...casualty('killed', 173), aggregate: true }] }), 3],
    ['آلاف is a toll too', report({ events: events('attack'), casualties: [casualty('killed', null, 0, 'thousands')] }), 3],
    ['abducted and captured are not casualties here', report({
      events: events('abduction'), casualties: [casualty('abducted', 4), casualty('captured', 2)],
    }), 3],
    ['a number restated is counted once', report({
      events: events('attack'), casualties: [casualty('killed', 800), casualty('killed', 800, 1, 'about')],
    }), 8003],
  ])('%s: %i', (_name, r, score) => {
    expect(significance(r)).toBe(score);
  });

  it.each<[string, RankedReport, number]>([
    ['with event records: the main event\'s figures, not the lead\'s', report({
      events: events('car_bomb'), casualties: [casualty('killed', 50)], eventRecords: [eventRecord('SY11', 4, 2), eventRecord('SY09', 30, 0)],
    }), 51],
    ['with event records and no incident: a lead\'s tally counts nothing', report({
      events: events('attack'), casualties: [casualty('killed', 500)], eventRecords: [], incident: false,
    }), 3],
  ])('%s: %i', (_name, r, score) => {
    expect(significance(r)).toBe(score);
  });

  it('counts only the casualties of the first four sentences', () => {
    const body = 'أ. ب. ج. د. قتل 7 مدنيين.';
    const later = body.indexOf('قتل');
    const r = report({ events: events('attack'), casualties: [casualty('killed', 2, 0), casualty('killed', 7, later)] }, body);
    expect(leadCasualties(r).map((c) => c.count)).toEqual([2]);
    expect(significance(r)).toBe(23);
  });

  it('ranks real reports: dead, then wounded, then violence, then activity, then commentary', () => {
    const bodies = [
      'قتل 5 مدنيين بانفجار سيارة مفخخة في مدينة الرقة.',
      'أصيب 3 عناصر من قسد بهجوم على حاجز في الحسكة.',
      'هاجم مسلحون حاجزا لقوات قسد في ريف دير الزور.',
      'اعتقلت قوات قسد خلية تابعة لتنظيم داعش في الحسكة.',
      'قال محلل إن مستقبل التنظيم في سوريا غامض.',
    ];
    const scores = bodies.map((text) => significance({ body: text, understanding: understandReport({ title: '', text }) }));
    expect(scores).toEqual([53, 15, 3, 1, 0]);
  });
});

describe('statedCasualties', () => {
  it.each<[string, RankedReport, DigestCasualties | null]>([
    ['none stated', report({ events: events('attack') }), null],
    ['killed only', report({ casualties: [casualty('killed', 10), casualty('killed', 3)] }), { killed: 13, wounded: null }],
    ['wounded only', report({ casualties: [casualty('wounded', 4)] }), { killed: null, wounded: 4 }],
    ['both', report({ casualties: [casualty('killed', 2), casualty('wounded', 4)] }), { killed: 2, wounded: 4 }],
    ['vague counts are no figures', report({ casualties: [casualty('killed', null, 0, 'dozens')] }), null],
    ['a toll is no figure', report({ casualties: [casualty('killed', 3000)] }), null],
  ])('%s', (_name, r, stated) => {
    expect(statedCasualties(r)).toEqual(stated);
  });
});

describe('readsLead', () => {
  it.each<[string, Parameters<typeof understanding>[0], boolean]>([
    ['analyzed before event records, with casualties', { casualties: [casualty('killed', 3)] }, true],
    ['analyzed before event records, no casualties', { events: events('attack') }, false],
    ['with event records: the main event has the figures', { casualties: [casualty('killed', 3)], eventRecords: [eventRecord('SY11', 3, 0)] }, false],
  ])('%s: %s', (_name, parts, reads) => {
    expect(readsLead(understanding(parts))).toBe(reads);
  });
});

describe('isViolent', () => {
  it.each<[EventKey, boolean]>([
    ['attack', true], ['bombing', true], ['car_bomb', true], ['ied', true], ['suicide_attack', true], ['air_strike', true],
    ['shelling', true], ['armed_clash', true], ['assassination', true], ['execution', true], ['abduction', true],
    ['prison_attack', true], ['threat', false], ['raid_arrest', false], ['recruitment', false], ['extortion', false],
    ['sleeper_cells', false],
  ])('%s: %s', (type, violent) => {
    expect(isViolent(type)).toBe(violent);
  });
});
