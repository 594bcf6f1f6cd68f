import { describe, expect, it } from 'vitest';
import { feedItemToRawReport } from '../../src/feeds/feed-item-report.js';
import { parseFeed, type FeedItem } from '../../src/feeds/parse-feed.js';
import { readFeedFixture } from './feed-fixtures.js';

const FEED = { name: 'عنب بلدي', url: 'https://www.enabbaladi.net/feed/' };
const items = parseFeed(readFeedFixture('arabic-rss.xml')).items;
const item = (i: number): FeedItem => {
  const found = items[i];
  if (found === undefined) throw new Error(`fixture item ${i} missing`);
  return found;
};

const bare: FeedItem = {
  key: 'k1', url: null, title: null, publishedAt: null, author: null, contentHtml: null, summary: null,
};

describe('feedItemToRawReport', () => {
  it('builds the report from content:encoded, paragraphs split by blank lines, scripts dropped', () => {
    expect(feedItemToRawReport(item(0), FEED)).toEqual({
      text: 'شن عناصر من تنظيم "داعش" هجومًا على حاجز في ريف دير الزور الشرقي.\n\nوأسفر الهجوم عن مقتل عنصرين.',
      title: 'هجوم لـداعش على حاجز في ريف دير الزور & مقتل عنصرين',
      url: 'https://www.enabbaladi.net/archives/700001',
      publishedAt: '2025-01-21T14:30:00+03:00',
      source: 'عنب بلدي',
      origin: 'feed:https://www.enabbaladi.net/feed/#https://www.enabbaladi.net/?p=700001',
    });
  });

  it('falls back to the summary when the item has no content', () => {
    expect(feedItemToRawReport(item(1), { name: null, url: FEED.url })).toMatchObject({
      text: 'أعلنت قوات سوريا الديمقراطية اعتقال خلية في مدينة الرقة.\n\nوقالت إن الخلية تتبع لتنظيم داعش.',
      source: null,
      origin: 'feed:https://www.enabbaladi.net/feed/#https://www.enabbaladi.net/archives/700002',
    });
  });

  it('prefers the article page text when the poller fetched it', () => {
    const report = feedItemToRawReport(item(2), FEED, { text: '  نص المقال الكامل.\r\n\r\nالفقرة الثانية.  ', title: 'عنوان الصفحة' });
    expect(report).toMatchObject({
      text: 'نص المقال الكامل.\n\nالفقرة الثانية.',
      title: 'مقتل قيادي في داعش بغارة للتحالف',
      url: 'https://www.enabbaladi.net/archives/700003',
      publishedAt: '2025-01-19T22:10:00+00:00',
    });
  });

  it('uses the feed text when the article text is empty, and the article title when the item has none', () => {
    const withSummary = { ...bare, summary: 'ملخص الخبر.' };
    expect(feedItemToRawReport(withSummary, FEED, { text: '   ', title: ' عنوان الصفحة ' })).toMatchObject({
      text: 'ملخص الخبر.',
      title: 'عنوان الصفحة',
      url: null,
    });
    expect(feedItemToRawReport(withSummary, FEED, null)?.title).toBeNull();
  });

  it('takes the longer of content and summary, and drops a first paragraph that repeats the title', () => {
    const teaser = { ...bare, title: 'هجوم في الرقة', contentHtml: '<p><a href="/x">اقرأ المزيد</a></p>', summary: 'هجوم على حاجز في الرقة أوقع قتيلين.' };
    expect(feedItemToRawReport(teaser, FEED)?.text).toBe('هجوم على حاجز في الرقة أوقع قتيلين.');
    const repeated = { ...bare, title: 'هجوم في الرقة', contentHtml: '<h2>هجوم في الرقة</h2><p>التفاصيل.</p>' };
    expect(feedItemToRawReport(repeated, FEED)?.text).toBe('التفاصيل.');
  });

  it('returns null when there is no text at all', () => {
    expect(feedItemToRawReport(bare, FEED)).toBeNull();
    expect(feedItemToRawReport({ ...bare, contentHtml: '<img src="x.jpg">' }, FEED, { text: '' })).toBeNull();
  });
});
