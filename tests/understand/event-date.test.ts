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
    ['a day something starts from is no date of it', 'تنكيس الأعلام اعتبارا من الاثنين حدادا على ضحايا الهجوم السبت', '2018-06-23', 1],
  ] as const)('%s', (_name, sentence, date, precision) => {
    expect(relativeEventDate(sentence, PUBLISHED)).toEqual({ date, precision });
  });

  it.each([
    ['no word of when', 'قتل ثلاثة عناصر في الرقة'],
    ['اليوم alone means nowadays', 'يعيش السوريون اليوم أزمة'],
    ['only a day something starts from', 'يبدأ الإضراب اعتبارا من الثلاثاء'],
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
    ['a two-word month without its article', 'وكان هجوم على مجمع الكاتدرائية في القاهرة في ديسمبر/كانون أول 2016 قد أسفر عن مقتل 25 شخصا', true],
    ['the last months', 'أعمال تخريب خلال الأشهر الأخيرة انطلاقا من الإقليم', true],
    ['last week: a week or more old is history', 'بعد هجوم بغاز سام أسفر عن مقتل نحو 60 شخصا الأسبوع الماضي', true],
    ['a year before publication', 'سيطر التنظيم على المدينة عام 2014', true],
    ['since a year', 'يسيطر التنظيم على المدينة منذ 2014', true],
    ['a sentence opening on the pluperfect recalls background', 'وكان سلاح الجو قد نفذ ضربة جوية ليل الخميس أسفرت عن مقتل 7 مسلحين', true],
    ['"it comes the day after" sets the news in context', 'ويأتي القصف غداة مقتل 9 مدنيين في غارة استهدفت مخيما للنازحين', true],
    ['"that came after" too', 'وجاء ذلك بعد ساعات من تفجير في السوق', true],
    ['a sentence that only opens on "came" is the news', 'وجاء الهجوم على الحاجز فجر اليوم وأسفر عن مقتل 3 جنود', false],
    ['كان with an imperfect verb: what used to be', 'وكان تنظيم داعش يستخدم سلاح الطائرات دون طيار لاستهداف القوات إبان معركة الرقة', true],
    ['كان with an imperfect verb dated today is the news', 'وكان كبها يقود مركبة قتلت جنديين إسرائيليين في وقت سابق اليوم', false],
    ['كان before a day is no verb', 'وكان يوم السبت هادئا في الرقة', false],
    ['nor before a Yemeni', 'وكانت يمنية قتلت في القصف على صعدة', false],
    ['كان with a noun, no قد, no verb', 'وكان الهجوم على الحاجز عنيفا وأسفر عن مقتل 3', false],
    ['the few weeks gone by', 'قاتل الحزب المتشددين خلال الأسابيع القليلة الماضية في الزبداني', true],
    ['the two weeks gone by', 'وشهدت محافظة إدلب خلال الأسبوعين الماضيين عمليات اغتيال', true],
    ['the date something ongoing began dates that start', 'قتل 40 فلسطينيا، ليرتفع عدد قتلى مسيرة العودة التي انطلقت في 30 مارس 2018', false],
    ['... but the date of the happening itself is history', 'قتل 5 في هجوم وقع في 30 مارس', true],
    ['months gone by since a happening look back', 'وبعد مضي 19 شهرا على محاولة الانقلاب الذي سقط فيه أكثر من 240 قتيلا، اعتقلت تركيا 50 ألف شخص', true],
    ['two days gone by are still the news', 'بعد مرور يومين على الهجوم قتل 3 جنود', false],
    ['the two days gone by are still the news', 'قتل خمسة مدنيين خلال اليومين الماضيين في درعا', false],
    ['a decade of the last century', 'خرجت السجون في ستينات القرن الماضي زعامات متطرفة', true],
    ['a span of years of one year to another', 'تفجير طاقاته في أفغانستان في الفترة من 1987 حتى 1990', true],
    ['in a year before publication', 'قتل خمسة في 2014', true],
    ['years back after منذ', 'نتيجة المعارك التي يخوضها منذ أربع سنوات', true],
    ['a day of a month 17 days back', 'بعد هجوم دام في 7 يونيو في جنوب البلاد أودى بحياة 32 شخصا', true],
    ['a day of a two-word month 12 days back', 'هاجموا المخيم في 12 حزيران', true],
    ['an ordinal day of this month 17 days back', 'تعرضت المدينة في السابع من الشهر الحالي لهجوم تسبب بمقتل أربعين شخصا', true],
    ['an ordinal day of a named month', 'قتل خمسة في الثالث من مارس', true],
    ['an ordinal day of "the current month" 14 days back', 'قتل خمسة في العاشر من الشهر الجاري', true],
    ['the second day of an offensive is no date', 'قتل خمسة في اليوم الثاني من الهجوم', false],
    ['a day of a month six days back is the news', 'هاجموا المخيم في 18 يونيو', false],
    ['a day of a month in an earlier year', 'قتل خمسة في 20 يونيو 2017', true],
    ['the first attack in years is the news', 'قتل خمسة في أول هجوم من نوعه منذ سنوات', false],
    ['the deadliest since a year is the news', 'الهجوم الأعنف منذ 2014 أودى بحياة 20', false],
    ['a weekday gone by is the news', 'قتل خمسة الثلاثاء الماضي', false],
    ['the publication year is the news', 'في عام 2018 قتل خمسة', false],
    ['no time words', 'قتل خمسة في الرقة', false],
    ['an earlier month of the year, no day', 'بعد الاعتداءين اللذين شهدتهما البلاد في آذار/ مارس في سوسة', true],
    ['the publication month, no day', 'قتل خمسة في يونيو في الرقة', false],
    ['a later month is a date to come', 'تجرى الانتخابات في ديسمبر', false],
    ['years ago after قبل', 'قتل فيها 34 شخصاً أثناء محاولة انقلاب فاشلة قبل عامين', true],
    ['days ago after قبل are the news', 'قتل خمسة في هجوم قبل يومين', false],
    ['weeks ago after قبل', 'قتل 100 مسلح على الأقل في عملية عسكرية أطلقت ضد جماعة بوكو حرام قبل أسبوعين', true],
    ['... not weeks before something', 'قتل خمسة في هجوم قبل أسبوعين من الانتخابات', false],
    ['a world war', 'تمركز في سوريا خلال المراحل المتأخرة من الحرب العالمية الأولى', true],
  ])('%s', (_name, sentence, expected) => {
    expect(recallsThePast(sentence, PUBLISHED)).toBe(expected);
  });
});
