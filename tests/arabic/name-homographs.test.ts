// Names spelled like other words: the verb تدمر beside Palmyra, the nisba البغدادي beside Baghdad.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/arabic/analyze-arabic.js';
import { derivedTerm, readsAsVerb, spanReadsAsVerb } from '../../src/arabic/name-homographs.js';
import { isStopword } from '../../src/arabic/stopwords.js';
import { createLexicon } from '../../src/search/create-lexicon.js';
import { parseQuery } from '../../src/search/parse-query.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';

const analyzer = createAnalyzer({ protectedWords: ['بغداد', 'حلب', 'تدمر', 'الموصل', 'داعش'] });

describe('name protection: a nisba is not the place', () => {
  it.each([
    // [text, terms]
    ['البغدادي', ['بغدادي']],
    ['أبو بكر البغدادي', ['ابو', 'بكر', 'بغدادي']],
    ['والبغدادي', ['بغدادي']],
    ['البغداديين', ['بغدادي']],
    ['بغدادية', ['بغدادي']],
    ['الحلبي', ['حلبي']],
    ['بغداد', ['بغداد']],
    ['وبغداد', ['بغداد']],
    ['لبغداد', ['بغداد']],
    ['حلب', ['حلب']],
    ['الموصلي', ['موصل']], // a name with its article: the stem never met the name's term
  ])('%s -> %j', (text, terms) => {
    expect(analyzer.terms(text)).toEqual(terms);
  });
});

describe('name protection: a name that is also a verb is the verb where its neighbours say so', () => {
  it.each([
    // [text, terms]
    ['تدمر', ['تدمر']],
    ['في تدمر', ['تدمر']],
    ['بتدمر', ['تدمر']],
    ['مدينة تدمر الأثرية', ['مدين', 'تدمر', 'اثر']],
    ['آثار تدمر', ['اثار', 'تدمر']], // (no plural table here: آثار stays)
    ['سيطر داعش على تدمر', ['سيطر', 'داعش', 'تدمر']],
    ['ريف تدمر الشرقي', ['ريف', 'تدمر', 'شرق']],
    ['الطائرات تدمر المنازل', ['طائر', 'دمر', 'منازل']],
    ['مقاتلات التحالف تدمر مخزن أسلحة', ['مقاتل', 'تحالف', 'دمر', 'مخزن', 'اسلح']],
    ['الحرب التي تدمر البلاد', ['حرب', 'دمر', 'بلاد']],
    ['يمكن أن تدمر المدينة', ['يمكن', 'دمر', 'مدين']],
    ['لم تدمر مواقع الحرس', ['دمر', 'مواقع', 'حرس']],
    ['قنبلة تدمرها', ['قنبل', 'دمر']],
  ])('%s -> %j', (text, terms) => {
    expect(analyzer.terms(text)).toEqual(terms);
  });

  it.each([
    // [previous, next, verb?]
    [null, null, false],
    ['في', 'الاثريه', false],
    ['مدينه', 'المنازل', false], // a place cue before it wins
    ['التي', null, true],
    ['التحالف', 'مخزن', true], // a definite subject
    [null, 'المنازل', true], // a definite object
    [null, 'الاثريه', false], // a nisba adjective describes the place
    [null, 'التي', false], // a stopword is no object
  ] as const)('readsAsVerb(%s, %s) = %s', (previous, next, verb) => {
    expect(readsAsVerb(previous, next, isStopword)).toBe(verb);
  });

  it.each([
    ['بغدادي', 'بغداد', 'بغدادي'],
    ['البغداديون', 'بغداد', 'بغدادي'],
    ['تدمرها', 'تدمر', 'دمر'],
    ['حلبنا', 'حلب', null],
  ])('derivedTerm(%s, %s) = %s', (norm, name, term) => {
    expect(derivedTerm(norm, name)).toBe(term);
  });

  it.each([
    ['الطائرات تدمر مواقع داعش', 'تدمر', true],
    ['هجوم على تدمر', 'تدمر', false],
    ['وتدمر', 'وتدمر', false],
    ['قصف بغداد', 'بغداد', false], // no verb is spelled like it
  ])('spanReadsAsVerb(%s at %s) = %s', (text, word, verb) => {
    const start = text.indexOf(word);
    expect(spanReadsAsVerb(text, start, start + word.length)).toBe(verb);
  });
});

describe('queries: the verb تدمر and the name البغدادي are no places', () => {
  const lexicon = createLexicon(loadGazetteer());
  const parse = (q: string) => parseQuery(q, { lexicon, analyzer, now: new Date('2026-01-01T00:00:00Z') });
  it.each([
    // [query, place keys, term groups]
    ['تدمر', ['SY0405'], []],
    ['هجوم على تدمر', ['SY0405'], []],
    ['Palmyra', ['SY0405'], []],
    ['داعش تدمر الآثار', [], [['دمر'], ['اثار']]],
    ['الطائرات تدمر مواقع داعش', [], [['طائر'], ['دمر'], ['مواقع']]],
    ['البغدادي', [], [['بغدادي']]],
    ['تفجير في بغداد', ['IQG08'], []],
  ])('%s', (query, places, termGroups) => {
    const q = parse(query);
    expect(q.places.map((p) => p.key)).toEqual(places);
    expect(q.termGroups).toEqual(termGroups);
  });
});
