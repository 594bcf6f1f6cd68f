import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';
import { startFakeTelegram } from '../helpers/fake-telegram.js';

/** `rasid serve` with the given settings; its log lines, parsed, as they come. */
function serve(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-down-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const file = join(inbox, 'report.txt');
  writeFileSync(file, 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين.\n');
  const old = new Date(Date.now() - 60_000);
  utimesSync(file, old, old);
  const child = spawn(repoPath('node_modules', '.bin', 'tsx'), [repoPath('bin', 'rasid.ts'), 'serve'], {
    cwd: repoPath(),
    env: { ...process.env, RASID_DB: join(dir, 'd.db'), RASID_INBOX: inbox, RASID_INBOX_SCAN_SECONDS: '1', LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let raw = '';
  child.stderr.on('data', (d: Buffer) => (raw += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const lines = () => raw.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { level: number; msg: string });
  const waitFor = async (what: (l: { level: number; msg: string }) => boolean, ms = 30_000) => {
    for (const start = Date.now(); !lines().some(what); await new Promise((r) => setTimeout(r, 50))) {
      if (Date.now() - start > ms) throw new Error(`timed out; log so far:\n${raw}`);
    }
  };
  return { child, raw: () => raw, lines, waitFor, exited };
}

describe('rasid serve when a platform is down or refuses its token', () => {
  it('with the Bot API unreachable: warns with the cause and next try, runs inbox, feeds and digests, and stops within 10 s', async () => {
    const s = serve({ TELEGRAM_BOT_TOKEN: '123456789:AAFakeTokenForTestsOnly_abcdefghijklm', TELEGRAM_API_ROOT: 'http://127.0.0.1:1', TELEGRAM_ALLOWED_CHATS: '1' });
    await s.waitFor((l) => l.msg === 'feed poller, inbox and digest scheduler running');
    await s.waitFor((l) => l.level === 40 && /^telegram could not connect: .*ECONNREFUSED.*; trying again in \d+ s$/.test(l.msg));
    await s.waitFor((l) => l.msg === 'inbox file processed');
    const started = Date.now();
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 60_000);

  it('with a wrong token: one error line naming TELEGRAM_BOT_TOKEN, no stack trace, and the service keeps running', async () => {
    const fake = await startFakeTelegram();
    try {
      const s = serve({ TELEGRAM_BOT_TOKEN: '123456789:AAWrongTokenForTestsOnly_abcdefghijklm', TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_ALLOWED_CHATS: '1' });
      await s.waitFor((l) => l.msg === 'inbox file processed');
      await s.waitFor((l) => l.level === 50);
      expect(s.lines().filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([
        'Telegram refused the bot token (401 Unauthorized): fix TELEGRAM_BOT_TOKEN (the token @BotFather gave); the Telegram bot stays off, everything else runs',
      ]);
      expect(s.raw()).not.toContain('GrammyError');
      expect(s.raw()).not.toContain('"stack"');
      s.child.kill('SIGTERM');
      expect(await s.exited).toBe(0);
    } finally {
      await fake.close();
    }
  }, 60_000);
});
