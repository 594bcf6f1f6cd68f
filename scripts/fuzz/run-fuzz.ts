/** Runs hostile inputs through Rasid's core on loopback only, and counts crashes, hangs over budget and reports lost. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleChatMessage, newChatSession } from '../../bots/chat/handle-chat-message.js';
import { loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';
import { createCore, type Core } from '../../src/create-core.js';
import { FeedInputError } from '../../src/feeds/feed-service.js';
import { FeedParseError, parseFeed } from '../../src/feeds/parse-feed.js';
import { closePageWorkers, extractPage, PAGE_BUDGET_MS } from '../../src/ingest/extract-page.js';
import { SourceFileError } from '../../src/ingest/source-file-error.js';
import { createLogger } from '../../src/log/create-logger.js';
import { canaryText, hostileFeed, hostileFile, hostilePage, hostileQuery, rng, type Rand } from './hostile-inputs.js';

export interface FuzzCounts {
  readonly queries: number;
  readonly feeds: number;
  readonly pages: number;
  readonly files: number;
  /** Feeds added over loopback HTTP (each with items linking to pages on the same server). */
  readonly servedFeeds: number;
  /** Article links ingested over loopback HTTP. */
  readonly servedLinks: number;
}

export const DEFAULT_COUNTS: FuzzCounts = { queries: 4_000, feeds: 4_000, pages: 600, files: 1_200, servedFeeds: 100, servedLinks: 200 };

/** Longest each kind of input may take before it counts as a hang. */
export const BUDGETS_MS = { query: 1_000, feed: 2_000, page: PAGE_BUDGET_MS + 2_000, file: PAGE_BUDGET_MS + 5_000, servedFeed: 150_000, servedLink: 30_000 } as const;

export interface FuzzProblem {
  readonly kind: keyof typeof BUDGETS_MS;
  readonly input: number;
  readonly detail: string;
}

export interface FuzzResult {
  readonly inputs: Record<keyof FuzzCounts, number>;
  readonly crashes: FuzzProblem[];
  readonly hangs: FuzzProblem[];
  /** Valid reports inside hostile inputs that were not stored. */
  readonly lost: FuzzProblem[];
  readonly expectedReports: number;
  readonly seconds: number;
  readonly stoppedEarly: boolean;
}

export interface FuzzOptions {
  readonly seed?: number;
  readonly counts?: Partial<FuzzCounts>;
  /** Stops starting new inputs after this long (the count then falls short, and says so). */
  readonly maxSeconds?: number;
  readonly onProgress?: (line: string) => void;
}

const short = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).split('\n')[0]!.slice(0, 200);

/** A loopback server: /feed/<n> hostile feeds, /goodfeed/<n> a feed of good items, /page/<n> hostile pages, /good/<n> an article. */
async function startServer(seed: number): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const m = /^\/(feed|goodfeed|page|good)\/(\d+)$/u.exec(req.url ?? '');
    if (m === null) {
      res.writeHead(404).end();
      return;
    }
    const n = Number(m[2]);
    const r = rng(seed * 7919 + n);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (m[1] === 'feed') res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(hostileFeed(r).replaceAll('http://127.0.0.1/a/', `${base}/page/`));
    else if (m[1] === 'page') res.writeHead(200, { 'content-type': pickType(r) }).end(hostilePage(r));
    else if (m[1] === 'good') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title></head><body><article><p>${canaryText(1_000_000 + n)}</p></article></body></html>`);
    else {
      const items = [0, 1].map((k) => `<item><title>خبر ${n}-${k}</title><link>${base}/good/${2 * n + k + 500_000}</link><guid>gf${n}-${k}</guid></item>`).join('');
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function pickType(r: Rand): string {
  return ['text/html', 'text/html; charset=windows-1256', 'application/pdf', 'text/plain', 'application/xhtml+xml'][Math.floor(r() * 5)]!;
}

/** Feeds hostile inputs of every kind through the core; never throws for what the inputs do. */
export async function runFuzz(options: FuzzOptions = {}): Promise<FuzzResult> {
  const seed = options.seed ?? 1;
  const counts = { ...DEFAULT_COUNTS, ...options.counts };
  const started = performance.now();
  const deadline = started + (options.maxSeconds ?? 600) * 1000;
  const report = options.onProgress ?? (() => undefined);
  let phase = performance.now();
  const progress = (line: string) => {
    report(`${line} (${((performance.now() - phase) / 1000).toFixed(1)} s)`);
    phase = performance.now();
  };
  const dir = mkdtempSync(join(tmpdir(), 'rasid-fuzz-'));
  const config = loadConfig({ RASID_DB: join(dir, 'fuzz.db'), RASID_INBOX: join(dir, 'inbox'), RASID_ALLOW_PRIVATE_URLS: '1' }, repoPath('tests', 'no-such.env'));
  const core: Core = createCore({ config, logger: createLogger({ level: 'silent', format: 'json' }) });
  const inputs = { queries: 0, feeds: 0, pages: 0, files: 0, servedFeeds: 0, servedLinks: 0 };
  const crashes: FuzzProblem[] = [];
  const hangs: FuzzProblem[] = [];
  const lost: FuzzProblem[] = [];
  let expectedReports = 0;
  let stoppedEarly = false;
  const { server, base } = await startServer(seed);

  /** Runs one input, timing it against its budget; `expected` errors are the input's fault, not a crash. */
  const attempt = async (kind: keyof typeof BUDGETS_MS, n: number, fn: () => unknown, expected: (err: unknown) => boolean = () => false) => {
    const t0 = performance.now();
    try {
      await fn();
    } catch (err) {
      if (!expected(err)) crashes.push({ kind, input: n, detail: short(err) });
    }
    const ms = performance.now() - t0;
    if (ms > BUDGETS_MS[kind]) hangs.push({ kind, input: n, detail: `${Math.round(ms)} ms` });
  };
  const timeLeft = () => {
    if (performance.now() < deadline) return true;
    stoppedEarly = true;
    return false;
  };

  try {
    await core.ingestPaths([repoPath('data', 'corpus')]);
    const r = rng(seed);
    const session = newChatSession('ar');
    for (let n = 0; n < counts.queries && timeLeft(); n++, inputs.queries++) {
      const q = hostileQuery(r);
      await attempt('query', n, () => {
        core.search(q, { limit: 5, offset: Math.floor(r() * 3) * 5 });
        handleChatMessage(q, session, core);
      });
    }
    progress(`queries ${inputs.queries}`);
    for (let n = 0; n < counts.feeds && timeLeft(); n++, inputs.feeds++) {
      const text = hostileFeed(r);
      await attempt('feed', n, () => parseFeed(text, 'http://127.0.0.1/feed.xml'), (e) => e instanceof FeedParseError);
    }
    progress(`feeds ${inputs.feeds}`);
    for (let n = 0; n < counts.pages && timeLeft(); n++, inputs.pages++) {
      const html = hostilePage(r);
      await attempt('page', n, () => extractPage(html), (e) => e instanceof SourceFileError);
    }
    progress(`pages ${inputs.pages}`);
    const canaries: { n: number; canary: string }[] = [];
    for (let n = 0; n < counts.files && timeLeft(); n++, inputs.files++) {
      const file = hostileFile(r, n);
      const path = join(dir, file.name);
      writeFileSync(path, file.bytes);
      if (file.canary !== null) canaries.push({ n, canary: file.canary });
      await attempt('file', n, () => core.ingestPaths([path]));
      rmSync(path, { force: true });
    }
    progress(`files ${inputs.files}`);
    for (let n = 0; n < counts.servedFeeds && timeLeft(); n++, inputs.servedFeeds++) {
      const good = n % 10 === 0;
      await attempt('servedFeed', n, () => core.feeds.add(`${base}/${good ? 'goodfeed' : 'feed'}/${n}`), (e) => e instanceof FeedInputError);
      if (good) for (const k of [0, 1]) canaries.push({ n, canary: `url:${base}/good/${2 * n + k + 500_000}` });
    }
    progress(`served feeds ${inputs.servedFeeds}`);
    for (let n = 0; n < counts.servedLinks && timeLeft(); n++, inputs.servedLinks++) {
      const good = n % 5 === 0;
      await attempt('servedLink', n, () => core.feeds.ingestUrl(`${base}/${good ? 'good' : 'page'}/${n}`));
      if (good) canaries.push({ n, canary: `url:${base}/good/${n}` });
    }
    progress(`served links ${inputs.servedLinks}`);

    // Every valid report carried by a hostile input must be stored.
    for (const { n, canary } of canaries) {
      expectedReports++;
      const found = canary.startsWith('text:')
        ? core.store.countBodiesContaining(`الحادثة رقم ${canary.slice(5)}.`) > 0
        : canary.startsWith('url:')
          ? core.store.findByUrl(canary.slice(4)) !== undefined
          : core.store.findByExternalId(canary) !== undefined;
      if (!found) lost.push({ kind: canary.startsWith('url:') ? 'servedLink' : 'file', input: n, detail: canary });
    }
    const integrity = core.integrityCheck();
    if (integrity !== 'ok') crashes.push({ kind: 'file', input: -1, detail: `integrity_check: ${String(integrity)}` });
  } finally {
    server.closeAllConnections();
    server.close();
    core.close();
    await closePageWorkers();
    rmSync(dir, { recursive: true, force: true });
  }
  return { inputs, crashes, hangs, lost, expectedReports, seconds: Math.round((performance.now() - started) / 1000), stoppedEarly };
}
