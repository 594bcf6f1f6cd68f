import { describe, expect, it } from 'vitest';
import { findDuplicateStories, type StoryText } from '../../../digests/compose/find-duplicate-stories.js';
import {
  MAYADIN_ASSASSINATION, MAYADIN_FOLLOW_UP, MAYADIN_IED, WIRE_JAZIRAH, WIRE_RIYADH,
} from './stories.js';

const DAY = 86_400_000;
const JULY_23 = Date.parse('2015-07-23T19:15:00Z');

/** A report for duplicate detection: a story, its outlet, days after 23 July 2015, its governorate. */
function report(story: { title: string; body: string }, outlet: string | null, days: number, governorate: string | null = null): StoryText {
  return { text: `${story.title}\n${story.body}`, outlet, time: JULY_23 + days * DAY, governorate };
}

describe('findDuplicateStories', () => {
  it.each<[string, StoryText[], number[][]]>([
    ['nothing', [], []],
    ['one wire story, two outlets, next morning', [
      report(WIRE_RIYADH, 'Al-Riyadh', 0), report(WIRE_JAZIRAH, 'Al-Jazirah', 0.5),
    ], [[0, 1]]],
    ['two attacks in al-Mayadin the same day, sharing a boilerplate paragraph', [
      report(MAYADIN_IED, 'Deir ez-Zor 24', 0, 'SY09'), report(MAYADIN_ASSASSINATION, 'Furat Post', 0.3, 'SY09'),
    ], [[0], [1]]],
    ['the same story ten days apart', [
      report(WIRE_RIYADH, 'Al-Riyadh', 0), report(WIRE_RIYADH, 'Okaz', 10),
    ], [[0], [1]]],
    ['one outlet leading with a new attack over yesterday\'s story', [
      report(MAYADIN_IED, 'Deir ez-Zor 24', 0, 'SY09'), report(MAYADIN_FOLLOW_UP, 'Deir ez-Zor 24', 1, 'SY09'),
    ], [[0], [1]]],
    ['one outlet posting a story twice', [
      report(MAYADIN_IED, 'Deir ez-Zor 24', 0, 'SY09'), report(MAYADIN_IED, 'Deir ez-Zor 24', 0.1, 'SY09'),
    ], [[0, 1]]],
    ['outlets unknown, same text', [report(MAYADIN_IED, null, 0), report(MAYADIN_IED, null, 1)], [[0, 1]]],
    ['the same text placed in two governorates', [
      report(MAYADIN_IED, 'Deir ez-Zor 24', 0, 'SY09'), report(MAYADIN_IED, 'Raqqa 24', 0, 'SY11'),
    ], [[0], [1]]],
    ['a place on one side only', [
      report(MAYADIN_IED, 'Deir ez-Zor 24', 0, 'SY09'), report(MAYADIN_IED, 'Raqqa 24', 0, null),
    ], [[0, 1]]],
    ['a story never spans more than the window', [
      report(WIRE_RIYADH, 'Al-Riyadh', 0), report(WIRE_JAZIRAH, 'Al-Jazirah', 1.5), report(WIRE_RIYADH, 'Okaz', 3.5),
    ], [[0, 1], [2]]],
    ['stories interleaved', [
      report(WIRE_RIYADH, 'Al-Riyadh', 0), report(MAYADIN_IED, 'Deir ez-Zor 24', 0), report(WIRE_JAZIRAH, 'Al-Jazirah', 0.5),
      report(MAYADIN_ASSASSINATION, 'Furat Post', 0), report(MAYADIN_IED, 'Furat Post', 0.2),
    ], [[0, 2], [1, 4], [3]]],
    ['empty texts are never one story', [report({ title: '', body: '' }, 'A', 0), report({ title: '', body: '' }, 'B', 0)], [[0], [1]]],
  ])('%s', (_name, reports, groups) => {
    expect(findDuplicateStories(reports, { windowDays: 3 })).toEqual(groups);
  });

  it('keeps to the window it is given', () => {
    const pair = [report(WIRE_RIYADH, 'Al-Riyadh', 0), report(WIRE_JAZIRAH, 'Al-Jazirah', 2)];
    expect(findDuplicateStories(pair, { windowDays: 1 })).toEqual([[0], [1]]);
    expect(findDuplicateStories(pair, { windowDays: 2 })).toEqual([[0, 1]]);
  });
});
