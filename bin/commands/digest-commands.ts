/** `rasid digest --dry-run` and `rasid subscriptions list|add|remove|pause|resume|run`. */
import { Command, Option } from 'commander';
import type { DigestService, RunOutcome } from '../../digests/digest-service.js';
import type { OutboxStore } from '../../digests/outbox-store.js';
import type { Platform, Subscription } from '../../digests/subscription-store.js';
import { consolePlatform } from '../../bots/console/console-platform.js';
import { PLATFORMS, platformNamed } from '../platforms.js';
import { inZone } from '../../bots/chat/render-status.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../cli-errors.js';
import { checkFilter, duration, since, sinceInstant, timeZone, wholeNumber, type Since } from '../cli-options.js';

/** `--format`: each platform's rendering by name (the console's is `text`), and the digest model as `json`. */
const FORMATS = [...PLATFORMS.filter((p) => p !== consolePlatform).map((p) => p.name), 'text', 'json'];

/** The run still being delivered, as one line, if there is one. */
function openRunLine(s: Subscription, outbox: OutboxStore | undefined): string[] {
  const run = outbox?.openRun(s.id);
  if (run === undefined) return [];
  const messages = outbox!.messages(run.id);
  const sent = messages.filter((m) => m.sentAt !== null).length;
  return [`   open run #${run.id} (since ${run.createdAt}): ${sent} of ${messages.length} message(s) sent${run.lastError ? ` · last error: ${run.lastError}` : ''}`];
}

export function subscriptionLine(s: Subscription, outbox?: OutboxStore): string {
  const where = `${s.platform} ${s.chatId}${s.threadId ? ` (thread ${s.threadId})` : ''}`;
  return [
    `#${s.id} ${s.label ?? where} · ${s.paused ? 'PAUSED' : 'active'}`,
    `   to: ${where} · schedule: ${s.cron} (${s.timezone}) · next: ${s.paused ? '-' : inZone(s.nextRunAt, s.timezone)}`,
    `   filter: ${s.filter ?? '(all new reports)'} · up to ${s.itemCap} stories${s.sendEmpty ? ' · says when nothing is new' : ''}${s.includeOffTopic ? ' · every topic' : ''}${s.withChart ? ' · opens with a chart' : ''} · covered up to report #${s.watermark}`,
    ...openRunLine(s, outbox),
  ].join('\n');
}

/** What `subscriptions run` did, in one line, and whether anything was delivered. */
export function runOutcomeLine(id: number, o: RunOutcome): { line: string; delivered: boolean } {
  switch (o.kind) {
    case 'delivered':
      return { line: `subscription #${id}: run ${o.runId} delivered, ${o.messages} message(s)${o.resumed ? ' (an open run resumed)' : ''}`, delivered: true };
    case 'incomplete':
      return { line: `subscription #${id}: run ${o.runId} not fully delivered (${o.messages} message(s)); it stays open and is retried at the next scheduled time or restart (see rasid subscriptions list)`, delivered: false };
    case 'nothing_new':
      return { line: `subscription #${id}: nothing new since its last digest, so nothing was sent (--send-empty sends a short line instead)`, delivered: false };
    case 'paused':
      return { line: `subscription #${id} is paused: nothing was sent; rasid subscriptions resume ${id} first`, delivered: false };
    case 'busy':
      return { line: `subscription #${id} is being delivered by another run right now; nothing more was sent`, delivered: false };
  }
}

export function digestCommands(cli: CliContext): Command[] {
  const { io } = cli;
  const digest = new Command('digest')
    .description('show what a digest would be now, recording nothing')
    // Not requiredOption: commander checks required options before unknown ones, so `digest --frob` said
    // "--dry-run not specified" and never named --frob; the action asks for it instead, after that check.
    .option('--dry-run', 'record nothing and send nothing (the only mode of this command; required)')
    .option('--since <date or duration>', 'cover reports that arrived since a date (2018-06-01, midnight in --timezone) or within a duration (24h, 7d); default: all', since)
    .option('--filter <query>', 'only reports matching this query (places, events, actors, words)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--timezone <zone>', 'IANA time zone for dates', timeZone, 'Asia/Damascus')
    .option('--limit <n>', 'stories at most (1-200)', wholeNumber(1, 200), 30)
    .action((o: { dryRun?: boolean; since?: Since; filter?: string; format: string; timezone: string; limit: number }, command: Command) => {
      if (o.dryRun !== true) command.error("error: required option '--dry-run' not specified", { exitCode: 2 });
      return cli.withDigests((core, digests) => {
        checkFilter(o.filter, core.interpret);
        const sinceReportId = o.since === undefined ? 0 : core.lastReportId(sinceInstant(o.since, core.clock.now(), o.timezone));
        const d = digests.preview({ filter: o.filter ?? null, sinceReportId, itemCap: o.limit, timezone: o.timezone });
        if (o.format === 'json') {
          io.out.write(`${JSON.stringify(d, null, 2)}\n`);
          return;
        }
        const platform = o.format === 'text' ? consolePlatform : platformNamed(o.format)!;
        const messages = platform.renderDigest(d);
        messages.forEach((m, k) => {
          const body = platform.showMessage(m);
          io.out.write(`${messages.length > 1 ? `── message ${k + 1} of ${messages.length} ──\n` : ''}${body}\n`);
        });
      });
    });

  const subs = new Command('subscriptions').description('scheduled digests: who gets them, when, and what they cover');
  subs
    .command('list')
    .description('every subscription: schedule, next run in its own time zone, filter, and any run still being delivered')
    .action(() =>
      cli.withDigests((_core, digests) => {
        const list = digests.subscriptions.list();
        io.out.write(list.length === 0 ? 'No subscriptions. Add one: rasid subscriptions add --to console\n' : `${list.map((s) => subscriptionLine(s, digests.outbox)).join('\n')}\n`);
      }),
    );
  subs
    .command('add')
    .description('subscribe a destination to scheduled digests of new reports (starts from now)')
    .addOption(new Option('--to <platform>', 'where digests go').choices(PLATFORMS.map((p) => p.name)).default(consolePlatform.name))
    .option('--chat <id>', 'chat or channel id (required for telegram and discord; console: any name, default stdout)')
    .option('--thread <id>', 'forum topic / thread id')
    .option('--cron <expression>', 'when, as a cron expression', '0 8 * * *')
    .option('--timezone <zone>', 'IANA time zone of the schedule and dates', timeZone, 'Asia/Damascus')
    .option('--filter <query>', 'only reports matching this query')
    .option('--limit <n>', 'stories per digest at most (1-200)', wholeNumber(1, 200), 30)
    .option('--send-empty', 'send one short line when nothing is new')
    .option('--all-topics', 'carry every report, not only those about the conflict (sport, economy, ...)')
    .option('--with-chart', 'open each digest with a chart of its reports (a picture; sent only once this service has a chart maker)')
    .option('--backfill <duration>', 'also cover reports that arrived within this time before now (e.g. 7d)', duration)
    .option('--label <name>', 'a name for the list')
    .action((o: { to: Platform; chat?: string; thread?: string; cron: string; timezone: string; filter?: string; limit: number; sendEmpty?: boolean; allTopics?: boolean; withChart?: boolean; backfill?: number; label?: string }) => {
      const shape = platformNamed(o.to)!.chatId;
      if (shape.required && o.chat === undefined) throw new UsageError(`--chat is required with --to ${o.to}: ${shape.describe} to send digests to`);
      return cli.withDigests((_core, digests) => {
        const s = digests.subscribe({
          destination: { platform: o.to, chatId: o.chat ?? shape.fallback ?? '', threadId: o.thread ?? null },
          cron: o.cron,
          timezone: o.timezone,
          filter: o.filter ?? null,
          itemCap: o.limit,
          sendEmpty: o.sendEmpty === true,
          includeOffTopic: o.allTopics === true,
          withChart: o.withChart === true,
          backfillMs: o.backfill ?? null,
          label: o.label ?? null,
          createdBy: 'cli',
        });
        io.out.write(`added subscription\n${subscriptionLine(s)}\n`);
      });
    });
  const byId = (name: string, description: string, act: (digests: DigestService, id: number) => boolean, done: string) =>
    subs
      .command(name)
      .description(description)
      .argument('<id>', 'subscription number', wholeNumber(1, 1e9))
      .action((id: number) =>
        cli.withDigests((_core, digests) => {
          if (!act(digests, id)) throw new UsageError(`there is no subscription #${id}; see rasid subscriptions list`);
          io.out.write(`${done} subscription #${id}\n`);
        }),
      );
  byId('remove', 'delete a subscription', (d, id) => d.subscriptions.remove(id), 'removed');
  byId('pause', 'stop sending digests (nothing is lost: the next digest after resume covers the gap)', (d, id) => d.subscriptions.setPaused(id, true), 'paused');
  byId('resume', 'send digests again', (d, id) => d.subscriptions.setPaused(id, false), 'resumed');
  subs
    .command('run')
    .description('run one subscription now (compose, record, deliver); exits 1 when nothing was delivered')
    .argument('<id>', 'subscription number', wholeNumber(1, 1e9))
    .action((id: number) =>
      cli.withDigests(async (_core, digests) => {
        const { line, delivered } = runOutcomeLine(id, await digests.run(id));
        io.out.write(`${line}\n`);
        if (!delivered) cli.someFailed();
      }),
    );
  return [digest, subs];
}
