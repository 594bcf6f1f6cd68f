/** The inbox folder: files dropped in it are ingested, then moved to done/ or failed/ with the reason beside them. */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Logger } from 'pino';
import type { IngestSummary } from '../corpus/ingest-reports.js';
import { realTimers, type Timers } from '../time/timers.js';

/** A file modified more recently than this may still be being written: it waits for the next scan. */
export const MIN_FILE_AGE_MS = 2_000;

export interface InboxDeps {
  readonly dir: string;
  readonly ingestPaths: (paths: readonly string[]) => Promise<IngestSummary>;
  readonly logger: Logger;
  readonly scanMs: number;
  /** The real clock: file times come from the file system, not from a test clock. */
  readonly nowMs?: () => number;
  readonly timers?: Timers;
}

export interface InboxResult {
  readonly file: string;
  readonly outcome: 'done' | 'failed';
  readonly summary: IngestSummary;
  /** Where the file is now. */
  readonly movedTo: string;
}

export interface Inbox {
  /** Processes every settled file once; resolves with what became of each. */
  scan(): Promise<InboxResult[]>;
  start(): void;
  stop(): Promise<void>;
}

/** `dir/name`, or `dir/name-2.ext`, `-3`… when taken: nothing in done/ or failed/ is ever overwritten. */
function freePath(dir: string, name: string): string {
  const ext = extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let path = join(dir, name);
  for (let n = 2; existsSync(path) || existsSync(`${path}.reason.txt`); n++) path = join(dir, `${stem}-${n}${ext}`);
  return path;
}

/** Why an inbox entry is not read, or null for a regular file. Links are never followed: a link could reach any file. */
export function refusalOf(info: Stats): string | null {
  if (info.isFile()) return null;
  const what = info.isSymbolicLink() ? 'a symbolic link' : info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a named pipe' : info.isSocket() ? 'a socket' : 'a device or special file';
  return `not read: ${what}, not a regular file; only files placed in the inbox itself are read (copy the file in, do not link it)`;
}

function failureLines(summary: IngestSummary): string {
  return summary.failures.map((f) => `${f.origin}: ${f.reason}`).join('\n') + '\n';
}

export function createInbox(deps: InboxDeps): Inbox {
  const nowMs = deps.nowMs ?? Date.now;
  const timers: Timers = deps.timers ?? realTimers;
  const done = join(deps.dir, 'done');
  const failed = join(deps.dir, 'failed');
  let handle: unknown = null;
  let running = false;
  let scanning: Promise<InboxResult[]> | null = null;

  async function processFile(path: string): Promise<InboxResult> {
    const name = basename(path);
    const summary = await deps.ingestPaths([path]);
    const stored = summary.added + summary.updated + summary.unchanged;
    const outcome = stored > 0 || summary.failed === 0 ? 'done' : 'failed';
    const target = freePath(outcome === 'done' ? done : failed, name);
    renameSync(path, target);
    if (summary.failed > 0) {
      // In failed/ the whole file failed; in done/ some of its records did (a bad line in a JSONL file).
      writeFileSync(`${target}.${outcome === 'done' ? 'failures' : 'reason'}.txt`, failureLines(summary));
    }
    deps.logger.info({ file: name, outcome, added: summary.added, updated: summary.updated, unchanged: summary.unchanged, failed: summary.failed }, 'inbox file processed');
    return { file: name, outcome, summary, movedTo: target };
  }

  async function scanOnce(): Promise<InboxResult[]> {
    mkdirSync(done, { recursive: true });
    mkdirSync(failed, { recursive: true });
    const results: InboxResult[] = [];
    for (const name of readdirSync(deps.dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = join(deps.dir, name);
      if (name === 'done' || name === 'failed') continue;
      let info: Stats;
      try {
        info = lstatSync(path);
      } catch {
        continue; // gone since the listing
      }
      const refusal = refusalOf(info);
      if (refusal !== null) {
        // Moved aside (a link is moved as a link, never followed), so it is refused once, not at every scan.
        const target = freePath(failed, name);
        try {
          renameSync(path, target);
          writeFileSync(`${target}.reason.txt`, `${refusal}\n`);
          deps.logger.warn({ file: name, reason: refusal }, 'inbox entry refused');
        } catch (err) {
          deps.logger.error({ err, file: name }, 'inbox entry refused but could not be moved aside');
        }
        continue;
      }
      if (nowMs() - info.mtimeMs < MIN_FILE_AGE_MS) continue;
      try {
        results.push(await processFile(path));
      } catch (err) {
        deps.logger.error({ err, file: name }, 'inbox file could not be processed; it stays in the inbox');
      }
    }
    return results;
  }

  const scan = () => {
    // One scan at a time: a slow file must not be picked up twice.
    scanning ??= scanOnce().finally(() => (scanning = null));
    return scanning;
  };
  const loop = () => {
    if (!running) return;
    scan()
      .catch((err: unknown) => deps.logger.error({ err }, 'inbox scan failed'))
      .finally(() => {
        if (running) handle = timers.setTimeout(loop, deps.scanMs);
      });
  };

  return {
    scan,
    start() {
      if (running) return;
      mkdirSync(deps.dir, { recursive: true });
      running = true;
      loop();
    },
    async stop() {
      running = false;
      if (handle !== null) timers.clearTimeout(handle);
      await scanning;
    },
  };
}
