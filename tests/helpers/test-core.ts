/** A core on an in-memory database with a silent logger and a controllable clock, for tests. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoPath } from '../../src/config/repo-path.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createCore, type Clock, type Core } from '../../src/create-core.js';
import type { Fetcher } from '../../src/fetch/fetch-url.js';
import { createLogger } from '../../src/log/create-logger.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';

export const FIXED_NOW = new Date('2026-11-22T08:00:00Z');

/** A clock tests move by hand. */
export interface TestClock extends Clock {
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date = FIXED_NOW): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (d) => (now = new Date(d).getTime()),
    advance: (ms) => (now += ms),
  };
}

export interface TestCoreOptions {
  readonly clock?: Clock;
  readonly notifyAdmins?: (message: string) => void;
  readonly fetcher?: Fetcher;
}

export function testCore(env: Record<string, string> = {}, options: TestCoreOptions = {}): Core {
  // Pictures a console sink writes go to a folder of the test run's, never to the checkout's data/pictures.
  const config = loadConfig({ RASID_DB: ':memory:', RASID_PICTURES: join(tmpdir(), `rasid-test-pictures-${process.pid}`), ...env }, repoPath('tests', 'no-such.env'));
  return createCore({
    config,
    logger: createLogger({ level: 'silent', format: 'json' }),
    clock: options.clock ?? { now: () => FIXED_NOW },
    db: openDatabase(':memory:'),
    ...(options.notifyAdmins ? { notifyAdmins: options.notifyAdmins } : {}),
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
  });
}

/** A core with the five bundled seed reports ingested. */
export async function seededCore(env: Record<string, string> = {}): Promise<Core> {
  const core = testCore(env);
  await core.ingestPaths([repoPath('data', 'corpus')]);
  return core;
}

/** The seed number (000-004) of a report, from the file it was ingested from. */
export function seedOf(core: Core, id: number): string {
  const origin = core.store.get(id)!.origin;
  return /(\d{3})_[0-9a-f]+\.txt$/.exec(origin)![1]!;
}

/** The core's connection, for tests that look at or damage tables directly (production code gets stores, never this). */
export function testDb(core: Core): Db {
  return core.stores.open((db) => db);
}
