/**
 * The chart maker digests and alerts are given (digests/ cannot import the renderer): the events
 * matching the subscription's filter, day by day over the request's period, drawn as the stats picture
 * (timeline by event type, killed and wounded, governorates) and captioned with its title and summary.
 */
import type { ChartMaker } from '../digests/picture.js';
import { pictureCaption } from '../src/charts/chart-wording.js';
import type { Core } from '../src/create-core.js';

export function createChartMaker(core: Core): ChartMaker {
  return async ({ filter, lang, period }) => {
    // Days as the event records count them (an event's date, else its report's publication day).
    const stats = core.eventStats(filter ?? '', { since: period.from.slice(0, 10), until: period.to.slice(0, 10), by: 'day', lang });
    if (stats.totals.events === 0) return null;
    // The chart stack (Vega, resvg, the font) loads at the first picture.
    const { renderStatsPng } = await import('../src/charts/render-chart.js');
    const picture = await renderStatsPng(stats, lang);
    return { png: picture.png, ...pictureCaption(stats, picture.caption) };
  };
}
