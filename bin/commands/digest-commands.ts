/** `rasid digest --dry-run` and `rasid subscriptions list|add|remove|pause|resume`. */
import { Command, InvalidArgumentError } from 'commander';
import { ScheduleError } from '../../digests/cron-schedule.js';
import { SubscriptionError, type DigestService } from '../../digests/digest-service.js';
import type { Platform, Subscription } from '../../digests/subscription-store.js';
import type { Core } from '../../src/create-core.js';
import { parseDuration } from '../../src/feeds/parse-duration.js';

type WithDigests = <T>(fn: (core: Core, digests: DigestService) => Promise<T> | T) => Promise<T>;

const whole = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};
const duration = (value: string) => {
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidArgumentError('expected a duration such as 12h, 7d or 2w');
  return ms;
};
const PLATFORMS: readonly Platform[] = ['console', 'telegram', 'discord'];

function refuse(err: unknown): void {
  if (err instanceof SubscriptionError || err instanceof ScheduleError) {
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 1;
    return;
  }
  throw err;
}

export function subscriptionLine(s: Subscription): string {
  const where = `${s.platform} ${s.chatId}${s.threadId ? ` (thread ${s.threadId})` : ''}`;
  return [
    `#${s.id} ${s.label ?? where} · ${s.paused ? 'PAUSED' : 'active'}`,
    `   to: ${where} · schedule: ${s.cron} (${s.timezone}) · next: ${s.paused ? '-' : s.nextRunAt}`,
    `   filter: ${s.filter ?? '(all new reports)'} · up to ${s.itemCap} stories${s.sendEmpty ? ' · says when nothing is new' : ''}${s.includeOffTopic ? ' · every topic' : ''} · covered up to report #${s.watermark}`,
  ].join('\n');
}

export function digestCommands(withDigests: WithDigests): Command[] {
  const digest = new Command('digest')
    .description('show what a digest would be now, recording nothing')
    .requiredOption('--dry-run', 'record nothing and send nothing (the only mode of this command)')
    .option('--since <time>', 'cover reports that arrived within this time (e.g. 24h, 7d); default: all')
    .option('--filter <query>', 'only reports matching this query (places, events, actors, words)')
    .option('--format <format>', 'telegram | discord | text | json', 'text')
    .option('--timezone <zone>', 'IANA time zone for dates', 'Asia/Damascus')
    .option('--limit <n>', 'stories at most', whole(1, 200), 30)
    .action((o: { since?: string; filter?: string; format: string; timezone: string; limit: number }) =>
      withDigests((core, digests) => {
        if (!['telegram', 'discord', 'text', 'json'].includes(o.format)) throw new InvalidArgumentError('--format must be telegram, discord, text or json');
        const sinceReportId = o.since === undefined ? 0 : core.lastReportId(new Date(core.clock.now().getTime() - duration(o.since)));
        const d = digests.preview({ filter: o.filter ?? null, sinceReportId, itemCap: o.limit, timezone: o.timezone });
        if (o.format === 'json') process.stdout.write(`${JSON.stringify(d, null, 2)}\n`);
        else {
          const platform: Platform = o.format === 'text' ? 'console' : (o.format as Platform);
          const messages = digests.render(d, platform);
          messages.forEach((m, k) => {
            const body = platform === 'console' ? (m as { text: string }).text : platform === 'telegram' ? (m as { html: string }).html : JSON.stringify(m, null, 2);
            process.stdout.write(`${messages.length > 1 ? `── message ${k + 1} of ${messages.length} ──\n` : ''}${body}\n`);
          });
        }
      }),
    );

  const subs = new Command('subscriptions').description('scheduled digests: who gets them, when, and what they cover');
  subs
    .command('list')
    .description('every subscription, its schedule, filter and delivery state')
    .action(() =>
      withDigests((_core, digests) => {
        const list = digests.subscriptions.list();
        process.stdout.write(list.length === 0 ? 'No subscriptions. Add one: rasid subscriptions add --to console\n' : `${list.map(subscriptionLine).join('\n')}\n`);
      }),
    );
  subs
    .command('add')
    .description('subscribe a destination to scheduled digests of new reports (starts from now)')
    .option('--to <platform>', 'console | telegram | discord', 'console')
    .option('--chat <id>', 'chat or channel id (console: any name)', 'stdout')
    .option('--thread <id>', 'forum topic / thread id')
    .option('--cron <expression>', 'when, as a cron expression', '0 8 * * *')
    .option('--timezone <zone>', 'IANA time zone of the schedule and dates', 'Asia/Damascus')
    .option('--filter <query>', 'only reports matching this query')
    .option('--limit <n>', 'stories per digest at most', whole(1, 200), 30)
    .option('--send-empty', 'send one short line when nothing is new')
    .option('--all-topics', 'carry every report, not only those about the conflict (sport, economy, ...)')
    .option('--backfill <duration>', 'also cover reports that arrived within this time before now (e.g. 7d)', duration)
    .option('--label <name>', 'a name for the list')
    .action((o: { to: string; chat: string; thread?: string; cron: string; timezone: string; filter?: string; limit: number; sendEmpty?: boolean; allTopics?: boolean; backfill?: number; label?: string }) =>
      withDigests((_core, digests) => {
        if (!PLATFORMS.includes(o.to as Platform)) throw new InvalidArgumentError('--to must be console, telegram or discord');
        try {
          const s = digests.subscribe({
            destination: { platform: o.to as Platform, chatId: o.chat, threadId: o.thread ?? null },
            cron: o.cron,
            timezone: o.timezone,
            filter: o.filter ?? null,
            itemCap: o.limit,
            sendEmpty: o.sendEmpty === true,
            includeOffTopic: o.allTopics === true,
            backfillMs: o.backfill ?? null,
            label: o.label ?? null,
            createdBy: 'cli',
          });
          process.stdout.write(`added subscription\n${subscriptionLine(s)}\n`);
        } catch (err) {
          refuse(err);
        }
      }),
    );
  const byId = (name: string, description: string, act: (digests: DigestService, id: number) => boolean, done: string) =>
    subs
      .command(name)
      .description(description)
      .argument('<id>', 'subscription number', whole(1, 1e9))
      .action((id: number) =>
        withDigests((_core, digests) => {
          if (act(digests, id)) process.stdout.write(`${done} subscription #${id}\n`);
          else refuse(new SubscriptionError(`there is no subscription #${id}; see rasid subscriptions list`));
        }),
      );
  byId('remove', 'delete a subscription', (d, id) => d.subscriptions.remove(id), 'removed');
  byId('pause', 'stop sending digests (nothing is lost: the next digest after resume covers the gap)', (d, id) => d.subscriptions.setPaused(id, true), 'paused');
  byId('resume', 'send digests again', (d, id) => d.subscriptions.setPaused(id, false), 'resumed');
  subs
    .command('run')
    .description('run one subscription now (compose, record, deliver) instead of waiting for its schedule')
    .argument('<id>', 'subscription number', whole(1, 1e9))
    .action((id: number) =>
      withDigests(async (_core, digests) => {
        try {
          const outcome = await digests.run(id);
          process.stdout.write(`\n${JSON.stringify(outcome)}\n`);
        } catch (err) {
          refuse(err);
        }
      }),
    );
  return [digest, subs];
}
