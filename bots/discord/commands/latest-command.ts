/** `/latest`: the newest reports. */
import { latestReports } from '../../chat/commands/latest-reports.js';
import { slash, type DiscordCommand } from './discord-command.js';

export const latestCommand: DiscordCommand = {
  definition: slash('latest', 'The newest reports'),
  help: { en: 'The newest reports', ar: 'أحدث التقارير' },
  managing: false,
  execute: (i, guildId, env) => env.answer(i, latestReports(env.chat(guildId).core, env.lang(i))),
};
