/** The last report that arrived before a time: what an alert check asks first, at every check. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import { syntheticReport } from '../helpers/synthetic-reports.js';
import { testClock, testCore, testDb } from '../helpers/test-core.js';

let core: Core | undefined;
afterEach(() => core?.close());


describe('lastId(before)', () => {
  it.each([
    ['before any report', '2026-01-01T00:00:00Z', 0],
    ['between the second and the third', '2026-01-01T02:30:00Z', 2],
    ['at the third: arrived before is strict', '2026-01-01T03:00:00Z', 2],
    ['after every report', '2026-01-02T00:00:00Z', 4],
  ])('%s', (_case, at, expected) => {
    const clock = testClock(new Date('2026-01-01T01:00:00Z'));
    core = testCore({}, { clock });
    for (let n = 1; n <= 4; n++) {
      expect(core.ingestOne(syntheticReport(n)).ok).toBe(true);
      clock.advance(3_600_000);
    }
    expect(core.lastReportId(new Date(at))).toBe(expected);
  });

  it('is one seek down the arrival index, not a walk over every row', () => {
    core = testCore();
    const plan = testDb(core)
      .prepare('EXPLAIN QUERY PLAN SELECT id AS n FROM reports WHERE ingested_at < ? ORDER BY ingested_at DESC, id DESC LIMIT 1')
      .all('2026-01-01T00:00:00Z') as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual(['SEARCH reports USING COVERING INDEX reports_by_ingested (ingested_at<?)']);
  });
});
