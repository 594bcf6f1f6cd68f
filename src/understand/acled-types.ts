// ACLED's event taxonomy (6 types, 25 sub-types) and how our finer event kinds map onto it.

import { expandEventTypes, type EventKey } from './events.js';

/** ACLED's six event types. */
export type AcledEventType =
  | 'Battles' | 'Explosions/Remote violence' | 'Violence against civilians' | 'Protests' | 'Riots'
  | 'Strategic developments';

/** ACLED's sub-event types, grouped by their event type. */
export const ACLED_SUB_TYPES: Readonly<Record<AcledEventType, readonly string[]>> = {
  Battles: ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': [
    'Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED', 'Grenade',
  ],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  Protests: ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  Riots: ['Violent demonstration', 'Mob violence'],
  'Strategic developments': [
    'Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established',
    'Looting/property destruction', 'Non-violent transfer of territory', 'Other',
  ],
};

/**
 * The kinds an event record carries: our event types that are happenings, plus `disrupted`
 * (a defused or foiled attack), `protest`, `riot` and `territory` (a place taken or retaken).
 */
export type EventKind =
  | 'attack' | 'armed_clash' | 'bombing' | 'car_bomb' | 'ied' | 'suicide_attack' | 'air_strike' | 'shelling'
  | 'chemical' | 'assassination' | 'execution' | 'abduction' | 'prison_attack' | 'raid_arrest' | 'disrupted' | 'protest'
  | 'riot' | 'territory' | 'other';

/** Event types that are talk of activity, not a happening: never an event record. */
export const NOT_HAPPENINGS: ReadonlySet<EventKey> = new Set(['threat', 'recruitment', 'extortion', 'sleeper_cells']);

/**
 * How much a kind says, most specific first: when one happening is written with several words
 * (هجوم ... بسيارة مفخخة), the record keeps the most specific.
 */
const SPECIFICITY: readonly EventKind[] = [
  'chemical', 'suicide_attack', 'car_bomb', 'ied', 'air_strike', 'shelling', 'prison_attack', 'execution', 'abduction',
  'assassination', 'armed_clash', 'territory', 'bombing', 'disrupted', 'raid_arrest', 'riot', 'protest', 'attack', 'other',
];

/** Rank of a kind: lower is more specific. */
export function specificity(kind: EventKind): number {
  const rank = SPECIFICITY.indexOf(kind);
  return rank < 0 ? SPECIFICITY.length : rank;
}

/** Kinds that name violence without saying which (هجوم، مقتل، انفجار): they join a more specific happening nearby. */
export const GENERIC_KINDS: ReadonlySet<EventKind> = new Set(['attack', 'bombing']);

export interface AcledType {
  readonly eventType: AcledEventType;
  readonly subEventType: string;
}

/**
 * ACLED's type for a kind. A generic attack is violence against civilians when its victims are
 * civilians (`civilianVictims`), else an armed clash; a territory change is a non-violent transfer
 * when told with a deal (`byDeal`: بموجب اتفاق، اتفاق مصالحة), else the government regaining it when
 * `byGovernment`, else a non-state actor overtaking it. A protest with dead is met with excessive force; one with
 * wounded only, with intervention.
 */
export function acledType(
  kind: EventKind, context: { civilianVictims: boolean; byGovernment: boolean; byDeal?: boolean; fatalities?: number; injuries?: number },
): AcledType {
  const t = (eventType: AcledEventType, subEventType: string): AcledType => ({ eventType, subEventType });
  switch (kind) {
    case 'suicide_attack': return t('Explosions/Remote violence', 'Suicide bomb');
    case 'car_bomb':
    case 'ied':
    case 'bombing': return t('Explosions/Remote violence', 'Remote explosive/landmine/IED');
    case 'air_strike': return t('Explosions/Remote violence', 'Air/drone strike');
    case 'chemical': return t('Explosions/Remote violence', 'Chemical weapon');
    case 'shelling': return t('Explosions/Remote violence', 'Shelling/artillery/missile attack');
    case 'execution':
    case 'assassination': return t('Violence against civilians', 'Attack');
    case 'abduction': return t('Violence against civilians', 'Abduction/forced disappearance');
    case 'armed_clash':
    case 'prison_attack': return t('Battles', 'Armed clash');
    case 'attack': return context.civilianVictims ? t('Violence against civilians', 'Attack') : t('Battles', 'Armed clash');
    case 'territory':
      if (context.byDeal) return t('Strategic developments', 'Non-violent transfer of territory');
      return context.byGovernment ? t('Battles', 'Government regains territory') : t('Battles', 'Non-state actor overtakes territory');
    case 'raid_arrest': return t('Strategic developments', 'Arrests');
    case 'disrupted': return t('Strategic developments', 'Disrupted weapons use');
    case 'protest':
      if ((context.fatalities ?? 0) > 0) return t('Protests', 'Excessive force against protesters');
      return (context.injuries ?? 0) > 0 ? t('Protests', 'Protest with intervention') : t('Protests', 'Peaceful protest');
    case 'riot': return t('Riots', 'Violent demonstration');
    case 'other': return t('Strategic developments', 'Other');
  }
}

/**
 * The record kinds a query's event types stand for: the types and every type below them, and a chemical attack
 * (a kind of its own in records, not a word of queries) wherever an attack is asked for.
 */
export function recordKindsOf(keys: readonly string[]): string[] {
  const kinds: string[] = expandEventTypes(keys);
  return kinds.includes('attack') ? [...kinds, 'chemical'] : kinds;
}
