import { describe, expect, it } from 'vitest';
import { ACLED_SUB_TYPES, acledType, recordKindsOf, specificity, type EventKind } from '../../src/understand/acled-types.js';

const plain = { civilianVictims: false, byGovernment: false };

describe('acledType', () => {
  it.each([
    ['suicide_attack', 'Explosions/Remote violence', 'Suicide bomb'],
    ['car_bomb', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    ['ied', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    ['bombing', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
    ['air_strike', 'Explosions/Remote violence', 'Air/drone strike'],
    ['shelling', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'],
    ['chemical', 'Explosions/Remote violence', 'Chemical weapon'],
    ['execution', 'Violence against civilians', 'Attack'],
    ['assassination', 'Violence against civilians', 'Attack'],
    ['abduction', 'Violence against civilians', 'Abduction/forced disappearance'],
    ['armed_clash', 'Battles', 'Armed clash'],
    ['prison_attack', 'Battles', 'Armed clash'],
    ['attack', 'Battles', 'Armed clash'],
    ['territory', 'Battles', 'Non-state actor overtakes territory'],
    ['raid_arrest', 'Strategic developments', 'Arrests'],
    ['disrupted', 'Strategic developments', 'Disrupted weapons use'],
    ['protest', 'Protests', 'Peaceful protest'],
    ['riot', 'Riots', 'Violent demonstration'],
    ['other', 'Strategic developments', 'Other'],
  ] as const)('%s → %s / %s', (kind, eventType, subEventType) => {
    expect(acledType(kind, plain)).toEqual({ eventType, subEventType });
    expect(ACLED_SUB_TYPES[eventType]).toContain(subEventType);
  });

  it('a generic attack on civilians is violence against civilians', () => {
    expect(acledType('attack', { civilianVictims: true, byGovernment: false })).toEqual({ eventType: 'Violence against civilians', subEventType: 'Attack' });
  });

  it('territory handed over under a deal is a non-violent transfer, whoever takes it', () => {
    expect(acledType('territory', { civilianVictims: false, byGovernment: true, byDeal: true }))
      .toEqual({ eventType: 'Strategic developments', subEventType: 'Non-violent transfer of territory' });
  });

  it.each([
    [{ fatalities: 0, injuries: 0 }, 'Peaceful protest'],
    [{ fatalities: 0, injuries: 30 }, 'Protest with intervention'],
    [{ fatalities: 3, injuries: 30 }, 'Excessive force against protesters'],
  ])('a protest with %o is %s', (figures, subEventType) => {
    expect(acledType('protest', { ...plain, ...figures })).toEqual({ eventType: 'Protests', subEventType });
  });

  it('territory taken by government forces is the government regaining it', () => {
    expect(acledType('territory', { civilianVictims: false, byGovernment: true }).subEventType).toBe('Government regains territory');
  });

  it('ACLED has 25 sub-event types', () => {
    expect(Object.values(ACLED_SUB_TYPES).flat()).toHaveLength(25);
  });

  it('the more specific kind wins: suicide attack over car bomb over bombing over attack', () => {
    const kinds: EventKind[] = ['attack', 'bombing', 'car_bomb', 'suicide_attack'];
    expect([...kinds].sort((a, b) => specificity(a) - specificity(b))).toEqual(['suicide_attack', 'car_bomb', 'bombing', 'attack']);
  });
});

describe('recordKindsOf', () => {
  it.each<[string[], string[]]>([
    [['attack'], ['attack', 'armed_clash', 'bombing', 'air_strike', 'shelling', 'assassination', 'abduction', 'prison_attack', 'car_bomb', 'ied', 'suicide_attack', 'execution', 'chemical']],
    [['bombing'], ['bombing', 'car_bomb', 'ied', 'suicide_attack']],
    [['threat'], ['threat']],
  ])('%j → %j', (keys, kinds) => {
    expect(recordKindsOf(keys)).toEqual(kinds);
  });
});
