/** `/stats [query]`: counts by governorate and event type, in the query's language. */
import { corpusStats } from '../../chat/commands/corpus-stats.js';
import { slash, type DiscordCommand } from './discord-command.js';

export const statsCommand: DiscordCommand = {
  definition: slash('stats', 'Report counts by governorate and event type').addStringOption((o) => o.setName('query').setDescription('Optional query').setMaxLength(500)),
  help: { en: 'Report counts by governorate and event type', ar: 'إحصاءات حسب المحافظة ونوع الحدث' },
  managing: false,
  async execute(i, guildId, env) {
    const query = i.options.getString('query');
    await env.answer(i, corpusStats(env.chat(guildId).core, query), { lang: /\p{Script=Arabic}/u.test(query ?? '') ? 'ar' : 'en' });
  },
};
