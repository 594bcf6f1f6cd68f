#!/usr/bin/env node
/** The `rasid` command and the composition root: the one place that wires core, digests and bots together. */
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, ConfigError, type Config } from '../src/config/load-config.js';
import { createLogger, type Logger } from '../src/log/create-logger.js';
import { createCore, type Core } from '../src/create-core.js';
import { DatabaseTooNewError } from '../src/store/migrate.js';
import { searchAnswerJson } from '../src/search/search-answer.js';
import { renderAnswer } from '../bots/console/render-text.js';
import { startConsoleChat } from '../bots/console/console-chat.js';
import { printIngestSummary } from '../bots/console/print-ingest-summary.js';
import { feedsCommand } from './commands/feeds-command.js';
import { digestCommands } from './commands/digest-commands.js';
import { createDigestService, type DigestService } from '../digests/digest-service.js';
import { createDigestScheduler } from '../digests/digest-scheduler.js';
import { createConsoleSink } from '../bots/console/console-sink.js';

/** The digest service with the sinks of the platforms that are running (the console always is). */
function digestServiceFor(core: Core): DigestService {
  return createDigestService({
    core,
    sinks: { console: createConsoleSink(process.stdout) },
    logger: core.logger,
    notifyAdmins: (message) => core.logger.error({ admin: true }, message),
  });
}

async function withDigests<T>(fn: (core: Core, digests: DigestService) => Promise<T> | T): Promise<T> {
  return withCore((core) => fn(core, digestServiceFor(core)));
}

/** Opens the core for one command and closes it afterwards, whatever happens. */
async function withCore<T>(fn: (core: Core) => Promise<T> | T): Promise<T> {
  const { core } = startCore();
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}

const HTTP_URL = /^https?:\/\//i;

function startCore(): { core: Core; config: Config; logger: Logger } {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  return { core: createCore({ config, logger }), config, logger };
}

const wholeNumber = (max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(`expected a whole number from 0 to ${max}`);
  return n;
};

// `rasid search … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const program = new Command('rasid')
  .description('Rasid (راصد): search and digests of Arabic reporting on ISIS in Syria and Iraq')
  .showHelpAfterError();

program
  .command('serve')
  .description('ingest the bundled corpus, then answer in the console chat (the bots when their tokens are set)')
  .action(async () => {
    const { core, config, logger } = startCore();
    const summary = await core.ingestPaths(config.corpusPaths);
    for (const f of summary.failures) logger.warn({ origin: f.origin, reason: f.reason }, 'report not ingested');
    logger.info({ added: summary.added, updated: summary.updated, unchanged: summary.unchanged, failed: summary.failed, reports: core.store.count() }, 'corpus ready');
    core.feeds.scheduler.start();
    core.inbox.start();
    const digests = digestServiceFor(core);
    const digestScheduler = createDigestScheduler({ subscriptions: digests.subscriptions, run: (id) => digests.run(id), now: () => core.clock.now(), logger });
    // Runs a crash left half-sent go out first, in order; then missed runs catch up once, then the schedule.
    await digests.resumeOpenRuns();
    await digestScheduler.start();
    // Subscriptions added or paused by another process (`rasid subscriptions …`) are picked up within a minute.
    const refreshTimer = setInterval(() => digestScheduler.refresh(), 60_000);
    logger.info({ feeds: core.feeds.list().length, inbox: config.inboxDir, subscriptions: digests.subscriptions.list().length }, 'feed poller, inbox and digest scheduler running');
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      logger.info('stopping: waiting for polls and inbox files under way');
      clearInterval(refreshTimer);
      digestScheduler.stop();
      await Promise.all([core.feeds.scheduler.stop(), core.inbox.stop()]);
      core.close();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    if (process.stdin.isTTY) {
      await startConsoleChat(core, { input: process.stdin, output: process.stdout, color: process.stdout.isTTY === true });
      await stop();
    } else {
      logger.info(
        'There is no terminal for the console chat and no chat platform is configured; the service keeps running until SIGINT or SIGTERM. Run `npm start` in a terminal to chat, or `npm run rasid -- search <query>`.',
      );
      setInterval(() => undefined, 1 << 30); // keep the process alive until a signal
    }
  });

program
  .command('ingest')
  .description('add reports from files, folders (.txt .md .html .json .jsonl, also gzipped) and article links')
  .argument('<paths...>', 'files, folders or http(s) links to articles')
  .action((paths: string[]) =>
    withCore(async (core) => {
      const links = paths.filter((p) => HTTP_URL.test(p));
      const files = paths.filter((p) => !HTTP_URL.test(p));
      const summary = await core.ingestPaths(files);
      for (const link of links) {
        const result = await core.feeds.ingestUrl(link);
        if (result.ok) {
          summary[result.status]++;
          if (result.status !== 'unchanged') summary.changedIds.push(result.id);
          process.stdout.write(`${link}: ${result.status} #${result.id} ${result.title}\n`);
        } else {
          summary.failed++;
          summary.failures.push({ origin: link, reason: result.reason });
        }
      }
      printIngestSummary(summary, process.stdout);
      process.exitCode = summary.failed > 0 && summary.added + summary.updated + summary.unchanged === 0 ? 1 : 0;
    }),
  );

program.addCommand(feedsCommand(withCore));
for (const command of digestCommands(withDigests)) program.addCommand(command);

program
  .command('search')
  .description('search the reports, in English or Arabic')
  .argument('<query...>', 'e.g. attacks in Raqqa, هجمات في الرقة, car bombs Deir ez-Zor 2019')
  .option('--json', 'print the answer as JSON')
  .option('--limit <n>', 'results per page', wholeNumber(100), 5)
  .option('--offset <n>', 'results to skip', wholeNumber(1_000_000), 0)
  .action((words: string[], opts: { json?: boolean; limit: number; offset: number }) => {
    const { core } = startCore();
    try {
      const answer = core.search(words.join(' '), { limit: opts.limit, offset: opts.offset });
      process.stdout.write(
        opts.json ? `${JSON.stringify(searchAnswerJson(answer), null, 2)}\n` : `${renderAnswer(answer, { color: process.stdout.isTTY === true })}\n`,
      );
    } finally {
      core.close();
    }
  });

program
  .command('show')
  .description('print a stored report and everything Rasid understood of it')
  .argument('<ref>', 'report id, external id or URL')
  .option('--json', 'print as JSON')
  .action((ref: string, opts: { json?: boolean }) => {
    const { core } = startCore();
    try {
      const report = core.show(ref);
      if (report === undefined) {
        process.stderr.write(`No report ${JSON.stringify(ref)}: give a report id (#12), an external id or a URL.\n`);
        process.exitCode = 1;
        return;
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const lines = [
        `#${report.id} ${report.title}`,
        `outlet: ${report.source ?? 'unknown'} · published: ${report.publishedAt ?? 'unknown'}${report.dateSource ? ` (from ${report.dateSource})` : ''} · ingested: ${report.ingestedAt}`,
        `url: ${report.url ?? '(none)'} · origin: ${report.origin}`,
        `places: ${report.places.map((p) => `${p.en} ${p.ar} (${p.key}) ×${p.mentions}`).join(', ') || '(none)'}`,
        `events: ${report.events.map((e) => `${e.en} ×${e.mentions}`).join(', ') || '(none)'}`,
        `actors: ${report.actors.map((a) => `${a.en} ×${a.mentions}`).join(', ') || '(none)'}`,
        `casualties: ${report.casualties.map((c) => c.surface).join(' · ') || '(none stated)'}`,
        '',
        report.body,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      core.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DatabaseTooNewError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
