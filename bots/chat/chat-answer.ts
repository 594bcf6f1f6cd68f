/**
 * What a chat use case answers, before any platform formats it: the neutral answer view. Each
 * platform turns one into its messages (HTML for Telegram, embeds for Discord, text for the console),
 * taking the words from chat-wording.ts, so an answer reads the same everywhere.
 */
import type { Digest } from '../../digests/digest.js';
import type { Picture } from '../../digests/picture.js';
import type { Subscription } from '../../digests/subscription-store.js';
import type { CorpusStats } from '../../src/create-core.js';
import type { Feed } from '../../src/store/feed-store.js';
import type { SearchAnswer } from '../../src/search/search-answer.js';
import type { UpsertStatus } from '../../src/store/report-store.js';

/** Paging buttons of a results page: the data each carries (see query-pages.ts), null when there is no such page. */
export interface ResultPages {
  readonly previous: string | null;
  readonly next: string | null;
}

/** What a subscription command can do to a subscription. */
export type SubscriptionChange = 'unsubscribe' | 'pause' | 'resume';

export type ChatAnswer =
  /** One page of ranked reports for a query, or the latest reports. */
  | { readonly kind: 'results'; readonly answer: SearchAnswer; readonly heading?: 'latest'; readonly pages: ResultPages | null }
  | { readonly kind: 'help' }
  /** What this conversation's next digest would be now. */
  | { readonly kind: 'digest'; readonly digest: Digest }
  | { readonly kind: 'subscribed'; readonly subscription: Subscription }
  /** A subscription that cannot be made (a filter Rasid does not understand, a bad schedule, a duplicate). */
  | { readonly kind: 'not_subscribed'; readonly reason: string }
  | { readonly kind: 'subscriptions'; readonly subscriptions: readonly Subscription[] }
  /** A subscription command that names none while there are several (or none) to choose from. */
  | { readonly kind: 'which_subscription'; readonly subscriptions: readonly Subscription[] }
  | { readonly kind: 'subscription_changed'; readonly change: SubscriptionChange; readonly id: number }
  | { readonly kind: 'add_usage' }
  /** `/alert` with nothing to watch. */
  | { readonly kind: 'alert_usage' }
  | { readonly kind: 'added'; readonly status: UpsertStatus; readonly id: number; readonly title: string }
  | { readonly kind: 'not_added'; readonly reason: string }
  | { readonly kind: 'feeds'; readonly feeds: readonly Feed[] }
  | { readonly kind: 'stats'; readonly stats: CorpusStats; readonly query: string | null }
  /**
   * A picture (a chart): PNG bytes, a caption in plain text (its first line the title), alt text, and
   * optionally a text to say where no picture can be shown. Telegram sends a photo, Discord an
   * attachment in an embed, the console writes a file and prints its path.
   */
  | { readonly kind: 'picture'; readonly picture: Picture }
  /** The service status as plain lines (operators only). */
  | { readonly kind: 'status'; readonly text: string }
  /** A chat or server the operator has not allowed; the answer gives its id to send to the operator. */
  | { readonly kind: 'refused'; readonly chatId: string }
  | { readonly kind: 'slow_down' }
  /** Only the chat's admins change its subscriptions. */
  | { readonly kind: 'admins_only' }
  /** The user lacks a platform permission the command needs (Discord's Manage Channels). */
  | { readonly kind: 'needs_permission'; readonly permission: string }
  | { readonly kind: 'operators_only' }
  /** A paging button whose search is no longer remembered. */
  | { readonly kind: 'expired' }
  /** Paging asked for (`/next`, `/prev`) with no query to page through. */
  | { readonly kind: 'no_query' }
  | { readonly kind: 'unknown_command'; readonly command: string }
  /** Something went wrong on our side; the log has the cause. */
  | { readonly kind: 'failed' };
