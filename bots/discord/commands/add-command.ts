/** `/add url`: ingests an article now. */
import { addReport } from '../../chat/commands/add-report.js';
import { slash, type DiscordCommand } from './discord-command.js';

export const addCommand: DiscordCommand = {
  definition: slash('add', 'Add a report from an article link').addStringOption((o) => o.setName('url').setDescription('https://…').setRequired(true).setMaxLength(2000)),
  help: { en: 'Add a report from an article link', ar: 'إضافة تقرير من رابط' },
  managing: false,
  async execute(i, guildId, env) {
    await i.deferReply({ flags: 'Ephemeral' });
    await env.answer(i, await addReport(env.chat(guildId).core, i.options.getString('url', true)), { ephemeral: true });
  },
};
