import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { printIngestSummary } from '../../bots/console/print-ingest-summary.js';
import type { Core } from '../../src/create-core.js';
import { FeedInputError } from '../../src/feeds/feed-service.js';
import { parseFeed } from '../../src/feeds/parse-feed.js';
import { withoutCredentials } from '../../src/fetch/redact-url.js';
import { createLogger } from '../../src/log/create-logger.js';
import { testCore } from '../helpers/test-core.js';

let core: Core | undefined;
afterEach(() => core?.close());

describe('withoutCredentials', () => {
  it.each([
    ['https://bob:s3cret@example.org/feed.xml', 'https://***@example.org/feed.xml'],
    ['failed: http://token@127.0.0.1:8080/x: refused', 'failed: http://***@127.0.0.1:8080/x: refused'],
    ['two: https://a:b@x.example/ and ftp://c:d@y.example/', 'two: https://***@x.example/ and ftp://***@y.example/'],
    ['no credentials: https://example.org/a@b', 'no credentials: https://example.org/a@b'],
    ['an e-mail user@example.org is not a URL', 'an e-mail user@example.org is not a URL'],
  ])('%s', (text, expected) => {
    expect(withoutCredentials(text)).toBe(expected);
  });

  it('is applied to every log line', () => {
    let out = '';
    const destination = new Writable({ write: (c: Buffer, _e, done) => ((out += c.toString()), done()) });
    createLogger({ level: 'info', format: 'json', destination }).warn({ feed: 'https://bob:s3cret@example.org/f' }, 'poll of https://bob:s3cret@example.org/f failed');
    expect(out).not.toContain('s3cret');
    expect(out).toContain('"feed":"https://***@example.org/f"');
  });

  it('is applied to the printed ingest summary', () => {
    let out = '';
    const sink = new Writable({ write: (c: Buffer, _e, done) => ((out += c.toString()), done()) });
    printIngestSummary({ added: 0, updated: 0, unchanged: 0, failed: 1, changedIds: [], failures: [{ origin: 'https://bob:s3cret@example.org/a', reason: 'refused' }] }, sink);
    expect(out).toBe('added 0 · updated 0 · unchanged 0 · failed 1\n  failed: https://***@example.org/a: refused\n');
  });
});

describe('feeds add with an address that is refused', () => {
  it.each([
    ['http://127.0.0.1:1/feed.xml', /^not added: http:\/\/127\.0\.0\.1:1\/feed\.xml: refused: the address 127\.0\.0\.1 is loopback/],
    ['http://169.254.169.254/latest/meta-data/', /^not added: http:\/\/169\.254\.169\.254\/latest\/meta-data\/: refused/],
  ])('%s is not saved', async (url, message) => {
    core = testCore();
    await expect(core.feeds.add(url)).rejects.toThrow(FeedInputError);
    await expect(core.feeds.add(url)).rejects.toThrow(message);
    expect(core.feeds.list()).toEqual([]);
  });
});

describe('smaller things', () => {
  it.each([
    ['{"version":"https://jsonfeed.org/version/1.1","title":"x"}', 'malformed JSON Feed: "items" is missing; a JSON Feed lists its items in an "items" array'],
    ['{"version":"https://jsonfeed.org/version/1.1","title":"x","items":"nope"}', 'malformed JSON Feed: "items" is a string, not an array; a JSON Feed lists its items in an "items" array'],
  ])('a JSON Feed without an items array is an error, not an empty feed: %s', (body, reason) => {
    expect(() => parseFeed(body, 'https://x.example/f.json')).toThrow(reason);
  });

  it('a one-sentence report without a full stop is stored, its sentence both title and text', () => {
    core = testCore();
    const result = core.ingestOne({ text: 'انفجرت سيارة مفخخة في مدينة الرقة صباح اليوم', origin: 'one.txt' });
    expect(result).toMatchObject({ ok: true, status: 'added', title: 'انفجرت سيارة مفخخة في مدينة الرقة صباح اليوم' });
    expect(core.store.get(1)!.body).toBe('انفجرت سيارة مفخخة في مدينة الرقة صباح اليوم');
  });
});

describe('a query longer than anyone types', () => {
  it('is read up to 500 characters, cut at white space, and answers fast', async () => {
    const { boundedQuery } = await import('../../src/create-core.js');
    expect(boundedQuery('هجمات في الرقة')).toBe('هجمات في الرقة');
    expect(boundedQuery(`${'كلمة '.repeat(120)}`)).toBe('كلمة '.repeat(99) + 'كلمة');
    expect(boundedQuery('x'.repeat(600))).toBe('x'.repeat(500));
    core = testCore();
    const started = performance.now();
    core.search('<script>'.repeat(2_000), { limit: 5, offset: 0 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
