/**
 * `/stats [query]` and `/map [query]`: the events a query selects as a picture — the timeline by event
 * type, killed and wounded, and the governorates (`stats`), or a circle per place on the region's map
 * (`map`) — captioned with its title and summary line. With no event to draw, or when a picture cannot be
 * made, the answer is the report counts as words, as `/stats` gave before it drew.
 */
import type { Core } from '../../../src/create-core.js';
import { pictureCaption, statsText } from '../../../src/charts/chart-wording.js';
import type { ChatAnswer } from '../chat-answer.js';
import { corpusStats } from './corpus-stats.js';

export type ChartKind = 'stats' | 'map';

export async function eventChart(core: Core, query: string | null, kind: ChartKind): Promise<ChatAnswer> {
  const q = query?.trim() ?? '';
  const stats = core.eventStats(q);
  if (stats.totals.events === 0) return corpusStats(core, q === '' ? null : q);
  try {
    // The chart stack (Vega, resvg, the borders) loads at the first picture, not with the bot.
    const { renderMapPng, renderStatsPng } = await import('../../../src/charts/render-chart.js');
    const picture = kind === 'map' ? await renderMapPng(stats) : await renderStatsPng(stats);
    return { kind: 'picture', picture: { png: picture.png, ...pictureCaption(stats, picture.caption), fallback: statsText(stats), name: `${kind}.png` } };
  } catch (err) {
    core.logger.warn({ err, query: q, chart: kind }, 'the chart could not be drawn: answering with the counts');
    return corpusStats(core, q === '' ? null : q);
  }
}
