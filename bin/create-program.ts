/** The `rasid` command tree: every subcommand, wired to the core through one `CliContext`. */
import { withoutCredentials } from '../src/fetch/redact-url.js';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { repoPath } from '../src/config/repo-path.js';
import { searchAnswerJson } from '../src/search/search-answer.js';
import { renderAnswer } from '../bots/console/render-text.js';
import { printIngestSummary } from '../bots/console/print-ingest-summary.js';
import { feedsCommand } from './commands/feeds-command.js';
import { digestCommands } from './commands/digest-commands.js';
import { serveCommand } from './commands/serve-command.js';
import { configuredPlatforms, loadConfig } from '../src/config/load-config.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './cli-errors.js';
import { checkFilter, dayBounds, wholeNumber } from './cli-options.js';
import { chartCommands } from './commands/chart-commands.js';
import { BackupError } from '../src/store/backup-database.js';
import { resolve } from 'node:path';
import { renderStatusText } from '../bots/chat/render-status.js';
import { reportDetailsJson } from '../src/report-details-json.js';
import { ACLED_COLUMNS } from '../src/store/event-export.js';
import { writeCsv } from '../src/text/write-csv.js';

const HTTP_URL = /^https?:\/\//i;

/** What to say instead of "No reports match." when there is nothing to search at all. */
export const EMPTY_DATABASE =
  'The database has no reports yet. Load some: rasid ingest data/corpus (or any files, folders or links), or npm start, which ingests RASID_CORPUS.';

function packageVersion(): string {
  return (JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string }).version;
}

export function createProgram(cli: CliContext): Command {
  const { io } = cli;
  const program = new Command('rasid')
    .description('Rasid (راصد): search and digests of Arabic reporting on ISIS in Syria and Iraq')
    .version(packageVersion(), '-V, --version', 'print the version')
    .addHelpText(
      'after',
      '\nExit codes: 0 all done · 1 some inputs failed (a file, a feed poll, a digest not delivered) · 2 bad arguments or settings.',
    );

  program.addCommand(serveCommand(cli.startCore));

  program
    .command('ingest')
    .description('add reports from files, folders (.txt .md .html .json .jsonl, also gzipped) and article links')
    .argument('<paths...>', 'files, folders or http(s) links to articles')
    .action((paths: string[]) =>
      cli.withCore(async (core) => {
        const links = paths.filter((p) => HTTP_URL.test(p));
        const files = paths.filter((p) => !HTTP_URL.test(p));
        const summary = await core.ingestPaths(files);
        for (const link of links) {
          const result = await core.feeds.ingestUrl(link);
          if (result.ok) {
            summary[result.status]++;
            if (result.status !== 'unchanged') summary.changedIds.push(result.id);
            io.out.write(withoutCredentials(`${link}: ${result.status} #${result.id} ${result.title}\n`));
          } else {
            summary.failed++;
            summary.failures.push({ origin: link, reason: result.reason });
          }
        }
        printIngestSummary(summary, io.out);
        if (summary.failed > 0) cli.someFailed();
      }),
    );

  program.addCommand(feedsCommand(cli));
  program
    .command('discord')
    .description('Discord set-up')
    .command('register')
    .description('register the slash commands: in DISCORD_GUILD_ID when set (instant), else globally')
    .action(async () => {
      const config = loadConfig(io.env);
      if (config.discord === null) throw new UsageError('DISCORD_BOT_TOKEN is not set: add it and DISCORD_APPLICATION_ID (from the Discord developer portal) to .env first.');
      if (config.discord.applicationId === null) {
        throw new UsageError('DISCORD_APPLICATION_ID is not set: copy it from the Discord developer portal (General Information → Application ID) into .env.');
      }
      // discord.js is loaded here, not at start: it alone is most of the CLI's start-up time.
      const { registerDiscordCommands } = await import('../bots/discord/register-discord-commands.js');
      const { scope, count } = await registerDiscordCommands(config.discord);
      io.out.write(`registered ${count} commands (${scope})\n`);
    });
  for (const command of digestCommands(cli)) program.addCommand(command);

  program
    .command('search')
    .description('search the reports, in English or Arabic')
    .argument('<query...>', 'e.g. attacks in Raqqa, هجمات في الرقة, car bombs Deir ez-Zor 2019')
    .option('--json', 'print the answer as JSON')
    .option('--limit <n>', 'results per page (1-100)', wholeNumber(1, 100), 5)
    .option('--offset <n>', 'results to skip', wholeNumber(0, 1_000_000), 0)
    .action((words: string[], opts: { json?: boolean; limit: number; offset: number }) =>
      cli.withCore((core) => {
        const answer = core.search(words.join(' '), { limit: opts.limit, offset: opts.offset });
        if (opts.json) {
          io.out.write(`${JSON.stringify(searchAnswerJson(answer), null, 2)}\n`);
          return;
        }
        io.out.write(`${renderAnswer(answer, { color: io.tty, paging: 'cli' })}\n`);
        if (answer.total === 0 && core.store.count() === 0) io.out.write(`${EMPTY_DATABASE}\n`);
      }),
    );

  program
    .command('status')
    .description('how the service is doing: reports, feeds, subscriptions, platforms, database; exits 1 when it needs attention')
    .option('--json', 'print as JSON')
    .action((opts: { json?: boolean }) =>
      cli.withCore((core) => {
        const status = core.status(configuredPlatforms(core.config));
        io.out.write(opts.json ? `${JSON.stringify(status, null, 2)}\n` : `${renderStatusText(status)}\n`);
        if (!status.healthy) cli.someFailed();
      }),
    );

  program
    .command('backup')
    .description("copy the database to a new file through SQLite's online backup (safe while the service runs)")
    .argument('<file>', 'where the copy goes (must not exist); restore by stopping the service and putting it at RASID_DB')
    .action((file: string) =>
      cli.withCore(async (core) => {
        try {
          const b = await core.backup(resolve(file));
          io.out.write(`backed up ${b.reports} report(s) to ${b.path} (${(b.bytes / 1_048_576).toFixed(1)} MiB)\n`);
        } catch (err) {
          if (err instanceof BackupError) throw new UsageError(err.message);
          throw err;
        }
      }),
    );

  program
    .command('show')
    .description('print a stored report and everything Rasid understood of it')
    .argument('<ref>', 'report id (12 or #12), external id or URL')
    .option('--json', 'print as JSON')
    .action((ref: string, opts: { json?: boolean }) =>
      cli.withCore((core) => {
        // `#12` is how every list names a report; accept it as the id it is.
        const report = core.show(/^#\d+$/.test(ref.trim()) ? ref.trim().slice(1) : ref);
        if (report === undefined) throw new UsageError(`No report ${JSON.stringify(ref)}: give a report id (12 or #12), an external id or a URL.`);
        if (opts.json) {
          io.out.write(`${JSON.stringify(reportDetailsJson(report), null, 2)}\n`);
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
        io.out.write(`${lines.join('\n')}\n`);
      }),
    );
  program
    .command('events')
    .description('export event records with ACLED column names (newest first)')
    .option('--json', 'print a JSON array of rows')
    .option('--csv', 'print CSV (RFC 4180, UTF-8)')
    .option('--filter <query>', "only events matching a query (places and event types must be the event's own)")
    .option('--since <date>', 'only events on or after this day (YYYY-MM-DD)')
    .option('--until <date>', 'only events on or before this day (YYYY-MM-DD)')
    .action((opts: { json?: boolean; csv?: boolean; filter?: string; since?: string; until?: string }) => {
      if (opts.json && opts.csv) throw new UsageError('Give --json or --csv, not both.');
      const { since, until } = dayBounds(opts);
      return cli.withCore((core) => {
        checkFilter(opts.filter, core.interpret);
        const rows = core.events({ filter: opts.filter ?? null, since, until });
        if (opts.json) io.out.write(`${JSON.stringify(rows, null, 2)}\n`);
        else if (opts.csv) io.out.write(writeCsv(ACLED_COLUMNS, rows.map((r) => ACLED_COLUMNS.map((c) => r[c]))));
        else {
          const lines = rows.map((r) =>
            `${r.event_id_cnty} ${r.event_date ?? 'date unknown'} · ${r.sub_event_type} · ${[r.location, r.admin1].filter((x) => x !== null).join(', ') || 'place unknown'} · ${[r.actor1, r.actor2].filter((x) => x !== null).join(' vs ') || 'actors unknown'} · fatalities ${r.fatalities}`);
          io.out.write(`${rows.length} event(s)\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`);
        }
      });
    });
  for (const command of chartCommands(cli)) program.addCommand(command);
  return program;
}
