/**
 * `rasid stats` and `rasid map`: event records counted for a query (`Core.eventStats`) as text, JSON or
 * a PNG. The chart stack (Vega, Vega-Lite, resvg, the borders) is imported only when a PNG is asked for.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { statsText } from '../../src/charts/chart-wording.js';
import type { EventStats, PeriodUnit } from '../../src/charts/event-stats.js';
import type { Core } from '../../src/create-core.js';
import type { CliContext } from '../cli-context.js';
import { UsageError } from '../cli-errors.js';
import { checkFilter, dayBounds } from '../cli-options.js';

interface ChartOptions {
  png?: string;
  json?: boolean;
  since?: string;
  until?: string;
  by?: PeriodUnit;
}

/** Where `--png` writes, checked before anything is counted: a .png file in a folder that exists. */
export function pngPath(file: string): string {
  const path = resolve(file);
  if (!/\.png$/i.test(path)) throw new UsageError(`--png ${file}: the picture is a PNG; give a file name ending in .png, e.g. chart.png.`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--png ${file} is a folder; give a file name, e.g. ${file.replace(/\/*$/, '')}/chart.png.`);
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--png ${file}: there is no folder ${dir} to write it in.`);
  return path;
}

function writePng(path: string, png: Buffer, file: string): void {
  try {
    writeFileSync(path, png);
  } catch (err) {
    throw new UsageError(`--png ${file}: cannot write it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
}

/** The selection shared by both commands: query checked as `events --filter` checks it, days bounded. */
function countFor(core: Core, words: readonly string[], opts: ChartOptions): EventStats {
  const query = words.join(' ');
  checkFilter(query, core.interpret, 'query');
  const { since, until } = dayBounds(opts);
  return core.eventStats(query, { since, until, by: opts.by ?? null });
}

const withDays = (cmd: Command) =>
  cmd
    .option('--since <date>', 'only events on or after this day (YYYY-MM-DD; the event date, else the report\'s)')
    .option('--until <date>', 'only events on or before this day (YYYY-MM-DD)');

export function chartCommands(cli: CliContext): Command[] {
  const { io } = cli;
  const stats = withDays(
    new Command('stats')
      .description('count event records for a query: per day, week or month by event type, killed and wounded, by governorate (or district)')
      .argument('<query...>', 'e.g. داعش الرقة, car bombs Deir ez-Zor, attacks 2018 (Arabic query: Arabic labels)')
      .addOption(new Option('--by <period>', 'count per day, week or month (default: month when the events span more than about 4 months, else week)').choices(['day', 'week', 'month']))
      .option('--png <file>', 'draw the timeline and the governorate bars into a PNG')
      .option('--json', 'print the figures as JSON'),
  ).action((words: string[], opts: ChartOptions) => {
    dayBounds(opts);
    const png = opts.png === undefined ? null : pngPath(opts.png);
    return cli.withCore(async (core) => {
      const s = countFor(core, words, opts);
      if (png !== null) {
        const { renderStatsPng } = await import('../../src/charts/render-chart.js');
        const picture = await renderStatsPng(s);
        writePng(png, picture.png, opts.png!);
        if (!opts.json) io.out.write(`${png}\n${picture.caption}\n`);
      }
      if (opts.json) io.out.write(`${JSON.stringify(s, null, 2)}\n`);
      else if (png === null) io.out.write(`${statsText(s)}\n`);
    });
  });

  const map = withDays(
    new Command('map')
      .description('draw where a query\'s events happened: circles per place sized by count, coloured by event type')
      .argument('<query...>', 'e.g. داعش, attacks in Raqqa, car bombs 2018')
      .requiredOption('--png <file>', 'the PNG to write')
      .option('--json', 'also print the figures as JSON'),
  ).action((words: string[], opts: ChartOptions) => {
    dayBounds(opts);
    const png = pngPath(opts.png!);
    return cli.withCore(async (core) => {
      const s = countFor(core, words, opts);
      const { renderMapPng } = await import('../../src/charts/render-chart.js');
      const picture = await renderMapPng(s);
      writePng(png, picture.png, opts.png!);
      io.out.write(opts.json ? `${JSON.stringify({ ...s, caption: picture.caption }, null, 2)}\n` : `${png}\n${picture.caption}\n`);
    });
  });
  return [stats, map];
}
