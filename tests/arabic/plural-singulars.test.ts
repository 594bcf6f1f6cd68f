import { describe, expect, it } from 'vitest';
import { createAnalyzer, defaultAnalyzer } from '../../src/arabic/analyze-arabic.js';
import { loadPlurals, parsePlurals, singularOf } from '../../src/arabic/plural-singulars.js';

const table = parsePlurals('# comment\nمقابر\tمقبرة\nعبوات\tعبوة\n');

describe('singularOf', () => {
  it.each([
    ['مقابر', 'مقبره'],
    ['المقابر', 'مقبره'],
    ['والمقابر', 'مقبره'],
    ['بالمقابر', 'مقبره'],
    ['ومقابر', 'مقبره'],
    ['لمقابر', 'لمقابر'], // ل alone is no light10 prefix
    ['مقبره', 'مقبره'],
    ['قابر', 'قابر'],
  ])('%s -> %s', (norm, expected) => {
    expect(singularOf(table, norm)).toBe(expected);
  });

  it('rejects a line that is not plural<TAB>singular', () => {
    expect(() => parsePlurals('مقابر مقبرة')).toThrow(/plural<TAB>singular/);
  });
});

describe('the project table, through the analyzer', () => {
  const analyzer = createAnalyzer({ plurals: loadPlurals() });
  it.each([
    ['مقابر', 'مقبرة'],
    ['المخطوفات', 'مختطفة'],
    ['مخطوف', 'مختطف'],
    ['عبوات', 'عبوة'],
    ['الغارات', 'غارة'],
    ['تفجيرات', 'تفجير'],
    ['معارك', 'معركة'],
    ['النساء', 'امرأة'],
    ['الأطفال', 'طفل'],
    ['هجمات', 'هجوم'],
    ['الأنفاق', 'نفق'],
    ['سجون', 'سجن'],
  ])('%s meets %s', (plural, singular) => {
    expect(analyzer.termOf(plural)).toBe(analyzer.termOf(singular));
  });

  it('holds a few hundred pairs', () => {
    expect(loadPlurals().size).toBeGreaterThanOrEqual(350);
  });

  it('leaves the plain analyzer (the Lucene-style baseline) without them', () => {
    expect(defaultAnalyzer.termOf('مقابر')).not.toBe(defaultAnalyzer.termOf('مقبرة'));
  });
});
