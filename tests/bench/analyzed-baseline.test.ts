import { describe, expect, it } from 'vitest';
import { analyzedMatchExpression, arabicNamesByPlace, createAnalyzedBaseline } from '../../scripts/lib/baseline-fts.js';
import { createAnalyzer } from '../../src/arabic/analyze-arabic.js';
import { createLexicon } from '../../src/search/create-lexicon.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';
import { protectedNames } from '../../src/understand/understand-report.js';
import { testCore, testDb } from '../helpers/test-core.js';

const gazetteer = loadGazetteer();
const deps = {
  lexicon: createLexicon(gazetteer),
  analyzer: createAnalyzer({ protectedWords: protectedNames() }),
  now: new Date('2024-01-01T00:00:00Z'),
  placeNames: arabicNamesByPlace(gazetteer),
};

describe('analyzedMatchExpression', () => {
  it.each([
    // An English event word becomes the OR of its Arabic forms, as analyzed (stemmed) terms.
    ['attacks', '("هجوم" OR "هجم" OR "هجوما")'],
    // The Arabic word is read as the same event.
    ['هجوم', '("هجوم" OR "هجم" OR "هجوما")'],
    // A place is every Arabic name the gazetteer knows, the formal one as a phrase.
    ['Syria', '("الجمهوريه العربيه السوريه" OR "سوريا" OR "سوريه")'],
    // Place and event are AND-ed, place first.
    ['attacks in Raqqa', '"الرقه" AND ("هجوم" OR "هجم" OR "هجوما")'],
    // A quoted phrase stays a phrase of analyzed terms.
    ['"تنظيم الدولة" الرقة', '"الرقه" AND "تنظيم دول"'],
    // Nothing left to match.
    ['the', null],
  ])('%s → %s', (query, expected) => {
    expect(analyzedMatchExpression(query, deps)).toBe(expected);
  });
});

describe('createAnalyzedBaseline', () => {
  it('returns the reports holding the terms, best bm25 first, at most the limit', () => {
    const core = testCore();
    const add = (externalId: string, title: string, text: string) => {
      const r = core.ingestOne({ externalId, title, text, origin: externalId, lang: 'ar' });
      if (!r.ok) throw new Error(r.reason);
      return r.id;
    };
    const inTitle = add('a', 'هجوم على الرقة', 'قالت مصادر محلية إن مسلحين نفذوا هجوما على حاجز في مدينة الرقة صباح اليوم.');
    const inBody = add('b', 'أخبار الرقة', 'شهدت مدينة الرقة هجوما واحدا، وتحدث السكان عن الأسواق والمدارس والطرق والمياه والكهرباء طوال الأسبوع.');
    add('c', 'أخبار حلب', 'هجوم على حاجز في مدينة حلب.');
    add('d', 'الطقس', 'أمطار غزيرة على الساحل.');
    const baseline = createAnalyzedBaseline(testDb(core), deps);
    expect(baseline.search('attacks in Raqqa', 10)).toEqual([inTitle, inBody]);
    expect(baseline.search('attacks in Raqqa', 1)).toEqual([inTitle]);
    expect(baseline.search('the', 10)).toEqual([]);
    core.close();
  });
});
