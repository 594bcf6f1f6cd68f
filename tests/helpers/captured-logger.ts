/** A real logger whose JSON lines are kept in memory, parsed, for tests that check what was logged. */
import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/create-logger.js';

/** A logger whose JSON lines are kept, parsed. */
export function capturedLogger(): { logger: ReturnType<typeof createLogger>; lines: { level: number; msg: string; [k: string]: unknown }[] } {
  const lines: { level: number; msg: string }[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim() !== '') lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', format: 'json', destination }), lines };
}

