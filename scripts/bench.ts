/**
 * `npm run bench`: ingest rate, query latency (p50/p95/p99), database size and peak memory of Rasid
 * on the 40,000-report research corpus, each beside plain FTS5 (unicode61, no Arabic analysis) in the same run,
 * and the time and peak memory of composing a digest of 1,000 and of 10,000 new reports (story merging
 * included) beside a naive all-pairs merge.
 * Each system runs in its own child process so peak memory is its own. Prints a table and writes
 * bench-results/bench-<time>.json. Options: --limit N (first N reports), --repeat N (query passes).
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { repoPath } from '../src/config/repo-path.js';
import { createCore } from '../src/create-core.js';
import { createLogger } from '../src/log/create-logger.js';
import { loadConfig } from '../src/config/load-config.js';
import type { ReadItem } from '../src/ingest/raw-report.js';
import { createBaselineIndex } from './lib/baseline-fts.js';
import { percentile, researchCorpusPath, runScript } from './lib/research-corpus.js';
import { BENCH_QUERIES } from './lib/query-set.js';
import { composeDigest, type DigestReport } from '../digests/compose-digest.js';
import { exactJaccard, shingleHashes } from '../digests/compose/min-hash.js';
import { SAME_STORY_JACCARD } from '../digests/compose/find-duplicate-stories.js';
import { createAnalyzer } from '../src/arabic/analyze-arabic.js';
import type { ReportUnderstanding } from '../src/understand/understand-report.js';

interface SystemFigures {
  system: string;
  reports: number;
  ingestSeconds: number;
  reportsPerSecond: number;
  queryMs: { p50: number; p95: number; p99: number; mean: number; runs: number };
  dbBytes: number;
  peakRssMiB: number;
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Streams the research corpus as read items, at most `limit` of them. */
async function* corpusItems(limit: number): AsyncIterable<ReadItem> {
  const lines = createInterface({ input: createReadStream(researchCorpusPath()).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    if (n >= limit) break;
    n++;
    const r = JSON.parse(line) as { id: string; url: string; title: string; published_at: string; source: string; text: string };
    yield { ok: true, report: { text: r.text, title: r.title, url: r.url, externalId: r.id, publishedAt: r.published_at, source: r.source, lang: 'ar', origin: `corpus:${n}` } };
  }
}

const dirBytes = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

function timeQueries(run: (q: string) => void, repeat: number): SystemFigures['queryMs'] {
  for (const q of BENCH_QUERIES) run(q); // warm-up: prepared statements, page cache
  const times: number[] = [];
  for (let k = 0; k < repeat; k++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    mean: round(times.reduce((a, b) => a + b, 0) / times.length),
    runs: times.length,
  };
}

async function runRasid(limit: number, repeat: number): Promise<SystemFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-bench-'));
  const config = { ...loadConfig({ RASID_DB: join(dir, 'rasid.db'), LOG_LEVEL: 'silent' }, join(dir, 'none.env')) };
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  const t = performance.now();
  const summary = await core.ingestItems(corpusItems(limit));
  const seconds = (performance.now() - t) / 1000;
  const queryMs = timeQueries((q) => core.search(q, { limit: 10, offset: 0 }), repeat);
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  const reports = summary.added + summary.updated + summary.unchanged;
  const figures = { system: 'rasid', reports, ingestSeconds: seconds, reportsPerSecond: reports / seconds, queryMs, dbBytes: dirBytes(dir), peakRssMiB: process.resourceUsage().maxRSS / 1024 };
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

async function runBaseline(limit: number, repeat: number): Promise<SystemFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-bench-base-'));
  const index = createBaselineIndex(join(dir, 'baseline.db'));
  const t = performance.now();
  let reports = 0;
  let batch: { id: string; title: string; text: string }[] = [];
  const flush = () => {
    const b = batch;
    batch = [];
    index.batch(() => b.forEach((d) => index.add(d.id, d.title, d.text)));
  };
  for await (const item of corpusItems(limit)) {
    if (!item.ok) continue;
    batch.push({ id: item.report.externalId ?? '', title: item.report.title ?? '', text: item.report.text });
    reports++;
    if (batch.length >= 250) flush();
  }
  flush();
  const seconds = (performance.now() - t) / 1000;
  const queryMs = timeQueries((q) => index.search(q, 10), repeat);
  index.close();
  const figures = { system: 'plain FTS5', reports, ingestSeconds: seconds, reportsPerSecond: reports / seconds, queryMs, dbBytes: dirBytes(dir), peakRssMiB: process.resourceUsage().maxRSS / 1024 };
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

interface DigestFigures {
  reports: number;
  stories: number;
  composeMs: number;
  peakRssMiB: number;
  /** The naive baseline: all-pairs exact Jaccard over the same shingles (only run at 1,000). */
  allPairsMs: number | null;
}

/** Composes a digest of the first `n` corpus reports (stored and understood first, untimed). */
async function runDigest(n: number): Promise<DigestFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-bench-digest-'));
  const config = loadConfig({ RASID_DB: join(dir, 'd.db'), LOG_LEVEL: 'silent' }, join(dir, 'none.env'));
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  await core.ingestItems(corpusItems(n));
  const reports: DigestReport[] = core.db
    .prepare<[], { id: number; title: string; body: string; source: string | null; url: string | null; published_at: string | null; ingested_at: string; understanding: string }>(
      'SELECT id, title, body, source, url, published_at, ingested_at, understanding FROM reports ORDER BY id',
    )
    .all()
    .map((r) => ({ id: r.id, title: r.title, body: r.body, source: r.source, url: r.url, publishedAt: r.published_at, ingestedAt: r.ingested_at, understanding: JSON.parse(r.understanding) as ReportUnderstanding }));
  core.close();
  rmSync(dir, { recursive: true, force: true });
  (globalThis as { gc?: () => void }).gc?.();
  const t = performance.now();
  const digest = composeDigest(reports, { period: { from: null, to: new Date().toISOString() }, timezone: 'Asia/Damascus', itemCap: 30 });
  const composeMs = performance.now() - t;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  let allPairsMs: number | null = null;
  if (reports.length <= 1_000) {
    const analyzer = createAnalyzer();
    const b = performance.now();
    const sets = reports.map((r) => [...shingleHashes(analyzer.terms(`${r.title}\n${r.body}`))].sort((x, y) => x - y)).map((a) => Uint32Array.from(a));
    let pairs = 0;
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (exactJaccard(sets[i]!, sets[j]!) >= SAME_STORY_JACCARD) pairs++;
    allPairsMs = performance.now() - b;
    void pairs;
  }
  return { reports: reports.length, stories: digest.counts.stories, composeMs, peakRssMiB, allPairsMs };
}

function inChild<T = SystemFigures>(mode: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [mode, ...args], { execArgv: ['--expose-gc'] });
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${mode} exited with ${code}`))));
  });
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const mode = process.argv[2];
  const limit = argValue('--limit', Number.POSITIVE_INFINITY);
  const repeat = argValue('--repeat', 10);
  if (mode === 'rasid' || mode === 'baseline') {
    const figures = mode === 'rasid' ? await runRasid(limit, repeat) : await runBaseline(limit, repeat);
    process.send!(figures);
    return;
  }
  if (mode === 'digest') {
    process.send!(await runDigest(argValue('--digest', 1_000)));
    return;
  }
  const args = ['--limit', String(limit), '--repeat', String(repeat)];
  process.stdout.write(`Benchmark on ${limit === Number.POSITIVE_INFINITY ? 'all' : limit} reports of ${researchCorpusPath()}, ${BENCH_QUERIES.length} queries × ${repeat}\n`);
  const baseline = await inChild('baseline', args);
  const rasid = await inChild('rasid', args);
  const rows: [string, (f: SystemFigures) => string][] = [
    ['reports', (f) => String(f.reports)],
    ['ingest (reports/s)', (f) => fmt(f.reportsPerSecond)],
    ['ingest time (s)', (f) => fmt(f.ingestSeconds)],
    ['query p50 (ms)', (f) => fmt(f.queryMs.p50, 2)],
    ['query p95 (ms)', (f) => fmt(f.queryMs.p95, 2)],
    ['query p99 (ms)', (f) => fmt(f.queryMs.p99, 2)],
    ['database (MiB)', (f) => fmt(f.dbBytes / 2 ** 20)],
    ['peak RSS (MiB)', (f) => fmt(f.peakRssMiB)],
  ];
  const table = [`| figure | ${rasid.system} | ${baseline.system} |`, '|---|---:|---:|', ...rows.map(([name, get]) => `| ${name} | ${get(rasid)} | ${get(baseline)} |`)].join('\n');
  process.stdout.write(`${table}\n`);
  const digests: DigestFigures[] = [];
  for (const n of [1_000, 10_000]) digests.push(await inChild<DigestFigures>('digest', [...args, '--digest', String(n)]));
  const digestTable = [
    '',
    'Composing a digest of new reports (story merging included; the stored reports are loaded first, untimed):',
    '| new reports | stories after merging | compose (ms) | peak RSS (MiB) | baseline: all-pairs exact Jaccard (ms) |',
    '|---:|---:|---:|---:|---:|',
    ...digests.map((d) => `| ${d.reports} | ${d.stories} | ${fmt(d.composeMs, 0)} | ${fmt(d.peakRssMiB)} | ${d.allPairsMs === null ? 'not run (n² pairs)' : fmt(d.allPairsMs, 0)} |`),
  ].join('\n');
  process.stdout.write(`${digestTable}\n`);
  const outDir = repoPath('bench-results');
  mkdirSync(outDir, { recursive: true });
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoPath() }).toString().trim();
    } catch {
      return null;
    }
  })();
  const file = join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), commit, node: process.version, limit: Number.isFinite(limit) ? limit : null, repeat, rasid, baseline, digests }, null, 2)}\n`);
  process.stdout.write(`written to ${file}\n`);
}

await runScript(main);
