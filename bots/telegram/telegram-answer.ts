/** A neutral chat answer as Telegram messages: HTML text, and paging buttons under the last one. */
import { InlineKeyboard } from 'grammy';
import type { ChatAnswer } from '../chat/chat-answer.js';
import { countLines, sayAnswer, WORDS, type ChatMarkup, type Lang } from '../chat/chat-wording.js';
import { renderTelegramAnswer } from './render-telegram-answer.js';
import { escapeHtml, renderTelegram } from './render-telegram-digest.js';
import { TEXTS } from './telegram-texts.js';

/** Telegram HTML; a Telegram chat's subscriptions are all its own, so lines name no destination. */
export const TELEGRAM_MARKUP: ChatMarkup = { text: escapeHtml, bold: (s) => `<b>${s}</b>`, id: (s) => `<code>${escapeHtml(s)}</code>`, destination: () => null, scope: 'chat' };

export interface TelegramMessage {
  readonly html: string;
  readonly keyboard?: InlineKeyboard;
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
    case 'status':
      return [{ html: `<pre>${escapeHtml(answer.text.slice(0, 4000))}</pre>` }];
    default:
      return [{ html: sayAnswer(answer, lang, m)! }];
  }
}
