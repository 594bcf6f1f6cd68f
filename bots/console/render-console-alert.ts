/** Renders a spike alert as plain text for the console: each URL alone on its own line. */
import type { Alert } from '../../digests/alert.js';
import { ALERT_MARK, REPORT_MARK, alertReportMeta, alertReportTitle, alertWording } from '../../digests/render/alert-wording.js';

/** The alert as one plain-text string (no length limit). Its timeline picture, when there is one, is a message of its own before it. */
export function renderAlertText(alert: Alert): string {
  const w = alertWording(alert);
  const blocks = [`${ALERT_MARK} ${w.title}\n${w.count}\n${w.filter}`];
  if (w.reportsHeading !== null) {
    blocks.push(
      [w.reportsHeading, ...alert.top.map((r) => [`${REPORT_MARK} ${alertReportTitle(r)}`, alertReportMeta(r, alert), ...(r.url?.trim() ? [r.url.trim()] : [])].join('\n'))].join('\n'),
    );
  }
  blocks.push(w.closing);
  return blocks.join('\n\n');
}
