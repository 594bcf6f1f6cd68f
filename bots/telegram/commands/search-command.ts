/** `/search <query>`: one page of ranked reports with paging buttons; no query gives the help. */
import { searchReports } from '../../chat/commands/search-reports.js';
import type { TelegramCommand } from './telegram-command.js';

export const searchCommand: TelegramCommand = {
  names: ['search'],
  async handle(ctx, env) {
    const query = ctx.match.trim();
    if (query === '') await env.answer(ctx, { kind: 'help' });
    else await env.answer(ctx, searchReports(env.chat(ctx).core, env.pages, { query, offset: 0, chatId: String(ctx.chat!.id) }));
  },
};
