/**
 * The held-out judged set (tests/eval/heldout-external.json): queries written and judged by an external judge
 * from the pooled top 20 of Rasid, plain FTS5 and the Lucene-style baseline. `npm run eval` prints only its
 * aggregate figures, so tuning never sees which reports are judged relevant.
 */
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../src/config/repo-path.js';
import type { ReadItem } from '../../src/ingest/raw-report.js';
import { ndcgAt, precisionAt, shortQueries } from './eval-metrics.js';
import { seedDocs } from './eval-sample.js';
import { createLuceneIndex, type LuceneIndex } from './lucene-baseline.js';

export interface HeldOutQuery {
  id: string;
  query: string;
  grades: Record<string, number>;
  /** For an English query: the judge's Arabic rendering, used only to pool candidates, never scored. */
  poolQuery?: string;
}

/** A system under test: the eval keys of its best `limit` reports for a query. */
export type Ranker = (query: string, limit: number) => string[];

export const HELDOUT_EXTERNAL_FILE = repoPath('tests', 'eval', 'heldout-external.json');

/** The held-out queries, or none when the file is absent. */
export function loadHeldOutExternal(): HeldOutQuery[] {
  if (!existsSync(HELDOUT_EXTERNAL_FILE)) return [];
  return (JSON.parse(readFileSync(HELDOUT_EXTERNAL_FILE, 'utf8')) as { queries: HeldOutQuery[] }).queries;
}

/** The Lucene-style baseline over the seeds (untitled, as the eval indexes them) and the sampled items. */
export function luceneOverSample(items: readonly ReadItem[]): LuceneIndex {
  const lucene = createLuceneIndex();
  for (const seed of seedDocs()) lucene.add(seed.key, seed.title, seed.text);
  for (const item of items) if (item.ok) lucene.add(item.report.externalId!, item.report.title ?? '', item.report.text);
  return lucene;
}

const DEPTH = 10;

/**
 * The "held-out (external judge)" section of the eval: P@5 and nDCG@10 of Rasid, FTS5 and the
 * Lucene-style baseline (all queries, Arabic, English), and how many of Rasid's top 10 per query are
 * unjudged. Empty when there is no held-out file.
 */
export function heldOutExternalSection(items: readonly ReadItem[], rasid: Ranker, fts5: Ranker): string {
  const queries = loadHeldOutExternal();
  if (queries.length === 0) return '';
  const lucene = luceneOverSample(items);
  const systems: [string, Ranker][] = [['Rasid', rasid], ['FTS5', fts5], ['Lucene-style', (q, n) => lucene.search(q, n)]];
  const runs = systems.map(([name, rank]) => ({ name, ranked: queries.map((q) => rank(q.query, DEPTH)) }));
  const arabic = queries.map((q) => /\p{Script=Arabic}/u.test(q.query));
  const f = (x: number) => x.toFixed(3);
  const mean = (values: number[], only: (i: number) => boolean) => {
    const some = values.filter((_, i) => only(i));
    return some.length === 0 ? NaN : some.reduce((s, v) => s + v, 0) / some.length;
  };
  const rows = runs.map(({ name, ranked }) => {
    const p5 = queries.map((q, i) => precisionAt(5, ranked[i]!, q.grades));
    const ndcg = queries.map((q, i) => ndcgAt(10, ranked[i]!, q.grades));
    const cells = [() => true, (i: number) => arabic[i]!, (i: number) => !arabic[i]].flatMap((only) => [f(mean(p5, only)), f(mean(ndcg, only))]);
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  const unjudged = queries.map((q, i) => runs[0]!.ranked[i]!.filter((key) => !(key in q.grades)).length);
  // The floor: no query returns fewer than 10 results when 10 or more are judged relevant.
  const short = shortQueries(queries.map((q, i) => ({ returned: runs[0]!.ranked[i]!.length, grades: q.grades })), DEPTH);
  const total = unjudged.reduce((s, n) => s + n, 0);
  return [
    '',
    `Held-out (external judge): ${queries.length} queries (${arabic.filter(Boolean).length} Arabic), aggregate figures only`,
    '| system | P@5 | nDCG@10 | P@5 Arabic | nDCG@10 Arabic | P@5 English | nDCG@10 English |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    `Unjudged in Rasid's top 10, per query in file order: ${unjudged.join(' ')} (${total} in all)` +
      (total > 0 ? '; list them for a judge with `npx tsx scripts/pool-external.ts --unjudged`.' : '.'),
    `queries with fewer than ${DEPTH} results though ${DEPTH} or more are judged relevant (Rasid): ${short}`,
    '',
  ].join('\n');
}
