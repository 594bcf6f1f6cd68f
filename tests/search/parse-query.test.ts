// The query parser on its own, table-driven: what each kind of query becomes (places, events, actors,
// free words, phrases, time range, ignored words, suggestions), with the analyzer and lexicon the core uses.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/arabic/analyze-arabic.js';
import { loadPlurals } from '../../src/arabic/plural-singulars.js';
import { createLexicon } from '../../src/search/create-lexicon.js';
import { isEmptyQuery, MAX_QUERY_LENGTH, parseQuery, type ParsedQuery } from '../../src/search/parse-query.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';
import { protectedNames } from '../../src/understand/understand-report.js';

const lexicon = createLexicon(loadGazetteer());
const analyzer = createAnalyzer({ protectedWords: protectedNames(), plurals: loadPlurals() });
const NOW = new Date('2026-11-22T08:00:00Z');
const parse = (q: string) => parseQuery(q, { lexicon, analyzer, now: NOW });

type Expected = Partial<Omit<ParsedQuery, 'raw'>>;
const NOTHING: Omit<ParsedQuery, 'raw'> = {
  places: [], events: [], actors: [], termGroups: [], termSurfaces: [], phrases: [], since: null, until: null, ignored: [], suggestions: [],
};

describe('parseQuery: what a query becomes', () => {
  it.each<[string, Expected]>([
    // A place and an event, in English and in Arabic: the same keys; the surface is what was written (normalized for Arabic).
    ['attacks in Raqqa', { places: [{ key: 'SY11', surface: 'Raqqa' }], events: [{ key: 'attack', surface: 'attacks' }] }],
    ['هجوم في الرقة', { places: [{ key: 'SY11', surface: 'الرقه' }], events: [{ key: 'attack', surface: 'هجوم' }] }],
    // The longest event wins (car bomb, not bomb); a year is a time range, not a word.
    ['car bomb Deir ez-Zor 2019', { places: [{ key: 'SY09', surface: 'Deir ez-Zor' }], events: [{ key: 'car_bomb', surface: 'car bomb' }], since: '2019-01-01', until: '2020-01-01' }],
    // An actor, an event and an open range.
    ['ISIS attacks since 2020', { events: [{ key: 'attack', surface: 'attacks' }], actors: [{ key: 'isis', surface: 'ISIS' }], since: '2020-01-01' }],
    ['sleeper cells in Hasakah', { places: [{ key: 'SY08', surface: 'Hasakah' }], events: [{ key: 'sleeper_cells', surface: 'sleeper cells' }] }],
    // Quoted text, in straight quotes or guillemets, is a phrase of analyzed terms; the rest is read as usual.
    ['"تنظيم الدولة" الرقة', { places: [{ key: 'SY11', surface: 'الرقه' }], phrases: [['تنظيم', 'دول']] }],
    ['«قسد» منبج', { places: [{ key: 'SY0205', surface: 'منبج' }], phrases: [['قسد']] }],
    // An English lexicon word becomes a group of analyzed Arabic forms (any may match).
    ['checkpoint', { termGroups: [['حاجز', 'نقط تفتيش']], termSurfaces: ['checkpoint'] }],
    // A lexicon phrase an event also reads: the event, and its words as evidence beside it.
    ['drone attack', { events: [{ key: 'air_strike', surface: 'drone attack' }], termGroups: [['هجوم بطائر مسير', 'طائر مسير', 'طائر طيار']], termSurfaces: ['drone attack'] }],
    // An Arabic free word is one analyzed term (a broken plural to its singular), its surface normalized; a question's framing words (ما مصير) are skipped.
    ['داعش تدمر الآثار', { actors: [{ key: 'isis', surface: 'داعش' }], termGroups: [['دمر'], ['اثر']], termSurfaces: ['تدمر', 'الاثار'] }],
    ['ما مصير المختطفين', { events: [{ key: 'abduction', surface: 'المختطفين' }] }],
    // تنظيم right before an actor's name says the name (تنظيم داعش), with its clitics; elsewhere it is a word.
    ['شباب ينضمون إلى تنظيم داعش', { actors: [{ key: 'isis', surface: 'داعش' }], termGroups: [['شاب'], ['ينضم']], termSurfaces: ['شباب', 'ينضمون'] }],
    ['النساء لدى التنظيم داعش', { actors: [{ key: 'isis', surface: 'داعش' }], termGroups: [['امرا']], termSurfaces: ['النساء'] }],
    ['تنظيم الانتخابات داعش', { actors: [{ key: 'isis', surface: 'داعش' }], termGroups: [['تنظيم'], ['انتخاب']], termSurfaces: ['تنظيم', 'الانتخابات'] }],
    // An English word that matches nothing is ignored; one that looks like a misspelled place is suggested too.
    ['Manbji attacks', { events: [{ key: 'attack', surface: 'attacks' }], ignored: ['Manbji'], suggestions: [{ word: 'Manbji', places: ['Manbij'] }] }],
    // Time expressions alone, relative to the clock.
    ['بين 2017 و 2018', { since: '2017-01-01', until: '2019-01-01' }],
    ['last week', { since: '2026-11-15' }],
    // Only stopwords, or nothing: an empty query.
    ['the of and', {}],
    ['', {}],
  ])('%s', (query, expected) => {
    const { raw, ...parsed } = parse(query);
    expect(raw).toBe(query);
    expect(parsed).toEqual({ ...NOTHING, ...expected });
  });
});

describe('parseQuery: bounds and emptiness', () => {
  it(`reads at most ${MAX_QUERY_LENGTH} characters`, () => {
    const long = 'Raqqa '.repeat(200);
    expect(parse(long).raw).toBe(long.slice(0, MAX_QUERY_LENGTH));
  });

  it.each([
    ['the of and', true],
    ['', true],
    // A time range alone is a query: the reports in it, newest first.
    ['last week', false],
    ['Raqqa', false],
    ['"قسد"', false],
    ['checkpoint', false],
  ])('isEmptyQuery(%j) is %s', (query, empty) => {
    expect(isEmptyQuery(parse(query))).toBe(empty);
  });
});
