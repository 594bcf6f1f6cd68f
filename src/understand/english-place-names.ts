// English place-name lookup for queries: every gazetteer spelling plus common exonyms, by folded key.

import { foldLatinName, foldLatinNameUnfused, skeletonKey } from './fold-latin-name.js';
import { cacheBesideGazetteer, isLandmark, LEVEL_RANK, loadGazetteer, type Gazetteer, type Place } from './gazetteer.js';
import { positionReader, readTables, writeTables } from './built-tables-cache.js';

/** Well-known English names and spellings the gazetteer lacks, each pointing to an existing P-code. */
const EXONYMS: Readonly<Record<string, readonly string[]>> = {
  SY: ['Syria', 'Syrian Arab Republic'],
  IQ: ['Iraq'],
  SY02: ['Aleppo', 'Halab', 'Haleb'],
  SY01: ['Damascus', 'Dimashq'],
  SY09: ['Deir ez-Zor', 'Deir al-Zour', 'Deir Ezzor', 'Dair Alzour', 'Deir el-Zor', 'Deir Zor', 'Der Zor', 'Deirezzor'],
  SY11: ['Raqqa', 'Rakka', 'Raqa', 'Al-Raqqa'],
  SY08: ['Hasakah', 'Hasaka', 'Hassakeh', 'Hasakeh', 'Hassake', 'Haseke'],
  SY13: ['Sweida', 'Suwayda', 'Suwaida', 'Sweyda'],
  SY12: ['Daraa', 'Deraa', 'Dara'],
  SY04: ['Homs', 'Hims'],
  SY07: ['Idlib', 'Idleb'],
  SY0405: ['Palmyra', 'Tadmur', 'Tadmor'],
  SY0902: ['Abu Kamal', 'Albukamal', 'Al-Bukamal', 'Bukamal', 'Boukamal', 'Abukamal', 'Al Bu Kamal', 'Albu Kamal'],
  SY0903: ['Mayadin', 'Al-Mayadin', 'Mayadeen', 'Al-Mayadeen', 'Meyadin'],
  SY0206: ['Kobani', 'Kobane', 'Kobanê', 'Ain al-Arab', 'Ayn al-Arab'],
  SY0205: ['Manbij', 'Menbij', 'Membij'],
  IQG10Q04N02: ['Khan Bani Saad', 'Khan Beni Saad', 'Khan Bani Sa\'ad'],
  C8745: ['Tabqa', 'Tabqah', 'Al-Tabqa', 'Taqba', 'Tabaqa', 'Al-Tabaqah', 'Tabqa city', 'Al-Tabqah'],
  SY080006: ['Hol', 'Al-Hol', 'Al-Hawl', 'Hol camp', 'al-Hol camp', 'Hawl'],
  C6795: ['Baghouz', 'Baghuz', 'Al-Baghuz', 'Al-Baghouz', 'Bagouz'],
  C5119: ['Shuhayl', 'Shuhail', 'Al-Shuhail', 'Al-Shuhayl', 'Shheil', 'Shiheil'],
  SY090201: ['Hajin', 'Hajeen'],
  SY090102: ['Busayrah', 'Busaira', 'Basira', 'Al-Busayrah'],
  SY090301: ['Dhiban', 'Thiban', 'Diban'],
  SY080002: ['Shaddadi', 'Al-Shaddadi', 'Shadadi', 'Shaddadah'],
  SY040501: ['Sukhnah', 'Al-Sukhnah', 'Sukhna'],
  SY040106: ['Qaryatayn', 'Al-Qaryatayn', 'Qaryatein'],
  SY110202: ['Ain Issa', 'Ayn Issa', 'Ain Eissa'],
  SY0802: ['Qamishli', 'Qamishlo', 'Kamishli'],
  C1597: ['Dabiq', 'Dabeq'],
  IQG15: ['Nineveh', 'Ninawa', 'Ninewa', 'Nineveh Province'],
  IQG15Q05: ['Mosul', 'Mousul', 'Al-Mosul', 'Mossul'],
  IQG15Q07: ['Sinjar', 'Shingal'],
  IQG15Q08: ['Tal Afar', 'Tel Afar', 'Tall Afar', 'Telafar', 'Tal Afer'],
  IQG15Q03: ['Qaraqosh', 'Bakhdida', 'Hamdaniya', 'Al-Hamdaniya'],
  IQG08Q07: ['Sadr City', 'Al-Thawra', 'Thawra'],
  IQG16: ['Salahuddin', 'Salah al-Din', 'Salah ad-Din', 'Saladin', 'Salahaddin', 'Salaheddine'],
  IQG16Q06: ['Tikrit'],
  IQG16Q03: ['Baiji', 'Bayji', 'Beiji'],
  IQG16Q05: ['Samarra'],
  IQG01: ['Anbar', 'Al-Anbar'],
  IQG01Q01: ['Fallujah', 'Falluja', 'Faluja'],
  IQG01Q03: ['Ramadi', 'Al-Ramadi'],
  IQG01Q02: ['Qaim', 'Al-Qaim', 'Al Qa\'im'],
  IQG01Q06: ['Haditha', 'Hadithah'],
  IQG01Q04: ['Rutba', 'Rutbah'],
  IQG13: ['Kirkuk', 'Kerkuk'],
  IQG13Q01: ['Hawija', 'Hawijah', 'Al-Hawija'],
  IQG08: ['Baghdad'],
  IQG10: ['Diyala', 'Diyalah'],
  IQG11: ['Erbil', 'Arbil', 'Irbil', 'Hawler'],
  IQG06: ['Sulaymaniyah', 'Sulaimaniyah', 'Slemani'],
  IQG09: ['Duhok', 'Dohuk', 'Dahuk'],
};

/** English lookup indexes, built once. */
export interface EnglishIndex {
  readonly gazetteer: Gazetteer;
  /** Folded key → places, curated exonyms first. */
  readonly byKey: ReadonlyMap<string, readonly Place[]>;
  /** Skeleton key → places, only governorates, districts, sub-districts and exonyms. */
  readonly bySkeleton: ReadonlyMap<string, readonly Place[]>;
  /** Every folded key of a governorate, district, sub-district or exonym, for suggestions. */
  readonly suggestKeys: readonly (readonly [string, Place])[];
  /** Folded keys that may be matched in running text (governorates, districts, sub-districts, exonyms). */
  readonly textKeys: ReadonlySet<string>;
}

let cached: EnglishIndex | undefined;

function englishIndex(): EnglishIndex {
  cached ??= loadIndex(loadGazetteer());
  return cached;
}

/** The index as cached: places by their position in `gazetteer.places`, which the cache's key pins. */
interface StoredIndex {
  readonly byKey: Map<string, number[]>;
  readonly bySkeleton: Map<string, number[]>;
  readonly suggestKeys: [string, number][];
  readonly textKeys: Set<string>;
}

/**
 * The index read from its cache beside the gazetteer's (about 15 ms instead of 70-110 ms of folding
 * every spelling), or built and cached. The key covers the gazetteer's tables and this code.
 * Exported for tests; the functions below use the default gazetteer's.
 */
export function loadIndex(gazetteer: Gazetteer): EnglishIndex {
  const cache = cacheBesideGazetteer(gazetteer, 'english-place-names', import.meta.url, ['./english-place-names', './fold-latin-name']);
  const stored = cache === null ? null : fromStored(gazetteer, readTables(cache));
  if (stored) return stored;
  const index = buildIndex(gazetteer);
  if (cache !== null) writeTables(cache, toStored(gazetteer, index));
  return index;
}

function toStored(gazetteer: Gazetteer, index: EnglishIndex): StoredIndex {
  const position = new Map(gazetteer.places.map((p, i) => [p, i]));
  const positions = (places: readonly Place[]): number[] => places.map((p) => position.get(p)!);
  return {
    byKey: new Map([...index.byKey].map(([key, places]) => [key, positions(places)])),
    bySkeleton: new Map([...index.bySkeleton].map(([key, places]) => [key, positions(places)])),
    suggestKeys: index.suggestKeys.map(([key, place]) => [key, position.get(place)!]),
    textKeys: new Set(index.textKeys),
  };
}

/** The index from what the cache held; null when it is not a whole index of this gazetteer. */
function fromStored(gazetteer: Gazetteer, value: unknown): EnglishIndex | null {
  const stored = value as Partial<StoredIndex> | null;
  if (stored === null || typeof stored !== 'object' || !(stored.byKey instanceof Map) || !(stored.bySkeleton instanceof Map)
    || !Array.isArray(stored.suggestKeys) || !(stored.textKeys instanceof Set)) return null;
  const places = positionReader(gazetteer.places);
  const lists = (map: Map<string, number[]>): Map<string, Place[]> => {
    const out = new Map<string, Place[]>();
    for (const [key, list] of map) {
      if (!Array.isArray(list)) places.spoil();
      else out.set(key, list.map(places.at));
    }
    return out;
  };
  const index: EnglishIndex = {
    gazetteer,
    byKey: lists(stored.byKey),
    bySkeleton: lists(stored.bySkeleton),
    suggestKeys: stored.suggestKeys.map(([key, i]) => [key, places.at(i)] as const),
    textKeys: stored.textKeys,
  };
  return places.whole() ? index : null;
}

function add(map: Map<string, Place[]>, key: string, place: Place): void {
  if (key === '') return;
  const list = map.get(key) ?? [];
  if (!list.includes(place)) list.push(place);
  map.set(key, list);
}

function buildIndex(gazetteer: Gazetteer): EnglishIndex {
  const curated = new Map<string, Place[]>();
  const byKey = new Map<string, Place[]>();
  const bySkeleton = new Map<string, Place[]>();
  const suggestKeys: [string, Place][] = [];
  const textKeys = new Set<string>();
  const curatedPcodes = new Set<string>();
  for (const [pcode, names] of Object.entries(EXONYMS)) {
    const place = gazetteer.get(pcode);
    if (!place) throw new Error(`english-place-names: unknown P-code ${pcode}`);
    curatedPcodes.add(pcode);
    for (const name of names) {
      const key = foldLatinName(name);
      add(curated, key, place);
      add(bySkeleton, skeletonKey(key), place);
      suggestKeys.push([key, place]);
      textKeys.add(key);
    }
  }
  for (const place of gazetteer.places) {
    const wide = LEVEL_RANK[place.level] <= 3 || isLandmark(place);
    for (const spelling of gazetteer.englishSpellings(place.pcode)) {
      const key = foldLatinName(spelling);
      add(byKey, key, place);
      if (!wide) continue;
      add(bySkeleton, skeletonKey(key), place);
      suggestKeys.push([key, place]);
      textKeys.add(key);
    }
  }
  const rank = (p: Place): number => (curatedPcodes.has(p.pcode) ? 0 : 10) + LEVEL_RANK[p.level] + (p.country === 'SYR' ? 0 : 0.5);
  const merged = new Map<string, readonly Place[]>();
  for (const key of new Set([...curated.keys(), ...byKey.keys()])) {
    const first = curated.get(key) ?? [];
    const rest = (byKey.get(key) ?? []).filter((p) => !first.includes(p)).sort((a, b) => rank(a) - rank(b));
    merged.set(key, [...first, ...rest]);
  }
  for (const [key, list] of bySkeleton) bySkeleton.set(key, [...list].sort((a, b) => rank(a) - rank(b)));
  return { gazetteer, byKey: merged, bySkeleton, suggestKeys, textKeys };
}

/**
 * Places an English (or Latin-transliterated) name may refer to, best first: exonyms listed
 * above first, then higher admin levels, then Syria before Iraq. Tries the folded key, then the
 * key with a fused article removed (Alzour), then the consonant skeleton (governorates,
 * districts and sub-districts only). Empty when nothing matches.
 *
 * @example resolvePlaceName('Dayr az-Zawr')[0].pcode === 'SY09'
 */
export function resolvePlaceName(name: string): Place[] {
  const index = englishIndex();
  const key = foldLatinName(name);
  const direct = index.byKey.get(key) ?? index.byKey.get(foldLatinNameUnfused(name));
  if (direct) return [...direct];
  return [...(index.bySkeleton.get(skeletonKey(key)) ?? [])];
}

/** True when a folded key may be matched as a place in running English text. */
export function isTextPlaceKey(key: string): boolean {
  return englishIndex().textKeys.has(key);
}

/** Places for a folded key, best first (used by the English text matcher). */
export function placesForKey(key: string): readonly Place[] {
  return englishIndex().byKey.get(key) ?? [];
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The `n` known places whose spellings are nearest to an unknown name (edit distance between
 * folded keys, at most a third of the key's length, 1 to 3), nearest first, higher admin levels
 * first on ties, one place per governorate.
 *
 * @example suggestPlaces('Raqqqa')[0].pcode === 'SY11'
 */
export function suggestPlaces(name: string, n = 3): Place[] {
  const key = foldLatinName(name);
  if (key === '') return [];
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  const best = new Map<string, { place: Place; distance: number }>();
  for (const [candidate, place] of englishIndex().suggestKeys) {
    const distance = editDistance(key, candidate, limit);
    if (distance > limit) continue;
    const seen = best.get(place.pcode);
    if (!seen || distance < seen.distance) best.set(place.pcode, { place, distance });
  }
  const ranked = [...best.values()].sort(
    (a, b) => a.distance - b.distance || LEVEL_RANK[a.place.level] - LEVEL_RANK[b.place.level],
  );
  const governorates = new Set<string>();
  const out: Place[] = [];
  for (const { place } of ranked) {
    const governorate = place.admin1Pcode ?? place.pcode;
    if (governorates.has(governorate)) continue;
    governorates.add(governorate);
    out.push(place);
    if (out.length === n) break;
  }
  return out;
}
