import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/create-logger.js';

const TOKEN = '123456789:AAFakeTokenForTests_abcdefghijk';

function sink() {
  const lines: string[] = [];
  return { lines, stream: new Writable({ write: (chunk, _e, cb) => (lines.push(chunk.toString()), cb()) }) };
}

/** The transport writes from a worker thread: wait (bounded) until the files hold what is expected. */
async function until<T>(read: () => T, ok: (value: T) => boolean): Promise<T> {
  let value = read();
  for (let k = 0; k < 100 && !ok(value); k++) {
    await new Promise((r) => setTimeout(r, 50));
    value = read();
  }
  return value;
}

describe('LOG_FILE', () => {
  it('every line at the level goes to the rotating file, secrets scrubbed; the terminal keeps only warnings and errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-log-'));
    const terminal = sink();
    const log = createLogger({ level: 'info', format: 'json', secrets: [TOKEN], destination: terminal.stream, file: { path: join(dir, 'rasid.log'), size: '10m', keep: 2 } });
    log.info({ url: `https://api.telegram.org/bot${TOKEN}/getMe` }, 'corpus ready');
    log.warn('feed paused');
    log.debug('not at this level');
    const text = await until(() => { try { return readFileSync(join(dir, 'rasid.1.log'), 'utf8'); } catch { return ''; } }, (t) => t.split('\n').length >= 3);
    const entries = text.trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.level, e.msg])).toEqual([[30, 'corpus ready'], [40, 'feed paused']]);
    expect(entries[0].url).toBe('https://api.telegram.org/bot[redacted]/getMe');
    expect(text).not.toContain('AAFakeToken');
    expect(terminal.lines.map((l) => JSON.parse(l).msg)).toEqual(['feed paused']);
    expect(readdirSync(dir).sort()).toEqual(['current.log', 'rasid.1.log']);
  });

  it('rotates by size and keeps the number of old files asked for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-log-'));
    const log = createLogger({ level: 'info', format: 'json', destination: sink().stream, file: { path: join(dir, 'rasid.log'), size: '1k', keep: 1 } });
    const numbered = () => readdirSync(dir).map((f) => /^rasid\.(\d+)\.log$/.exec(f)).filter((m) => m !== null).map((m) => Number(m[1])).sort((a, b) => a - b);
    // Four bursts of ~1.7 KiB, each past the 1 KiB size: four rotations.
    for (let burst = 1; burst <= 4; burst++) {
      for (let k = 0; k < 10; k++) log.info({ burst, k, pad: 'x'.repeat(100) }, 'line');
      await until(numbered, (n) => (n.at(-1) ?? 0) > burst);
    }
    // Only the file being written and 1 old one are kept.
    expect(numbered()).toEqual([4, 5]);
  });
});
