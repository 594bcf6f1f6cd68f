// Finds place names in English queries ("car bombs Deir ez-Zor 2019") and resolves them to P-codes.

import { ACTORS } from './actors.js';
import { englishTokens, type EnglishToken } from './english-tokens.js';
import { EVENT_TYPES } from './events.js';
import type { PlaceMention } from './find-places.js';
import { foldLatinName, foldLatinNameUnfused } from './fold-latin-name.js';
import { isTextPlaceKey, placesForKey } from './english-place-names.js';

/** Longest place name tried, in words (Islamic State of Iraq ... is an actor, not a place). */
const MAX_WORDS = 4;

/** Short words that are also article spellings but never start a name in English text (at Raqqa). */
const NOT_NAME_START: ReadonlySet<string> = new Set(['ar', 'ad', 'as', 'at', 'az', 'ash', 'an', 'ez', 'es', 'ed', 'et', 'ul', 'il', 'l']);

/** English words that must not be read as one-word place names. */
const ENGLISH_WORDS: readonly string[] = [
  'a', 'about', 'after', 'against', 'all', 'and', 'any', 'are', 'around', 'before', 'between', 'by', 'city',
  'camp', 'country', 'countryside', 'desert', 'did', 'do', 'during', 'east', 'eastern', 'for', 'from', 'has',
  'have', 'how', 'in', 'into', 'is', 'last', 'latest', 'many', 'me', 'month', 'near', 'news', 'north',
  'northern', 'of', 'on', 'or', 'province', 'region', 'report', 'reports', 'rural', 'show', 'since', 'south',
  'southern', 'the', 'there', 'this', 'to', 'town', 'until', 'village', 'was', 'west', 'western', 'what',
  'when', 'where', 'which', 'who', 'why', 'with', 'week', 'year', 'today', 'recent', 'people', 'civilians',
  'fighters', 'children', 'women', 'dead', 'wounded', 'injured', 'casualties', 'area', 'areas', 'border',
  'governorate', 'district', 'ham', 'bab', 'tell', 'tall', 'hit', 'ana', 'balad', 'sham',
  // World place names that are also English words.
  'van', 'nice', 'hail', 'salt', 'sour', 'batman', 'mus', 'fez', 'kef', 'arak', 'ghat', 'capital', 'centre',
  'center', 'sale', 'bayda', 'sirt',
];

let stopwords: ReadonlySet<string> | undefined;

/** Common English words plus every English actor and event word that is not a place name, lowercased. */
function singleWordStops(): ReadonlySet<string> {
  if (!stopwords) {
    const words = new Set(ENGLISH_WORDS);
    for (const row of [...ACTORS, ...EVENT_TYPES]) {
      for (const form of row.english) {
        // Place words inside actor names (Islamic State of Iraq and Syria) stay matchable.
        for (const t of englishTokens(form)) if (!isTextPlaceKey(foldLatinName(t.text))) words.add(t.lower);
      }
    }
    stopwords = words;
  }
  return stopwords;
}

function nameAt(tokens: readonly EnglishToken[], i: number, n: number, text: string): { key: string } | null {
  const first = tokens[i]!;
  if (NOT_NAME_START.has(first.lower)) return null;
  if (n === 1 && (singleWordStops().has(first.lower) || /^\p{N}/u.test(first.text) || first.text.length < 3)) return null;
  for (let k = 1; k < n; k++) if (tokens[i + k]!.gap) return null;
  const surface = text.slice(first.start, tokens[i + n - 1]!.end);
  for (const key of [foldLatinName(surface), foldLatinNameUnfused(surface)]) {
    if (key.length >= 3 && isTextPlaceKey(key)) return { key };
  }
  return null;
}

/**
 * Place names in English text such as a search query, left to right, longest name first:
 * governorates, districts, sub-districts, the exonyms in the English lexicon, the world's
 * countries, provinces and cities, and landmarks, in any listed spelling (Deir ez-Zor, Dayr
 * az-Zawr, Deir Ezzor, al-Hasakah, Raqqa, Tabqa, Kerman, al-Hol camp). Syrian communities are
 * not matched in running text (use `resolvePlaceName`).
 */
export function findPlacesEnglish(text: string): PlaceMention[] {
  const tokens = englishTokens(text);
  const mentions: PlaceMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let n = Math.min(MAX_WORDS, tokens.length - i); n >= 1; n--) {
      const found = nameAt(tokens, i, n, text);
      const place = found ? placesForKey(found.key)[0] : undefined;
      if (!place) continue;
      const start = tokens[i]!.start;
      const end = tokens[i + n - 1]!.end;
      mentions.push({ pcode: place.pcode, admin1Pcode: place.admin1Pcode, start, end, surface: text.slice(start, end) });
      matched = n;
      break;
    }
    i += matched > 0 ? matched : 1;
  }
  return mentions;
}
