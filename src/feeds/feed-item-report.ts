// Turns one feed item (with its article page's text, when fetched) into a raw report.
import type { RawReport } from '../ingest/raw-report.js';
import { htmlToText } from './html-to-text.js';
import type { FeedItem } from './parse-feed.js';

/** The feed an item came from: the outlet's name as configured (null when unset) and the feed's URL. */
export interface FeedSource {
  readonly name: string | null;
  readonly url: string;
}

/** The main text of the item's article page, as extracted by the poller (e.g. with `htmlToReport`). */
export interface ArticleText {
  readonly text: string;
  readonly title?: string | null;
}

/** Article text as stored: line endings normalized, outer whitespace trimmed. */
const normalizeText = (text: string): string => text.replace(/\r\n?/gu, '\n').trim();

/** The item's text from the feed itself: the longer of its content and its summary, '' when neither. */
function feedText(item: FeedItem): string {
  const content = item.contentHtml === null ? '' : htmlToText(item.contentHtml);
  const summary = item.summary?.trim() ?? '';
  const text = content.length >= summary.length ? content : summary;
  return withoutLeadingTitle(text, item.title);
}

/** Feed content often repeats the headline as its first paragraph; the report keeps it only as the title. */
function withoutLeadingTitle(text: string, title: string | null): string {
  if (title === null) return text;
  const [first, ...rest] = text.split('\n\n');
  return first?.trim() === title.trim() && rest.length > 0 ? rest.join('\n\n') : text;
}

/**
 * The raw report for a feed item. Its text is the article page's main text when given, else the
 * feed's own content (HTML to text, paragraphs split by blank lines) or summary, whichever is
 * longer. `source` is the feed's name, `url`/`title`/`publishedAt` come from the item (the title
 * falls back to the article's), and `origin` is `feed:<feed url>#<item key>`.
 * @returns null when neither the article nor the feed holds any text.
 */
export function feedItemToRawReport(
  item: FeedItem,
  feed: FeedSource,
  articleText?: ArticleText | null,
): RawReport | null {
  const fromArticle = articleText === undefined || articleText === null ? '' : normalizeText(articleText.text);
  const text = fromArticle !== '' ? fromArticle : feedText(item);
  if (text === '') return null;
  return {
    text,
    title: item.title ?? (articleText?.title?.trim() || null),
    url: item.url,
    publishedAt: item.publishedAt,
    source: feed.name?.trim() || null,
    origin: `feed:${feed.url}#${item.key}`,
  };
}
