/** `/feeds` (operators, TELEGRAM_ADMINS): the feeds and their state. */
import { listFeeds } from '../../chat/commands/list-feeds.js';
import type { TelegramCommand } from './telegram-command.js';

export const feedsCommand: TelegramCommand = {
  names: ['feeds'],
  handle: (ctx, env) => env.answer(ctx, listFeeds(env.chat(ctx).core, env.settings.admins.has(String(ctx.from?.id)))),
};
