import { describe, expect, it } from 'vitest';
import { makeSnippet, type Mark } from '../../src/search/make-snippet.js';

/** Marks every occurrence of the given words (whole words) as group = the word. */
const marker =
  (...words: string[]) =>
  (sentence: string): Mark[] =>
    words.flatMap((w) => [...sentence.matchAll(new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'gu'))].map((m) => ({ start: m.index, end: m.index + w.length, group: w })));

const marked = (s: { text: string; highlights: readonly (readonly [number, number])[] }) =>
  s.highlights.map(([a, b]) => s.text.slice(a, b));

describe('makeSnippet', () => {
  const body = 'جملة أولى عن الطقس. هجمات في الرقة أمس. هجمات في دير الزور.';
  const sentences = [
    { start: 0, end: 19 },
    { start: 20, end: 39 },
    { start: 40, end: 59 },
  ];

  it('picks the sentence that covers the most query parts and marks them', () => {
    const s = makeSnippet(body, sentences, marker('هجمات', 'الرقة'));
    expect(s.text).toBe('هجمات في الرقة أمس.');
    expect(marked(s)).toEqual(['هجمات', 'الرقة']);
  });

  it('falls back to the first sentence, unmarked, when nothing matches', () => {
    const s = makeSnippet(body, sentences, marker('تفجير'));
    expect(s).toEqual({ text: 'جملة أولى عن الطقس.', highlights: [] });
  });

  it('cuts a long sentence at white space around the first mark, with ellipses', () => {
    const words = Array.from({ length: 80 }, (_, i) => `كلمة${i}`);
    words[50] = 'الرقة';
    const long = words.join(' ');
    const s = makeSnippet(long, [{ start: 0, end: long.length }], marker('الرقة'), 100);
    expect(s.text.startsWith('… ')).toBe(true);
    expect(s.text.endsWith(' …')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(104);
    expect(marked(s)).toEqual(['الرقة']);
    // never a cut word: every word of the window is a whole word of the original
    for (const w of s.text.replace(/^… | …$/g, '').split(' ')) expect(words).toContain(w);
  });

  it('merges touching marks into one highlight', () => {
    const text = 'سيارة مفخخة انفجرت';
    const s = makeSnippet(text, [{ start: 0, end: text.length }], () => [
      { start: 0, end: 5, group: 'event' },
      { start: 0, end: 11, group: 'event' },
    ]);
    expect(s.highlights).toEqual([[0, 11]]);
  });

  it('handles an empty body', () => {
    expect(makeSnippet('', [], marker('x'))).toEqual({ text: '', highlights: [] });
  });
});
