/** What one Discord command file exports (its definition and its handler, as the discord.js guide has it), and what it is given. */
import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { ChatAnswer } from '../../chat/chat-answer.js';
import type { ChatContext } from '../../chat/chat-context.js';
import type { Lang } from '../../chat/chat-wording.js';
import type { QueryPages } from '../../chat/query-pages.js';

export interface DiscordCommandEnv {
  readonly pages: QueryPages;
  /** The chat use cases' context for a server (its subscriptions are its channels'). */
  chat(guildId: string): ChatContext;
  /** The language of the user's Discord client. */
  lang(i: ChatInputCommandInteraction): Lang;
  /** Replies with an answer (after `deferReply`: edits the deferred reply, then follows up); `ephemeral`: only the user sees it. */
  answer(i: ChatInputCommandInteraction, answer: ChatAnswer, options?: { ephemeral?: boolean; lang?: Lang }): Promise<void>;
}

export interface DiscordCommand {
  readonly definition: Pick<SlashCommandBuilder, 'name' | 'toJSON'>;
  /** The description in both languages, for /help (Discord has no Arabic client locale). */
  readonly help: { readonly en: string; readonly ar: string };
  /** Changes subscriptions or reads operator data: needs Manage Channels, checked again when used. */
  readonly managing: boolean;
  execute(i: ChatInputCommandInteraction, guildId: string, env: DiscordCommandEnv): Promise<void>;
}

/** A slash command with its English description (the one Discord shows). */
export const slash = (name: string, en: string): SlashCommandBuilder => new SlashCommandBuilder().setName(name).setDescription(en);
