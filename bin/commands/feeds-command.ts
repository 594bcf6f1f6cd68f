/** `rasid feeds add|list|remove|poll|resume`: the feeds the team follows. */
import { Command } from 'commander';
import type { Feed } from '../../src/store/feed-store.js';
import type { PollSummary } from '../../src/feeds/poll-feed.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../cli-errors.js';
import { duration, wholeNumber } from '../cli-options.js';

const positive = (max: number) => wholeNumber(1, max);

/** One line per poll: what came in, what failed. */
export function pollLine(s: PollSummary): string {
  if (s.status === 'failed') return `#${s.feedId} failed${s.paused ? ' and is now paused' : ''}: ${s.error}`;
  if (s.status === 'not_modified') return `#${s.feedId} not modified since the last poll`;
  const parts = [`${s.newItems} new item(s)`, `${s.added} report(s) added`];
  if (s.added !== s.announced) parts.push(`${s.added - s.announced} of them recorded as already known (not announced in digests)`);
  if (s.known > 0) parts.push(`${s.known} already stored`);
  if (s.failedItems.length > 0) parts.push(`${s.failedItems.length} failed`);
  return `#${s.feedId} ${parts.join(', ')}` + s.failedItems.map((f) => `\n  failed: ${f.key}: ${f.reason}`).join('');
}

function feedLines(f: Feed): string {
  const state = f.state === 'paused' ? `PAUSED (${f.pausedReason})` : 'active';
  return [
    `#${f.id} ${f.name ?? '(no name)'} · ${f.url}`,
    `   ${state} · every ${f.everyMinutes} min · ${f.itemCount} report(s) · last success: ${f.lastSuccessAt ?? 'never'} · next poll: ${f.state === 'active' ? f.nextPollAt : '-'}`,
    ...(f.lastError ? [`   last error (${f.lastErrorAt}, ${f.consecutiveFailures} in a row): ${f.lastError}`] : []),
  ].join('\n');
}

/** The `feeds` command. A poll that fails makes the command exit 1; a bad argument exits 2 (the error boundary). */
export function feedsCommand(cli: CliContext): Command {
  const { io } = cli;
  const feeds = new Command('feeds').description('follow RSS, Atom and JSON feeds');
  const report = (results: readonly PollSummary[]) => {
    if (results.some((r) => r.status === 'failed')) cli.someFailed();
    return results.map(pollLine).join('\n');
  };

  feeds
    .command('add')
    .description('follow a feed and poll it once now; its existing items are recorded, not announced (exits 1 when that poll fails)')
    .argument('<url>', 'the feed address (RSS, Atom or JSON Feed)')
    .option('--name <outlet>', 'the outlet, shown with each report')
    .option('--every <minutes>', 'poll interval in minutes (1-1440)', positive(1440))
    .option('--backfill <duration>', 'announce items published within this time (e.g. 7d)', duration)
    .action((url: string, o: { name?: string; every?: number; backfill?: number }) =>
      cli.withCore(async (core) => {
        const { feed, firstPoll } = await core.feeds.add(url, { name: o.name ?? null, everyMinutes: o.every, backfillMs: o.backfill ?? null });
        io.out.write(`added feed #${feed.id} (${feed.url}), polled every ${feed.everyMinutes} min\n${report([firstPoll])}\n`);
      }),
    );

  feeds
    .command('list')
    .description("each feed's state, last success, last error and report count")
    .action(() =>
      cli.withCore((core) => {
        const list = core.feeds.list();
        io.out.write(list.length === 0 ? 'No feeds. Add one: rasid feeds add <url> --name <outlet>\n' : `${list.map(feedLines).join('\n')}\n`);
      }),
    );

  feeds
    .command('remove')
    .description('stop following a feed (its reports stay)')
    .argument('<id>', 'feed number', positive(1e9))
    .action((id: number) =>
      cli.withCore((core) => {
        if (!core.feeds.remove(id)) throw new UsageError(`there is no feed #${id}; see rasid feeds list`);
        io.out.write(`removed feed #${id}\n`);
      }),
    );

  feeds
    .command('poll')
    .description('poll one feed, or every active feed, now (exits 1 when a poll fails)')
    .argument('[id]', 'feed number', positive(1e9))
    .action((id: number | undefined) =>
      cli.withCore(async (core) => {
        const results = await core.feeds.poll(id);
        io.out.write(results.length === 0 ? 'No active feeds to poll.\n' : `${report(results)}\n`);
      }),
    );

  feeds
    .command('resume')
    .description('resume a feed that was paused after repeated failures')
    .argument('<id>', 'feed number', positive(1e9))
    .action((id: number) =>
      cli.withCore((core) => {
        if (!core.feeds.resume(id)) throw new UsageError(`feed #${id} is not paused (or does not exist); see rasid feeds list`);
        io.out.write(`resumed feed #${id}; it is polled at the next tick\n`);
      }),
    );
  return feeds;
}
