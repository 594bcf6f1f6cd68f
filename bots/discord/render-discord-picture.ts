/**
 * A picture as a Discord message: the PNG as an attachment, shown in an embed whose description is
 * the caption. Plain data, no discord.js: the platform (loaded by every command) renders with it.
 */
import type { PicturePayload } from '../../digests/message-sink.js';
import { pictureFileName, type Picture } from '../../digests/picture.js';
import { DISCORD_MAX_EMBED_DESCRIPTION, escapeMarkdown, type DiscordEmbed } from './render-discord-digest.js';

/** Discord's limit on an attachment's description (its alt text). */
export const DISCORD_MAX_ATTACHMENT_DESCRIPTION = 1024;

/** The message of a picture: one embed showing `attachment://<file.name>`; the bytes (`png`) go as that file. */
export interface DiscordPicturePayload extends PicturePayload {
  readonly embeds: [DiscordEmbed];
  readonly file: { readonly name: string; readonly description: string };
}

/** `s` in at most `max` characters, cut at the last space before it (with "…"), else at a code point. */
export function cutAtWord(s: string, max: number): string {
  if (s.length <= max) return s;
  const room = s.slice(0, max - 1);
  const space = room.search(/\s\S*$/);
  const head = space > max / 2 ? room.slice(0, space) : room.replace(/[\uD800-\uDBFF]$/, '');
  return `${head.trimEnd()}…`;
}

/** The caption as Discord markdown: the first line bold (the chart's title), the rest as text. */
function captionMarkdown(caption: string): string {
  const [title = '', ...lines] = caption.trim().split('\n');
  const body = lines.join('\n').trim();
  const head = `**${cutAtWord(escapeMarkdown(title), 256)}**`;
  // Cut in the words, never in the markup.
  return body ? `${head}\n${cutAtWord(escapeMarkdown(body), DISCORD_MAX_EMBED_DESCRIPTION - head.length - 1)}` : head;
}

export function renderDiscordPicture(picture: Picture): DiscordPicturePayload {
  const name = pictureFileName(picture);
  return {
    embeds: [{ description: captionMarkdown(picture.caption), image: { url: `attachment://${name}` } }],
    file: { name, description: cutAtWord(picture.alt, DISCORD_MAX_ATTACHMENT_DESCRIPTION) },
    png: picture.png,
  };
}
