/**
 * The command line's one error boundary: every bad argument, unknown option or command and missing
 * setting becomes one line on stderr and exit code 2; the stack of anything unexpected goes to the
 * debug log, never to the user. Commands never exit the process themselves.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../src/config/load-config.js';
import { DatabaseTooNewError } from '../src/store/migrate.js';
import { createCliContext, type CliIo } from './cli-context.js';
import { EXIT, UsageError } from './cli-errors.js';
import { createProgram } from './create-program.js';

/** `rasid feeds add` for a command's help hint. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Errors that are the user's to fix: their message is the whole story. */
const USAGE_ERRORS = [UsageError, ConfigError, DatabaseTooNewError];
/**
 * The same, for errors of modules only some commands load (the feed stack, the digests): matched by
 * their `name`, so that importing the class here does not load those modules for every command.
 */
const LAZY_USAGE_ERRORS = new Set(['FeedInputError', 'SubscriptionError', 'ScheduleError']);

/** Runs `rasid` with the given arguments (after `node rasid`) and returns the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const cli = createCliContext(io);
  const program = createProgram(cli);
  let reported = false;
  const configure = (cmd: Command) => {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => void io.out.write(s),
      writeErr: (s) => void io.err.write(s),
      outputError: (message, write) => {
        reported = true;
        write(`${message.trim().replace(/\s*\n\s*/g, ' ')} (see: ${commandPath(cmd)} --help)\n`);
      },
    });
    cmd.commands.forEach(configure);
  };
  configure(program);

  try {
    await program.parseAsync([...args], { from: 'user' });
    return cli.exitCode;
  } catch (err) {
    if (err instanceof CommanderError && err.exitCode === 0) return EXIT.ok; // --help, --version
    const debug = (e: unknown) => {
      if (cli.logger) cli.logger.debug({ err: e }, 'command stopped');
      else if (/^(debug|trace)$/.test(io.env.LOG_LEVEL ?? '')) io.err.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    };
    debug(err);
    if (err instanceof CommanderError) {
      // Thrown by a parser or an action rather than by commander's own checks: not printed yet.
      if (!reported && err.code !== 'commander.help') io.err.write(`error: ${err.message}\n`);
      return EXIT.usage;
    }
    if (USAGE_ERRORS.some((kind) => err instanceof kind) || (err instanceof Error && LAZY_USAGE_ERRORS.has(err.name))) {
      io.err.write(`${(err as Error).message}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.err.write(`error: ${message.split('\n')[0]} (LOG_LEVEL=debug shows where)\n`);
    return EXIT.someFailed;
  }
}
