import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';

const noFile = join(tmpdir(), 'rasid-no-such.env');

describe('loadConfig', () => {
  it('gives the documented defaults', () => {
    const c = loadConfig({}, noFile);
    expect(c.dbPath).toBe(repoPath('data/rasid.db'));
    expect(c.corpusPaths).toEqual([repoPath('data/corpus')]);
    expect(c.pageSize).toBe(5);
    expect(c.logLevel).toBe('info');
    expect(c.logFormat).toBe('auto');
    expect(c.allowPrivateUrls).toBe(false);
    expect(c.feedIntervalMinutes).toBe(10);
    expect(c.inboxDir).toBe(repoPath('data/inbox'));
    expect(c.inboxScanSeconds).toBe(5);
    expect(c.workers).toBe(Math.max(1, availableParallelism() - 1));
  });

  it('takes RASID_WORKERS, 0 for ingest on the main thread only', () => {
    expect(loadConfig({ RASID_WORKERS: '0' }, noFile).workers).toBe(0);
    expect(loadConfig({ RASID_WORKERS: '3' }, noFile).workers).toBe(3);
    expect(() => loadConfig({ RASID_WORKERS: '-1' }, noFile)).toThrow(ConfigError);
  });

  it.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['false', false],
  ])('RASID_ALLOW_PRIVATE_URLS=%s', (value, expected) => {
    expect(loadConfig({ RASID_ALLOW_PRIVATE_URLS: value }, noFile).allowPrivateUrls).toBe(expected);
  });

  it('reads .env, and the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'RASID_PAGE_SIZE=3\nLOG_LEVEL=debug # comment\nRASID_DB=/tmp/x.db\n');
    const c = loadConfig({ LOG_LEVEL: 'warn' }, file);
    expect(c.pageSize).toBe(3);
    expect(c.logLevel).toBe('warn');
    expect(c.dbPath).toBe('/tmp/x.db');
  });

  it('treats an empty setting as unset', () => {
    expect(loadConfig({ LOG_LEVEL: '' }, noFile).logLevel).toBe('info');
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ RASID_PAGE_SIZE: 'many' }, 'RASID_PAGE_SIZE'],
    [{ RASID_PAGE_SIZE: '50' }, 'RASID_PAGE_SIZE'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'],
    [{ RASID_ALLOW_PRIVATE_URLS: 'yes' }, 'RASID_ALLOW_PRIVATE_URLS'],
    [{ RASID_FEED_INTERVAL_MINUTES: '0' }, 'RASID_FEED_INTERVAL_MINUTES'],
  ])('refuses %o naming the setting', (env, setting) => {
    expect(() => loadConfig(env, noFile)).toThrow(ConfigError);
    try {
      loadConfig(env, noFile);
    } catch (err) {
      expect((err as ConfigError).problems).toHaveLength(1);
      expect((err as ConfigError).problems[0]).toMatch(new RegExp(`^${setting}: `));
      expect((err as Error).message).toContain('Invalid settings (fix them in the environment or .env)');
    }
  });
});
