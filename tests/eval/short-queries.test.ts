// The floor, as the eval counts it: a query that returns fewer than 10 results though 10 or more
// reports are judged relevant (grade ≥ 1).
import { describe, expect, it } from 'vitest';
import { shortQueries } from '../../scripts/lib/eval-metrics.js';

const grades = (relevant: number, notRelevant = 0): Record<string, number> =>
  Object.fromEntries([...Array.from({ length: relevant }, (_, i) => [`r${i}`, 1 + (i % 2)]), ...Array.from({ length: notRelevant }, (_, i) => [`n${i}`, 0])]);

describe('shortQueries', () => {
  it.each<[string, { returned: number; grades: Record<string, number> }[], number]>([
    ['9 results, 10 relevant', [{ returned: 9, grades: grades(10) }], 1],
    ['10 results, 10 relevant', [{ returned: 10, grades: grades(10) }], 0],
    ['3 results, 9 relevant', [{ returned: 3, grades: grades(9) }], 0],
    ['grade 0 does not count as relevant', [{ returned: 3, grades: grades(9, 5) }], 0],
    ['two short of three', [{ returned: 0, grades: grades(12) }, { returned: 25, grades: grades(12) }, { returned: 9, grades: grades(30) }], 2],
  ])('%s', (_name, rows, short) => {
    expect(shortQueries(rows, 10)).toBe(short);
  });
});
