import { describe, expect, it } from 'vitest';
import { splitLines, type StreamLine } from '../../src/ingest/split-lines.js';

async function* chunksOf(parts: readonly (string | Buffer)[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
}

/** "داعش\n" cut inside the two bytes of its first letter. */
const DAESH = Buffer.from('داعش\n', 'utf8');

async function lines(parts: readonly (string | Buffer)[], max = 1000): Promise<(string | number)[]> {
  const out: (string | number)[] = [];
  for await (const line of splitLines(chunksOf(parts), max) as AsyncIterable<StreamLine>) {
    out.push('bytes' in line ? `${line.lineNo}:${line.bytes.toString('utf8')}` : -line.tooLong);
  }
  return out;
}

describe('splitLines', () => {
  it.each([
    ['one chunk', ['a\nb\nc'], ['1:a', '2:b', '3:c']],
    ['trailing newline adds no line', ['a\nb\n'], ['1:a', '2:b']],
    ['CRLF', ['a\r\nb\r\n'], ['1:a', '2:b']],
    ['lines across chunks', ['ab', 'c\nd', 'e\n', 'f'], ['1:abc', '2:de', '3:f']],
    ['a multi-byte letter split between chunks', [DAESH.subarray(0, 1), DAESH.subarray(1)], ['1:داعش']],
    ['blank lines are numbered', ['a\n\nb'], ['1:a', '2:', '3:b']],
    ['an over-long line is skipped and counted', ['ok\n', '0123456789', '0123456789\nok'], ['1:ok', -20, '3:ok']],
  ])('%s', async (_name, parts, expected) => {
    expect(await lines(parts, 15)).toEqual(expected);
  });
});
