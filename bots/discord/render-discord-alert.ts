/** Renders a spike alert as one Discord message: one embed, within Discord's embed limits. */
import type { Alert } from '../../digests/alert.js';
import { ALERT_MARK, REPORT_MARK, alertReportMeta, alertReportTitle, alertWording } from '../../digests/render/alert-wording.js';
import { DISCORD_MAX_EMBED_DESCRIPTION, DISCORD_MAX_EMBED_TITLE, clip, escapeMarkdown, link, type DiscordMessage } from './render-discord-digest.js';

/**
 * The alert as one embed: the title as the embed's title, the count, filter, top reports (titles linked)
 * and closing line in its description. Data lives only in the embed, where Discord pings no one. Reports are
 * dropped from the last while the description is too long. Its timeline picture, when there is one, is a message of its own before it.
 */
export function renderDiscordAlert(alert: Alert): DiscordMessage[] {
  const w = alertWording(alert);
  const description = (reports: number) => {
    const blocks = [`${escapeMarkdown(w.count)}\n${escapeMarkdown(w.filter)}`];
    const shown = alert.top.slice(0, reports);
    if (w.reportsHeading !== null && shown.length > 0) {
      blocks.push([w.reportsHeading, ...shown.map((r) => `${REPORT_MARK} **${link(alertReportTitle(r), r.url)}**\n*${escapeMarkdown(alertReportMeta(r, alert))}*`)].join('\n'));
    }
    blocks.push(w.closing);
    return blocks.join('\n\n');
  };
  let text = description(0);
  for (let n = alert.top.length; n > 0; n--) {
    const d = description(n);
    if (d.length <= DISCORD_MAX_EMBED_DESCRIPTION) {
      text = d;
      break;
    }
  }
  return [{ embeds: [{ title: clip(`${ALERT_MARK} ${escapeMarkdown(w.title)}`, DISCORD_MAX_EMBED_TITLE), description: clip(text, DISCORD_MAX_EMBED_DESCRIPTION) }] }];
}
