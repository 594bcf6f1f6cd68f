/** `rasid serve` (`npm start`): the running service: corpus, feeds, inbox, digests, and the bots whose tokens are set. */
import { Command } from 'commander';
import type { MessageSink } from '../../digests/message-sink.js';
import type { Platform } from '../../digests/subscription-store.js';
import { configuredPlatforms, type Config } from '../../src/config/load-config.js';
import type { Core } from '../../src/create-core.js';
import type { Logger } from '../../src/log/create-logger.js';
import { runPlatform, sinkWhenUp, type PlatformRunner, type PlatformState } from '../../bots/platform/run-platform.js';
import type { StartedPlatform } from '../../bots/platform/chat-platform.js';
import { PLATFORMS } from '../platforms.js';
import { startHeartbeat } from '../service-heartbeat.js';
import type { PlatformState as ServicePlatformState } from '../../src/status/service-status.js';

// What only the service uses (the bots' platform libraries above all) is imported in the action, and a
// platform's library only when its token is set, so that every other command starts without them.

/** How often subscriptions changed by another process (`rasid subscriptions …`) are picked up. */
const SCHEDULE_REFRESH_MS = 60_000;
/** SIGINT/SIGTERM end the process within this, whatever is still under way (writes are transactions). */
const STOP_DEADLINE_MS = 9_000;

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
        import('../create-digest-service.js'),
      ]);
      const started: StartedPlatform[] = [];
      /** Tells every started platform that can reach its admins (Telegram's admin chats). */
      const tellPlatformAdmins = (message: string) => {
        for (const p of started) void p.notifyAdmins?.(message);
      };
      // Log lines and digests printed while the console chat shows its prompt redraw the prompt below them.
      const guard = createPromptGuard();
      const { core, config, logger } = await startCore((message) => {
        logger.error({ admin: true }, message);
        tellPlatformAdmins(message);
      }, guard.wrap(process.stderr));
      // A stop signal while the corpus is read ends the process at once: each batch is a transaction.
      const stopEarly = () => {
        logger.info('stopping before the service started');
        core.close();
        process.exit(0);
      };
      process.once('SIGINT', stopEarly);
      process.once('SIGTERM', stopEarly);
      const summary = await core.ingestPaths(config.corpusPaths);
      for (const f of summary.failures) logger.warn({ origin: f.origin, reason: f.reason }, 'report not ingested');
      logger.info({ added: summary.added, updated: summary.updated, unchanged: summary.unchanged, failed: summary.failed, reports: core.store.count() }, 'corpus ready');

      // Sinks are filled in as the platforms start; the digest service reads them at delivery time.
      const sinks: Partial<Record<Platform, MessageSink>> = { console: createConsoleSink(guard.wrap(process.stdout), { picturesDir: config.picturesDir }) };
      const notifyAdmins = (message: string) => {
        logger.error({ admin: true }, message);
        tellPlatformAdmins(message);
      };
      const digests = createDigestService({ core, sinks, logger, notifyAdmins });
      const digestScheduler = createDigestScheduler({ subscriptions: digests.subscriptions, run: (id) => digests.run(id), now: () => core.clock.now(), logger });

      // Each platform connects in the background, on its own: one that is down (or refuses its
      // token) never holds up the feeds, the inbox, the digests, the console or the other platform.
      const platforms: PlatformRunner[] = [];
      const runners: Partial<Record<string, PlatformRunner>> = {};
      // A platform that comes up (again) gets the runs left open while it was down; one delivery per subscription at a time.
      const resumeRuns = () => void digests.resumeOpenRuns().catch((err: unknown) => logger.error({ err }, 'could not resume open digest runs'));
      // A platform starts only when its settings are present (its library is loaded only then).
      for (const platform of PLATFORMS) {
        const bot = await platform.start?.({ core, digests, config, logger, refreshSchedules: () => digestScheduler.refresh() });
        if (bot === undefined || bot === null) continue;
        started.push(bot);
        const runner = runPlatform({ name: platform.name, connect: (signal) => bot.connect(signal), disconnect: () => bot.disconnect(), logger, onUp: resumeRuns });
        platforms.push(runner);
        runners[platform.name] = runner;
        sinks[platform.name] = bot.sinkNeedsSession ? sinkWhenUp(bot.sink, runner, platform.name) : bot.sink;
      }
      for (const platform of platforms) platform.start();

      core.feeds.scheduler.start();
      core.inbox.start();
      // What `rasid status` and the HEALTHCHECK read: this process is alive, and how its platforms are.
      const stateWord: Record<PlatformState, ServicePlatformState> = { connecting: 'starting', up: 'connected', waiting: 'disconnected', refused: 'refused', stopped: 'stopped' };
      const heartbeat = startHeartbeat(
        config.dbPath,
        () => Object.fromEntries(Object.keys(configuredPlatforms(config)).map((name) => [name, runners[name] ? stateWord[runners[name].state()] : 'not configured'])),
        logger,
      );
      let refreshTimer: NodeJS.Timeout | undefined;
      let stopping = false;
      const stop = async () => {
        if (stopping) return;
        stopping = true;
        logger.info('stopping: finishing the polls, inbox files and messages under way');
        setTimeout(() => {
          logger.warn(`still busy ${STOP_DEADLINE_MS / 1000} s after the stop signal; exiting now (every write is a transaction: nothing is left half-done)`);
          process.exit(0);
        }, STOP_DEADLINE_MS).unref();
        clearInterval(refreshTimer);
        digestScheduler.stop();
        await Promise.all([core.feeds.scheduler.stop(), core.inbox.stop(), ...platforms.map((p) => p.stop())]);
        heartbeat.stop();
        core.close();
        process.exit(0);
      };
      process.removeListener('SIGINT', stopEarly);
      process.removeListener('SIGTERM', stopEarly);
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());

      // Runs a crash left half-sent go out first, in order; then missed runs catch up once; then the schedule.
      await digests.resumeOpenRuns();
      await digestScheduler.start();
      refreshTimer = setInterval(() => digestScheduler.refresh(), SCHEDULE_REFRESH_MS);
      logger.info(
        { feeds: core.feeds.list().length, inbox: config.inboxDir, subscriptions: digests.subscriptions.list().length, ...Object.fromEntries(PLATFORMS.filter((p) => p.start).map((p) => [p.name, runners[p.name] !== undefined])) },
        'feed poller, inbox and digest scheduler running',
      );

      const anyBot = platforms.length > 0;
      if (!anyBot && process.stdin.isTTY) {
        await startConsoleChat(core, { input: process.stdin, output: process.stdout, color: process.stdout.isTTY === true, digests, guard, picturesDir: config.picturesDir, refreshSchedules: () => digestScheduler.refresh() });
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
