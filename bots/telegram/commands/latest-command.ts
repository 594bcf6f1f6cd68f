/** `/latest`: the newest reports. */
import { latestReports } from '../../chat/commands/latest-reports.js';
import type { TelegramCommand } from './telegram-command.js';

export const latestCommand: TelegramCommand = {
  names: ['latest'],
  handle: (ctx, env) => env.answer(ctx, latestReports(env.chat(ctx).core, env.lang(ctx))),
};
