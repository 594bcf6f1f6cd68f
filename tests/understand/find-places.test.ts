import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../src/understand/find-places.js';

/** [pcode, admin1Pcode, surface, descriptor, direction] per mention. */
type Row = [string, string | null, string, string | null, string | null];
const places = (text: string): Row[] =>
  findPlaces(text).map((m) => [m.pcode, m.admin1Pcode, m.surface, m.descriptor ?? null, m.direction ?? null]);

describe('findPlaces: proclitics', () => {
  it.each<[string, Row[]]>([
    ['بالرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    ['والرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    ['فالرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    ['كالرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    ['للرقة', [['SY11', 'SY11', 'لرقة', null, null]]],
    ['لدير الزور', [['SY09', 'SY09', 'دير الزور', null, null]]],
    ['وبدير الزور', [['SY09', 'SY09', 'دير الزور', null, null]]],
    ['بالموصل', [['IQG15Q05', 'IQG15', 'الموصل', null, null]]],
    ['ديرالزور', [['SY09', 'SY09', 'ديرالزور', null, null]]],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });

  it('reports offsets of the name without its proclitic', () => {
    expect(findPlaces('وبدير الزور')).toEqual([
      { pcode: 'SY09', admin1Pcode: 'SY09', start: 2, end: 11, surface: 'دير الزور' },
    ]);
  });
});

describe('findPlaces: descriptors and directions', () => {
  it.each<[string, Row[]]>([
    ['في ريف دير الزور الشرقي', [['SY09', 'SY09', 'ريف دير الزور الشرقي', 'ريف', 'شرقي']]],
    ['بادية حمص', [['SY04', 'SY04', 'بادية حمص', 'بادية', null]]],
    ['ريف السويداء الشمالي الشرقي', [['SY13', 'SY13', 'ريف السويداء الشمالي الشرقي', 'ريف', 'شمالي شرقي']]],
    ['بادية دير الزور الجنوبية', [['SY09', 'SY09', 'بادية دير الزور الجنوبية', 'بادية', 'جنوبي']]],
    ['بريف حمص', [['SY04', 'SY04', 'ريف حمص', 'ريف', null]]],
    ['شمال شرق حلب', [['SY02', 'SY02', 'شمال شرق حلب', null, 'شمال شرق']]],
    ['وسط مدينة الرقة', [['C5710', 'SY11', 'وسط مدينة الرقة', 'مدينة', 'وسط']]],
    ['محافظة الحسكة', [['SY08', 'SY08', 'محافظة الحسكة', 'محافظة', null]]],
    ['مدينة الحسكة', [['C4360', 'SY08', 'مدينة الحسكة', 'مدينة', null]]],
    // A camp that is a landmark resolves to the landmark (its parent is the al-Hol community).
    ['مخيم الهول', [['LM-SY-HOL-CAMP', 'SY08', 'مخيم الهول', null, null]]],
    ['محافظتي كركوك وصلاح الدين', [['IQG13', 'IQG13', 'محافظتي كركوك', 'محافظة', null], ['IQG16', 'IQG16', 'صلاح الدين', null, null]]],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });
});

describe('findPlaces: resolution', () => {
  it.each<[string, Row[]]>([
    // A governorate or district of the name wins over communities of the same name.
    ['الرقة', [['SY11', 'SY11', 'الرقة', null, null]]],
    // Iraq's district wins over a Syrian sub-district or community of the same name.
    ['سنجار', [['IQG15Q07', 'IQG15', 'سنجار', null, null]]],
    ['الرمادي', [['IQG01Q03', 'IQG01', 'الرمادي', null, null]]],
    // Well-known towns count without a cue.
    ['سقوط الباغوز', [['C6795', 'SY09', 'الباغوز', null, null]]],
    ['مدينة الشحيل', [['C5119', 'SY09', 'مدينة الشحيل', 'مدينة', null]]],
    // A community is resolved in the governorate named right after it; ambiguous without one.
    ['قرية الحرية', []],
    ['قرية الحرية بريف الرقة', [['C6384', 'SY11', 'قرية الحرية', 'قرية', null], ['SY11', 'SY11', 'ريف الرقة', 'ريف', null]]],
    // A common word counts when coordinated with a place of its governorate, or after a city cue.
    ['الرقة والطبقة', [['SY11', 'SY11', 'الرقة', null, null], ['C8745', 'SY11', 'الطبقة', null, null]]],
    ['مدينة الطبقة', [['C8745', 'SY11', 'مدينة الطبقة', 'مدينة', null]]],
    ['الحسكة والشدادي', [['SY08', 'SY08', 'الحسكة', null, null], ['SY080002', 'SY08', 'الشدادي', null, null]]],
    ['دير الزور وميادين والبوكمال', [
      ['SY09', 'SY09', 'دير الزور', null, null], ['SY0903', 'SY09', 'ميادين', null, null], ['SY0902', 'SY09', 'البوكمال', null, null],
    ]],
    // A city descriptor picks the community of the name inside the district.
    ['مدينة منبج', [['C1767', 'SY02', 'مدينة منبج', 'مدينة', null]]],
    ['قضاء سنجار', [['IQG15Q07', 'IQG15', 'قضاء سنجار', 'قضاء', null]]],
    ['في سوريا', [['SY', null, 'سوريا', null, null]]],
    ['العراق وسورية', [['IQ', null, 'العراق', null, null], ['SY', null, 'سورية', null, null]]],
  ])('%s', (text, expected) => {
    expect(places(text)).toEqual(expected);
  });
});

describe('findPlaces: words that are not places here', () => {
  it.each<[string]>([
    ['أعلن النصر على «خلافة داعش»'],
    ['الثورة السورية'],
    ['في شارع النور وسط'],
    ['قوات سوريا الديمقراطية'],
    ['مناطق سوريا الديمقراطية'],
    ['تنظيم الدولة الإسلامية في العراق والشام'],
    ['مصادر سورية أكدت'],
    ['الحرية والسلام والأمن'],
    ['التحالف الدولي والقاعدة'],
    ['الطبقة السياسية'],
    ['شرق الفرات'],
    ['البادية السورية'],
    ['الذي كسبه الهلال'],
    ['قرية صغيرة'],
    ['من ناحية أخرى'],
    ['القضاء على التنظيم'],
    ['الجديدة'],
    ['دعم مالي'],
    ['النظام مصر على الحل العسكري'],
    ['القوات السعودية'],
    ['صلاة المغرب'],
  ])('%s', (text) => {
    expect(findPlaces(text)).toEqual([]);
  });
});
