import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSourceFile, SUPPORTED_EXTENSIONS, type ReadItem } from '../../src/ingest/read-source-file.js';
import { readSeed } from './seed-pages.js';

const P1 = 'أعلنت قوات سوريا الديمقراطية اعتقال خلية لتنظيم داعش في ريف دير الزور الشرقي بعد مداهمة ليلية استمرت ساعات، وفق ما أفادت مصادر محلية.';
const P2 = 'وقالت المصادر إن العملية شاركت فيها طائرات التحالف الدولي، وأسفرت عن ضبط أسلحة وذخائر ووثائق تعود للتنظيم في بلدة الشحيل.';
const P3 = 'ويشهد ريف دير الزور نشاطاً متزايداً لخلايا التنظيم منذ مطلع العام، إذ تبنى عشرات الهجمات ضد حواجز قسد والقوات الحكومية.';

/** An article page in the given charset, with chrome that Readability must leave out. */
function articleHtml(charsetTag: string, head = ''): string {
  return `<!DOCTYPE html><html lang="ar" dir="rtl"><head>${charsetTag}<title>اعتقال خلية لداعش - عنب بلدي</title>
<meta property="og:title" content="اعتقال خلية لداعش في دير الزور"><meta property="og:site_name" content="عنب بلدي">
<link rel="canonical" href="https://www.enabbaladi.net/12345/">${head}
<script>var hidden = "لا تظهر";</script></head><body><header><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav></header>
<main><article><h1>اعتقال خلية لداعش في دير الزور</h1><p>${P1}</p><p>${P2}</p><p>${P3}</p></article></main>
<footer>© 2024 عنب بلدي</footer></body></html>`;
}

const HTML_REPORT = {
  text: [P1, P2, P3].join('\n\n'),
  title: 'اعتقال خلية لداعش في دير الزور',
  url: 'https://www.enabbaladi.net/12345/',
  source: 'عنب بلدي',
  lang: 'ar',
};

const JSONL_LINES = [
  JSON.stringify({ id: 1, text: 'النص الأول', published_at: '2022-02-24' }),
  JSON.stringify({ id: 'b2', text: 'النص الثاني', url: 'https://example.org/2', title: 'عنوان', source: 'الحل نت', lang: 'ar' }),
  '{"text": "سطر مبتور',
  '',
  JSON.stringify({ id: 4, title: 'بلا نص' }),
  JSON.stringify({ text: 'النص الخامس', published_at: 'Tue, 21 Jul 2015 02:51:32 GMT' }),
  JSON.stringify({ text: 'النص السادس', published_at: 1645660800 }),
];

let dir = '';
const at = (name: string) => join(dir, name);

async function readAll(path: string, options?: { maxBytes?: number }): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readSourceFile(path, options)) items.push(item);
  return items;
}

async function readOne(path: string, options?: { maxBytes?: number }): Promise<ReadItem> {
  const items = await readAll(path, options);
  expect(items).toHaveLength(1);
  return items[0]!;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rasid-ingest-'));
  const files: Record<string, string | Buffer> = {
    'front.md': `---\ntitle: عنوان من الترويسة\nurl: https://example.org/a\nsource: عنب بلدي\npublished_at: 2015-07-21T02:51:32\nid: 42\nlang: ar\n---\n\nنص الصفحة\r\nسطر ثان\n`,
    'front-date.txt': `---\npublished_at: 2022-02-24\n---\nنص`,
    'front-quoted.txt': `---\npublished_at: "24/02/2022"\ntitle: 2022\n---\nنص`,
    'plain.txt': '\uFEFFنص بلا ترويسة\r\n\r\nفقرة ثانية\n',
    'malformed.md': `---\ntitle: [غير مغلق\n---\nنص`,
    'front-only.md': `---\ntitle: عنوان\n---\n\n`,
    'front-list.md': `---\n- a\n- b\n---\nنص`,
    'page.html': articleHtml('<meta charset="utf-8">', '<meta property="article:published_time" content="2022-02-24T10:00:00+02:00">'),
    'page-1256.htm': iconv.encode(
      articleHtml('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2022-02-24"}]}</script>'),
      'windows-1256',
    ),
    'page-8859-6.html': iconv.encode(articleHtml('<meta charset="ISO-8859-6">').replace('</main>', '<time datetime="2019-03-23">23 آذار</time></main>'), 'iso-8859-6'),
    'empty-page.html': '<html><body><script>x()</script></body></html>',
    'array.json': JSON.stringify([
      { id: 7, text: 'نص أول', published_at: 'Tue, 21 Jul 2015 02:51:32 GMT' },
      { text: '   ' },
      'ليس كائناً',
      { id: 'x9', text: 'نص ثالث', title: 'عنوان', url: 'https://example.org/x9', source: 'فرات بوست', lang: 'ar' },
    ]),
    'object.json': JSON.stringify({ text: 'نص وحيد', published_at: '24/02/2022' }),
    'broken.json': '{"text": "نص",',
    'scalar.json': '42',
    'empty-array.json': '[]',
    'reports.jsonl': JSONL_LINES.join('\r\n') + '\n',
    'reports.ndjson.gz': gzipSync(JSONL_LINES.join('\n')),
    'truncated.jsonl.gz': gzipSync(JSONL_LINES.join('\n').repeat(1)).subarray(0, 60),
    'object.json.gz': gzipSync(JSON.stringify({ text: 'نص مضغوط' })),
    'page.txt.gz': gzipSync('نص مضغوط'),
    'big.txt.gz': gzipSync('ا'.repeat(50_000)),
    'fake.txt.gz': 'not gzip at all',
    'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    'binary.jsonl': Buffer.from([0x00, 0x01, 0x02, 0x0a, 0x00]),
    'oversized.txt': 'ا'.repeat(100),
    'long-line.jsonl': `${JSON.stringify({ text: 'قصير' })}\n${JSON.stringify({ text: 'ط'.repeat(200) })}\n${JSON.stringify({ text: 'آخر' })}\n`,
    'empty.txt': '',
    'blank.txt': ' \n\t\n',
    'empty.jsonl': '',
    'arabic-1256.txt': iconv.encode('داعش يرسل رسائل تهديد\r\nإلى سكان دير الزور', 'windows-1256'),
    'utf16le.txt': iconv.encode('داعش في الرقة', 'utf-16le', { addBOM: true }),
    'utf16be.txt': iconv.encode('داعش في الرقة', 'utf-16be', { addBOM: true }),
    'latin1.txt': Buffer.from('café au lait', 'latin1'),
    'report.pdf': '%PDF-1.4',
    'README': 'no extension',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(at(name), content);
  mkdirSync(at('folder.txt'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('SUPPORTED_EXTENSIONS', () => {
  it('lists each format plain and gzipped', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual([
      '.txt', '.md', '.html', '.htm', '.json', '.jsonl', '.ndjson',
      '.txt.gz', '.md.gz', '.html.gz', '.htm.gz', '.json.gz', '.jsonl.gz', '.ndjson.gz',
    ]);
  });
});

describe('readSourceFile: text and front matter', () => {
  it('reads YAML front matter and the page text under it', async () => {
    expect(await readOne(at('front.md'))).toEqual({
      ok: true,
      report: {
        text: 'نص الصفحة\nسطر ثان',
        title: 'عنوان من الترويسة',
        url: 'https://example.org/a',
        externalId: '42',
        // Zone-less in the file, so zone-less in the record (YAML alone would have made it UTC).
        publishedAt: '2015-07-21T02:51:32',
        source: 'عنب بلدي',
        lang: 'ar',
        origin: at('front.md'),
      },
    });
  });

  it.each([
    ['front-date.txt', '2022-02-24', null],
    ['front-quoted.txt', '2022-02-24', '2022'],
  ])('%s: published_at %j, title %j', async (name, publishedAt, title) => {
    const item = await readOne(at(name));
    expect(item.ok && item.report.publishedAt).toBe(publishedAt);
    expect(item.ok && item.report.title).toBe(title);
  });

  it('reads a seed page as is', async () => {
    const path = 'data/corpus/000_354b01124b01d69a.txt';
    expect(await readOne(path)).toEqual({ ok: true, report: { text: readSeed('000').trim(), origin: path } });
  });

  it.each([
    ['plain.txt', 'نص بلا ترويسة\n\nفقرة ثانية'],
    ['arabic-1256.txt', 'داعش يرسل رسائل تهديد\nإلى سكان دير الزور'],
    ['utf16le.txt', 'داعش في الرقة'],
    ['utf16be.txt', 'داعش في الرقة'],
    ['page.txt.gz', 'نص مضغوط'],
  ])('decodes %s', async (name, text) => {
    expect(await readOne(at(name))).toEqual({ ok: true, report: { text, origin: at(name) } });
  });
});

describe('readSourceFile: HTML', () => {
  it.each([
    ['page.html', '2022-02-24T10:00:00+02:00'],
    ['page-1256.htm', '2022-02-24'],
    ['page-8859-6.html', '2019-03-23'],
  ])('extracts the article of %s with its metadata', async (name, publishedAt) => {
    expect(await readOne(at(name))).toEqual({ ok: true, report: { ...HTML_REPORT, publishedAt, origin: at(name), provenance: { title: 'page', publishedAt: 'page', source: 'page' } } });
  });
});

describe('readSourceFile: JSON', () => {
  it('reads an array of objects, one failure per bad element', async () => {
    const path = at('array.json');
    expect(await readAll(path)).toEqual([
      { ok: true, report: { text: 'نص أول', title: null, url: null, externalId: '7', publishedAt: '2015-07-21T02:51:32Z', source: null, lang: null, origin: `${path}[0]` } },
      { ok: false, origin: `${path}[1]`, reason: 'item 1: missing "text"; each report needs a non-empty "text" string' },
      { ok: false, origin: `${path}[2]`, reason: 'item 2: expected a JSON object, got a string' },
      { ok: true, report: { text: 'نص ثالث', title: 'عنوان', url: 'https://example.org/x9', externalId: 'x9', publishedAt: null, source: 'فرات بوست', lang: 'ar', origin: `${path}[3]` } },
    ]);
  });

  it.each([
    ['object.json', { text: 'نص وحيد', title: null, url: null, externalId: null, publishedAt: '2022-02-24', source: null, lang: null }],
    ['object.json.gz', { text: 'نص مضغوط', title: null, url: null, externalId: null, publishedAt: null, source: null, lang: null }],
  ])('reads the single object of %s', async (name, report) => {
    expect(await readOne(at(name))).toEqual({ ok: true, report: { ...report, origin: at(name) } });
  });

  it.each([
    ['scalar.json', 'top-level value: expected a JSON object, got a number'],
    ['empty-array.json', 'the JSON array is empty; no reports to read'],
  ])('fails %s', async (name, reason) => {
    expect(await readOne(at(name))).toEqual({ ok: false, origin: at(name), reason });
  });

  it('reports invalid JSON with the parser message', async () => {
    const item = await readOne(at('broken.json'));
    expect(item).toMatchObject({ ok: false, origin: at('broken.json') });
    expect(!item.ok && item.reason).toMatch(/^not valid JSON: .+; fix the syntax or use one object per line \(\.jsonl\)$/u);
  });
});

describe('readSourceFile: JSON lines', () => {
  const expectLines = (items: ReadItem[], path: string) => {
    expect(items.filter((i) => i.ok)).toHaveLength(4);
    expect(items.map((i) => (i.ok ? i.report.origin : i.origin))).toEqual(
      [1, 2, 3, 5, 6, 7].map((n) => `${path}:${n}`),
    );
    expect(items[0]).toEqual({ ok: true, report: { text: 'النص الأول', title: null, url: null, externalId: '1', publishedAt: '2022-02-24', source: null, lang: null, origin: `${path}:1` } });
    expect(items[1]).toEqual({ ok: true, report: { text: 'النص الثاني', title: 'عنوان', url: 'https://example.org/2', externalId: 'b2', publishedAt: null, source: 'الحل نت', lang: 'ar', origin: `${path}:2` } });
    expect(items[2]).toMatchObject({ ok: false, origin: `${path}:3` });
    expect(!items[2]!.ok && items[2]!.reason).toMatch(/^line 3: not valid JSON \(.+\)$/u);
    expect(items[3]).toEqual({ ok: false, origin: `${path}:5`, reason: 'line 5: missing "text"; each report needs a non-empty "text" string' });
    expect(items[4]).toMatchObject({ ok: true, report: { publishedAt: '2015-07-21T02:51:32Z' } });
    expect(items[5]).toMatchObject({ ok: true, report: { publishedAt: '2022-02-24' } });
  };

  it('streams .jsonl (CRLF): 4 reports, 2 failures with line numbers, blank lines skipped', async () => {
    expectLines(await readAll(at('reports.jsonl')), at('reports.jsonl'));
  });

  it('streams gzipped .ndjson the same way', async () => {
    expectLines(await readAll(at('reports.ndjson.gz')), at('reports.ndjson.gz'));
  });

  it('fails one over-long line and goes on', async () => {
    const path = at('long-line.jsonl');
    const items = await readAll(path, { maxBytes: 100 });
    expect(items.map((i) => i.ok)).toEqual([true, false, true]);
    expect(items[1]).toEqual({
      ok: false,
      origin: `${path}:2`,
      reason: `line 2: ${JSON.stringify({ text: 'ط'.repeat(200) }).length + 200} bytes, over the limit of 100 bytes per line; raise maxBytes`,
    });
  });

  it('ends a truncated gzip stream with a failure, after the lines it could read', async () => {
    const items = await readAll(at('truncated.jsonl.gz'));
    const last = items.at(-1)!;
    expect(last).toMatchObject({ ok: false, origin: at('truncated.jsonl.gz') });
    expect(!last.ok && last.reason).toMatch(/^reading stopped (before the first line|after line \d+): gzip data is corrupt or not gzip \(.+\); re-compress the file or drop the \.gz suffix$/u);
  });
});

describe('readSourceFile: bad input becomes one failure item', () => {
  it.each([
    ['binary.txt', undefined, 'binary content, not text; only text, HTML and JSON files can be read'],
    ['binary.jsonl', undefined, 'binary content, not text; only text, HTML and JSON files can be read'],
    ['oversized.txt', 150, 'the file is 200 bytes, over the limit of 150 bytes; split it into smaller files or raise maxBytes'],
    ['empty.txt', undefined, 'empty file: it holds no bytes'],
    ['empty.jsonl', undefined, 'empty file: it holds no bytes'],
    ['blank.txt', undefined, 'empty file: it holds only whitespace'],
    ['front-only.md', undefined, 'no text after the front matter; add the page text below the closing ---'],
    ['front-list.md', undefined, 'malformed front matter: expected "key: value" lines between the --- lines'],
    ['empty-page.html', undefined, 'the HTML page holds no text; check that it is a saved article page'],
    ['latin1.txt', undefined, 'text is neither valid UTF-8 nor windows-1256 Arabic; re-save the file as UTF-8'],
    ['fake.txt.gz', undefined, 'gzip data is corrupt or not gzip (incorrect header check); re-compress the file or drop the .gz suffix'],
    ['report.pdf', undefined, `unsupported file type .pdf; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`],
    ['README', undefined, `unsupported file type (none); supported: ${SUPPORTED_EXTENSIONS.join(' ')}`],
    ['folder.txt', undefined, 'is a directory, not a file; use listSourceFiles to walk it'],
    ['missing.txt', undefined, 'cannot read: no such file or directory; check the path'],
  ])('%s (maxBytes %j)', async (name, maxBytes, reason) => {
    expect(await readOne(at(name), maxBytes === undefined ? undefined : { maxBytes })).toEqual({ ok: false, origin: at(name), reason });
  });

  it('reports malformed front matter with the YAML error', async () => {
    const item = await readOne(at('malformed.md'));
    expect(item).toMatchObject({ ok: false, origin: at('malformed.md') });
    expect(!item.ok && item.reason).toMatch(/^malformed front matter: .+; fix the YAML between the --- lines$/u);
  });

  it('caps the decompressed size of a gzipped whole-file format', async () => {
    const item = await readOne(at('big.txt.gz'), { maxBytes: 1000 });
    expect(!item.ok && item.reason).toMatch(/^the decompressed content is \d+ bytes, over the limit of 1000 bytes; split it into smaller files or raise maxBytes$/u);
  });
});
