// A query naming a place and a place inside it asks about the inner one; places apart stay alternatives.
import { describe, expect, it } from 'vitest';
import { createLexicon } from '../../src/search/create-lexicon.js';
import type { ParsedQuery } from '../../src/search/parse-query.js';
import { narrowPlaces } from '../../src/search/search-reports.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';

const lexicon = createLexicon(loadGazetteer());
const query = (places: string[]): ParsedQuery => ({
  raw: '', places: places.map((key) => ({ key, surface: key })), events: [], actors: [], termGroups: [], termSurfaces: [],
  phrases: [], since: null, until: null, ignored: [], suggestions: [],
});

describe('narrowPlaces', () => {
  it.each([
    // [places asked, places searched]
    [['TR-63-SURUC', 'TR'], ['TR-63-SURUC']], // Suruc, Turkey: the town
    [['TR', 'TR-63-SURUC'], ['TR-63-SURUC']],
    [['SY0702', 'SY07'], ['SY0702']], // a district and its governorate
    [['SY0702', 'SY'], ['SY0702']], // and its country
    [['SY07', 'SY09'], ['SY07', 'SY09']], // Raqqa or Deir ez-Zor: alternatives
    [['TR', 'SY'], ['TR', 'SY']],
    [['SY07'], ['SY07']],
  ])('%j -> %j', (asked, searched) => {
    expect(narrowPlaces(query(asked), lexicon).places.map((p) => p.key)).toEqual(searched);
  });

  it('enclosing places reach the country', () => {
    expect(lexicon.placeEnclosing!('TR-63-SURUC')).toEqual(['TR-63', 'TR']);
    expect(lexicon.placeEnclosing!('SY')).toEqual([]);
  });
});
