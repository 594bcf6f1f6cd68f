import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/text/parse-csv.js';
import { csvCell, writeCsv } from '../../src/text/write-csv.js';

describe('csvCell', () => {
  it.each([
    ['plain text stays as is', 'Raqqa', 'Raqqa'],
    ['a number', 12, '12'],
    ['null is an empty cell', null, ''],
    ['a comma is quoted', 'Deir ez-Zor, east', '"Deir ez-Zor, east"'],
    ['a quote is doubled and quoted', 'the "dam"', '"the ""dam"""'],
    ['a line break is quoted', 'a\nb', '"a\nb"'],
    ['edge spaces are quoted', ' x', '" x"'],
    ['Arabic with the Arabic comma needs no quotes', 'مقتل 3، وإصابة 4', 'مقتل 3، وإصابة 4'],
  ] as const)('%s', (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('writeCsv', () => {
  it('writes CRLF rows that parse back to the same cells', () => {
    const text = writeCsv(['a', 'b'], [['x, y', 'say "hi"'], [null, 3]]);
    expect(text).toBe('a,b\r\n"x, y","say ""hi"""\r\n,3\r\n');
    expect(parseCsv(text)).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['', '3']]);
  });
});
