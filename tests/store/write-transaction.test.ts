import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestReports } from '../../src/corpus/ingest-reports.js';
import { createAnalyzer } from '../../src/arabic/analyze-arabic.js';
import type { ReadItem } from '../../src/ingest/raw-report.js';
import { openDatabase, type Db } from '../../src/store/open-database.js';
import { createReportStore, type ReportStore } from '../../src/store/report-store.js';
import { isBusyError, retryBusy, writeTransaction } from '../../src/store/write-transaction.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';
import { protectedNames } from '../../src/understand/understand-report.js';
import { syntheticReport } from '../helpers/synthetic-reports.js';

const busy = (code: string) => Object.assign(new Error('database is locked'), { code });
const open: Db[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('isBusyError', () => {
  it.each([
    ['SQLITE_BUSY', true],
    ['SQLITE_BUSY_SNAPSHOT', true],
    ['SQLITE_LOCKED', true],
    ['SQLITE_CONSTRAINT_UNIQUE', false],
    [undefined, false],
  ])('%s → %s', (code, expected) => {
    expect(isBusyError(code === undefined ? new Error('x') : busy(code))).toBe(expected);
  });
});

describe('writeTransaction', () => {
  it('takes the write lock before running anything: while another connection writes, it waits, then fails without having read', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rasid-tx-')), 'tx.db');
    const first = openDatabase(path);
    const second = openDatabase(path);
    open.push(first, second);
    second.pragma('busy_timeout = 0');
    first.exec('BEGIN IMMEDIATE');
    let ran = 0;
    const write = writeTransaction(second, () => ran++);
    expect(() => write()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    expect(ran).toBe(0);
    first.exec('COMMIT');
    write();
    expect(ran).toBe(1);
  });

  it('inside a transaction it is a savepoint of that transaction', () => {
    const db = openDatabase(':memory:');
    open.push(db);
    db.exec('CREATE TABLE t (x)');
    const inner = writeTransaction(db, (x: number) => db.prepare('INSERT INTO t VALUES (?)').run(x));
    writeTransaction(db, () => {
      inner(1);
      inner(2);
    })();
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 2 });
  });
});

describe('retryBusy', () => {
  it('tries a busy write again and returns its result', () => {
    let calls = 0;
    expect(retryBusy(() => (++calls < 3 ? (() => { throw busy('SQLITE_BUSY'); })() : 'ok'))).toBe('ok');
    expect(calls).toBe(3);
  });
  it('gives up after the attempts, with the busy error', () => {
    let calls = 0;
    expect(() => retryBusy(() => { calls++; throw busy('SQLITE_BUSY'); }, 2)).toThrow('database is locked');
    expect(calls).toBe(2);
  });
  it('throws any other error at once', () => {
    let calls = 0;
    expect(() => retryBusy(() => { calls++; throw new Error('constraint'); })).toThrow('constraint');
    expect(calls).toBe(1);
  });
});

describe('ingestReports on a busy database', () => {
  async function* items(n: number): AsyncIterable<ReadItem> {
    for (let i = 0; i < n; i++) yield { ok: true, report: syntheticReport(i) };
  }
  const deps = (store: ReportStore, sleeps: number[]) => ({
    analyzer: createAnalyzer({ protectedWords: protectedNames() }),
    gazetteer: loadGazetteer(),
    store,
    now: () => new Date('2026-11-22T08:00:00Z'),
    sleep: async (ms: number) => void sleeps.push(ms),
  });

  it('waits and tries the batch again, so no report fails for being second', async () => {
    const db = openDatabase(':memory:');
    open.push(db);
    const real = createReportStore(db);
    let refusals = 2;
    const store: ReportStore = { ...real, batch: (fn) => (refusals-- > 0 ? (() => { throw busy('SQLITE_BUSY'); })() : real.batch(fn)) };
    const sleeps: number[] = [];
    const summary = await ingestReports(items(3), deps(store, sleeps));
    expect(summary).toMatchObject({ added: 3, failed: 0 });
    expect(sleeps).toEqual([250, 500]);
  });

  it('a database that stays busy fails the reports with the reason, after bounded tries', async () => {
    const db = openDatabase(':memory:');
    open.push(db);
    const real = createReportStore(db);
    const locked = () => { throw busy('SQLITE_BUSY'); };
    const store: ReportStore = { ...real, batch: locked, upsert: locked };
    const sleeps: number[] = [];
    const summary = await ingestReports(items(2), deps(store, sleeps));
    expect(summary).toMatchObject({ added: 0, failed: 2 });
    expect(summary.failures[0]!.reason).toBe('could not store: database is locked');
    expect(sleeps).toEqual([250, 500, 750, 1000, 1250]);
  });
});

