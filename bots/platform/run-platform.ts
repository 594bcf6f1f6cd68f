/** Keeps one chat platform connected in the background: start, back off and retry, reconnect, stop within a bound. */
import type { Logger } from 'pino';
import { realTimers, type Timers } from '../../src/time/timers.js';
import type { MessageSink } from '../../digests/message-sink.js';

/** Waits between tries to connect: quick at first, then at most every 5 minutes. */
export const CONNECT_BACKOFF_MS: readonly number[] = [1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 300_000];
/** How long stopping a platform may take before it is abandoned (the process is ending anyway). */
export const STOP_BUDGET_MS = 4_000;

/** The platform refused the credentials: trying again cannot help until the setting is fixed. */
export class CredentialsRefusedError extends Error {
  override readonly name = 'CredentialsRefusedError';
}

/** One connection to a platform, as the runner drives it. */
export interface PlatformSession {
  /** Settles when the connection ends by itself after it was up (rejects with the cause). */
  readonly ended: Promise<void>;
}

export interface PlatformRunnerDeps {
  /** "telegram", "discord": in every log line. */
  readonly name: string;
  /**
   * Connects; resolves once the platform answers and the bot is up. Must give up when `signal`
   * aborts. Throws CredentialsRefusedError for a refused token, anything else to be retried.
   */
  readonly connect: (signal: AbortSignal) => Promise<PlatformSession>;
  /** Disconnects (called on stop, and before a reconnect). */
  readonly disconnect: () => Promise<void>;
  readonly logger: Logger;
  /** Called each time the platform comes up (digests left open while it was down go out then). */
  readonly onUp?: () => void;
  readonly timers?: Timers;
  readonly backoffMs?: readonly number[];
  readonly stopBudgetMs?: number;
}

export type PlatformState = 'connecting' | 'up' | 'waiting' | 'refused' | 'stopped';

export interface PlatformRunner {
  /** Starts connecting in the background; returns at once. */
  start(): void;
  /** Stops trying and disconnects, within the stop budget whatever the platform does. */
  stop(): Promise<void>;
  state(): PlatformState;
  /** Resolves the next time the platform is up (tests, and the start-up log). */
  whenUp(): Promise<void>;
}

/** A short, single-line cause: the error's message and, for network errors, the code beneath. */
export function causeOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const inner = (err as { cause?: unknown; error?: unknown }).cause ?? (err as { error?: unknown }).error;
  const code = (inner as { code?: unknown } | undefined)?.code ?? (err as { code?: unknown }).code;
  const message = err.message.split('\n')[0]!;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);

export function runPlatform(deps: PlatformRunnerDeps): PlatformRunner {
  const { name, logger } = deps;
  const timers = deps.timers ?? realTimers;
  const backoff = deps.backoffMs ?? CONNECT_BACKOFF_MS;
  let state: PlatformState = 'stopped';
  let failures = 0;
  let retryHandle: unknown = null;
  let abort: AbortController | null = null;
  let attempt: Promise<void> | null = null;
  let upWaiters: (() => void)[] = [];

  const retryLater = (cause: string, what: string) => {
    const waitMs = backoff[Math.min(failures, backoff.length - 1)]!;
    failures++;
    state = 'waiting';
    logger.warn({ platform: name, cause, attempt: failures, retryInMs: waitMs }, `${name} ${what}: ${cause}; trying again in ${seconds(waitMs)}`);
    retryHandle = timers.setTimeout(() => {
      retryHandle = null;
      connectOnce();
    }, waitMs);
  };

  const connectOnce = () => {
    if (state === 'stopped' || state === 'refused') return;
    state = 'connecting';
    const controller = new AbortController();
    abort = controller;
    attempt = (async () => {
      let session: PlatformSession;
      try {
        session = await deps.connect(controller.signal);
      } catch (err) {
        if (controller.signal.aborted) return;
        await deps.disconnect().catch(() => undefined);
        if (err instanceof CredentialsRefusedError) {
          state = 'refused';
          logger.error({ platform: name }, err.message);
          return;
        }
        retryLater(causeOf(err), 'could not connect');
        return;
      }
      if (controller.signal.aborted) return;
      state = 'up';
      if (failures > 0) logger.info({ platform: name, after: failures }, `${name} connected after ${failures} failed tries`);
      failures = 0;
      upWaiters.splice(0).forEach((resolve) => resolve());
      deps.onUp?.();
      session.ended.then(
        () => undefined,
        async (err: unknown) => {
          if (controller.signal.aborted || state !== 'up') return;
          await deps.disconnect().catch(() => undefined);
          if (err instanceof CredentialsRefusedError) {
            state = 'refused';
            logger.error({ platform: name }, err.message);
            return;
          }
          retryLater(causeOf(err), 'connection lost');
        },
      );
    })();
  };

  return {
    start() {
      if (state !== 'stopped') return;
      state = 'connecting';
      connectOnce();
    },
    async stop() {
      const was = state;
      state = 'stopped';
      if (retryHandle !== null) timers.clearTimeout(retryHandle);
      retryHandle = null;
      abort?.abort();
      if (was === 'stopped') return;
      let timer: unknown = null;
      const budget = new Promise<'late'>((resolve) => (timer = timers.setTimeout(() => resolve('late'), deps.stopBudgetMs ?? STOP_BUDGET_MS)));
      const done = (async () => {
        await attempt?.catch(() => undefined);
        await deps.disconnect().catch((err: unknown) => logger.warn({ platform: name, cause: causeOf(err) }, `${name} did not disconnect cleanly`));
        return 'done' as const;
      })();
      const outcome = await Promise.race([done, budget]);
      timers.clearTimeout(timer);
      if (outcome === 'late') logger.warn({ platform: name }, `${name} did not stop within ${seconds(deps.stopBudgetMs ?? STOP_BUDGET_MS)}; leaving it`);
    },
    state: () => state,
    whenUp: () => (state === 'up' ? Promise.resolve() : new Promise<void>((resolve) => upWaiters.push(resolve))),
  };
}

/**
 * A digest sink that says plainly when its platform is not connected, instead of whatever the
 * client library would throw; the outbox retries with backoff and keeps the run open.
 */
export function sinkWhenUp(sink: MessageSink, runner: Pick<PlatformRunner, 'state'>, name: string): MessageSink {
  return {
    ...sink,
    send: (subscription, payload, context) => {
      if (runner.state() !== 'up') return Promise.reject(new Error(`the ${name} bot is not connected (${runner.state()}); see the warnings in the log`));
      return sink.send(subscription, payload, context);
    },
  };
}
