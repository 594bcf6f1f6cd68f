/**
 * Splits a V8 CPU profile (`node --cpu-prof`) of an ingest run into the pipeline's stages: each sample
 * goes to the stage of the outermost frame on its stack that names one, so the analyzer called by
 * understanding counts as understanding and the analyzer called for the search index as analysis.
 */

/** The parts of a `.cpuprofile` this reads. */
export interface CpuProfile {
  readonly nodes: readonly { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: readonly number[] }[];
  readonly startTime: number;
  readonly endTime: number;
  readonly samples: readonly number[];
}

export const STAGES = ['reading', 'cleaning', 'understanding', 'analysis', 'SQLite writes', 'core start-up', 'module loading', 'GC', 'other'] as const;
export type Stage = (typeof STAGES)[number];

/** Frames that name a stage, checked from the root of each stack down; the first that matches wins. */
const STAGE_FRAMES: readonly [Stage, (name: string, url: string) => boolean][] = [
  ['core start-up', (name) => name === 'createCore'],
  ['reading', (name, url) => name === 'corpusItems' || /\/src\/(corpus\/list-and-read-sources|ingest\/(read-source-file|list-source-files|json-report|decode-text))\.js$/.test(url) || /^node:(zlib|readline|internal\/(streams|fs|readline))/.test(url)],
  ['cleaning', (name, url) => ['cleanPageText', 'findPublishedDate', 'parseDate', 'detectOutlet', 'canonicalUrl', 'contentHash'].includes(name) || /\/src\/ingest\//.test(url)],
  ['understanding', (_, url) => /\/src\/understand\//.test(url)],
  ['analysis', (_, url) => /\/src\/arabic\//.test(url)],
  ['SQLite writes', (_, url) => /\/src\/store\/|\/better-sqlite3\//.test(url)],
];

/** The stage of one stack (root first). */
export function stageOf(stack: readonly { functionName: string; url: string }[]): Stage {
  const leaf = stack[stack.length - 1];
  if (leaf?.functionName === '(garbage collector)') return 'GC';
  for (const frame of stack) {
    const hit = STAGE_FRAMES.find(([, matches]) => matches(frame.functionName, frame.url));
    if (hit) return hit[0];
  }
  if (stack.some((f) => f.url.startsWith('node:internal/modules/') || f.functionName === 'compileSourceTextModule')) return 'module loading';
  return 'other';
}

/** A file by its path under dist/ or node_modules/ (src/arabic/stem-arabic.js, better-sqlite3/lib/…). */
const shortUrl = (url: string) => /\/(?:dist|node_modules)\/(.*)$/.exec(url)?.[1] ?? url;

export interface ProfileSummary {
  readonly totalMs: number;
  readonly stages: readonly { stage: Stage; ms: number; share: number }[];
  /** Functions by self time, most first. */
  readonly top: readonly { fn: string; ms: number; share: number }[];
}

/** Milliseconds per stage and the functions with the most self time (idle time left out). */
export function summarizeProfile(profile: CpuProfile, topN = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const stageMs = new Map<Stage, number>(STAGES.map((s) => [s, 0]));
  const selfMs = new Map<string, number>();
  const stageOfNode = new Map<number, Stage>();
  let totalMs = 0;
  for (const id of profile.samples) {
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') continue;
    let stage = stageOfNode.get(id);
    if (stage === undefined) {
      const stack: { functionName: string; url: string }[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.unshift(byId.get(at)!.callFrame);
      stage = stageOf(stack);
      stageOfNode.set(id, stage);
    }
    stageMs.set(stage, stageMs.get(stage)! + msPerSample);
    const { functionName, url, lineNumber } = node.callFrame;
    const fn = `${functionName || '(anonymous)'} ${url ? `${shortUrl(url)}:${lineNumber + 1}` : ''}`.trim();
    selfMs.set(fn, (selfMs.get(fn) ?? 0) + msPerSample);
    totalMs += msPerSample;
  }
  const share = (ms: number) => (totalMs === 0 ? 0 : ms / totalMs);
  return {
    totalMs,
    stages: STAGES.map((stage) => ({ stage, ms: stageMs.get(stage)!, share: share(stageMs.get(stage)!) })),
    top: [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, topN).map(([fn, ms]) => ({ fn, ms, share: share(ms) })),
  };
}
