/**
 * Keeps the console chat's prompt usable while other output arrives (log lines, scheduled digests):
 * the line being typed is cleared, the output printed above it, and the prompt redrawn with what
 * was typed so far.
 */
import type { Interface } from 'node:readline';

export interface PromptGuard {
  /** A stream that writes through `target`, clearing and redrawing the prompt around each write. */
  wrap(target: NodeJS.WritableStream): NodeJS.WritableStream;
  /** The chat's readline, while a prompt is shown; null when the chat is closed. */
  attach(rl: Interface | null): void;
}

const CLEAR_LINE = '\r\u001b[2K';

export function createPromptGuard(): PromptGuard {
  let rl: Interface | null = null;
  return {
    wrap(target) {
      return Object.assign(Object.create(target) as NodeJS.WritableStream, {
        write: (chunk: string | Uint8Array, ...rest: unknown[]) => {
          const write = target.write.bind(target) as (c: string | Uint8Array, ...r: unknown[]) => boolean;
          if (rl === null) return write(chunk, ...rest);
          write(CLEAR_LINE);
          const ok = write(chunk, ...rest);
          const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
          if (!text.endsWith('\n')) write('\n');
          rl.prompt(true); // the prompt and the half-typed line, cursor where it was
          return ok;
        },
      });
    },
    attach(next) {
      rl = next;
    },
  };
}
