/** The ingest use case: read files, prepare each report, store them in batches, count what happened. */
import type { Logger } from 'pino';
import type { ReadItem } from '../ingest/raw-report.js';
import type { ReportStore } from '../store/report-store.js';
import { isBusyError } from '../store/write-transaction.js';
import { prepareReport, ReportRejectedError, type PrepareDeps } from './prepare-report.js';
import { prepareKeepingKnown } from './keep-known-fields.js';
import type { PreparedItem, PreparePool } from './prepare-pool.js';
import { withTightHeap } from './ingest-heap.js';

/** What one ingest run did. */
export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** One line per failure: where (file, or file:line) and why. */
  readonly failures: { origin: string; reason: string }[];
  /** Store ids of the reports added or updated, in order. */
  readonly changedIds: number[];
}

export interface IngestDeps extends PrepareDeps {
  readonly store: ReportStore;
  readonly now: () => Date;
  readonly logger?: Logger;
  /** Waits between tries of a batch the database was too busy to take (default: a real timer). */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * Worker threads that prepare the reports (cleaning, understanding, analysis) while this thread
   * reads and writes; asked for only once more than `poolAfter` items came, so a small ingest starts
   * none. Without it every report is prepared here. What is stored is the same either way.
   */
  readonly pool?: () => PreparePool;
  /** Items prepared on this thread before the pool is asked for (default INGEST_BATCH_SIZE). */
  readonly poolAfter?: number;
}

/** Reports written per transaction: large enough to amortize the commit, small enough to bound lost work. */
export const INGEST_BATCH_SIZE = 250;
/** Failures kept in the summary; the count goes on past it. */
const MAX_LISTED_FAILURES = 1_000;
/**
 * Tries of a batch while another writer holds the database past the busy timeout (each try waits
 * that long inside SQLite), with a growing pause between them: about 40 s in all before giving up.
 */
export const BUSY_ATTEMPTS = 6;
const BUSY_PAUSE_MS = 250;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The items, each with its preparation: the first `poolAfter` (and all, without a pool) prepared here, when asked. */
async function* preparedItems(items: AsyncIterable<ReadItem>, deps: IngestDeps): AsyncIterable<PreparedItem> {
  const iterator = items[Symbol.asyncIterator]();
  const here = (item: ReadItem): PreparedItem => ({
    item,
    prepare: () => {
      if (!item.ok) throw new Error('an unreadable item has nothing to prepare');
      return prepareReport(item.report, deps);
    },
  });
  const poolAfter = deps.poolAfter ?? INGEST_BATCH_SIZE;
  for (let n = 0; deps.pool === undefined || n < poolAfter; n++) {
    const next = await iterator.next();
    if (next.done) return;
    yield here(next.value);
  }
  yield* deps.pool().prepareAhead(iterator);
}

function emptySummary(): IngestSummary {
  return { added: 0, updated: 0, unchanged: 0, failed: 0, failures: [], changedIds: [] };
}

/**
 * Ingests every item. A bad item is counted and listed, never stops the rest. Each batch is one
 * transaction, so a crash loses at most the batch in flight and never leaves half a report. The
 * heap is kept close to what is live while it runs (ingest-heap.ts).
 */
export function ingestReports(items: AsyncIterable<ReadItem>, deps: IngestDeps): Promise<IngestSummary> {
  return withTightHeap(() => ingestAll(items, deps));
}

async function ingestAll(items: AsyncIterable<ReadItem>, deps: IngestDeps): Promise<IngestSummary> {
  const summary = emptySummary();
  const fail = (origin: string, reason: string) => {
    summary.failed++;
    if (summary.failures.length < MAX_LISTED_FAILURES) {
      summary.failures.push({ origin, reason });
      deps.logger?.debug({ origin, reason }, 'report not ingested');
    } else {
      // Past the listed ones the summary only counts: these lines are where the rest are named.
      deps.logger?.warn({ origin, reason }, 'report not ingested');
    }
  };
  let pending: { origin: string; prepared: ReturnType<typeof prepareReport> }[] = [];
  const sleep = deps.sleep ?? realSleep;
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const now = deps.now();
    const record = ({ status, id }: { status: 'added' | 'updated' | 'unchanged'; id: number }) => {
      summary[status]++;
      if (status !== 'unchanged') summary.changedIds.push(id);
    };
    for (let attempt = 1; ; attempt++) {
      try {
        const results = deps.store.batch(() => batch.map(({ prepared }) => deps.store.upsert(prepared, now)));
        results.forEach(record);
        return;
      } catch (err) {
        // Another writer kept the database past the busy timeout: the batch rolled back whole and
        // is tried again, later; the reports are not at fault.
        if (isBusyError(err) && attempt < BUSY_ATTEMPTS) {
          deps.logger?.warn({ attempt, reports: batch.length }, 'database busy with another writer; trying the batch again');
          await sleep(BUSY_PAUSE_MS * attempt);
          continue;
        }
        break;
      }
    }
    // The batch rolled back whole; write one by one so a single bad report fails alone.
    for (const { origin, prepared } of batch) {
      try {
        record(deps.store.upsert(prepared, now));
      } catch (err) {
        deps.logger?.error({ err, origin }, 'could not store a report');
        fail(origin, `could not store: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  for await (const { item, prepare } of preparedItems(items, deps)) {
    if (!item.ok) {
      fail(item.origin, item.reason);
      continue;
    }
    try {
      // The report as read was prepared already (here or by a worker); one with kept fields is prepared here.
      const prepared = prepareKeepingKnown(item.report, deps.store, (raw) => (raw === item.report ? prepare() : prepareReport(raw, deps)));
      pending.push({ origin: item.report.origin, prepared });
    } catch (err) {
      if (!(err instanceof ReportRejectedError)) deps.logger?.error({ err, origin: item.report.origin }, 'unexpected error preparing a report');
      fail(item.report.origin, err instanceof Error ? err.message : String(err));
      continue;
    }
    if (pending.length >= INGEST_BATCH_SIZE) await flush();
  }
  await flush();
  return summary;
}
