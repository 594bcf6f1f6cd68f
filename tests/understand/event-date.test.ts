import { describe, expect, it } from 'vitest';
import { recallsThePast, relativeEventDate, shiftDate } from '../../src/understand/event-date.js';

// 2018-06-24 is a Sunday.
const PUBLISHED = '2018-06-24T08:00:00Z';

describe('relativeEventDate', () => {
  it.each([
    ['أمس: the day before', 'قتل ثلاثة عناصر أمس في الرقة', '2018-06-23', 1],
    ['a proclitic: وأمس', 'وأمس قتل ثلاثة', '2018-06-23', 1],
    ['أول أمس: two days before', 'انفجرت عبوة أول أمس', '2018-06-22', 1],
    ['فجر اليوم: the day itself', 'شن التنظيم هجوما فجر اليوم', '2018-06-24', 1],
    ['ليل السبت: the last Saturday', 'هاجم مسلحون حاجزا ليل السبت', '2018-06-23', 1],
    ['الثلاثاء الماضي: the last Tuesday before', 'قتل في الثلاثاء الماضي خمسة', '2018-06-19', 1],
    ['الأحد on a Sunday: that day', 'أعلن الجيش الأحد مقتل خمسة', '2018-06-24', 1],
    ['الأحد الماضي on a Sunday: a week before', 'قتل الأحد الماضي خمسة', '2018-06-17', 1],
    ['الليلة الماضية: the night before', 'قصف الليلة الماضية', '2018-06-23', 1],
    ['الأسبوع الماضي: the week before, week precision', 'قتل الأسبوع الماضي', '2018-06-17', 2],
  ] as const)('%s', (_name, sentence, date, precision) => {
    expect(relativeEventDate(sentence, PUBLISHED)).toEqual({ date, precision });
  });

  it.each([
    ['no word of when', 'قتل ثلاثة عناصر في الرقة'],
    ['اليوم alone means nowadays', 'يعيش السوريون اليوم أزمة'],
  ])('%s: null', (_name, sentence) => {
    expect(relativeEventDate(sentence, PUBLISHED)).toBeNull();
  });

  it('shiftDate crosses months and years', () => {
    expect([shiftDate('2019-03-01', -1), shiftDate('2019-01-01T05:00:00Z', -1)]).toEqual(['2019-02-28', '2018-12-31']);
  });
});

describe('recallsThePast', () => {
  it.each([
    ['a month gone by', 'أسفر الهجوم في أكتوبر الماضي عن مقتل 16', true],
    ['a two-word month gone by', 'وقع الهجوم في تشرين الأول الماضي', true],
    ['last month', 'قتل 60 شخصا الشهر الماضي', true],
    ['a month of an earlier year', 'اغتياله في تفجير استهدفه في دمشق في فبراير 2008', true],
    ['the last months', 'أعمال تخريب خلال الأشهر الأخيرة انطلاقا من الإقليم', true],
    ['last week: a week or more old is history', 'بعد هجوم بغاز سام أسفر عن مقتل نحو 60 شخصا الأسبوع الماضي', true],
    ['a year before publication', 'سيطر التنظيم على المدينة عام 2014', true],
    ['since a year', 'يسيطر التنظيم على المدينة منذ 2014', true],
    ['a sentence opening on the pluperfect recalls background', 'وكان سلاح الجو قد نفذ ضربة جوية ليل الخميس أسفرت عن مقتل 7 مسلحين', true],
    ['a weekday gone by is the news', 'قتل خمسة الثلاثاء الماضي', false],
    ['the publication year is the news', 'في عام 2018 قتل خمسة', false],
    ['no time words', 'قتل خمسة في الرقة', false],
  ])('%s', (_name, sentence, expected) => {
    expect(recallsThePast(sentence, PUBLISHED)).toBe(expected);
  });
});
