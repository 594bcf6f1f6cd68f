// Ingest with the worker pool stores exactly what ingest on one thread stores: the same reports,
// facets, event records and index terms, the same summary, in the same order.
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/arabic/analyze-arabic.js';
import { loadPlurals } from '../../src/arabic/plural-singulars.js';
import { ingestReports, type IngestDeps } from '../../src/corpus/ingest-reports.js';
import { createPreparePool, type PreparePool } from '../../src/corpus/prepare-pool.js';
import type { RawReport, ReadItem } from '../../src/ingest/raw-report.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { createReportStore } from '../../src/store/report-store.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';
import { protectedNames } from '../../src/understand/understand-report.js';
import { syntheticReport } from '../helpers/synthetic-reports.js';

const SEEDS = new URL('../../data/corpus/', import.meta.url);
const HAND_WRITTEN = new URL('../fixtures/understanding/hand-written.json', import.meta.url);

/** Seeds, hand-written reports, synthetic ones, a copy under another URL, an update, a report too short and an unreadable item. */
function items(): ReadItem[] {
  const seeds = readdirSync(SEEDS).sort().map((file): RawReport => {
    const [title, ...rest] = readFileSync(new URL(file, SEEDS), 'utf8').split('\n');
    return { title: title!, text: rest.join('\n'), url: `https://seed.example/${file}`, origin: `data/corpus/${file}` };
  });
  const written = (JSON.parse(readFileSync(HAND_WRITTEN, 'utf8')) as { title: string; text: string; publishedAt: string | null }[])
    .map((r, k): RawReport => ({ ...r, externalId: `hw-${k}`, origin: `hand-written:${k}` }));
  const synthetic = Array.from({ length: 70 }, (_, n) => syntheticReport(n));
  const copy: RawReport = { ...synthetic[3]!, url: 'https://elsewhere.example/copy', origin: 'copy' };
  const update: RawReport = { ...written[1]!, title: null, text: `${written[1]!.text}\nوأضاف المصدر أن التحقيقات مستمرة.`, origin: 'update' };
  const reports = [...seeds, ...written, ...synthetic, copy, update, { text: 'قصير', origin: 'short' }];
  return [
    ...reports.slice(0, 40).map((report): ReadItem => ({ ok: true, report })),
    { ok: false, origin: 'broken.jsonl:3', reason: 'not JSON' },
    ...reports.slice(40).map((report): ReadItem => ({ ok: true, report })),
  ];
}

async function* stream(list: readonly ReadItem[]): AsyncIterable<ReadItem> {
  yield* list;
}

const TABLES = ['reports', 'report_places', 'report_events', 'report_actors', 'events', 'event_places'];

function contents(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = db.prepare(`SELECT * FROM ${table}`).all().map((r) => JSON.stringify(r)).sort();
  // The FTS5 index: the rows that each analyzed term finds.
  out.terms = db.prepare("SELECT term, col, doc FROM report_terms_v ORDER BY term, col, doc").all();
  return out;
}

describe('ingest with the worker pool', () => {
  let pool: PreparePool | undefined;
  afterAll(async () => pool?.close());

  it('stores what ingest on one thread stores', async () => {
    const shared = { analyzer: createAnalyzer({ protectedWords: protectedNames(), plurals: loadPlurals() }), gazetteer: loadGazetteer(), now: () => new Date('2026-12-01T00:00:00Z') };
    const run = async (extra: Partial<IngestDeps>) => {
      const db = openDatabase(':memory:');
      db.exec("CREATE VIRTUAL TABLE report_terms_v USING fts5vocab(report_terms, 'instance')");
      const summary = await ingestReports(stream(items()), { ...shared, store: createReportStore(db), ...extra });
      const stored = contents(db);
      db.close();
      return { summary, stored };
    };
    const serial = await run({});
    pool = createPreparePool(2);
    const pooled = await run({ pool: () => pool!, poolAfter: 0 });
    expect(serial.summary.added).toBeGreaterThan(80);
    expect(serial.summary.failed).toBe(2);
    expect(serial.summary.updated).toBe(1);
    expect(serial.stored.events!.length).toBeGreaterThan(50);
    expect(pooled.summary).toEqual(serial.summary);
    expect(pooled.stored).toEqual(serial.stored);
  });
});
