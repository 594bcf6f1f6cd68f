/** Broken plurals to their singulars (data/arabic/plurals.tsv), so مقابر meets مقبرة and عبوات meets عبوة. */
import { readFileSync } from 'node:fs';
import { repoPath } from '../config/repo-path.js';
import { ALEF, BEH, FEH, KAF, LAM, WAW } from './letters.js';
import { normalizeArabic } from './normalize-arabic.js';

/** Plural (normalized) to singular (normalized). */
export type PluralTable = ReadonlyMap<string, string>;

const normalize = (word: string) => normalizeArabic(word.trim()).toLowerCase();

/** Parses `plural<TAB>singular` lines (comments start with #); both sides are normalized. */
export function parsePlurals(tsv: string): PluralTable {
  const table = new Map<string, string>();
  for (const line of tsv.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [plural, singular] = line.split('\t');
    if (plural === undefined || singular === undefined || singular.trim() === '') throw new Error(`plurals: not plural<TAB>singular: ${line}`);
    table.set(normalize(plural), normalize(singular));
  }
  return table;
}

let loaded: PluralTable | undefined;

/** The project's table, read once. */
export function loadPlurals(): PluralTable {
  return (loaded ??= parsePlurals(readFileSync(repoPath('data', 'arabic', 'plurals.tsv'), 'utf8')));
}

/** light10's prefixes, longest first: a plural is looked up after at most one of them (والمقابر، بالمقابر). */
const PREFIXES: readonly string[] = [WAW + ALEF + LAM, BEH + ALEF + LAM, KAF + ALEF + LAM, FEH + ALEF + LAM, ALEF + LAM, LAM + LAM, WAW];

/**
 * The singular a normalized token stands for, without its prefix (stemming strips it anyway), or the
 * token itself when it is no listed plural.
 */
export function singularOf(table: PluralTable, norm: string): string {
  if (table.size === 0) return norm;
  const whole = table.get(norm);
  if (whole !== undefined) return whole;
  for (const prefix of PREFIXES) {
    if (norm.length - prefix.length < 2 || !norm.startsWith(prefix)) continue;
    const singular = table.get(norm.slice(prefix.length));
    if (singular !== undefined) return singular;
  }
  return norm;
}
