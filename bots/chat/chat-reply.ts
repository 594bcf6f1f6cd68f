/** What the chat layer answers with, before any platform formats it. */
import type { SearchAnswer } from '../../src/search/search-answer.js';

export type ChatReply =
  /** Ranked reports for a query (or the latest reports), one page of them. */
  | { readonly kind: 'results'; readonly answer: SearchAnswer; readonly title?: 'latest' }
  | { readonly kind: 'help'; readonly lang: 'ar' | 'en' }
  /** A command this bot does not know; `command` is what the user typed. */
  | { readonly kind: 'unknown_command'; readonly command: string; readonly lang: 'ar' | 'en' }
  /** Paging asked for with no query to page through. */
  | { readonly kind: 'no_query'; readonly lang: 'ar' | 'en' }
  /** Something went wrong on our side; the user gets a short apology, the log gets the cause. */
  | { readonly kind: 'error'; readonly lang: 'ar' | 'en' };
