/** `/stats [query]`: counts by governorate and event type. */
import { corpusStats } from '../../chat/commands/corpus-stats.js';
import type { TelegramCommand } from './telegram-command.js';

export const statsCommand: TelegramCommand = {
  names: ['stats'],
  handle: (ctx, env) => env.answer(ctx, corpusStats(env.chat(ctx).core, ctx.match)),
};
