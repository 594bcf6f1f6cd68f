import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import { seededCore, seedOf } from '../helpers/test-core.js';

let core: Core;
beforeAll(async () => {
  core = await seededCore();
});
afterAll(() => core.close());

const seeds = (query: string, limit = 10) => core.search(query, { limit, offset: 0 }).items.map((i) => seedOf(core, i.id));

describe('search over the five seeds', () => {
  it.each(['attacks in Raqqa', 'هجمات في الرقة', 'Attacks in Ar-Raqqah', 'attack raqa', 'الهجمات بالرقة'])(
    '%s: the car bomb in Raqqa (002) and the attacks in Raqqa city (003) on top; 000 (an attack, no Raqqa) last',
    (query) => {
      const found = seeds(query);
      expect(new Set(found.slice(0, 2))).toEqual(new Set(['002', '003']));
      expect(found.at(-1)).toBe('000');
    },
  );

  it.each(['threats in Hasakah', 'تهديدات في الحسكة', 'threats Al-Hasakeh'])('%s puts 000 first', (query) => {
    expect(seeds(query)[0]).toBe('000');
  });

  it('reads places, events, actors and dates out of the query', () => {
    const a = core.search('car bombs Deir ez-Zor 2019', { limit: 5, offset: 0 });
    expect(a.interpretation.places.map((p) => p.key)).toEqual(['SY09']);
    expect(a.interpretation.events.map((e) => e.key)).toEqual(['car_bomb']);
    expect(a.interpretation.since).toBe('2019-01-01');
    expect(a.interpretation.until).toBe('2020-01-01');
    // No seed is dated 2019; four undated seeds name Deir ez-Zor or a car bomb (000 is dated 2022).
    expect(a.total).toBe(0);
    expect(a.undated).toBe(4);
  });

  it('keeps a dated report inside a date range: 000 was published 2022-02-24', () => {
    expect(seeds('sleeper cells Hasakah since 2022')).toEqual(['000']);
    expect(seeds('threats in Hasakah before 2022')).toEqual([]);
  });

  it('pages without repeating or losing a result', () => {
    const all = core.search('SDF', { limit: 10, offset: 0 });
    const pages = [0, 1, 2, 3, 4].flatMap((offset) => core.search('SDF', { limit: 1, offset }).items.map((i) => i.id));
    expect(pages).toEqual(all.items.map((i) => i.id).slice(0, 5));
    expect(core.search('SDF', { limit: 1, offset: 1 }).total).toBe(all.total);
  });

  it('marks the match inside the Arabic snippet, never cutting a word', () => {
    const top = core.search('attacks in Raqqa', { limit: 1, offset: 0 }).items[0]!;
    const marked = top.snippet.highlights.map(([a, b]) => top.snippet.text.slice(a, b));
    expect(marked).toContain('الرقة');
    expect(marked.some((m) => /هجمات|تفجير|سيارة مفخخة/.test(m))).toBe(true);
    const body = core.store.get(top.id)!.body;
    for (const word of top.snippet.text.replace(/^… | …$/g, '').split(/\s+/)) expect(body).toContain(word);
  });

  it('suggests the nearest known spelling for an unknown place', () => {
    const a = core.search('attacks in Manbji', { limit: 5, offset: 0 });
    expect(a.interpretation.suggestions).toEqual([{ word: 'Manbji', places: ['Manbij'] }]);
    expect(a.interpretation.ignored).toEqual(['Manbji']);
  });

  it('finds a quoted phrase as a phrase', () => {
    expect(seeds('"غزوة الثأر"')).toEqual(['002']);
    expect(seeds('"الثأر غزوة"')).toEqual([]);
  });

  it('ranks a query nothing fully matches, says so, and says what each result misses', () => {
    const a = core.search('extortion in Kirkuk', { limit: 5, offset: 0 });
    expect(a.relaxed).toBe(true);
    // 000 tells of extortion, 001 names Kirkuk; neither both.
    expect(a.items.map((i) => [seedOf(core, i.id), i.matched, i.missing])).toEqual([
      ['000', ['extortion'], ['Kirkuk']],
      ['001', ['Kirkuk'], ['extortion']],
    ]);
  });

  it('ranks the reports that match every part first when none that misses one has far more evidence', () => {
    const a = core.search('car bombs Deir ez-Zor', { limit: 10, offset: 0 });
    expect(a.relaxed).toBe(false);
    const firstMissing = a.items.findIndex((i) => i.missing.length > 0);
    expect(firstMissing).toBeGreaterThan(0);
    expect(a.items.slice(firstMissing).every((i) => i.missing.length > 0)).toBe(true);
    expect(seedOf(core, a.items[0]!.id)).toBe('002');
    expect(a.items[0]!.matched).toEqual(['Deir ez-Zor', 'car bombs']);
  });
});

describe('hostile and empty queries', () => {
  it.each([
    '',
    '   ',
    'NEAR(',
    '"',
    '"unclosed',
    '*',
    'title:داعش',
    '(((',
    '-داعش',
    '^الرقة',
    'داعش AND OR NOT',
    "'; DROP TABLE reports; --",
    '\u0000\u0001\u202e',
    '🙂🙂🙂',
    'ا'.repeat(10_000),
    'attacks '.repeat(2_000),
  ])('query #%# is answered without an error and leaves the index intact', (query) => {
    const answer = core.search(query, { limit: 5, offset: 0 });
    expect(answer.total).toBeGreaterThanOrEqual(0);
    expect(core.store.count()).toBe(5);
  });

  it('reads FTS5 operators in user text as words', () => {
    expect(seeds('"داعش" NEAR الرقة').length).toBeGreaterThan(0);
    expect(core.search('داعش*', { limit: 5, offset: 0 }).interpretation.actors.map((a) => a.key)).toEqual(['isis']);
  });

  it('answers an empty query with nothing, not everything', () => {
    const a = core.search('', { limit: 5, offset: 0 });
    expect(a.total).toBe(0);
    expect(a.items).toEqual([]);
  });
});

describe('English words through the lexicon', () => {
  it.each([
    ['Sinjar mass graves', { places: ['IQG15Q07'], events: [], terms: ['مقبر جماع'] }],
    ['suicide attack church Egypt', { places: ['EG'], events: ['suicide_attack'], terms: ['كنيس|كاتدرائ'] }],
    ['Ankara bombing', { places: ['TR-06'], events: ['bombing'], terms: [] }],
  ])('%s', (query, expected) => {
    const i = core.interpret(query);
    expect({ places: i.places.map((p) => p.key), events: i.events.map((e) => e.key), terms: i.terms }).toEqual(expected);
    expect(i.ignored).toEqual([]);
  });

  it('an event word the lexicon also knows stays the event and adds the lexicon words beside it', () => {
    const i = core.interpret('drone attacks');
    expect(i.events.map((e) => e.key)).toEqual(['air_strike']);
    expect(i.terms).toEqual(['هجوم بطائر مسير|طائر مسير|طائر طيار']);
  });
});

describe('Arabic question framing', () => {
  it.each([
    ['ما مصير النساء المخطوفات', ['امرا', 'مخطوف']],
    ['آخر أخبار المقابر', ['مقبر']],
    ['تفاصيل بشأن الأنفاق', ['نفق']],
    ['وتفاصيل الهجوم', []],
  ])('%s: the framing words are no query parts, the rest are %j', (query, terms) => {
    expect(core.interpret(query).terms).toEqual(terms);
  });
});
