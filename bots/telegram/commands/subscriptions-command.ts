/** `/subscriptions`: this chat's subscriptions. */
import { listSubscriptions } from '../../chat/commands/list-subscriptions.js';
import type { TelegramCommand } from './telegram-command.js';

export const subscriptionsCommand: TelegramCommand = {
  names: ['subscriptions'],
  handle: (ctx, env) => env.answer(ctx, listSubscriptions(env.chat(ctx))),
};
