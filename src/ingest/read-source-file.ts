// Reads one source file (.txt/.md/.html/.json/.jsonl, optionally gzipped) into report records.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type matter from 'gray-matter';
import { decodeText, looksBinary } from './decode-text.js';
import { parseDate, parseDateValue } from './extract-date.js';
import { sniffHtmlCharset } from './html-page.js';
import { extractPage } from './extract-page.js';
import { reportFromJson } from './json-report.js';
import type { RawReport, ReadItem } from './raw-report.js';
import { SourceFileError, reasonOf } from './source-file-error.js';
import { splitLines } from './split-lines.js';

export type { RawReport, ReadItem } from './raw-report.js';
export { listSourceFiles, type ListedPath } from './list-source-files.js';

/** Options for `readSourceFile`. */
export interface ReadOptions {
  /**
   * Largest file read whole (.txt .md .html .json, measured after gunzip), and the longest single
   * line of a streamed .jsonl/.ndjson file. Default DEFAULT_MAX_BYTES.
   */
  readonly maxBytes?: number;
  /**
   * A compressed .jsonl/.ndjson file is read up to this many decompressed bytes and lines (default
   * GZIP_LIMITS): a small archive that expands without end must not hold the service for hours.
   */
  readonly gzipLimits?: { readonly bytes: number; readonly lines: number };
}

/** 1 GiB and 250,000 lines: several times the 40,000-report research corpus (144 MB). */
export const GZIP_LIMITS = { bytes: 1024 * 1024 * 1024, lines: 250_000 } as const;

/** 20 MiB: far above any single news page or JSON export, low enough to keep memory bounded. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const GZIP = '.gz';
/** Formats read whole; their size is capped by maxBytes. */
const WHOLE_FILE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.html', '.htm', '.json'];
/** Formats streamed line by line, one JSON object per line. */
const LINE_EXTENSIONS: readonly string[] = ['.jsonl', '.ndjson'];
const BASE_EXTENSIONS: readonly string[] = [...WHOLE_FILE_EXTENSIONS, ...LINE_EXTENSIONS];

/** Every extension `readSourceFile` accepts: each base format, plain or gzipped. */
export const SUPPORTED_EXTENSIONS: readonly string[] = [...BASE_EXTENSIONS, ...BASE_EXTENSIONS.map((e) => e + GZIP)];

/** Front-matter keys read as the publication date, first present wins. */
const FRONT_MATTER_DATE_KEYS: readonly string[] = ['published_at', 'date', 'published'];
/** Front matter opens with a line of three dashes. */
const FRONT_MATTER_OPENING = /^---[ \t]*\r?\n/u;

interface SourceKind {
  /** The format extension, without .gz: ".jsonl". */
  readonly format: string;
  readonly gzipped: boolean;
}

function sourceKind(path: string): SourceKind {
  const name = basename(path).toLowerCase();
  const gzipped = name.endsWith(GZIP);
  const inner = gzipped ? name.slice(0, -GZIP.length) : name;
  const dot = inner.lastIndexOf('.');
  const format = dot > 0 ? inner.slice(dot) : '';
  if (!BASE_EXTENSIONS.includes(format)) {
    const shown = (format || '(none)') + (gzipped ? GZIP : '');
    throw new SourceFileError(`unsupported file type ${shown}; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  }
  return { format, gzipped };
}

function tooLarge(what: string, size: number, maxBytes: number): SourceFileError {
  return new SourceFileError(
    `${what} is ${size} bytes, over the limit of ${maxBytes} bytes; split it into smaller files or raise maxBytes`,
  );
}

function statReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'cannot read: no such file or directory; check the path';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read: permission denied; check the file permissions';
  return `cannot read: ${reasonOf(err)}`;
}

function gzipReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Z_')
    ? `gzip data is corrupt or not gzip (${reasonOf(err)}); re-compress the file or drop the .gz suffix`
    : reasonOf(err);
}

/** The file's bytes as a lazily read stream, gunzipped when needed. */
function byteStream(path: string, gzipped: boolean): AsyncIterable<Buffer> {
  const file = createReadStream(path);
  if (!gzipped) return file;
  // pipeline passes a read error on to gunzip, and closes the file when the reader stops early;
  // errors reach the consumer through the gunzip stream, so the callback has nothing left to do.
  return pipeline(file, createGunzip(), () => {});
}

/** The whole decompressed content of a .gz file, refusing to inflate past maxBytes. */
async function gunzipWhole(path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = byteStream(path, true);
  try {
    for await (const chunk of stream) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge('the decompressed content', size, maxBytes);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof SourceFileError) throw err;
    throw new SourceFileError(gzipReason(err));
  }
  return Buffer.concat(chunks, size);
}

function frontMatterString(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The front-matter publication date. YAML turns unquoted timestamps into UTC Date objects, which
 * would add a zone the file never gave, so the scalar is re-read from the raw front matter first.
 */
function frontMatterDate(data: Record<string, unknown>, rawMatter: string): string | null {
  const key = FRONT_MATTER_DATE_KEYS.find((k) => data[k] !== undefined && data[k] !== null);
  if (key === undefined) return null;
  const scalar = new RegExp(`^${key}[ \\t]*:[ \\t]*["']?([^"'\\n#]+?)["']?[ \\t]*(?:#.*)?$`, 'mu').exec(rawMatter)?.[1];
  return (scalar === undefined ? null : parseDate(scalar)) ?? parseDateValue(data[key]);
}

/** A Markdown heading line (`# Title`, `## Title ##`): its text without the markers. */
const MARKDOWN_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;

/**
 * Markdown headings lose their `#` markers (they are not part of what the report says); the first
 * line, when it is a heading, is the title unless the front matter gives one.
 */
function fromMarkdown(report: RawReport): RawReport {
  const firstLine = report.text.split('\n', 1)[0]!;
  const heading = new RegExp(MARKDOWN_HEADING.source).exec(firstLine)?.[1]?.trim();
  const text = report.text.replace(MARKDOWN_HEADING, '$1').trim();
  return { ...report, text, ...(heading && !report.title ? { title: heading } : {}) };
}

/** A .txt/.md report: optional YAML front matter (url, title, source, published_at, id, lang), then page text. */
async function textReport(bytes: Buffer, origin: string): Promise<RawReport> {
  if (looksBinary(bytes)) throw new SourceFileError('binary content, not text; only text, HTML and JSON files can be read');
  const decoded = decodeText(bytes).text.replace(/\r\n?/g, '\n');
  if (decoded.trim() === '') throw new SourceFileError('empty file: it holds only whitespace');
  if (!FRONT_MATTER_OPENING.test(decoded)) return { text: decoded.trim(), origin };
  // gray-matter (with its YAML parser) is loaded at the first front matter, not by every command.
  const { default: parseMatter } = await import('gray-matter');
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options bypasses gray-matter's cache, which would share `data` between equal inputs.
    parsed = parseMatter(decoded, {});
  } catch (err) {
    throw new SourceFileError(`malformed front matter: ${reasonOf(err)}; fix the YAML between the --- lines`);
  }
  const data: unknown = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new SourceFileError('malformed front matter: expected "key: value" lines between the --- lines');
  }
  const fields = data as Record<string, unknown>;
  const text = parsed.content.trim();
  if (text === '') throw new SourceFileError('no text after the front matter; add the page text below the closing ---');
  return {
    text,
    title: frontMatterString(fields, 'title'),
    url: frontMatterString(fields, 'url'),
    externalId: frontMatterString(fields, 'id'),
    publishedAt: frontMatterDate(fields, parsed.matter),
    source: frontMatterString(fields, 'source'),
    lang: frontMatterString(fields, 'lang'),
    origin,
  };
}

/** An HTML page, read in a worker thread within its time budget (see extract-page.ts). */
async function htmlReport(bytes: Buffer, origin: string): Promise<RawReport> {
  if (looksBinary(bytes)) throw new SourceFileError('binary content, not text; only text, HTML and JSON files can be read');
  const html = decodeText(bytes, sniffHtmlCharset(bytes)).text;
  return { ...(await extractPage(html)), origin, provenance: { title: 'page', publishedAt: 'page', source: 'page' } };
}

function jsonText(bytes: Uint8Array, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SourceFileError(`${what} is not valid UTF-8; JSON must be UTF-8 encoded`);
  }
}

function* jsonReports(bytes: Buffer, path: string): Generator<ReadItem> {
  if (looksBinary(bytes)) throw new SourceFileError('binary content, not text; only text, HTML and JSON files can be read');
  let value: unknown;
  try {
    value = JSON.parse(jsonText(bytes, 'the file'));
  } catch (err) {
    if (err instanceof SourceFileError) throw err;
    throw new SourceFileError(`not valid JSON: ${reasonOf(err)}; fix the syntax or use one object per line (.jsonl)`);
  }
  if (!Array.isArray(value)) {
    yield reportFromJson(value, path, 'top-level value');
    return;
  }
  if (value.length === 0) throw new SourceFileError('the JSON array is empty; no reports to read');
  for (const [i, item] of value.entries()) yield reportFromJson(item, `${path}[${i}]`, `item ${i}`);
}

/** Streams a .jsonl/.ndjson file (optionally gzipped): one report or failure per non-blank line. */
async function* jsonLineReports(path: string, gzipped: boolean, maxLineBytes: number, gzipLimits: { bytes: number; lines: number }): AsyncGenerator<ReadItem> {
  let lastLine = 0;
  let checked = false;
  let expanded = 0;
  try {
    for await (const line of splitLines(byteStream(path, gzipped), maxLineBytes)) {
      lastLine = line.lineNo;
      const origin = `${path}:${line.lineNo}`;
      expanded += ('tooLong' in line ? line.tooLong : line.bytes.length) + 1;
      if (gzipped && (line.lineNo > gzipLimits.lines || expanded > gzipLimits.bytes)) {
        const limit = line.lineNo > gzipLimits.lines ? `${gzipLimits.lines} lines` : `${gzipLimits.bytes} bytes`;
        yield { ok: false, origin, reason: `reading stopped at line ${line.lineNo}: a compressed file is read up to ${limit} once expanded; split it into smaller files` };
        return;
      }
      const label = `line ${line.lineNo}`;
      if ('tooLong' in line) {
        yield { ok: false, origin, reason: `${label}: ${line.tooLong} bytes, over the limit of ${maxLineBytes} bytes per line; raise maxBytes` };
        continue;
      }
      if (!checked) {
        checked = true;
        if (looksBinary(line.bytes)) throw new SourceFileError('binary content, not text; only text, HTML and JSON files can be read');
      }
      let value: unknown;
      try {
        const text = jsonText(line.bytes, label);
        if (text.trim() === '') continue;
        value = JSON.parse(text);
      } catch (err) {
        const reason = err instanceof SourceFileError ? err.message : `${label}: not valid JSON (${reasonOf(err)})`;
        yield { ok: false, origin, reason };
        continue;
      }
      yield reportFromJson(value, origin, label);
    }
  } catch (err) {
    if (err instanceof SourceFileError) throw err;
    const where = lastLine === 0 ? 'before the first line' : `after line ${lastLine}`;
    throw new SourceFileError(`reading stopped ${where}: ${gzipped ? gzipReason(err) : reasonOf(err)}`);
  }
}

/**
 * Reads a source file into report records. Never throws: every problem (missing or unreadable path,
 * unsupported type, empty, binary or oversized file, malformed front matter or JSON, a bad JSONL
 * line) becomes a `{ ok: false, origin, reason }` item, and the other records of the file still come.
 *
 * - `.txt` `.md`: optional YAML front matter, then the raw page text (UTF-8, UTF-16 with BOM, or
 *   windows-1256 Arabic).
 * - `.html` `.htm`: charset from BOM or `<meta>`, main text by Readability, metadata from the page.
 * - `.json`: an object or an array of objects; `.jsonl` `.ndjson`: one object per line, streamed.
 * - any of these + `.gz`: gunzipped on the fly.
 */
export async function* readSourceFile(path: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  try {
    let size: number;
    try {
      const info = await stat(path);
      if (info.isDirectory()) throw new SourceFileError('is a directory, not a file; use listSourceFiles to walk it');
      size = info.size;
    } catch (err) {
      throw err instanceof SourceFileError ? err : new SourceFileError(statReason(err));
    }
    const kind = sourceKind(path);
    if (size === 0) throw new SourceFileError('empty file: it holds no bytes');
    if (LINE_EXTENSIONS.includes(kind.format)) {
      yield* jsonLineReports(path, kind.gzipped, maxBytes, options.gzipLimits ?? GZIP_LIMITS);
      return;
    }
    if (!kind.gzipped && size > maxBytes) throw tooLarge('the file', size, maxBytes);
    const bytes = kind.gzipped ? await gunzipWhole(path, maxBytes) : await readFile(path);
    if (bytes.length === 0) throw new SourceFileError('empty file: the gzip archive holds no bytes');
    if (kind.format === '.json') yield* jsonReports(bytes, path);
    else if (kind.format === '.html' || kind.format === '.htm') yield { ok: true, report: await htmlReport(bytes, path) };
    else if (kind.format === '.md') yield { ok: true, report: fromMarkdown(await textReport(bytes, path)) };
    else yield { ok: true, report: await textReport(bytes, path) };
  } catch (err) {
    yield { ok: false, origin: path, reason: reasonOf(err) };
  }
}
