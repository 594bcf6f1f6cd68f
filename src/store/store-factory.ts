/**
 * The one owner of the database connection outside the core's own stores: modules that keep their
 * own tables (the digests' subscription and outbox stores) get their store built here, on the same
 * connection, instead of being handed the connection. Only store constructors, the modules that
 * write SQL, are passed to `open`; nothing else sees a `Db`.
 */
import type { Db } from './open-database.js';

/** A store constructor: prepares its statements on the connection it is given. */
export type StoreConstructor<T> = (db: Db) => T;

export interface StoreFactory {
  /** The store `construct` builds on this database's connection (the same transactions, the same file). */
  open<T>(construct: StoreConstructor<T>): T;
}

export function createStoreFactory(db: Db): StoreFactory {
  return { open: (construct) => construct(db) };
}
