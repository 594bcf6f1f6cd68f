import { describe, expect, it } from 'vitest';
import { resolvePlaceName, suggestPlaces } from '../../src/understand/english-place-names.js';
import { findPlacesEnglish } from '../../src/understand/find-places-english.js';
import { foldLatinName } from '../../src/understand/fold-latin-name.js';

describe('resolvePlaceName', () => {
  it.each<[string, string]>([
    ['Raqqa', 'SY11'], ['Raqa', 'SY11'], ['Ar-Raqqah', 'SY11'], ['Al-Raqqah', 'SY11'], ['Rakka', 'SY11'],
    ['Deir ez-Zor', 'SY09'], ['Deir al-Zour', 'SY09'], ['Dayr az-Zawr', 'SY09'], ['Deir Ezzor', 'SY09'],
    ['Deir-ez-Zor', 'SY09'], ['Deir el-Zor', 'SY09'], ['Dair Alzour', 'SY09'],
    ['Hasakah', 'SY08'], ['Hasaka', 'SY08'], ['Al-Hasakeh', 'SY08'], ['Hassakeh', 'SY08'], ['Al-Hasakah', 'SY08'],
    ['Abu Kamal', 'SY0902'], ['Albukamal', 'SY0902'], ['Al-Bukamal', 'SY0902'], ['Bukamal', 'SY0902'],
    ['Mosul', 'IQG15Q05'], ['Mousul', 'IQG15Q05'],
    ['Homs', 'SY04'], ['Idlib', 'SY07'], ['Idleb', 'SY07'], ['Aleppo', 'SY02'], ['Halab', 'SY02'],
    ['Palmyra', 'SY0405'], ['Tadmur', 'SY0405'], ['Manbij', 'SY0205'], ['Menbij', 'SY0205'],
    ['Kobani', 'SY0206'], ['Ain al-Arab', 'SY0206'], ['Tabqa', 'C8745'], ['Khan Bani Saad', 'IQG10Q04N02'], ['Tabaqa', 'C8745'], ['al-Tabqa', 'C8745'],
    ['Mayadin', 'SY0903'], ['Al-Mayadeen', 'SY0903'], ['Baghouz', 'C6795'], ['Al-Baghuz', 'C6795'],
    ['Shuhayl', 'C5119'], ['Al-Shuhail', 'C5119'],
    ['Sweida', 'SY13'], ['Suwayda', 'SY13'], ['As-Sweida', 'SY13'], ['Hol', 'SY080006'], ['Al-Hol', 'SY080006'],
    ['Fallujah', 'IQG01Q01'], ['Ramadi', 'IQG01Q03'], ['Kirkuk', 'IQG13'], ['Salahuddin', 'IQG16'],
    ['Salah al-Din', 'IQG16'], ['Anbar', 'IQG01'], ['Tikrit', 'IQG16Q06'], ['Sinjar', 'IQG15Q07'],
    ['Tal Afar', 'IQG15Q08'], ['Iraq', 'IQ'], ['Syria', 'SY'],
  ])('%s → %s', (name, pcode) => {
    expect(resolvePlaceName(name)[0]?.pcode).toBe(pcode);
  });

  it('returns nothing for an unknown name', () => {
    expect(resolvePlaceName('Atlantis')).toEqual([]);
  });
});

describe('foldLatinName', () => {
  it.each<[string, string]>([
    ['Deir ez-Zor', 'dayrzur'], ['Dayr az-Zawr', 'dayrzur'], ['Deir Ezzor', 'dayrzur'],
    ['Ar-Raqqah', 'rak'], ['Rakka', 'rak'], ['Al-Hasakeh', 'hasak'], ['Hassakeh', 'hasak'],
    ['Raqqa Governorate', 'rak'],
  ])('%s → %s', (name, key) => {
    expect(foldLatinName(name)).toBe(key);
  });
});

describe('suggestPlaces', () => {
  it.each<[string, string]>([
    ['Raqqqa', 'SY11'],
    ['Deir ezor', 'SY09'],
    ['Hasakka', 'SY08'],
    ['Mosol', 'IQG15Q05'],
  ])('%s → %s first', (name, pcode) => {
    expect(suggestPlaces(name)[0]?.pcode).toBe(pcode);
  });

  it('gives at most n places, one per governorate', () => {
    const suggestions = suggestPlaces('Deir ezor', 3);
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(new Set(suggestions.map((p) => p.admin1Pcode)).size).toBe(suggestions.length);
  });

  it('suggests nothing for a name far from every place', () => {
    expect(suggestPlaces('Xyzzyqw')).toEqual([]);
  });
});

describe('findPlacesEnglish', () => {
  it.each<[string, [string, string][]]>([
    ['attacks in Raqqa', [['Raqqa', 'SY11']]],
    ['car bombs Deir ez-Zor 2019', [['Deir ez-Zor', 'SY09']]],
    ['sleeper cells Hasakah since 2022', [['Hasakah', 'SY08']]],
    ['ISIS in al Raqqa and Dayr az-Zawr', [['al Raqqa', 'SY11'], ['Dayr az-Zawr', 'SY09']]],
    ['attacks at Raqqa', [['Raqqa', 'SY11']]],
    ['IEDs near Abu Kamal and Al-Mayadeen', [['Abu Kamal', 'SY0902'], ['Al-Mayadeen', 'SY0903']]],
    ['al-Hol camp escape', [['al-Hol camp', 'SY080006']]],
    ['Mosul and Tal Afar', [['Mosul', 'IQG15Q05'], ['Tal Afar', 'IQG15Q08']]],
    ['Syria Iraq', [['Syria', 'SY'], ['Iraq', 'IQ']]],
    ['what happened in Deir Ezzor last week', [['Deir Ezzor', 'SY09']]],
    ['suicide bombers and the coalition', []],
  ])('%s', (text, expected) => {
    expect(findPlacesEnglish(text).map((m) => [m.surface, m.pcode])).toEqual(expected);
  });
});

describe('resolvePlaceName: the world and landmarks', () => {
  it.each<[string, string]>([
    ['Kerman', 'IR-08'], ['Ahvaz', 'IR-06-AHVAZ'], ['Ahwaz', 'IR-06-AHVAZ'], ['Gaziantep', 'TR-27'], ['Antep', 'TR-27'],
    ['Qatif', 'SA-04-QATIF'], ['al-Arish', 'EG-SIN-ARISH'], ['El Arish', 'EG-SIN-ARISH'], ['Ankara', 'TR-06'],
    ['Istanbul', 'TR-34'], ['Beirut', 'LB-BA'], ['Aden', 'YE-AD'], ['Turkey', 'TR'], ['Jordan', 'JO'], ['Iran', 'IR'],
    ['Saudi Arabia', 'SA'], ['Kuwait', 'KW'], ['Egypt', 'EG'], ['North Sinai', 'EG-SIN'], ['Libya', 'LY'],
    ['Yemen', 'YE'], ['Afghanistan', 'AF'], ['Pakistan', 'PK'], ['Paris', 'FR-IDF'], ['Akkar', 'LB-AK'],
    ['Tabqa Dam', 'LM-SY-TABQA-DAM'], ['Ghweran prison', 'LM-SY-GHWERAN-PRISON'], ['Ain al-Asad', 'LM-IQ-AINALASAD-BASE'],
    ['Qaraqosh', 'IQG15Q03'],
    ['Sadr City', 'IQG08Q07'],
  ])('%s → %s', (name, pcode) => {
    expect(resolvePlaceName(name)[0]?.pcode).toBe(pcode);
  });
});

describe('findPlacesEnglish: the world and landmarks in a query', () => {
  it.each<[string, [string, string][]]>([
    ['bombing in Kerman', [['Kerman', 'IR-08']]],
    ['attacks in Tabqa', [['Tabqa', 'C8745']]],
    ['Hmeimim Air Base drone attack', [['Hmeimim Air Base', 'LM-SY-HMEIMIM']]],
    // An English word that is also a place name is not one in running text.
    ['a nice van bomb', []],
  ])('%s', (text, expected) => {
    expect(findPlacesEnglish(text).map((m) => [m.surface, m.pcode])).toEqual(expected);
  });
});
