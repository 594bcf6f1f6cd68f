import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/create-core.js';
import { MAX_CONSECUTIVE_FAILURES } from '../../src/feeds/poll-feed.js';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.js';
import { testClock, testCore, type TestClock, testDb } from '../helpers/test-core.js';

let server: FixtureServer;
let core: Core;
let clock: TestClock;
let notices: string[];

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.routes.clear();
  server.requests.length = 0;
  clock = testClock(new Date('2024-03-10T08:00:00Z'));
  notices = [];
  core = testCore({ RASID_ALLOW_PRIVATE_URLS: '1' }, { clock, notifyAdmins: (m) => notices.push(m) });
});
afterEach(() => core.close());

const XML = { 'content-type': 'application/rss+xml; charset=utf-8' };
const HTML = { 'content-type': 'text/html; charset=utf-8' };

function rss(items: { id: string; title: string; date: string; description?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>عنب بلدي</title><link>${server.base}/</link>
${items
  .map(
    (i) => `<item><title>${i.title}</title><link>${server.base}/a/${i.id}</link><guid>${server.base}/a/${i.id}</guid>
<pubDate>${i.date}</pubDate><description>${i.description ?? 'ملخص قصير'}</description></item>`,
  )
  .join('\n')}</channel></rss>`;
}

function article(title: string, body: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:site_name" content="عنب بلدي"></head><body><nav>الرئيسية</nav><article><h1>${title}</h1>
${body.split('\n').map((p) => `<p>${p}</p>`).join('')}</article><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

const PARAGRAPHS = [
  'قتل ثلاثة عناصر من قوات سوريا الديمقراطية في هجوم شنه تنظيم داعش على حاجز في ريف دير الزور الشرقي.',
  'وقالت مصادر محلية إن خلايا التنظيم استهدفت الحاجز بالأسلحة الرشاشة قبل أن تنسحب نحو البادية.',
  'ويأتي الهجوم ضمن سلسلة هجمات شهدتها المنطقة خلال الأسابيع الماضية.',
].join('\n');

describe('polling feeds', () => {
  it('takes a new feed\'s existing items as known, then announces what comes later, with the article text', async () => {
    server.routes.set('/feed.xml', { headers: XML, body: rss([{ id: '1', title: 'هجوم على حاجز لقسد في ريف دير الزور', date: 'Sat, 09 Mar 2024 10:00:00 GMT' }]) });
    server.routes.set('/a/1', { headers: HTML, body: article('هجوم على حاجز لقسد في ريف دير الزور', PARAGRAPHS) });
    const { feed, firstPoll } = await core.feeds.add(`${server.base}/feed.xml`, { name: 'عنب بلدي' });
    expect(firstPoll).toMatchObject({ status: 'ok', newItems: 1, added: 1, announced: 0 });
    const first = core.show(`${server.base}/a/1`)!;
    expect(first).toMatchObject({ source: 'عنب بلدي', publishedAt: '2024-03-09T10:00:00Z', dateSource: 'metadata' });
    expect(first.body).toContain('قتل ثلاثة عناصر من قوات سوريا الديمقراطية');
    expect(first.body).not.toContain('جميع الحقوق محفوظة');
    expect(testDb(core).prepare('SELECT announce FROM reports WHERE id = ?').get(first.id)).toEqual({ announce: 0 });

    server.routes.set('/feed.xml', {
      headers: XML,
      body: rss([
        { id: '2', title: 'تفجير سيارة مفخخة في الرقة', date: 'Sun, 10 Mar 2024 07:00:00 GMT' },
        { id: '1', title: 'هجوم على حاجز لقسد في ريف دير الزور', date: 'Sat, 09 Mar 2024 10:00:00 GMT' },
      ]),
    });
    server.routes.set('/a/2', { headers: HTML, body: article('تفجير سيارة مفخخة في الرقة', 'انفجرت سيارة مفخخة وسط مدينة الرقة ظهر اليوم ما أدى إلى مقتل خمسة مدنيين وإصابة آخرين.') });
    clock.advance(11 * 60_000);
    const [second] = await core.feeds.poll(feed.id);
    expect(second).toMatchObject({ status: 'ok', newItems: 1, added: 1, announced: 1 });
    const id2 = core.show(`${server.base}/a/2`)!.id;
    expect(testDb(core).prepare('SELECT announce FROM reports WHERE id = ?').get(id2)).toEqual({ announce: 1 });
    expect(core.search('car bombs in Raqqa', { limit: 5, offset: 0 }).items.map((i) => i.id)).toEqual([id2]);
    expect(core.feeds.get(feed.id)).toMatchObject({ itemCount: 2, consecutiveFailures: 0, lastError: null, lastSuccessAt: clock.now().toISOString() });
  });

  it('with --backfill, announces the first poll\'s items published within the window', async () => {
    server.routes.set('/feed.xml', {
      headers: XML,
      body: rss([
        { id: 'new', title: 'هجوم حديث', date: 'Sat, 09 Mar 2024 10:00:00 GMT', description: 'هجوم لتنظيم داعش على حاجز في ريف الرقة أدى إلى مقتل عنصرين.' },
        { id: 'old', title: 'هجوم قديم', date: 'Mon, 01 Jan 2024 10:00:00 GMT', description: 'هجوم لتنظيم داعش على دورية في ريف حمص الشرقي أدى إلى مقتل ثلاثة عناصر.' },
      ]),
    });
    const { firstPoll } = await core.feeds.add(`${server.base}/feed.xml`, { backfillMs: 7 * 86_400_000 });
    expect(firstPoll).toMatchObject({ added: 2, announced: 1 });
  });

  it('sends the ETag back and takes a 304 as nothing new', async () => {
    server.routes.set('/feed.xml', {
      handle: ({ headers }) =>
        headers['if-none-match'] === '"v1"' ? { status: 304 } : { headers: { ...XML, etag: '"v1"' }, body: rss([{ id: '9', title: 'عنوان', date: 'Sat, 09 Mar 2024 10:00:00 GMT', description: 'هجوم لتنظيم داعش في ريف دير الزور الشرقي أدى إلى مقتل مدنيين اثنين.' }]) },
    });
    const { feed } = await core.feeds.add(`${server.base}/feed.xml`);
    const [again] = await core.feeds.poll(feed.id);
    expect(again!.status).toBe('not_modified');
    expect(server.requests.filter((r) => r.path === '/feed.xml').map((r) => r.headers['if-none-match'])).toEqual([undefined, '"v1"']);
  });

  it('reads gzip, windows-1256 feeds and windows-1256 article pages', async () => {
    const feed = `<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>قناة</title><item><title>خلايا نائمة في الحسكة</title><link>${server.base}/a/w</link><guid>w</guid><pubDate>Sat, 09 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>`;
    server.routes.set('/feed.xml', { headers: { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }, body: gzipSync(iconv.encode(feed, 'windows-1256')) });
    const page = article('خلايا نائمة في الحسكة', 'قالت مصادر إن خلايا نائمة تابعة لتنظيم داعش هددت سكان مدينة الحسكة برسائل مكتوبة.').replace('charset="utf-8"', 'charset="windows-1256"');
    server.routes.set('/a/w', { headers: { 'content-type': 'text/html' }, body: iconv.encode(page, 'windows-1256') });
    const { firstPoll } = await core.feeds.add(`${server.base}/feed.xml`);
    expect(firstPoll).toMatchObject({ status: 'ok', added: 1 });
    const report = core.show(`${server.base}/a/w`)!;
    expect(report.title).toBe('خلايا نائمة في الحسكة');
    expect(report.body).toContain('خلايا نائمة تابعة لتنظيم داعش هددت سكان مدينة الحسكة');
  });

  it('falls back to the feed\'s own text when the article page is binary or missing', async () => {
    server.routes.set('/feed.xml', {
      headers: XML,
      body: rss([
        { id: 'bin', title: 'صورة', date: 'Sat, 09 Mar 2024 10:00:00 GMT', description: 'هجوم لتنظيم داعش على حاجز في ريف الرقة الشمالي أدى إلى مقتل عنصرين من قسد.' },
        { id: 'gone', title: 'محذوف', date: 'Sat, 09 Mar 2024 11:00:00 GMT', description: 'اشتباكات بين قوات النظام وخلايا تنظيم داعش في بادية حمص الشرقية.' },
      ]),
    });
    server.routes.set('/a/bin', { headers: HTML, body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]) });
    const { firstPoll } = await core.feeds.add(`${server.base}/feed.xml`);
    expect(firstPoll).toMatchObject({ added: 2, failedItems: [] });
    expect(core.show(`${server.base}/a/bin`)!.body).toBe('هجوم لتنظيم داعش على حاجز في ريف الرقة الشمالي أدى إلى مقتل عنصرين من قسد.');
  });

  it('keeps one report for one article in two feeds', async () => {
    const items = [{ id: 'same', title: 'هجوم في دير الزور', date: 'Sat, 09 Mar 2024 10:00:00 GMT' }];
    server.routes.set('/one.xml', { headers: XML, body: rss(items) });
    server.routes.set('/two.xml', { headers: XML, body: rss(items) });
    server.routes.set('/a/same', { headers: HTML, body: article('هجوم في دير الزور', PARAGRAPHS) });
    const a = await core.feeds.add(`${server.base}/one.xml`);
    const b = await core.feeds.add(`${server.base}/two.xml?utm_source=x#frag`);
    expect(a.firstPoll).toMatchObject({ added: 1 });
    expect(b.firstPoll).toMatchObject({ added: 0, known: 1 });
    expect(core.store.count()).toBe(1);
    expect(core.feeds.list().map((f) => f.itemCount)).toEqual([1, 1]);
  });

  it.each([
    ['malformed XML', { headers: XML, body: '<rss><channel><item><title>x</channel>' }, /malformed XML|not closed|mismatched|unclosed/i],
    ['an HTML page instead of a feed', { headers: HTML, body: '<!doctype html><html><body>hi</body></html>' }, /not a feed: the document is HTML/],
    ['a 404', { status: 404, headers: { 'content-type': 'text/plain' }, body: 'no' }, /404/],
    ['a 500', { status: 500, headers: { 'content-type': 'text/plain' }, body: 'boom' }, /500/],
  ])('records %s as the feed\'s error, backs off, and pauses after repeated failures, telling the admins', async (_name, route, message) => {
    server.routes.set('/bad.xml', route);
    const { feed, firstPoll } = await core.feeds.add(`${server.base}/bad.xml`, { everyMinutes: 10 });
    expect(firstPoll.status).toBe('failed');
    expect(firstPoll.error).toMatch(message);
    const after1 = core.feeds.get(feed.id)!;
    expect(after1).toMatchObject({ state: 'active', consecutiveFailures: 1 });
    expect(after1.nextPollAt).toBe(new Date(clock.now().getTime() + 10 * 60_000).toISOString());
    for (let n = 2; n <= MAX_CONSECUTIVE_FAILURES; n++) {
      clock.set(core.feeds.get(feed.id)!.nextPollAt);
      await core.feeds.scheduler.tick();
      if (n === 2) expect(core.feeds.get(feed.id)!.nextPollAt).toBe(new Date(clock.now().getTime() + 20 * 60_000).toISOString());
    }
    expect(core.feeds.get(feed.id)).toMatchObject({ state: 'paused', consecutiveFailures: MAX_CONSECUTIVE_FAILURES });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(new RegExp(`^Feed #${feed.id} .* is paused after 5 failed polls in a row\\. Last error: .*Fix it, then: rasid feeds resume ${feed.id}$`));
    // Paused feeds are not polled; resuming puts it back.
    clock.advance(86_400_000);
    const before = server.requests.length;
    await core.feeds.scheduler.tick();
    expect(server.requests.length).toBe(before);
    expect(core.feeds.resume(feed.id)).toBe(true);
    expect(core.feeds.get(feed.id)).toMatchObject({ state: 'active', consecutiveFailures: 0 });
  });

  it('a failing feed never holds up the others', async () => {
    server.routes.set('/bad.xml', { status: 500, body: 'x' });
    server.routes.set('/good.xml', { headers: XML, body: rss([{ id: 'g', title: 'هجوم', date: 'Sat, 09 Mar 2024 10:00:00 GMT', description: 'هجوم لتنظيم داعش على حاجز في ريف دير الزور الشرقي أدى إلى مقتل عنصرين.' }]) });
    await core.feeds.add(`${server.base}/bad.xml`);
    const good = await core.feeds.add(`${server.base}/good.xml`);
    server.routes.set('/good.xml', { headers: XML, body: rss([{ id: 'h', title: 'هجوم ثان', date: 'Sun, 10 Mar 2024 10:00:00 GMT', description: 'هجوم ثان لتنظيم داعش على دورية في ريف الرقة الشرقي أدى إلى مقتل ثلاثة.' }]) });
    clock.advance(60 * 60_000);
    await core.feeds.scheduler.tick();
    expect(core.feeds.get(good.feed.id)).toMatchObject({ itemCount: 2, lastError: null });
  });
});

describe('links posted to be ingested', () => {
  it('fetches the article and says what became of it', async () => {
    server.routes.set('/a/posted', { headers: HTML, body: article('هجوم في ريف دير الزور', PARAGRAPHS) });
    const result = await core.feeds.ingestUrl(`${server.base}/a/posted?utm_campaign=chat`);
    expect(result).toMatchObject({ ok: true, status: 'added', title: 'هجوم في ريف دير الزور' });
    expect(await core.feeds.ingestUrl(`${server.base}/a/posted`)).toMatchObject({ ok: true, status: 'unchanged' });
  });

  it.each([
    ['ftp://example.org/x', '"ftp://example.org/x" is not an http(s) address; give the full link, starting with https://'],
    ['not a link', '"not a link" is not an http(s) address; give the full link, starting with https://'],
  ])('refuses %s', async (url, reason) => {
    await expect(core.feeds.ingestUrl(url)).rejects.toThrow(reason);
  });

  it('refuses a link to 127.0.0.1 when private addresses are not allowed', async () => {
    const strict = testCore({ RASID_ALLOW_PRIVATE_URLS: '0' });
    try {
      server.routes.set('/a/private', { headers: HTML, body: article('x', PARAGRAPHS) });
      const result = await strict.feeds.ingestUrl(`${server.base}/a/private`);
      expect(result).toEqual({
        ok: false,
        reason: `${server.base}/a/private: refused: the address 127.0.0.1 is loopback; links to private networks are not fetched (set RASID_ALLOW_PRIVATE_URLS=1 for intranets and tests)`,
      });
      expect(server.requests.some((r) => r.path === '/a/private')).toBe(false);
    } finally {
      strict.close();
    }
  });
});
