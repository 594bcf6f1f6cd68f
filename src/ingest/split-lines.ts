// Splits a byte stream into lines lazily, without holding more than one line in memory.

/** One line of a stream (without its \n or \r\n), or a line too long to keep. */
export type StreamLine =
  | { readonly lineNo: number; readonly bytes: Buffer }
  | { readonly lineNo: number; readonly tooLong: number };

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

function withoutCr(line: Buffer): Buffer {
  return line.length > 0 && line[line.length - 1] === CARRIAGE_RETURN ? line.subarray(0, -1) : line;
}

/**
 * Yields the lines of a chunked byte stream, numbered from 1, pulling the next chunk only when the
 * consumer asks (so stream backpressure holds). A line longer than `maxLineBytes` is not buffered:
 * its bytes are counted and skipped, and it is reported as `tooLong`.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, maxLineBytes: number): AsyncGenerator<StreamLine> {
  let pieces: Buffer[] = [];
  let size = 0;
  let lineNo = 0;
  let overflow = false;
  const take = (): StreamLine => {
    lineNo++;
    const line: StreamLine = overflow
      ? { lineNo, tooLong: size }
      : { lineNo, bytes: withoutCr(pieces.length === 1 && pieces[0] !== undefined ? pieces[0] : Buffer.concat(pieces, size)) };
    pieces = [];
    size = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, from);
      const piece = chunk.subarray(from, newline === -1 ? chunk.length : newline);
      size += piece.length;
      if (size > maxLineBytes) {
        overflow = true;
        pieces = [];
      } else if (!overflow && piece.length > 0) pieces.push(piece);
      if (newline === -1) break;
      yield take();
      from = newline + 1;
    }
  }
  if (size > 0) yield take();
}
