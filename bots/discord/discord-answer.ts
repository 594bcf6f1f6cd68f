/** A neutral chat answer as Discord messages: content and embeds, with paging buttons for results. */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, MessageFlags, type AttachmentBuilder, type RepliableInteraction } from 'discord.js';
import type { ChatAnswer } from '../chat/chat-answer.js';
import { countLines, sayAnswer, WORDS, type ChatMarkup, type Lang } from '../chat/chat-wording.js';
import { renderDiscordAnswer } from './render-discord-answer.js';
import { renderDiscord, type DiscordMessage } from './render-discord-digest.js';
import { pictureAttachment } from './picture-attachment.js';
import { renderDiscordPicture } from './render-discord-picture.js';

/** Discord's limit on a message's content. */
const CONTENT_LIMIT = 2000;

/** Discord markdown; a server's subscriptions span channels, so each line names its channel. */
export const DISCORD_MARKUP: ChatMarkup = { text: (s) => s, bold: (s) => `**${s}**`, id: (s) => s, destination: (s) => `<#${s.threadId ?? s.chatId}>`, scope: 'server' };

export interface DiscordReply {
  readonly content?: string;
  readonly embeds?: DiscordMessage['embeds'] | { title: string; fields: { name: string; value: string; inline: boolean }[] }[];
  readonly components?: ActionRowBuilder<ButtonBuilder>[];
  /** Files uploaded with the message (a picture, shown by its embed as `attachment://<name>`). */
  readonly files?: AttachmentBuilder[];
  readonly allowedMentions: { parse: [] };
}

/**
 * Says the replies to an interaction: the first as the reply (or in place of the deferred one), the
 * rest as follow-ups; `ephemeral`: only the user sees them.
 */
export async function sendDiscordReplies(i: RepliableInteraction, replies: readonly DiscordReply[], options: { ephemeral?: boolean } = {}): Promise<void> {
  const [first, ...rest] = replies;
  if (first === undefined) return;
  const flags = options.ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  if (i.deferred) await i.editReply(first as never);
  else await i.reply({ ...first, ...flags } as never);
  for (const m of rest) await i.followUp({ ...m, ...flags } as never);
}

const NO_MENTIONS = { parse: [] as [] };

/** The messages that say `answer` in `lang`; `help` lists the registered commands. */
export function discordMessages(answer: ChatAnswer, lang: Lang, help: readonly { name: string; en: string; ar: string }[]): DiscordReply[] {
  switch (answer.kind) {
    case 'results': {
      const rendered = renderDiscordAnswer(answer.answer, answer.heading);
      const components: ActionRowBuilder<ButtonBuilder>[] = [];
      const pages = answer.pages;
      if (pages !== null) {
        const ar = answer.answer.lang === 'ar';
        const row = new ActionRowBuilder<ButtonBuilder>();
        if (pages.previous !== null) row.addComponents(new ButtonBuilder().setCustomId(pages.previous).setLabel(ar ? 'السابق' : 'Previous').setStyle(ButtonStyle.Secondary));
        if (pages.next !== null) row.addComponents(new ButtonBuilder().setCustomId(pages.next).setLabel(ar ? 'التالي' : 'Next').setStyle(ButtonStyle.Primary));
        components.push(row);
      }
      return [{ ...rendered, ...(answer.heading === 'latest' ? {} : { components }), allowedMentions: NO_MENTIONS }];
    }
    case 'help': {
      const lines = help.map((c) => `\`/${c.name}\` ${c.en} · ${c.ar}`);
      return [{ content: ['**Rasid · راصد** searches Arabic reporting on ISIS in Syria and Iraq.', ...lines].join('\n'), allowedMentions: NO_MENTIONS }];
    }
    case 'digest':
      return renderDiscord(answer.digest).map((m) => ({ ...m, allowedMentions: NO_MENTIONS }));
    case 'stats': {
      const s = answer.stats;
      const m = DISCORD_MARKUP;
      return [
        {
          embeds: [
            {
              title: `${WORDS.reports[lang]}: ${s.total}${answer.query ? ` (${answer.query})` : ''}`.slice(0, 256),
              fields: [
                { name: WORDS.byGovernorate[lang], value: countLines(s.byGovernorate, lang, m), inline: true },
                { name: WORDS.byEventType[lang], value: countLines(s.byEvent, lang, m), inline: true },
              ],
            },
          ],
          allowedMentions: NO_MENTIONS,
        },
      ];
    }
    case 'picture': {
      const { embeds, file, png } = renderDiscordPicture(answer.picture);
      return [{ embeds, files: [pictureAttachment(png, file)], allowedMentions: NO_MENTIONS }];
    }
    case 'status':
      return [{ content: `\`\`\`text\n${answer.text.slice(0, 1980)}\n\`\`\``, allowedMentions: NO_MENTIONS }];
    default:
      return [{ content: sayAnswer(answer, lang, DISCORD_MARKUP)!.slice(0, CONTENT_LIMIT), allowedMentions: NO_MENTIONS }];
  }
}
