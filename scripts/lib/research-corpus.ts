/** Reads the research corpus (../shared/data/corpus, licensed for research: read in place, never copied). */
import { existsSync } from 'node:fs';
import { repoPath } from '../../src/config/repo-path.js';

/** Where the research corpus is: `RASID_RESEARCH_CORPUS`, else `../shared/data/corpus/arabic_news.jsonl.gz`. */
export function researchCorpusPath(): string {
  const path = process.env.RASID_RESEARCH_CORPUS ?? repoPath('..', 'shared', 'data', 'corpus', 'arabic_news.jsonl.gz');
  if (!existsSync(path)) {
    throw new Error(
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
