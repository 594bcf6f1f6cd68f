/**
 * A bulk ingest's heap kept close to what is live. V8 lets a heap grow to several times its live size
 * before a full collection, and an ingest makes garbage fast: each report's text, terms and JSON live
 * for a batch, long enough to reach the old generation, then die. Left alone, the heaps of the main
 * thread and of each worker grew to 150-200 MiB over 60-80 MiB live. While an ingest runs, the heap may
 * grow by HEAP_GROWING_PERCENT over what was live after the last full collection; V8's flags hold for
 * every thread of the process, so the workers follow. Measured in docs/performance.md ("Memory of a
 * bulk ingest"): a third less peak RSS for about 2% more CPU.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 20;

/** Ingests running now (the corpus, the inbox and a command may overlap in one process). */
let running = 0;

/** Runs `ingest` with the heap kept tight; V8's own growing returns when the last ingest ends. */
export async function withTightHeap<T>(ingest: () => Promise<T>): Promise<T> {
  // A V8 flag read at each full collection: set while the process runs, it takes effect at the next one.
  if (running++ === 0) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  try {
    return await ingest();
  } finally {
    if (--running === 0) setFlagsFromString('--heap-growing-percent=0');
  }
}
