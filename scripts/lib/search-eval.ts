/**
 * The search part of `npm run eval`: judged queries (dev and held-out), each run through Rasid, plain
 * FTS5 and the Lucene-style Arabic baseline; P@5 and nDCG@10 per system, overall and per language.
 * Held-out queries are scored only in aggregate, so tuning never sees them one by one.
 */
import { readFileSync } from 'node:fs';
import { ndcgAt, precisionAt } from './eval-metrics.js';

export interface Judged {
  id: string;
  query: string;
  grades: Record<string, number>;
}

/** A system under test: the keys of its top `limit` results, and (Rasid only) how many it found in all. */
export interface EvalSystem {
  readonly name: string;
  search(query: string, limit: number): { keys: string[]; total?: number };
}

export interface QueryRow {
  id: string;
  query: string;
  arabic: boolean;
  /** Per system: [P@5, nDCG@10]. */
  scores: Record<string, [number, number]>;
  /** Judged relevant (grade ≥ 1) reports, and how many results the first system returned in all. */
  relevant: number;
  total: number | null;
}

export function readJudged(path: string): Judged[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { queries: Judged[] }).queries;
}

export const isArabicQuery = (query: string): boolean => /\p{Script=Arabic}/u.test(query);

export function scoreQueries(judged: readonly Judged[], systems: readonly EvalSystem[]): QueryRow[] {
  return judged.map((q) => {
    const scores: Record<string, [number, number]> = {};
    let total: number | null = null;
    for (const [i, s] of systems.entries()) {
      const { keys, total: found } = s.search(q.query, 10);
      if (i === 0) total = found ?? null;
      scores[s.name] = [precisionAt(5, keys, q.grades), ndcgAt(10, keys, q.grades)];
    }
    const relevant = Object.values(q.grades).filter((g) => g >= 1).length;
    return { id: q.id, query: q.query, arabic: isArabicQuery(q.query), scores, relevant, total };
  });
}

const f = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));

function mean(rows: readonly QueryRow[], system: string, metric: 0 | 1): number {
  return rows.length === 0 ? NaN : rows.reduce((s, r) => s + r.scores[system]![metric], 0) / rows.length;
}

/** The summary lines: per system, P@5 and nDCG@10 over all, Arabic and English queries. */
export function summaryTable(label: string, rows: readonly QueryRow[], systems: readonly string[]): string[] {
  const parts: [string, QueryRow[]][] = [
    ['all', [...rows]],
    ['Arabic', rows.filter((r) => r.arabic)],
    ['English', rows.filter((r) => !r.arabic)],
  ];
  const short: string[] = [];
  for (const r of rows) if (r.total !== null && r.total < 10 && r.relevant >= 10) short.push(r.id);
  return [
    `| ${label} | queries | ${systems.map((s) => `${s} P@5 | ${s} nDCG@10`).join(' | ')} |`,
    `|---|---:|${systems.map(() => '---:|---:').join('|')}|`,
    ...parts.map(
      ([name, some]) =>
        `| ${name} | ${some.length} | ${systems.map((s) => `${f(mean(some, s, 0))} | ${f(mean(some, s, 1))}`).join(' | ')} |`,
    ),
    `queries with fewer than 10 results though 10 or more are judged relevant (${systems[0]}): ${short.length}`,
  ];
}

/** One line per dev query (never used for held-out). */
export function perQueryTable(rows: readonly QueryRow[], systems: readonly string[]): string[] {
  return [
    `| query | rel | found | ${systems.map((s) => `${s} P@5 | ${s} nDCG@10`).join(' | ')} |`,
    `|---|---:|---:|${systems.map(() => '---:|---:').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.query} | ${r.relevant} | ${r.total ?? ''} | ${systems.map((s) => `${f(r.scores[s]![0])} | ${f(r.scores[s]![1])}`).join(' | ')} |`,
    ),
  ];
}
