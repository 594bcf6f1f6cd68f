import { describe, expect, it } from 'vitest';
import { findEnglishPhrases, loadEnglishLexicon, parseEnglishLexicon } from '../../src/search/english-lexicon.js';

const lexicon = parseEnglishLexicon(
  ['# --- people', 'mass grave|mass graves\tمقبرة جماعية|مقابر جماعية', 'grave|graves\tمقبرة|مقابر', 'grave\tقبر', '# --- cities abroad', 'ankara\tأنقرة'].join('\n'),
);

describe('parseEnglishLexicon', () => {
  it('reads every English form of a line, and gathers the Arabic of a repeated form', () => {
    expect(lexicon.forms.get('mass graves')).toEqual(['مقبرة جماعية', 'مقابر جماعية']);
    expect(lexicon.forms.get('grave')).toEqual(['مقبرة', 'مقابر', 'قبر']);
  });
  it('marks the countries and cities sections as place-like', () => {
    expect([...lexicon.placeLike]).toEqual(['ankara']);
  });
  it('rejects a line without Arabic', () => {
    expect(() => parseEnglishLexicon('grave')).toThrow(/english<TAB>arabic/);
  });
});

describe('findEnglishPhrases', () => {
  it.each([
    ['Sinjar mass graves', [['mass graves', 7, 18]]],
    ['a grave and graves', [['grave', 2, 7], ['graves', 12, 18]]],
    ['Mass Graves near Ankara', [['mass graves', 0, 11], ['ankara', 17, 23]]],
    ['mass, graves', [['graves', 6, 12]]],
    ['the cemeteries', []],
    ['nothing here', []],
  ])('%s', (text, expected) => {
    expect(findEnglishPhrases(lexicon, text).map((m) => [m.key, m.start, m.end])).toEqual(expected);
  });
});

describe('the project lexicon (data/lexicon/en-ar.tsv)', () => {
  const project = loadEnglishLexicon();
  it('holds at least 1,500 English words and phrases', () => {
    expect(project.forms.size).toBeGreaterThanOrEqual(1500);
  });
  it.each([
    ['yazidis', 'إيزيدي'],
    ['mass graves', 'مقابر جماعية'],
    ['tunnel', 'نفق'],
    ['church', 'كنيسة'],
    ['returnees', 'العائدين'],
    ['beheaded', 'ذبح'],
    ['foreign fighters', 'المقاتلين الأجانب'],
    ['egypt', 'مصر'],
    ['ankara', 'أنقرة'],
    ['drones', 'طائرات مسيرة'],
  ])('%s -> %s', (english, arabic) => {
    expect(project.forms.get(english)).toContain(arabic);
  });
});
