import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import type { FieldProvenance, RawReport } from '../../src/ingest/raw-report.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { testCore } from '../helpers/test-core.js';

let core: Core;
afterEach(() => core.close());

const TEXT = 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين وإصابة آخرين.';
const TEXT2 = `${TEXT} وأعلن تنظيم داعش مسؤوليته عن التفجير في بيان لاحق.`;
const base = { text: TEXT, url: 'https://news.example/r/1', origin: 'test' } satisfies RawReport;

type P = FieldProvenance;
describe('an update replaces a field only with a value from an equal or better source', () => {
  it.each<[string, Partial<RawReport>, P, Partial<RawReport>, P, { source: string | null; publishedAt: string | null }]>([
    ['feed metadata stays over the page', { source: 'منفذ تجريبي', publishedAt: '2026-11-16' }, 'metadata', { source: 'موقع الصفحة', publishedAt: '2026-11-18' }, 'page', { source: 'منفذ تجريبي', publishedAt: '2026-11-16' }],
    ['metadata replaces the page', { source: 'موقع الصفحة', publishedAt: '2026-11-18' }, 'page', { source: 'منفذ تجريبي', publishedAt: '2026-11-16' }, 'metadata', { source: 'منفذ تجريبي', publishedAt: '2026-11-16' }],
    ['metadata replaces metadata', { source: 'منفذ أ', publishedAt: '2026-11-16' }, 'metadata', { source: 'منفذ ب', publishedAt: '2026-11-17' }, 'metadata', { source: 'منفذ ب', publishedAt: '2026-11-17' }],
    ['nothing never replaces something', { source: 'منفذ تجريبي', publishedAt: '2026-11-16' }, 'page', { source: null, publishedAt: null }, 'metadata', { source: 'منفذ تجريبي', publishedAt: '2026-11-16' }],
  ])('%s', (_name, first, firstFrom, second, secondFrom, expected) => {
    core = testCore();
    const a = core.ingestOne({ ...base, ...first, provenance: { source: firstFrom, publishedAt: firstFrom } });
    const b = core.ingestOne({ ...base, ...second, text: TEXT2, provenance: { source: secondFrom, publishedAt: secondFrom } });
    expect([a.ok && a.status, b.ok && b.status]).toEqual(['added', 'updated']);
    const stored = core.store.get(1)!;
    expect({ source: stored.source, publishedAt: stored.publishedAt }).toEqual(expected);
    expect(stored.body).toBe(TEXT2);
  });

  it('keeps a metadata title, in the index too, when the page only has its headline', () => {
    core = testCore();
    core.ingestOne({ ...base, title: 'تفجير في الرقة' });
    core.ingestOne({ ...base, text: TEXT2, title: 'عنوان الصفحة', provenance: { title: 'page' } });
    expect(core.store.get(1)).toMatchObject({ title: 'تفجير في الرقة', titleSource: 'metadata', provenance: { title: 'metadata', publishedAt: null, source: null } });
    expect(core.search('"عنوان الصفحة"', { limit: 5, offset: 0 }).total).toBe(0);
  });

  it('keeps the URL when the update comes by external id without one', () => {
    core = testCore();
    core.ingestOne({ ...base, externalId: 'x1' });
    core.ingestOne({ text: TEXT2, externalId: 'x1', origin: 'again' });
    expect(core.store.get(1)).toMatchObject({ url: 'https://news.example/r/1', body: TEXT2 });
  });
});

describe('re-ingesting a feed article by its URL', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it('keeps the outlet and date the feed gave', async () => {
    core = testCore({ RASID_ALLOW_PRIVATE_URLS: '1' });
    const page = (text: string) => `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>تفجير</title></head><body><article><p>${text}</p></article></body></html>`;
    server.routes.set('/feed.xml', {
      headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ت</title><item><title>تفجير في الرقة</title><link>${server.base}/a/1</link><guid>g1</guid><pubDate>Mon, 16 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`,
    });
    server.routes.set('/a/1', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: page(TEXT) });
    await core.feeds.add(`${server.base}/feed.xml`, { name: 'منفذ تجريبي' });
    expect(core.show(`${server.base}/a/1`)).toMatchObject({ source: 'منفذ تجريبي', publishedAt: '2026-11-16T10:00:00Z' });
    server.routes.set('/a/1', { headers: { 'content-type': 'text/html; charset=utf-8' }, body: page(TEXT2) });
    const again = await core.feeds.ingestUrl(`${server.base}/a/1`);
    expect(again).toMatchObject({ ok: true, status: 'updated' });
    expect(core.show(`${server.base}/a/1`)).toMatchObject({
      source: 'منفذ تجريبي', publishedAt: '2026-11-16T10:00:00Z', title: 'تفجير في الرقة', body: TEXT2,
      provenance: { title: 'metadata', publishedAt: 'metadata', source: 'metadata' },
    });
  });
});
