import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/fetch/retry-after-ms.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('retryAfterMs', () => {
  it.each([
    ['7', 7000],
    [' 120 ', 120_000],
    ['0', 0],
    ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
    ['Sat, 01 Mar 2025 11:00:00 GMT', 0], // already passed
  ])('%j → %d ms', (header, ms) => {
    expect(retryAfterMs(header, NOW)).toBe(ms);
  });

  it.each([null, '', '-5', 'soon', '1.5'])('%j → null', (header) => {
    expect(retryAfterMs(header, NOW)).toBeNull();
  });
});
