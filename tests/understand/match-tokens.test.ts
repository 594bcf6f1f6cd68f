import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { matchTokens, tokenizeWithRegExp } from '../../src/understand/match-tokens.js';
import { seededRandom } from '../../scripts/lib/seeded-random.js';

/** Characters that make tokenizing hard: letters that fold, marks, digits of three scripts, separators, joiners, bidi marks, presentation forms, emoji. */
const ALPHABET = [
  'ا', 'أ', 'إ', 'آ', 'ى', 'ة', 'ي', 'و', 'ب', 'ل', 'ك', 'ی', 'ک', 'ٱ', 'ء', 'ؤ', 'ئ',
  '\u064e', '\u0651', '\u0653', '\u0654', '\u0655', '\u0670', 'ـ', '\u200c', '\u200d', '\u200f', '\u200b', '\ufeff',
  '0', '7', '٣', '۵', '٫', '٬', '.', ',', '،', '-', '_', ' ', ' ', ' ', '\u00a0', '\t', '\n', '(', '«',
  'a', 'Z', 'é', 'e\u0301', 'ﻻ', 'ﺍ', '²', '½', '🔴', '𝟘', '\ud83d',
];

function randomText(random: () => number, length: number): string {
  let out = '';
  for (let k = 0; k < length; k++) out += ALPHABET[Math.floor(random() * ALPHABET.length)]!;
  return out;
}

describe('matchTokens', () => {
  it('finds what the regular expression finds, on random text of hard characters', () => {
    const random = seededRandom(12);
    for (let k = 0; k < 3_000; k++) {
      const text = randomText(random, 1 + Math.floor(random() * 40));
      expect(matchTokens(text), JSON.stringify(text)).toEqual(tokenizeWithRegExp(text));
    }
  });

  it('gives a part of a long text the tokens that tokenizing the part alone gives', () => {
    const random = seededRandom(7);
    const seeds = new URL('../../data/corpus/', import.meta.url);
    const texts = readdirSync(seeds).map((f) => readFileSync(new URL(f, seeds), 'utf8'));
    for (let k = 0; k < 200; k++) texts.push(randomText(random, 300 + Math.floor(random() * 300)));
    for (const text of texts) {
      expect(matchTokens(text)).toEqual(tokenizeWithRegExp(text));
      for (let n = 0; n < 60; n++) {
        const start = Math.floor(random() * text.length);
        const part = text.slice(start, start + 1 + Math.floor(random() * 120));
        expect(matchTokens(part), JSON.stringify(part)).toEqual(tokenizeWithRegExp(part));
      }
    }
  });

  it.each([
    ['a hashtag\'s underscore is a space', '#مقتل_شخصين', [false, false]],
    ['a space', 'مقتل شخصين', [false, false]],
    ['a comma is a gap', 'مقتل، شخصين', [false, true]],
    ['a line break is a gap', 'مقتل\nشخصين', [false, true]],
  ] as const)('marks a gap before a word: %s', (_, text, gaps) => {
    expect(matchTokens(text).map((t) => t.gap)).toEqual(gaps);
  });

  it('keeps numbers with their separators and words with their marks', () => {
    const norms = (text: string) => matchTokens(text).map((t) => t.norm);
    expect(norms('قتل 10,000 و3.7 و١٢٫٥ شخصاً')).toEqual(['قتل', '10,000', 'و3', '7', 'و12', '5', 'شخصا']);
    expect(norms('الرَّقَّة وداعـــش 3. 4,')).toEqual(['الرقه', 'وداعش', '3', '4']);
  });
});
