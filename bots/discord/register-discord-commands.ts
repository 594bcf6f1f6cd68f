/** `rasid discord register`: registers the slash commands, in one guild (DISCORD_GUILD_ID) or globally. */
import { REST, Routes } from 'discord.js';
import type { DiscordSettings } from '../../src/config/load-config.js';
import { discordCommandsJson } from './discord-commands.js';

/** Registers (overwrites) the command list; returns where and how many. */
export async function registerDiscordCommands(settings: DiscordSettings): Promise<{ scope: string; count: number }> {
  if (settings.applicationId === null) throw new Error('DISCORD_APPLICATION_ID is not set: copy it from the developer portal (General Information → Application ID)');
  const rest = new REST({ api: settings.apiRoot }).setToken(settings.token);
  const body = discordCommandsJson();
  const route = settings.guildId ? Routes.applicationGuildCommands(settings.applicationId, settings.guildId) : Routes.applicationCommands(settings.applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { scope: settings.guildId ? `guild ${settings.guildId}` : 'global (may take up to an hour to appear)', count: result.length };
}
