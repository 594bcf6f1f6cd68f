/** What one Telegram command file exports, and what every command is given. */
import type { Api, Context } from 'grammy';
import type { ChatAnswer } from '../../chat/chat-answer.js';
import type { ChatContext } from '../../chat/chat-context.js';
import type { Lang } from '../../chat/chat-wording.js';
import type { QueryPages } from '../../chat/query-pages.js';
import type { TelegramSettings } from '../../../src/config/load-config.js';

export interface TelegramCommandEnv {
  readonly api: Api;
  readonly settings: TelegramSettings;
  readonly pages: QueryPages;
  /** The chat use cases' context for this update's chat. */
  chat(ctx: Context): ChatContext;
  lang(ctx: Context): Lang;
  /** Replies with an answer (`edit`: in place of the message whose button was pressed). */
  answer(ctx: Context, answer: ChatAnswer, edit?: boolean): Promise<void>;
  /** Whether the user may change this chat's subscriptions (says so when not). */
  mayManage(ctx: Context): Promise<boolean>;
  isChatAdmin(chatId: number | string, userId: number): Promise<boolean>;
}

export interface TelegramCommand {
  /** The command names it answers (`/start` and `/help` are one command). */
  readonly names: readonly string[];
  handle(ctx: Context & { match: string }, env: TelegramCommandEnv): Promise<void>;
}
