/** Delivers digest messages to Telegram chats, forum topics and channels, translating Telegram's errors for the outbox. */
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import { PermanentDeliveryError, pictureBytes, RateLimitedError, type MessageSink } from '../../digests/message-sink.js';

/** Telegram answers that no retry can fix: the chat is gone, the bot was removed or blocked. */
const PERMANENT = /chat not found|bot was kicked|bot was blocked|not enough rights|have no rights|user is deactivated|CHAT_WRITE_FORBIDDEN|message thread not found/i;

/**
 * Sends `{ html }` payloads (the Telegram rendering of a digest) with link previews off, and photo
 * payloads (`{ photo, html, png }`, render-telegram-picture.ts) with sendPhoto, `html` the caption.
 */
export function createTelegramSink(api: Api): MessageSink {
  return {
    async send(destination, payload) {
      const html = (payload as { html?: unknown }).html;
      if (typeof html !== 'string') throw new PermanentDeliveryError('this digest was rendered for another platform; re-create the subscription');
      const topic = destination.threadId ? { message_thread_id: Number(destination.threadId) } : {};
      const png = pictureBytes(payload);
      try {
        const message =
          png === null
            ? await api.sendMessage(destination.chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...topic })
            : await api.sendPhoto(destination.chatId, new InputFile(png, String((payload as { photo?: unknown }).photo ?? 'chart.png')), { caption: html, parse_mode: 'HTML', ...topic });
        return { messageId: String(message.message_id) };
      } catch (err) {
        if (err instanceof GrammyError) {
          if (err.error_code === 429) throw new RateLimitedError((err.parameters.retry_after ?? 1) * 1000, `Telegram: ${err.description}`);
          if (err.error_code === 403 || PERMANENT.test(err.description)) throw new PermanentDeliveryError(`Telegram: ${err.description}`);
          throw new Error(`Telegram: ${err.description}`);
        }
        if (err instanceof HttpError) throw new Error(`Telegram could not be reached: ${err.message}`);
        throw err;
      }
    },
  };
}
