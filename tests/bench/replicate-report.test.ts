import { describe, expect, it } from 'vitest';
import { replicateReport, shuffleSentences, splitSentences } from '../../scripts/lib/replicate-report.js';

const TEXT = 'قال المرصد إن هجوما وقع. وقتل ثلاثة؟ نعم!\nفقرة ثانية هنا';
const REPORT = { id: 'r1', url: 'https://example.org/news/1/', title: 'هجوم', published_at: '2019-01-01', source: 'مثال', text: TEXT };

describe('splitSentences', () => {
  it.each([
    [TEXT, ['قال المرصد إن هجوما وقع. ', 'وقتل ثلاثة؟ ', 'نعم!\n', 'فقرة ثانية هنا']],
    ['جملة واحدة فقط', ['جملة واحدة فقط']],
    ['', []],
  ])('%j', (text, expected) => {
    expect(splitSentences(text)).toEqual(expected);
  });
});

describe('shuffleSentences', () => {
  it('keeps every sentence, in another order, the same for the same seed', () => {
    const shuffled = shuffleSentences(TEXT, 1);
    expect(shuffled).toBe('فقرة ثانية هنا وقتل ثلاثة؟ قال المرصد إن هجوما وقع. نعم!');
    expect(shuffleSentences(TEXT, 1)).toBe(shuffled);
    expect(shuffleSentences(TEXT, 2)).not.toBe(shuffled);
  });

  it('never returns the original order when there are two sentences', () => {
    for (let seed = 0; seed < 20; seed++) expect(shuffleSentences('أولى. ثانية.', seed)).toBe('ثانية. أولى.');
  });

  it('leaves one sentence as it is', () => {
    expect(shuffleSentences('جملة واحدة فقط', 3)).toBe('جملة واحدة فقط');
  });
});

describe('replicateReport', () => {
  it('copy 0 is the report itself', () => {
    expect(replicateReport(REPORT, 0, 7)).toBe(REPORT);
  });

  it('copy n has its own id and URL and the sentences reordered', () => {
    const copy = replicateReport(REPORT, 3, 7);
    expect(copy.id).toBe('r1~3');
    expect(copy.url).toBe('https://example.org/news/1/copy-3');
    expect(copy.text).toBe(shuffleSentences(TEXT, 7_003));
    expect(copy.text).not.toBe(TEXT);
    expect({ ...copy, id: REPORT.id, url: REPORT.url, text: REPORT.text }).toEqual(REPORT);
  });

  it('keeps a URL that is not one, the id telling the copy apart', () => {
    expect(replicateReport({ ...REPORT, url: 'not a url' }, 2, 1).url).toBe('not a url');
  });
});
