import { describe, expect, it } from 'vitest';
import { FeedParseError, MAX_ITEMS_PER_FEED, parseFeed, type ParsedFeed } from '../../src/feeds/parse-feed.js';
import { FEED_FIXTURES, readFeedFixture } from './feed-fixtures.js';

const parseFixture = (name: string, baseUrl?: string): ParsedFeed => parseFeed(readFeedFixture(name), baseUrl);

/** The FeedParseError message parseFeed throws for `text`; fails the test if it throws nothing or anything else. */
function parseError(text: string): string {
  try {
    parseFeed(text);
  } catch (err) {
    expect(err).toBeInstanceOf(FeedParseError);
    return (err as FeedParseError).message;
  }
  throw new Error('parseFeed did not throw');
}

describe('parseFeed: RSS 2.0 (Arabic)', () => {
  const feed = parseFixture('arabic-rss.xml');

  it('reads the channel, decoding double-escaped entities in its title', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('عنب بلدي & "أخبار سوريا"');
    expect(feed.link).toBe('https://www.enabbaladi.net/');
    expect(feed.items).toHaveLength(3);
  });

  it('item with content:encoded, CDATA title, guid isPermaLink=false and dc:creator', () => {
    expect(feed.items[0]).toEqual({
      key: 'https://www.enabbaladi.net/?p=700001',
      url: 'https://www.enabbaladi.net/archives/700001',
      title: 'هجوم لـداعش على حاجز في ريف دير الزور & مقتل عنصرين',
      publishedAt: '2025-01-21T14:30:00+03:00',
      author: 'فريق التحرير',
      contentHtml:
        '<p>شن عناصر من تنظيم &quot;داعش&quot; هجومًا على حاجز في ريف دير الزور الشرقي.</p>\n' +
        '<p>وأسفر الهجوم عن مقتل عنصرين.</p>\n<script>trackRead();</script>',
      summary: 'شن عناصر من تنظيم داعش هجومًا على حاجز…',
    });
  });

  it('item with only an escaped-HTML description and a &amp;quot; title', () => {
    expect(feed.items[1]).toEqual({
      key: 'https://www.enabbaladi.net/archives/700002',
      url: 'https://www.enabbaladi.net/archives/700002',
      title: '"قسد" تعتقل خلية لتنظيم الدولة في الرقة',
      publishedAt: '2025-01-20T09:05:00Z',
      author: null,
      contentHtml: null,
      summary: 'أعلنت قوات سوريا الديمقراطية اعتقال خلية في مدينة الرقة.\n\nوقالت إن الخلية تتبع لتنظيم داعش.',
    });
  });

  it('item without guid: keyed by its link; the <author> name is used', () => {
    expect(feed.items[2]).toEqual({
      key: 'https://www.enabbaladi.net/archives/700003',
      url: 'https://www.enabbaladi.net/archives/700003',
      title: 'مقتل قيادي في داعش بغارة للتحالف',
      publishedAt: '2025-01-19T22:10:00+00:00',
      author: 'محمد الحسن',
      contentHtml: null,
      summary: 'قتل قيادي في تنظيم داعش بغارة جوية للتحالف الدولي قرب البوكمال.',
    });
  });

  it('accepts an already-decoded string whose XML declaration names windows-1256', () => {
    const declared = readFeedFixture('windows-1256-declared.xml');
    expect(declared.startsWith('<?xml version="1.0" encoding="windows-1256"?>')).toBe(true);
    const parsed = parseFeed(declared);
    expect(parsed.title).toBe('صحيفة عربية');
    expect(parsed.items.map((i) => [i.title, i.publishedAt])).toEqual([
      ['تنظيم داعش يتبنى هجوما في العراق', '2025-01-01T10:00:00+03:00'],
    ]);
  });

  it('accepts a byte-order mark before the XML declaration', () => {
    expect(parseFeed(`\uFEFF${readFeedFixture('arabic-rss.xml')}`).items).toHaveLength(3);
  });
});

describe('parseFeed: Atom', () => {
  const feed = parseFixture('atom.xml');

  it('takes the alternate link as the site link, not the self link', () => {
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('شبكة "الرصد"');
    expect(feed.link).toBe('https://monitor.example.org/');
  });

  it('entry with xhtml content, html title, relative alternate link beside an edit link', () => {
    expect(feed.items[0]).toEqual({
      key: 'tag:monitor.example.org,2025:entry-41',
      url: 'https://monitor.example.org/ar/2025/02/mosul-car-bomb',
      title: 'تفجير سيارة مفخخة في الموصل',
      publishedAt: '2025-02-02T08:15:00+03:00',
      author: 'سارة العلي',
      contentHtml:
        '<p>انفجرت سيارة مفخخة قرب سوق شعبي في الجانب الأيمن من الموصل.</p>\n        <p>ولم تتبنَّ أي جهة التفجير بعد.</p>',
      summary: 'انفجرت سيارة مفخخة قرب سوق شعبي في الموصل.',
    });
  });

  it('entry with html content, a text title kept literally, the feed author and updated as the date', () => {
    expect(feed.items[1]).toEqual({
      key: 'tag:monitor.example.org,2025:entry-40',
      url: 'https://monitor.example.org/en/2025/02/anbar-cell',
      title: 'Daesh cell <arrested> in Anbar',
      publishedAt: '2025-02-01T12:00:00Z',
      author: 'هيئة التحرير',
      contentHtml: '<p>Iraqi forces arrested a cell in Anbar.</p>',
      summary: null,
    });
  });

  it('entry with text content: escaped into paragraphs; no link, so no url', () => {
    expect(feed.items[2]).toMatchObject({
      key: 'tag:monitor.example.org,2025:entry-39',
      url: null,
      contentHtml: '<p>السطر الأول &amp; ما بعده</p><p>السطر الثاني</p>',
      summary: null,
    });
  });

  it('resolves links against xml:base, the entry’s own base first', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example.com/dir/">
      <title>t</title><id>x</id><updated>2020-01-01T00:00:00Z</updated>
      <entry xml:base="sub/"><title>e</title><id>1</id><updated>2020-01-01T00:00:00Z</updated><link href="p.html"/></entry>
      <entry><title>f</title><id>2</id><updated>2020-01-01T00:00:00Z</updated><link href="q.html"/></entry>
    </feed>`;
    expect(parseFeed(atom).items.map((i) => i.url)).toEqual([
      'https://base.example.com/dir/sub/p.html',
      'https://base.example.com/dir/q.html',
    ]);
  });
});

describe('parseFeed: JSON Feed', () => {
  const feed = parseFixture('json-feed.json');

  it('reads version 1.1 with home_page_url as the site link', () => {
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('مرصد الأخبار');
    expect(feed.link).toBe('https://news.example.com/');
  });

  it('item with content_html, content_text, summary, url and external_url', () => {
    expect(feed.items[0]).toEqual({
      key: '2025-0301',
      url: 'https://news.example.com/2025/03/raqqa-attack',
      title: 'هجوم لداعش على نقطة عسكرية شرق الرقة',
      publishedAt: '2025-03-01T06:30:00+03:00',
      author: 'ليلى حسن',
      contentHtml: '<p>هاجم عناصر من داعش نقطة عسكرية شرق الرقة.</p><p>وردت القوات على مصادر النيران.</p>',
      summary: 'هجوم على نقطة عسكرية',
    });
  });

  it('item with only content_text and external_url: text escaped into HTML, feed author, date_modified', () => {
    expect(feed.items[1]).toEqual({
      key: '2025-0302',
      url: 'https://other.example.net/deir-ez-zor',
      title: 'اشتباكات في دير الزور',
      publishedAt: '2025-03-02T10:00:00Z',
      author: 'المرصد',
      contentHtml: '<p>اندلعت اشتباكات في دير الزور.</p><p>وقتل ثلاثة عناصر.</p>',
      summary: 'اندلعت اشتباكات في دير الزور.\n\nوقتل ثلاثة عناصر.',
    });
  });

  it('reads version 1.0 (numeric id, singular author)', () => {
    expect(parseFixture('json-feed-1.0.json').items).toEqual([{
      key: '7',
      url: 'https://old.example.com/7',
      title: 'Seven',
      publishedAt: '2019-05-01T00:00:00Z',
      author: 'Ann',
      contentHtml: '<p>Body.</p>',
      summary: 'Body.',
    }]);
  });

  it('resolves a relative item url against home_page_url', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: 'J', home_page_url: 'https://j.example.com/',
      items: [{ id: 'a', url: '/posts/a', content_text: 'x' }],
    });
    expect(parseFeed(json).items[0]?.url).toBe('https://j.example.com/posts/a');
  });
});

describe('parseFeed: RDF / RSS 1.0', () => {
  const feed = parseFixture('rdf.xml');

  it('reads the channel and items with dc:date and dc:creator', () => {
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('نشرة RDF');
    expect(feed.link).toBe('https://rdf.example.org/');
    expect(feed.items[0]).toEqual({
      key: 'https://rdf.example.org/news/1',
      url: 'https://rdf.example.org/news/1',
      title: 'ضربة جوية على مخبأ لداعش في البادية',
      publishedAt: '2024-12-05T18:00:00+02:00',
      author: 'وكالة الأنباء',
      contentHtml: null,
      summary: 'استهدفت ضربة جوية مخبأ لخلايا داعش في البادية السورية.',
    });
    expect(feed.items[1]).toMatchObject({ key: 'https://rdf.example.org/news/2', publishedAt: '2024-12-04', summary: null });
  });
});

describe('parseFeed: keys, duplicates and links', () => {
  it('keeps the first of two items with the same key (guid, or link when there is no guid)', () => {
    const feed = parseFixture('duplicate-items.xml');
    expect(feed.items.map((i) => [i.key, i.title])).toEqual([
      ['story-1', 'النسخة الأولى'],
      ['https://dup.example.com/b', 'خبر آخر'],
    ]);
  });

  it('resolves relative links against the channel link; drops non-web links', () => {
    const feed = parseFixture('relative-links.xml', 'https://feeds.example.com/rss.xml');
    expect(feed.items.map((i) => [i.key, i.url])).toEqual([
      ['https://rel.example.com/ar/news/1', 'https://rel.example.com/ar/news/1'],
      ['https://rel.example.com/ar/news/2.html', 'https://rel.example.com/ar/news/2.html'],
      ['https://cdn.example.com/news/3', 'https://cdn.example.com/news/3'],
      ['js-4', null],
    ]);
  });

  it('resolves relative links against the given base URL when the feed names no link', () => {
    const feed = parseFixture('no-channel-link.xml', 'https://feeds.example.com/ar/rss.xml');
    expect(feed.link).toBeNull();
    expect(feed.items[0]?.url).toBe('https://feeds.example.com/ar/items/5');
    expect(parseFixture('no-channel-link.xml').items[0]).toMatchObject({ key: 'items/5', url: null });
  });

  it('uses a permalink guid as the url of an item without a link', () => {
    const rss = `<rss version="2.0"><channel><title>t</title>
      <item><title>a</title><guid>https://g.example.com/1</guid></item>
      <item><title>b</title><guid isPermaLink="false">https://g.example.com/2</guid></item>
    </channel></rss>`;
    expect(parseFeed(rss).items.map((i) => [i.key, i.url])).toEqual([
      ['https://g.example.com/1', 'https://g.example.com/1'],
      ['https://g.example.com/2', null],
    ]);
  });

  it('keys an item with neither guid nor link by a hash of its title and date, stable across parses', () => {
    const rss = `<rss version="2.0"><channel><title>t</title>
      <item><title>خبر</title><pubDate>Mon, 20 Jan 2025 09:05:00 GMT</pubDate></item>
      <item><title>خبر</title><pubDate>Tue, 21 Jan 2025 09:05:00 GMT</pubDate></item>
      <item><title>خبر</title><pubDate>Mon, 20 Jan 2025 09:05:00 GMT</pubDate></item>
    </channel></rss>`;
    const keys = parseFeed(rss).items.map((i) => i.key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^hash:[0-9a-f]{32}$/u);
    expect(keys[0]).not.toBe(keys[1]);
    expect(parseFeed(rss).items.map((i) => i.key)).toEqual(keys);
  });

  it('reads an empty channel as a feed with zero items', () => {
    expect(parseFixture('empty-channel.xml')).toEqual({
      format: 'rss', title: 'قناة فارغة', link: 'https://empty.example.com/', items: [],
    });
  });

  it('reads a JSON Feed without items as zero items', () => {
    expect(parseFeed('{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[]}').items).toEqual([]);
  });
});

describe('parseFeed: huge feeds', () => {
  const rssWith = (items: string[]): string => `<rss version="2.0"><channel><title>big</title><link>https://big.example.com/</link>${items.join('')}</channel></rss>`;
  const total = MAX_ITEMS_PER_FEED + 100;

  it(`keeps the ${MAX_ITEMS_PER_FEED} newest items, in document order`, () => {
    // Item i is i hours after the epoch below, listed in a scrambled order.
    const order = Array.from({ length: total }, (_, n) => (n * 7) % total);
    const items = order.map((i) => {
      const date = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toUTCString();
      return `<item><title>n${i}</title><link>https://big.example.com/${i}</link><pubDate>${date}</pubDate></item>`;
    });
    const feed = parseFeed(rssWith(items));
    expect(feed.items).toHaveLength(MAX_ITEMS_PER_FEED);
    const kept = feed.items.map((i) => Number(i.title?.slice(1)));
    expect(Math.min(...kept)).toBe(total - MAX_ITEMS_PER_FEED);
    expect(kept).toEqual(order.filter((i) => i >= total - MAX_ITEMS_PER_FEED));
  });

  it(`keeps the first ${MAX_ITEMS_PER_FEED} items when none is dated`, () => {
    const items = Array.from({ length: total }, (_, i) => `<item><title>n${i}</title><link>https://big.example.com/${i}</link></item>`);
    const feed = parseFeed(rssWith(items));
    expect(feed.items).toHaveLength(MAX_ITEMS_PER_FEED);
    expect(feed.items.at(-1)?.title).toBe(`n${MAX_ITEMS_PER_FEED - 1}`);
  });
});

describe('parseFeed: what is not a feed', () => {
  it('rejects malformed XML (an unclosed <item>), naming the tag and its line', () => {
    expect(parseError(readFeedFixture('malformed.xml'))).toBe(
      'malformed XML: <item> opened on line 6 is not closed before </channel> on line 13; ' +
        'fetch it again, or check it with a feed validator (https://validator.w3.org/feed/)',
    );
  });

  it('rejects an unclosed text element and a cut-off feed', () => {
    expect(parseError('<rss version="2.0"><channel><title>x</title><item><title>a</item></channel></rss>'))
      .toMatch(/^malformed XML: <title> opened on line 1 is not closed before <\/item>/u);
    const whole = readFeedFixture('arabic-rss.xml');
    expect(parseError(whole.slice(0, whole.indexOf('</item>') + '</item>'.length)))
      .toMatch(/^malformed XML: <channel> opened on line 6 is never closed; the feed may be cut off/u);
  });

  it('rejects an HTML page, saying to give the feed URL', () => {
    expect(parseError(readFeedFixture('html-page.html'))).toMatch(
      /^not a feed: the document is HTML \(<html>\); give the feed's URL, not the site's page/u,
    );
    expect(parseError('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>'))
      .toMatch(/^not a feed: the document is HTML/u);
  });

  it('rejects other XML by its root element', () => {
    expect(parseError('<?xml version="1.0"?><opml version="2.0"><head/><body/></opml>')).toBe(
      'not a feed: the XML root element is <opml>, not <rss>, <feed> or <rdf:RDF>; check the feed URL',
    );
  });

  it('rejects JSON that is not a JSON Feed, and malformed JSON', () => {
    expect(parseError('{"data": [1, 2]}')).toBe(
      'JSON is not a JSON Feed (no version https://jsonfeed.org/version/1.x); check the feed URL',
    );
    expect(parseError('[{"id": 1}]')).toMatch(/^JSON is not a JSON Feed \(the top-level value is an array/u);
    expect(parseError('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toMatch(/^malformed JSON: /u);
  });

  it('rejects empty and plain-text documents', () => {
    expect(parseError('')).toBe('not a feed: the document is empty; check that the feed URL returns content');
    expect(parseError(' \n\uFEFF ')).toMatch(/^not a feed: the document is empty/u);
    expect(parseError('502 Bad Gateway')).toBe(
      'not a feed: the document is neither XML nor JSON (it starts "502 Bad Gateway"); check the feed URL',
    );
  });

  it('throws only FeedParseError for a non-string at run time', () => {
    expect(parseError(null as unknown as string)).toMatch(/^not a feed: expected the document as a string, got object/u);
  });

  it.each(FEED_FIXTURES)('throws nothing but FeedParseError for any cut-off prefix of %s', (name) => {
    const text = readFeedFixture(name);
    const step = Math.max(1, Math.floor(text.length / 300));
    for (let end = 0; end < text.length; end += step) {
      try {
        parseFeed(text.slice(0, end));
      } catch (err) {
        if (!(err instanceof FeedParseError)) throw new Error(`${name} cut at ${end}: ${String(err)}`);
      }
    }
  });
});
