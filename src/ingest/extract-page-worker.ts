/** The worker thread that reads HTML pages (linkedom + Readability), so a slow page never blocks the service's thread. */
import { parentPort } from 'node:worker_threads';
import { htmlToReport, type HtmlReport } from './html-to-report.js';
import { SourceFileError } from './source-file-error.js';

export interface PageJob {
  readonly id: number;
  readonly html: string;
  readonly limits: { maxElements: number; maxDepth: number };
}

export type PageReply =
  | { readonly id: number; readonly ok: true; readonly report: HtmlReport }
  | { readonly id: number; readonly ok: false; readonly reason: string; readonly expected: boolean };

parentPort?.on('message', (job: PageJob) => {
  let reply: PageReply;
  try {
    reply = { id: job.id, ok: true, report: htmlToReport(job.html, job.limits) };
  } catch (err) {
    reply = { id: job.id, ok: false, reason: err instanceof Error ? err.message : String(err), expected: err instanceof SourceFileError };
  }
  parentPort!.postMessage(reply);
});
