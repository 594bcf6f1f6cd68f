/** A picture as Telegram messages: a photo with an HTML caption, and what does not fit in a caption after it. */
import type { PicturePayload } from '../../digests/message-sink.js';
import { pictureFileName, type Picture } from '../../digests/picture.js';
import { splitTelegramHtml, cutTelegramHtml } from './cut-telegram-html.js';
import { escapeHtml, TELEGRAM_MAX_MESSAGE } from './render-telegram-digest.js';

/** Telegram's limit on a photo's caption (characters after entity parsing; we measure the HTML, never shorter). */
export const TELEGRAM_MAX_CAPTION = 1024;

/** The photo message: `html` is its caption, `photo` the file name its bytes (`png`) are uploaded under. */
export interface TelegramPhotoPayload extends PicturePayload {
  readonly photo: string;
  readonly html: string;
}

/** The caption as Telegram HTML: the first line bold (the chart's title), the rest as text. */
export function pictureCaptionHtml(picture: Pick<Picture, 'caption'>): string {
  const [title = '', ...lines] = picture.caption.trim().split('\n');
  const body = lines.join('\n').trim();
  return `<b>${escapeHtml(title)}</b>${body ? `\n${escapeHtml(body)}` : ''}`;
}

/**
 * The photo with as much of the caption as fits in TELEGRAM_MAX_CAPTION (cut at a word, never in a
 * tag), then the rest of the caption as text messages. Send with parse_mode HTML.
 */
export function renderTelegramPicture(picture: Picture): [TelegramPhotoPayload, ...{ html: string }[]] {
  const { head, rest } = cutTelegramHtml(pictureCaptionHtml(picture), TELEGRAM_MAX_CAPTION);
  const photo: TelegramPhotoPayload = { photo: pictureFileName(picture), html: head, png: picture.png };
  return [photo, ...(rest === null ? [] : splitTelegramHtml(rest, TELEGRAM_MAX_MESSAGE).map((html) => ({ html })))];
}
