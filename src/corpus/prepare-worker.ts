/**
 * A worker thread of the ingest pool (see prepare-pool.ts): builds the same gazetteer and analyzer as
 * the core, then prepares each chunk of raw reports it is sent and answers with what `prepareReport`
 * returned or threw, in the chunk's order.
 */
import { parentPort } from 'node:worker_threads';
import { createAnalyzer } from '../arabic/analyze-arabic.js';
import { loadPlurals } from '../arabic/plural-singulars.js';
import { loadGazetteer } from '../understand/gazetteer.js';
import { protectedNames } from '../understand/understand-report.js';
import { prepareReport, ReportRejectedError } from './prepare-report.js';
import type { PrepareChunk, PrepareOutcome, PreparedChunk } from './prepare-pool.js';

const deps = { gazetteer: loadGazetteer(), analyzer: createAnalyzer({ protectedWords: protectedNames(), plurals: loadPlurals() }) };

parentPort!.on('message', ({ id, raws }: PrepareChunk) => {
  const outcomes = raws.map((raw): PrepareOutcome => {
    try {
      return { ok: true, prepared: prepareReport(raw, deps) };
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      return { ok: false, rejected: err instanceof ReportRejectedError, message: error.message, stack: error.stack ?? null };
    }
  });
  parentPort!.postMessage({ id, outcomes } satisfies PreparedChunk);
});
