/** Structured logging: JSON lines (or readable lines in a terminal) with secrets scrubbed out. */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { withoutCredentials } from '../fetch/redact-url.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly level: string;
  readonly format: 'auto' | 'json' | 'pretty';
  /** Values that must never be printed (bot tokens...); replaced by `[redacted]` wherever they appear. */
  readonly secrets?: readonly string[];
  /** Where lines go; stderr by default, so command output on stdout stays clean. */
  readonly destination?: NodeJS.WritableStream;
}

/** Keys whose values are dropped whatever they hold. */
const REDACTED_KEYS = ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', 'password', '*.password'];

/** A scrubber that replaces every occurrence of any secret (4+ chars, to avoid replacing noise). */
export function makeScrubber(secrets: readonly string[]): (text: string) => string {
  const MIN_SECRET_LENGTH = 4; // shorter values would blank out ordinary words
  const list = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH);
  // A URL's user name and password are secrets too, wherever a URL is logged.
  return (text) => list.reduce((acc, secret) => acc.split(secret).join('[redacted]'), withoutCredentials(text));
}

/** Creates the service logger. */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stderr;
  const usePretty =
    options.format === 'pretty' || (options.format === 'auto' && (destination as { isTTY?: boolean }).isTTY === true);
  const scrub = makeScrubber(options.secrets ?? []);
  const scrubbing: NodeJS.WritableStream = Object.assign(Object.create(destination), {
    write: (chunk: string | Uint8Array, ...rest: unknown[]) =>
      (destination.write as (c: string, ...r: unknown[]) => boolean)(scrub(chunk.toString()), ...rest),
  });
  const stream = usePretty
    ? pretty({ destination: scrubbing, colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
    : scrubbing;
  return pino(
    { level: options.level, base: { service: 'rasid' }, redact: { paths: REDACTED_KEYS, censor: '[redacted]' } },
    stream,
  );
}
