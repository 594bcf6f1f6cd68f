import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/understand/gazetteer.js';

describe('loadGazetteer', () => {
  const gazetteer = loadGazetteer();

  it('loads every row of gazetteer.csv, world.csv and landmarks.csv', () => {
    expect(gazetteer.places).toHaveLength(8713 + 528 + 69);
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
});
