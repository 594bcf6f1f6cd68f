// Fetches a feed or article URL from the web, safely enough for links that untrusted chat users post.
import { STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'undici';
import { looksBinary } from '../ingest/decode-text.js';
import { reasonOf } from '../ingest/source-file-error.js';
import { FetchError } from './fetch-error.js';
import {
  BlockedAddressError,
  createGuardedConnector,
  type AddressGuard,
  type HostResolver,
} from './guarded-connector.js';
import { abandon, ACCEPT_ENCODING, formatBytes, readBody } from './read-body.js';
import { retryAfterMs } from './retry-after-ms.js';

export { FetchError, type FetchErrorCode } from './fetch-error.js';
export type { AddressGuard, GuardContext, HostResolver, ResolvedAddress } from './guarded-connector.js';

/** Options for `fetchUrl`. */
export interface FetchOptions {
  /** The whole fetch, redirects and body included, in milliseconds. Default DEFAULT_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Largest body accepted, counted after decompression. Default DEFAULT_MAX_BYTES. */
  readonly maxBytes?: number;
  /** Redirects followed before giving up. Default DEFAULT_MAX_REDIRECTS. */
  readonly maxRedirects?: number;
  /**
   * Allow loopback, private and CGNAT addresses (intranets, tests). Default false; the service sets
   * it from the RASID_ALLOW_PRIVATE_URLS setting. Cloud metadata and link-local stay blocked.
   */
  readonly allowPrivate?: boolean;
  /** ETag from the last fetch, sent as If-None-Match. */
  readonly etag?: string | null;
  /** Last-Modified from the last fetch, sent as If-Modified-Since. */
  readonly lastModified?: string | null;
  /** Accept header. Default DEFAULT_ACCEPT (feeds first, then HTML). */
  readonly accept?: string;
  /** User-Agent header. Default DEFAULT_USER_AGENT. */
  readonly userAgent?: string;
  /** Cancels the fetch; its reason is thrown as is (it is not a FetchError). */
  readonly signal?: AbortSignal;
}

/** A fetched body, or word that it has not changed since the ETag / Last-Modified given. */
export type FetchResult =
  | {
      status: 'ok';
      /** The final URL, after redirects. */
      url: string;
      httpStatus: number;
      /** The media type from Content-Type, lower-cased, without parameters: "text/html". */
      contentType: string | null;
      /** The charset parameter of Content-Type, as sent: "windows-1256". */
      charset: string | null;
      /** The decompressed body. */
      body: Buffer;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'not_modified'; url: string; etag: string | null; lastModified: string | null };

/** Fetches one URL; `fetchUrl` is the one wired to the system resolver. */
export type Fetcher = (url: string, options?: FetchOptions) => Promise<FetchResult>;

/** What `createFetcher` can be given instead of the real resolver and address policy. */
export interface FetcherDeps {
  /** Resolves host names at connect time. Default: `dns.lookup` (all addresses). */
  readonly resolve?: HostResolver;
  /** Judges every address before connecting. Default: `isBlockedAddress`. */
  readonly guard?: AddressGuard;
}

/** 15 s: a healthy news site answers in well under a second; a stuck one should not hold a digest. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** 5 MiB: far above any feed or article page, small enough to hold many at once. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** 5 redirects: http→https→www→canonical is already three; more is a misconfiguration or a trap. */
export const DEFAULT_MAX_REDIRECTS = 5;
/** Names the bot honestly, so site owners can tell it apart and block or allow it. */
export const DEFAULT_USER_AGENT = 'Rasid/0.1 (+news digest bot)';
/** Feeds first, then pages; anything else is still accepted, last. */
export const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, ' +
  'application/json;q=0.8, text/html;q=0.8, application/xhtml+xml;q=0.8, */*;q=0.5';
/** The environment switch that turns `allowPrivate` on by default. */
const SUPPORTED_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);
/** Statuses that carry a Location to follow; 300 and 305 are not followed. */
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const NOT_MODIFIED = 304;
/** Statuses whose Retry-After header is read. */
const RETRY_AFTER_STATUSES: ReadonlySet<number> = new Set([429, 503]);
/** Longest piece of a refused link quoted in a message; chat users can paste anything. */
const MAX_QUOTED_URL = 200;
/** Bytes of a redirect or error body read (to keep the connection) before it is dropped. */
const DISCARD_LIMIT = 64 * 1024;
/** Media types that are never text; their bodies are not even downloaded. */
const BINARY_MEDIA_PREFIXES: readonly string[] = ['image/', 'audio/', 'video/', 'font/', 'model/'];
const BINARY_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/pdf', 'application/octet-stream', 'application/zip', 'application/gzip', 'application/x-gzip',
  'application/x-tar', 'application/x-7z-compressed', 'application/vnd.rar', 'application/x-rar-compressed',
  'application/msword', 'application/vnd.ms-excel', 'application/vnd.ms-powerpoint', 'application/wasm',
  'application/x-shockwave-flash', 'application/java-archive', 'application/x-msdownload',
]);
const OPENXML_PREFIX = 'application/vnd.openxmlformats-officedocument.';
/** Resolver error codes that mean the name does not resolve (now). */
const DNS_ERROR_CODES: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA']);
/** undici's own timeouts, which back up the overall deadline. */
const UNDICI_TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT',
]);
const PRIVATE_FIX = "links to private networks are not fetched (set RASID_ALLOW_PRIVATE_URLS=1 for intranets and tests)";
const NEVER_FIX = 'it is never fetched, whatever the settings';

function quoted(url: string): string {
  return url.length > MAX_QUOTED_URL ? `${url.slice(0, MAX_QUOTED_URL)}…` : url;
}

/** Parses and vets a link (or a Location against its base): http(s) only, no credentials. */
function parseTarget(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    const what = base === undefined ? 'not a valid absolute URL' : `redirected to an invalid URL by ${base.href}`;
    throw new FetchError('invalid_url', quoted(raw), `${what}; send a full link such as https://example.com/page`);
  }
  if (!SUPPORTED_SCHEMES.has(url.protocol)) {
    const via = base === undefined ? '' : ` (redirected from ${base.href})`;
    throw new FetchError(
      'unsupported_scheme',
      quoted(url.href),
      `the ${url.protocol} scheme is not supported${via}; only http: and https: links are fetched`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    url.username = '';
    url.password = '';
    throw new FetchError(
      'invalid_url',
      `${url.protocol}//***@${url.host}${url.pathname}`,
      'links with a user name or password are refused; remove the "user:password@" part',
    );
  }
  url.hash = '';
  return url;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? null : first.trim();
}

/** The media type and charset of a Content-Type header. */
function parseContentType(value: string | null): { contentType: string | null; charset: string | null } {
  if (value === null) return { contentType: null, charset: null };
  const [type = '', ...params] = value.split(';');
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/iu.exec(p)?.[1])
    .find((c) => c !== undefined);
  return { contentType: type.trim().toLowerCase() || null, charset: charset ?? null };
}

function isBinaryMediaType(type: string): boolean {
  return BINARY_MEDIA_TYPES.has(type) || type.startsWith(OPENXML_PREFIX) || BINARY_MEDIA_PREFIXES.some((p) => type.startsWith(p));
}

function statusError(url: string, status: number, headers: IncomingHttpHeaders): FetchError {
  const wait = RETRY_AFTER_STATUSES.has(status) ? retryAfterMs(header(headers, 'retry-after')) : null;
  const label = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
  let fix: string;
  if (status === 404 || status === 410) fix = 'the page does not exist (any more); check the link';
  else if (status === 401 || status === 403) fix = 'the server refuses access; the page needs a login or blocks bots';
  else if (status === 429) fix = 'the server is rate-limiting us; wait before fetching it again';
  else if (status >= 500) fix = 'the server failed; try again later';
  else fix = 'the server did not return the page; check the link';
  const after = wait === null ? '' : ` (it asks to retry after ${Math.ceil(wait / 1000)} s)`;
  return new FetchError('http_status', url, `${label}: ${fix}${after}`, {
    httpStatus: status,
    ...(wait === null ? {} : { retryAfterMs: wait }),
  });
}

function binaryError(url: string, what: string): FetchError {
  return new FetchError(
    'binary',
    url,
    `${what}, not a text page or feed; only HTML, XML/RSS/Atom and JSON can be read, so link to the article page instead`,
  );
}

/** Undici errors wrap causes; the first error in the chain with one of these traits decides. */
function causeChain(err: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = err; e !== undefined && e !== null && chain.length < 5; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Any failure as a FetchError saying what happened at `url` and what to do. */
function toFetchError(err: unknown, url: string, timeoutMs: number, timedOut: boolean, host: string): FetchError {
  if (err instanceof FetchError) return err;
  const chain = causeChain(err);
  const blocked = chain.find((e): e is BlockedAddressError => e instanceof BlockedAddressError);
  if (blocked !== undefined) {
    return new FetchError('blocked_address', url, `${blocked.message}; ${blocked.privateOnly ? PRIVATE_FIX : NEVER_FIX}`, {
      cause: blocked,
    });
  }
  const codes = chain.map(errorCode);
  if (timedOut || codes.some((c) => c !== undefined && UNDICI_TIMEOUT_CODES.has(c))) {
    return new FetchError(
      'timeout',
      url,
      `timed out after ${timeoutMs / 1000} s; the server is too slow or unreachable, try again later (or raise timeoutMs)`,
      { cause: err },
    );
  }
  const dnsCode = codes.find((c) => c !== undefined && DNS_ERROR_CODES.has(c));
  if (dnsCode !== undefined) {
    return new FetchError('dns', url, `could not resolve the host ${host} (${dnsCode}); check the link for typos, or try again later`, {
      cause: err,
    });
  }
  return new FetchError('network', url, `network error: ${reasonOf(err)}; check the link, or try again later`, { cause: err });
}

/** Drops a body we do not need, reading a little of it so the connection can be reused. */
async function discard(body: { dump(opts?: { limit: number }): Promise<void> }): Promise<void> {
  await body.dump({ limit: DISCARD_LIMIT }).catch(() => undefined);
}

/**
 * A fetcher with its own resolver and address policy. The real one is `fetchUrl`; tests give a
 * resolver that maps made-up names such as `public.test` to 127.0.0.1, and a guard that treats that
 * one name as public, so that a redirect from an allowed server to a blocked address can be tested
 * offline. The guard still sees every address at connect time, exactly as in production.
 */
export function createFetcher(deps: FetcherDeps = {}): Fetcher {
  return async (rawUrl, options = {}) => {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    const allowPrivate = options.allowPrivate ?? false;
    let target = parseTarget(rawUrl);

    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    const signal = options.signal === undefined ? deadline.signal : AbortSignal.any([deadline.signal, options.signal]);
    const agent = new Agent({
      connect: createGuardedConnector({
        allowPrivate,
        connectTimeoutMs: timeoutMs,
        ...(deps.resolve === undefined ? {} : { resolve: deps.resolve }),
        ...(deps.guard === undefined ? {} : { guard: deps.guard }),
      }),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const headers: Record<string, string> = {
      'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
      accept: options.accept ?? DEFAULT_ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
    };
    if (options.etag) headers['if-none-match'] = options.etag;
    if (options.lastModified) headers['if-modified-since'] = options.lastModified;

    const visited = new Set<string>();
    try {
      for (;;) {
        visited.add(target.href);
        const url = target.href;
        const response = await request(target, { method: 'GET', headers, signal, dispatcher: agent });
        const { statusCode: status, headers: got, body } = response;
        if (REDIRECT_STATUSES.has(status)) {
          await discard(body);
          const location = header(got, 'location');
          if (location === null) {
            throw new FetchError('http_status', url, `HTTP ${status} redirect without a Location header; the server is misconfigured`, {
              httpStatus: status,
            });
          }
          const next = parseTarget(location, target);
          if (visited.has(next.href)) {
            throw new FetchError('too_many_redirects', url, `redirect loop: it leads back to ${next.href}; the site is misconfigured`);
          }
          if (visited.size > maxRedirects) {
            throw new FetchError(
              'too_many_redirects',
              url,
              `more than ${maxRedirects} redirects (started at ${rawUrl}); link to the final page instead`,
            );
          }
          target = next;
          continue;
        }
        const etag = header(got, 'etag');
        const lastModified = header(got, 'last-modified');
        if (status === NOT_MODIFIED) {
          await discard(body);
          return { status: 'not_modified', url, etag: etag ?? options.etag ?? null, lastModified: lastModified ?? options.lastModified ?? null };
        }
        if (status < 200 || status > 299) {
          await discard(body);
          throw statusError(url, status, got);
        }
        const { contentType, charset } = parseContentType(header(got, 'content-type'));
        if (contentType !== null && isBinaryMediaType(contentType)) {
          abandon(body);
          throw binaryError(url, `the link is a ${contentType} file`);
        }
        const bytes = await readBody(body, {
          url,
          contentEncoding: header(got, 'content-encoding'),
          contentLength: header(got, 'content-length'),
          maxBytes,
        });
        if (looksBinary(bytes)) throw binaryError(url, `the content is binary data (${formatBytes(bytes.length)})`);
        return { status: 'ok', url, httpStatus: status, contentType, charset, body: bytes, etag, lastModified };
      }
    } catch (err) {
      if (options.signal?.aborted === true) throw options.signal.reason;
      throw toFetchError(err, target.href, timeoutMs, deadline.signal.aborted, target.hostname);
    } finally {
      clearTimeout(timer);
      await agent.destroy().catch(() => undefined);
    }
  };
}

const fetchWithSystemDns = createFetcher();

/**
 * Fetches a URL (http/https only) and returns its decompressed body, or `not_modified` for a
 * conditional GET the server answers with 304. Every address is checked at connect time, after DNS,
 * so links to loopback, private, link-local (cloud metadata) and other non-public networks are
 * refused, also behind redirects and DNS rebinding. Redirects are followed by hand (at most
 * `maxRedirects`, loops detected); the whole fetch shares one deadline.
 *
 * @example
 * const page = await fetchUrl('https://example.com/feed.xml', { etag: saved.etag });
 * if (page.status === 'ok') store(decodeBody(page));
 * @throws FetchError with a `code` for every failure; the caller's own abort reason as is.
 */
export function fetchUrl(url: string, options?: FetchOptions): Promise<FetchResult> {
  return fetchWithSystemDns(url, options);
}
