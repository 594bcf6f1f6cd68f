/** `/feeds` (Manage Channels): the feeds and their state. */
import { PermissionFlagsBits } from 'discord.js';
import { listFeeds } from '../../chat/commands/list-feeds.js';
import { slash, type DiscordCommand } from './discord-command.js';

export const feedsCommand: DiscordCommand = {
  definition: slash('feeds', 'The feeds and their state').setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels),
  help: { en: 'The feeds and their state', ar: 'المصادر وحالتها' },
  managing: true,
  execute: (i, guildId, env) => env.answer(i, listFeeds(env.chat(guildId).core, true), { ephemeral: true }),
};
