/** Write transactions that take the write lock first (BEGIN IMMEDIATE), so two writers wait their turn instead of failing. */
import type { Db } from './open-database.js';

/**
 * Whether an error is SQLite saying another connection holds the lock (SQLITE_BUSY and its
 * extended codes, SQLITE_LOCKED): the write can be tried again, the data is not at fault.
 */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * `fn` as a write transaction. Outside a transaction it opens with BEGIN IMMEDIATE: the write lock
 * is taken at once, while the busy timeout applies. A deferred transaction reads first and upgrades
 * later, and in WAL mode that upgrade fails at once with SQLITE_BUSY when another connection wrote
 * meanwhile, whatever the busy timeout. Inside a transaction it is a savepoint, as with
 * `db.transaction`.
 */
export function writeTransaction<A extends unknown[], R>(db: Db, fn: (...args: A) => R): (...args: A) => R {
  const tx = db.transaction(fn);
  return (...args: A) => (db.inTransaction ? tx(...args) : tx.immediate(...args));
}

/**
 * Runs a synchronous write, trying again when the database stays busy past the busy timeout
 * (each try already waits that long inside SQLite). Other errors are thrown at once.
 */
export function retryBusy<R>(write: () => R, attempts = 3): R {
  for (let attempt = 1; ; attempt++) {
    try {
      return write();
    } catch (err) {
      if (!isBusyError(err) || attempt >= attempts) throw err;
    }
  }
}
