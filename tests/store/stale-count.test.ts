/** The count of reports analyzed by another Rasid, taken at every start, reads an index, not the table. */
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import { ANALYSIS_VERSION } from '../../src/corpus/prepare-report.js';
import { testCore, testDb } from '../helpers/test-core.js';

let core: Core | undefined;
afterEach(() => core?.close());

const report = (n: number) => ({
  title: `تقرير رقم ${n}`,
  text: `انفجرت عبوة ناسفة في مدينة الرقة صباح اليوم، وفق مصادر محلية، في الحادثة رقم ${n}.`,
  url: `https://example.org/r${n}`,
  origin: `t${n}`,
});

describe('countAnalyzedBefore', () => {
  it('counts reports of an older and of a newer analysis version, and none of the current one', () => {
    core = testCore();
    const ids = [1, 2, 3, 4].map((n) => (core!.ingestOne(report(n)) as { id: number }).id);
    expect(core.store.countAnalyzedBefore(ANALYSIS_VERSION)).toBe(0);
    const setVersion = testDb(core).prepare('UPDATE reports SET analysis_version = ? WHERE id = ?');
    setVersion.run(ANALYSIS_VERSION - 1, ids[0]);
    setVersion.run(ANALYSIS_VERSION - 3, ids[1]);
    setVersion.run(ANALYSIS_VERSION + 1, ids[2]);
    expect(core.store.countAnalyzedBefore(ANALYSIS_VERSION)).toBe(3);
  });

  it('reads the analysis-version index, not every row', () => {
    core = testCore();
    const plan = testDb(core)
      .prepare('EXPLAIN QUERY PLAN SELECT (SELECT count(*) FROM reports WHERE analysis_version < @v) + (SELECT count(*) FROM reports WHERE analysis_version > @v) AS n')
      .all({ v: ANALYSIS_VERSION }) as { detail: string }[];
    const scans = plan.map((p) => p.detail).filter((d) => /\b(SCAN|SEARCH) reports\b/.test(d));
    expect(scans).toHaveLength(2);
    for (const detail of scans) expect(detail).toMatch(/^SEARCH reports USING COVERING INDEX reports_by_analysis_version \(analysis_version[<>]\?\)$/);
  });
});
