/** `rasid serve` (`npm start`): the running service: corpus, feeds, inbox, digests, and the bots whose tokens are set. */
import { Command } from 'commander';
import type { TelegramBot } from '../../bots/telegram/create-telegram-bot.js';
import type { DiscordBot } from '../../bots/discord/create-discord-bot.js';
import type { MessageSink } from '../../digests/message-sink.js';
import type { Platform } from '../../digests/subscription-store.js';
import type { Config } from '../../src/config/load-config.js';
import type { Core } from '../../src/create-core.js';
import type { Logger } from '../../src/log/create-logger.js';
import { startHeartbeat } from '../service-heartbeat.js';

// What only the service uses (the bots' platform libraries above all) is imported in the action, and a
// platform's library only when its token is set, so that every other command starts without them.

/** How often subscriptions changed by another process (`rasid subscriptions …`) are picked up. */
const SCHEDULE_REFRESH_MS = 60_000;

export type StartCore = (notifyAdmins?: (message: string) => void, logDestination?: NodeJS.WritableStream) => Promise<{ core: Core; config: Config; logger: Logger }>;

export function serveCommand(startCore: StartCore): Command {
  return new Command('serve')
    .description('ingest the bundled corpus, poll feeds, watch the inbox, send digests, and answer in chat')
    .action(async () => {
      const [{ startConsoleChat }, { createConsoleSink }, { createPromptGuard }, { createDigestScheduler }, { createDigestService }] = await Promise.all([
        import('../../bots/console/console-chat.js'),
        import('../../bots/console/console-sink.js'),
        import('../../bots/console/prompt-guard.js'),
        import('../../digests/digest-scheduler.js'),
        import('../../digests/digest-service.js'),
      ]);
      let telegram: TelegramBot | null = null;
      // Log lines and digests printed while the console chat shows its prompt redraw the prompt below them.
      const guard = createPromptGuard();
      const { core, config, logger } = await startCore((message) => {
        logger.error({ admin: true }, message);
        void telegram?.notifyAdmins(message);
      }, guard.wrap(process.stderr));
      const summary = await core.ingestPaths(config.corpusPaths);
      for (const f of summary.failures) logger.warn({ origin: f.origin, reason: f.reason }, 'report not ingested');
      logger.info({ added: summary.added, updated: summary.updated, unchanged: summary.unchanged, failed: summary.failed, reports: core.store.count() }, 'corpus ready');

      // Sinks are filled in as the platforms start; the digest service reads them at delivery time.
      const sinks: Partial<Record<Platform, MessageSink>> = { console: createConsoleSink(guard.wrap(process.stdout)) };
      const notifyAdmins = (message: string) => {
        logger.error({ admin: true }, message);
        void telegram?.notifyAdmins(message);
      };
      const digests = createDigestService({ core, sinks, logger, notifyAdmins });
      const digestScheduler = createDigestScheduler({ subscriptions: digests.subscriptions, run: (id) => digests.run(id), now: () => core.clock.now(), logger });

      if (config.telegram !== null) {
        const { createTelegramBot } = await import('../../bots/telegram/create-telegram-bot.js');
        telegram = createTelegramBot({ core, digests, settings: config.telegram, logger, ratePerMinute: config.userRatePerMinute, refreshSchedules: () => digestScheduler.refresh() });
        await telegram.start();
        sinks.telegram = telegram.sink;
      }
      let discord: DiscordBot | null = null;
      if (config.discord !== null) {
        const { createDiscordBot } = await import('../../bots/discord/create-discord-bot.js');
        discord = createDiscordBot({ core, digests, settings: config.discord, logger, ratePerMinute: config.userRatePerMinute, refreshSchedules: () => digestScheduler.refresh() });
        await discord.start();
        sinks.discord = discord.sink;
      }

      core.feeds.scheduler.start();
      core.inbox.start();
      // What `rasid status` and the HEALTHCHECK read: this process is alive, and how its platforms are.
      const heartbeat = startHeartbeat(
        config.dbPath,
        () => ({
          telegram: config.telegram === null ? 'not configured' : telegram === null ? 'starting' : telegram.bot.isRunning() || telegram.webhookPort() !== null ? 'connected' : 'disconnected',
          discord: config.discord === null ? 'not configured' : discord === null ? 'starting' : discord.client.isReady() ? 'connected' : 'disconnected',
        }),
        logger,
      );
      // Runs a crash left half-sent go out first, in order; then missed runs catch up once; then the schedule.
      await digests.resumeOpenRuns();
      await digestScheduler.start();
      const refreshTimer = setInterval(() => digestScheduler.refresh(), SCHEDULE_REFRESH_MS);
      logger.info(
        { feeds: core.feeds.list().length, inbox: config.inboxDir, subscriptions: digests.subscriptions.list().length, telegram: config.telegram !== null, discord: config.discord !== null },
        'feed poller, inbox and digest scheduler running',
      );

      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        logger.info('stopping: finishing the polls, inbox files and messages under way');
        clearInterval(refreshTimer);
        digestScheduler.stop();
        await Promise.all([core.feeds.scheduler.stop(), core.inbox.stop(), telegram?.stop(), discord?.stop()]);
        heartbeat.stop();
        core.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());

      const anyBot = config.telegram !== null || config.discord !== null;
      if (!anyBot && process.stdin.isTTY) {
        await startConsoleChat(core, { input: process.stdin, output: process.stdout, color: process.stdout.isTTY === true, digests, guard });
        await stop();
        return;
      }
      if (!anyBot) {
        logger.info(
          'No bot token is set and there is no terminal for the console chat; the service keeps running until SIGINT or SIGTERM. Set TELEGRAM_BOT_TOKEN or DISCORD_BOT_TOKEN to chat, or run `npm start` in a terminal.',
        );
      }
      setInterval(() => undefined, 1 << 30); // keep the process alive until a signal
    });
}
