/** `/subscriptions`: this server's subscriptions. */
import { listSubscriptions } from '../../chat/commands/list-subscriptions.js';
import { slash, type DiscordCommand } from './discord-command.js';

export const subscriptionsCommand: DiscordCommand = {
  definition: slash('subscriptions', "This server's subscriptions"),
  help: { en: "This server's subscriptions", ar: 'اشتراكات هذا الخادم' },
  managing: false,
  execute: (i, guildId, env) => env.answer(i, listSubscriptions(env.chat(guildId)), { ephemeral: true }),
};
