import { existsSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import { testCore } from '../helpers/test-core.js';

let core: Core | undefined;
afterEach(() => core?.close());

const REPORT = 'هجوم لتنظيم داعش على حاجز في ريف دير الزور الشرقي أدى إلى مقتل ثلاثة عناصر من قوات سوريا الديمقراطية.';

/** Writes a file and dates it a minute back, so the inbox takes it as settled. */
function drop(dir: string, name: string, content: string | Buffer, settled = true): void {
  const path = join(dir, name);
  writeFileSync(path, content);
  if (settled) utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
}

describe('the inbox folder', () => {
  it('ingests settled files and moves them to done/ or failed/ with the reason beside them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-inbox-'));
    core = testCore({ RASID_INBOX: dir });
    drop(dir, 'good.txt', REPORT);
    drop(dir, 'broken.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    drop(dir, 'mixed.jsonl', `${JSON.stringify({ id: 'm1', text: REPORT.replace('ثلاثة', 'أربعة') })}\n{oops\n`);
    drop(dir, 'still-writing.txt', REPORT, false);
    drop(dir, '.hidden.txt', REPORT);

    const results = await core.inbox.scan();
    expect(results.map((r) => [r.file, r.outcome])).toEqual([
      ['broken.txt', 'failed'],
      ['good.txt', 'done'],
      ['mixed.jsonl', 'done'],
    ]);
    expect(readdirSync(dir).sort()).toEqual(['.hidden.txt', 'done', 'failed', 'still-writing.txt']);
    expect(readdirSync(join(dir, 'done')).sort()).toEqual(['good.txt', 'mixed.jsonl', 'mixed.jsonl.failures.txt']);
    expect(readdirSync(join(dir, 'failed')).sort()).toEqual(['broken.txt', 'broken.txt.reason.txt']);
    expect(readFileSync(join(dir, 'failed', 'broken.txt.reason.txt'), 'utf8')).toMatch(/broken\.txt: binary content, not text/);
    expect(readFileSync(join(dir, 'done', 'mixed.jsonl.failures.txt'), 'utf8')).toMatch(/mixed\.jsonl:2: line 2: not valid JSON/);
    expect(core.store.count()).toBe(2);
  });

  it('never overwrites a processed file of the same name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-inbox-'));
    core = testCore({ RASID_INBOX: dir });
    drop(dir, 'same.txt', REPORT);
    await core.inbox.scan();
    drop(dir, 'same.txt', REPORT.replace('ثلاثة', 'خمسة'));
    await core.inbox.scan();
    expect(readdirSync(join(dir, 'done')).sort()).toEqual(['same-2.txt', 'same.txt']);
    expect(core.store.count()).toBe(2);
  });

  it('a scan of an empty inbox does nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-inbox-'));
    core = testCore({ RASID_INBOX: dir });
    expect(await core.inbox.scan()).toEqual([]);
    expect(existsSync(join(dir, 'done'))).toBe(true);
  });
});

describe('the inbox refuses what is not a regular file in it', () => {
  it('a symbolic link (to a file anywhere), a folder and a named pipe are moved aside with the reason, never read', async () => {
    const { execFileSync } = await import('node:child_process');
    const { lstatSync, mkdirSync, symlinkSync } = await import('node:fs');
    const outside = mkdtempSync(join(tmpdir(), 'rasid-secret-'));
    writeFileSync(join(outside, 'passwd.txt'), REPORT);
    const dir = mkdtempSync(join(tmpdir(), 'rasid-inbox-'));
    core = testCore({ RASID_INBOX: dir });
    symlinkSync(join(outside, 'passwd.txt'), join(dir, 'x.txt'));
    mkdirSync(join(dir, 'folder.txt'));
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);

    expect(await core.inbox.scan()).toEqual([]);
    expect(core.store.count()).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['done', 'failed']);
    expect(lstatSync(join(dir, 'failed', 'x.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(outside, 'passwd.txt'), 'utf8')).toBe(REPORT);
    const reason = (name: string) => readFileSync(join(dir, 'failed', `${name}.reason.txt`), 'utf8');
    expect(reason('x.txt')).toBe('not read: a symbolic link, not a regular file; only files placed in the inbox itself are read (copy the file in, do not link it)\n');
    expect(reason('folder.txt')).toMatch(/^not read: a folder, not a regular file/);
    expect(reason('pipe.txt')).toMatch(/^not read: a named pipe, not a regular file/);
  });
});
