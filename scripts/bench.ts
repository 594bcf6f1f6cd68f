/**
 * `npm run bench`: ingest rate, query latency (p50/p95/p99), database size and peak memory of Rasid
 * on the 40,000-report research corpus, each beside plain FTS5 (unicode61, no Arabic analysis) in the same run,
 * and the time and peak memory of composing a digest of 1,000 and of 10,000 new reports (story merging
 * included) beside a naive all-pairs merge.
 * Queries are also timed as FTS5 `ORDER BY bm25 LIMIT 10` over Rasid's own analyzed terms (the same
 * index), and the broad ones one by one. Then a fresh process opens the built database (the core
 * `rasid serve` starts with) and `rasid search` is timed as a whole process.
 * Each system runs in its own child process so peak memory is its own. Prints a table and writes
 * bench-results/bench-<time>.json. Options: --limit N (first N reports), --repeat N (query passes),
 * --scale N (the corpus read N times over, each copy with another id, URL and sentence order: see
 * scripts/lib/replicate-report.ts), --no-digest (skip the digest figures), --digest-only (only them),
 * --charts-db FILE (only the chart figures, on an existing database such as one `rasid ingest` built).
 * The chart figures: `rasid stats` / `rasid map` pictures (count in SQLite + Vega + resvg) for queries
 * matching thousands of event records, beside exporting the same events (`rasid events`) and counting alone.
 * Rasid ingests as configured: reports prepared in worker threads (one per core besides the main
 * thread's) unless RASID_WORKERS says otherwise (RASID_WORKERS=0: all on the main thread).
 */
import { execFileSync, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoPath } from '../src/config/repo-path.js';
import { createCore, type Core } from '../src/create-core.js';
import { createLogger } from '../src/log/create-logger.js';
import { loadConfig } from '../src/config/load-config.js';
import { arabicNamesByPlace, createAnalyzedBaseline, createBaselineIndex, openRawConnectionForBaseline } from './lib/baseline-fts.js';
import { loadGazetteer } from '../src/understand/gazetteer.js';
import { corpusItems, percentile, researchCorpusPath, runScript } from './lib/research-corpus.js';
import { BENCH_QUERIES, BROAD_QUERIES } from './lib/query-set.js';
import { composeDigest, type DigestReport } from '../digests/compose-digest.js';
import { createDigestService } from '../digests/digest-service.js';
import { evaluateAlert } from '../digests/alert-check.js';
import type { Subscription } from '../digests/subscription-store.js';
import { exactJaccard, shingleHashes } from '../src/text/min-hash.js';
import { SAME_STORY_JACCARD } from '../digests/compose/find-duplicate-stories.js';
import { createAnalyzer } from '../src/arabic/analyze-arabic.js';
import { protectedNames, type ReportUnderstanding } from '../src/understand/understand-report.js';

/** The research corpus: `RASID_RESEARCH_CORPUS` (this main is an entry point, so it reads the environment). */
const corpusPath = (): string => researchCorpusPath(process.env.RASID_RESEARCH_CORPUS);

/** p50 / p95 / p99 / mean of a set of timings (ms). */
type Timings = { p50: number; p95: number; p99: number; mean: number; runs: number };

/** One query on its own: how many reports match, and its timings in Rasid and in the analyzed FTS5 baseline. */
interface QueryFigures {
  query: string;
  total: number;
  rasid: Timings;
  fts: Timings;
}

/** Opening a built database in a fresh process, and `rasid search` as a whole process. */
interface StartFigures {
  /** createCore on the built database (open, migrations, gazetteer, lexicon, statements, start-up checks), modules already loaded. */
  coreOpenMs: number;
  /** `node dist/bin/rasid.js search attacks in Raqqa`, whole process, median of 3 (null: no dist/). */
  searchProcessMs: number | null;
}

interface SystemFigures {
  system: string;
  reports: number;
  ingestSeconds: number;
  reportsPerSecond: number;
  queryMs: Timings;
  dbBytes: number;
  peakRssMiB: number;
  /** Rasid only: the same queries as FTS5 bm25 top-10 over Rasid's analyzed terms. */
  analyzedFtsMs?: Timings;
  /** Rasid only: the broad queries and 'attacks in Raqqa', one by one. */
  perQuery?: QueryFigures[];
  /** Rasid only: the database directory, kept for the start-up child (removed by the parent). */
  dir?: string;
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const dirBytes = (dir: string) => readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);

function timeQueries(run: (q: string) => void, repeat: number, queries: readonly string[] = BENCH_QUERIES): Timings {
  for (const q of queries) run(q); // warm-up: prepared statements, page cache
  const times: number[] = [];
  for (let k = 0; k < repeat; k++) {
    for (const q of queries) {
      const t = performance.now();
      run(q);
      times.push(performance.now() - t);
    }
  }
  return summarize(times);
}

function summarize(times: number[]): Timings {
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

/** RASID_WORKERS from the environment is passed on (0: prepare on the main thread; default one worker per core). */
const benchConfig = (dir: string) => loadConfig(
  { RASID_DB: join(dir, 'rasid.db'), LOG_LEVEL: 'silent', ...(process.env.RASID_WORKERS ? { RASID_WORKERS: process.env.RASID_WORKERS } : {}) },
  join(dir, 'none.env'),
);

async function runRasid(limit: number, repeat: number, scale: number): Promise<SystemFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-bench-'));
  const config = benchConfig(dir);
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  const t = performance.now();
  const summary = await core.ingestItems(corpusItems(corpusPath(), limit, scale));
  const seconds = (performance.now() - t) / 1000;
  const rasidSearch = (q: string) => core.search(q, { limit: 10, offset: 0 });
  const queryMs = timeQueries(rasidSearch, repeat);
  const analyzer = createAnalyzer({ protectedWords: protectedNames() });
  const raw = openRawConnectionForBaseline(config.dbPath);
  const fts = createAnalyzedBaseline(raw, { lexicon: core.lexicon, analyzer, now: core.clock.now(), placeNames: arabicNamesByPlace(loadGazetteer()) });
  const ftsSearch = (q: string) => fts.search(q, 10);
  const analyzedFtsMs = timeQueries(ftsSearch, repeat);
  const perQuery = [...BROAD_QUERIES, 'attacks in Raqqa'].map((query) => ({
    query,
    total: rasidSearch(query).total,
    rasid: timeQueries(rasidSearch, repeat, [query]),
    fts: timeQueries(ftsSearch, repeat, [query]),
  }));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
  core.close();
  // Every report read counts (a copy the store folded into another as the same text is "unchanged").
  const reports = summary.added + summary.updated + summary.unchanged;
  return { system: 'rasid', reports, ingestSeconds: seconds, reportsPerSecond: reports / seconds, queryMs, dbBytes: dirBytes(dir), peakRssMiB: process.resourceUsage().maxRSS / 1024, analyzedFtsMs, perQuery, dir };
}

/** In a fresh process: the core opened on the built database, as `rasid serve` and every command open it. */
async function runOpen(dir: string): Promise<Pick<StartFigures, 'coreOpenMs'>> {
  const t = performance.now();
  const core = createCore({ config: benchConfig(dir), logger: createLogger({ level: 'silent', format: 'json' }) });
  const coreOpenMs = performance.now() - t;
  core.close();
  return { coreOpenMs };
}

/** `rasid search attacks in Raqqa` on the built database as a whole process (the median of 3), when dist/ is built. */
function timeSearchProcess(dir: string): number | null {
  const cli = repoPath('dist', 'bin', 'rasid.js');
  if (!existsSync(cli)) return null;
  const times: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    execFileSync(process.execPath, [cli, 'search', 'attacks', 'in', 'Raqqa'], { env: { ...process.env, RASID_DB: join(dir, 'rasid.db'), LOG_LEVEL: 'silent' }, stdio: 'ignore' });
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[1]!;
}

async function runBaseline(limit: number, repeat: number, scale: number): Promise<SystemFigures> {
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
  for await (const item of corpusItems(corpusPath(), limit, scale)) {
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

/** How a digest reads its reports: whole rows with every body analysed again (before schema step 7), or the store's slim rows and stored fingerprints. */
type DigestPath = 'whole' | 'slim';

interface DigestFigures {
  path: DigestPath;
  reports: number;
  stories: number;
  /** Choosing the new reports, reading them from the store, composing: what `rasid digest --dry-run` does after start-up. */
  composeMs: number;
  /** Peak RSS of a fresh process that opened the database and composed the digest once. */
  peakRssMiB: number;
  /** The naive baseline: all-pairs exact Jaccard over the same shingles (only run at 1,000). */
  allPairsMs: number | null;
}

/** Stores the first `n` corpus reports in a new database (a digest's new reports); returns its folder. */
async function buildDigestDb(n: number): Promise<{ dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-bench-digest-'));
  const config = loadConfig({ RASID_DB: join(dir, 'd.db'), LOG_LEVEL: 'silent' }, join(dir, 'none.env'));
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  await core.ingestItems(corpusItems(corpusPath(), n));
  core.close();
  return { dir };
}

/**
 * Composes the digest of every report in the database in `dir` (opened untimed, in a fresh process
 * so the peak RSS is the digest's own), by `path`.
 */
function runDigest(dir: string, path: DigestPath): DigestFigures {
  const config = loadConfig({ RASID_DB: join(dir, 'd.db'), LOG_LEVEL: 'silent' }, join(dir, 'none.env'));
  const logger = createLogger({ level: 'silent', format: 'json' });
  const core = createCore({ config, logger });
  const options = { period: { from: null, to: new Date().toISOString() }, timezone: 'Asia/Damascus', itemCap: 30 };
  (globalThis as { gc?: () => void }).gc?.();
  const t = performance.now();
  let digest;
  if (path === 'whole') {
    // As the digest service read reports before schema step 7: whole rows, every body analysed again.
    const ids = core.reportsMatching(null, { afterId: 0, upToId: core.lastReportId() });
    const reports: DigestReport[] = core.store.getMany(ids).map((r) => ({
      id: r.id, title: r.title, body: r.body, source: r.source, url: r.url, publishedAt: r.publishedAt, ingestedAt: r.ingestedAt,
      understanding: r.understanding as ReportUnderstanding,
    }));
    digest = composeDigest(reports, options);
  } else {
    const service = createDigestService({ core, platforms: [], sinks: {}, logger, notifyAdmins: () => undefined });
    digest = service.preview({ sinceReportId: 0, itemCap: 30, timezone: 'Asia/Damascus', includeOffTopic: true });
  }
  const composeMs = performance.now() - t;
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  let allPairsMs: number | null = null;
  if (path === 'whole' && digest.counts.reports <= 1_000) {
    const reports = core.store.getMany(core.reportsMatching(null, { afterId: 0, upToId: core.lastReportId() }));
    const analyzer = createAnalyzer();
    const b = performance.now();
    const sets = reports.map((r) => [...shingleHashes(analyzer.terms(`${r.title}\n${r.body}`))].sort((x, y) => x - y)).map((a) => Uint32Array.from(a));
    let pairs = 0;
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (exactJaccard(sets[i]!, sets[j]!) >= SAME_STORY_JACCARD) pairs++;
    allPairsMs = performance.now() - b;
    void pairs;
  }
  core.close();
  return { path, reports: digest.counts.reports, stories: digest.counts.stories, composeMs, peakRssMiB, allPairsMs };
}

/** One chart query: its events, and the time to export them, count them, and count and draw each picture. */
interface ChartFigures {
  query: string;
  events: number;
  /** `core.events` of the same selection (what `rasid events` prints): every row into JavaScript. */
  exportMs: number;
  /** `core.eventStats` alone (the GROUP BY counts). */
  countMs: number;
  /** Count + `renderStatsPng` (the timeline and governorate bars), warm. */
  statsPngMs: number;
  /** Count + `renderMapPng`, warm. */
  mapPngMs: number;
}

/** The queries of the chart figures: every event, and the broad "attacks". */
const CHART_QUERIES = ['', 'attacks'];

/**
 * Chart figures on a built database, medians of `repeat` (at most 5) runs after one untimed run that
 * loads Vega, resvg and the font (`coldMs`: that first picture, loading included).
 */
async function runCharts(dbPath: string, repeat: number): Promise<{ coldMs: number; queries: ChartFigures[]; alerts: AlertFigures }> {
  const config = loadConfig({ RASID_DB: dbPath, LOG_LEVEL: 'silent' }, join(tmpdir(), 'rasid-bench-none.env'));
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  const { renderStatsPng, renderMapPng } = await import('../src/charts/render-chart.js');
  const time = async (fn: () => unknown) => {
    const runs: number[] = [];
    for (let k = 0; k < Math.max(1, Math.min(repeat, 5)); k++) {
      const t = performance.now();
      await fn();
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  const t = performance.now();
  await renderStatsPng(core.eventStats(''));
  const coldMs = performance.now() - t;
  const queries: ChartFigures[] = [];
  for (const query of CHART_QUERIES) {
    queries.push({
      query: query === '' ? '(every event)' : query,
      events: core.eventStats(query).totals.events,
      exportMs: await time(() => core.events({ filter: query === '' ? null : query, since: null, until: null })),
      countMs: await time(() => core.eventStats(query)),
      statsPngMs: await time(() => renderStatsPng(core.eventStats(query))),
      mapPngMs: await time(() => renderMapPng(core.eventStats(query))),
    });
  }
  const alerts = runAlertChecks(core);
  core.close();
  return { coldMs, queries, alerts };
}

/** The filters of the alert figure: 20 governorates, each alone and with four kinds of event (100 subscriptions). */
const ALERT_PLACES = [
  'Raqqa', 'Deir ez-Zor', 'Aleppo', 'Idlib', 'Homs', 'Hama', 'Damascus', 'Daraa', 'Hasakah', 'Latakia',
  'Mosul', 'Anbar', 'Baghdad', 'Kirkuk', 'Diyala', 'Salahuddin', 'Babil', 'Basra', 'Karbala', 'Najaf',
];
const ALERT_FILTERS = ALERT_PLACES.flatMap((p) => ['', 'attacks', 'car bombs', 'airstrikes', 'clashes'].map((e) => `${e} ${p}`.trim()));

/**
 * One hourly alert check of 100 subscriptions (`evaluateAlert`, what `rasid alerts check --dry-run` does
 * for each; nothing written), at a moment inside the research corpus, beside counting the same filters'
 * events alone (`core.eventStats`, one GROUP BY each): the check reads every matching event's time.
 */
function runAlertChecks(core: Core): AlertFigures {
  const now = new Date(ALERT_CHECK_AT);
  const template: Subscription = {
    id: 0, kind: 'alert', alertK: 3, alert: { state: 'quiet', since: null, checkedAt: null, count: null, threshold: null },
    platform: 'console', chatId: 'stdout', threadId: null, label: null, cron: '0 * * * *', timezone: 'Asia/Damascus', filter: null,
    itemCap: 30, sendEmpty: false, includeOffTopic: false, withChart: false, paused: false, watermark: 0,
    nextRunAt: ALERT_CHECK_AT, lastRunAt: null, createdAt: ALERT_CHECK_AT, createdBy: null,
  };
  const subs = ALERT_FILTERS.map((filter, k) => ({ ...template, id: k + 1, filter }));
  let t = performance.now();
  const fired = subs.filter((sub) => evaluateAlert(core, sub, now).alert !== null).length;
  const checkMs = performance.now() - t;
  t = performance.now();
  for (const filter of ALERT_FILTERS) core.eventStats(filter);
  return { subscriptions: subs.length, fired, checkMs, countMs: performance.now() - t };
}

interface AlertFigures {
  subscriptions: number;
  fired: number;
  checkMs: number;
  countMs: number;
}

/** A moment inside the research corpus (2015 and 2018), so the 28 days before it hold reports. */
const ALERT_CHECK_AT = '2018-06-15T12:00:00.000Z';

function printCharts(figures: { coldMs: number; queries: ChartFigures[]; alerts?: AlertFigures }): void {
  process.stdout.write(`${[
    '',
    `Charts (\`rasid stats --png\`, \`rasid map\`): count in SQLite, Vega-Lite → SVG → PNG (resvg), warm medians; the first picture of a process, loading Vega, resvg and the font: ${fmt(figures.coldMs, 0)} ms`,
    '| query | events | baseline: export the events (ms) | count alone (ms) | count + stats PNG (ms) | count + map PNG (ms) |',
    '|---|---:|---:|---:|---:|---:|',
    ...figures.queries.map((q) => `| ${q.query} | ${q.events.toLocaleString('en')} | ${fmt(q.exportMs, 0)} | ${fmt(q.countMs, 0)} | ${fmt(q.statsPngMs, 0)} | ${fmt(q.mapPngMs, 0)} |`),
    ...(figures.alerts === undefined ? [] : [
      '',
      `Spike alerts: one hourly check of ${figures.alerts.subscriptions} alert subscriptions (20 governorates × 5 filters) at ${ALERT_CHECK_AT}, ${figures.alerts.fired} firing`,
      '| figure | ms |',
      '|---|---:|',
      `| the ${figures.alerts.subscriptions} checks (evaluateAlert, dry) | ${fmt(figures.alerts.checkMs, 0)} |`,
      `| baseline: counting the same filters' events alone (eventStats) | ${fmt(figures.alerts.countMs, 0)} |`,
    ]),
  ].join('\n')}\n`);
}

/** Median of a list of numbers. */
const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function inChild<T = SystemFigures>(mode: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [mode, ...args], { execArgv: ['--expose-gc'] });
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${mode} exited with ${code}`))));
  });
}

const fmt = (n: number, digits = 1) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * Digests of 1,000 and 10,000 new reports (fewer with --limit), each path in its own fresh
 * process, the two paths alternated (whole, slim, whole, ...) `min(repeat, 3)` times; prints the
 * medians (time) and the largest peak RSS.
 */
async function benchDigests(limit: number, repeat: number): Promise<DigestFigures[]> {
  const figures: DigestFigures[] = [];
  const rounds = Math.max(1, Math.min(repeat, 3));
  for (const n of [1_000, 10_000].filter((k) => k <= limit || k === 1_000)) {
    const { dir } = await inChild<{ dir: string }>('digest-db', ['--digest', String(Math.min(n, limit))]);
    const runs: DigestFigures[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const path of ['whole', 'slim'] as const) runs.push(await inChild<DigestFigures>('digest', [dir, path]));
    }
    rmSync(dir, { recursive: true, force: true });
    for (const path of ['whole', 'slim'] as const) {
      const mine = runs.filter((r) => r.path === path);
      figures.push({
        ...mine[0]!,
        composeMs: median(mine.map((r) => r.composeMs)),
        peakRssMiB: Math.max(...mine.map((r) => r.peakRssMiB)),
        allPairsMs: mine.find((r) => r.allPairsMs !== null)?.allPairsMs ?? null,
      });
    }
  }
  process.stdout.write(`${[
    '',
    `Composing a digest of new reports, from the database (choosing, reading, merging, ranking; a fresh process each, median of ${rounds}):`,
    '| new reports | stories after merging | read as | compose (ms) | peak RSS (MiB) | baseline: all-pairs exact Jaccard (ms) |',
    '|---:|---:|---|---:|---:|---:|',
    ...figures.map((d) => `| ${d.reports} | ${d.stories} | ${d.path === 'whole' ? 'whole rows, bodies analysed again (before)' : 'slim rows, stored fingerprints'} | ${fmt(d.composeMs, 0)} | ${fmt(d.peakRssMiB)} | ${d.allPairsMs === null ? '–' : fmt(d.allPairsMs, 0)} |`),
  ].join('\n')}\n`);
  return figures;
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const limit = argValue('--limit', Number.POSITIVE_INFINITY);
  const repeat = argValue('--repeat', 10);
  const scale = argValue('--scale', 1);
  if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale takes a whole number of copies, 1 or more');
  if (mode === 'rasid' || mode === 'baseline') {
    const figures = mode === 'rasid' ? await runRasid(limit, repeat, scale) : await runBaseline(limit, repeat, scale);
    process.send!(figures);
    return;
  }
  if (mode === 'open') {
    process.send!(await runOpen(process.argv[3]!));
    return;
  }
  if (mode === 'digest-db') {
    process.send!(await buildDigestDb(argValue('--digest', 1_000)));
    return;
  }
  if (mode === 'digest') {
    process.send!(runDigest(process.argv[3]!, process.argv[4] as DigestPath));
    return;
  }
  if (mode === 'charts') {
    process.send!(await runCharts(process.argv[3]!, repeat));
    return;
  }
  const chartsDb = process.argv.indexOf('--charts-db');
  if (chartsDb > 0) {
    printCharts(await inChild('charts', [process.argv[chartsDb + 1]!, '--repeat', String(repeat)]));
    return;
  }
  if (process.argv.includes('--digest-only')) {
    await benchDigests(limit, repeat);
    return;
  }
  const args = ['--limit', String(limit), '--repeat', String(repeat), '--scale', String(scale)];
  process.stdout.write(
    `Benchmark on ${limit === Number.POSITIVE_INFINITY ? 'all' : limit} reports of ${corpusPath()}${scale > 1 ? `, ${scale} copies of each` : ''}, ${BENCH_QUERIES.length} queries × ${repeat}\n`,
  );
  const baseline = await inChild('baseline', args);
  const rasid = await inChild('rasid', args);
  const start: StartFigures = { ...(await inChild<Pick<StartFigures, 'coreOpenMs'>>('open', [rasid.dir!])), searchProcessMs: timeSearchProcess(rasid.dir!) };
  const charts = await inChild<{ coldMs: number; queries: ChartFigures[]; alerts: AlertFigures }>('charts', [join(rasid.dir!, 'rasid.db'), '--repeat', String(repeat)]);
  rmSync(rasid.dir!, { recursive: true, force: true });
  delete rasid.dir;
  const fts = rasid.analyzedFtsMs!;
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
  const ftsRows: Record<string, string> = { 'query p50 (ms)': fmt(fts.p50, 2), 'query p95 (ms)': fmt(fts.p95, 2), 'query p99 (ms)': fmt(fts.p99, 2) };
  const table = [
    `| figure | ${rasid.system} | ${baseline.system} | FTS5 bm25 top-10, Rasid's terms |`,
    '|---|---:|---:|---:|',
    ...rows.map(([name, get]) => `| ${name} | ${get(rasid)} | ${get(baseline)} | ${ftsRows[name] ?? '–'} |`),
    `| createCore on the built database, fresh process (ms) | ${fmt(start.coreOpenMs, 0)} | – | – |`,
    `| \`rasid search attacks in Raqqa\`, whole process (ms) | ${start.searchProcessMs === null ? 'no dist/' : fmt(start.searchProcessMs, 0)} | – | – |`,
  ].join('\n');
  process.stdout.write(`${table}\n`);
  const queryTable = [
    '',
    `One query at a time (${repeat} runs each, top 10):`,
    "| query | results | Rasid p50 / p95 (ms) | FTS5 bm25, Rasid's terms p50 / p95 (ms) |",
    '|---|---:|---:|---:|',
    ...rasid.perQuery!.map((q) => `| ${q.query} | ${q.total} | ${fmt(q.rasid.p50, 2)} / ${fmt(q.rasid.p95, 2)} | ${fmt(q.fts.p50, 2)} / ${fmt(q.fts.p95, 2)} |`),
  ].join('\n');
  process.stdout.write(`${queryTable}\n`);
  printCharts(charts);
  const digests = process.argv.includes('--no-digest') ? [] : await benchDigests(limit, repeat);
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
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), commit, node: process.version, limit: Number.isFinite(limit) ? limit : null, repeat, scale, rasid, baseline, start, charts, digests }, null, 2)}\n`);
  process.stdout.write(`written to ${file}\n`);
}

await runScript(main);
