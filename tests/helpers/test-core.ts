/** A core on an in-memory database with a silent logger and a fixed clock, for tests. */
import { repoPath } from '../../src/config/repo-path.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createCore, type Core } from '../../src/create-core.js';
import { createLogger } from '../../src/log/create-logger.js';
import { openDatabase } from '../../src/store/open-database.js';

export const FIXED_NOW = new Date('2026-11-22T08:00:00Z');

export function testCore(overrides: Record<string, string> = {}): Core {
  const config = loadConfig({ RASID_DB: ':memory:', ...overrides }, repoPath('tests', 'no-such.env'));
  return createCore({
    config,
    logger: createLogger({ level: 'silent', format: 'json' }),
    clock: { now: () => FIXED_NOW },
    db: openDatabase(':memory:'),
  });
}

/** A core with the five bundled seed reports ingested. */
export async function seededCore(): Promise<Core> {
  const core = testCore();
  await core.ingestPaths([repoPath('data', 'corpus')]);
  return core;
}

/** The seed number (000-004) of a report, from the file it was ingested from. */
export function seedOf(core: Core, id: number): string {
  const origin = core.store.get(id)!.origin;
  return /(\d{3})_[0-9a-f]+\.txt$/.exec(origin)![1]!;
}
