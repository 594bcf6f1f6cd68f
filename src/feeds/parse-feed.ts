// Parses an RSS 2.0, Atom, RDF (RSS 1.0) or JSON Feed document into plain, de-duplicated items.
import { createHash } from 'node:crypto';
import {
  DetectError,
  MalformedError,
  ParseError,
  parseFeed as parseAnyFeed,
  type AnyFeed,
  type AtomFeed,
  type JsonFeed,
  type RdfFeed,
  type RssFeed,
} from 'feedsmith';
import { parseDate } from '../ingest/extract-date.js';
import { reasonOf } from '../ingest/source-file-error.js';
import { checkXmlStructure, type XmlStructure } from './check-xml-structure.js';
import { htmlToLine, htmlToText, textToBlocks, textToHtml, textToLine } from './html-to-text.js';

/** One entry of a feed, with every field as plain, normalized values. */
export interface FeedItem {
  /** Stable identity: the guid/id when present, else the item's URL, else `hash:` of title and date. */
  readonly key: string;
  /** The item's link, absolute http(s) (relative links resolved); null when it has none. */
  readonly url: string | null;
  /** Plain text: entities decoded, tags stripped, whitespace collapsed. */
  readonly title: string | null;
  /** ISO 8601 via `parseDate` (pubDate, published, updated, dc:date, date_published). */
  readonly publishedAt: string | null;
  readonly author: string | null;
  /** The fullest content the feed carries (content:encoded, Atom content, content_html), as HTML. */
  readonly contentHtml: string | null;
  /** description / summary / content_text as plain text, paragraphs split by blank lines. */
  readonly summary: string | null;
}

/** A parsed feed: its format, its own title and site link, and its items in document order. */
export interface ParsedFeed {
  readonly format: 'rss' | 'atom' | 'rdf' | 'json';
  readonly title: string | null;
  /** The site the feed belongs to (RSS channel link, Atom alternate link, JSON home_page_url). */
  readonly link: string | null;
  readonly items: FeedItem[];
}

/**
 * A document cannot be read as a feed. The message says what is wrong and what to check
 * ("not a feed: the document is HTML (<html>); give the feed's URL, not the site's page").
 */
export class FeedParseError extends Error {
  override readonly name = 'FeedParseError';
}

/**
 * Most items kept from one feed. A news feed carries its latest few dozen items; thousands mean an
 * archive dump, and fetching every item's page would stall a poll. The newest are kept.
 */
export const MAX_ITEMS_PER_FEED = 500;

/** Root elements of XML feeds, by local name: RSS 0.9x/2.0, Atom, RDF (RSS 0.9/1.0). */
const FEED_ROOTS: ReadonlySet<string> = new Set(['rss', 'feed', 'rdf']);
/** Atom text and content types whose value is HTML (xhtml arrives as the inner markup). */
const ATOM_HTML_TYPES: ReadonlySet<string> = new Set(['html', 'xhtml', 'text/html', 'application/xhtml+xml']);
/** Atom plain-text types: "text" (the default) and any text/* MIME type other than HTML. */
const ATOM_TEXT_TYPE = /^(?:text|text\/(?!html).*)$/iu;
/** Characters of the document quoted in a "not a feed" message. */
const PREVIEW_CHARS = 40;
/** Hex digits kept from the SHA-256 of title and date: 128 bits, ample for one feed's items. */
const HASH_HEX_CHARS = 32;
/** Where to look for help with a broken feed, named in error messages. */
const VALIDATOR_HINT = 'fetch it again, or check it with a feed validator (https://validator.w3.org/feed/)';

/** An item's plain-text fields. */
type ItemText = Pick<FeedItem, 'title' | 'author' | 'contentHtml' | 'summary'>;

/** An item's fields before its URL is resolved and its key chosen. */
interface DraftItem {
  readonly id: string | null;
  readonly href: string | null;
  /** The item's own base URL (Atom xml:base), relative to the feed's. */
  readonly base: string | null;
  readonly dates: readonly (string | undefined)[];
  /** The title as the feed writes it, hashed into the key when there is no id or link. */
  readonly rawTitle: string | null;
  /** The content or summary as the feed writes it, hashed when nothing else identifies the item. */
  readonly rawText: string | null;
  /** The plain-text fields, worked out only for the items kept: HTML parsing is the costly part. */
  readonly text: () => ItemText;
}

/** A feed's fields before its links are resolved. */
interface DraftFeed {
  readonly format: ParsedFeed['format'];
  readonly title: string | null;
  readonly siteHref: string | null;
  readonly selfHref: string | null;
  /** The feed's own base URL (Atom xml:base). */
  readonly base: string | null;
  readonly items: readonly DraftItem[];
}

function fail(message: string): never {
  throw new FeedParseError(message);
}

function nonEmpty(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.trim();
  return s === '' ? null : s;
}

const orNull = (s: string): string | null => (s === '' ? null : s);
const htmlLine = (v: string | undefined): string | null => (v === undefined ? null : orNull(htmlToLine(v)));
const htmlBlocks = (v: string | undefined): string | null => (v === undefined ? null : orNull(htmlToText(v)));
const textLine = (v: string | undefined): string | null => (v === undefined ? null : orNull(textToLine(v)));
const textBlocks = (v: string | undefined): string | null => (v === undefined ? null : orNull(textToBlocks(v)));
const localName = (name: string): string => name.slice(name.indexOf(':') + 1).toLowerCase();

/** `href` resolved against `base`, when the result is an http(s) URL. */
function resolveUrl(href: string | null | undefined, base: string | null): string | null {
  const h = nonEmpty(href);
  if (h === null) return null;
  try {
    const url = base === null ? new URL(h) : new URL(h, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Distinct author names, joined by commas; null when there are none. */
function names(list: readonly (string | undefined)[] | undefined): string | null {
  const found = [...new Set((list ?? []).map((n) => textLine(n)).filter((n) => n !== null))];
  return found.length === 0 ? null : found.join(', ');
}

/** The href of the first link with the given rel (alternate also matches a link without rel). */
function linkHref(links: readonly { href?: string; rel?: string; type?: string }[] | undefined, rel: string): string | null {
  const matching = (links ?? []).filter((l) => (l.rel ?? 'alternate').toLowerCase() === rel && nonEmpty(l.href) !== null);
  const html = matching.find((l) => l.type === undefined || /html/iu.test(l.type));
  return nonEmpty((html ?? matching[0])?.href);
}

function rssItem(item: RssFeed.Item<string>): DraftItem {
  const guid = nonEmpty(item.guid?.value);
  // A guid is a permalink unless isPermaLink="false"; it serves as the link only when absolute.
  const permalink = item.guid?.isPermaLink !== false ? resolveUrl(guid, null) : null;
  return {
    id: guid,
    href: nonEmpty(item.link) ?? linkHref(item.atom?.links, 'alternate') ?? permalink,
    base: null,
    dates: [item.pubDate, ...(item.dc?.dates ?? []), item.atom?.published, item.atom?.updated],
    rawTitle: nonEmpty(item.title),
    rawText: nonEmpty(item.content?.encoded) ?? nonEmpty(item.description),
    text: () => ({
      title: htmlLine(item.title),
      author: names(item.dc?.creators) ?? names(item.authors?.map((a) => a.name ?? a.email)),
      contentHtml: nonEmpty(item.content?.encoded),
      summary: htmlBlocks(item.description),
    }),
  };
}

function fromRss(feed: RssFeed.Feed<string>): DraftFeed {
  return {
    format: 'rss',
    title: htmlLine(feed.title),
    siteHref: nonEmpty(feed.link),
    selfHref: linkHref(feed.atom?.links, 'self'),
    base: null,
    items: (feed.items ?? []).map(rssItem),
  };
}

const isAtomHtml = (type: string | undefined): boolean => type !== undefined && ATOM_HTML_TYPES.has(type.toLowerCase());

/** An Atom text construct as plain text, read as HTML or as text by its type. */
function atomText(text: AtomFeed.Text | undefined, blocks: boolean): string | null {
  if (text === undefined) return null;
  if (isAtomHtml(text.type)) return blocks ? htmlBlocks(text.value) : htmlLine(text.value);
  return blocks ? textBlocks(text.value) : textLine(text.value);
}

/** Atom content as HTML: html/xhtml as given, plain text as escaped paragraphs; out-of-line or binary content is skipped. */
function atomContentHtml(content: AtomFeed.Content | undefined): string | null {
  const value = nonEmpty(content?.value);
  if (value === null || content?.src !== undefined) return null;
  if (isAtomHtml(content?.type)) return value;
  return ATOM_TEXT_TYPE.test(content?.type ?? 'text') ? orNull(textToHtml(value)) : null;
}

function atomEntry(entry: AtomFeed.Entry<string>, feedAuthors: string | null): DraftItem {
  return {
    id: nonEmpty(entry.id),
    href: linkHref(entry.links, 'alternate'),
    base: nonEmpty(entry.xml?.base),
    dates: [entry.published, entry.updated, ...(entry.dc?.dates ?? [])],
    rawTitle: nonEmpty(entry.title?.value),
    rawText: nonEmpty(entry.content?.value) ?? nonEmpty(entry.summary?.value),
    text: () => ({
      title: atomText(entry.title, false),
      author: names(entry.authors?.map((a) => a.name)) ?? names(entry.dc?.creators) ?? feedAuthors,
      contentHtml: atomContentHtml(entry.content),
      summary: atomText(entry.summary, true),
    }),
  };
}

function fromAtom(feed: AtomFeed.Feed<string>): DraftFeed {
  const feedAuthors = names(feed.authors?.map((a) => a.name));
  return {
    format: 'atom',
    title: atomText(feed.title, false),
    siteHref: linkHref(feed.links, 'alternate'),
    selfHref: linkHref(feed.links, 'self'),
    base: nonEmpty(feed.xml?.base),
    items: (feed.entries ?? []).map((e) => atomEntry(e, feedAuthors)),
  };
}

function rdfItem(item: RdfFeed.Item<string>): DraftItem {
  const about = nonEmpty(item.rdf?.about);
  return {
    id: about,
    href: nonEmpty(item.link) ?? resolveUrl(about, null),
    base: null,
    dates: [...(item.dc?.dates ?? []), item.atom?.published, item.atom?.updated],
    rawTitle: nonEmpty(item.title),
    rawText: nonEmpty(item.content?.encoded) ?? nonEmpty(item.description),
    text: () => ({
      title: htmlLine(item.title),
      author: names(item.dc?.creators),
      contentHtml: nonEmpty(item.content?.encoded),
      summary: htmlBlocks(item.description),
    }),
  };
}

function fromRdf(feed: RdfFeed.Feed<string>): DraftFeed {
  return {
    format: 'rdf',
    title: htmlLine(feed.title),
    siteHref: nonEmpty(feed.link),
    selfHref: linkHref(feed.atom?.links, 'self') ?? nonEmpty(feed.rdf?.about),
    base: null,
    items: (feed.items ?? []).map(rdfItem),
  };
}

function jsonItem(item: JsonFeed.Item<string>, feedAuthors: string | null): DraftItem {
  return {
    id: nonEmpty(item.id),
    href: nonEmpty(item.url) ?? nonEmpty(item.external_url),
    base: null,
    dates: [item.date_published, item.date_modified],
    rawTitle: nonEmpty(item.title),
    rawText: nonEmpty(item.content_html) ?? nonEmpty(item.content_text) ?? nonEmpty(item.summary),
    text: () => ({
      title: textLine(item.title),
      author: names(item.authors?.map((a) => a.name)) ?? feedAuthors,
      contentHtml: nonEmpty(item.content_html) ?? (item.content_text === undefined ? null : orNull(textToHtml(item.content_text))),
      summary: textBlocks(item.summary) ?? textBlocks(item.content_text),
    }),
  };
}

function fromJson(feed: JsonFeed.Feed<string>): DraftFeed {
  const feedAuthors = names(feed.authors?.map((a) => a.name));
  return {
    format: 'json',
    title: textLine(feed.title),
    siteHref: nonEmpty(feed.home_page_url),
    selfHref: nonEmpty(feed.feed_url),
    base: null,
    items: (feed.items ?? []).map((i) => jsonItem(i, feedAuthors)),
  };
}

function draftOf(result: AnyFeed): DraftFeed {
  switch (result.format) {
    case 'rss':
      return fromRss(result.feed);
    case 'atom':
      return fromAtom(result.feed);
    case 'rdf':
      return fromRdf(result.feed);
    case 'json':
      return fromJson(result.feed);
  }
}

function firstDate(dates: readonly (string | undefined)[]): string | null {
  for (const d of dates) {
    const iso = typeof d === 'string' ? parseDate(d) : null;
    if (iso !== null) return iso;
  }
  return null;
}

function hashKey(...parts: readonly (string | null)[]): string {
  const digest = createHash('sha256').update(parts.map((p) => p ?? '').join('\n')).digest('hex');
  return `hash:${digest.slice(0, HASH_HEX_CHARS)}`;
}

/** An item's identity, link and date, worked out for every item before the cap. */
interface KeyedItem {
  readonly key: string;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly draft: DraftItem;
}

/** The item's key, URL and date, or null when nothing identifies it (no id, link, title, date or text). */
function keyItem(draft: DraftItem, base: string | null): KeyedItem | null {
  const itemBase = resolveUrl(draft.base, base) ?? base;
  const url = resolveUrl(draft.href, itemBase);
  const publishedAt = firstDate(draft.dates);
  let key = draft.id ?? url ?? draft.href;
  if (key === null && (draft.rawTitle !== null || publishedAt !== null)) key = hashKey(draft.rawTitle, publishedAt);
  if (key === null && draft.rawText !== null) key = hashKey(draft.rawText);
  return key === null ? null : { key, url, publishedAt, draft };
}

/** Milliseconds since the epoch of a `parseDate` result; zone-less times are read as UTC. */
function instant(iso: string | null): number {
  if (iso === null) return Number.NEGATIVE_INFINITY;
  const withTime = iso.length === 'YYYY-MM-DD'.length ? `${iso}T00:00:00Z` : iso;
  const zoned = /(?:Z|[+-]\d{2}:\d{2})$/u.test(withTime) ? withTime : `${withTime}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** At most MAX_ITEMS_PER_FEED items: the newest when dates exist, else the first; document order kept. */
function capItems(items: readonly KeyedItem[]): KeyedItem[] {
  if (items.length <= MAX_ITEMS_PER_FEED) return [...items];
  if (items.every((i) => i.publishedAt === null)) return items.slice(0, MAX_ITEMS_PER_FEED);
  const ranked = items
    .map((item, index) => ({ index, time: instant(item.publishedAt) }))
    .sort((a, b) => (a.time === b.time ? a.index - b.index : a.time < b.time ? 1 : -1));
  const kept = new Set(ranked.slice(0, MAX_ITEMS_PER_FEED).map((r) => r.index));
  return items.filter((_, i) => kept.has(i));
}

function finishFeed(draft: DraftFeed, baseUrl: string | null): ParsedFeed {
  const self = resolveUrl(draft.selfHref, baseUrl);
  const site = resolveUrl(draft.siteHref, self ?? baseUrl);
  const feedBase = resolveUrl(draft.base, self ?? baseUrl ?? site) ?? site ?? self ?? baseUrl;
  const byKey = new Map<string, KeyedItem>();
  for (const d of draft.items) {
    const item = keyItem(d, feedBase);
    // The first of two items with the same key wins: feeds list the current version first.
    if (item !== null && !byKey.has(item.key)) byKey.set(item.key, item);
  }
  const items = capItems([...byKey.values()]).map(({ key, url, publishedAt, draft: d }): FeedItem => {
    const { title, author, contentHtml, summary } = d.text();
    return { key, url, title, publishedAt, author, contentHtml, summary };
  });
  return { format: draft.format, title: draft.title, link: site, items };
}

function preview(text: string): string {
  const head = text.slice(0, PREVIEW_CHARS).replace(/\s+/gu, ' ');
  return JSON.stringify(text.length > PREVIEW_CHARS ? `${head}…` : head);
}

/** The library's error as a FeedParseError saying what to check. */
function libraryError(err: unknown, what: string): FeedParseError {
  if (err instanceof MalformedError) {
    const cause = err.cause === undefined ? err.message : reasonOf(err.cause);
    return new FeedParseError(`malformed XML: ${cause}; ${VALIDATOR_HINT}`);
  }
  if (err instanceof DetectError) {
    return new FeedParseError(`not a feed: the ${what} is not recognised as RSS, Atom or RDF; check the feed URL`);
  }
  if (err instanceof ParseError) {
    return new FeedParseError(`not a feed: the ${what} holds no feed (no channel, title or items); check the feed URL`);
  }
  return new FeedParseError(`cannot read the feed: ${reasonOf(err)}; ${VALIDATOR_HINT}`);
}

function isHtml(structure: XmlStructure): boolean {
  return structure.doctype?.toLowerCase() === 'html' || (structure.root !== null && localName(structure.root) === 'html');
}

function parseXml(body: string): AnyFeed {
  const structure = checkXmlStructure(body);
  if (isHtml(structure)) {
    fail(
      `not a feed: the document is HTML (<${structure.root ?? 'html'}>); give the feed's URL, not the site's page ` +
        '(the page names it in <link rel="alternate" type="application/rss+xml">)',
    );
  }
  const root = structure.root ?? fail(`not a feed: the document holds no XML element (it starts ${preview(body)}); check the feed URL`);
  if (!FEED_ROOTS.has(localName(root))) {
    fail(`not a feed: the XML root element is <${root}>, not <rss>, <feed> or <rdf:RDF>; check the feed URL`);
  }
  if (structure.problem !== null) fail(`malformed XML: ${structure.problem}; ${VALIDATOR_HINT}`);
  try {
    return parseAnyFeed(body);
  } catch (err) {
    throw libraryError(err, `<${root}> document`);
  }
}

function parseJson(body: string): AnyFeed {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return fail(`malformed JSON: ${reasonOf(err)}; fetch the feed again, or check that the URL serves a JSON Feed`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
    fail(`JSON is not a JSON Feed (the top-level value is ${kind}, not an object with version https://jsonfeed.org/version/1.x)`);
  }
  // A JSON Feed must have an "items" array; without one it would read as a feed with nothing new, forever.
  const { items, version } = value as { items?: unknown; version?: unknown };
  if (typeof version === 'string' && version.startsWith('https://jsonfeed.org/version/') && !Array.isArray(items)) {
    fail(`malformed JSON Feed: "items" is ${items === undefined ? 'missing' : `${items === null ? 'null' : `a ${typeof items}`}, not an array`}; a JSON Feed lists its items in an "items" array`);
  }
  try {
    return parseAnyFeed(value);
  } catch (err) {
    if (err instanceof DetectError) {
      fail('JSON is not a JSON Feed (no version https://jsonfeed.org/version/1.x); check the feed URL');
    }
    throw libraryError(err, 'JSON document');
  }
}

function parseDocument(text: string, baseUrl: string | undefined): ParsedFeed {
  if (typeof text !== 'string') fail(`not a feed: expected the document as a string, got ${typeof text}; decode the response body first`);
  const body = text.replace(/^\uFEFF/u, '').trim();
  if (body === '') fail('not a feed: the document is empty; check that the feed URL returns content');
  const isJson = body.startsWith('{') || body.startsWith('[');
  if (!isJson && !body.includes('<')) {
    fail(`not a feed: the document is neither XML nor JSON (it starts ${preview(body)}); check the feed URL`);
  }
  const result = isJson ? parseJson(body) : parseXml(body);
  return finishFeed(draftOf(result), resolveUrl(baseUrl, null));
}

/**
 * Parses a feed document (already decoded to a string) with feedsmith and normalizes its items:
 * plain-text titles and summaries, absolute URLs (relative links resolved against the feed's
 * xml:base, site link, self link, then `baseUrl`), ISO dates, a stable key per item. Items with a
 * repeated key are dropped (the first is kept); past MAX_ITEMS_PER_FEED only the newest are kept.
 * A feed with no items is valid.
 * @param baseUrl the URL the feed was fetched from, for relative links.
 * @throws FeedParseError for anything that is not a readable feed (HTML page, malformed XML or
 *   JSON, unknown format); never any other error.
 */
export function parseFeed(text: string, baseUrl?: string): ParsedFeed {
  try {
    return parseDocument(text, baseUrl);
  } catch (err) {
    if (err instanceof FeedParseError) throw err;
    throw new FeedParseError(`cannot read the feed: ${reasonOf(err)}; ${VALIDATOR_HINT}`);
  }
}
