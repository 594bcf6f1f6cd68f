// Reads an HTTP response body into memory, decompressing gzip/deflate/br and stopping at a size cap.
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { FetchError } from './fetch-error.js';

/** What `readBody` needs besides the stream. */
export interface ReadBodyOptions {
  /** The URL the body belongs to, for error messages. */
  readonly url: string;
  /** The Content-Encoding header, or null. */
  readonly contentEncoding: string | null;
  /** The Content-Length header, or null. */
  readonly contentLength: string | null;
  /** Largest body accepted, counted after decompression (and, separately, on the wire). */
  readonly maxBytes: number;
}

/** The codings `Accept-Encoding` advertises; `readBody` can undo each of them. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/**
 * Truncated compressed bodies are decoded as far as they go (as browsers do) instead of failing:
 * feeds cut short by a proxy are still mostly readable.
 */
const ZLIB_OPTIONS = { finishFlush: constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS = { finishFlush: constants.BROTLI_OPERATION_FLUSH };
/** A zlib header: compression method 8 (deflate) in the low nibble, header checksum a multiple of 31. */
const ZLIB_METHOD_DEFLATE = 8;
const ZLIB_HEADER_CHECK = 31;
const MIB = 1024 * 1024;

/**
 * HTTP "deflate" means zlib-wrapped deflate, but some servers send raw deflate; the first two bytes
 * tell them apart, so the real inflater is chosen once they arrive.
 */
class HttpInflate extends Transform {
  #inner: Transform | null = null;
  #head: Buffer = Buffer.alloc(0);

  #start(head: Buffer): Transform {
    const [b0 = 0, b1 = 0] = head;
    const zlib = (b0 & 0x0f) === ZLIB_METHOD_DEFLATE && ((b0 << 8) | b1) % ZLIB_HEADER_CHECK === 0;
    const inner = zlib ? createInflate(ZLIB_OPTIONS) : createInflateRaw(ZLIB_OPTIONS);
    inner.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) inner.pause();
    });
    inner.on('error', (err) => this.destroy(err));
    this.#inner = inner;
    return inner;
  }

  override _read(size: number): void {
    this.#inner?.resume();
    super._read(size);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.#inner === null) {
      this.#head = Buffer.concat([this.#head, chunk]);
      if (this.#head.length < 2) return callback();
      const head = this.#head;
      this.#head = Buffer.alloc(0);
      this.#start(head).write(head, () => callback());
      return;
    }
    this.#inner.write(chunk, () => callback());
  }

  override _flush(callback: TransformCallback): void {
    if (this.#inner === null && this.#head.length === 0) return callback();
    // A body shorter than two bytes never started the inflater; it gets what there is.
    const rest = this.#inner === null ? this.#head : undefined;
    const inner = this.#inner ?? this.#start(this.#head);
    inner.once('end', () => callback());
    inner.end(rest);
  }

  override _destroy(err: Error | null, callback: (error?: Error | null) => void): void {
    this.#inner?.destroy();
    callback(err);
  }
}

/** The decoder for one content coding. */
function decoderFor(coding: string, url: string): Transform {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip(ZLIB_OPTIONS);
    case 'deflate':
      return new HttpInflate();
    case 'br':
      return createBrotliDecompress(BROTLI_OPTIONS);
    default:
      throw new FetchError(
        'network',
        url,
        `the server sent the body in the unsupported Content-Encoding "${coding}"; only ${ACCEPT_ENCODING} can be read`,
      );
  }
}

/** A byte count as "5 MiB (5242880 bytes)" or "900 bytes". */
export function formatBytes(bytes: number): string {
  return bytes >= MIB ? `${Number((bytes / MIB).toFixed(2))} MiB (${bytes} bytes)` : `${bytes} bytes`;
}

function tooLarge(url: string, what: string, maxBytes: number): FetchError {
  return new FetchError(
    'too_large',
    url,
    `too large: ${what} passed the limit of ${formatBytes(maxBytes)}; it was not read further (raise maxBytes if such pages are expected)`,
  );
}

/** Passes bytes through, failing once more than `maxBytes` have gone by. */
function byteCap(maxBytes: number, fail: () => Error): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(fail());
      else callback(null, chunk);
    },
  });
}

function decodeFailure(url: string, codings: readonly string[], err: unknown): FetchError {
  const detail = err instanceof Error ? err.message : String(err);
  return new FetchError(
    'network',
    url,
    `the ${codings.join('+')} compressed body is corrupt (${detail}); the server or a proxy mangled it, try again later`,
    { cause: err },
  );
}

/**
 * Reads the whole body, undoing its Content-Encoding (codings listed in order of application, so
 * they are undone last first). Reading stops, and the stream is destroyed, as soon as the
 * decompressed size passes `maxBytes`: memory never holds much more than the cap, so a gzip bomb
 * costs nothing. The compressed size is capped by `maxBytes` too.
 * @throws FetchError 'too_large' over the cap, 'network' for an unknown coding or corrupt data.
 */
/**
 * Destroys a stream we are giving up on. undici's body emits an AbortError when destroyed; with no
 * listener that error would be uncaught and end the process, so a no-op listener takes it.
 */
export function abandon(stream: { on(event: 'error', fn: () => void): unknown; destroy(): unknown }): void {
  stream.on('error', () => undefined);
  stream.destroy();
}

export async function readBody(body: Readable, options: ReadBodyOptions): Promise<Buffer> {
  const { url, maxBytes } = options;
  const codings = (options.contentEncoding ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  const declared = Number(options.contentLength);
  if (codings.length === 0 && Number.isFinite(declared) && declared > maxBytes) {
    abandon(body);
    throw tooLarge(url, `the body (${formatBytes(declared)} announced)`, maxBytes);
  }
  let decoders: Transform[];
  try {
    decoders = codings.toReversed().map((c) => decoderFor(c, url));
  } catch (err) {
    abandon(body);
    throw err;
  }
  const last = decoders.at(-1);
  // Failures anywhere in the chain reach the last stream, whose reader below reports them.
  if (last !== undefined) pipeline([body, byteCap(maxBytes, () => tooLarge(url, 'the compressed body', maxBytes)), ...decoders], () => {});
  const source = last ?? body;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(url, 'the body', maxBytes);
      chunks.push(chunk);
    }
  } catch (err) {
    abandon(source);
    abandon(body);
    if (err instanceof FetchError) throw err;
    const zlibCode = (err as NodeJS.ErrnoException | undefined)?.code;
    if (typeof zlibCode === 'string' && (zlibCode.startsWith('Z_') || zlibCode.startsWith('ERR_BROTLI'))) {
      throw decodeFailure(url, codings, err);
    }
    throw err;
  }
  return Buffer.concat(chunks, size);
}
