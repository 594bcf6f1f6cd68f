/** `/status` (Manage Channels): how the service is doing. */
import { PermissionFlagsBits } from 'discord.js';
import { serviceStatus } from '../../chat/commands/service-status.js';
import { slash, type DiscordCommand } from './discord-command.js';

export const statusCommand: DiscordCommand = {
  definition: slash('status', 'How the service is doing (operators)').setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels),
  help: { en: 'How the service is doing (operators)', ar: 'حالة الخدمة' },
  managing: true,
  execute: (i, guildId, env) => env.answer(i, serviceStatus(env.chat(guildId).core, 'discord', true), { ephemeral: true }),
};
