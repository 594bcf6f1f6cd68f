/** Autocomplete for the /search place option: gazetteer places by English or Arabic prefix. */
import { normalizeArabic } from '../../src/arabic/normalize-arabic.js';
import { loadGazetteer, type Place } from '../../src/understand/gazetteer.js';

/** Discord shows at most 25 autocomplete choices (API reference, "Autocomplete"). */
export const MAX_CHOICES = 25;
/** Governorates, districts and sub-districts: communities are too many to choose from by typing. */
const CHOOSABLE = new Set(['admin1', 'admin2', 'admin3']);

/**
 * Choices for what the user has typed so far: names starting with it first, Syria and Iraq before
 * the world's places, then governorates, districts and sub-districts.
 */
export function placeChoices(typed: string): { name: string; value: string }[] {
  const places = loadGazetteer().places.filter((p) => CHOOSABLE.has(p.level));
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
    .slice(0, MAX_CHOICES)
    .map((p) => ({ name: `${p.nameEn} · ${p.nameAr}`.slice(0, 100), value: p.pcode }));
}
