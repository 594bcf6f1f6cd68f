import { describe, expect, it } from 'vitest';
import { arabicCount, EVENT, GOVERNORATE, KIND, REPORT, STORY } from '../../../digests/render/arabic-counts.js';

describe('arabicCount', () => {
  it.each([
    [0, 'لا تقارير', 'لا محافظات', 'لا أنواع', 'لا أخبار'],
    [1, 'تقرير واحد', 'محافظة واحدة', 'نوع واحد', 'خبر واحد'],
    [2, 'تقريران', 'محافظتان', 'نوعان', 'خبران'],
    [3, '3 تقارير', '3 محافظات', '3 أنواع', '3 أخبار'],
    [10, '10 تقارير', '10 محافظات', '10 أنواع', '10 أخبار'],
    [11, '11 تقريراً', '11 محافظة', '11 نوعاً', '11 خبراً'],
    [99, '99 تقريراً', '99 محافظة', '99 نوعاً', '99 خبراً'],
    [100, '100 تقرير', '100 محافظة', '100 نوع', '100 خبر'],
    [101, '101 تقرير', '101 محافظة', '101 نوع', '101 خبر'],
    [102, '102 تقرير', '102 محافظة', '102 نوع', '102 خبر'],
    [103, '103 تقارير', '103 محافظات', '103 أنواع', '103 أخبار'],
    [110, '110 تقارير', '110 محافظات', '110 أنواع', '110 أخبار'],
    [111, '111 تقريراً', '111 محافظة', '111 نوعاً', '111 خبراً'],
    [200, '200 تقرير', '200 محافظة', '200 نوع', '200 خبر'],
    [1000, '1000 تقرير', '1000 محافظة', '1000 نوع', '1000 خبر'],
    [1013, '1013 تقريراً', '1013 محافظة', '1013 نوعاً', '1013 خبراً'],
  ])('%i', (n, report, governorate, kind, story) => {
    expect([arabicCount(n, REPORT), arabicCount(n, GOVERNORATE), arabicCount(n, KIND), arabicCount(n, STORY)]).toEqual([
      report,
      governorate,
      kind,
      story,
    ]);
  });

  it.each([
    [REPORT, 'تقريران', 'تقريرين'],
    [GOVERNORATE, 'محافظتان', 'محافظتين'],
    [KIND, 'نوعان', 'نوعين'],
    [STORY, 'خبران', 'خبرين'],
    [EVENT, 'حدثان', 'حدثين'],
  ])('puts the dual in the genitive after a preposition (%#)', (noun, nominative, genitive) => {
    expect(arabicCount(2, noun, 'nominative')).toBe(nominative);
    expect(arabicCount(2, noun, 'genitive')).toBe(genitive);
    // Only the dual changes with the case.
    expect(arabicCount(3, noun, 'genitive')).toBe(arabicCount(3, noun));
    expect(arabicCount(1, noun, 'genitive')).toBe(arabicCount(1, noun));
  });

  it.each([
    [1, 'حدث واحد'], [2, 'حدثان'], [3, '3 أحداث'], [11, '11 حدثاً'], [100, '100 حدث'],
  ])('events: %i → %s', (n, expected) => {
    expect(arabicCount(n, EVENT)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s', (n) => {
    expect(() => arabicCount(n, REPORT)).toThrow(RangeError);
  });
});
