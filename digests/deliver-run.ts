/** Delivers a recorded digest run: its unsent messages in order, each marked sent as soon as the platform confirms it. */
import type { Logger } from 'pino';
import { PermanentDeliveryError, RateLimitedError, type MessageSink } from './message-sink.js';
import type { DigestRun, OutboxStore } from './outbox-store.js';
import type { Platform, Subscription } from './subscription-store.js';

/** Tries per message before the run is left for later and the admins told (429 waits do not count). */
export const MAX_SEND_ATTEMPTS = 5;
/** First wait after a failed send; doubles each time. */
export const RETRY_BASE_MS = 2_000;
/** 429s answered per message before giving up for now: a platform that keeps saying "later" wins. */
export const MAX_RATE_LIMIT_WAITS = 20;

export interface DeliverDeps {
  readonly outbox: OutboxStore;
  readonly sinks: Partial<Record<Platform, MessageSink>>;
  readonly now: () => Date;
  /** Waits; tests pass one that records and returns at once. */
  readonly sleep: (ms: number) => Promise<void>;
  readonly logger: Logger;
  readonly notifyAdmins: (message: string) => void;
  /** Called right after a message is recorded as sent (metrics; fault injection in tests). */
  readonly onSent?: (runId: number, seq: number) => void;
}

export type DeliveryOutcome = 'delivered' | 'incomplete';

/**
 * Sends the run's unsent messages in order. Each is recorded as sent the moment the platform
 * confirms it, so a crash re-sends at most the one message in flight. 429s wait for retry_after;
 * other failures retry with backoff. When a message cannot be delivered the run stays open (a
 * restart or the next scheduled time resumes it) and the admins are told. The subscription's
 * watermark moves only when the last message is confirmed.
 */
export async function deliverRun(run: DigestRun, subscription: Subscription, deps: DeliverDeps): Promise<DeliveryOutcome> {
  const sink = deps.sinks[subscription.platform];
  const where = `subscription #${subscription.id} (${subscription.platform} ${subscription.chatId})`;
  const giveUp = (error: string): DeliveryOutcome => {
    deps.outbox.setRunError(run.id, error);
    deps.logger.error({ run: run.id, subscription: subscription.id, error }, 'digest delivery stopped');
    deps.notifyAdmins(`The digest for ${where} could not be delivered: ${error}. It will be retried at the next scheduled time or restart.`);
    return 'incomplete';
  };
  if (sink === undefined) return giveUp(`no ${subscription.platform} bot is running (its token is not set)`);

  // Recorded with the first message; a run resumed after a restart still finds it (a forum post to continue).
  let firstMessageId = deps.outbox.messages(run.id)[0]?.platformMessageId ?? null;
  for (const message of deps.outbox.unsent(run.id)) {
    let attempts = 0;
    let rateLimitWaits = 0;
    for (;;) {
      let messageId: string | null;
      try {
        messageId = (await sink.send(subscription, message.payload, { runId: run.id, seq: message.seq, firstMessageId })).messageId;
      } catch (err) {
        if (err instanceof RateLimitedError && rateLimitWaits < MAX_RATE_LIMIT_WAITS) {
          rateLimitWaits++;
          deps.logger.warn({ run: run.id, seq: message.seq, retryAfterMs: err.retryAfterMs }, 'rate limited; waiting');
          await deps.sleep(err.retryAfterMs);
          continue;
        }
        const error = err instanceof Error ? err.message : String(err);
        deps.outbox.markAttemptFailed(run.id, message.seq, error);
        attempts++;
        if (err instanceof PermanentDeliveryError || err instanceof RateLimitedError || attempts >= MAX_SEND_ATTEMPTS) {
          return giveUp(`message ${message.seq + 1} failed ${attempts} time(s): ${error}`);
        }
        await deps.sleep(RETRY_BASE_MS * 2 ** (attempts - 1));
        continue;
      }
      // Recorded the moment the platform confirms: a crash from here on never re-sends this message.
      deps.outbox.markSent(run.id, message.seq, messageId, deps.now());
      if (message.seq === 0) firstMessageId = messageId;
      deps.onSent?.(run.id, message.seq);
      break;
    }
  }
  deps.outbox.completeRun(run.id, deps.now());
  return 'delivered';
}
