/** Prints what an ingest run did: the counts, then one line per failure with its reason. */
import type { IngestSummary } from '../../src/corpus/ingest-reports.js';
import { withoutCredentials } from '../../src/fetch/redact-url.js';

export function printIngestSummary(summary: IngestSummary, out: NodeJS.WritableStream): void {
  out.write(`added ${summary.added} · updated ${summary.updated} · unchanged ${summary.unchanged} · failed ${summary.failed}\n`);
  for (const f of summary.failures) {
    // Fetch errors already start with the link; say it once.
    const reason = f.reason.startsWith(`${f.origin}: `) ? f.reason.slice(f.origin.length + 2) : f.reason;
    out.write(withoutCredentials(`  failed: ${f.origin}: ${reason}\n`));
  }
  if (summary.failed > summary.failures.length) out.write(`  … and ${summary.failed - summary.failures.length} more failures (each is in the log, at warn level)\n`);
}
