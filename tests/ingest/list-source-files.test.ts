import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSourceFiles, type ListedPath } from '../../src/ingest/list-source-files.js';

let dir = '';

async function list(paths: string[]): Promise<ListedPath[]> {
  const out: ListedPath[] = [];
  for await (const entry of listSourceFiles(paths)) out.push(entry);
  return out;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasid-list-'));
  for (const folder of ['inbox/b', 'inbox/a', 'inbox/done', 'inbox/failed', 'inbox/.cache', 'inbox/a/done']) {
    mkdirSync(join(dir, folder), { recursive: true });
  }
  for (const file of [
    'inbox/z.txt', 'inbox/B.md', 'inbox/a.json', 'inbox/.hidden.txt', 'inbox/notes.pdf',
    'inbox/a/2.jsonl', 'inbox/a/10.jsonl', 'inbox/b/page.html',
    'inbox/done/old.txt', 'inbox/failed/bad.txt', 'inbox/.cache/x.txt', 'inbox/a/done/old.txt', 'single.txt',
  ]) {
    writeFileSync(join(dir, file), 'x');
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('listSourceFiles', () => {
  it('walks folders recursively in code-unit order, skipping dotfiles and done/ failed/', async () => {
    const inbox = join(dir, 'inbox');
    expect(await list([inbox])).toEqual(
      ['B.md', 'a/10.jsonl', 'a/2.jsonl', 'a.json', 'b/page.html', 'notes.pdf', 'z.txt'].map((f) => ({ path: join(inbox, f) })),
    );
  });

  it('lists named files as given and reports missing paths, in argument order', async () => {
    expect(await list([join(dir, 'missing'), join(dir, 'single.txt'), join(dir, 'inbox', 'done')])).toEqual([
      { path: join(dir, 'missing'), reason: 'no such file or directory; check the path' },
      { path: join(dir, 'single.txt') },
      // A done/ folder named explicitly is walked: only subfolders of a walk are skipped.
      { path: join(dir, 'inbox', 'done', 'old.txt') },
    ]);
  });

  it('lists a folder once even when named twice', async () => {
    const b = join(dir, 'inbox', 'b');
    expect(await list([b, b])).toEqual([{ path: join(b, 'page.html') }]);
  });
});
