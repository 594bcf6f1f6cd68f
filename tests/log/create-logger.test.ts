import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, makeScrubber } from '../../src/log/create-logger.js';

/** A stream that keeps what was written. */
function sink() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(chunk.toString());
      cb();
    },
  });
  return { lines, stream };
}

const TOKEN = '123456789:AAFakeTokenForTests_abcdefghijk';

describe('createLogger', () => {
  it('writes JSON lines at the level, with secrets and token-like keys redacted wherever they appear', () => {
    const { lines, stream } = sink();
    const log = createLogger({ level: 'info', format: 'json', secrets: [TOKEN], destination: stream });
    log.debug('not at this level');
    log.info({ url: `https://api.telegram.org/bot${TOKEN}/getMe`, token: 'abc', nested: { authorization: 'Bearer x' } }, `calling with ${TOKEN}`);
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 30, service: 'rasid', url: 'https://api.telegram.org/bot[redacted]/getMe', token: '[redacted]', nested: { authorization: '[redacted]' }, msg: 'calling with [redacted]' });
    expect(lines[0]).not.toContain('AAFakeToken');
  });

  it('redacts in the readable terminal format too', () => {
    const { lines, stream } = sink();
    const log = createLogger({ level: 'info', format: 'pretty', secrets: [TOKEN], destination: stream });
    log.warn({ url: `https://api.telegram.org/bot${TOKEN}/x` }, 'مرحبا');
    expect(lines.join('')).toContain('مرحبا');
    expect(lines.join('')).not.toContain('AAFakeToken');
  });

  it.each([
    [['abc'], 'abc stays', 'abc stays'],
    [['secret-value'], 'a secret-value and secret-value', 'a [redacted] and [redacted]'],
    [[], 'nothing to hide', 'nothing to hide'],
  ])('makeScrubber(%j)(%j)', (secrets, input, expected) => {
    expect(makeScrubber(secrets)(input)).toBe(expected);
  });
});
