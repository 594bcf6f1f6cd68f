/** `rasid search` and `rasid --help` start without the platform libraries, the HTTP client or the cron stack. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'rasid-lazy-'));

/** The packages (under node_modules) a `rasid` run resolved. */
async function packagesLoaded(name: string, args: string[]): Promise<Set<string>> {
  const trace = join(dir, `${name}.txt`);
  const env = { ...process.env, RASID_DB: join(dir, `${name}.db`), LOG_LEVEL: 'silent', MODULE_TRACE: trace };
  await run(repoPath('node_modules', '.bin', 'tsx'), ['--import', repoPath('tests', 'helpers', 'record-module-urls.mjs'), repoPath('bin', 'rasid.ts'), ...args], { env, cwd: repoPath() });
  const urls = readFileSync(trace, 'utf8').split('\n');
  return new Set(urls.map((u) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => p !== undefined));
}

/** Loaded only by the commands that use them: `serve` (the bots), `discord register`, fetching, digests. */
const LAZY = ['grammy', '@grammyjs/auto-retry', 'discord.js', 'undici', 'node-cron', 'cron-parser'];

describe('start-up imports', () => {
  it.each([
    ['search', ['search', 'attacks', 'in', 'Raqqa']],
    ['help', ['--help']],
  ])('rasid %s loads none of the lazily imported packages', async (name, args) => {
    const loaded = await packagesLoaded(name, args);
    // The trace works: what every command needs is in it.
    expect(loaded.has('commander')).toBe(true);
    expect(loaded.has('better-sqlite3')).toBe(true);
    expect(LAZY.filter((p) => loaded.has(p))).toEqual([]);
  }, 60_000);
});
