/** `/search query [since] [place]`: one page of ranked reports with paging buttons; the place is a p-code from autocomplete. */
import { searchReports } from '../../chat/commands/search-reports.js';
import { slash, type DiscordCommand } from './discord-command.js';

const YEAR = /^(19|20)\d\d$/;

export const searchCommand: DiscordCommand = {
  definition: slash('search', 'Search the reports (English or Arabic)')
    .addStringOption((o) => o.setName('query').setDescription('e.g. attacks in Raqqa · هجمات في الرقة').setRequired(true).setMaxLength(500))
    .addStringOption((o) => o.setName('since').setDescription('e.g. 2022, last month').setMaxLength(40))
    .addStringOption((o) => o.setName('place').setDescription('A governorate, district or town').setAutocomplete(true).setMaxLength(100)),
  help: { en: 'Search the reports (English or Arabic)', ar: 'بحث في التقارير' },
  managing: false,
  async execute(i, guildId, env) {
    await i.deferReply(); // a search may take longer than Discord's 3-second window
    const { core } = env.chat(guildId);
    const since = i.options.getString('since')?.trim();
    // The place option is a p-code chosen from autocomplete; a name typed without choosing is read as text.
    const place = i.options.getString('place')?.trim() ?? '';
    const chosen = place !== '' && core.lexicon.placeLabel(place).en !== place;
    const text = [i.options.getString('query', true), chosen ? '' : place, since ? (YEAR.test(since) ? `since ${since}` : since) : ''].join(' ').trim();
    await env.answer(i, searchReports(core, env.pages, { query: core.parse(text, { places: chosen ? [place] : [] }), offset: 0, chatId: i.channelId }));
  },
};
