// The five seed reports (data/corpus) as the store keeps them: cleaned page text, understood.
import { readFileSync, readdirSync } from 'node:fs';
import type { DigestReport } from '../../../digests/compose-digest.js';
import { cleanPageText } from '../../../src/ingest/clean-page-text.js';
import { understandReport } from '../../../src/understand/understand-report.js';

const CORPUS = new URL('../../../data/corpus/', import.meta.url);

/** What a report needs besides its text. */
export interface ReportMeta {
  readonly id: number;
  readonly source?: string | null;
  readonly url?: string | null;
  readonly publishedAt?: string | null;
  readonly ingestedAt?: string;
}

/** A stored report built from a title and body, understood as ingestion would. */
export function digestReport(story: { title: string; body: string }, meta: ReportMeta): DigestReport {
  return {
    id: meta.id,
    title: story.title,
    body: story.body,
    source: meta.source ?? null,
    url: meta.url ?? null,
    publishedAt: meta.publishedAt ?? null,
    ingestedAt: meta.ingestedAt ?? '2024-03-01T00:00:00.000Z',
    understanding: understandReport({ title: story.title, text: story.body }),
  };
}

/** Seed report `prefix` (000-004): the page cleaned as ingestion cleans it. */
export function seedStory(prefix: string): { title: string; body: string } {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix));
  if (file === undefined) throw new Error(`no seed report ${prefix}`);
  const page = cleanPageText(readFileSync(new URL(file, CORPUS), 'utf8'));
  return { title: page.title ?? '', body: page.body };
}
