/**
 * Prepares reports (cleaning, understanding, analysis: `prepareReport`) in worker threads, so the
 * thread that reads the input and writes SQLite does not wait for them. `prepareAhead` keeps a window
 * of chunks in flight over the workers and gives the outcomes back in input order, so ingest stores
 * exactly what preparing on one thread stores (tests/corpus/ingest-pool.test.ts compares the two).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RawReport, ReadItem } from '../ingest/raw-report.js';
import type { PreparedReport } from '../store/report-store.js';
import { ReportRejectedError } from './prepare-report.js';

/** A chunk of raw reports sent to a worker. */
export interface PrepareChunk {
  readonly id: number;
  readonly raws: readonly RawReport[];
}

/** What preparing one report gave: the prepared report, or what it threw. */
export type PrepareOutcome =
  | { readonly ok: true; readonly prepared: PreparedReport }
  | { readonly ok: false; readonly rejected: boolean; readonly message: string; readonly stack: string | null };

/** A worker's answer to a chunk, outcome k for raw report k. */
export interface PreparedChunk {
  readonly id: number;
  readonly outcomes: readonly PrepareOutcome[];
}

/** An input item with its preparation: `prepare()` returns what `prepareReport` returned for it, or throws what it threw. */
export interface PreparedItem {
  readonly item: ReadItem;
  readonly prepare: () => PreparedReport;
}

export interface PreparePool {
  readonly workers: number;
  /** The items in input order, each with its preparation, read and prepared ahead of the consumer. */
  prepareAhead(items: AsyncIterator<ReadItem>): AsyncIterable<PreparedItem>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** Reports per message: enough to make the messaging cheap, few enough to spread the work evenly. */
export const CHUNK_REPORTS = 16;
/** Chunks in flight: about two store batches, so the workers go on while the main thread writes one. */
export const CHUNKS_IN_FLIGHT = 32;

/** The outcome as the serial path gives it: the prepared report, or the same error thrown again. */
function settle(outcome: PrepareOutcome): PreparedReport {
  if (outcome.ok) return outcome.prepared;
  const error = outcome.rejected ? new ReportRejectedError(outcome.message) : new Error(outcome.message);
  if (outcome.stack !== null) error.stack = outcome.stack;
  throw error;
}

/**
 * A worker's young generation, in MiB (V8's default is up to 32 here): a worker's short-lived objects are
 * one chunk's. 24 since ingest speed counts too: 12 kept a few MiB more off the peak but scavenged so
 * often that the whole 40k ingest ran about 7% slower (docs/performance.md, "Memory of a bulk ingest").
 * Only the nursery is bounded: a limit on the old generation would stop a worker on a report larger than it.
 */
export const WORKER_YOUNG_GENERATION_MB = 24;

/** A pool of `size` worker threads (at least one). */
export function createPreparePool(size: number): PreparePool {
  // Run from TypeScript sources (the tests), the worker registers tsx's loader before it imports its module.
  const fromSource = import.meta.url.endsWith('.ts');
  const script = fromSource
    ? `import(${JSON.stringify(pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx')), 'esm', 'api', 'index.mjs')).href)})
        .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./prepare-worker.ts', import.meta.url).href)}); });`
    : new URL('./prepare-worker.js', import.meta.url);
  const waiting = new Map<number, { resolve: (outcomes: readonly PrepareOutcome[]) => void; reject: (err: Error) => void }>();
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(script, { eval: fromSource, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const state = { worker, pending: new Set<number>() };
    worker.on('message', ({ id, outcomes }: PreparedChunk) => {
      state.pending.delete(id);
      // An idle worker does not keep the process alive.
      if (state.pending.size === 0) worker.unref();
      const w = waiting.get(id);
      waiting.delete(id);
      w?.resolve(outcomes);
    });
    const fail = (err: Error) => {
      for (const id of state.pending) {
        waiting.get(id)?.reject(err);
        waiting.delete(id);
      }
      state.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`an ingest worker stopped (exit code ${code})`)));
    worker.unref();
    return state;
  });
  let nextId = 0;

  const run = (raws: readonly RawReport[]): Promise<readonly PrepareOutcome[]> => {
    const id = nextId++;
    // The least busy worker takes the chunk.
    const state = workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const done = new Promise<readonly PrepareOutcome[]>((resolve, reject) => waiting.set(id, { resolve, reject }));
    if (state.pending.size === 0) state.worker.ref();
    state.pending.add(id);
    state.worker.postMessage({ id, raws } satisfies PrepareChunk);
    return done;
  };

  async function* prepareAhead(items: AsyncIterator<ReadItem>): AsyncIterable<PreparedItem> {
    const inFlight: { items: ReadItem[]; done: Promise<readonly PrepareOutcome[]> }[] = [];
    let exhausted = false;
    const fill = async () => {
      while (!exhausted && inFlight.length < CHUNKS_IN_FLIGHT) {
        const chunk: ReadItem[] = [];
        while (chunk.length < CHUNK_REPORTS) {
          const next = await items.next();
          if (next.done) {
            exhausted = true;
            break;
          }
          chunk.push(next.value);
        }
        if (chunk.length === 0) break;
        const raws = chunk.flatMap((item) => (item.ok ? [item.report] : []));
        const done = raws.length > 0 ? run(raws) : Promise.resolve([]);
        // Awaited below in turn; a chunk left behind by a consumer that stopped early must not fail the process.
        done.catch(() => undefined);
        inFlight.push({ items: chunk, done });
      }
    };
    for (;;) {
      await fill();
      const head = inFlight.shift();
      if (head === undefined) return;
      const outcomes = await head.done;
      let k = 0;
      for (const item of head.items) {
        if (!item.ok) {
          yield { item, prepare: () => { throw new Error('an unreadable item has nothing to prepare'); } };
          continue;
        }
        const outcome = outcomes[k++]!;
        yield { item, prepare: () => settle(outcome) };
      }
    }
  }

  return {
    workers: workers.length,
    prepareAhead,
    close: async () => {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
