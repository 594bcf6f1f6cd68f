// Turns an HTML page into report fields: Readability main text plus the page's own metadata.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { parseDate } from './extract-date.js';
import { chromeKey } from './page-chrome.js';
import { SourceFileError } from './source-file-error.js';
import { blockParagraphs, domShape, type DomNode } from './block-paragraphs.js';
import { DOM_LIMITS, type HtmlReport } from './html-page.js';

// What reads a page without parsing it lives in html-page.ts, which loads no DOM library.
export { DOM_LIMITS, sniffHtmlCharset, type HtmlReport } from './html-page.js';

/** The Open Graph publication time, the most trusted date source. */
const OPEN_GRAPH_PUBLISHED = 'meta[property="article:published_time"]';
/** Other `<meta content>` date sources, tried after JSON-LD `datePublished`. */
const PUBLISHED_META_SELECTORS: readonly string[] = [
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
];

type ReadabilityDocument = ConstructorParameters<typeof Readability>[0];

// linkedom's DOM types are loose; the page reader only needs these members.
interface DomDocument {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null;
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; getAttribute(name: string): string | null }>;
  readonly body: DomNode | null;
  readonly documentElement: { getAttribute(name: string): string | null } | null;
}

/** Text of a DOM subtree with block elements as paragraphs, joined by blank lines. */
const blockText = (root: DomNode): string => blockParagraphs(root).join('\n\n');

function attr(doc: DomDocument, selector: string, name: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return value === undefined || value === '' ? null : value;
}

/** Values of `key` anywhere in parsed JSON-LD (objects, arrays, @graph). */
function jsonLdValues(value: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) value.forEach((v) => jsonLdValues(v, key, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === key) out.push(v);
      else jsonLdValues(v, key, out);
    }
  }
  return out;
}

function jsonLd(doc: DomDocument): unknown[] {
  return Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).flatMap((s) => {
    try {
      return [JSON.parse(s.textContent ?? '') as unknown];
    } catch {
      return [];
    }
  });
}

function publishedAt(doc: DomDocument, ld: unknown[]): string | null {
  const candidates = [
    attr(doc, OPEN_GRAPH_PUBLISHED, 'content'),
    ...jsonLdValues(ld, 'datePublished'),
    ...PUBLISHED_META_SELECTORS.map((sel) => attr(doc, sel, 'content')),
    attr(doc, 'time[datetime]', 'datetime'),
  ];
  for (const c of candidates) {
    const date = typeof c === 'string' ? parseDate(c) : null;
    if (date !== null) return date;
  }
  return null;
}

function httpUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function publisherName(ld: unknown[]): string | null {
  for (const publisher of jsonLdValues(ld, 'publisher')) {
    const name = jsonLdValues(publisher, 'name')[0];
    if (typeof name === 'string' && name.trim() !== '') return name.trim();
  }
  return null;
}

/** Drops the first paragraph when it is the headline again (Readability keeps the article's <h1>). */
function withoutLeadingTitle(text: string, title: string | null): string {
  const cut = text.indexOf('\n\n');
  if (title === null || cut < 0 || chromeKey(text.slice(0, cut)) !== chromeKey(title)) return text;
  return text.slice(cut + 2);
}

/**
 * Extracts the main text of an HTML page with Readability (falling back to the whole body), with
 * title (og:title, else Readability's), canonical URL (link rel=canonical, else og:url), publication
 * date (article:published_time, JSON-LD datePublished, <time datetime>), outlet (og:site_name or
 * JSON-LD publisher) and language (<html lang>).
 * @throws SourceFileError when the page holds no text.
 */
export function htmlToReport(html: string, limits: { maxElements: number; maxDepth: number } = DOM_LIMITS): HtmlReport {
  const noText = () => new SourceFileError('the HTML page holds no text; check that it is a saved article page');
  if (html.trim() === '') throw noText();
  const doc = parseHTML(html).document as unknown as DomDocument;
  if (doc.body === null || doc.documentElement === null) throw noText();
  // The whole document: markup without <html><body> can leave the elements outside the body.
  const shape = domShape(doc.documentElement as unknown as DomNode, limits);
  if (shape.depth > limits.maxDepth) {
    throw new SourceFileError(`the page nests its elements more than ${limits.maxDepth} deep; it is not an article page Rasid can read (a broken or hostile page)`);
  }
  if (shape.elements > limits.maxElements) {
    throw new SourceFileError(`the page has more than ${limits.maxElements} elements; it is not an article page Rasid can read (save the article alone)`);
  }
  const ld = jsonLd(doc);
  // Readability rewrites the DOM it reads, so it gets its own parse of the page.
  const article = new Readability(parseHTML(html).document as unknown as ReadabilityDocument).parse();
  const content = article?.content ?? '';
  const fromArticle = content === '' ? '' : blockText(parseHTML(`<html><body>${content}</body></html>`).document.body as unknown as DomNode);
  const text = fromArticle !== '' ? fromArticle : doc.body === null ? '' : blockText(doc.body);
  if (text === '') throw noText();
  const title =
    attr(doc, 'meta[property="og:title"]', 'content') ??
    (article?.title?.trim() || null) ??
    (doc.querySelector('title')?.textContent?.trim() || null);
  return {
    text: withoutLeadingTitle(text, title),
    title,
    url: httpUrl(attr(doc, 'link[rel="canonical"]', 'href')) ?? httpUrl(attr(doc, 'meta[property="og:url"]', 'content')),
    publishedAt: publishedAt(doc, ld),
    source: attr(doc, 'meta[property="og:site_name"]', 'content') ?? publisherName(ld),
    lang: doc.documentElement?.getAttribute('lang')?.trim() || null,
  };
}
