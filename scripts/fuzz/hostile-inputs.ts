/** Deterministic generators of hostile inputs for `npm run fuzz`: queries, files, pages and feeds. */
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { seededRandom } from '../lib/seeded-random.js';

/** A seeded PRNG: the same seed gives the same inputs. */
export const rng = seededRandom;


export type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, list: readonly T[]): T => list[int(r, list.length)]!;

const WORDS = ['داعش', 'الرقة', 'دير الزور', 'هجوم', 'سيارة مفخخة', 'قسد', 'الحسكة', 'منذ 2022', 'عام 2019', 'تنظيم الدولة', 'attacks', 'Raqqa', 'in', 'car bombs', 'since 2022', 'ISIS', 'Deir ez-Zor', 'between 2015 and 2018', 'last month'];
const JUNK = ['"', '«', '»', '“', '*', 'NEAR', 'NEAR(', 'AND', 'OR', 'NOT', '(', ')', ':', '^', '-', '+', '{', '}', '\u0000', '\u200f', '\u202e', '\ufffd', 'ـــ', 'ً', '٠١٢', '%', '\\', "'", ';--', 'DROP TABLE reports', '<script>', '\n', '\t', '🙂', '𝕏', 'ﷺ', 'ﻻ', '/next', '/prev', '/latest', '/search', '@bot'];

/** A query: real words, FTS5 and SQL syntax, control and bidi characters, very long or empty. */
export function hostileQuery(r: Rand): string {
  const kind = int(r, 6);
  if (kind === 0) return '';
  if (kind === 1) return pick(r, JUNK).repeat(1 + int(r, 800));
  if (kind === 2) return Array.from({ length: 1 + int(r, 400) }, () => String.fromCharCode(int(r, 0x10000))).join('');
  const parts = Array.from({ length: 1 + int(r, 12) }, () => (r() < 0.6 ? pick(r, WORDS) : pick(r, JUNK)));
  return parts.join(r() < 0.5 ? ' ' : '');
}

/** A sentence that must survive ingest: an attack report carrying a unique marker number. */
export function canaryText(n: number): string {
  return `هجوم لتنظيم داعش على حاجز في ريف الرقة أدى إلى مقتل ${(n % 90) + 2} عناصر من القوات المحلية في الحادثة رقم ${n}.`;
}

const nest = (open: string, close: string, depth: number, inner: string) => open.repeat(depth) + inner + close.repeat(depth);

/** An HTML page: deep nesting, huge or empty, broken markup, lying charsets, script floods. */
export function hostilePage(r: Rand): string {
  switch (int(r, 10)) {
    case 0: return nest('<div>', '</div>', 100 + int(r, 5000), '<p>نص</p>');
    case 1: return `<html><body>${'<span>x</span>'.repeat(int(r, 25_000))}</body></html>`;
    case 2: return ' '.repeat(int(r, 100));
    case 3: return `<html><head><meta charset="${pick(r, ['windows-1256', 'utf-16', 'x-nonsense', 'iso-8859-6', ''])}"></head><body><p>${canaryText(int(r, 1e6))}</p></body></html>`;
    case 4: return `<html><body>${'<table><tr><td>'.repeat(int(r, 300))}${canaryText(1)}</body>`;
    case 5: return `<!doctype html><html><body><script>${'x'.repeat(int(r, 200_000))}</script><article><p>${canaryText(2)}</p></article>`;
    case 6: return `<html><body>${nest('<b><i>', '</i></b>', int(r, 400), 'عنوان')}<p>${'&amp;'.repeat(int(r, 20_000))}</p></body></html>`;
    case 7: return `<html lang="${'ar'.repeat(int(r, 5000))}"><head><title>${'ع'.repeat(int(r, 100_000))}</title><script type="application/ld+json">${nest('[', ']', int(r, 5000), '{"datePublished":"2026-13-45"}')}</script></head><body><p>${canaryText(3)}</p></body></html>`;
    case 8: return Array.from({ length: int(r, 4000) }, () => pick(r, ['<', '>', '</', '<!--', '-->', '<![CDATA[', ']]>', '"', '=', 'div', 'p', 'نص', '&#', ';', '&#x110000;'])).join('');
    default: return `<html><head><meta property="og:site_name" content="منفذ"><meta property="article:published_time" content="${pick(r, ['2026-11-16', 'not a date', '9999-99-99T99:99', ''])}"></head><body><article><p>${canaryText(int(r, 1e6))}</p></article></body></html>`;
  }
}

/** A feed document: truncated, entity expansion, deep nesting, wrong types, huge fields. */
export function hostileFeed(r: Rand): string {
  const item = (i: number) => `<item><title>خبر ${i}</title><link>http://127.0.0.1/a/${i}</link><guid>g${i}</guid><description>${canaryText(i)}</description></item>`;
  const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>${Array.from({ length: 1 + int(r, 5) }, (_, i) => item(i)).join('')}</channel></rss>`;
  switch (int(r, 9)) {
    case 0: return rss.slice(0, int(r, rss.length));
    case 1: return `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss version="2.0"><channel><title>&lol3;</title>${item(1)}</channel></rss>`;
    case 2: return `<?xml version="1.0"?><rss version="2.0"><channel>${nest('<x>', '</x>', int(r, 20_000), '')}${item(2)}</channel></rss>`;
    case 3: return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: pick(r, [null, 'x', 5, [null, 1, 'x', { id: {} }, { id: 'a', content_text: canaryText(4), date_published: 'nope' }]]) });
    case 4: return `${nest('[', ']', int(r, 100_000), '')}`;
    case 5: return `<?xml version="1.0" encoding="${pick(r, ['windows-1256', 'utf-32', 'bogus', 'ebcdic'])}"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${'ع'.repeat(int(r, 50_000))}</title><entry><id>1</id><title>t</title><content type="html">${'&lt;p&gt;'.repeat(int(r, 10_000))}</content></entry></feed>`;
    case 6: return rss.replace(/<\/?[a-z]+>/gu, (tag) => (r() < 0.1 ? '' : tag));
    case 7: return `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">${Array.from({ length: int(r, 2000) }, (_, i) => `<item rdf:about="x${i}"><title>${i}</title></item>`).join('')}</rdf:RDF>`;
    default: return rss;
  }
}

/** A source file to ingest: its name, bytes, and the canary it must yield (null when none can be expected). */
export interface HostileFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly canary: string | null;
}

/** A file: binary under a text name, broken gzip, small decompression bombs, malformed JSON, bad front matter, damaged UTF-8. */
export function hostileFile(r: Rand, n: number): HostileFile {
  const id = `fuzz-${n}`;
  const good = JSON.stringify({ id, text: canaryText(n) });
  switch (int(r, 12)) {
    case 0: return { name: `${n}.txt`, bytes: Buffer.from(Array.from({ length: int(r, 5000) }, () => int(r, 256))), canary: null };
    case 1: return { name: `${n}.jsonl.gz`, bytes: gzipSync(`${good}\n`).subarray(0, 10 + int(r, 20)), canary: null };
    case 2: return { name: `${n}.jsonl.gz`, bytes: gzipSync(`${good}\n${'{"text": 1}\n'.repeat(int(r, 20_000))}`), canary: id };
    case 3: return { name: `${n}.json`, bytes: Buffer.from(nest('[', ']', int(r, 200_000), good)), canary: null };
    case 4: return { name: `${n}.jsonl`, bytes: Buffer.from(`{oops\n${good}\n\u0000\n${'x'.repeat(int(r, 10_000))}\n`), canary: id };
    case 5: return { name: `${n}.md`, bytes: Buffer.from(`---\n${pick(r, ['title: [', 'date: !!js/function "x"', 'a: *b', ': :', 'published_at: 2026-99-99'])}\n---\n${canaryText(n)}\n`), canary: null };
    case 6: return { name: `${n}.txt`, bytes: Buffer.concat([Buffer.from(canaryText(n).slice(0, 40)), Buffer.from([0xff]), Buffer.from(canaryText(n).slice(40))]), canary: `text:${n}` };
    case 7: return { name: `${n}.txt`, bytes: iconv.encode(canaryText(n), pick(r, ['windows-1256', 'utf-16le'])), canary: null };
    case 8: return { name: `${n}.html`, bytes: Buffer.from(hostilePage(r)), canary: null };
    case 9: return { name: `${n}.${pick(r, ['pdf', 'exe', 'jsonl.gz.gz', 'txt.zip', ''])}`, bytes: Buffer.from('x'), canary: null };
    case 10: return { name: `${n}.txt`, bytes: Buffer.alloc(0), canary: null };
    default: return { name: `${n}.json`, bytes: Buffer.from(JSON.stringify([{ id, text: canaryText(n), url: pick(r, ['javascript:alert(1)', 'http://user:pw@x.example/', `https://x.example/${n}`, '']) }, { text: null }, 7])), canary: null };
  }
}
