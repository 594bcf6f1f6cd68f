import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline, Readable } from 'node:stream';
import { brotliCompressSync, createGzip, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isBlockedAddress } from '../../src/fetch/blocked-address.js';
import { decodeBody } from '../../src/fetch/decode-body.js';
import {
  createFetcher,
  FetchError,
  fetchUrl,
  type FetchErrorCode,
  type FetchOptions,
  type FetchResult,
  type ResolvedAddress,
} from '../../src/fetch/fetch-url.js';

const ARABIC = 'تنظيم الدولة في الرقة';
const ETAG = '"v1"';
const LAST_MODIFIED = 'Sat, 01 Mar 2025 12:00:00 GMT';
const KIB = 1024;
const MIB = 1024 * KIB;
/** The slow routes wait this long; every test against them must finish far sooner. */
const SLOW_MS = 2000;
/** Private addresses allowed: the test server is on 127.0.0.1. */
const LOCAL: FetchOptions = { allowPrivate: true };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
/** 16 MiB of zeros gzipped to about 16 KiB. */
const GZIP_BOMB = gzipSync(Buffer.alloc(16 * MIB));
const cp1256 = (text: string): Buffer => iconv.encode(text, 'windows-1256');

let server: Server;
let base = '';
let port = 0;
const received: { path: string; headers: IncomingHttpHeaders }[] = [];
let endlessClosed: Promise<void> = Promise.resolve();

function send(res: ServerResponse, status: number, headers: Record<string, string | number>, body: Buffer | string = ''): void {
  res.writeHead(status, headers);
  res.end(body);
}

function route(path: string, res: ServerResponse, headers: IncomingHttpHeaders): void {
  const url = new URL(path, base);
  switch (url.pathname) {
    case '/plain':
      return send(res, 200, { 'content-type': 'text/plain; charset=utf-8', etag: ETAG, 'last-modified': LAST_MODIFIED }, 'hello');
    case '/gzip':
      return send(res, 200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, gzipSync('zipped hello'));
    case '/br':
      return send(res, 200, { 'content-type': 'text/plain', 'content-encoding': 'br' }, brotliCompressSync('brotli hello'));
    case '/deflate':
      return send(res, 200, { 'content-type': 'text/plain', 'content-encoding': 'deflate' }, deflateSync('deflated hello'));
    case '/deflate-raw':
      return send(res, 200, { 'content-type': 'text/plain', 'content-encoding': 'deflate' }, deflateRawSync('raw deflated hello'));
    case '/deflate-split': {
      // The first byte alone, so the zlib-or-raw decision must wait for the second.
      const body = deflateSync('split deflated hello');
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'deflate' });
      res.write(body.subarray(0, 1));
      const timer = setTimeout(() => res.end(body.subarray(1)), 20);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case '/corrupt-gzip':
      return send(res, 200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }, Buffer.from('not gzip at all'));
    case '/conditional':
      if (headers['if-none-match'] === ETAG && headers['if-modified-since'] === LAST_MODIFIED) {
        return send(res, 304, { etag: ETAG });
      }
      return send(res, 200, { 'content-type': 'text/plain', etag: ETAG, 'last-modified': LAST_MODIFIED }, 'fresh');
    case '/missing':
      return send(res, 404, { 'content-type': 'text/html' }, '<h1>not found</h1>');
    case '/broken':
      return send(res, 500, { 'content-type': 'text/html' }, '<h1>oops</h1>');
    case '/busy':
      return send(res, 429, { 'retry-after': '7' }, 'slow down');
    case '/slow-headers': {
      const timer = setTimeout(() => send(res, 200, { 'content-type': 'text/plain' }, 'late'), SLOW_MS);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case '/slow-body': {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first half, ');
      const timer = setTimeout(() => res.end('second half'), SLOW_MS);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case '/big':
      return send(res, 200, { 'content-type': 'text/plain' }, Buffer.alloc(2 * MIB, 'a'));
    case '/big-chunked':
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 32; i++) res.write(Buffer.alloc(64 * KIB, 'a'));
      return void res.end();
    case '/bomb':
      return send(res, 200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }, GZIP_BOMB);
    case '/endless-gzip': {
      const zeros = Buffer.alloc(64 * KIB);
      const endless = new Readable({ read() { this.push(zeros); } });
      endlessClosed = new Promise((resolve) => res.on('close', resolve));
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      return void pipeline(endless, createGzip(), res, () => {});
    }
    case '/png-as-html':
      return send(res, 200, { 'content-type': 'text/html' }, PNG);
    case '/image':
      return send(res, 200, { 'content-type': 'image/png' }, PNG);
    case '/streaming-image': {
      // A large image still arriving when the fetcher gives up on it.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const timer = setInterval(() => res.write(Buffer.alloc(16 * 1024, 1)), 5);
      res.on('close', () => clearInterval(timer));
      setTimeout(() => {
        clearInterval(timer);
        res.end();
      }, 300);
      return;
    }
    case '/hop1':
      return send(res, 302, { location: '/hop2' });
    case '/hop2':
      return send(res, 301, { location: `${base}/plain` });
    case '/relative':
      return send(res, 307, { location: 'plain?via=relative' });
    case '/loop-a':
      return send(res, 302, { location: '/loop-b' });
    case '/loop-b':
      return send(res, 302, { location: '/loop-a' });
    case '/forever':
      return send(res, 302, { location: `/forever?n=${Number(url.searchParams.get('n') ?? 0) + 1}` });
    case '/no-location':
      return send(res, 302, {});
    case '/to': // redirects wherever ?url= says
      return send(res, 302, { location: url.searchParams.get('url') ?? '/' });
    case '/ar-header':
      return send(res, 200, { 'content-type': 'text/html; charset=windows-1256' }, cp1256(`<p>${ARABIC}</p>`));
    case '/ar-iso':
      return send(res, 200, { 'content-type': 'text/html; charset=ISO-8859-6' }, iconv.encode(`<p>${ARABIC}</p>`, 'iso-8859-6'));
    case '/ar-xml':
      return send(
        res,
        200,
        { 'content-type': 'application/rss+xml' },
        cp1256(`<?xml version="1.0" encoding="windows-1256"?><rss><channel><title>${ARABIC}</title></channel></rss>`),
      );
    case '/ar-meta':
      return send(
        res,
        200,
        { 'content-type': 'text/html' },
        cp1256(`<html><head><meta charset="windows-1256"><title>x</title></head><body><p>${ARABIC}</p></body></html>`),
      );
    case '/ar-none':
      return send(res, 200, { 'content-type': 'text/html' }, cp1256(`<p>${ARABIC}، ${ARABIC}</p>`));
    default:
      return send(res, 404, {}, '');
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    received.push({ path: req.url ?? '', headers: req.headers });
    route(req.url ?? '/', res, req.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The FetchError a fetch rejects with. */
async function failure(promise: Promise<FetchResult>): Promise<FetchError> {
  const err: unknown = await promise.then(
    () => new Error('expected the fetch to fail'),
    (e: unknown) => e,
  );
  if (!(err instanceof FetchError)) throw err;
  return err;
}

async function expectCode(promise: Promise<FetchResult>, code: FetchErrorCode): Promise<FetchError> {
  const err = await failure(promise);
  expect(err.code, err.message).toBe(code);
  return err;
}

async function okBody(path: string, options: FetchOptions = LOCAL): Promise<string> {
  const result = await fetchUrl(`${base}${path}`, options);
  if (result.status !== 'ok') throw new Error(`expected ok, got ${result.status}`);
  return result.body.toString('utf8');
}

function lastRequest(path: string): IncomingHttpHeaders {
  const hit = received.findLast((r) => r.path === path);
  if (hit === undefined) throw new Error(`no request for ${path}`);
  return hit.headers;
}

describe('fetchUrl: responses', () => {
  it('fetches a plain 200 with its metadata and sends the default headers', async () => {
    const result = await fetchUrl(`${base}/plain`, LOCAL);
    expect(result).toEqual({
      status: 'ok',
      url: `${base}/plain`,
      httpStatus: 200,
      contentType: 'text/plain',
      charset: 'utf-8',
      body: Buffer.from('hello'),
      etag: ETAG,
      lastModified: LAST_MODIFIED,
    });
    const sent = lastRequest('/plain');
    expect(sent['user-agent']).toBe('Rasid/0.1 (+news digest bot)');
    expect(sent['accept-encoding']).toBe('gzip, deflate, br');
    expect(sent.accept).toContain('application/rss+xml');
  });

  it('sends a custom Accept and User-Agent', async () => {
    await okBody('/plain?custom', { ...LOCAL, accept: 'application/json', userAgent: 'TestBot/1' });
    expect(lastRequest('/plain?custom')).toMatchObject({ accept: 'application/json', 'user-agent': 'TestBot/1' });
  });

  it.each([
    ['/gzip', 'zipped hello'],
    ['/br', 'brotli hello'],
    ['/deflate', 'deflated hello'],
    ['/deflate-raw', 'raw deflated hello'],
    ['/deflate-split', 'split deflated hello'],
  ])('decompresses %s', async (path, text) => {
    expect(await okBody(path)).toBe(text);
  });

  it('reports a corrupt compressed body as a network error', async () => {
    const err = await expectCode(fetchUrl(`${base}/corrupt-gzip`, LOCAL), 'network');
    expect(err.message).toContain('gzip compressed body is corrupt');
  });

  it('sends If-None-Match and If-Modified-Since and reports 304 as not_modified', async () => {
    const result = await fetchUrl(`${base}/conditional`, { ...LOCAL, etag: ETAG, lastModified: LAST_MODIFIED });
    expect(result).toEqual({ status: 'not_modified', url: `${base}/conditional`, etag: ETAG, lastModified: LAST_MODIFIED });
    expect(lastRequest('/conditional')).toMatchObject({ 'if-none-match': ETAG, 'if-modified-since': LAST_MODIFIED });
  });

  it('gets the full body when the validators do not match', async () => {
    const result = await fetchUrl(`${base}/conditional`, { ...LOCAL, etag: '"old"' });
    expect(result.status).toBe('ok');
  });

  it.each([
    ['/missing', 404, 'HTTP 404 Not Found: the page does not exist (any more); check the link'],
    ['/broken', 500, 'HTTP 500 Internal Server Error: the server failed; try again later'],
  ])('turns %s into http_status %d', async (path, status, reason) => {
    const err = await expectCode(fetchUrl(`${base}${path}`, LOCAL), 'http_status');
    expect(err.httpStatus).toBe(status);
    expect(err.retryAfterMs).toBeUndefined();
    expect(err.message).toBe(`${base}${path}: ${reason}`);
  });

  it('reads Retry-After on 429', async () => {
    const err = await expectCode(fetchUrl(`${base}/busy`, LOCAL), 'http_status');
    expect(err).toMatchObject({ httpStatus: 429, retryAfterMs: 7000 });
    expect(err.message).toContain('retry after 7 s');
  });
});

describe('fetchUrl: limits', () => {
  it.each(['/slow-headers', '/slow-body'])('times out on %s within the deadline', async (path) => {
    const started = Date.now();
    const err = await expectCode(fetchUrl(`${base}${path}`, { ...LOCAL, timeoutMs: 200 }), 'timeout');
    expect(err.message).toContain('timed out after 0.2 s');
    expect(Date.now() - started).toBeLessThan(SLOW_MS / 2);
  });

  it("rethrows the caller's own abort reason", async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    setTimeout(() => controller.abort(reason), 50);
    await expect(fetchUrl(`${base}/slow-headers`, { ...LOCAL, signal: controller.signal })).rejects.toBe(reason);
  });

  it.each(['/big', '/big-chunked'])('refuses %s over maxBytes', async (path) => {
    const err = await expectCode(fetchUrl(`${base}${path}`, { ...LOCAL, maxBytes: MIB }), 'too_large');
    expect(err.message).toContain('passed the limit of 1 MiB (1048576 bytes)');
  });

  it('accepts a body exactly at maxBytes', async () => {
    expect(await okBody('/plain', { ...LOCAL, maxBytes: 5 })).toBe('hello');
  });

  it('stops inflating a gzip bomb at the cap', async () => {
    expect(GZIP_BOMB.length).toBeLessThan(MIB / 8);
    const err = await expectCode(fetchUrl(`${base}/bomb`, { ...LOCAL, maxBytes: MIB }), 'too_large');
    expect(err.message).toContain('the body passed the limit of 1 MiB');
  });

  it('stops reading an endless gzip stream and hangs up', async () => {
    await expectCode(fetchUrl(`${base}/endless-gzip`, { ...LOCAL, maxBytes: MIB }), 'too_large');
    await endlessClosed; // the server saw the connection close
  });

  it('refuses binary bytes served as text/html', async () => {
    const err = await expectCode(fetchUrl(`${base}/png-as-html`, LOCAL), 'binary');
    expect(err.message).toContain('the content is binary data (16 bytes)');
  });

  it('gives up on a binary body still arriving without an uncaught error (it would end the service)', async () => {
    const uncaught: unknown[] = [];
    const listener = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', listener);
    try {
      await expectCode(fetchUrl(`${base}/streaming-image`, LOCAL), 'binary');
      await new Promise((r) => setTimeout(r, 100));
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', listener);
    }
  });

  it('refuses an image by its Content-Type', async () => {
    const err = await expectCode(fetchUrl(`${base}/image`, LOCAL), 'binary');
    expect(err.message).toBe(
      `${base}/image: the link is a image/png file, not a text page or feed; only HTML, XML/RSS/Atom and JSON can be read, so link to the article page instead`,
    );
  });
});

describe('fetchUrl: redirects', () => {
  it('follows a chain of two and reports the final URL', async () => {
    const result = await fetchUrl(`${base}/hop1`, LOCAL);
    expect(result).toMatchObject({ status: 'ok', url: `${base}/plain`, body: Buffer.from('hello') });
  });

  it('resolves a relative Location', async () => {
    const result = await fetchUrl(`${base}/relative`, LOCAL);
    expect(result.url).toBe(`${base}/plain?via=relative`);
  });

  it('detects a loop', async () => {
    const err = await expectCode(fetchUrl(`${base}/loop-a`, LOCAL), 'too_many_redirects');
    expect(err.message).toBe(`${base}/loop-b: redirect loop: it leads back to ${base}/loop-a; the site is misconfigured`);
  });

  it('stops after maxRedirects', async () => {
    const err = await expectCode(fetchUrl(`${base}/forever`, { ...LOCAL, maxRedirects: 3 }), 'too_many_redirects');
    expect(err.url).toBe(`${base}/forever?n=3`);
    expect(err.message).toContain('more than 3 redirects');
    expect(await okBody('/hop1', { ...LOCAL, maxRedirects: 2 })).toBe('hello');
    await expectCode(fetchUrl(`${base}/hop1`, { ...LOCAL, maxRedirects: 1 }), 'too_many_redirects');
  });

  it('refuses a redirect without Location', async () => {
    const err = await expectCode(fetchUrl(`${base}/no-location`, LOCAL), 'http_status');
    expect(err.httpStatus).toBe(302);
  });

  it('refuses a redirect to another scheme', async () => {
    const err = await expectCode(fetchUrl(`${base}/to?url=ftp://example.com/feed`, LOCAL), 'unsupported_scheme');
    expect(err.message).toContain(`(redirected from ${base}/to?url=ftp://example.com/feed)`);
  });

  it('refuses a redirect to the cloud metadata address, even with private addresses allowed', async () => {
    const err = await expectCode(fetchUrl(`${base}/to?url=http://169.254.169.254/latest/meta-data/`, LOCAL), 'blocked_address');
    expect(err.url).toBe('http://169.254.169.254/latest/meta-data/');
    expect(err.message).toBe(
      'http://169.254.169.254/latest/meta-data/: refused: the address 169.254.169.254 is link-local (cloud metadata); it is never fetched, whatever the settings',
    );
  });

  it('refuses a redirect to a metadata host name before resolving it', async () => {
    const err = await expectCode(fetchUrl(`${base}/to?url=http://metadata.google.internal/computeMetadata/v1/`, LOCAL), 'blocked_address');
    expect(err.message).toContain('metadata.google.internal is a cloud metadata host name');
  });
});

describe('fetchUrl: the address guard', () => {
  it('refuses 127.0.0.1 with private addresses off, with a message saying how to allow it', async () => {
    const requestsBefore = received.length;
    const err = await expectCode(fetchUrl(`${base}/plain`, { allowPrivate: false }), 'blocked_address');
    expect(received.length).toBe(requestsBefore); // refused before connecting
    expect(err.message).toBe(
      `${base}/plain: refused: the address 127.0.0.1 is loopback; links to private networks are not fetched (set RASID_ALLOW_PRIVATE_URLS=1 for intranets and tests)`,
    );
  });

  it('refuses a name that resolves to 127.0.0.1 (real DNS: localhost)', async () => {
    const err = await expectCode(fetchUrl(`http://localhost:${port}/plain`, { allowPrivate: false }), 'blocked_address');
    expect(err.message).toMatch(/refused: localhost resolves to (127\.0\.0\.1|::1), which is loopback/u);
  });

  it.each([`http://[::1]:PORT/plain`, `http://[::ffff:127.0.0.1]:PORT/plain`, `http://2130706433:PORT/plain`, `http://0x7f.1:PORT/plain`])(
    'refuses the loopback spelling %s',
    async (link) => {
      await expectCode(fetchUrl(link.replace('PORT', String(port)), { allowPrivate: false }), 'blocked_address');
    },
  );

  it('blocks private addresses unless the caller allows them (the environment plays no part)', async () => {
    vi.stubEnv('RASID_ALLOW_PRIVATE_URLS', '1');
    try {
      await expectCode(fetchUrl(`${base}/plain`), 'blocked_address');
    } finally {
      vi.unstubAllEnvs();
    }
    expect(await okBody('/plain', { allowPrivate: true })).toBe('hello');
  });

  // The seam: a resolver for made-up names, and a guard that treats `public.test` (really
  // 127.0.0.1) as a public site, so the first hop is allowed and only the next one is judged.
  const NAMES: Readonly<Record<string, readonly ResolvedAddress[]>> = {
    'public.test': [{ address: '127.0.0.1', family: 4 }],
    'intranet.test': [{ address: '10.0.0.7', family: 4 }],
    'rebind.test': [
      { address: '93.184.216.34', family: 4 },
      { address: '127.0.0.1', family: 4 },
    ],
  };
  const resolved: string[] = [];
  const seamFetch = createFetcher({
    resolve: async (hostname) => {
      resolved.push(hostname);
      const addresses = NAMES[hostname];
      if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      return addresses;
    },
    guard: (address, context) => (context.hostname === 'public.test' ? null : isBlockedAddress(address, context)),
  });
  const publicBase = (): string => `http://public.test:${port}`;
  const off: FetchOptions = { allowPrivate: false };

  it('lets the seam reach the test server as a public site', async () => {
    const result = await seamFetch(`${publicBase()}/plain`, off);
    expect(result).toMatchObject({ status: 'ok', url: `${publicBase()}/plain` });
    expect(lastRequest('/plain').host).toBe(`public.test:${port}`);
  });

  it('refuses a redirect from an allowed site to 127.0.0.1', async () => {
    const err = await expectCode(seamFetch(`${publicBase()}/to?url=${base}/plain`, off), 'blocked_address');
    expect(err.url).toBe(`${base}/plain`);
    expect(err.message).toContain('the address 127.0.0.1 is loopback');
  });

  it('checks a redirect target at connect time, after resolving it', async () => {
    resolved.length = 0;
    const err = await expectCode(seamFetch(`${publicBase()}/to?url=http://intranet.test:${port}/plain`, off), 'blocked_address');
    expect(resolved).toEqual(['public.test', 'intranet.test']);
    expect(err.message).toBe(
      `http://intranet.test:${port}/plain: refused: intranet.test resolves to 10.0.0.7, which is private; links to private networks are not fetched (set RASID_ALLOW_PRIVATE_URLS=1 for intranets and tests)`,
    );
  });

  it('refuses a name when any of its addresses is blocked (DNS rebinding)', async () => {
    const err = await expectCode(seamFetch(`http://rebind.test:${port}/plain`, off), 'blocked_address');
    expect(err.message).toContain('rebind.test resolves to 127.0.0.1, which is loopback');
  });

  it('reports a name that does not resolve as dns', async () => {
    const err = await expectCode(seamFetch(`http://nowhere.test:${port}/plain`, off), 'dns');
    expect(err.message).toBe(
      `http://nowhere.test:${port}/plain: could not resolve the host nowhere.test (ENOTFOUND); check the link for typos, or try again later`,
    );
  });

  it('reports a refused connection as network', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const err = await expectCode(fetchUrl(`http://127.0.0.1:${freePort}/`, LOCAL), 'network');
    expect(err.message).toContain('ECONNREFUSED');
  });
});

describe('fetchUrl: links refused before any request', () => {
  it.each([
    ['ftp://example.com/feed.xml', 'unsupported_scheme', 'ftp://example.com/feed.xml: the ftp: scheme is not supported; only http: and https: links are fetched'],
    ['javascript:alert(1)', 'unsupported_scheme', 'javascript:alert(1): the javascript: scheme is not supported; only http: and https: links are fetched'],
    ['http://user:pass@example.com/', 'invalid_url', 'http://***@example.com/: links with a user name or password are refused; remove the "user:password@" part'],
    ['not a link', 'invalid_url', 'not a link: not a valid absolute URL; send a full link such as https://example.com/page'],
  ] as const)('%s → %s', async (link, code, message) => {
    const err = await expectCode(fetchUrl(link), code);
    expect(err.message).toBe(message);
    expect(err.message).not.toContain('pass@');
  });
});

describe('fetchUrl + decodeBody: Arabic in legacy encodings', () => {
  it.each(['/ar-header', '/ar-iso', '/ar-xml', '/ar-meta', '/ar-none'])('%s decodes to the Arabic text', async (path) => {
    const result = await fetchUrl(`${base}${path}`, LOCAL);
    if (result.status !== 'ok') throw new Error('expected ok');
    expect(decodeBody(result)).toContain(ARABIC);
  });

  it('passes the header charset through', async () => {
    const result = await fetchUrl(`${base}/ar-header`, LOCAL);
    expect(result).toMatchObject({ contentType: 'text/html', charset: 'windows-1256' });
  });
});
