import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';

const run = promisify(execFile);
const tsx = repoPath('node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
const env = { ...process.env, RASID_DB: join(dir, 'cli.db'), LOG_LEVEL: 'silent' };
const rasid = (...args: string[]) => run(tsx, [repoPath('bin', 'rasid.ts'), ...args], { env, cwd: repoPath() });

beforeAll(async () => {
  const { stdout } = await rasid('ingest', 'data/corpus');
  expect(stdout).toBe('added 5 · updated 0 · unchanged 0 · failed 0\n');
}, 60_000);

describe('rasid command', () => {
  it('search --json prints the documented shape', async () => {
    const { stdout } = await rasid('search', '--json', '--limit', '2', 'attacks', 'in', 'Raqqa');
    const answer = JSON.parse(stdout);
    expect(Object.keys(answer)).toEqual(['query', 'interpretation', 'total', 'offset', 'limit', 'relaxed', 'undated', 'results']);
    expect(answer.query).toBe('attacks in Raqqa');
    expect(answer.interpretation).toMatchObject({ places: [{ key: 'SY11', en: 'Raqqa', ar: 'الرقة' }], events: [{ key: 'attack' }], actors: [], terms: [], since: null, until: null });
    expect(answer.total).toBe(5);
    expect(answer.results).toHaveLength(2);
    expect(Object.keys(answer.results[0])).toEqual(['id', 'external_id', 'url', 'title', 'source', 'published_at', 'score', 'snippet', 'places', 'events', 'matched', 'missing']);
  }, 30_000);

  it('show prints a report and what was understood', async () => {
    const { stdout } = await rasid('show', '1');
    expect(stdout.split('\n')[0]).toBe('#1 داعش يرسل رسائل تهديد... هل استعاد نفوذه في بعض المدن السورية؟');
    expect(stdout).toContain('outlet: حفريات · published: 2022-02-24 (from text)');
  }, 30_000);

  it('a bad setting stops start-up naming the setting', async () => {
    const err = await run(tsx, [repoPath('bin', 'rasid.ts'), 'search', 'x'], { env: { ...env, RASID_PAGE_SIZE: 'lots' }, cwd: repoPath() }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toContain('RASID_PAGE_SIZE: ');
  }, 30_000);

  it('an unknown report is a clear error', async () => {
    const err = await rasid('show', 'nope').catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(2);
    expect((err as { stderr: string }).stderr).toBe('No report "nope": give a report id (12 or #12), an external id or a URL.\n');
  }, 30_000);
});
