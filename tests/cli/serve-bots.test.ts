import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';

let fake: FakeTelegram;
beforeAll(async () => {
  fake = await startFakeTelegram({ botUsername: 'rasid_bot' });
});
afterAll(() => fake.close());

describe('rasid serve with TELEGRAM_BOT_TOKEN', () => {
  it('starts the bot next to the service, answers a query, and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-serve-'));
    const child = spawn(repoPath('node_modules', '.bin', 'tsx'), [repoPath('bin', 'rasid.ts'), 'serve'], {
      cwd: repoPath(),
      env: {
        ...process.env,
        RASID_DB: join(dir, 'serve.db'),
        RASID_INBOX: join(dir, 'inbox'),
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_ALLOWED_CHATS: '111',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
    try {
      await fake.waitForCall('getUpdates', undefined, { timeoutMs: 20_000 });
      const after = fake.calls.length;
      fake.sendText({ id: 111, first_name: 'Alice', language_code: 'en' }, { id: 111, type: 'private' }, 'attacks in Raqqa');
      const reply = await fake.waitForCall('sendMessage', (c) => c.params.chat_id === 111, { after, timeoutMs: 10_000 });
      expect(String(reply.params.text)).toContain('Results 1–5 of 5');
      expect(fake.commandsFor('ar').length).toBeGreaterThan(0);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(logs).toContain('telegram bot polling');
    // The heartbeat `rasid status` reads: this process, stopped cleanly.
    const beat = JSON.parse(readFileSync(join(dir, 'serve.db.service.json'), 'utf8'));
    expect(beat).toMatchObject({ pid: expect.any(Number), running: false, platforms: { discord: 'not configured' } });
    expect(logs).not.toContain(fake.token.split(':')[1]!);
  }, 40_000);
});

describe('rasid serve with DISCORD_BOT_TOKEN', () => {
  it('starts the Discord bot next to the service, answers /search, and stops cleanly on SIGTERM', async () => {
    const { startFakeDiscord } = await import('../helpers/fake-discord.js');
    const discord = await startFakeDiscord();
    const dir = mkdtempSync(join(tmpdir(), 'rasid-serve-d-'));
    const child = spawn(repoPath('node_modules', '.bin', 'tsx'), [repoPath('bin', 'rasid.ts'), 'serve'], {
      cwd: repoPath(),
      env: {
        ...process.env,
        RASID_DB: join(dir, 'serve.db'),
        RASID_INBOX: join(dir, 'inbox'),
        DISCORD_BOT_TOKEN: discord.token,
        DISCORD_API_ROOT: discord.restRoot,
        DISCORD_ALLOWED_GUILDS: '1200000000000000001',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stderr.on('data', (d: Buffer) => (logs += d.toString()));
    try {
      for (let k = 0; k < 400 && !logs.includes('discord bot ready'); k++) await new Promise((r) => setTimeout(r, 50));
      expect(logs).toContain('discord bot ready');
      const { id } = discord.slashCommand({ name: 'search', options: { query: 'attacks in Raqqa' }, user: { id: '500000000000000001', username: 'analyst' }, guildId: '1200000000000000001', channelId: '1200000000000000011' });
      for (let k = 0; k < 200 && discord.interactionResponses(id).length < 2; k++) await new Promise((r) => setTimeout(r, 25));
      expect(discord.interactionResponses(id)[1]!.data.content).toContain('Results 1–5 of 5');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await discord.close();
    }
    expect(logs).not.toContain(discord.token);
  }, 40_000);
});
