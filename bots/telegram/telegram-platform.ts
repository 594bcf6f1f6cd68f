/** Telegram as a Rasid platform: digests as HTML messages, the grammY bot loaded only when its token is set. */
import type { ChatPlatform } from '../platform/chat-platform.js';
import { renderTelegram } from './render-telegram-digest.js';
import { renderTelegramPicture } from './render-telegram-picture.js';
import { renderTelegramAlert } from './render-telegram-alert.js';

export const telegramPlatform: ChatPlatform = {
  name: 'telegram',
  chatId: { required: true, describe: 'the Telegram chat or channel id (e.g. -1001234567890)' },
  renderDigest: (digest) => renderTelegram(digest).map((html) => ({ html })),
  renderAlert: (alert) => renderTelegramAlert(alert).map((html) => ({ html })),
  renderPicture: (picture) => renderTelegramPicture(picture),
  showMessage: (message) => {
    const { html, photo } = message as { html: string; photo?: string };
    return photo === undefined ? html : `[photo ${photo}]\n${html}`;
  },
  async start({ core, digests, config, logger, refreshSchedules }) {
    if (config.telegram === null) return null;
    const { createTelegramBot } = await import('./create-telegram-bot.js');
    const bot = createTelegramBot({ core, digests, settings: config.telegram, logger, ratePerMinute: config.userRatePerMinute, refreshSchedules });
    return {
      sink: bot.sink,
      // The Bot API needs no session: digests can go out while polling (re)connects.
      sinkNeedsSession: false,
      connect: (signal) => bot.connect(signal),
      disconnect: () => bot.disconnect(),
      notifyAdmins: (message) => bot.notifyAdmins(message),
    };
  },
};
