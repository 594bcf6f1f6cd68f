/**
 * Pools candidates for the held-out external judged set (tests/eval/heldout-external.json) over the eval's
 * sample: per query, the union of the top 20 of Rasid, plain FTS5 and the Lucene-style baseline, with each
 * report's title, grade so far and where to read it (seed file, or research-corpus line counted from 1).
 * An English query's `poolQuery` (the judge's Arabic rendering) adds, for pooling only, the Lucene-style
 * baseline's top 20 for it ('lucene-ar'), since no plain baseline can match English words to Arabic text.
 *   npx tsx scripts/pool-external.ts              the whole pool to depth 20
 *   npx tsx scripts/pool-external.ts --unjudged   only reports in any system's top 10 without a grade
 *   --depth N  pool depth;  --json  machine-readable output
 * For the judge only: it prints held-out results, so never run it while tuning the ranking.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { repoPath } from '../src/config/repo-path.js';
import { createCore } from '../src/create-core.js';
import { createLogger } from '../src/log/create-logger.js';
import { createBaselineIndex } from './lib/baseline-fts.js';
import { corpusSample, keyOf, seedDocs } from './lib/eval-sample.js';
import { researchCorpusPath } from './lib/research-corpus.js';
import { loadHeldOutExternal, luceneOverSample, type HeldOutQuery } from './lib/heldout-external.js';

interface Pooled {
  key: string;
  /** Rank (from 1) in each system that returned it. */
  ranks: Record<string, number>;
  grade: number | null;
  title: string;
  where: string;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const unjudgedOnly = process.argv.includes('--unjudged');
  const depth = Number(option('--depth') ?? (unjudgedOnly ? 10 : 20));
  if (!Number.isInteger(depth) || depth < 1) throw new Error('--depth takes a whole number of at least 1');
  const queries = loadHeldOutExternal();
  const dir = mkdtempSync(join(tmpdir(), 'rasid-pool-'));
  const config = loadConfig({ RASID_DB: join(dir, 'pool.db'), LOG_LEVEL: 'silent' }, join(dir, 'none.env'));
  const core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  const seeds = seedDocs();
  const { docs, items } = await corpusSample(researchCorpusPath(process.env.RASID_RESEARCH_CORPUS));
  await core.ingestPaths([repoPath('data', 'corpus')]);
  await core.ingestItems((async function* () { yield* items; })());
  const baseline = createBaselineIndex();
  baseline.batch(() => {
    for (const d of seeds) baseline.add(d.key, d.title, d.text);
    for (const d of docs) baseline.add(d.key, d.title, d.text);
  });
  const lucene = luceneOverSample(items);
  const byKey = new Map([...seeds, ...docs].map((d) => [d.key, d]));
  const systems: [string, (q: HeldOutQuery) => string[]][] = [
    ['rasid', (q) => core.search(q.query, { limit: depth, offset: 0 }).items.map((i) => keyOf(i, core.store.originOf(i.id)!))],
    ['fts5', (q) => baseline.search(q.query, depth)],
    ['lucene', (q) => lucene.search(q.query, depth)],
    ['lucene-ar', (q) => (q.poolQuery ? lucene.search(q.poolQuery, depth) : [])],
  ];

  const out = queries.map((q) => {
    const pool = new Map<string, Pooled>();
    for (const [name, rank] of systems) {
      rank(q).forEach((key, i) => {
        const d = byKey.get(key);
        const entry = pool.get(key) ?? { key, ranks: {}, grade: q.grades[key] ?? null, title: d?.title || d?.text.slice(0, 80) || key, where: d?.where ?? '?' };
        entry.ranks[name] = i + 1;
        pool.set(key, entry);
      });
    }
    const listed = [...pool.values()].filter((p) => !unjudgedOnly || p.grade === null);
    return { id: q.id, query: q.query, pooled: pool.size, listed };
  });
  core.close();
  baseline.close();
  rmSync(dir, { recursive: true, force: true });

  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  const listed = out.reduce((n, q) => n + q.listed.length, 0);
  for (const q of out) {
    if (unjudgedOnly && q.listed.length === 0) continue;
    process.stdout.write(`\n## ${q.id}: ${q.query} (${q.pooled} pooled to depth ${depth}, ${q.listed.length} listed)\n`);
    for (const p of q.listed) {
      const ranks = Object.entries(p.ranks).map(([s, r]) => `${s}#${r}`).join(' ');
      process.stdout.write(`  ${p.grade ?? '?'}  ${p.key}  [${ranks}]  ${p.title.replace(/\s+/g, ' ')}  (${p.where})\n`);
    }
  }
  process.stdout.write(`\n${listed} ${unjudgedOnly ? 'unjudged reports' : 'reports'} listed over ${out.length} queries, depth ${depth}.\n`);
}

await main();
