/** What every command gets: where to write, the settings' environment, and how to open the core for one command. */
import { loadConfig, type Config } from '../src/config/load-config.js';
import { createLogger, type Logger } from '../src/log/create-logger.js';
import type { Core } from '../src/create-core.js';
import type { DigestService } from '../digests/digest-service.js';
import { createConsoleSink } from '../bots/console/console-sink.js';

export interface CliIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  /** Whether `out` is a terminal (colour, a console chat). */
  readonly tty: boolean;
}

export interface CliContext {
  readonly io: CliIo;
  /**
   * Reads the settings once and builds the core; bot tokens are scrubbed from every log line. The core's
   * modules are imported here, not at start, so `--help` and usage errors do not load them.
   */
  startCore(notifyAdmins?: (message: string) => void, logDestination?: NodeJS.WritableStream): Promise<{ core: Core; config: Config; logger: Logger }>;
  /** Opens the core for one command and closes it afterwards, whatever happens. */
  withCore<T>(fn: (core: Core) => Promise<T> | T): Promise<T>;
  /** As withCore, with the digest service (the console sink prints to `io.out`). */
  withDigests<T>(fn: (core: Core, digests: DigestService) => Promise<T> | T): Promise<T>;
  /** Records that some inputs failed: the command exits 1 (never lowers a code already set). */
  someFailed(): void;
  /** The exit code so far. */
  readonly exitCode: number;
  /** The logger of the last core opened (for the error boundary's debug line), if any. */
  readonly logger: Logger | undefined;
}

export function createCliContext(io: CliIo): CliContext {
  let exitCode = 0;
  let logger: Logger | undefined;
  const startCore: CliContext['startCore'] = async (notifyAdmins, logDestination) => {
    const config = loadConfig(io.env);
    const { createCore } = await import('../src/create-core.js');
    const secrets = [config.telegram?.token, config.telegram?.webhook?.secret, config.discord?.token].filter((s): s is string => s !== undefined);
    logger = createLogger({ level: config.logLevel, format: config.logFormat, secrets, file: config.logFile, destination: logDestination ?? io.err });
    return { core: createCore({ config, logger, ...(notifyAdmins ? { notifyAdmins } : {}) }), config, logger };
  };
  const withCore = async <T>(fn: (core: Core) => Promise<T> | T): Promise<T> => {
    const { core } = await startCore();
    try {
      return await fn(core);
    } finally {
      core.close();
    }
  };
  return {
    io,
    startCore,
    withCore,
    withDigests: (fn) =>
      withCore(async (core) => {
        // The digest stack (composition, cron) is loaded by the commands that use it, not by every command.
        const { createDigestService } = await import('./create-digest-service.js');
        return fn(
          core,
          createDigestService({
            core,
            sinks: { console: createConsoleSink(io.out, { picturesDir: core.config.picturesDir }) },
            logger: core.logger,
            notifyAdmins: (message) => core.logger.error({ admin: true }, message),
          }),
        );
      }),
    someFailed() {
      exitCode = Math.max(exitCode, 1);
    },
    get exitCode() {
      return exitCode;
    },
    get logger() {
      return logger;
    },
  };
}
