import { describe, expect, it } from 'vitest';
import { sentenceEventEvidence, type StoredSentence } from '../../src/search/event-evidence.js';

/** A catalog with Raqqa city (C1) inside Raqqa governorate (SY11), and car bombs under bombings under attacks. */
const catalog = {
  placeLineage: (p: string) => (p === 'C1' ? ['C1', 'SY11'] : [p]),
  eventAncestors: (e: string) => ({ car_bomb: ['car_bomb', 'bombing', 'attack'], bombing: ['bombing', 'attack'] })[e] ?? [e],
};
const s = (paragraph: number, places: string[], events: string[]): StoredSentence => ({ paragraph, places, events, actors: [] });
const evidence = sentenceEventEvidence(catalog);
const run = (sentences: StoredSentence[], places: string[], events: string[]) =>
  evidence([7], { places, events }, { sentences: () => sentences }).get(7) ?? 0;

describe('sentenceEventEvidence', () => {
  it.each([
    ['a car bomb in Raqqa city, in the lead, answers "attacks in Raqqa" fully', [s(0, ['C1'], ['car_bomb'])], ['SY11'], ['attack'], 1],
    ['the same deeper in the report', [s(4, ['C1'], ['car_bomb'])], ['SY11'], ['attack'], 0.75],
    ['the event and the place in different sentences: none', [s(0, ['C1'], []), s(1, [], ['car_bomb'])], ['SY11'], ['attack'], 0],
    ['a broader event than asked is not evidence', [s(0, ['C1'], ['attack'])], ['SY11'], ['car_bomb'], 0],
    ['no place asked: the event in the lead', [s(1, [], ['bombing'])], [], ['bombing'], 1],
    ['no place asked: the event deeper', [s(3, [], ['bombing'])], [], ['bombing'], 0.4],
    ['no event asked: no evidence', [s(0, ['C1'], ['car_bomb'])], ['SY11'], [], 0],
  ])('%s', (_name, sentences, places, events, expected) => {
    expect(run(sentences, places, events)).toBe(expected);
  });
});
