import { describe, expect, it } from 'vitest';
import { readNumber, readQualifier, type ReadNumber } from '../../src/understand/arabic-numbers.js';
import { matchTokens } from '../../src/understand/match-tokens.js';

const read = (text: string): ReadNumber | null => readNumber(matchTokens(text), 0);

describe('readNumber', () => {
  it.each<[string, ReadNumber | null]>([
    ['12 قتيلا', { value: 12, next: 1 }],
    ['١٥', { value: 15, next: 1 }],
    ['10,000 شخص', { value: 10000, next: 1 }],
    ['230 ألف شخص', { value: 230000, next: 2 }],
    ['1.5 مليون', { value: 1500000, next: 2 }],
    ['3.5 كم', null],
    ['و12 جريحا', { value: 12, next: 1 }],
    ['ثلاثة قتلى', { value: 3, next: 1 }],
    ['خمسة عشر شخصا', { value: 15, next: 2 }],
    ['أحد عشر', { value: 11, next: 2 }],
    ['عشرون', { value: 20, next: 1 }],
    ['خمسة وعشرين', { value: 25, next: 2 }],
    ['مئة شخص', { value: 100, next: 1 }],
    ['مائة وخمسين', { value: 150, next: 2 }],
    ['ثلاثمئة وخمسة وعشرون', { value: 325, next: 3 }],
    ['ثلاث مئة', { value: 300, next: 2 }],
    ['ألف', { value: 1000, next: 1 }],
    ['ألفين', { value: 2000, next: 1 }],
    ['ثلاثة آلاف وخمسمئة', { value: 3500, next: 3 }],
    ['مئة ألف', { value: 100000, next: 2 }],
    ['العشرات', { value: null, approx: 'dozens', next: 1 }],
    ['مئات', { value: null, approx: 'hundreds', next: 1 }],
    ['عشرات الآلاف', { value: null, approx: 'thousands', next: 2 }],
    ['عدد من', { value: null, approx: 'several', next: 1 }],
    ['الرقة', null],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('readQualifier', () => {
  it.each<[string, ReturnType<typeof readQualifier>]>([
    ['نحو 90', { approx: 'about', next: 1 }],
    ['ما يقرب من 90', { approx: 'about', next: 3 }],
    ['أكثر من 50', { approx: 'more_than', next: 2 }],
    ['ما لا يقل عن 20', { approx: 'at_least', next: 4 }],
    ['مقتل 20', null],
  ])('%s', (text, expected) => {
    expect(readQualifier(matchTokens(text), 0)).toEqual(expected);
  });
});
