import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rasidIn } from '../helpers/run-rasid.js';

describe('rasid backup', () => {
  it('copies the live database while another connection writes; the copy restores and finds every report', async () => {
    const live = rasidIn();
    expect((await live.run('ingest', 'data/corpus')).code).toBe(0);
    const file = join(live.dir, 'backups', 'rasid-backup.db');
    // Another connection holds an open write transaction meanwhile (the service at work): the backup still completes.
    const { default: Database } = await import('better-sqlite3');
    const writer = new Database(live.env.RASID_DB!);
    writer.exec("BEGIN IMMEDIATE; UPDATE reports SET title = title WHERE id = 1;");
    try {
      const r = await live.run('backup', file);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^backed up 5 report\\(s\\) to ${file.replace(/[.]/g, '\\.')} \\(\\d+\\.\\d MiB\\)\\n$`));
    } finally {
      writer.exec('COMMIT');
      writer.close();
    }
    expect(existsSync(file)).toBe(true);

    const restored = rasidIn({ RASID_DB: file });
    for (const id of [1, 2, 3, 4, 5]) {
      const shown = await restored.run('show', String(id));
      expect(shown.code).toBe(0);
      expect(shown.out.split('\n')[0]).toBe((await live.run('show', String(id))).out.split('\n')[0]);
    }
    const search = await restored.run('search', 'attacks in Raqqa');
    expect(search.out.split('\n')[1]).toBe('Results 1–5 of 5');
  });

  it('never overwrites a file', async () => {
    const live = rasidIn();
    const target = live.env.RASID_DB!;
    await live.run('ingest', 'data/corpus');
    const r = await live.run('backup', target);
    expect(r).toEqual({ code: 2, out: '', err: `${target} exists already: give a new file name (a backup never overwrites a file)\n` });
  });
});
