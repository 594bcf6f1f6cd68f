import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import type { RawReport, ReadItem } from '../../src/ingest/raw-report.js';
import type { PreparedReport } from '../../src/store/report-store.js';
import { repoPath } from '../../src/config/repo-path.js';
import { seededCore, seedOf, testCore, testDb } from '../helpers/test-core.js';

let core: Core | undefined;
afterEach(() => core?.close());

async function* items(...list: ReadItem[]): AsyncIterable<ReadItem> {
  yield* list;
}
const text = (n: number) => `هجوم لتنظيم داعش على حاجز في ريف دير الزور الشرقي أدى إلى مقتل ${n} عناصر من قوات سوريا الديمقراطية.`;
const item = (report: Omit<RawReport, 'origin'> & { origin?: string }): ReadItem => ({ ok: true, report: { ...report, origin: report.origin ?? 'test' } });

describe('ingesting the bundled seeds', () => {
  it('adds five reports, and re-ingesting changes nothing', async () => {
    core = testCore();
    const first = await core.ingestPaths([repoPath('data', 'corpus')]);
    expect(first).toMatchObject({ added: 5, updated: 0, unchanged: 0, failed: 0 });
    const again = await core.ingestPaths([repoPath('data', 'corpus')]);
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 5, failed: 0 });
    expect(core.store.count()).toBe(5);
  });

  it.each([
    ['000', { source: 'حفريات', publishedAt: '2022-02-24', dateSource: 'text', titleSource: 'headline', title: 'داعش يرسل رسائل تهديد... هل استعاد نفوذه في بعض المدن السورية؟' }],
    ['001', { source: null, publishedAt: null, dateSource: null, titleSource: 'first_sentence' }],
    ['002', { source: 'فرات بوست', publishedAt: null, dateSource: null, titleSource: 'headline', title: 'ما وراء تصعيد “تنظيم الدولة” من هجماته في الرقة ودير الزور.؟' }],
    ['003', { source: 'الحل نت', publishedAt: null, dateSource: null, titleSource: 'headline' }],
    // 004 opens with a clock beside the site's search box: when the page was captured, not published.
    ['004', { source: null, publishedAt: null, dateSource: null, titleSource: 'headline', title: 'داخل سوريا .. “داعش” يعيد ترتيب صفوفه !' }],
  ] as const)('seed %s gets its outlet, date and title from the text, and never an invented date', async (seed, expected) => {
    core = await seededCore();
    const ids = [1, 2, 3, 4, 5].filter((id) => seedOf(core!, id) === seed);
    const report = core.store.get(ids[0]!)!;
    expect(report).toMatchObject(expected);
    expect(report.origin).toMatch(new RegExp(`^data/corpus/${seed}_[0-9a-f]{16}\\.txt$`));
    expect(report.body).not.toMatch(/Privacy & Cookies Policy|دع تعليقاً|انشر مقالك|أخبار ذات صلة|Close this search box/);
  });

  it('shows a report with what was understood of it', async () => {
    core = await seededCore();
    const id = [1, 2, 3, 4, 5].find((i) => seedOf(core!, i) === '002')!;
    const shown = core.show(String(id))!;
    expect(shown.places.map((p) => p.key)).toEqual(expect.arrayContaining(['SY11', 'SY09']));
    expect(shown.events.map((e) => e.key)).toEqual(expect.arrayContaining(['car_bomb', 'bombing', 'attack']));
    expect(shown.actors.map((a) => a.key)).toEqual(expect.arrayContaining(['isis', 'sdf']));
    expect(core.show('no-such-report')).toBeUndefined();
  });
});

describe('one report per URL, per external id, per text', () => {
  it('the same URL with new text updates; the same text under another URL is the same report', async () => {
    core = testCore();
    const s1 = await core.ingestItems(items(item({ text: text(3), url: 'https://example.org/a?utm_source=x#top', title: 'أ' })));
    expect(s1).toMatchObject({ added: 1 });
    expect(core.show('https://example.org/a')!.url).toBe('https://example.org/a');
    const s2 = await core.ingestItems(items(item({ text: text(4), url: 'https://example.org/a', title: 'أ' })));
    expect(s2).toMatchObject({ added: 0, updated: 1 });
    const s3 = await core.ingestItems(items(item({ text: `  ${text(4)}\n`, url: 'https://example.net/copy', title: 'ب' })));
    expect(s3).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
    expect(core.store.count()).toBe(1);
    expect(core.search('هجوم دير الزور', { limit: 5, offset: 0 }).total).toBe(1);
  });

  it('keeps the external id, and re-ingesting it updates that report', async () => {
    core = testCore();
    await core.ingestItems(items(item({ text: text(1), externalId: 'ant-1' })));
    const s = await core.ingestItems(items(item({ text: text(2), externalId: 'ant-1' })));
    expect(s).toMatchObject({ updated: 1 });
    expect(core.show('ant-1')!.body).toContain('مقتل 2 عناصر');
  });
});

describe('bad input is counted with its reason, and never stops the rest', () => {
  it('a folder with good, binary, empty, oversized-JSONL-line and malformed files', async () => {
    core = testCore();
    const dir = mkdtempSync(join(tmpdir(), 'rasid-ingest-'));
    writeFileSync(join(dir, 'a-good.txt'), `---\nurl: https://example.org/good\nsource: عنب بلدي\npublished_at: 2023-05-01\n---\n${text(5)}`);
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'c-empty.txt'), '');
    writeFileSync(
      join(dir, 'd-lines.jsonl.gz'),
      gzipSync([JSON.stringify({ id: 'x1', text: text(6) }), '{not json', JSON.stringify({ id: 'x2' }), JSON.stringify({ id: 'x3', text: text(7), url: 'ftp://example.org/x' })].join('\n')),
    );
    writeFileSync(join(dir, 'e-report.pdf'), '%PDF-1.4');
    const s = await core.ingestPaths([dir, join(dir, 'missing.txt')]);
    expect({ added: s.added, failed: s.failed }).toEqual({ added: 2, failed: 7 });
    const reasons = Object.fromEntries(s.failures.map((f) => [f.origin.slice(dir.length + 1), f.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['b-binary.txt', 'c-empty.txt', 'd-lines.jsonl.gz:2', 'd-lines.jsonl.gz:3', 'd-lines.jsonl.gz:4', 'e-report.pdf', 'missing.txt']);
    expect(reasons['b-binary.txt']).toMatch(/binary/);
    expect(reasons['e-report.pdf']).toMatch(/^unsupported file type \.pdf; supported: /);
    expect(reasons['d-lines.jsonl.gz:4']).toBe('url "ftp://example.org/x" is not an http(s) address');
    const good = core.show('https://example.org/good')!;
    expect(good).toMatchObject({ source: 'عنب بلدي', publishedAt: '2023-05-01', dateSource: 'metadata' });
  });

  it('refuses a report too long to be news, with the size and the limit', async () => {
    core = testCore();
    const s = await core.ingestItems(items(item({ text: 'كلمة '.repeat(120_000), origin: 'huge.txt' })));
    expect(s.failures).toEqual([{ origin: 'huge.txt', reason: 'text is 600,000 characters; a report may have at most 500,000' }]);
  });
});

describe('a crash never leaves half a report', () => {
  it('a report whose index rows fail to write leaves no row behind', () => {
    core = testCore();
    const broken: PreparedReport = {
      externalId: null, url: null, contentHash: 'h1', title: 't', titleSource: 'headline', source: null, lang: 'ar',
      publishedAt: null, dateSource: null, origin: 'x', body: 'نص', understanding: {}, analysisVersion: 1,
      provenance: { title: 'text', publishedAt: null, source: null },
      titleTerms: 't', bodyTerms: 'نص',
      // The same place twice violates the primary key half-way through the write.
      places: [{ key: 'SY11', mentions: 1, inTitle: false }, { key: 'SY11', mentions: 1, inTitle: false }],
      events: [], actors: [], onTopic: true, incident: false, eventRows: [],
      story: { shingles: new Uint32Array(0), signature: null },
    };
    expect(() => core!.store.upsert(broken, new Date())).toThrow(/UNIQUE/);
    const counts = ['reports', 'report_terms', 'report_places'].map((t) => (testDb(core!).prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
    expect(counts).toEqual([0, 0, 0]);
  });
});
