/**
 * One check of an alert subscription, reading only: the events matching its filter in the last 24 hours
 * against the 28 days before (spike-detector.ts), and, when it fires, the neutral alert (alert.ts). The digest
 * service records what a check decided (alone, or with the alert's run in one transaction) and delivers it.
 *
 * What is counted: the event records Rasid found in reports matching the filter (as `rasid events` selects
 * them: the filter's places and event kinds must be the event's own), each at its report's publication time,
 * never later than the report's arrival. Not the event date: most events have only a day, many none, and
 * they lag (a report tells of yesterday); an alert is about what the news is saying now, as EMM counts
 * articles. Not the arrival: importing an archive would be a "burst" of old news, while by publication time
 * it lands in its own days, outside the window. Reports without a date are left out (see activityTime).
 */
import type { Core } from '../src/create-core.js';
import type { Alert, AlertReport } from './alert.js';
import { activityTime, DAY_MS, decideSpike, DEFAULT_K, HISTORY_DAYS, windowCounts, type SpikeDecision } from './spike-detector.js';
import type { AlertState, Subscription } from './subscription-store.js';

/** Reports shown with an alert. */
export const ALERT_TOP_REPORTS = 3;

/** What one check saw and decided; `alert` is set when it fires. */
export interface AlertEvaluation {
  readonly subscriptionId: number;
  readonly filter: string;
  readonly k: number;
  readonly count: number;
  readonly mean: number;
  readonly sd: number;
  readonly threshold: number;
  readonly historyDays: number;
  readonly decision: SpikeDecision;
  /** The subscription's alert state after this check. */
  readonly state: AlertState;
  readonly alert: Alert | null;
  /** The newest report when checked (the run's `to_report_id`). */
  readonly upToReportId: number;
}

/** Evaluates one alert subscription at `now`, writing nothing. */
export function evaluateAlert(core: Core, sub: Subscription, now: Date): AlertEvaluation {
  const filter = sub.filter ?? '';
  const k = sub.alertK ?? DEFAULT_K;
  const at = now.getTime();
  const windowStart = at - DAY_MS;
  const historyStart = at - (HISTORY_DAYS + 1) * DAY_MS;
  // Ids grow with arrival, and a report's time is never after its arrival: every report counted arrived after historyStart.
  const afterId = core.lastReportId(new Date(historyStart));
  const upToReportId = core.lastReportId();
  const rows = core
    .eventActivity(filter, afterId)
    .map((r) => ({ ...r, at: activityTime(r.publishedAt, r.ingestedAt) }))
    .filter((r): r is typeof r & { at: number } => r.at !== null);
  const start = core.corpusStart();
  const counts = windowCounts(rows.map((r) => r.at), at, start === null ? null : Date.parse(start));
  const verdict = decideSpike({ count: counts.count, history: counts.history, k, state: sub.alert.state });
  const nowIso = now.toISOString();
  const state: AlertState = {
    state: verdict.next,
    since: verdict.decision === 'fire' ? nowIso : verdict.next === 'firing' ? sub.alert.since : null,
    checkedAt: nowIso,
    count: counts.count,
    threshold: verdict.threshold,
  };
  let alert: Alert | null = null;
  if (verdict.decision === 'fire') {
    const inWindow = rows.filter((r) => r.at > windowStart && r.at <= at);
    const i = core.interpret(filter);
    alert = {
      subscriptionId: sub.id,
      filter,
      subject: { places: i.places, events: i.events, actors: i.actors },
      count: counts.count,
      mean: verdict.mean,
      sd: verdict.sd,
      threshold: verdict.threshold,
      k,
      historyDays: counts.history.length,
      window: { from: new Date(windowStart).toISOString(), to: nowIso },
      timezone: sub.timezone,
      daily: [...counts.history].reverse().concat(counts.count),
      top: topReports(core, inWindow),
    };
  }
  return {
    subscriptionId: sub.id,
    filter,
    k,
    count: counts.count,
    mean: verdict.mean,
    sd: verdict.sd,
    threshold: verdict.threshold,
    historyDays: counts.history.length,
    decision: verdict.decision,
    state,
    alert,
    upToReportId,
  };
}

/**
 * The burst's most significant reports: most killed first, then most wounded (summed over the report's
 * matching events), then most matching events, then newest; one per title, so three outlets' copies of one
 * story do not fill the list.
 */
function topReports(core: Core, rows: readonly { reportId: number; at: number; fatalities: number; injuries: number }[]): AlertReport[] {
  const byReport = new Map<number, { killed: number; wounded: number; events: number; at: number }>();
  for (const r of rows) {
    const s = byReport.get(r.reportId) ?? { killed: 0, wounded: 0, events: 0, at: r.at };
    byReport.set(r.reportId, { killed: s.killed + r.fatalities, wounded: s.wounded + r.injuries, events: s.events + 1, at: r.at });
  }
  const ranked = [...byReport]
    .sort(([ia, a], [ib, b]) => b.killed - a.killed || b.wounded - a.wounded || b.events - a.events || b.at - a.at || ib - ia)
    .map(([id]) => id);
  const reports = new Map(core.store.getMany(ranked.slice(0, 30)).map((r) => [r.id, r]));
  const seen = new Set<string>();
  const top: AlertReport[] = [];
  for (const id of ranked) {
    const r = reports.get(id);
    if (r === undefined) continue;
    const key = r.title.replace(/\s+/gu, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    top.push({ reportId: r.id, title: r.title, outlet: r.source, url: r.url, publishedAt: r.publishedAt });
    if (top.length === ALERT_TOP_REPORTS) break;
  }
  return top;
}
