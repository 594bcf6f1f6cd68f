import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openDatabase } from '../../src/store/open-database.js';

/** A database at schema 5, where subscriptions.platform had to be console, telegram or discord. */
function version5(path: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  MIGRATIONS.slice(0, 5).forEach((m, k) => {
    db.exec(m.sql);
    db.pragma(`user_version = ${k + 1}`);
  });
  db.prepare(
    `INSERT INTO subscriptions (id, platform, chat_id, cron, timezone, item_cap, watermark, next_run_at, created_at, include_off_topic)
     VALUES (7, 'telegram', '-100', '0 8 * * *', 'Asia/Damascus', 30, 12, '2026-01-01T05:00:00Z', '2025-12-31T00:00:00Z', 1)`,
  ).run();
  db.prepare(`INSERT INTO digest_runs (id, subscription_id, from_report_id, to_report_id, created_at, state) VALUES (3, 7, 0, 12, '2026-01-01', 'sending')`).run();
  db.prepare(`INSERT INTO outbox (run_id, seq, payload) VALUES (3, 0, '{"html":"a"}'), (3, 1, '{"html":"b"}')`).run();
  expect(() => db.prepare(`UPDATE subscriptions SET platform = 'matrix' WHERE id = 7`).run()).toThrow(/CHECK constraint failed/);
  db.close();
}

describe('migration 6: the platform list leaves the schema', () => {
  it('keeps every subscription, run and outbox message, and takes any platform name', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rasid-m6-')), 'rasid.db');
    version5(path);
    const db = openDatabase(path);
    expect(db.prepare('SELECT id, platform, chat_id, watermark, include_off_topic FROM subscriptions').all()).toEqual([
      { id: 7, platform: 'telegram', chat_id: '-100', watermark: 12, include_off_topic: 1 },
    ]);
    expect(db.prepare('SELECT run_id, seq, payload FROM outbox ORDER BY seq').all()).toEqual([
      { run_id: 3, seq: 0, payload: '{"html":"a"}' },
      { run_id: 3, seq: 1, payload: '{"html":"b"}' },
    ]);
    db.prepare(`UPDATE subscriptions SET platform = 'matrix' WHERE id = 7`).run();
    expect(() => db.prepare(`UPDATE subscriptions SET platform = '' WHERE id = 7`).run()).toThrow(/CHECK constraint failed/);
    // The foreign keys still hold: removing the subscription removes its run and messages.
    db.prepare('DELETE FROM subscriptions WHERE id = 7').run();
    expect(db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
