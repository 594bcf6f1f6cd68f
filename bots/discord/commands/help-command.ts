/** `/help`: what Rasid does, and every command in English and Arabic. */
import { slash, type DiscordCommand } from './discord-command.js';

export const helpCommand: DiscordCommand = {
  definition: slash('help', 'How to use Rasid'),
  help: { en: 'How to use Rasid', ar: 'طريقة الاستخدام' },
  managing: false,
  execute: (i, _guildId, env) => env.answer(i, { kind: 'help' }, { ephemeral: true }),
};
