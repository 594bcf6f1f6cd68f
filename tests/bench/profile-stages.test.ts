import { describe, expect, it } from 'vitest';
import { stageOf, summarizeProfile, type CpuProfile } from '../../scripts/lib/profile-stages.js';

const D = 'file:///repo/dist';
const f = (functionName: string, url = '') => ({ functionName, url });
const ingest = [f('(root)'), f('processTicksAndRejections', 'node:internal/process/task_queues'), f('ingestReports', `${D}/src/corpus/ingest-reports.js`)];
const prepare = [...ingest, f('prepareReport', `${D}/src/corpus/prepare-report.js`)];

describe('stageOf', () => {
  it.each([
    ['GC', [f('(root)'), f('(garbage collector)')]],
    ['reading', [...ingest, f('corpusItems', `${D}/scripts/lib/research-corpus.js`), f('parse')]],
    ['reading', [...ingest, f('processCallback', 'node:zlib')]],
    ['cleaning', [...prepare, f('cleanPageText', `${D}/src/ingest/clean-page-text.js`), f('chromeKey', `${D}/src/ingest/page-chrome.js`)]],
    ['cleaning', [...prepare, f('contentHash', `${D}/src/corpus/prepare-report.js`), f('normalizeArabic', `${D}/src/arabic/normalize-arabic.js`)]],
    // The analyzer called by understanding is understanding (the outermost stage frame wins).
    ['understanding', [...prepare, f('understandReport', `${D}/src/understand/understand-report.js`), f('terms', `${D}/src/arabic/analyze-arabic.js`)]],
    ['analysis', [...prepare, f('terms', `${D}/src/arabic/analyze-arabic.js`)]],
    ['SQLite writes', [...ingest, f('flush', `${D}/src/corpus/ingest-reports.js`), f('upsert', `${D}/src/store/report-store.js`)]],
    // The gazetteer read while the core is built is start-up, though it lives in src/understand.
    ['core start-up', [f('(root)'), f('run', 'node:internal/modules/esm/module_job'), f('main'), f('createCore', `${D}/src/create-core.js`), f('loadGazetteer', `${D}/src/understand/gazetteer.js`)]],
    ['module loading', [f('(root)'), f('run', 'node:internal/modules/esm/module_job'), f('compileSourceTextModule', 'node:internal/modules/esm/utils')]],
    ['other', [f('(root)'), f('(program)')]],
  ] as const)('%s ← %j', (stage, stack) => {
    expect(stageOf(stack)).toBe(stage);
  });
});

describe('summarizeProfile', () => {
  it('splits the samples by stage and lists self time, idle left out', () => {
    // 4 samples over 4 ms: 1 ms each. Two in the analyzer under understanding, one in GC, one idle.
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 4, 5] },
        { id: 2, callFrame: { functionName: 'understandReport', url: `${D}/src/understand/understand-report.js`, lineNumber: 9 }, children: [3] },
        { id: 3, callFrame: { functionName: 'terms', url: `${D}/src/arabic/analyze-arabic.js`, lineNumber: 19 } },
        { id: 4, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
        { id: 5, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
      ],
      startTime: 0,
      endTime: 4_000,
      samples: [3, 3, 4, 5],
    };
    const s = summarizeProfile(profile, 2);
    expect(s.totalMs).toBe(3);
    expect(s.stages.filter((x) => x.ms > 0)).toEqual([
      { stage: 'understanding', ms: 2, share: 2 / 3 },
      { stage: 'GC', ms: 1, share: 1 / 3 },
    ]);
    expect(s.top).toEqual([
      { fn: 'terms src/arabic/analyze-arabic.js:20', ms: 2, share: 2 / 3 },
      { fn: '(garbage collector)', ms: 1, share: 1 / 3 },
    ]);
  });
});
