/** Fetches one article page and extracts its main text and metadata, as a raw report. */
import type { Fetcher } from '../fetch/fetch-url.js';
import { FetchError } from '../fetch/fetch-error.js';
import { decodeBody } from '../fetch/decode-body.js';
import { extractPage } from '../ingest/extract-page.js';
import type { RawReport } from '../ingest/raw-report.js';

/** Media types read as article pages; anything else is refused with its type named. */
const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

/**
 * The article at `url` as a raw report (text from Readability, title, canonical URL, date,
 * outlet from the page). Throws FetchError (network, status, size, address) or an Error saying
 * why the page is not an article.
 */
export async function fetchArticle(url: string, fetcher: Fetcher, options: { allowPrivate: boolean; timeoutMs?: number }): Promise<RawReport> {
  const result = await fetcher(url, {
    allowPrivate: options.allowPrivate,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  if (result.status !== 'ok') throw new FetchError('http_status', url, 'the server answered 304 Not Modified to a request that asked for nothing conditional');
  if (result.contentType !== null && !HTML_TYPES.has(result.contentType) && !result.contentType.startsWith('text/')) {
    throw new Error(`${result.url}: the link is ${result.contentType}, not an article page; post the link of the article itself`);
  }
  // Read in a worker thread, within a time budget: one hostile page cannot hold up the service.
  const page = await extractPage(decodeBody(result));
  return {
    text: page.text,
    title: page.title,
    url: page.url ?? result.url,
    publishedAt: page.publishedAt,
    source: page.source,
    lang: page.lang,
    origin: result.url,
    // What a page says of itself ranks below a feed's or a file's metadata (see keep-known-fields).
    provenance: { title: 'page', publishedAt: 'page', source: 'page' },
  };
}
