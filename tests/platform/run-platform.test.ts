import { describe, expect, it } from 'vitest';
import { CredentialsRefusedError, runPlatform, sinkWhenUp, type PlatformSession } from '../../bots/platform/run-platform.js';
import { capturedLogger } from '../helpers/captured-logger.js';
import type { Timers } from '../../src/time/timers.js';

/** Timers a test fires by hand, in order of due time. */
function manualTimers(): Timers & { pending: () => number[]; fire: () => void } {
  let seq = 0;
  const due = new Map<number, { ms: number; fn: () => void }>();
  return {
    setTimeout: (fn, ms) => (due.set(++seq, { fn, ms }), seq),
    clearTimeout: (h) => void due.delete(h as number),
    pending: () => [...due.values()].map((t) => t.ms),
    fire: () => {
      const [id, t] = [...due.entries()].sort((a, b) => a[1].ms - b[1].ms)[0]!;
      due.delete(id);
      t.fn();
    },
  };
}

const flush = () => new Promise((r) => setImmediate(r));
const never = new Promise<void>(() => undefined);
const econnrefused = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });

describe('runPlatform', () => {
  it('logs each failure at warn with the cause and the next try, backs off, and is up when the platform answers', async () => {
    const { logger, lines } = capturedLogger();
    const timers = manualTimers();
    let tries = 0;
    const runner = runPlatform({
      name: 'telegram', logger, timers, backoffMs: [1_000, 2_000, 5_000],
      connect: async () => {
        if (++tries < 4) throw econnrefused();
        return { ended: never };
      },
      disconnect: async () => undefined,
    });
    runner.start();
    await flush();
    expect(runner.state()).toBe('waiting');
    expect(timers.pending()).toEqual([1_000]);
    timers.fire();
    await flush();
    timers.fire();
    await flush();
    expect(timers.pending()).toEqual([5_000]);
    timers.fire();
    await flush();
    expect(runner.state()).toBe('up');
    const warns = lines.filter((l) => l.level === 40).map((l) => l.msg);
    expect(warns).toEqual([
      'telegram could not connect: fetch failed (ECONNREFUSED); trying again in 1 s',
      'telegram could not connect: fetch failed (ECONNREFUSED); trying again in 2 s',
      'telegram could not connect: fetch failed (ECONNREFUSED); trying again in 5 s',
    ]);
    expect(lines.at(-1)!.msg).toBe('telegram connected after 3 failed tries');
  });

  it('a refused token is one error line and no more tries', async () => {
    const { logger, lines } = capturedLogger();
    const timers = manualTimers();
    let tries = 0;
    const runner = runPlatform({
      name: 'discord', logger, timers,
      connect: async () => {
        tries++;
        throw new CredentialsRefusedError('Discord refused the bot token (401 Unauthorized): fix DISCORD_BOT_TOKEN');
      },
      disconnect: async () => undefined,
    });
    runner.start();
    await flush();
    expect(runner.state()).toBe('refused');
    expect(tries).toBe(1);
    expect(timers.pending()).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'Discord refused the bot token (401 Unauthorized): fix DISCORD_BOT_TOKEN' });
    expect(lines[0]).not.toHaveProperty('err');
  });

  it('reconnects when a running session ends with an error', async () => {
    const { logger, lines } = capturedLogger();
    const timers = manualTimers();
    let endSession: (err: Error) => void = () => undefined;
    let connects = 0;
    let disconnects = 0;
    const runner = runPlatform({
      name: 'telegram', logger, timers, backoffMs: [1_000],
      connect: async (): Promise<PlatformSession> => {
        connects++;
        return { ended: new Promise<void>((_, reject) => (endSession = reject)) };
      },
      disconnect: async () => void disconnects++,
    });
    runner.start();
    await flush();
    expect(runner.state()).toBe('up');
    endSession(new Error('409: Conflict: terminated by other getUpdates request'));
    await flush();
    expect(runner.state()).toBe('waiting');
    expect(disconnects).toBe(1);
    expect(lines.at(-1)!.msg).toBe('telegram connection lost: 409: Conflict: terminated by other getUpdates request; trying again in 1 s');
    timers.fire();
    await flush();
    expect([runner.state(), connects]).toEqual(['up', 2]);
  });

  it('stops at once while waiting to retry, and within its budget while a connect hangs', async () => {
    const { logger } = capturedLogger();
    const timers = manualTimers();
    let aborted = false;
    const runner = runPlatform({
      name: 'telegram', logger, timers, stopBudgetMs: 4_000,
      connect: (signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        return never as unknown as Promise<PlatformSession>;
      },
      disconnect: () => never,
    });
    runner.start();
    const stopped = runner.stop();
    expect(aborted).toBe(true);
    expect(timers.pending()).toEqual([4_000]);
    timers.fire();
    await stopped;
    expect(runner.state()).toBe('stopped');
  });

  it('a sink of a platform that is not up says so plainly', async () => {
    const sink = sinkWhenUp({ send: async () => ({ messageId: '1' }) }, { state: () => 'waiting' }, 'discord');
    await expect(sink.send({ platform: 'discord', chatId: '1', threadId: null }, {}, { runId: 1, seq: 0, firstMessageId: null })).rejects.toThrow(
      'the discord bot is not connected (waiting); see the warnings in the log',
    );
  });
});
