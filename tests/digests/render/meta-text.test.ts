import { describe, expect, it } from 'vitest';
import { metaText } from '../../../digests/render/digest-wording.js';
import { makeItem } from './make-digest.js';

describe('digest dates keep the year when it is not the digest\'s year', () => {
  it.each([
    ['this year: the day and month', '2024-03-04T06:30:00Z', '2024-06-01T05:00:00Z', 'نُشر في 4 آذار'],
    ['a past year: with the year', '2019-03-04T06:30:00Z', '2024-06-01T05:00:00Z', 'نُشر في 4 آذار 2019'],
    ['last year, days before', '2023-12-30T10:00:00Z', '2024-01-02T05:00:00Z', 'نُشر في 30 كانون الأول 2023'],
    ['New Year in Damascus while still the old year in UTC', '2023-12-31T22:30:00Z', '2024-01-02T05:00:00Z', 'نُشر في 1 كانون الثاني'],
  ])('%s', (_name, publishedAt, asOf, expected) => {
    const text = metaText(makeItem(1, { publishedAt }), { timeZone: 'Asia/Damascus', asOf });
    expect(text.split(' · ')[0]).toBe(expected);
  });
});
