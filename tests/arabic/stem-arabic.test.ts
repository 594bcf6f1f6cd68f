// Exact vectors for the light10 stemmer: one per prefix and suffix row, the length guards, passthrough.
import { describe, expect, it } from 'vitest';
import { stemArabic } from '../../src/arabic/stem-arabic.js';

describe('stemArabic: one prefix row each', () => {
  it.each([
    ['ال', 'الجيش', 'جيش'],
    ['وال', 'والجيش', 'جيش'],
    ['بال', 'بالقصف', 'قصف'],
    ['كال', 'كالمعتاد', 'معتاد'],
    ['فال', 'فالحرب', 'حرب'],
    ['لل', 'للجيش', 'جيش'],
    ['و', 'وجيش', 'جيش'],
  ])('%s: %s -> %s', (_prefix, word, stem) => {
    expect(stemArabic(word)).toBe(stem);
  });
});

describe('stemArabic: one suffix row each (normalized: ة is already ه)', () => {
  it.each([
    ['ها', 'كتابها', 'كتاب'],
    ['ان', 'مقاتلان', 'مقاتل'],
    ['ات', 'انفجارات', 'انفجار'],
    ['ون', 'مقاتلون', 'مقاتل'],
    ['ين', 'مقاتلين', 'مقاتل'],
    ['يه (from ية)', 'عسكريه', 'عسكر'],
    ['ه (from ة)', 'مدينه', 'مدين'],
    ['ي', 'عسكري', 'عسكر'],
  ])('%s: %s -> %s', (_suffix, word, stem) => {
    expect(stemArabic(word)).toBe(stem);
  });
});

describe('stemArabic: prefix and suffixes together', () => {
  it.each([
    ['one prefix and one suffix', 'والمقاتلين', 'مقاتل'],
    ['بال and ه', 'بالمدينه', 'مدين'],
    ['two suffix rows in table order: ات then يه', 'توجيهات', 'توج'],
    ['only one prefix: لل then no further ال', 'للالتزام', 'التزام'],
    ['وال fails its guard, so و is stripped, then ي', 'والي', 'ال'],
    ['ال before a name: light10 stems الرقة to رق', 'الرقه', 'رق'],
  ])('%s: %s -> %s', (_name, word, stem) => {
    expect(stemArabic(word)).toBe(stem);
  });
});

describe('stemArabic: length guards leave short words whole', () => {
  it.each([
    ['MIN_LENGTH_AFTER_PREFIX: ال would leave one letter', 'الف', 'الف'],
    ['MIN_LENGTH_AFTER_PREFIX: بال would leave one letter', 'بالغ', 'بالغ'],
    ['MIN_LENGTH_AFTER_PREFIX: exactly two letters left is enough', 'الحب', 'حب'],
    ['MIN_LENGTH_FOR_WAW_PREFIX: three-letter word keeps و', 'وطن', 'وطن'],
    ['MIN_LENGTH_FOR_WAW_PREFIX: three-letter word keeps و (ولد)', 'ولد', 'ولد'],
    ['MIN_LENGTH_AFTER_SUFFIX: ات would leave one letter', 'بات', 'بات'],
    ['MIN_LENGTH_AFTER_SUFFIX: ها would leave nothing', 'ها', 'ها'],
    ['MIN_LENGTH_AFTER_SUFFIX: ه would leave one letter', 'به', 'به'],
    ['MIN_LENGTH_AFTER_SUFFIX: exactly two letters left is enough', 'يده', 'يد'],
    ['MIN_LENGTH_AFTER_SUFFIX stops the second strip: جهات -> جه, not ج', 'جهات', 'جه'],
    ['a single letter', 'و', 'و'],
  ])('%s', (_name, word, stem) => {
    expect(stemArabic(word)).toBe(stem);
  });
});

describe('stemArabic: non-Arabic words pass through unchanged', () => {
  it.each([
    ['Latin', 'raqqa'],
    ['Latin capitals (lowercasing is the analyzer\'s job)', 'ISIS'],
    ['digits', '2019'],
    ['a number with separators', '10,000'],
    ['Arabic mixed with digits', 'داعش2'],
    ['empty string', ''],
  ])('%s', (_name, word) => {
    expect(stemArabic(word)).toBe(word);
  });
});
