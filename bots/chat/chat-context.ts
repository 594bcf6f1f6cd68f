/** What a chat use case is given: the core, the digests, and the conversation's own subscriptions. */
import type { DigestService } from '../../digests/digest-service.js';
import type { Subscription } from '../../digests/subscription-store.js';
import type { Core } from '../../src/create-core.js';

export interface ChatContext {
  readonly core: Core;
  readonly digests: DigestService;
  /** The subscriptions this conversation manages (a Telegram chat's, a Discord server's). */
  subscriptions(): Subscription[];
  /** Tells the digest scheduler that subscriptions changed. */
  readonly refreshSchedules: () => void;
}
