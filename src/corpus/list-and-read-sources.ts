/** Every report in a list of files and folders, as one stream of read items (failures included). */
import { relative } from 'node:path';
import { repoPath } from '../config/repo-path.js';
import type { ReadItem } from '../ingest/raw-report.js';
import { listSourceFiles, readSourceFile } from '../ingest/read-source-file.js';

/** Paths inside the project are shown relative to it (data/corpus/000.txt), others as given. */
export function displayPath(path: string): string {
  const rel = relative(repoPath(), path);
  return rel.startsWith('..') ? path : rel;
}

/** Walks the paths (folders recursively, in sorted order) and reads each file's reports. */
export async function* listAndReadSources(paths: readonly string[]): AsyncIterable<ReadItem> {
  for await (const entry of listSourceFiles([...paths])) {
    if ('reason' in entry) {
      yield { ok: false, origin: displayPath(entry.path), reason: entry.reason };
      continue;
    }
    const shown = displayPath(entry.path);
    for await (const item of readSourceFile(entry.path)) {
      if (item.ok) yield { ok: true, report: { ...item.report, origin: item.report.origin.replace(entry.path, shown) } };
      else yield { ...item, origin: item.origin.replace(entry.path, shown) };
    }
  }
}
