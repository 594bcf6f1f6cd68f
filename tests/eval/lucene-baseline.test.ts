import { describe, expect, it } from 'vitest';
import { createLuceneIndex } from '../../scripts/lib/lucene-baseline.js';

/** Short self-written reports: id, title, body. */
const DOCS: readonly [string, string, string][] = [
  ['both', 'قصف على إدلب', 'قصف الطائرات على ريف إدلب اليوم'],
  ['idlib-only', 'أخبار إدلب', 'اجتماع في مدينة إدلب حول الخدمات والمياه والكهرباء'],
  ['shelling-only', 'قصف', 'قصف مدفعي على بلدة في ريف حماة'],
  ['unrelated', 'الطقس', 'أمطار غزيرة على الساحل'],
];

function index() {
  const lucene = createLuceneIndex();
  for (const [id, title, body] of DOCS) lucene.add(id, title, body);
  return lucene;
}

describe('createLuceneIndex', () => {
  it.each([
    // Words are ORed: a report with both words ranks first, reports with one follow, the rest are left out.
    ['قصف إدلب', ['both', 'shelling-only', 'idlib-only']],
    // Light stemming meets clitic and plural forms: والطائرات and الطائرات are both طائر.
    ['والطائرات', ['both']],
    // English words reach nothing in Arabic text.
    ['shelling Idlib', []],
    // Stopwords alone are no query.
    ['في على', []],
  ])('%s → %j', (query, expected) => {
    expect(index().search(query, 10)).toEqual(expected);
  });

  it('returns at most limit ids', () => {
    expect(index().search('قصف إدلب', 2)).toEqual(['both', 'shelling-only']);
  });
});
