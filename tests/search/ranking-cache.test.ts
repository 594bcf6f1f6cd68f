import { describe, expect, it } from 'vitest';
import type { ParsedQuery } from '../../src/search/parse-query.js';
import { createRankingCache, rankingKey } from '../../src/search/ranking-cache.js';
import type { RankedSearch } from '../../src/search/search-reports.js';

const query = (raw: string, places: string[] = []): ParsedQuery => ({
  raw, places: places.map((key) => ({ key, surface: key })), events: [], actors: [], termGroups: [], termSurfaces: [],
  phrases: [], since: null, until: null, ignored: [], suggestions: [],
});
const ranked = (q: ParsedQuery, ids: number[]): RankedSearch => ({ query: q, parts: [], ranked: ids.map((id) => ({ id, score: 1, matched: [] })), complete: ids.length, undated: 0 });

describe('createRankingCache', () => {
  const setup = (maxEntries = 2, ttlMs = 1000) => {
    let now = 0;
    let calls = 0;
    const cache = createRankingCache({ maxEntries, ttlMs, nowMs: () => now });
    const get = (q: ParsedQuery, version = 1) => cache.get(q, version, () => ranked(q, [++calls])).ranked[0]!.id;
    return { cache, get, advance: (ms: number) => (now += ms) };
  };

  it('ranks once and pages the kept list after that', () => {
    const { get } = setup();
    expect([get(query('a')), get(query('a')), get(query('a'))]).toEqual([1, 1, 1]);
  });

  it('keeps one list for queries written differently that parse the same', () => {
    const { get } = setup();
    expect([get(query('Raqqa', ['SY11'])), get(query('الرقة', ['SY11']))]).toEqual([1, 1]);
  });

  it('ranks again after the time to live', () => {
    const { get, advance } = setup(2, 1000);
    get(query('a'));
    advance(999);
    expect(get(query('a'))).toBe(1);
    advance(1000);
    expect(get(query('a'))).toBe(2);
  });

  it('ranks again when the corpus changed', () => {
    const { get } = setup();
    expect([get(query('a'), 1), get(query('a'), 2)]).toEqual([1, 2]);
  });

  it('drops the least recently used list beyond its bound', () => {
    const { cache, get } = setup(2);
    const [a, b, c] = [query('a', ['A']), query('b', ['B']), query('c', ['C'])];
    get(a);
    get(b);
    get(a); // a is now the most recently used
    get(c); // drops b
    expect(cache.size).toBe(2);
    expect(get(a)).toBe(1);
    expect(get(b)).toBe(4);
  });

  it('keys on what decides the ranking, not on how the query was written', () => {
    expect(rankingKey(query('x', ['SY11']), 3)).toBe(rankingKey(query('y', ['SY11']), 3));
    expect(rankingKey(query('x', ['SY11']), 3)).not.toBe(rankingKey(query('x', ['SY09']), 3));
  });

  it.each([
    // [surface a, surface b, one ranking?]: an event's Arabic words are text evidence, its English ones are not
    ['prison attack', 'prison break', true],
    ['prison attack', 'هجوم على سجن', false],
    ['هجوم على سجن', 'اقتحام سجن', false],
  ])('an event written %s and %s: one ranking = %s', (a, b, same) => {
    const withEvent = (surface: string): ParsedQuery => ({ ...query(surface), events: [{ key: 'prison_attack', surface }] });
    expect(rankingKey(withEvent(a), 1) === rankingKey(withEvent(b), 1)).toBe(same);
  });
});
