import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../src/text/parse-csv.js';

describe('parseCsv', () => {
  it.each<[string, string[][]]>([
    ['a,b\n1,2\n', [['a', 'b'], ['1', '2']]],
    ['a,"b,c"\r\n1,"say ""hi"""', [['a', 'b,c'], ['1', 'say "hi"']]],
    ['x,"line\nbreak",\n', [['x', 'line\nbreak', '']]],
    ['', []],
  ])('%j', (text, rows) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('keys records by header, filling missing cells with ""', () => {
    expect(parseCsvRecords('\uFEFFpcode,name\nSY11,الرقة\nSY09\n')).toEqual([
      { pcode: 'SY11', name: 'الرقة' },
      { pcode: 'SY09', name: '' },
    ]);
  });
});
