/** A neutral chat answer as Telegram messages: HTML text, and paging buttons under the last one; a picture as a photo. */
import { InlineKeyboard, InputFile, type Context } from 'grammy';
import type { ChatAnswer } from '../chat/chat-answer.js';
import { countLines, sayAnswer, WORDS, type ChatMarkup, type Lang } from '../chat/chat-wording.js';
import { renderTelegramAnswer } from './render-telegram-answer.js';
import { renderTelegramPicture } from './render-telegram-picture.js';
import { escapeHtml, renderTelegram } from './render-telegram-digest.js';
import { TEXTS } from './telegram-texts.js';

/** Telegram HTML; a Telegram chat's subscriptions are all its own, so lines name no destination. */
export const TELEGRAM_MARKUP: ChatMarkup = { text: escapeHtml, bold: (s) => `<b>${s}</b>`, id: (s) => `<code>${escapeHtml(s)}</code>`, destination: () => null, scope: 'chat' };

export interface TelegramMessage {
  /** The message's text, or a photo's caption. */
  readonly html: string;
  readonly keyboard?: InlineKeyboard;
  /** A photo (sendPhoto), uploaded under `name`; `html` is its caption. */
  readonly photo?: { readonly png: Buffer; readonly name: string };
}

const HTML = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };

/**
 * Sends the messages into the chat of `ctx`, in order; with `edit`, the first replaces the message
 * whose button was pressed (a photo is always sent anew: a text message cannot become one).
 */
export async function sendTelegramMessages(ctx: Context, messages: readonly TelegramMessage[], edit = false): Promise<void> {
  for (const [k, m] of messages.entries()) {
    const markup = m.keyboard ? { reply_markup: m.keyboard } : {};
    if (m.photo) await ctx.replyWithPhoto(new InputFile(m.photo.png, m.photo.name), { caption: m.html, parse_mode: 'HTML', ...markup });
    else if (edit && k === 0) await ctx.editMessageText(m.html, { ...HTML, ...markup });
    else await ctx.reply(m.html, { ...HTML, ...markup });
  }
}

/** The messages that say `answer` in `lang`. */
export function telegramMessages(answer: ChatAnswer, lang: Lang): TelegramMessage[] {
  const m = TELEGRAM_MARKUP;
  switch (answer.kind) {
    case 'results': {
      const texts = renderTelegramAnswer(answer.answer, answer.heading);
      const pages = answer.pages;
      let keyboard: InlineKeyboard | undefined;
      if (pages !== null) {
        const ar = answer.answer.lang === 'ar';
        keyboard = new InlineKeyboard();
        if (pages.previous !== null) keyboard.text(ar ? '→ السابق' : '◀ Previous', pages.previous);
        if (pages.next !== null) keyboard.text(ar ? 'التالي ←' : 'Next ▶', pages.next);
      }
      return texts.map((html, k) => (k === texts.length - 1 && keyboard ? { html, keyboard } : { html }));
    }
    case 'help':
      return [{ html: TEXTS.help[lang] }];
    case 'digest':
      return renderTelegram(answer.digest).map((html) => ({ html }));
    case 'stats': {
      const s = answer.stats;
      return [
        {
          html: [
            `${m.bold(`${WORDS.reports[lang]}: ${s.total}`)}${answer.query ? ` (${m.text(answer.query)})` : ''}`,
            m.bold(WORDS.byGovernorate[lang]),
            countLines(s.byGovernorate, lang, m),
            m.bold(WORDS.byEventType[lang]),
            countLines(s.byEvent, lang, m),
          ].join('\n'),
        },
      ];
    }
    case 'picture': {
      const [photo, ...rest] = renderTelegramPicture(answer.picture);
      return [{ html: photo.html, photo: { png: photo.png, name: photo.photo } }, ...rest];
    }
    case 'status':
      return [{ html: `<pre>${escapeHtml(answer.text.slice(0, 4000))}</pre>` }];
    default:
      return [{ html: sayAnswer(answer, lang, m)! }];
  }
}
