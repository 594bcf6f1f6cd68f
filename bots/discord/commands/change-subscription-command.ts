/** `/unsubscribe`, `/pause`, `/resume` `[id]` (Manage Channels). */
import { PermissionFlagsBits } from 'discord.js';
import type { SubscriptionChange } from '../../chat/chat-answer.js';
import { changeSubscription } from '../../chat/commands/change-subscription.js';
import { slash, type DiscordCommand } from './discord-command.js';

const changeCommand = (change: SubscriptionChange, en: string, ar: string): DiscordCommand => ({
  definition: slash(change, en)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addIntegerOption((o) => o.setName('id').setDescription('Subscription number').setMinValue(1)),
  help: { en, ar },
  managing: true,
  execute: (i, guildId, env) => env.answer(i, changeSubscription(env.chat(guildId), change, i.options.getInteger('id')), { ephemeral: true }),
});

export const unsubscribeCommand = changeCommand('unsubscribe', 'Stop a subscription', 'إلغاء اشتراك');
export const pauseCommand = changeCommand('pause', 'Pause a subscription', 'إيقاف اشتراك مؤقتاً');
export const resumeCommand = changeCommand('resume', 'Resume a subscription', 'استئناف اشتراك');
