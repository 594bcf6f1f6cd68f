import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordBot } from '../../bots/discord/create-discord-bot.js';
import { runPlatform, type PlatformRunner } from '../../bots/platform/run-platform.js';
import { createTelegramBot } from '../../bots/telegram/create-telegram-bot.js';
import { createDigestService } from '../../bin/create-digest-service.js';
import { repoPath } from '../../src/config/repo-path.js';
import { loadConfig } from '../../src/config/load-config.js';
import type { Core } from '../../src/create-core.js';
import { capturedLogger } from '../helpers/captured-logger.js';
import { startFakeDiscord } from '../helpers/fake-discord.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';
import { testCore } from '../helpers/test-core.js';

/** A loopback port nothing listens on. */
const UNREACHABLE = 'http://127.0.0.1:1';
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 20))) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
  }
}

function telegramRunner(env: Record<string, string>): { runner: PlatformRunner; lines: ReturnType<typeof capturedLogger>['lines']; core: Core } {
  const core = testCore();
  const { logger, lines } = capturedLogger();
  const config = loadConfig({ TELEGRAM_ALLOWED_CHATS: '1', ...env }, repoPath('tests', 'no-such.env'));
  const digests = createDigestService({ core, sinks: {}, logger, notifyAdmins: () => undefined, sleep: async () => undefined });
  const bot = createTelegramBot({ core, digests, settings: config.telegram!, logger, ratePerMinute: 10, refreshSchedules: () => undefined });
  const runner = runPlatform({ name: 'telegram', connect: (s) => bot.connect(s), disconnect: () => bot.disconnect(), logger, backoffMs: [60_000] });
  cleanups.push(() => core.close(), () => runner.stop());
  return { runner, lines, core };
}

function discordRunner(env: Record<string, string>): { runner: PlatformRunner; lines: ReturnType<typeof capturedLogger>['lines'] } {
  const core = testCore();
  const { logger, lines } = capturedLogger();
  const config = loadConfig({ DISCORD_APPLICATION_ID: '1100000000000000001', ...env }, repoPath('tests', 'no-such.env'));
  const digests = createDigestService({ core, sinks: {}, logger, notifyAdmins: () => undefined, sleep: async () => undefined });
  const bot = createDiscordBot({ core, digests, settings: config.discord!, logger, ratePerMinute: 10, refreshSchedules: () => undefined });
  const runner = runPlatform({ name: 'discord', connect: (s) => bot.connect(s), disconnect: () => bot.disconnect(), logger, backoffMs: [60_000] });
  cleanups.push(() => core.close(), () => runner.stop());
  return { runner, lines };
}

describe('Telegram in the background', () => {
  it('a wrong token is one error line naming TELEGRAM_BOT_TOKEN, and no more tries', async () => {
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    const { runner, lines } = telegramRunner({ TELEGRAM_BOT_TOKEN: '123456789:AAWrongTokenForTestsOnly_abcdefghijklm', TELEGRAM_API_ROOT: fake.apiRoot });
    runner.start();
    await until(() => runner.state() === 'refused', 'refused');
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors.map((l) => l.msg)).toEqual([
      'Telegram refused the bot token (401 Unauthorized): fix TELEGRAM_BOT_TOKEN (the token @BotFather gave); the Telegram bot stays off, everything else runs',
    ]);
    expect(JSON.stringify(lines)).not.toContain('stack');
    expect(fake.callsOf('getMe')).toHaveLength(1);
  });

  it('an unreachable Bot API is a warning with the cause and the next try; stop is immediate', async () => {
    const { runner, lines } = telegramRunner({ TELEGRAM_BOT_TOKEN: '123456789:AAFakeTokenForTestsOnly_abcdefghijklm', TELEGRAM_API_ROOT: UNREACHABLE });
    runner.start();
    await until(() => runner.state() === 'waiting', 'waiting');
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([expect.stringMatching(/^telegram could not connect: .*ECONNREFUSED.*; trying again in 60 s$/)]);
    const started = Date.now();
    await runner.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('when the Bot API goes away after start, polling says so at warn, and stop ends within the budget', async () => {
    const fake = await startFakeTelegram();
    const { runner, lines } = telegramRunner({ TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot });
    runner.start();
    await runner.whenUp();
    await fake.waitForCall('getUpdates', undefined, { timeoutMs: 5_000 });
    await fake.close();
    await until(() => lines.some((l) => l.msg.startsWith('telegram unreachable while polling')), 'the polling warning');
    expect(lines.filter((l) => l.msg.startsWith('telegram unreachable while polling'))).toHaveLength(1);
    const started = Date.now();
    await runner.stop();
    expect(Date.now() - started).toBeLessThan(4_500);
  });
});

describe('Discord in the background', () => {
  it('a wrong token is one error line naming DISCORD_BOT_TOKEN', async () => {
    const fake = await startFakeDiscord();
    cleanups.push(() => fake.close());
    const { runner, lines } = discordRunner({ DISCORD_BOT_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token', DISCORD_API_ROOT: fake.restRoot });
    runner.start();
    await until(() => runner.state() === 'refused', 'refused');
    expect(lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([
      'Discord refused the bot token (401 Unauthorized): fix DISCORD_BOT_TOKEN (Developer Portal → Bot → Reset Token); the Discord bot stays off, everything else runs',
    ]);
  });

  it('an unreachable Discord is a warning with the cause and the next try', async () => {
    const { runner, lines } = discordRunner({ DISCORD_BOT_TOKEN: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.x.y', DISCORD_API_ROOT: UNREACHABLE });
    runner.start();
    await until(() => runner.state() === 'waiting', 'waiting', 15_000);
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual([expect.stringMatching(/^discord could not connect: .*; trying again in 60 s$/)]);
  }, 20_000);
});
