/** Reads the research corpus (../shared/data/corpus, licensed for research: read in place, never copied). */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { repoPath } from '../../src/config/repo-path.js';
import type { ReadItem } from '../../src/ingest/raw-report.js';
import { replicateReport, type CorpusRecord } from './replicate-report.js';

/** The research corpus is not where it is looked for; the message says where and how to point to it. */
export class ResearchCorpusMissingError extends Error {
  override readonly name = 'ResearchCorpusMissingError';
}

/** Runs a script's main: a missing research corpus is one line and exit code 2, not a stack trace. */
export async function runScript(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (!(err instanceof ResearchCorpusMissingError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 2;
  }
}

/**
 * Where the research corpus is: `configured` (a script's main passes `RASID_RESEARCH_CORPUS`; only
 * entry points read the environment), else `../shared/data/corpus/arabic_news.jsonl.gz`.
 */
export function researchCorpusPath(configured: string | undefined): string {
  const path = configured ?? repoPath('..', 'shared', 'data', 'corpus', 'arabic_news.jsonl.gz');
  if (!existsSync(path)) {
    throw new ResearchCorpusMissingError(
      `The research corpus is not at ${path}. Set RASID_RESEARCH_CORPUS to the path of arabic_news.jsonl.gz.`,
    );
  }
  return path;
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** Streams the research corpus at `path` as read items, at most `limit` of them, `scale` times over (see replicateReport). */
export async function* corpusItems(path: string, limit: number, scale = 1): AsyncIterable<ReadItem> {
  for (let copy = 0; copy < scale; copy++) {
    const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      if (n >= limit) break;
      n++;
      const r = replicateReport(JSON.parse(line) as CorpusRecord, copy, n);
      yield { ok: true, report: { text: r.text, title: r.title, url: r.url, externalId: r.id, publishedAt: r.published_at, source: r.source, lang: 'ar', origin: `corpus:${copy}:${n}` } };
    }
  }
}

