import { describe, expect, it } from 'vitest';
import { storyGovernorate, storyToll } from '../../../digests/compose/main-event.js';
import { eventRecord as event, place, understanding } from './understanding.js';

describe('storyGovernorate', () => {
  it('is the main event\'s governorate, not the place named most', () => {
    const u = understanding({ places: [place('SY09', 'SY09', 5)], eventRecords: [event('SY11', 4, 0), event('SY09', 1, 0)] });
    expect(storyGovernorate(u)).toBe('SY11');
  });

  it('an event placed only at country level sits under the governorate the report names most', () => {
    expect(storyGovernorate(understanding({ places: [place('SY09', 'SY09', 2)], eventRecords: [event(null, 25, 0, 'SY')] }))).toBe('SY09');
  });

  it('... else under its country', () => {
    expect(storyGovernorate(understanding({ eventRecords: [event(null, 25, 0, 'IR')] }))).toBe('IR');
  });

  it('a report with no incident sits where the places it names most are', () => {
    expect(storyGovernorate(understanding({ places: [place('SY09', 'SY09', 5)], eventRecords: [] }))).toBe('SY09');
  });
});

describe('storyToll', () => {
  it('is the main event\'s killed and wounded, never another event\'s', () => {
    expect(storyToll([understanding({ eventRecords: [event('SY11', 4, 7), event('IR', 25, 0)] })])).toEqual({ killed: 4, wounded: 7 });
  });

  it('when merged outlets disagree, the most conservative figure of each kind', () => {
    const a = understanding({ eventRecords: [event('SY11', 221, 0)] });
    const b = understanding({ eventRecords: [event('SY11', 220, 12)] });
    expect(storyToll([a, b])).toEqual({ killed: 220, wounded: 12 });
  });

  it('an outlet that states no figure does not make it zero', () => {
    const a = understanding({ eventRecords: [event('SY11', 0, 0)] });
    const b = understanding({ eventRecords: [event('SY11', 5, 0)] });
    expect(storyToll([a, b])).toEqual({ killed: 5, wounded: null });
  });

  it('no incident: no toll', () => {
    expect(storyToll([understanding({ eventRecords: [], incident: false })])).toBeNull();
  });
});
