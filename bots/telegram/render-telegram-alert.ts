/** Renders a spike alert as one Telegram HTML message, within Telegram's 4,096 characters. */
import type { Alert } from '../../digests/alert.js';
import { ALERT_MARK, REPORT_MARK, alertReportMeta, alertReportTitle, alertWording } from '../../digests/render/alert-wording.js';
import { TELEGRAM_MAX_MESSAGE, escapeHtml, link } from './render-telegram-digest.js';

/**
 * The alert as one message: title (bold), count, filter, the top reports (titles linked) and the closing
 * line. Reports are dropped from the last while the message is too long (only very long URLs could do that);
 * at most four entities, far under Telegram's 100. Its timeline picture, when there is one, is a message of its own before it.
 */
export function renderTelegramAlert(alert: Alert): string[] {
  const w = alertWording(alert);
  const build = (reports: number) => {
    const blocks = [`${ALERT_MARK} <b>${escapeHtml(w.title)}</b>\n${escapeHtml(w.count)}\n${escapeHtml(w.filter)}`];
    const shown = alert.top.slice(0, reports);
    if (w.reportsHeading !== null && shown.length > 0) {
      blocks.push([escapeHtml(w.reportsHeading), ...shown.map((r) => `${REPORT_MARK} ${link(escapeHtml(alertReportTitle(r)), r.url)}\n${escapeHtml(alertReportMeta(r, alert))}`)].join('\n'));
    }
    blocks.push(escapeHtml(w.closing));
    return blocks.join('\n\n');
  };
  for (let n = alert.top.length; n > 0; n--) {
    const html = build(n);
    if (html.length <= TELEGRAM_MAX_MESSAGE) return [html];
  }
  return [build(0)];
}
