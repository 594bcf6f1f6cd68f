/** A consistent copy of the live database through SQLite's online backup API: safe while the service writes. */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Db } from './open-database.js';

/** The backup could not be made as asked (the target exists, or it is the database itself). */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

export interface BackupResult {
  readonly path: string;
  readonly bytes: number;
  readonly reports: number;
}

/**
 * Copies the open database to `target` page by page (better-sqlite3's `db.backup`), while other
 * connections go on reading and writing; the copy is one consistent snapshot. Never overwrites a file.
 */
export async function backupDatabase(db: Db, target: string): Promise<BackupResult> {
  if (existsSync(target)) throw new BackupError(`${target} exists already: give a new file name (a backup never overwrites a file)`);
  if (db.name === target) throw new BackupError('the backup must go to another file than the database itself');
  mkdirSync(dirname(target), { recursive: true });
  await db.backup(target);
  const reports = (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  return { path: target, bytes: statSync(target).size, reports };
}
