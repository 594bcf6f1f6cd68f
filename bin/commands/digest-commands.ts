/** `rasid digest --dry-run` and `rasid subscriptions list|add|remove|pause|resume|run`. */
import { Command, Option } from 'commander';
import type { DigestService, RunOutcome } from '../../digests/digest-service.js';
import type { AlertEvaluation } from '../../digests/alert-check.js';
// The detector's constants only: spike-detector.ts imports nothing, so `rasid --help` loads no cron library.
import { ALERT_CRON, DEFAULT_K, MAX_ALERT_K } from '../../digests/spike-detector.js';
import type { OutboxStore } from '../../digests/outbox-store.js';
import type { Platform, Subscription } from '../../digests/subscription-store.js';
import { consolePlatform } from '../../bots/console/console-platform.js';
import { PLATFORMS, platformNamed } from '../platforms.js';
import { inZone } from '../../bots/chat/render-status.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../cli-errors.js';
import { checkFilter, duration, positiveNumber, since, sinceInstant, timeZone, wholeNumber, type Since } from '../cli-options.js';

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

/** A number for operators: at most two decimals. */
const num = (n: number) => String(Math.round(n * 100) / 100);

/** An alert subscription's state, for the list: quiet or firing since when, and what its last check saw. */
function alertStateLine(s: Subscription): string {
  const a = s.alert;
  const state = a.state === 'firing' ? `FIRING since ${inZone(a.since ?? '', s.timezone)}` : 'quiet';
  const last = a.checkedAt === null ? 'not checked yet' : `last check ${inZone(a.checkedAt, s.timezone)}: ${a.count} event(s), threshold ${num(a.threshold ?? 0)}`;
  return `   state: ${state} · ${last}`;
}

export function subscriptionLine(s: Subscription, outbox?: OutboxStore): string {
  const where = `${s.platform} ${s.chatId}${s.threadId ? ` (thread ${s.threadId})` : ''}`;
  if (s.kind === 'alert') {
    return [
      `#${s.id} ${s.label ?? where} · alert · ${s.paused ? 'PAUSED' : 'active'}`,
      `   to: ${where} · checks: ${s.cron} (${s.timezone}) · next: ${s.paused ? '-' : inZone(s.nextRunAt, s.timezone)}`,
      `   alert on: ${s.filter} · k ${num(s.alertK ?? DEFAULT_K)} (fires above the daily mean + k standard deviations, at least 3 events in 24 h)`,
      alertStateLine(s),
      ...openRunLine(s, outbox),
    ].join('\n');
  }
  return [
    `#${s.id} ${s.label ?? where} · ${s.paused ? 'PAUSED' : 'active'}`,
    `   to: ${where} · schedule: ${s.cron} (${s.timezone}) · next: ${s.paused ? '-' : inZone(s.nextRunAt, s.timezone)}`,
    `   filter: ${s.filter ?? '(all new reports)'} · up to ${s.itemCap} stories${s.sendEmpty ? ' · says when nothing is new' : ''}${s.includeOffTopic ? ' · every topic' : ''}${s.withChart ? ' · opens with a chart' : ''} · covered up to report #${s.watermark}`,
    ...openRunLine(s, outbox),
  ].join('\n');
}

/** What an alert check saw and decided, in one line. */
export function alertCheckLine(e: AlertEvaluation): string {
  const decided = {
    fire: 'FIRES',
    still_firing: 'still above its threshold (already alerted for this burst)',
    fell_back: 'back at its usual level (the next burst may alert again)',
    quiet: 'quiet',
    warming_up: 'too little history to know what is usual (needs 7 days)',
  }[e.decision];
  return `alert on "${e.filter}": ${e.count} event(s) in the last 24 h; usual ${num(e.mean)}/day (sd ${num(e.sd)}, over ${e.historyDays} day(s)), threshold ${num(e.threshold)} (k ${num(e.k)}): ${decided}`;
}

/** What `subscriptions run` did, in one line, and whether anything was delivered. */
export function runOutcomeLine(id: number, o: RunOutcome): { line: string; delivered: boolean } {
  switch (o.kind) {
    case 'alert_checked':
      return { line: `subscription #${id}: ${alertCheckLine(o.alert)}; nothing was sent`, delivered: false };
    case 'delivered':
      if (o.alert) return { line: `subscription #${id}: ${alertCheckLine(o.alert)}; run ${o.runId} delivered, ${o.messages} message(s)`, delivered: true };
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
    .option('--alert', `spike alerts instead of digests: checked hourly (or on --cron), alert when the events matching --filter in the last 24 h exceed their daily mean over the 28 days before by k standard deviations`)
    .option('--k <number>', `with --alert: standard deviations above the mean that fire (default ${DEFAULT_K})`, positiveNumber(MAX_ALERT_K))
    .action((o: { to: Platform; chat?: string; thread?: string; cron: string; timezone: string; filter?: string; limit: number; sendEmpty?: boolean; allTopics?: boolean; withChart?: boolean; backfill?: number; label?: string; alert?: boolean; k?: number }, command: Command) => {
      const shape = platformNamed(o.to)!.chatId;
      if (shape.required && o.chat === undefined) throw new UsageError(`--chat is required with --to ${o.to}: ${shape.describe} to send ${o.alert ? 'alerts' : 'digests'} to`);
      if (o.alert === true && o.filter === undefined) throw new UsageError('--alert needs --filter: what to watch, e.g. --filter "Deir ez-Zor"');
      if (o.alert !== true && o.k !== undefined) throw new UsageError('--k is for alerts: add --alert');
      const digestOnly = ['limit', 'sendEmpty', 'allTopics', 'withChart', 'backfill'].filter((name) => command.getOptionValueSource(name) === 'cli');
      if (o.alert === true && digestOnly.length > 0) {
        const flags = digestOnly.map((name) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
        throw new UsageError(`${flags.join(', ')} ${flags.length > 1 ? 'are' : 'is'} for digests, not alerts (an alert is its timeline and one message when the filter's events spike)`);
      }
      // An alert is checked hourly unless --cron was given (its default is the digests' morning time).
      const cron = o.alert === true && command.getOptionValueSource('cron') === 'default' ? ALERT_CRON : o.cron;
      return cli.withDigests((core, digests) => {
        if (o.alert === true) checkFilter(o.filter, core.interpret);
        const s = digests.subscribe({
          destination: { platform: o.to, chatId: o.chat ?? shape.fallback ?? '', threadId: o.thread ?? null },
          ...(o.alert === true ? { kind: 'alert' as const, alertK: o.k ?? DEFAULT_K } : {}),
          cron,
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
  const alerts = new Command('alerts').description('spike alerts (subscriptions add --alert): check them now');
  alerts
    .command('check')
    .description('check alert subscriptions now (all active ones, or one): print what each sees and decides; without --dry-run, record it and send the alerts that fire')
    .argument('[id]', 'one alert subscription (default: every active one)', wholeNumber(1, 1e9))
    .option('--dry-run', 'record nothing and send nothing: print each check, and the alert that would be sent')
    .action((id: number | undefined, o: { dryRun?: boolean }) =>
      cli.withDigests(async (_core, digests) => {
        const all = digests.subscriptions.list().filter((s) => s.kind === 'alert');
        const chosen = id === undefined ? all.filter((s) => !s.paused) : all.filter((s) => s.id === id);
        if (id !== undefined && chosen.length === 0) throw new UsageError(`there is no alert subscription #${id}; see rasid subscriptions list`);
        if (chosen.length === 0) {
          io.out.write('No active alert subscriptions. Add one: rasid subscriptions add --alert --filter "Deir ez-Zor"\n');
          return;
        }
        for (const s of chosen) {
          if (o.dryRun === true) {
            const e = digests.evaluateAlert(s.id);
            io.out.write(`subscription #${s.id}: ${alertCheckLine(e)}${e.decision === 'fire' ? ' (dry run: nothing recorded or sent)' : ''}\n`);
            if (e.alert !== null) io.out.write(`${consolePlatform.showMessage(consolePlatform.renderAlert(e.alert)[0])}\n`);
            continue;
          }
          const outcome = await digests.run(s.id);
          io.out.write(`${runOutcomeLine(s.id, outcome).line}\n`);
          // A quiet alert is a check done; only an alert that could not be delivered is a failure.
          if (outcome.kind === 'incomplete') cli.someFailed();
        }
      }),
    );
  return [digest, subs, alerts];
}
