/**
 * `npm run eval`: our judged queries (tests/eval/judgments.json, English and Arabic, graded 0-2) over the
 * bundled seeds and a fixed sample of the research corpus, P@5 and nDCG@10 for Rasid beside plain FTS5
 * (unicode61, no Arabic analysis) and a Lucene-style Arabic baseline on the same reports; dev queries one
 * by one, held-out ones (tests/eval/heldout-judgments.json) only in aggregate. `--show` prints each dev
 * query's top five with their grades (`RASID_SHOW_DEPTH=10`: the top ten). `--pool <file>` writes, per query of that file, the top 20 of every
 * system that have no judgment yet, with their text, to a file in the temp folder for the judge to read.
 * Then the events figures against tests/eval/events-gold (dev and held-out apart); `--events` runs
 * only those, `--events --show` adds a line per dev report, `--per-file` the figures of each dev file alone
 * (dev-a … dev-e: a file labelled after the rules were tuned is an untuned estimate). `--dev-only`
 * leaves out every held-out section (search, external and events), for use while tuning. The topic and incident
 * gold set (tests/eval/topic-gold: on_topic, incident and the main type only) is scored beside the events one.
 * `--rules-only` leaves the incident model out (data/models/report-model.json), so the rules' own call is scored.
 */
import { createReadStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { loadConfig } from '../src/config/load-config.js';
import { repoPath } from '../src/config/repo-path.js';
import { createCore } from '../src/create-core.js';
import type { ReadItem } from '../src/ingest/raw-report.js';
import { createLogger } from '../src/log/create-logger.js';
import { admin0Of } from '../src/understand/event-records.js';
import { loadGazetteer } from '../src/understand/gazetteer.js';
import { setReportModel } from '../src/understand/report-model.js';
import type { ReportUnderstanding } from '../src/understand/understand-report.js';
import { createBaselineIndex } from './lib/baseline-fts.js';
import { createLuceneBaseline } from './lib/lucene-baseline.js';
import { perQueryTable, readJudged, scoreQueries, summaryTable, type EvalSystem } from './lib/search-eval.js';
import { heldOutExternalSection } from './lib/heldout-external.js';
import { researchCorpusPath, runScript } from './lib/research-corpus.js';
import { eventsMetrics, formatEventsMetrics, formatTopicMetrics, parseGold, topicMetrics, type GoldReport, type PredictedReport, type TopicGoldReport } from './lib/events-metrics.js';

/** The research corpus: `RASID_RESEARCH_CORPUS` (this main is an entry point, so it reads the environment). */
const corpusPath = (): string => researchCorpusPath(process.env.RASID_RESEARCH_CORPUS);

/** The research-corpus sample: this many ids from the Syria/ISIS subset list, in file order, plus distractors. */
const SUBSET_SAMPLE = 2_000;
/** Every Nth report outside the subset joins the sample, so unrelated news competes too. */
const DISTRACTOR_STRIDE = 25;
/** Pooling depth: every system's top 20 is judged. */
const POOL_DEPTH = 20;

function sampleIds(): Set<string> {
  const listFile = join(corpusPath(), '..', 'syria_isis_subset_ids.txt');
  return new Set(readFileSync(listFile, 'utf8').split('\n').filter(Boolean).slice(0, SUBSET_SAMPLE));
}

/** The sample as read items (and, for the baseline, the same title and text). */
async function* sampleItems(): AsyncIterable<ReadItem> {
  const ids = sampleIds();
  const lines = createInterface({ input: createReadStream(corpusPath()).pipe(createGunzip()), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    const r = JSON.parse(line) as { id: string; url: string; title: string; published_at: string; source: string; text: string };
    if (!ids.has(r.id) && n % DISTRACTOR_STRIDE !== 0) continue;
    yield { ok: true, report: { text: r.text, title: r.title, url: r.url, externalId: r.id, publishedAt: r.published_at, source: r.source, lang: 'ar', origin: `corpus:${r.id}` } };
  }
}

/** The eval key of a report: its external id, or `seed:NNN` for a bundled seed file. */
function keyOf(r: { externalId: string | null; origin?: string }, origin: string): string {
  if (r.externalId) return r.externalId;
  const m = /(\d{3})_[0-9a-f]+\.txt$/.exec(origin);
  return m ? `seed:${m[1]}` : origin;
}

/** The gold files of a set, by split: tests/eval/<set>/{dev,heldout}-*.jsonl. */
function goldFiles(set: 'events-gold' | 'topic-gold' = 'events-gold'): Record<'dev' | 'heldout', string[]> {
  const dir = repoPath('tests', 'eval', set);
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  return {
    dev: files.filter((f) => f.startsWith('dev-')).map((f) => join(dir, f)),
    heldout: files.filter((f) => f.startsWith('heldout-')).map((f) => join(dir, f)),
  };
}

/** The governorate an event is scored at: the admin1 p-code in Syria and Iraq, the country's ISO code elsewhere. */
function scoredAdmin1(e: ReportUnderstanding['eventRecords'][number]): string | null {
  const gazetteer = loadGazetteer();
  const place = e.location ? gazetteer.get(e.location.pcode) : undefined;
  const country = place ? admin0Of(place, gazetteer) : null;
  if (country === 'SY' || country === 'IQ') return e.admin1?.pcode ?? null;
  return country;
}

/**
 * The events eval: ingests the labelled research-corpus reports into a database of their own (so the
 * search sample stays as it was), then scores what Rasid understood against each split's gold labels.
 */
async function evaluateEvents(devOnly: boolean): Promise<string[]> {
  const files = goldFiles();
  const splits = { dev: parseGold(files.dev.map((f) => readFileSync(f, 'utf8'))), heldout: devOnly ? [] : parseGold(files.heldout.map((f) => readFileSync(f, 'utf8'))) };
  const topicFiles = goldFiles('topic-gold');
  const readTopic = (list: string[]) => parseGold(list.map((f) => readFileSync(f, 'utf8'))) as unknown as TopicGoldReport[];
  const topicSplits = { dev: readTopic(topicFiles.dev), heldout: devOnly ? [] : readTopic(topicFiles.heldout) };
  const ids = new Set([...splits.dev, ...splits.heldout, ...topicSplits.dev, ...topicSplits.heldout].map((g) => g.id));
  if (ids.size === 0) return ['Events: no gold files in tests/eval/events-gold/'];
  const dir = mkdtempSync(join(tmpdir(), 'rasid-events-eval-'));
  const config = loadConfig({ RASID_DB: join(dir, 'events.db'), LOG_LEVEL: 'silent', ...noWorkersWhenRulesOnly() }, join(dir, 'none.env'));
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  try {
    const lines = createInterface({ input: createReadStream(corpusPath()).pipe(createGunzip()), crlfDelay: Infinity });
    const items: ReadItem[] = [];
    for await (const line of lines) {
      const r = JSON.parse(line) as { id: string; url: string; title: string; published_at: string; source: string; text: string };
      if (!ids.has(r.id)) continue;
      items.push({ ok: true, report: { text: r.text, title: r.title, url: r.url, externalId: r.id, publishedAt: r.published_at, source: r.source, lang: 'ar', origin: `corpus:${r.id}` } });
    }
    await core.ingestItems((async function* () { yield* items; })());
    const predicted = new Map<string, PredictedReport>();
    for (const id of ids) {
      const report = core.store.findByExternalId(id);
      if (report === undefined) continue;
      const u = report.understanding as ReportUnderstanding;
      predicted.set(id, {
        onTopic: u.onTopic, incident: u.incident,
        events: u.eventRecords.map((e) => ({ eventType: e.event_type, admin1: scoredAdmin1(e), fatalities: e.fatalities })),
      });
    }
    const out: string[] = [];
    // Per-report lines for the dev split only: the held-out split is scored, never looked at.
    if (process.argv.includes('--show')) {
      for (const g of splits.dev) {
        const p = predicted.get(g.id);
        const gold = g.incident ? g.events.map((e) => `${e.event_type}@${e.admin1}:${e.fatalities}`).join(' ') : '-';
        const ours = p?.incident ? p.events.map((e) => `${e.eventType}@${e.admin1}:${e.fatalities}`).join(' ') : '-';
        out.push(`${g.id} topic ${g.on_topic ? 1 : 0}/${p?.onTopic ? 1 : 0} incident ${g.incident ? 1 : 0}/${p?.incident ? 1 : 0}\n  gold ${gold}\n  ours ${ours}`);
      }
    }
    for (const [label, gold] of Object.entries(splits) as [string, GoldReport[]][]) {
      if (gold.length > 0) out.push(...formatEventsMetrics(label, eventsMetrics(gold, predicted)));
    }
    // The two draw families apart: the events draws (a … h, comparable with earlier figures) and the topic set's
    // reports with events coded (t*: its incidents coded by the guide, its other reports carried over as labelled).
    for (const [split, list] of Object.entries(devOnly ? { dev: files.dev } : files)) {
      for (const [family, topicDraw] of [['events draws', false], ['topic draws', true]] as const) {
        const chosen = list.filter((f) => /^(dev|heldout)-t[a-z]\.jsonl$/.test(basename(f)) === topicDraw);
        if (chosen.length > 0) out.push(...formatEventsMetrics(`${split}, ${family}`, eventsMetrics(parseGold(chosen.map((f) => readFileSync(f, 'utf8'))), predicted)));
      }
    }
    // The topic and incident gold set (more reports, no event records): the incident model's own measure.
    for (const [label, gold] of Object.entries(topicSplits) as [string, TopicGoldReport[]][]) {
      if (gold.length > 0) out.push(...formatTopicMetrics(label, topicMetrics(gold, predicted)));
    }
    // Each dev file alone; held-out files stay in their aggregate.
    if (process.argv.includes('--per-file')) {
      for (const f of files.dev) {
        out.push(...formatEventsMetrics(basename(f, '.jsonl'), eventsMetrics(parseGold([readFileSync(f, 'utf8')]), predicted)));
      }
    }
    return out;
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--rules-only`: the rules' own incident call, for comparison with the model's (data/models/report-model.json). */
const rulesOnly = process.argv.includes('--rules-only');
/** Ingest workers load the shipped model in their own threads: with the rules only, reports are prepared here. */
const noWorkersWhenRulesOnly = (): Record<string, string> => (rulesOnly ? { RASID_WORKERS: '0' } : {});

async function main(): Promise<void> {
  if (rulesOnly) setReportModel(null);
  // While tuning: no held-out figure of any kind is computed or printed.
  const devOnly = process.argv.includes('--dev-only');
  if (process.argv.includes('--events')) {
    process.stdout.write(`${(await evaluateEvents(devOnly)).join('\n')}\n`);
    return;
  }
  const poolAt = process.argv.indexOf('--pool');
  const poolFile = poolAt > 0 ? (process.argv[poolAt + 1] ?? null) : null;
  const show = process.argv.includes('--show');
  const dir = mkdtempSync(join(tmpdir(), 'rasid-eval-'));
  const config = loadConfig({ RASID_DB: join(dir, 'eval.db'), LOG_LEVEL: 'silent', ...noWorkersWhenRulesOnly() }, join(dir, 'none.env'));
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  const baseline = createBaselineIndex();
  const lucene = createLuceneBaseline();

  await core.ingestPaths([repoPath('data', 'corpus')]);
  for (const f of readdirSync(repoPath('data', 'corpus')).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(repoPath('data', 'corpus', f), 'utf8');
    baseline.add(keyOf({ externalId: null }, f), '', text);
    lucene.add(keyOf({ externalId: null }, f), '', text);
  }
  const items: ReadItem[] = [];
  for await (const item of sampleItems()) items.push(item);
  await core.ingestItems((async function* () { yield* items; })());
  baseline.batch(() => {
    for (const item of items) if (item.ok) baseline.add(item.report.externalId!, item.report.title ?? '', item.report.text);
  });
  lucene.batch(() => {
    for (const item of items) if (item.ok) lucene.add(item.report.externalId!, item.report.title ?? '', item.report.text);
  });
  const systems: EvalSystem[] = [
    {
      name: 'Rasid',
      search: (query, limit) => {
        const answer = core.search(query, { limit, offset: 0 });
        return { keys: answer.items.map((i) => keyOf(i, core.store.originOf(i.id)!)), total: answer.total };
      },
    },
    { name: 'FTS5', search: (query, limit) => ({ keys: baseline.search(query, limit) }) },
    { name: 'Lucene', search: (query, limit) => ({ keys: lucene.search(query, limit) }) },
  ];

  if (poolFile !== null) {
    // Pooling for the judge: the top POOL_DEPTH of every system, with the text to read.
    const out: Record<string, { query: string; unjudged: { key: string; systems: string[]; title: string; text: string }[] }> = {};
    for (const q of readJudged(poolFile)) {
      const unjudged = new Map<string, { key: string; systems: string[]; title: string; text: string }>();
      for (const s of systems) {
        for (const key of s.search(q.query, POOL_DEPTH).keys) {
          if (key in q.grades) continue;
          const seen = unjudged.get(key);
          if (seen) { seen.systems.push(s.name); continue; }
          const r = key.startsWith('seed:') ? undefined : core.store.findByExternalId(key);
          unjudged.set(key, { key, systems: [s.name], title: r?.title ?? key, text: r?.body ?? '' });
        }
      }
      out[q.id] = { query: q.query, unjudged: [...unjudged.values()] };
    }
    const file = join(tmpdir(), `rasid-pool-${basename(poolFile, '.json')}.json`);
    writeFileSync(file, `${JSON.stringify(out, null, 1)}\n`);
    process.stdout.write(`pool written to ${file}\n`);
  }

  const names = systems.map((s) => s.name);
  const dev = scoreQueries(readJudged(repoPath('tests', 'eval', 'judgments.json')), systems);
  // Held-out queries: aggregate figures only, never per query (their "about" says why).
  const heldout = devOnly ? [] : scoreQueries(readJudged(repoPath('tests', 'eval', 'heldout-judgments.json')), systems);
  if (show) {
    for (const q of readJudged(repoPath('tests', 'eval', 'judgments.json'))) {
      const line = (keys: string[]) => keys.slice(0, Number(process.env.RASID_SHOW_DEPTH ?? 5)).map((k) => `${k}:${q.grades[k] ?? '?'}`).join(' ');
      process.stdout.write(`${q.query}\n${systems.map((s) => `  ${s.name.padEnd(6)} ${line(s.search(q.query, 10).keys)}`).join('\n')}\n`);
    }
  }
  // The external judge's held-out set: aggregate figures only (scripts/lib/heldout-external.ts).
  const heldOutExternal = poolFile !== null || show || devOnly ? '' : heldOutExternalSection(items, (q, n) => core.search(q, { limit: n, offset: 0 }).items.map((i) => keyOf(i, core.store.originOf(i.id)!)), (q, n) => baseline.search(q, n));
  core.close();
  baseline.close();
  lucene.close();
  rmSync(dir, { recursive: true, force: true });

  const lines = [
    `Search eval over the seeds and ${items.length} research-corpus reports: ${dev.length} dev and ${devOnly ? 'no' : heldout.length} held-out judged queries`,
    ...perQueryTable(dev, names),
    '',
    ...summaryTable('dev', dev, names),
    '',
    ...(devOnly ? [] : summaryTable('held-out', heldout, names)),
    'P@5 counts grade ≥ 1 as relevant; nDCG@10 uses gain = grade over the judged reports. FTS5 is unicode61 with',
    'the words ANDed; Lucene is normalize + stopwords + light10, BM25 over title and body, the words ORed.',
    '',
    ...(await evaluateEvents(devOnly)),
  ];
  process.stdout.write(`${lines.join('\n')}\n${heldOutExternal}`);
  mkdirSync(repoPath('bench-results'), { recursive: true });
  const file = repoPath('bench-results', `eval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const aggregate = (rows: typeof dev) => summaryTable('', rows, names);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), reports: items.length + 5, dev, heldout: devOnly ? null : aggregate(heldout) }, null, 2)}\n`);
  process.stdout.write(`written to ${basename(file)} in bench-results/\n`);
}

await runScript(main);
