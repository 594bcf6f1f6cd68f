// Walks the given files and folders into a sorted, deterministic list of source files.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A file to read, or a path that could not be listed and why. */
export type ListedPath = { readonly path: string } | { readonly path: string; readonly reason: string };

/** Inbox subfolders holding files already processed; walking into them would ingest twice. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['done', 'failed']);

function errorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory; check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied; check the file permissions';
  return err instanceof Error ? err.message : String(err);
}

async function* walk(dir: string, seen: Set<string>): AsyncGenerator<ListedPath> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (err) {
    yield { path: dir, reason: errorReason(err) };
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const info = await stat(path);
      if (info.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(name)) yield* walk(path, seen);
      } else if (info.isFile()) yield { path };
    } catch (err) {
      yield { path, reason: errorReason(err) };
    }
  }
}

/**
 * Lists source files: each path that is a file as given, each folder walked recursively in sorted
 * (code-unit) order, skipping dotfiles and the `done/` and `failed/` inbox subfolders. Missing or
 * unreadable paths are listed with a reason. Every file is listed whatever its type; the reader
 * reports unsupported ones.
 */
export async function* listSourceFiles(paths: string[]): AsyncGenerator<ListedPath> {
  const seen = new Set<string>();
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) yield* walk(path, seen);
      else yield { path };
    } catch (err) {
      yield { path, reason: errorReason(err) };
    }
  }
}
