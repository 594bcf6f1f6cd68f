// The parts a query is ranked by, and the FTS5 text each part brings as evidence.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/arabic/analyze-arabic.js';
import type { ParsedQuery } from '../../src/search/parse-query.js';
import { queryParts } from '../../src/search/query-parts.js';

const analyzer = createAnalyzer();
const forms = (kind: string, key: string): readonly string[] => (kind === 'event' && key === 'prison_attack' ? ['هجوم على سجن'] : []);
const query = (over: Partial<ParsedQuery>): ParsedQuery => ({
  raw: '', places: [], events: [], actors: [], termGroups: [], termSurfaces: [], phrases: [], since: null, until: null,
  ignored: [], suggestions: [], ...over,
});

describe('queryParts: an event part\'s text', () => {
  it.each([
    // [what the user wrote, the event part's FTS5 text]
    ['prison attack', '"هجوم سجن" OR "هجوم" OR "سجن"'], // English: the event's Arabic form, and each of its words
    ['هجوم على سجن', '"هجوم سجن" OR "هجوم" OR "سجن"'], // Arabic: the same (على is a stopword)
    ['اقتحام سجن', '"هجوم سجن" OR "اقتحام سجن" OR "هجوم" OR "سجن" OR "اقتحام"'], // and the words written
  ])('%s -> %s', (surface, text) => {
    const [part] = queryParts(query({ events: [{ key: 'prison_attack', surface }] }), { analyzer, arabicForms: forms });
    expect(part!.text).toBe(text);
  });

  it('a place\'s words are not split: دير alone is not Deir ez-Zor', () => {
    const [part] = queryParts(query({ places: [{ key: 'SY09', surface: 'دير الزور' }] }), { analyzer, arabicForms: () => [] });
    expect(part!.text).toBe('"دير زور"');
  });
});

describe("queryParts: an English event word's lexicon forms", () => {
  const clashForms = (kind: string, key: string): readonly string[] => (kind === 'event' && key === 'armed_clash' ? ['اشتباك', 'معارك'] : []);
  it.each<[string, string[][], string[]]>([
    // "clashes": its lexicon form is the event's own, so no word part a report must also match.
    ['clashes', [['اشتباك']], ['event']],
    // "drone attack": its forms say more than the broad event, so they stay a part.
    ['drone attack', [['طائره مسيره']], ['event', 'word:طائره مسيره']],
  ])('%s', (surface, termGroups, keys) => {
    const q = query({ events: [{ key: 'armed_clash', surface }], termGroups, termSurfaces: termGroups.map(() => surface) });
    expect(queryParts(q, { analyzer, arabicForms: clashForms }).map((p) => p.key)).toEqual(keys);
  });
});

describe('queryParts: actors', () => {
  const actorForms = (kind: string, key: string): readonly string[] =>
    kind !== 'actor' ? [] : key === 'isis' ? ['داعش', 'تنظيم الدولة', 'الدولة الإسلامية'] : key === 'al_qaeda' ? ['القاعدة', 'تنظيم القاعدة'] : ['جبهة النصرة'];

  it('an actor\'s text is its first name and what was written, not its every name', () => {
    const parts = queryParts(query({ actors: [{ key: 'isis', surface: 'ISIS' }] }), { analyzer, arabicForms: actorForms });
    expect(parts.map((p) => [p.key, p.text])).toEqual([['actor', '"داعش"']]);
  });

  it('actors named together are one part each, both looked up in the actor facet', () => {
    const q = query({ actors: [{ key: 'hts', surface: 'جبهه النصره' }, { key: 'al_qaeda', surface: 'تنظيم القاعده' }] });
    const parts = queryParts(q, { analyzer, arabicForms: actorForms });
    expect(parts.map((p) => [p.key, p.label, p.text, p.facet?.keys])).toEqual([
      ['actor:hts', 'جبهه النصره', '"جبه نصر"', ['hts']],
      ['actor:al_qaeda', 'تنظيم القاعده', '"قاعد" OR "تنظيم قاعد"', ['al_qaeda']],
    ]);
  });
});

describe('queryParts: an Arabic event phrase that says more than its type', () => {
  const labels = (kind: string, key: string): readonly string[] =>
    kind !== 'event' ? [] : key === 'attack' ? ['هجوم'] : key === 'air_strike' ? ['غارة جوية'] : key === 'sleeper_cells' ? ['خلايا نائمة'] : [];

  it.each([
    // [events as parsed, the word parts added beside the event part: key and FTS5 text]
    ['الذئاب المنفردة: an attack, and its words', [{ key: 'attack', surface: 'الذئاب المنفرده' }], [['word:ذئاب|منفرد', '"ذئاب" OR "منفرد"']]],
    ['طائرات مسيرة: an air strike, and its words', [{ key: 'air_strike', surface: 'طائرات مسيره' }], [['word:طائر|مسير', '"طائر" OR "مسير"']]],
    ['the type\'s own label adds nothing', [{ key: 'sleeper_cells', surface: 'خلايا نائمه' }], []],
    ['one word adds nothing', [{ key: 'attack', surface: 'هجمات' }], []],
    ['an English event adds nothing (the lexicon does that)', [{ key: 'air_strike', surface: 'drone attacks' }], []],
  ])('%s', (_name, events, words) => {
    const parts = queryParts(query({ events }), { analyzer, arabicForms: labels });
    expect(parts[0]!.key).toBe('event');
    expect(parts.slice(1).map((p) => [p.key, p.text])).toEqual(words);
    for (const p of parts.slice(1)) expect([p.kind, p.facet, p.gate]).toEqual(['word', null, false]);
  });
});
