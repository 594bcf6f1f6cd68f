/**
 * `npm run eval`: our judged queries (tests/eval/judgments.json, English and Arabic, graded 0-2) over the
 * bundled seeds and a fixed sample of the research corpus, P@5 and nDCG@10 for Rasid beside plain FTS5
 * (unicode61, no Arabic analysis) on the same reports. `--show` prints each query's top five with
 * their grades. `--pool` prints, per query, the top results of
 * both systems that have no judgment yet, for the judge to grade.
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
import { createBaselineIndex } from './lib/baseline-fts.js';
import { ndcgAt, precisionAt } from './lib/eval-metrics.js';
import { heldOutExternalSection } from './lib/heldout-external.js';
import { researchCorpusPath, runScript } from './lib/research-corpus.js';

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

async function main(): Promise<void> {
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
  // The external judge's held-out set: aggregate figures only (scripts/lib/heldout-external.ts).
  const heldOut = pool || show ? '' : heldOutExternalSection(items, (q, n) => core.search(q, { limit: n, offset: 0 }).items.map((i) => keyOf(i, originOf.get(i.id)!.origin)), (q, n) => baseline.search(q, n));
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
  ];
  process.stdout.write(`${lines.join('\n')}\n${heldOut}`);
  mkdirSync(repoPath('bench-results'), { recursive: true });
  const file = repoPath('bench-results', `eval-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), reports: items.length + 5, rows }, null, 2)}\n`);
  process.stdout.write(`written to ${basename(file)} in bench-results/\n`);
}

await runScript(main);
