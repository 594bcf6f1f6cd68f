/** Prints what an ingest run did: the counts, then one line per failure with its reason. */
import type { IngestSummary } from '../../src/corpus/ingest-reports.js';

export function printIngestSummary(summary: IngestSummary, out: NodeJS.WritableStream): void {
  out.write(`added ${summary.added} · updated ${summary.updated} · unchanged ${summary.unchanged} · failed ${summary.failed}\n`);
  for (const f of summary.failures) out.write(`  failed: ${f.origin}: ${f.reason}\n`);
  if (summary.failed > summary.failures.length) out.write(`  … and ${summary.failed - summary.failures.length} more failures (see the log)\n`);
}
