import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, SCHEMA_VERSION } from '../../src/store/migrate.js';
import { openDatabase } from '../../src/store/open-database.js';

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'rasid-db-')), 'rasid.db');

describe('openDatabase', () => {
  it('creates the schema at the current version with WAL, foreign keys and a busy timeout', () => {
    const path = tempDb();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('is idempotent: reopening applies nothing twice', () => {
    const path = tempDb();
    openDatabase(path).close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by newer code, saying what to do', () => {
    const path = tempDb();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path)).toThrow(
      `The database is at schema version ${SCHEMA_VERSION + 1}, but this Rasid knows versions up to ${SCHEMA_VERSION}. Upgrade Rasid, or point RASID_DB at another file.`,
    );
  });

  it.each([
    ['facet lookup by place', "SELECT report_id FROM report_places WHERE pcode IN ('SY11')", 'USING PRIMARY KEY (pcode=?)'],
    ['facet lookup by event', "SELECT report_id FROM report_events WHERE event_type IN ('attack')", 'USING PRIMARY KEY (event_type=?)'],
    ['facets of one report', 'SELECT pcode FROM report_places WHERE report_id = 1', 'USING COVERING INDEX report_places_by_report (report_id=?)'],
    [
      'latest reports',
      'SELECT id FROM reports ORDER BY published_at DESC, ingested_at DESC, id DESC LIMIT 5',
      'SCAN reports USING COVERING INDEX reports_by_published',
    ],
    ['report by url', "SELECT id FROM reports WHERE url = 'x'", 'USING COVERING INDEX sqlite_autoindex_reports_2 (url=?)'],
    ['events in a governorate, by date', "SELECT report_id FROM events WHERE admin1 = 'SY11' AND event_date >= '2019-01-01'", 'USING COVERING INDEX events_by_admin1 (admin1=? AND event_date>?)'],
    ['events of a kind', "SELECT report_id FROM events WHERE kind = 'ied'", 'USING COVERING INDEX events_by_kind (kind=?)'],
    ['events of an ACLED type', "SELECT report_id FROM events WHERE event_type = 'Battles'", 'USING COVERING INDEX events_by_type (event_type=?)'],
    ['events in a date range', "SELECT report_id FROM events WHERE event_date BETWEEN '2019-01-01' AND '2019-12-31'", 'USING COVERING INDEX events_by_date (event_date>? AND event_date<?)'],
    ['events anywhere under a place (lineage)', "SELECT report_id, seq FROM event_places WHERE pcode = 'SY1102'", 'USING PRIMARY KEY (pcode=?)'],
    ['the events of one report', 'SELECT * FROM events WHERE report_id = 7', 'USING PRIMARY KEY (report_id=?)'],
  ])('query plan: %s uses its index', (_name, sql, expected) => {
    const db = openDatabase(':memory:');
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toContain(expected);
    db.close();
  });
});
