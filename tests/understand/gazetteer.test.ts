import { describe, expect, it } from 'vitest';
import { countryCodeOf, isLandmark, loadGazetteer } from '../../src/understand/gazetteer.js';

describe('loadGazetteer', () => {
  const gazetteer = loadGazetteer();

  it('loads every row of gazetteer.csv, world.csv and landmarks.csv', () => {
    expect(gazetteer.places).toHaveLength(8713 + 542 + 71);
  });

  it.each<[string, string, string | null, string[]]>([
    ['SY', 'admin0', null, ['SY']],
    ['SY11', 'admin1', 'SY11', ['SY11']],
    ['SY1101', 'admin2', 'SY11', ['SY1101', 'SY11']],
    ['C5710', 'admin4', 'SY11', ['C5710', 'SY110100', 'SY1101', 'SY11']],
    ['IQG15Q05', 'admin2', 'IQG15', ['IQG15Q05', 'IQG15']],
  ])('%s is %s in %s', (pcode, level, admin1, lineage) => {
    const place = gazetteer.get(pcode)!;
    expect(place.level).toBe(level);
    expect(place.admin1Pcode).toBe(admin1);
    expect(place.lineage).toEqual(lineage);
  });

  it.each<[string, string[]]>([
    ['الرقه', ['SY11', 'SY1101', 'SY110100', 'C5710']],
    ['البوكمال', ['SY0902', 'SY090200', 'C5167']],
    ['الحسكه', ['SY08', 'SY0800', 'SY080000', 'C4360']],
  ])('indexes the normalized Arabic name %s', (name, pcodes) => {
    expect(gazetteer.byArabicName.get(name)!.map((p) => p.pcode)).toEqual(pcodes);
  });

  it('lists children and English spellings', () => {
    expect(gazetteer.children('SY09').map((p) => p.pcode).sort()).toEqual(['SY0901', 'SY0902', 'SY0903']);
    expect(gazetteer.englishSpellings('SY09')).toContain('Dayr az-Zawr');
  });

  it('is memoized per path', () => {
    expect(loadGazetteer()).toBe(gazetteer);
  });

  it.each<[string, string, string, string | null, string[], string]>([
    // Countries: ISO 3166-1 alpha-2 P-code, alpha-3 country.
    ['TR', 'admin0', 'TUR', null, ['TR'], 'TR'],
    // Provinces: ISO 3166-2 P-code under their country.
    ['IR-08', 'admin1', 'IRN', 'IR-08', ['IR-08'], 'IR'],
    // Cities: province code plus a name, under their province.
    ['IR-06-AHVAZ', 'admin2', 'IRN', 'IR-06', ['IR-06-AHVAZ', 'IR-06'], 'IR'],
    // Landmarks: linked to the place they lie in.
    ['LM-SY-HMEIMIM', 'admin4', 'SYR', 'SY06', ['LM-SY-HMEIMIM', 'C3588', 'SY060200', 'SY0602', 'SY06'], 'SY'],
    ['IQG15Q05', 'admin2', 'IRQ', 'IQG15', ['IQG15Q05', 'IQG15'], 'IQ'],
  ])('world row %s is %s in %s', (pcode, level, country, admin1, lineage, countryCode) => {
    const place = gazetteer.get(pcode)!;
    expect([place.level, place.country, place.admin1Pcode, place.lineage, countryCodeOf(place)])
      .toEqual([level, country, admin1, lineage, countryCode]);
  });

  it('gives world places and landmarks points and features', () => {
    const hmeimim = gazetteer.get('LM-SY-HMEIMIM')!;
    expect([hmeimim.feature, isLandmark(hmeimim), hmeimim.lat, hmeimim.lon]).toEqual(['airbase', true, 35.41, 35.95]);
    expect([gazetteer.get('TR-06')!.feature, isLandmark(gazetteer.get('TR-06')!)]).toEqual(['capital', false]);
    expect(gazetteer.get('SY11')!.feature).toBeUndefined();
  });

  it('every world and landmark row has a point and a known parent', () => {
    const extra = gazetteer.places.filter((p) => !/^(SY|IQ|C\d)/u.test(p.pcode));
    expect(extra).toHaveLength(542 + 71);
    for (const p of extra) {
      expect([p.pcode, p.lat !== null && p.lon !== null]).toEqual([p.pcode, true]);
      if (p.parentPcode) expect([p.pcode, gazetteer.get(p.parentPcode) !== undefined]).toEqual([p.pcode, true]);
    }
  });
});
