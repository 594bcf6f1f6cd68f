/**
 * `npm run eval`: our judged queries (tests/eval/judgments.json, English and Arabic, graded 0-2) over the
 * bundled seeds and a fixed sample of the research corpus, P@5 and nDCG@10 for Rasid beside plain FTS5
 * (unicode61, no Arabic analysis) on the same reports. `--show` prints each query's top five with
 * their grades. `--pool` prints, per query, the top results of
 * both systems that have no judgment yet, for the judge to grade. Then the events figures against
 * tests/eval/events-gold (dev and held-out apart); `--events` runs only those, `--events --show` adds a
 * line per dev report.
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
import type { ReportUnderstanding } from '../src/understand/understand-report.js';
import { createBaselineIndex } from './lib/baseline-fts.js';
import { eventsMetrics, formatEventsMetrics, parseGold, type GoldReport, type PredictedReport } from './lib/events-metrics.js';
import { ndcgAt, precisionAt } from './lib/eval-metrics.js';
import { researchCorpusPath } from './lib/research-corpus.js';

interface Judged {
  id: string;
  query: string;
  grades: Record<string, number>;
}

/** The research-corpus sample: this many ids from the Syria/ISIS subset list, in file order, plus distractors. */
const SUBSET_SAMPLE = 2_000;
/** Every Nth report outside the subset joins the sample, so unrelated news competes too. */
const DISTRACTOR_STRIDE = 25;
const DEPTH = 10;

function sampleIds(): Set<string> {
  const listFile = join(researchCorpusPath(), '..', 'syria_isis_subset_ids.txt');
  return new Set(readFileSync(listFile, 'utf8').split('\n').filter(Boolean).slice(0, SUBSET_SAMPLE));
}

/** The sample as read items (and, for the baseline, the same title and text). */
async function* sampleItems(): AsyncIterable<ReadItem> {
  const ids = sampleIds();
  const lines = createInterface({ input: createReadStream(researchCorpusPath()).pipe(createGunzip()), crlfDelay: Infinity });
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

/** The events gold files, by split: tests/eval/events-gold/{dev,heldout}-*.jsonl. */
function goldFiles(): Record<'dev' | 'heldout', string[]> {
  const dir = repoPath('tests', 'eval', 'events-gold');
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
async function evaluateEvents(): Promise<string[]> {
  const files = goldFiles();
  const splits = { dev: parseGold(files.dev.map((f) => readFileSync(f, 'utf8'))), heldout: parseGold(files.heldout.map((f) => readFileSync(f, 'utf8'))) };
  const ids = new Set([...splits.dev, ...splits.heldout].map((g) => g.id));
  if (ids.size === 0) return ['Events: no gold files in tests/eval/events-gold/'];
  const dir = mkdtempSync(join(tmpdir(), 'rasid-events-eval-'));
  const config = loadConfig({ RASID_DB: join(dir, 'events.db'), LOG_LEVEL: 'silent' }, join(dir, 'none.env'));
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  try {
    const lines = createInterface({ input: createReadStream(researchCorpusPath()).pipe(createGunzip()), crlfDelay: Infinity });
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
    return out;
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--events')) {
    process.stdout.write(`${(await evaluateEvents()).join('\n')}\n`);
    return;
  }
  const pool = process.argv.includes('--pool');
  const show = process.argv.includes('--show');
  const judged = JSON.parse(readFileSync(repoPath('tests', 'eval', 'judgments.json'), 'utf8')).queries as Judged[];
  const dir = mkdtempSync(join(tmpdir(), 'rasid-eval-'));
  const config = loadConfig({ RASID_DB: join(dir, 'eval.db'), LOG_LEVEL: 'silent' }, join(dir, 'none.env'));
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  const baseline = createBaselineIndex();

  await core.ingestPaths([repoPath('data', 'corpus')]);
  for (const f of readdirSync(repoPath('data', 'corpus')).filter((f) => f.endsWith('.txt')).sort()) {
    const text = readFileSync(repoPath('data', 'corpus', f), 'utf8');
    baseline.add(keyOf({ externalId: null }, f), '', text);
  }
  const items: ReadItem[] = [];
  for await (const item of sampleItems()) items.push(item);
  await core.ingestItems((async function* () { yield* items; })());
  baseline.batch(() => {
    for (const item of items) if (item.ok) baseline.add(item.report.externalId!, item.report.title ?? '', item.report.text);
  });
  const originOf = core.db.prepare<[number], { origin: string }>('SELECT origin FROM reports WHERE id = ?');

  const rows: { id: string; query: string; rasid: [number, number]; base: [number, number] }[] = [];
  const toPool: Record<string, { query: string; unjudged: { key: string; system: string; title: string; snippet: string }[] }> = {};
  for (const q of judged) {
    const answer = core.search(q.query, { limit: DEPTH, offset: 0 });
    const ours = answer.items.map((i) => keyOf(i, originOf.get(i.id)!.origin));
    const theirs = baseline.search(q.query, DEPTH);
    rows.push({
      id: q.id,
      query: q.query,
      rasid: [precisionAt(5, ours, q.grades), ndcgAt(10, ours, q.grades)],
      base: [precisionAt(5, theirs, q.grades), ndcgAt(10, theirs, q.grades)],
    });
    if (show) {
      const line = (keys: string[]) => keys.slice(0, 5).map((k) => `${k}:${q.grades[k] ?? '?'}`).join(' ');
      process.stdout.write(`${q.query}\n  rasid ${line(ours)}\n  fts5  ${line(theirs)}\n`);
    }
    if (pool) {
      const unjudged = new Map<string, { key: string; system: string; title: string; snippet: string }>();
      answer.items.forEach((i, k) => {
        const key = ours[k]!;
        if (!(key in q.grades)) unjudged.set(key, { key, system: 'rasid', title: i.title, snippet: i.snippet.text });
      });
      for (const key of theirs) {
        if (key in q.grades || unjudged.has(key)) continue;
        const r = key.startsWith('seed:') ? undefined : core.store.findByExternalId(key);
        unjudged.set(key, { key, system: 'baseline', title: r?.title ?? key, snippet: r?.body.slice(0, 300) ?? '' });
      }
      toPool[q.id] = { query: q.query, unjudged: [...unjudged.values()] };
    }
  }
  core.close();
  baseline.close();
  rmSync(dir, { recursive: true, force: true });

  if (pool) {
    process.stdout.write(`${JSON.stringify(toPool, null, 2)}\n`);
    return;
  }
  const f = (x: number) => x.toFixed(3);
  const arabic = (r: (typeof rows)[number]) => /\p{Script=Arabic}/u.test(r.query);
  const mean = (pick: (r: (typeof rows)[number]) => number, only: (r: (typeof rows)[number]) => boolean = () => true) => {
    const some = rows.filter(only);
    return some.reduce((s, r) => s + pick(r), 0) / some.length;
  };
  const lines = [
    `Eval: ${judged.length} judged queries over the seeds and ${items.length} research-corpus reports`,
    '| query | Rasid P@5 | Rasid nDCG@10 | FTS5 P@5 | FTS5 nDCG@10 |',
    '|---|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.query} | ${f(r.rasid[0])} | ${f(r.rasid[1])} | ${f(r.base[0])} | ${f(r.base[1])} |`),
    `| **mean** | **${f(mean((r) => r.rasid[0]))}** | **${f(mean((r) => r.rasid[1]))}** | **${f(mean((r) => r.base[0]))}** | **${f(mean((r) => r.base[1]))}** |`,
    // Plain FTS5 cannot match an English query against Arabic text: the fair comparison is on Arabic queries.
    `| **mean, Arabic queries only** | **${f(mean((r) => r.rasid[0], arabic))}** | **${f(mean((r) => r.rasid[1], arabic))}** | **${f(mean((r) => r.base[0], arabic))}** | **${f(mean((r) => r.base[1], arabic))}** |`,
    'P@5 counts grade ≥ 1 as relevant; nDCG@10 uses gain = grade over the judged reports.',
    '',
    ...(await evaluateEvents()),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  mkdirSync(repoPath('bench-results'), { recursive: true });
  const file = repoPath('bench-results', `eval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), reports: items.length + 5, rows }, null, 2)}\n`);
  process.stdout.write(`written to ${basename(file)} in bench-results/\n`);
}

await main();
