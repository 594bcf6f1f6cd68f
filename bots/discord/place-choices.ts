/** Autocomplete for the /search place option: the core's place suggestions as Discord choices. */
import type { Core } from '../../src/create-core.js';

/** Discord shows at most 25 autocomplete choices (API reference, "Autocomplete"). */
export const MAX_CHOICES = 25;

/** Choices for what the user has typed so far (see `Core.suggestPlaces`); a choice's value is a p-code. */
export function placeChoices(core: Pick<Core, 'suggestPlaces'>, typed: string): { name: string; value: string }[] {
  return core.suggestPlaces(typed, MAX_CHOICES).map((p) => ({ name: `${p.nameEn} · ${p.nameAr}`.slice(0, 100), value: p.pcode }));
}
