import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';

const run = promisify(execFile);

describe('rasid ingest exit code', () => {
  it('is 1 when any item failed, even if others were stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-exit-'));
    const err = (await run(repoPath('node_modules', '.bin', 'tsx'), [repoPath('bin', 'rasid.ts'), 'ingest', 'data/corpus', join(dir, 'missing.txt')], {
      env: { ...process.env, RASID_DB: join(dir, 'x.db'), LOG_LEVEL: 'silent' },
      cwd: repoPath(),
    }).catch((e: unknown) => e)) as { code: number; stdout: string };
    expect(err.code).toBe(1);
    expect(err.stdout.split('\n')[0]).toBe('added 5 · updated 0 · unchanged 0 · failed 1');
  }, 60_000);
});
