/** What a platform adapter implements to receive digest messages, and the errors it may answer with. */
import type { Destination } from './subscription-store.js';

/** Which outbox message this is: lets a platform deduplicate (Discord's nonce), and logs say where. */
export interface MessageRef {
  readonly runId: number;
  readonly seq: number;
  /** What the platform called the run's first message, once sent (a Discord forum post's thread id). */
  readonly firstMessageId: string | null;
}

export interface MessageSink {
  /**
   * Sends one rendered message; resolves once the platform has accepted it. Throws
   * RateLimitedError (429), PermanentDeliveryError (no retry can help) or any other error (retried).
   */
  send(destination: Destination, payload: unknown, ref: MessageRef): Promise<{ messageId: string | null }>;
}

/**
 * A rendered message that carries a picture: the platform's message (anything JSON) with the PNG
 * bytes in `png`. The outbox stores the bytes in their own BLOB column, never inside the JSON (a
 * Buffer would become a list of numbers four times its size), and gives them back on reading, so
 * a picture survives a restart like any message. A sink sends a payload with `png` as a picture.
 */
export interface PicturePayload {
  readonly png: Buffer;
  readonly [field: string]: unknown;
}

/** The picture's bytes when `payload` carries one. */
export function pictureBytes(payload: unknown): Buffer | null {
  const png = typeof payload === 'object' && payload !== null ? (payload as { png?: unknown }).png : undefined;
  return Buffer.isBuffer(png) ? png : null;
}

/** The platform said "too many requests": try again after `retryAfterMs`. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(readonly retryAfterMs: number, message = `rate limited; retry after ${retryAfterMs} ms`) {
    super(message);
  }
}

/** Retrying cannot help (the bot was removed from the chat, the chat does not exist): a human must act. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}
