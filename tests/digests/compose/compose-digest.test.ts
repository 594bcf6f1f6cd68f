import { describe, expect, it } from 'vitest';
import { composeDigest, type ComposeOptions, type DigestReport } from '../../../digests/compose-digest.js';
import type { Digest } from '../../../digests/digest.js';
import { digestReport, seedStory } from './seed-reports.js';
import {
  COMMENTARY, MAYADIN_ASSASSINATION, MAYADIN_IED, RAMADI, WIRE_JAZIRAH, WIRE_RIYADH,
} from './stories.js';
import { understanding } from './understanding.js';

const OPTIONS: ComposeOptions = { period: { from: '2015-07-23T00:00:00Z', to: '2015-07-28T00:00:00Z' }, timezone: 'Asia/Damascus' };

/** A week of reports: one wire story from two outlets, two attacks in al-Mayadin, seeds 000 and 002, Ramadi, commentary. */
const WEEK: readonly DigestReport[] = [
  digestReport(WIRE_RIYADH, { id: 1, source: 'Al-Riyadh', url: 'https://www.alriyadh.com/1', publishedAt: '2015-07-23T19:15:37Z' }),
  digestReport(WIRE_JAZIRAH, { id: 2, source: 'Al-Jazirah', url: 'https://www.al-jazirah.com/2', publishedAt: '2015-07-24T08:38:36Z' }),
  digestReport(MAYADIN_IED, { id: 3, source: 'Deir ez-Zor 24', url: 'https://deirezzor24.net/3', publishedAt: '2015-07-24T07:00:00Z' }),
  digestReport(MAYADIN_ASSASSINATION, { id: 4, source: 'Furat Post', url: 'https://furatpost.com/4', publishedAt: '2015-07-24T18:00:00Z' }),
  digestReport(seedStory('000'), { id: 5, source: 'Hafryat', ingestedAt: '2015-07-24T10:00:00Z' }),
  digestReport(COMMENTARY, { id: 6, publishedAt: '2015-07-24T12:00:00Z' }),
  digestReport(seedStory('002'), { id: 7, source: 'Furat Post', url: 'https://furatpost.com/7', publishedAt: '2015-07-24T09:00:00Z' }),
  digestReport(RAMADI, { id: 8, source: 'Al-Weeam', url: 'https://www.alweeam.com.sa/8', publishedAt: '2015-07-27T16:57:59Z' }),
];

/** The digest in outline: each group's governorate and its stories as [report, also reported by]. */
const outline = (d: Digest): [string | null, [number, number[]][]][] =>
  d.groups.map((g) => [g.governorate?.key ?? null, g.items.map((i) => [i.reportId, i.alsoReportedBy.map((s) => s.reportId)])]);

describe('composeDigest', () => {
  it('gives an empty digest for no reports', () => {
    expect(composeDigest([], OPTIONS)).toEqual({
      period: { from: '2015-07-23T00:00:00Z', to: '2015-07-28T00:00:00Z' },
      timezone: 'Asia/Damascus',
      counts: { reports: 0, stories: 0, governorates: 0, eventTypes: 0, events: 0, killed: 0, wounded: 0 },
      eventTypes: [],
      groups: [],
      omitted: 0,
    });
  });

  it('merges the wire story, ranks by significance and groups by the main event\'s governorate, no place last', () => {
    const digest = composeDigest(WEEK, OPTIONS);
    // Seed 002 names Deir ez-Zor most, but its main event is the car bomb in Raqqa. Seed 000 tells of ISIS's
    // threat letters and recalls the failed prison attack (the incident model: no incident), so it sits under the
    // governorate it names most, as the wire story does. Ramadi's 8 أشخاص ... قتلوا and 20 عنصراً ... قتلوا are one attack's 28 dead and lead; the
    // wire story's tolls are ten months' totals (خلال 10 أشهر), so it carries no toll and ranks below attacks.
    expect(outline(digest)).toEqual([
      ['IQG01', [[8, []]]],
      ['SY11', [[7, []]]],
      ['SY09', [[3, []], [4, []], [5, []]]],
      ['SY05', [[2, [1]]]],
      [null, [[6, []]]],
    ]);
    // Four stories tell of an event (the wire story's ten months' totals tell none); killed 28 + 13 + 2: each
    // story's own toll, summed.
    expect(digest.counts).toEqual({ reports: 8, stories: 7, governorates: 4, eventTypes: 16, events: 4, killed: 43, wounded: 0 });
    expect(digest.omitted).toBe(0);
    expect(digest.groups.map((g) => g.governorate)).toEqual([
      { key: 'IQG01', en: 'Al-Anbar', ar: 'الانبار' },
      { key: 'SY11', en: 'Raqqa', ar: 'الرقة' },
      { key: 'SY09', en: 'Deir ez-Zor', ar: 'دير الزور' },
      { key: 'SY05', en: 'Hama', ar: 'حماة' },
      null,
    ]);
    expect(digest.eventTypes.map((e) => e.key)).toEqual([
      'attack', 'sleeper_cells', 'air_strike', 'shelling', 'bombing', 'car_bomb', 'assassination', 'threat', 'armed_clash', 'ied',
      'suicide_attack', 'execution', 'prison_attack', 'raid_arrest', 'recruitment', 'extortion',
    ]);
    expect(digest.eventTypes[0]).toEqual({ key: 'attack', en: 'Attack', ar: 'هجوم' });
  });

  it('tells a story with its primary report and the other outlets', () => {
    const wire = composeDigest(WEEK, OPTIONS).groups.flatMap((g) => g.items).find((i) => i.reportId === 2);
    expect(wire).toEqual({
      reportId: 2,
      title: 'مقتل 3042 من داعش والنصرة بغارات التحالف في 10 أشهر',
      summary: 'ولفت إلى مقتل 2927 على الأقل من تنظيم داعش غالبيتهم من جنسيات غير سورية، جراء الضربات الصاروخية وغارات التحالف العربي على تجمعات وتمركزات ومقار التنظيم ومحطات نفطية في محافظات حماة وحلب وحمص والحسكة والرقة ودير الزور.',
      publishedAt: '2015-07-24T08:38:36Z',
      outlet: 'Al-Jazirah',
      url: 'https://www.al-jazirah.com/2',
      events: [
        { key: 'attack', en: 'Attack', ar: 'هجوم' },
        { key: 'air_strike', en: 'Air or drone strike', ar: 'غارة جوية' },
        { key: 'shelling', en: 'Shelling / artillery / rockets', ar: 'قصف مدفعي' },
      ],
      // Both outlets give ten months' totals (خلال 10 أشهر): a period's aggregate is no event's toll.
      casualties: null,
      alsoReportedBy: [{
        reportId: 1, outlet: 'Al-Riyadh', url: 'https://www.alriyadh.com/1',
        title: 'مقتل 3042 من داعش والنصرة جراء غارات التحالف خلال 10 أشهر', publishedAt: '2015-07-23T19:15:37Z',
      }],
      significance: 3,
    });
  });

  it('tells the Raqqa car bomb with its dead and at most three event types', () => {
    const carBomb = composeDigest(WEEK, OPTIONS).groups.flatMap((g) => g.items).find((i) => i.reportId === 7)!;
    expect(carBomb.events.map((e) => e.key)).toEqual(['attack', 'sleeper_cells', 'bombing']);
    expect(carBomb.casualties).toEqual({ killed: 13, wounded: null });
    expect(carBomb.significance).toBe(133);
  });

  it.each<[number, [string | null, [number, number[]][]][], number, number]>([
    [3, [['IQG01', [[8, []]]], ['SY11', [[7, []]]], ['SY09', [[3, []]]]], 4, 4],
    [2, [['IQG01', [[8, []]]], ['SY11', [[7, []]]]], 4, 5],
    [0, [], 4, 7],
  ])('keeps the %i most significant stories; the header counts stay those of everything new', (itemCap, groups, governorates, omitted) => {
    const digest = composeDigest(WEEK, { ...OPTIONS, itemCap });
    expect(outline(digest)).toEqual(groups);
    expect(digest.counts).toEqual({ reports: 8, stories: 7, governorates, eventTypes: 16, events: 4, killed: 43, wounded: 0 });
    expect(digest.omitted).toBe(omitted);
  });

  it('merges only within the merge window', () => {
    const digest = composeDigest(WEEK, { ...OPTIONS, mergeWindowDays: 0.25 });
    expect(digest.counts.stories).toBe(8);
    expect(outline(digest)[3]).toEqual(['SY05', [[2, []], [1, []]]]);
  });

  it('shows at most 30 stories by default', () => {
    const reports = Array.from({ length: 32 }, (_, k): DigestReport => ({
      id: k + 1, title: `تعليق ${k + 1}`, body: `نص التعليق رقم ${k + 1} عن موضوع مختلف تماما ${'كلمة'.repeat(k + 1)}.`,
      source: null, url: null, publishedAt: null, ingestedAt: `2024-03-01T00:${String(k).padStart(2, '0')}:00.000Z`,
      understanding: understanding({}),
    }));
    const digest = composeDigest(reports, OPTIONS);
    expect(digest.counts).toEqual({ reports: 32, stories: 32, governorates: 0, eventTypes: 0, events: 0, killed: 0, wounded: 0 });
    expect(digest.omitted).toBe(2);
    expect(digest.groups.map((g) => g.items.map((i) => i.reportId))).toEqual([
      Array.from({ length: 30 }, (_, k) => 32 - k),
    ]);
  });

  it('makes the longest telling the primary, then the earliest; the others by date then id', () => {
    const copy = (id: number, source: string, publishedAt: string, body = MAYADIN_IED.body): DigestReport =>
      digestReport({ title: MAYADIN_IED.title, body }, { id, source, publishedAt });
    const digest = composeDigest([
      copy(1, 'A', '2015-07-24T10:00:00Z'),
      copy(2, 'B', '2015-07-24T08:00:00Z'),
      copy(3, 'C', '2015-07-24T09:00:00Z'),
      copy(4, 'D', '2015-07-24T08:00:00Z'),
    ], OPTIONS);
    expect(outline(digest)).toEqual([['SY09', [[2, [4, 3, 1]]]]]);
    const longer = composeDigest([
      copy(1, 'A', '2015-07-24T08:00:00Z'),
      copy(2, 'B', '2015-07-24T09:00:00Z', `${MAYADIN_IED.body}\n\nوأكدت المصادر أن الدورية كانت تقل خمسة عناصر.`),
    ], OPTIONS);
    expect(outline(longer)).toEqual([['SY09', [[2, [1]]]]]);
  });

  it('refuses a time zone that is not an IANA zone', () => {
    expect(() => composeDigest([], { ...OPTIONS, timezone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});
