/** `/stats [query]` and `/map [query]`: the query's events as a picture with its summary (counts as words when there is none). */
import { eventChart } from '../../chat/commands/event-chart.js';
import type { TelegramCommand } from './telegram-command.js';

export const statsCommand: TelegramCommand = {
  names: ['stats'],
  handle: async (ctx, env) => env.answer(ctx, await eventChart(env.chat(ctx).core, ctx.match, 'stats')),
};

export const mapCommand: TelegramCommand = {
  names: ['map'],
  handle: async (ctx, env) => env.answer(ctx, await eventChart(env.chat(ctx).core, ctx.match, 'map')),
};
