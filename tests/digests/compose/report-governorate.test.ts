import { describe, expect, it } from 'vitest';
import { reportGovernorate } from '../../../digests/compose/report-governorate.js';
import type { ReportPlace } from '../../../src/understand/understand-report.js';
import { place, understanding } from './understanding.js';

describe('reportGovernorate', () => {
  it.each<[string, ReportPlace[], string | null]>([
    ['no place', [], null],
    ['countries only', [place('SY', null, 9, true), place('IQ', null, 3)], null],
    ['the most mentioned place, countries ignored', [
      place('SY', null, 9), place('C5710', 'SY11', 3), place('SY09', 'SY09', 2),
    ], 'SY11'],
    ['a place in the headline counts two mentions more', [
      place('C5710', 'SY11', 3), place('SY09', 'SY09', 2, true),
    ], 'SY09'],
    ['ties go to the place listed first', [place('SY09', 'SY09', 2), place('C5710', 'SY11', 2)], 'SY09'],
    ['a town gives its governorate', [place('C6795', 'SY09', 1)], 'SY09'],
    ['a headline-only place', [place('IQG13', 'IQG13', 0, true)], 'IQG13'],
  ])('%s', (_name, places, governorate) => {
    expect(reportGovernorate(understanding({ places }))).toBe(governorate);
  });
});
