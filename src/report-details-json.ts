/** The JSON shape of `rasid show --json`: the stored report, what was understood, on_topic, incident and events. */
import type { ReportDetails } from './create-core.js';

/**
 * The report as JSON: stored fields, places, the event words it names (`event_words`), actors,
 * casualty figures, then `on_topic`, `incident` and its ACLED-style `events`, main event first.
 */
export function reportDetailsJson(report: ReportDetails): Record<string, unknown> {
  const { eventRecords, events, understanding: _understanding, onTopic, incident, ...rest } = report;
  return { ...rest, event_words: events, on_topic: onTopic, incident, events: eventRecords };
}
