#!/usr/bin/env node
/** The `rasid` command and the composition root: the one place that wires core, digests and bots together. */
import { Command, InvalidArgumentError } from 'commander';
import { loadConfig, ConfigError, type Config } from '../src/config/load-config.js';
import { createLogger, type Logger } from '../src/log/create-logger.js';
import { createCore, type Core } from '../src/create-core.js';
import { DatabaseTooNewError } from '../src/store/migrate.js';
import { searchAnswerJson } from '../src/search/search-answer.js';
import { renderAnswer } from '../bots/console/render-text.js';
import { printIngestSummary } from '../bots/console/print-ingest-summary.js';
import { feedsCommand } from './commands/feeds-command.js';
import { digestCommands } from './commands/digest-commands.js';
import { createDigestService, type DigestService } from '../digests/digest-service.js';
import { serveCommand } from './commands/serve-command.js';
import { registerDiscordCommands } from '../bots/discord/register-discord-commands.js';
import { createConsoleSink } from '../bots/console/console-sink.js';
import { reportDetailsJson } from '../src/report-details-json.js';
import { ACLED_COLUMNS } from '../src/store/event-export.js';
import { writeCsv } from '../src/text/write-csv.js';

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

/** Reads the settings once and builds the core; bot tokens are scrubbed from every log line. */
function startCore(notifyAdmins?: (message: string) => void): { core: Core; config: Config; logger: Logger } {
  const config = loadConfig();
  const secrets = [config.telegram?.token, config.telegram?.webhook?.secret, config.discord?.token].filter((s): s is string => s !== undefined);
  const logger = createLogger({ level: config.logLevel, format: config.logFormat, secrets });
  return { core: createCore({ config, logger, ...(notifyAdmins ? { notifyAdmins } : {}) }), config, logger };
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

program.addCommand(serveCommand(startCore));

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
program
  .command('discord')
  .description('Discord set-up')
  .command('register')
  .description('register the slash commands: in DISCORD_GUILD_ID when set (instant), else globally')
  .action(async () => {
    const config = loadConfig();
    if (config.discord === null) {
      process.stderr.write('DISCORD_BOT_TOKEN is not set: add it (and DISCORD_APPLICATION_ID) to .env first.\n');
      process.exitCode = 2;
      return;
    }
    const { scope, count } = await registerDiscordCommands(config.discord);
    process.stdout.write(`registered ${count} commands (${scope})\n`);
  });
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
        process.stdout.write(`${JSON.stringify(reportDetailsJson(report), null, 2)}\n`);
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
        `on topic: ${report.onTopic ? 'yes' : 'no'} · incident: ${report.incident ? 'yes' : 'no'}`,
        ...report.eventRecords.map((e, k) =>
          `event ${k + 1}: ${e.date ?? 'date unknown'} · ${e.event_type} / ${e.sub_event_type} (${e.kind}) · ${e.location ? `${e.location.en} ${e.location.ar}` : 'place unknown'}${e.admin1 && e.admin1.pcode !== e.location?.pcode ? `, ${e.admin1.en}` : ''} · ${[e.actor1, e.actor2].filter((a) => a !== null).join(' vs ') || 'actors unknown'} · killed ${e.fatalities}, wounded ${e.injuries}`),
        '',
        report.body,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      core.close();
    }
  });

/** A YYYY-MM-DD day that exists, else null. */
function isoDay(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? null : value;
}

program
  .command('events')
  .description('export event records with ACLED column names (newest first)')
  .option('--json', 'print a JSON array of rows')
  .option('--csv', 'print CSV (RFC 4180, UTF-8)')
  .option('--filter <query>', 'only events matching a query (places and event types must be the event\'s own)')
  .option('--since <date>', 'only events on or after this day (YYYY-MM-DD)')
  .option('--until <date>', 'only events on or before this day (YYYY-MM-DD)')
  .action((opts: { json?: boolean; csv?: boolean; filter?: string; since?: string; until?: string }) => {
    const fail = (message: string) => {
      process.stderr.write(`${message}\n`);
      process.exitCode = 2;
    };
    if (opts.json && opts.csv) return fail('Give --json or --csv, not both.');
    const since = opts.since === undefined ? null : isoDay(opts.since);
    const until = opts.until === undefined ? null : isoDay(opts.until);
    if (opts.since !== undefined && since === null) return fail(`--since ${JSON.stringify(opts.since)} is not a date: write it as YYYY-MM-DD, e.g. 2019-03-01.`);
    if (opts.until !== undefined && until === null) return fail(`--until ${JSON.stringify(opts.until)} is not a date: write it as YYYY-MM-DD, e.g. 2019-03-31.`);
    if (since !== null && until !== null && since > until) return fail(`--since ${since} is after --until ${until}.`);
    const { core } = startCore();
    try {
      const rows = core.events({ filter: opts.filter ?? null, since, until });
      if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (opts.csv) process.stdout.write(writeCsv(ACLED_COLUMNS, rows.map((r) => ACLED_COLUMNS.map((c) => r[c]))));
      else {
        const lines = rows.map((r) =>
          `${r.event_id_cnty} ${r.event_date ?? 'date unknown'} · ${r.sub_event_type} · ${[r.location, r.admin1].filter((x) => x !== null).join(', ') || 'place unknown'} · ${[r.actor1, r.actor2].filter((x) => x !== null).join(' vs ') || 'actors unknown'} · fatalities ${r.fatalities}`);
        process.stdout.write(`${rows.length} event(s)\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`);
      }
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
