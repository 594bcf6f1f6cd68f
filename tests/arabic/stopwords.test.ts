// The stopword set: size, normalized storage, and membership of chosen words.
import { describe, expect, it } from 'vitest';
import { normalizeArabic } from '../../src/arabic/normalize-arabic.js';
import { ARABIC_STOPWORDS, isStopword } from '../../src/arabic/stopwords.js';

describe('ARABIC_STOPWORDS', () => {
  it('is a reasonable size (Lucene list plus news function words)', () => {
    expect(ARABIC_STOPWORDS.size).toBeGreaterThanOrEqual(150);
    expect(ARABIC_STOPWORDS.size).toBeLessThanOrEqual(250);
  });

  it('holds only normalized single words', () => {
    for (const word of ARABIC_STOPWORDS) {
      expect(normalizeArabic(word)).toBe(word);
      expect(word).toMatch(/^\S+$/u);
    }
  });
});

describe('isStopword (on normalized forms)', () => {
  it.each([
    ['في', 'في'],
    ['من', 'من'],
    ['إلى, stored as الي', 'الي'],
    ['على, stored as علي', 'علي'],
    ['أن / إن, stored as ان', 'ان'],
    ['حتى, stored as حتي', 'حتي'],
    ['هذه', 'هذه'],
    ['الذي', 'الذي'],
    ['التي', 'التي'],
    ['كان', 'كان'],
    ['قال', 'قال'],
    ['وقال', 'وقال'],
    ['أيضا, stored as ايضا', 'ايضا'],
    ['الآن, stored as الان', 'الان'],
    ['و', 'و'],
  ])('%s is a stopword', (_name, normalized) => {
    expect(isStopword(normalized)).toBe(true);
  });

  it.each([
    ['داعش', 'داعش'],
    ['الرقة (normalized)', 'الرقه'],
    ['قتل', 'قتل'],
    ['والي (governor), though وإلى normalizes to it', 'والي'],
    ['إلى unnormalized: the caller must normalize first', 'إلى'],
    ['empty string', ''],
  ])('%s is not a stopword', (_name, word) => {
    expect(isStopword(word)).toBe(false);
  });
});
