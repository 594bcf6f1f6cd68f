/** `/start`, `/help`: what Rasid does and its commands. */
import type { TelegramCommand } from './telegram-command.js';

export const helpCommand: TelegramCommand = {
  names: ['start', 'help'],
  handle: (ctx, env) => env.answer(ctx, { kind: 'help' }),
};
