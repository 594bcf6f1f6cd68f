/** Discord as a Rasid platform: digests as embeds, the discord.js bot loaded only when its token is set. */
import type { ChatPlatform } from '../platform/chat-platform.js';
import { renderDiscord } from './render-discord-digest.js';
import { renderDiscordPicture } from './render-discord-picture.js';
import { renderDiscordAlert } from './render-discord-alert.js';

export const discordPlatform: ChatPlatform = {
  name: 'discord',
  chatId: { required: true, describe: 'the Discord channel id' },
  renderDigest: (digest) => renderDiscord(digest),
  renderAlert: (alert) => renderDiscordAlert(alert),
  renderPicture: (picture) => [renderDiscordPicture(picture)],
  // A picture's bytes are not shown: their size is.
  showMessage: (message) => JSON.stringify(message, (key, value: unknown) => (key === 'png' ? `(${(value as { data?: unknown[] }).data?.length ?? 0} bytes of PNG)` : value), 2),
  async start({ core, digests, config, logger, refreshSchedules }) {
    if (config.discord === null) return null;
    const { createDiscordBot } = await import('./create-discord-bot.js');
    const bot = createDiscordBot({ core, digests, settings: config.discord, logger, ratePerMinute: config.userRatePerMinute, refreshSchedules });
    return { sink: bot.sink, sinkNeedsSession: true, connect: (signal) => bot.connect(signal), disconnect: () => bot.disconnect() };
  },
};
