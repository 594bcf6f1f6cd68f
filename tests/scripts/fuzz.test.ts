import { describe, expect, it } from 'vitest';
import { hostileFile, hostileQuery, rng } from '../../scripts/fuzz/hostile-inputs.js';
import { runFuzz } from '../../scripts/fuzz/run-fuzz.js';

describe('npm run fuzz', () => {
  it('generates the same inputs for the same seed', () => {
    const a = rng(7);
    const b = rng(7);
    expect(Array.from({ length: 20 }, () => hostileQuery(a))).toEqual(Array.from({ length: 20 }, () => hostileQuery(b)));
    expect(hostileFile(rng(3), 5)).toEqual(hostileFile(rng(3), 5));
  });

  it('a small run of every kind finds no crash, no hang and no lost report', async () => {
    const result = await runFuzz({ seed: 2, counts: { queries: 60, feeds: 60, pages: 12, files: 40, servedFeeds: 3, servedLinks: 6 } });
    expect(result.inputs).toEqual({ queries: 60, feeds: 60, pages: 12, files: 40, servedFeeds: 3, servedLinks: 6 });
    expect({ crashes: result.crashes, hangs: result.hangs, lost: result.lost }).toEqual({ crashes: [], hangs: [], lost: [] });
    expect(result.expectedReports).toBeGreaterThan(5);
  }, 60_000);
});
