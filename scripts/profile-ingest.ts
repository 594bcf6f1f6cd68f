/**
 * Profiles an ingest of the first N research-corpus reports (`--limit N`, default 3,000) with
 * `node --cpu-prof` and prints the time by pipeline stage (scripts/lib/profile-stages.ts) and the
 * functions with the most self time. Run after `npm run build`: `node dist/scripts/profile-ingest.js`.
 * The profile covers the whole child process: module loading, core start-up, the ingest, GC. The reports are
 * prepared on the main thread (RASID_WORKERS=0), so that every stage is in the one profile.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeProfile, type CpuProfile } from './lib/profile-stages.js';
import { corpusItems, researchCorpusPath, runScript } from './lib/research-corpus.js';

/** The research corpus: `RASID_RESEARCH_CORPUS` (this main is an entry point, so it reads the environment). */
const corpusPath = (): string => researchCorpusPath(process.env.RASID_RESEARCH_CORPUS);

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** The profiled child: the core's modules are imported here, so their loading is in the profile. */
async function ingest(limit: number, dir: string): Promise<void> {
  const { loadConfig } = await import('../src/config/load-config.js');
  const { createLogger } = await import('../src/log/create-logger.js');
  const { createCore } = await import('../src/create-core.js');
  const core = createCore({ config: loadConfig({ RASID_DB: join(dir, 'profile.db'), LOG_LEVEL: 'silent', RASID_WORKERS: '0' }, join(dir, 'none.env')), logger: createLogger({ level: 'silent', format: 'json' }) });
  const t = performance.now();
  const s = await core.ingestItems(corpusItems(corpusPath(), limit));
  const seconds = (performance.now() - t) / 1000;
  const reports = s.added + s.updated + s.unchanged;
  core.close();
  process.stdout.write(`ingested ${reports} reports (${s.failed} failed) in ${seconds.toFixed(1)} s: ${(reports / seconds).toFixed(0)} reports/s; process ${(performance.now() / 1000).toFixed(1)} s\n`);
}

async function main(): Promise<void> {
  const limit = argValue('--limit', 3_000);
  const dir = process.argv.indexOf('--child') >= 0 ? process.argv[process.argv.indexOf('--child') + 1] : undefined;
  if (dir !== undefined) return ingest(limit, dir);
  corpusPath(); // fails with one line here, not in the child, when the corpus is missing
  const work = mkdtempSync(join(tmpdir(), 'rasid-profile-'));
  try {
    execFileSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', work, fileURLToPath(import.meta.url), '--limit', String(limit), '--child', work], { stdio: 'inherit' });
    const file = readdirSync(work).find((f) => f.endsWith('.cpuprofile'))!;
    const summary = summarizeProfile(JSON.parse(readFileSync(join(work, file), 'utf8')) as CpuProfile);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const out = [
      `CPU profile, ${(summary.totalMs / 1000).toFixed(1)} s of samples (idle left out):`,
      '| stage | ms | share |',
      '|---|---:|---:|',
      ...summary.stages.map((s) => `| ${s.stage} | ${s.ms.toFixed(0)} | ${pct(s.share)} |`),
      '',
      'Most self time:',
      '| function | ms | share |',
      '|---|---:|---:|',
      ...summary.top.map((f) => `| ${f.fn} | ${f.ms.toFixed(0)} | ${pct(f.share)} |`),
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await runScript(main);
