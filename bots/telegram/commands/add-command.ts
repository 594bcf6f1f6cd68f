/** `/add <url>`: ingests an article now. */
import { addReport } from '../../chat/commands/add-report.js';
import type { TelegramCommand } from './telegram-command.js';

export const addCommand: TelegramCommand = {
  names: ['add'],
  handle: async (ctx, env) => env.answer(ctx, await addReport(env.chat(ctx).core, ctx.match)),
};
