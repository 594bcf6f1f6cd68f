// Tables built at start-up from data files and code (the gazetteer's, the English place names'), kept in
// a file so that the next start reads them instead of building them again. A file is used only when its
// key, a sha256 of everything the tables were built from, is the one asked for; anything else about it
// (missing, stale, cut, garbage, unwritable) only means the tables are built as before.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** Where a cache is kept and the key its contents must have been built with. */
export interface TablesCache {
  readonly file: string;
  readonly key: string;
}

/** The file's first bytes: its format, then the hex key of what it was built from. */
const MAGIC = 'rasid-built-tables 1\n';
const KEY_CHARS = 64;

/** A key for the given parts (file contents, versions of what the tables came from), with the format and the V8 version. */
export function tablesKey(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256').update(MAGIC).update(process.versions.v8);
  for (const part of parts) hash.update(`\0${part.length}\0`).update(part);
  return hash.digest('hex');
}

/**
 * The source of the modules named relative to `moduleUrl` (without extension), in the flavour it runs
 * as: `.js` when compiled, `.ts` from the sources (tests, tsx). What a cache key hashes as "the code".
 */
export function moduleSources(moduleUrl: string, relatives: readonly string[]): Buffer[] {
  const ext = extname(fileURLToPath(moduleUrl));
  return relatives.map((m) => readFileSync(fileURLToPath(new URL(m + ext, moduleUrl))));
}

/**
 * The cache file `name` in `dir`, one for the compiled code and one for the TypeScript sources, or each
 * would keep rebuilding the other's.
 */
export function cacheFileIn(dir: string, name: string, moduleUrl: string): string {
  return join(dir, `${name}-${extname(fileURLToPath(moduleUrl)).slice(1)}.bin`);
}

/** The value stored in the cache, or null when the file is missing, of another key, or unreadable in any way. */
export function readTables(cache: TablesCache): unknown {
  try {
    const bytes = readFileSync(cache.file);
    const head = MAGIC.length + KEY_CHARS;
    if (bytes.length <= head || bytes.toString('latin1', 0, head) !== MAGIC + cache.key) return null;
    return deserialize(bytes.subarray(head)) as unknown;
  } catch {
    return null;
  }
}

/**
 * Stores `value` (anything `node:v8` serializes: one object graph, so an object referred to twice is
 * one object when read back). The whole file is renamed into place, so a reader never sees half of one.
 * A failure only costs the next start the time of building.
 */
export function writeTables(cache: TablesCache, value: unknown): void {
  const temp = `${cache.file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(cache.file), { recursive: true });
    writeFileSync(temp, Buffer.concat([Buffer.from(MAGIC + cache.key, 'latin1'), serialize(value)]));
    renameSync(temp, cache.file);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written there.
    }
  }
}

/**
 * Reads items back from their positions in `items` (a cache stores places as positions in the gazetteer):
 * `at(i)`; `whole()` stays true while every position named an item and nothing called `spoil()`.
 */
export function positionReader<T>(items: readonly T[]): { at: (i: number) => T; spoil: () => void; whole: () => boolean } {
  let whole = true;
  return {
    at: (i) => {
      const item = items[i];
      if (item === undefined) whole = false;
      return item!;
    },
    spoil: () => {
      whole = false;
    },
    whole: () => whole,
  };
}
