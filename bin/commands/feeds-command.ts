/** `rasid feeds add|list|remove|poll|resume`: the feeds the team follows. */
import { Command, InvalidArgumentError } from 'commander';
import type { Core } from '../../src/create-core.js';
import { FeedInputError } from '../../src/feeds/feed-service.js';
import type { Feed } from '../../src/feeds/feed-store.js';
import { parseDuration } from '../../src/feeds/parse-duration.js';
import type { PollSummary } from '../../src/feeds/poll-feed.js';

const positive = (max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`expected a whole number from 1 to ${max}`);
  return n;
};
const duration = (value: string) => {
  const ms = parseDuration(value);
  if (ms === null) throw new InvalidArgumentError('expected a duration such as 12h, 7d or 2w (at most a year)');
  return ms;
};

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

/** The `feeds` command; `withCore` opens the core for one command and closes it after. */
export function feedsCommand(withCore: <T>(fn: (core: Core) => Promise<T> | T) => Promise<T>): Command {
  const feeds = new Command('feeds').description('follow RSS, Atom and JSON feeds');
  const fail = (err: unknown) => {
    if (err instanceof FeedInputError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw err;
  };

  feeds
    .command('add')
    .description('follow a feed and poll it once now; its existing items are recorded, not announced')
    .argument('<url>', 'the feed address (RSS, Atom or JSON Feed)')
    .option('--name <outlet>', 'the outlet, shown with each report')
    .option('--every <minutes>', 'poll interval in minutes', positive(1440))
    .option('--backfill <duration>', 'announce items published within this time (e.g. 7d)', duration)
    .action((url: string, o: { name?: string; every?: number; backfill?: number }) =>
      withCore(async (core) => {
        try {
          const { feed, firstPoll } = await core.feeds.add(url, { name: o.name ?? null, everyMinutes: o.every, backfillMs: o.backfill ?? null });
          process.stdout.write(`added feed #${feed.id} (${feed.url}), polled every ${feed.everyMinutes} min\n${pollLine(firstPoll)}\n`);
        } catch (err) {
          fail(err);
        }
      }),
    );

  feeds
    .command('list')
    .description("each feed's state, last success, last error and report count")
    .action(() =>
      withCore((core) => {
        const list = core.feeds.list();
        process.stdout.write(list.length === 0 ? 'No feeds. Add one: rasid feeds add <url> --name <outlet>\n' : `${list.map(feedLines).join('\n')}\n`);
      }),
    );

  feeds
    .command('remove')
    .description('stop following a feed (its reports stay)')
    .argument('<id>', 'feed number', positive(1e9))
    .action((id: number) =>
      withCore((core) => {
        if (core.feeds.remove(id)) process.stdout.write(`removed feed #${id}\n`);
        else fail(new FeedInputError(`there is no feed #${id}; see rasid feeds list`));
      }),
    );

  feeds
    .command('poll')
    .description('poll one feed, or every active feed, now')
    .argument('[id]', 'feed number', positive(1e9))
    .action((id: number | undefined) =>
      withCore(async (core) => {
        try {
          const results = await core.feeds.poll(id);
          process.stdout.write(results.length === 0 ? 'No active feeds to poll.\n' : `${results.map(pollLine).join('\n')}\n`);
        } catch (err) {
          fail(err);
        }
      }),
    );

  feeds
    .command('resume')
    .description('resume a feed that was paused after repeated failures')
    .argument('<id>', 'feed number', positive(1e9))
    .action((id: number) =>
      withCore((core) => {
        if (core.feeds.resume(id)) process.stdout.write(`resumed feed #${id}; it is polled at the next tick\n`);
        else fail(new FeedInputError(`feed #${id} is not paused (or does not exist); see rasid feeds list`));
      }),
    );
  return feeds;
}
