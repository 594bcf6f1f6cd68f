/** Places for what a user has typed so far (a place chosen from a list, as chat autocomplete offers). */
import { normalizeArabic } from '../arabic/normalize-arabic.js';
import type { Gazetteer, Place } from '../understand/gazetteer.js';

/** Governorates, districts and sub-districts: communities are too many to choose from by typing. */
const CHOOSABLE = new Set(['admin1', 'admin2', 'admin3']);

/**
 * At most `limit` places for `typed`: names starting with it first, Syria and Iraq before the world's
 * places, then governorates, districts and sub-districts; nothing typed gives the governorates.
 * One place per English and Arabic name pair.
 */
export function suggestPlaces(gazetteer: Gazetteer, typed: string, limit: number): Place[] {
  const places = gazetteer.places.filter((p) => CHOOSABLE.has(p.level));
  const text = typed.trim();
  const arabic = /\p{Script=Arabic}/u.test(text);
  const needle = arabic ? normalizeArabic(text) : text.toLowerCase();
  const matches = (p: Place) => (needle === '' ? p.level === 'admin1' : arabic ? normalizeArabic(p.nameAr).startsWith(needle) : p.nameEn.toLowerCase().includes(needle));
  // Names that start with what was typed first (Raqqa before Mafraq for "raq"), Syria and Iraq before the world.
  const rankOf = (p: Place): number =>
    (arabic || p.nameEn.toLowerCase().startsWith(needle) ? 0 : 2) + (p.country === 'SYR' || p.country === 'IRQ' ? 0 : 1);
  const seen = new Set<string>();
  return places
    .filter(matches)
    .sort((a, b) => rankOf(a) - rankOf(b) || a.level.localeCompare(b.level) || a.nameEn.localeCompare(b.nameEn))
    .filter((p) => !seen.has(`${p.nameEn}|${p.nameAr}`) && seen.add(`${p.nameEn}|${p.nameAr}`))
    .slice(0, limit);
}
