import { describe, expect, it } from 'vitest';
import { combineRanges, findTimeExpressions } from '../../src/search/parse-time.js';

const now = new Date('2026-11-22T10:00:00Z');

describe('findTimeExpressions', () => {
  it.each([
    ['sleeper cells Hasakah since 2022', 'since 2022', '2022-01-01', null],
    ['car bombs Deir ez-Zor 2019', '2019', '2019-01-01', '2020-01-01'],
    ['attacks in 2019', 'in 2019', '2019-01-01', '2020-01-01'],
    ['attacks during 2017', 'during 2017', '2017-01-01', '2018-01-01'],
    ['attacks after 2018', 'after 2018', '2018-01-01', null],
    ['attacks before 2016', 'before 2016', null, '2016-01-01'],
    ['between 2015 and 2018', 'between 2015 and 2018', '2015-01-01', '2019-01-01'],
    ['from 2015 to 2017', 'from 2015 to 2017', '2015-01-01', '2018-01-01'],
    ['2015-2017 bombings', '2015-2017', '2015-01-01', '2018-01-01'],
    ['attacks last month', 'last month', '2026-10-23', null],
    ['attacks last week', 'last week', '2026-11-15', null],
    ['attacks past year', 'past year', '2025-11-22', null],
    ['attacks past 3 days', 'past 3 days', '2026-11-19', null],
    ['attacks this year', 'this year', '2026-01-01', null],
    ['هجمات منذ 2022', 'منذ 2022', '2022-01-01', null],
    ['هجمات منذ ٢٠٢٢', 'منذ 2022', '2022-01-01', null],
    ['هجمات في عام 2019', 'في عام 2019', '2019-01-01', '2020-01-01'],
    ['هجمات عام 2019', 'عام 2019', '2019-01-01', '2020-01-01'],
    ['هجمات سنة 2018', 'سنه 2018', '2018-01-01', '2019-01-01'],
    ['هجمات قبل 2016', 'قبل 2016', null, '2016-01-01'],
    ['هجمات بين 2015 و 2017', 'بين 2015 و 2017', '2015-01-01', '2018-01-01'],
    ['هجمات الشهر الماضي', 'الشهر الماضي', '2026-10-23', null],
    ['هجمات الأسبوع الماضي', 'الاسبوع الماضي', '2026-11-15', null],
    ['هجمات هذا العام', 'هذا العام', '2026-01-01', null],
  ])('%s → %s', (query, surface, since, until) => {
    const { matches } = findTimeExpressions(query, now);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ surface, since, until });
  });

  it.each([
    ['10,000 fighters'],
    ['1 March'],
    ['year 1850'],
    ['attacks'],
    ['في العام'],
    ['اليومية'],
    [''],
  ])('finds no date in %j', (query) => {
    expect(findTimeExpressions(query, now).matches).toEqual([]);
  });

  it('returns spans into the normalized text it returns', () => {
    const { text, matches } = findTimeExpressions('هجمات منذ ٢٠٢٢ في الرقة', now);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('منذ 2022');
  });
});

describe('combineRanges', () => {
  it('intersects ranges', () => {
    expect(combineRanges([{ since: '2018-01-01', until: null }, { since: null, until: '2020-01-01' }])).toEqual({
      since: '2018-01-01',
      until: '2020-01-01',
    });
    expect(combineRanges([])).toEqual({ since: null, until: null });
  });
});
