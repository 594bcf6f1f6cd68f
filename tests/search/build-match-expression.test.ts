import { describe, expect, it } from 'vitest';
import { buildMatchExpression, quoteTerm } from '../../src/search/build-match-expression.js';

describe('buildMatchExpression', () => {
  it.each([
    [[['هجوم']], [], '"هجوم"'],
    [[['هجوم'], ['رقه']], [], '"هجوم" AND "رقه"'],
    [[['سجن', 'سجون']], [], '("سجن" OR "سجون")'],
    [[], [['خلايا', 'نايمه']], '"خلايا نايمه"'],
    [[['a'], ['b', 'c']], [['x', 'y']], '"a" AND ("b" OR "c") AND "x y"'],
    [[['same', 'same']], [], '"same"'],
    [[], [], null],
    [[[]], [[]], null],
  ] as const)('%j %j → %s', (groups, phrases, expected) => {
    expect(buildMatchExpression(groups, phrases)).toBe(expected);
  });

  it.each([
    ['NEAR', '"NEAR"'],
    ['a"b', '"a""b"'],
    ['col:x', '"col:x"'],
    ['*', '"*"'],
    ['^x', '"^x"'],
    ['(-x)', '"(-x)"'],
  ])('quotes FTS5 syntax %j as text', (term, expected) => {
    expect(quoteTerm(term)).toBe(expected);
  });
});
