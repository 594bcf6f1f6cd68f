/**
 * The eval's report sample, as scripts/eval.ts draws it: the bundled seeds, the first 2,000 ids of the
 * Syria/ISIS subset list, and every 25th research-corpus line as a distractor. Each item keeps its line.
 */
import { createReadStream, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { repoPath } from '../../src/config/repo-path.js';
import type { ReadItem } from '../../src/ingest/raw-report.js';

const SUBSET_SAMPLE = 2_000;
const DISTRACTOR_STRIDE = 25;

/** A sampled report: its eval key, title, text, and where it is read (seed file, or corpus line from 1). */
export interface SampleDoc {
  key: string;
  title: string;
  text: string;
  where: string;
}

/** The eval key of a report: its external id, or `seed:NNN` for a bundled seed file. */
export function keyOf(r: { externalId: string | null }, origin: string): string {
  if (r.externalId) return r.externalId;
  const m = /(\d{3})_[0-9a-f]+\.txt$/.exec(origin);
  return m ? `seed:${m[1]}` : origin;
}

/** The bundled seeds, in file order, as the eval's baselines index them (no title). */
export function seedDocs(): SampleDoc[] {
  const dir = repoPath('data', 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ key: keyOf({ externalId: null }, f), title: '', text: readFileSync(join(dir, f), 'utf8'), where: join('data', 'corpus', f) }));
}

/** The research-corpus part of the sample, with each report's line, and as read items for the core. */
export async function corpusSample(corpusPath: string): Promise<{ docs: SampleDoc[]; items: ReadItem[] }> {
  const listFile = join(corpusPath, '..', 'syria_isis_subset_ids.txt');
  const ids = new Set(readFileSync(listFile, 'utf8').split('\n').filter(Boolean).slice(0, SUBSET_SAMPLE));
  const lines = createInterface({ input: createReadStream(corpusPath).pipe(createGunzip()), crlfDelay: Infinity });
  const docs: SampleDoc[] = [];
  const items: ReadItem[] = [];
  let n = 0;
  for await (const line of lines) {
    n++;
    const r = JSON.parse(line) as { id: string; url: string; title: string; published_at: string; source: string; text: string };
    if (!ids.has(r.id) && n % DISTRACTOR_STRIDE !== 0) continue;
    docs.push({ key: r.id, title: r.title ?? '', text: r.text, where: `${corpusPath}:${n}` });
    items.push({ ok: true, report: { text: r.text, title: r.title, url: r.url, externalId: r.id, publishedAt: r.published_at, source: r.source, lang: 'ar', origin: `corpus:${r.id}` } });
  }
  return { docs, items };
}
