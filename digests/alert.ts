/** The neutral spike alert: what an alert says, before any platform renders it. Made by alert-check.ts. */
import type { Labeled } from '../src/search/search-answer.js';

/** One of the reports shown with an alert (the most significant of the burst). */
export interface AlertReport {
  readonly reportId: number;
  readonly title: string;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
}

export interface Alert {
  readonly subscriptionId: number;
  /** The subscription's filter as written, and what Rasid understood of it (for naming the alert in Arabic). */
  readonly filter: string;
  readonly subject: { readonly places: readonly Labeled[]; readonly events: readonly Labeled[]; readonly actors: readonly Labeled[] };
  /** Events in the window. */
  readonly count: number;
  /** The usual level: mean events per day over `historyDays`, the deviation used, and the threshold exceeded. */
  readonly mean: number;
  readonly sd: number;
  readonly threshold: number;
  readonly k: number;
  readonly historyDays: number;
  /** The last 24 hours (ISO instants). */
  readonly window: { readonly from: string; readonly to: string };
  /** IANA time zone the dates are shown in. */
  readonly timezone: string;
  /** Daily counts, oldest first, ending with the window's: what a timeline chart draws. */
  readonly daily: readonly number[];
  /** Up to three reports of the burst, most significant first. */
  readonly top: readonly AlertReport[];
}
