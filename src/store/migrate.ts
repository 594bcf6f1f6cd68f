/** Numbered, forward-only schema migrations tracked by PRAGMA user_version. */
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

/** The database was written by a newer Rasid; running older code on it could corrupt it. */
export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
  constructor(readonly found: number, readonly supported: number) {
    super(
      `The database is at schema version ${found}, but this Rasid knows versions up to ${supported}. ` +
        'Upgrade Rasid, or point RASID_DB at another file.',
    );
  }
}

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Applies every migration above the database's user_version, each in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new DatabaseTooNewError(current, SCHEMA_VERSION);
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const migration = MIGRATIONS[version - 1]!;
    // IMMEDIATE, and the version read again under the write lock: two processes opening a new
    // database at once apply each migration once (the second finds it done).
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) >= version) return;
      db.exec(migration.sql);
      db.pragma(`user_version = ${version}`);
    }).immediate();
  }
}
