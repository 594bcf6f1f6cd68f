import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';
import { syntheticReport } from '../helpers/synthetic-reports.js';

/** Reports [from, to) as JSON lines, each with its own URL. */
function jsonl(path: string, from: number, to: number): void {
  const lines: string[] = [];
  for (let n = from; n < to; n++) {
    const r = syntheticReport(n);
    lines.push(JSON.stringify({ id: `r${n}`, url: r.url, title: r.title, text: r.text, published_at: r.publishedAt, source: r.source }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function rasid(args: string[], env: Record<string, string>): { done: Promise<number | null>; output: () => string; kill: (s: NodeJS.Signals) => void } {
  const child = spawn(repoPath('node_modules', '.bin', 'tsx'), [repoPath('bin', 'rasid.ts'), ...args], {
    cwd: repoPath(),
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return { done: new Promise((resolve) => child.once('exit', resolve)), output: () => output, kill: (s) => child.kill(s) };
}

describe('two ingests and the service writing one database at once', () => {
  it('store every report once, and every process says it succeeded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-writers-'));
    const inbox = join(dir, 'inbox');
    mkdirSync(inbox);
    // Overlapping ranges: the same report arrives through two writers at about the same time.
    jsonl(join(dir, 'a.jsonl'), 0, 500);
    jsonl(join(dir, 'b.jsonl'), 250, 750);
    jsonl(join(dir, 'corpus.jsonl'), 500, 1000);
    jsonl(join(inbox, 'drop.jsonl'), 950, 1100);
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(inbox, 'drop.jsonl'), old, old);
    const env = { RASID_DB: join(dir, 'shared.db'), RASID_INBOX: inbox, RASID_INBOX_SCAN_SECONDS: '1', RASID_CORPUS: join(dir, 'corpus.jsonl') };

    const service = rasid(['serve'], env);
    const a = rasid(['ingest', join(dir, 'a.jsonl')], env);
    const b = rasid(['ingest', join(dir, 'b.jsonl')], env);
    const [codeA, codeB] = await Promise.all([a.done, b.done]);
    for (let k = 0; k < 600 && !service.output().includes('inbox file processed'); k++) await new Promise((r) => setTimeout(r, 50));
    service.kill('SIGTERM');
    expect(await service.done).toBe(0);

    expect([codeA, codeB], a.output() + b.output()).toEqual([0, 0]);
    expect(a.output()).toMatch(/failed 0\n/);
    expect(b.output()).toMatch(/failed 0\n/);
    expect(service.output()).toContain('"outcome":"done"');
    expect(service.output()).not.toContain('could not store');
    const db = new Database(env.RASID_DB, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n, count(DISTINCT url) AS urls FROM reports').get()).toEqual({ n: 1100, urls: 1100 });
      expect(db.prepare('SELECT count(*) AS n FROM report_terms').get()).toEqual({ n: 1100 });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 120_000);
});
