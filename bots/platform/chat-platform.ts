/**
 * The one interface a chat platform implements to join Rasid: its name, what its chat ids look like,
 * how a digest becomes its messages, and how it starts (with its sink) and stops. The composition
 * root lists the platforms in bin/platforms.ts; nothing else names them.
 */
import type { DigestPlatform } from '../../digests/digest-platform.js';
import type { DigestService } from '../../digests/digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import type { Config } from '../../src/config/load-config.js';
import type { Core } from '../../src/create-core.js';
import type { Logger } from 'pino';
import type { PlatformSession } from './run-platform.js';

export interface ChatPlatform extends DigestPlatform {
  /** What a chat id looks like here, for `rasid subscriptions add --chat` and its errors. */
  readonly chatId: ChatIdShape;
  /** One rendered digest message as text, for `rasid digest --dry-run --format <name>`. */
  showMessage(message: unknown): string;
  /**
   * Starts the platform when its settings are present (null otherwise). A platform library is
   * imported here, lazily, so commands that never start a platform never load one.
   */
  start?(deps: PlatformStartDeps): Promise<StartedPlatform | null>;
}

export interface ChatIdShape {
  /** Whether a subscription must name a chat (the console prints to stdout without one). */
  readonly required: boolean;
  /** What it is, with an example: "the Telegram chat or channel id (e.g. -1001234567890)". */
  readonly describe: string;
  /** The chat id used when none is given (platforms whose id is not required). */
  readonly fallback?: string;
}

export interface PlatformStartDeps {
  readonly core: Core;
  readonly digests: DigestService;
  readonly config: Config;
  readonly logger: Logger;
  /** Subscriptions changed from chat: the digest scheduler re-reads them. */
  readonly refreshSchedules: () => void;
}

/** A started platform: its digest sink, and the session the platform runner keeps connected. */
export interface StartedPlatform {
  readonly sink: MessageSink;
  /** The sink can send only while the session is up (Discord's gateway; Telegram's Bot API needs none). */
  readonly sinkNeedsSession: boolean;
  connect(signal: AbortSignal): Promise<PlatformSession>;
  disconnect(): Promise<void>;
  /** Tells the platform's admins something needs a human (Telegram's admin chats), if it can. */
  notifyAdmins?(message: string): Promise<void>;
}
