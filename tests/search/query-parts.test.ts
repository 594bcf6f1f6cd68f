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
