import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/feeds/parse-duration.js';

describe('parseDuration', () => {
  it.each([
    ['30m', 30 * 60_000],
    ['12h', 12 * 3_600_000],
    ['7d', 7 * 86_400_000],
    ['2w', 14 * 86_400_000],
    [' 7D ', 7 * 86_400_000],
    ['366d', 366 * 86_400_000],
  ])('%j → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '7', 'd', '7 days', '-1d', '0d', '1.5d', '367d', '60w'])('%j is not a duration', (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});
