import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
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
      expect(String(reply.params.text)).toContain('Results 1–4 of 4');
      expect(fake.commandsFor('ar').length).toBeGreaterThan(0);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(logs).toContain('telegram bot polling');
    expect(logs).not.toContain(fake.token.split(':')[1]!);
  }, 40_000);
});
