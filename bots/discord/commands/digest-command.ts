/** `/digest`: a preview of this channel's next digest. */
import { previewDigest } from '../../chat/commands/preview-digest.js';
import { slash, type DiscordCommand } from './discord-command.js';

export const digestCommand: DiscordCommand = {
  definition: slash('digest', "Preview this channel's next digest"),
  help: { en: "Preview this channel's next digest", ar: 'معاينة الموجز القادم' },
  managing: false,
  async execute(i, guildId, env) {
    await i.deferReply();
    const chat = env.chat(guildId);
    await env.answer(i, previewDigest(chat, chat.subscriptions().find((s) => s.chatId === i.channelId || s.threadId === i.channelId)));
  },
};
