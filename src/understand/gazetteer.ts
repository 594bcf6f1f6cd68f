// Loads the gazetteer (Syria + Iraq admin places, world countries and regional provinces and cities,
// conflict landmarks: data/gazetteer/*.csv) into lookup indexes.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeArabic } from '../arabic/normalize-arabic.js';
import { HAMZA, YEH } from '../arabic/letters.js';
import { parseCsvRecords } from '../text/parse-csv.js';
import { cacheFileIn, moduleSources, readTables, tablesKey, writeTables, type TablesCache } from './built-tables-cache.js';

/** Admin levels, from country (admin0) to community (admin4, Syria only). */
export type AdminLevel = 'admin0' | 'admin1' | 'admin2' | 'admin3' | 'admin4';

/** One gazetteer row. */
export interface Place {
  readonly pcode: string;
  readonly level: AdminLevel;
  /** ISO 3166-1 alpha-3 code of the country: 'SYR', 'IRQ', 'TUR', 'IRN' ... */
  readonly country: string;
  readonly nameEn: string;
  readonly nameAr: string;
  /** Null for the admin0 rows. */
  readonly parentPcode: string | null;
  /** The governorate: itself for admin1, null for admin0. */
  readonly admin1Pcode: string | null;
  /** P-codes from this place up to its admin1 (just `[pcode]` for admin0 and admin1). */
  readonly lineage: readonly string[];
  /** The gazetteer's point for the place (a centroid or the town itself); null when it has none. */
  readonly lat: number | null;
  readonly lon: number | null;
  /**
   * What kind of place a row is beyond its admin level: `capital` for the seat of a government
   * (world rows); for landmarks the kind of site (airbase, airport, base, prison, dam, oilfield,
   * gasfield, refinery, camp, crossing, mountain, region). Absent for ordinary admin places.
   */
  readonly feature?: string;
}

/** Landmark kinds: a landmark is a site (base, prison, camp ...) linked to the place it lies in (its parent). */
export const LANDMARK_FEATURES: ReadonlySet<string> = new Set([
  'airbase', 'airport', 'base', 'prison', 'dam', 'oilfield', 'gasfield', 'refinery', 'camp', 'crossing', 'mountain', 'region',
]);

/** Landmark kinds that are areas (الغوطة الشرقية، جبال قنديل), not sites: a town named in them is more specific. */
const AREA_FEATURES: ReadonlySet<string> = new Set(['mountain', 'region']);

/** True when the place is a landmark that is an area (الغوطة الشرقية، جبال قنديل). */
export function isArea(place: Place): boolean {
  return place.feature !== undefined && AREA_FEATURES.has(place.feature);
}

/** True when the place is a landmark (a site such as مطار حميميم), not an admin area. */
export function isLandmark(place: Place): boolean {
  return place.feature !== undefined && LANDMARK_FEATURES.has(place.feature);
}

/** The loaded gazetteer and its indexes. */
export interface Gazetteer {
  readonly places: readonly Place[];
  get(pcode: string): Place | undefined;
  /** Direct children of a place (empty for communities). */
  children(pcode: string): readonly Place[];
  /**
   * Places by normalized Arabic name: `name_ar`, `name_ar_ocha` and `alt_names_ar`, with
   * descriptor prefixes such as محافظة / منطقة / ناحية / مركز removed.
   */
  readonly byArabicName: ReadonlyMap<string, readonly Place[]>;
  /** Every English spelling of a place: `name_en`, `name_en_ocha`, `alt_names_en`. */
  englishSpellings(pcode: string): readonly string[];
}

/** Numeric rank of each level, 0 for admin0. */
export const LEVEL_RANK: Readonly<Record<AdminLevel, number>> = {
  admin0: 0, admin1: 1, admin2: 2, admin3: 3, admin4: 4,
};

const GAZETTEER_FILE = join('data', 'gazetteer', 'gazetteer.csv');
/** Files loaded beside gazetteer.csv by default: world countries / provinces / cities, and landmarks. */
const EXTRA_FILES: readonly string[] = ['world.csv', 'landmarks.csv'];

/** ISO alpha-3 → admin0 P-code (ISO alpha-2), filled as gazetteers load. */
const countryCodes = new Map<string, string>([['SYR', 'SY'], ['IRQ', 'IQ']]);

/**
 * The admin0 P-code of a place's country, which is its ISO 3166-1 alpha-2 code:
 * 'SY', 'IQ', 'TR', 'IR' ... (the place itself for an admin0 row).
 */
export function countryCodeOf(place: Place): string {
  if (place.level === 'admin0') return place.pcode;
  return countryCodes.get(place.country) ?? place.country;
}

/** Descriptor words that alternate names carry in front of the name itself. */
const NAME_PREFIXES: readonly string[] = ['ناحية مركز', 'محافظة', 'منطقة', 'ناحية', 'مركز', 'مدينة', 'قضاء'].map(normalizeArabic);

/** Arabic letters and spaces only: drops transliterations and Kurdish spellings from the Arabic columns. */
const ARABIC_NAME = new RegExp(`^[${HAMZA}-${YEH} ]+$`, 'u');

/** Finds the repository root by walking up from this module (works from src/ and from dist/src/). */
function defaultCsvPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, GAZETTEER_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`gazetteer: ${GAZETTEER_FILE} not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

function splitCell(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell.split('|').map((s) => s.trim()).filter((s) => s !== '');
}

/** The normalized name with descriptor prefixes dropped; null when it is not plain Arabic. */
function cleanArabicName(part: string): string | null {
  const name = normalizeArabic(part).replace(/\s+/gu, ' ').trim();
  if (!ARABIC_NAME.test(name)) return null;
  for (const prefix of NAME_PREFIXES) {
    if (name.startsWith(`${prefix} `) && name.length > prefix.length + 2) return name.slice(prefix.length + 1);
  }
  return name;
}

/**
 * Normalized Arabic names for one cell value. Communities may carry twin names joined by an
 * underscore (هليل_هوليلو); the part after it is returned separately in `second`, because it is
 * sometimes the nearby town instead (جب الخفي_منبج).
 */
function arabicNameForms(raw: string): { first: string[]; second: string[] } {
  const [head = '', ...tail] = raw.split('_');
  const first = cleanArabicName(head);
  return {
    first: first ? [first] : [],
    second: tail.map(cleanArabicName).filter((n): n is string => n !== null),
  };
}

/** A coordinate cell as a number; null when empty or not a number. */
function coordinate(cell: string | undefined): number | null {
  if (!cell) return null;
  const value = Number(cell);
  return Number.isFinite(value) ? value : null;
}

/**
 * The built tables, without the closures over them: what the cache file holds. One object graph, so a
 * place is the same object in every table after it is read back.
 */
interface GazetteerTables {
  readonly places: Place[];
  readonly byPcode: Map<string, Place>;
  readonly childrenOf: Map<string, Place[]>;
  readonly byArabicName: Map<string, Place[]>;
  readonly english: Map<string, string[]>;
}

function buildTables(csvTexts: readonly string[]): GazetteerTables {
  const records = csvTexts.flatMap((text) => parseCsvRecords(text));
  const parentOf = new Map<string, string | null>();
  const levelOf = new Map<string, AdminLevel>();
  for (const r of records) {
    parentOf.set(r.pcode!, r.parent_pcode || null);
    levelOf.set(r.pcode!, r.level as AdminLevel);
  }
  const lineageOf = (pcode: string): string[] => {
    const lineage = [pcode];
    let current = pcode;
    while (levelOf.get(current) !== 'admin1' && levelOf.get(current) !== 'admin0') {
      const parent = parentOf.get(current);
      if (!parent) break;
      lineage.push(parent);
      current = parent;
    }
    return lineage;
  };

  const places: Place[] = [];
  const byPcode = new Map<string, Place>();
  const childrenOf = new Map<string, Place[]>();
  const byArabicName = new Map<string, Place[]>();
  const english = new Map<string, string[]>();
  const twinNames: [string, Place][] = [];
  const addName = (name: string, place: Place): void => {
    const list = byArabicName.get(name) ?? [];
    if (!list.includes(place)) list.push(place);
    byArabicName.set(name, list);
  };

  for (const r of records) {
    const pcode = r.pcode!;
    const level = r.level as AdminLevel;
    const lineage = lineageOf(pcode);
    const place: Place = {
      pcode,
      level,
      country: r.country!,
      nameEn: r.name_en!,
      nameAr: r.name_ar!,
      parentPcode: r.parent_pcode || null,
      admin1Pcode: level === 'admin0' ? null : lineage[lineage.length - 1]!,
      lineage,
      lat: coordinate(r.lat),
      lon: coordinate(r.lon),
      ...(r.feature ? { feature: r.feature } : {}),
    };
    places.push(place);
    byPcode.set(pcode, place);
    if (place.parentPcode) {
      const siblings = childrenOf.get(place.parentPcode) ?? [];
      siblings.push(place);
      childrenOf.set(place.parentPcode, siblings);
    }
    const arabic = new Set<string>();
    for (const raw of [r.name_ar!, r.name_ar_ocha!, ...splitCell(r.alt_names_ar)]) {
      const forms = arabicNameForms(raw);
      for (const form of forms.first) arabic.add(form);
      for (const form of forms.second) twinNames.push([form, place]);
    }
    for (const name of arabic) addName(name, place);
    const spellings = new Set([r.name_en!, r.name_en_ocha!, ...splitCell(r.alt_names_en)].filter((s) => s !== ''));
    english.set(pcode, [...spellings]);
  }

  // A twin name counts unless a governorate, district or sub-district already has it (منبج).
  for (const [name, place] of twinNames) {
    if (!(byArabicName.get(name) ?? []).some((p) => LEVEL_RANK[p.level] <= 3)) addName(name, place);
  }

  return { places, byPcode, childrenOf, byArabicName, english };
}

function gazetteerOf(tables: GazetteerTables): Gazetteer {
  const { places, byPcode, childrenOf, byArabicName, english } = tables;
  for (const place of places) if (place.level === 'admin0') countryCodes.set(place.country, place.pcode);
  return {
    places,
    get: (pcode) => byPcode.get(pcode),
    children: (pcode) => childrenOf.get(pcode) ?? [],
    byArabicName,
    englishSpellings: (pcode) => english.get(pcode) ?? [],
  };
}

/** The code the tables are built by: this module and those it reads names with. */
const BUILDING_MODULES: readonly string[] = ['./gazetteer', '../arabic/normalize-arabic', '../arabic/letters', '../text/parse-csv'];

/** The tables read back from a cache, when they are whole. */
function cachedTables(cache: TablesCache): GazetteerTables | null {
  const tables = readTables(cache) as Partial<GazetteerTables> | null;
  const ok = tables !== null && typeof tables === 'object' && Array.isArray(tables.places) && tables.places.length > 0
    && [tables.byPcode, tables.childrenOf, tables.byArabicName, tables.english].every((m) => m instanceof Map);
  return ok ? (tables as GazetteerTables) : null;
}

/** The cache a gazetteer's tables came from or went to: tables derived from it are cached beside them. */
const cacheOf = new WeakMap<Gazetteer, TablesCache>();

/**
 * A cache for tables built from `gazetteer` and the code in `codeModules` (relative to `moduleUrl`,
 * without extension): a file `name` beside the gazetteer's cache, keyed by that cache's key and the
 * code. Null when the gazetteer is not cached (a gazetteer loaded from a path given).
 */
export function cacheBesideGazetteer(gazetteer: Gazetteer, name: string, moduleUrl: string, codeModules: readonly string[]): TablesCache | null {
  const cache = cacheOf.get(gazetteer);
  if (!cache) return null;
  return { file: cacheFileIn(dirname(cache.file), name, moduleUrl), key: tablesKey([cache.key, name, ...moduleSources(moduleUrl, codeModules)]) };
}

/**
 * Loads and indexes the given gazetteer CSV files (not memoized). With `cacheFile`, the built tables
 * are read from it when it was built from the same files and code (about 30 ms instead of 150-350 ms
 * of building), and written to it otherwise; a missing, stale, corrupt or unwritable cache only means
 * the tables are built.
 */
export function loadGazetteerFiles(files: readonly string[], cacheFile: string | null = null): Gazetteer {
  // Bytes, not text: the key hashes them as they are, and only a build needs them decoded.
  const bytes = files.map((f) => readFileSync(f));
  const texts = (): string[] => bytes.map((b) => b.toString('utf8'));
  if (cacheFile === null) return gazetteerOf(buildTables(texts()));
  const cache = { file: cacheFile, key: tablesKey([...moduleSources(import.meta.url, BUILDING_MODULES), ...files.flatMap((f, i) => [f, bytes[i]!])]) };
  let tables = cachedTables(cache);
  if (!tables) {
    tables = buildTables(texts());
    writeTables(cache, tables);
  }
  const gazetteer = gazetteerOf(tables);
  cacheOf.set(gazetteer, cache);
  return gazetteer;
}

const loaded = new Map<string, Gazetteer>();
let defaultPath: string | undefined;

/**
 * Loads and indexes gazetteer CSV files, memoized per path. By default: `data/gazetteer/gazetteer.csv`
 * in the repository that contains this module, with `world.csv` and `landmarks.csv` beside it
 * (same columns, plus `feature`), its tables cached in `data/cache/` (see loadGazetteerFiles). A path
 * given loads that one file only, uncached.
 */
export function loadGazetteer(csvPath?: string): Gazetteer {
  const path = csvPath ? resolve(csvPath) : (defaultPath ??= defaultCsvPath());
  let gazetteer = loaded.get(csvPath ? path : `default:${path}`);
  if (!gazetteer) {
    const files = csvPath ? [path] : [path, ...EXTRA_FILES.map((f) => join(dirname(path), f)).filter((f) => existsSync(f))];
    gazetteer = loadGazetteerFiles(files, csvPath ? null : cacheFileIn(join(dirname(dirname(path)), 'cache'), 'gazetteer', import.meta.url));
    loaded.set(csvPath ? path : `default:${path}`, gazetteer);
  }
  return gazetteer;
}
