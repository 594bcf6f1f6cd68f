/** `/stats [query]` and `/map [query]`: the query's events as a picture with its summary, in the query's language. */
import { eventChart, type ChartKind } from '../../chat/commands/event-chart.js';
import { slash, type DiscordCommand } from './discord-command.js';

const chartCommand = (kind: ChartKind, en: string, ar: string, example: string): DiscordCommand => ({
  definition: slash(kind, en).addStringOption((o) => o.setName('query').setDescription(`Optional query, e.g. ${example}`).setMaxLength(500)),
  help: { en, ar },
  managing: false,
  async execute(i, guildId, env) {
    await i.deferReply(); // drawing a picture may take longer than Discord's 3-second window
    const query = i.options.getString('query');
    await env.answer(i, await eventChart(env.chat(guildId).core, query, kind), { lang: /\p{Script=Arabic}/u.test(query ?? '') ? 'ar' : 'en' });
  },
});

export const statsCommand = chartCommand('stats', 'A chart of events: timeline by type, killed and wounded, governorates', 'رسم بياني للأحداث: خط زمني حسب النوع، القتلى والجرحى، والمحافظات', 'attacks in Deir ez-Zor');
export const mapCommand = chartCommand('map', 'A map of events by place', 'خريطة الأحداث حسب المكان', 'car bombs');
