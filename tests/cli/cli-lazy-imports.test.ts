/** `rasid search` and `rasid --help` start without the platform libraries, the HTTP client, the cron stack, the page and feed readers or pino-pretty. */
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

/**
 * Loaded only by the commands that use them: `serve` (the bots), `discord register`, fetching, digests;
 * the feed parser and the HTML page readers at the first feed or page; the front-matter parser at the
 * first file with front matter; pino-pretty only for a terminal (the child's stderr here is a pipe, so
 * its log is JSON).
 */
const LAZY = [
  'grammy', '@grammyjs/auto-retry', 'discord.js', 'undici', 'node-cron', 'cron-parser', 'pino-pretty',
  'feedsmith', 'linkedom', '@mozilla/readability', 'gray-matter',
];
/** The chart stack: loaded only when a picture is drawn (`stats --png`, `map`). */
const CHARTS = ['vega', 'vega-lite', '@resvg/resvg-js', 'topojson-client'];

describe('start-up imports', () => {
  it.each([
    // The trace works: what the command needs is in it.
    ['search', ['search', 'attacks', 'in', 'Raqqa'], ['commander', 'better-sqlite3'], [...LAZY, ...CHARTS]],
    // --help opens no core, so no database either.
    ['help', ['--help'], ['commander'], [...LAZY, ...CHARTS, 'better-sqlite3']],
    // Counting alone draws nothing.
    ['stats', ['stats', 'Raqqa'], ['better-sqlite3'], [...LAZY, ...CHARTS]],
    ['map', ['map', 'Raqqa', '--png', join(dir, 'map.png')], ['better-sqlite3', ...CHARTS], LAZY],
  ])('rasid %s loads what it needs and nothing it does not', async (name, args, needed, notNeeded) => {
    const loaded = await packagesLoaded(name, args);
    expect(needed.filter((p) => !loaded.has(p))).toEqual([]);
    expect(notNeeded.filter((p) => loaded.has(p))).toEqual([]);
  }, 60_000);
});
