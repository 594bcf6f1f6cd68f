/** The Discord slash commands, one file each under commands/, in the order Discord lists them. */
import { addCommand } from './commands/add-command.js';
import { pauseCommand, resumeCommand, unsubscribeCommand } from './commands/change-subscription-command.js';
import { digestCommand } from './commands/digest-command.js';
import type { DiscordCommand } from './commands/discord-command.js';
import { feedsCommand } from './commands/feeds-command.js';
import { helpCommand } from './commands/help-command.js';
import { latestCommand } from './commands/latest-command.js';
import { searchCommand } from './commands/search-command.js';
import { mapCommand, statsCommand } from './commands/stats-command.js';
import { statusCommand } from './commands/status-command.js';
import { subscribeCommand } from './commands/subscribe-command.js';
import { alertCommand } from './commands/alert-command.js';
import { subscriptionsCommand } from './commands/subscriptions-command.js';

export const DISCORD_COMMAND_LIST: readonly DiscordCommand[] = [
  searchCommand, latestCommand, digestCommand, subscribeCommand, alertCommand, unsubscribeCommand, subscriptionsCommand,
  pauseCommand, resumeCommand, addCommand, feedsCommand, statusCommand, statsCommand, mapCommand, helpCommand,
];

/** The commands by name, for the dispatcher. */
export const DISCORD_COMMANDS_BY_NAME: ReadonlyMap<string, DiscordCommand> = new Map(DISCORD_COMMAND_LIST.map((c) => [c.definition.name, c]));

/** Each command with its description in both languages, for /help. */
export const COMMAND_HELP = DISCORD_COMMAND_LIST.map((c) => ({ name: c.definition.name, ...c.help }));

/** The commands as the REST API takes them. */
export const discordCommandsJson = () => DISCORD_COMMAND_LIST.map((c) => c.definition.toJSON());

/** Commands that change subscriptions or feeds: Manage Channels, checked again when used. */
export const MANAGING_COMMANDS: ReadonlySet<string> = new Set(DISCORD_COMMAND_LIST.filter((c) => c.managing).map((c) => c.definition.name));
