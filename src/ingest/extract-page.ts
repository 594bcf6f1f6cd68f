/** Reads HTML pages in worker threads with a time budget: a page past it has its worker killed and fails, named. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DOM_LIMITS, type HtmlReport } from './html-page.js';
import type { PageJob, PageReply } from './extract-page-worker.js';
import { SourceFileError } from './source-file-error.js';

/** A page's reading (parse, Readability) gets this long; real article pages take well under a second. */
export const PAGE_BUDGET_MS = 10_000;
/** Pages read at once: the machine's two cores, one of them left to the service. */
const POOL_SIZE = 2;
/** A worker's heap: far above any real page, low enough that a hostile one cannot take the machine. */
const WORKER_HEAP_MB = 256;

export interface ExtractOptions {
  readonly budgetMs?: number;
  readonly limits?: { maxElements: number; maxDepth: number };
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

const here = new URL(import.meta.url);
const fromSource = here.pathname.endsWith('.ts');

/** A worker running extract-page-worker; from TypeScript sources (tests, tsx) through tsx's loader. */
function newWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (!fromSource) return new Worker(new URL('./extract-page-worker.js', here), options);
  const script = new URL('./extract-page-worker.ts', here).href;
  const tsx = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

const slots: Slot[] = [];
const waiting: (() => void)[] = [];
let nextId = 1;

async function takeSlot(): Promise<Slot> {
  for (;;) {
    const free = slots.find((s) => !s.busy);
    if (free !== undefined) {
      free.busy = true;
      return free;
    }
    if (slots.length < POOL_SIZE) {
      const slot = { worker: newWorker(), busy: true };
      slots.push(slot);
      return slot;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
}

function release(slot: Slot, alive: boolean): void {
  slot.busy = false;
  if (alive) slot.worker.unref(); // an idle worker never keeps the process alive
  else slots.splice(slots.indexOf(slot), 1);
  waiting.shift()?.();
}

/**
 * `htmlToReport` in a worker thread: the page's main text and metadata. Throws SourceFileError when
 * the page holds no text, is too large or too deep (DOM_LIMITS), or takes longer than the budget
 * (its worker is then terminated, so the work really stops).
 */
export async function extractPage(html: string, options: ExtractOptions = {}): Promise<HtmlReport> {
  const budgetMs = options.budgetMs ?? PAGE_BUDGET_MS;
  const slot = await takeSlot();
  const { worker } = slot;
  worker.ref(); // the caller awaits this page: keep the process alive until it is read
  const id = nextId++;
  return new Promise<HtmlReport>((resolve, reject) => {
    const done = (alive: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      release(slot, alive);
    };
    const onMessage = (reply: PageReply) => {
      if (reply.id !== id) return;
      done(true);
      if (reply.ok) resolve(reply.report);
      else reject(reply.expected ? new SourceFileError(reply.reason) : new SourceFileError(`the page could not be read: ${reply.reason}`));
    };
    const onError = (err: Error) => {
      done(false);
      void worker.terminate();
      reject(new SourceFileError(`the page could not be read: ${err.message.split('\n')[0]}`));
    };
    const onExit = () => {
      done(false);
      reject(new SourceFileError('the page could not be read: its reader stopped'));
    };
    const timer = setTimeout(() => {
      done(false);
      void worker.terminate();
      reject(new SourceFileError(`reading the page took longer than ${budgetMs / 1000} s, so it was stopped; it is too large or too complex to be an article page`));
    }, budgetMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, html, limits: options.limits ?? DOM_LIMITS } satisfies PageJob);
  });
}

/** Ends every page worker (tests; a process that is exiting does not need it). */
export async function closePageWorkers(): Promise<void> {
  await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
}
