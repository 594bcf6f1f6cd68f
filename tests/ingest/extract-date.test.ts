import { describe, expect, it } from 'vitest';
import { cleanPageText } from '../../src/ingest/clean-page-text.js';
import { findCaptureTime, findPublishedDate, parseDate, parseDateValue } from '../../src/ingest/extract-date.js';
import { findDateMentions, readDateLine } from '../../src/ingest/find-date-mentions.js';
import { readSeed } from './seed-pages.js';

describe('month names in both series', () => {
  it.each([
    ['يناير', '01'], ['كانون الثاني', '01'],
    ['فبراير', '02'], ['شباط', '02'],
    ['مارس', '03'], ['آذار', '03'], ['اذار', '03'],
    ['أبريل', '04'], ['ابريل', '04'], ['إبريل', '04'], ['نيسان', '04'],
    ['مايو', '05'], ['أيار', '05'], ['ايار', '05'],
    ['يونيو', '06'], ['يونيه', '06'], ['حزيران', '06'],
    ['يوليو', '07'], ['يوليه', '07'], ['تموز', '07'],
    ['أغسطس', '08'], ['اغسطس', '08'], ['آب', '08'],
    ['سبتمبر', '09'], ['أيلول', '09'], ['ايلول', '09'],
    ['أكتوبر', '10'], ['اكتوبر', '10'], ['تشرين الأول', '10'], ['تشرين الاول', '10'],
    ['نوفمبر', '11'], ['تشرين الثاني', '11'],
    ['ديسمبر', '12'], ['كانون الأول', '12'], ['كانون الاول', '12'],
  ])('"14 %s 2019" is 2019-%s-14', (month, mm) => {
    expect(parseDate(`14 ${month} 2019`)).toBe(`2019-${mm}-14`);
    expect(readDateLine(`14 ${month}، 2019`)?.date).toBe(`2019-${mm}-14`);
  });
});

describe('parseDate', () => {
  it.each([
    // ISO 8601
    ['2022-02-24', '2022-02-24'],
    ['2015-07-21T02:51:32', '2015-07-21T02:51:32'],
    ['2015-07-21 02:51:32', '2015-07-21T02:51:32'],
    ['2015-07-21T02:51:32Z', '2015-07-21T02:51:32Z'],
    ['2015-07-21T02:51:32.123+0300', '2015-07-21T02:51:32+03:00'],
    ['2015-07-21T02:51+03:00', '2015-07-21T02:51:00+03:00'],
    // RFC 822 / 1123 as in RSS
    ['Tue, 21 Jul 2015 02:51:32 GMT', '2015-07-21T02:51:32Z'],
    ['Tue, 21 Jul 2015 02:51:32 +0300', '2015-07-21T02:51:32+03:00'],
    ['21 Jul 15 02:51 EST', '2015-07-21T02:51:00-05:00'],
    ['Tue, 21 Jul 2015', '2015-07-21'],
    // Unknown zone name: dropped, the time stays local rather than guessed.
    ['Tue, 21 Jul 2015 02:51:32 XYZ', '2015-07-21T02:51:32'],
    // Numeric, day first
    ['24/02/2022', '2022-02-24'],
    ['24-02-2022', '2022-02-24'],
    ['24.02.2022', '2022-02-24'],
    ['4/2/2022', '2022-02-04'],
    ['2022/02/24', '2022-02-24'],
    // A "month" over 12 can only be the day: read month first.
    ['02/24/2022', '2022-02-24'],
    // Eastern Arabic and extended (Persian) digits
    ['٢٤/٠٢/٢٠٢٢', '2022-02-24'],
    ['۲۴/۰۲/۲۰۲۲', '2022-02-24'],
    ['٢٤ فبراير ٢٠٢٢', '2022-02-24'],
    // Words
    ['الخميس 24 شباط/فبراير 2022', '2022-02-24'],
    ['24 من شباط عام 2022', '2022-02-24'],
    ['February 24, 2022', '2022-02-24'],
    ['24 نوفمبر، 2024 4:13 م', '2024-11-24T16:13:00'],
    ['24 نوفمبر، 2024 12:05 ص', '2024-11-24T00:05:00'],
    ['29/02/2024', '2024-02-29'],
  ])('%j → %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['31/02/2022'], ['29/02/2023'], ['31/04/2022'], ['00/01/2022'], ['24/13/2022'], ['32 يناير 2022'],
    ['2022-02-30'], ['2022-13-01'], ['1989-12-31'], ['2101-01-01'], ['2015-07-21T25:00:00'],
    ['2015-07-21T10:00:00+15:00'], ['فبراير 2022'], ['قبل يومين'], [''], ['نص 24/02/2022 آخر'],
  ])('%j is not a date', (input) => {
    expect(parseDate(input)).toBeNull();
  });
});

describe('parseDateValue', () => {
  it.each([
    ['a string', '24/02/2022', '2022-02-24'],
    ['epoch seconds', 1645660800, '2022-02-24'],
    ['epoch milliseconds', 1645700400000, '2022-02-24T11:00:00Z'],
    ['a Date at UTC midnight', new Date('2022-02-24T00:00:00Z'), '2022-02-24'],
    ['a Date with a time', new Date('2015-07-21T02:51:32Z'), '2015-07-21T02:51:32Z'],
    ['an invalid Date', new Date('nope'), null],
    ['a year out of range', 0, null],
    ['an object', { date: '2022-02-24' }, null],
  ])('%s', (_name, value, expected) => {
    expect(parseDateValue(value)).toBe(expected);
  });
});

describe('findDateMentions', () => {
  it('finds every valid date with its original spelling and offsets', () => {
    const text = 'في ٢٣ آذار 2019 أعلن، وفي 31/02/2020 لا، ثم 2021-05-06.';
    expect(findDateMentions(text)).toEqual([
      { date: '2019-03-23', text: '٢٣ آذار 2019', start: 3, end: 15 },
      { date: '2021-05-06', text: '2021-05-06', start: 44, end: 54 },
    ]);
  });
});

describe('findPublishedDate', () => {
  const body = 'أعلنت قوات سوريا الديمقراطية اعتقال خلية لتنظيم داعش في ريف دير الزور الشرقي.';

  it.each([
    ['000', { date: '2022-02-24', source: 'text', evidence: '24/02/2022' }],
    ['001', null],
    ['002', null],
    ['003', null],
    ['004', null],
  ])('seed %s → %j', (seed, expected) => {
    const raw = readSeed(seed);
    expect(findPublishedDate(raw)).toEqual(expected);
    expect(findPublishedDate(raw, cleanPageText(raw))).toEqual(expected);
  });

  it.each([
    ['a dateline under the headline', `عنوان الخبر\n\n24/02/2022\n\n${body}`, '2022-02-24', '24/02/2022'],
    ['a dateline with weekday', `عنوان الخبر\nالخميس 24 شباط 2022\n${body}`, '2022-02-24', 'الخميس 24 شباط 2022'],
    ['a dateline in Eastern digits', `عنوان الخبر\n٢٤/٠٢/٢٠٢٢\n${body}`, '2022-02-24', '٢٤/٠٢/٢٠٢٢'],
    ['a dateline with a clock', `عنوان الخبر\n24.02.2022 - 10:30\n${body}`, '2022-02-24T10:30:00', '24.02.2022 - 10:30'],
    ['a publish label at the bottom', `عنوان الخبر\n\n${body}\n\nتاريخ النشر: 24 فبراير 2022`, '2022-02-24', 'تاريخ النشر: 24 فبراير 2022'],
    ['a voweled label with a byline', `عنوان الخبر\nبقلم فلان | نُشر في ٢٤ يناير ٢٠٢٢\n${body}`, '2022-01-24', 'بقلم فلان | نُشر في ٢٤ يناير ٢٠٢٢'],
    ['a publish label over a dateline', `عنوان الخبر\n01/01/2022\n${body}\nنشر بتاريخ: 2022-02-24`, '2022-02-24', 'نشر بتاريخ: 2022-02-24'],
    ['an update label as a last resort', `عنوان الخبر\n\n${body}\n\nآخر تحديث: 25/02/2022`, '2022-02-25', 'آخر تحديث: 25/02/2022'],
    ['a clock not beside chrome', `24 نوفمبر، 2024 4:13 م\n\nعنوان الخبر\n\n${body}`, '2024-11-24T16:13:00', '24 نوفمبر، 2024 4:13 م'],
  ])('reads %s', (_name, raw, date, evidence) => {
    expect(findPublishedDate(raw)).toEqual({ date, source: 'text', evidence });
  });

  it.each([
    ['an event date inside a sentence', `عنوان الخبر\n\nفي 23 آذار 2019 أعلن التحالف القضاء على التنظيم عسكرياً.\n${body}`],
    ['a label followed by prose', `عنوان الخبر\n\nوكان التنظيم قد نشر في 3 آذار 2019 تسجيلاً مصوراً.`],
    ['an invalid dateline', `عنوان الخبر\n\n31/02/2022\n\n${body}`],
    ['a month and year without a day', `عنوان الخبر\n\nشباط 2022\n\n${body}`],
    ['a dateline below the first lines', `عنوان\n${body}\n${body}\n${body}\n${body}\n24/02/2022\n${body}`],
    ['a header clock beside site chrome', `24 نوفمبر، 2024 4:13 ص\nSearch\nClose this search box.\n\nعنوان الخبر\n\n${body}`],
    ['no date at all', body],
  ])('gives null for %s', (_name, raw) => {
    expect(findPublishedDate(raw)).toBeNull();
  });

  it('accepts a dateline anywhere above the body when given the cleaned page', () => {
    const raw = `Search\nClose this search box.\nالقائمة\nالرئيسية\nعنوان الخبر\nعنوان الخبر\n24/02/2022\n\n${body}`;
    expect(findPublishedDate(raw)).toBeNull();
    expect(findPublishedDate(raw, cleanPageText(raw))).toEqual({ date: '2022-02-24', source: 'text', evidence: '24/02/2022' });
  });
});

describe('findCaptureTime', () => {
  it.each([
    ['004', { date: '2024-11-24T04:13:00', source: 'capture', evidence: '24 نوفمبر، 2024 4:13 ص' }],
    ['000', null],
    ['003', null],
  ])('seed %s → %j', (seed, expected) => {
    expect(findCaptureTime(readSeed(seed))).toEqual(expected);
  });
});
