import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { handleChatMessage, newChatSession } from '../../bots/chat/handle-chat-message.js';
import { closePageWorkers, extractPage } from '../../src/ingest/extract-page.js';
import { readSourceFile } from '../../src/ingest/read-source-file.js';
import type { ReadItem } from '../../src/ingest/raw-report.js';
import { seededCore } from '../helpers/test-core.js';

afterAll(() => closePageWorkers());

const ARTICLE = '<html><head><meta property="og:site_name" content="منفذ تجريبي"></head><body><article><p>انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين.</p></article></body></html>';
/** The worst page found: Readability's time grows much faster than the nesting. */
const nested = (depth: number) => `<html><body>${'<div>'.repeat(depth)}<p>نص قصير في أعماق الصفحة.</p>${'</div>'.repeat(depth)}</body></html>`;

describe('reading pages in a worker', () => {
  it.each([
    ['nested 1,000 deep', nested(1_000), 'the page nests its elements more than 250 deep; it is not an article page Rasid can read (a broken or hostile page)'],
    ['nested 20,000 deep', nested(20_000), 'the page nests its elements more than 250 deep; it is not an article page Rasid can read (a broken or hostile page)'],
    ['20,000 elements', `<html><body>${'<span>x</span>'.repeat(20_000)}</body></html>`, 'the page has more than 15000 elements; it is not an article page Rasid can read (save the article alone)'],
    ['of bare nested <div>s, without <html> or <body>', '<div>'.repeat(3_000), 'the page nests its elements more than 250 deep; it is not an article page Rasid can read (a broken or hostile page)'],
    ['white space only', ' \n\t ', 'the HTML page holds no text; check that it is a saved article page'],
  ])('refuses a page %s with a clear reason', async (_name, html, reason) => {
    await expect(extractPage(html)).rejects.toThrow(reason);
  });

  it('stops a page past its time budget by killing its worker, then reads the next page normally', async () => {
    const noLimits = { maxElements: 1e7, maxDepth: 1e7 };
    await expect(extractPage(nested(2_000), { limits: noLimits, budgetMs: 300 })).rejects.toThrow(
      'reading the page took longer than 0.3 s, so it was stopped; it is too large or too complex to be an article page',
    );
    await expect(extractPage(ARTICLE)).resolves.toMatchObject({ source: 'منفذ تجريبي', text: 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين.' });
  });
});

describe('the chat answers while the worst pages are ingested', () => {
  it('/latest answers within 1 s at every moment of the ingest', async () => {
    const core = await seededCore();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'rasid-worst-'));
      writeFileSync(join(dir, 'a-nested-1000.html'), nested(1_000));
      writeFileSync(join(dir, 'b-nested-4000.html'), nested(4_000));
      writeFileSync(join(dir, 'c-wide.html'), `<html><body>${'<div><p>سطر</p></div>'.repeat(6_000)}</body></html>`);
      writeFileSync(join(dir, 'd-article.html'), ARTICLE);
      let finished = false;
      const ingest = core.ingestPaths([dir]).finally(() => (finished = true));
      const session = newChatSession('ar');
      const latencies: number[] = [];
      // Each probe is scheduled 20 ms after the last answer; its latency counts the wait for the thread too.
      while (!finished) {
        const asked = performance.now();
        await new Promise((r) => setTimeout(r, 20));
        const reply = handleChatMessage('/latest', session, core);
        latencies.push(performance.now() - asked);
        expect(reply.kind).toBe('results');
      }
      const summary = await ingest;
      // The wide page is read (slowly, in its worker) and the article too; the nested ones are refused.
      expect(summary).toMatchObject({ added: 2, failed: 2 });
      expect(summary.failures.map((f) => f.reason.split(';')[0])).toEqual([
        'the page nests its elements more than 250 deep',
        'the page nests its elements more than 250 deep',
      ]);
      if (process.env.RASID_SHOW_LATENCY) console.log(`probes ${latencies.length}, max ${Math.round(Math.max(...latencies))} ms`);
      expect(latencies.length).toBeGreaterThan(3);
      expect(Math.max(...latencies)).toBeLessThan(1_000);
    } finally {
      core.close();
    }
  }, 30_000);
});

describe('a compressed file that expands without end', () => {
  async function all(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
    const out: ReadItem[] = [];
    for await (const i of items) out.push(i);
    return out;
  }
  const lines = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ text: `تقرير رقم ${i} عن هجوم في الرقة.` })).join('\n');

  it('is read up to the line cap, then one failure says where it stopped and why', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rasid-gz-')), 'many.jsonl.gz');
    writeFileSync(path, gzipSync(lines(30)));
    const items = await all(readSourceFile(path, { gzipLimits: { bytes: 1e9, lines: 10 } }));
    expect(items.filter((i) => i.ok)).toHaveLength(10);
    expect(items.at(-1)).toEqual({ ok: false, origin: `${path}:11`, reason: 'reading stopped at line 11: a compressed file is read up to 10 lines once expanded; split it into smaller files' });
    expect(items).toHaveLength(11);
  });

  it('is read up to the decompressed-size cap', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'rasid-gz-')), 'big.jsonl.gz');
    writeFileSync(path, gzipSync(lines(30)));
    const items = await all(readSourceFile(path, { gzipLimits: { bytes: 500, lines: 1e6 } }));
    expect(items.at(-1)).toMatchObject({ ok: false, reason: expect.stringMatching(/^reading stopped at line \d+: a compressed file is read up to 500 bytes once expanded/) });
    expect(items.filter((i) => i.ok).length).toBeGreaterThan(3);
  });
});
