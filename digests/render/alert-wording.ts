/**
 * The Arabic wording of a spike alert, shared by every platform's renderer (each adds its markup and links).
 * The same right-to-left rules as the digest (digest-wording.ts): each line starts with an Arabic word after
 * at most an emoji, and each number follows an Arabic word in its phrase. Numbers in Western digits, as the
 * digests write them; counts agree with their noun (arabic-counts.ts).
 *
 * Alerts are in Arabic only, as digests are: a subscription has no language (chat answers follow the user's
 * language, what is delivered to a chat is Arabic).
 */
import type { Alert, AlertReport } from '../alert.js';
import { arabicCount, EVENT } from './arabic-counts.js';
import { arabicDay, wallTime } from './arabic-dates.js';
import { clean, cutWords, LIST_SEPARATOR, META_MARK, META_SEPARATOR, UNKNOWN_OUTLET, UNTITLED } from './digest-wording.js';

/** Marks the alert's title. */
export const ALERT_MARK = '🚨';
/** Marks the count line. */
export const COUNT_MARK = '📈';
/** Marks the filter line. */
export const FILTER_MARK = '🔎';
/** Marks the heading of the reports. */
export const REPORTS_MARK = '🗞';
/** Marks a report's title line. */
export const REPORT_MARK = '▪️';
/** Marks the closing line (quiet until the level falls back). */
export const QUIET_MARK = '🔕';
/** Words of a report title kept in an alert (titles are one line; this only cuts a pathological one). */
export const ALERT_TITLE_WORDS = 30;

/** The usual level per day as the press writes it: "نحو 1.2", "نحو 3", and "أقل من 0.1" for what rounds to nothing. */
function perDay(mean: number): string {
  if (mean > 0 && mean < 0.05) return 'أقل من 0.1';
  const r = Math.round(mean * 10) / 10;
  return `نحو ${Number.isInteger(r) ? String(r) : r.toFixed(1)}`;
}

/**
 * What the alert is about, in Arabic: «أحداث دير الزور» for places, the event kinds and actors after it in
 * parentheses («أحداث دير الزور (تفجير)», «الأحداث (داعش)»); the filter as written when nothing was recognized.
 */
export function alertSubject(alert: Alert): string {
  const places = alert.subject.places.map((p) => clean(p.ar));
  const others = [...alert.subject.events, ...alert.subject.actors].map((l) => clean(l.ar));
  const head = places.length > 0 ? `أحداث ${places.join(' و')}` : 'الأحداث';
  if (others.length > 0) return `${head} (${others.join(LIST_SEPARATOR)})`;
  return places.length > 0 ? head : `${head} المطابقة لـ«${clean(alert.filter)}»`;
}

/** The parts of an alert, raw (unescaped): each renderer marks them up and links the reports' titles. */
export interface AlertWording {
  /** «تنبيه: ارتفاع في أحداث دير الزور», without its mark (to be bolded). */
  readonly title: string;
  /** «📈 خلال آخر 24 ساعة: 9 أحداث، والمعتاد نحو 1.2 في اليوم.» */
  readonly count: string;
  /** «🔎 معيار التنبيه: Deir ez-Zor» */
  readonly filter: string;
  /** «🗞 أبرز التقارير:» (absent when no report can be shown). */
  readonly reportsHeading: string | null;
  readonly closing: string;
}

export function alertWording(alert: Alert): AlertWording {
  const usual =
    alert.mean === 0
      ? `ولم يُسجَّل أي حدث في الأيام الـ${alert.historyDays} السابقة`
      : `والمعتاد ${perDay(alert.mean)} في اليوم على مدى الأيام الـ${alert.historyDays} السابقة`;
  return {
    title: `تنبيه: ارتفاع في ${alertSubject(alert)}`,
    count: `${COUNT_MARK} خلال آخر 24 ساعة: ${arabicCount(alert.count, EVENT)}، ${usual}.`,
    filter: `${FILTER_MARK} معيار التنبيه: ${clean(alert.filter)}`,
    reportsHeading: alert.top.length > 0 ? `${REPORTS_MARK} أبرز التقارير:` : null,
    closing: `${QUIET_MARK} لن يصلكم تنبيه آخر عن ذلك حتى يعود النشاط إلى مستواه المعتاد ثم يرتفع من جديد.`,
  };
}

/** A report's title for an alert line (cut at ALERT_TITLE_WORDS words). Raw. */
export function alertReportTitle(report: AlertReport): string {
  return cutWords(report.title, ALERT_TITLE_WORDS) || UNTITLED;
}

/** «🕒 نُشر في 4 آذار · عنب بلدي» (the year when it is not the alert's). Raw. */
export function alertReportMeta(report: AlertReport, alert: Alert): string {
  const pastYear = report.publishedAt !== null && wallTime(report.publishedAt, alert.timezone)?.year !== wallTime(alert.window.to, alert.timezone)?.year;
  const day = report.publishedAt === null ? null : arabicDay(report.publishedAt, alert.timezone, pastYear);
  return `${META_MARK} ${[day ? `نُشر في ${day}` : 'تاريخ النشر غير معروف', report.outlet ? clean(report.outlet) : UNKNOWN_OUTLET].join(META_SEPARATOR)}`;
}
