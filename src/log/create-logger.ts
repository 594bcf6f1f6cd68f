/** Structured logging: JSON lines (or readable lines in a terminal) with secrets scrubbed out, optionally also to a rotating file. */
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import { ConfigError } from '../config/load-config.js';
import { withoutCredentials } from '../fetch/redact-url.js';

export type { Logger } from 'pino';

/** A log file rotated by size: `rasid.log` is written as `rasid.1.log`, `rasid.2.log`…, with `current.log` linking to the newest. */
export interface LogFileOptions {
  readonly path: string;
  /** Rotate when a file reaches this size: `500k`, `10m`, `1g`. */
  readonly size: string;
  /** Rotated files kept besides the one being written. */
  readonly keep: number;
}

export interface LoggerOptions {
  readonly level: string;
  readonly format: 'auto' | 'json' | 'pretty';
  /** Values that must never be printed (bot tokens...); replaced by `[redacted]` wherever they appear. */
  readonly secrets?: readonly string[];
  /** Where lines go; stderr by default, so command output on stdout stays clean. */
  readonly destination?: NodeJS.WritableStream;
  /**
   * Every line at `level` also goes to this rotating file (JSON lines, through the pino-roll transport);
   * `destination` then gets only warnings and errors, so a console chat in the same terminal stays readable.
   */
  readonly file?: LogFileOptions | null;
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

/** The pino-roll transport's entry point, or a message saying how to get it. */
function pinoRollTarget(): string {
  try {
    return createRequire(import.meta.url).resolve('pino-roll');
  } catch {
    throw new ConfigError(['LOG_FILE: needs the pino-roll package, which is not installed here; run npm ci (or unset LOG_FILE)']);
  }
}

/** pino-pretty, loaded only when a terminal shows the log: a JSON log (services, pipes) never needs it. */
const loadPretty = (): typeof PinoPretty => createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;

/** Creates the service logger. */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stderr;
  const usePretty =
    options.format === 'pretty' || (options.format === 'auto' && (destination as { isTTY?: boolean }).isTTY === true);
  const scrub = makeScrubber(options.secrets ?? []);
  const scrubbed = (target: NodeJS.WritableStream): NodeJS.WritableStream =>
    Object.assign(Object.create(target), {
      write: (chunk: string | Uint8Array, ...rest: unknown[]) => (target.write as (c: string, ...r: unknown[]) => boolean)(scrub(chunk.toString()), ...rest),
    });
  const terminal = usePretty
    ? loadPretty()({ destination: scrubbed(destination), colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' })
    : scrubbed(destination);
  const settings = { level: options.level, base: { service: 'rasid' }, redact: { paths: REDACTED_KEYS, censor: '[redacted]' } };
  if (!options.file) return pino(settings, terminal);

  const roll = pino.transport({
    target: pinoRollTarget(),
    options: { file: options.file.path, size: options.file.size, limit: { count: options.file.keep }, mkdir: true, symlink: true },
  }) as unknown as NodeJS.WritableStream;
  const level = options.level === 'silent' ? 'fatal' : options.level;
  const quieter = pino.levels.values[level]! > pino.levels.values.warn! ? level : 'warn';
  return pino(
    settings,
    pino.multistream([
      { level: quieter as pino.Level, stream: terminal },
      { level: level as pino.Level, stream: scrubbed(roll) },
    ]),
  );
}
