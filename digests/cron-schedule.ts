/** Checks a subscription's schedule (cron expression and IANA time zone) and computes its next run. */
import { CronExpressionParser } from 'cron-parser';
import cron from 'node-cron';

/** Daily at 08:00 Damascus time: the team's morning digest. */
export const DEFAULT_CRON = '0 8 * * *';
export const DEFAULT_TIMEZONE = 'Asia/Damascus';

/** A schedule that cannot be used; the message says which part and what is expected. */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
}

/** Throws ScheduleError unless the expression and the time zone are both valid. */
export function checkSchedule(expression: string, timezone: string): void {
  if (!cron.validate(expression)) {
    throw new ScheduleError(
      `"${expression}" is not a cron schedule; use five fields: minute hour day-of-month month day-of-week, e.g. "0 8 * * *" (daily at 08:00) or "0 */6 * * *" (every 6 hours)`,
    );
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
  } catch {
    throw new ScheduleError(`"${timezone}" is not an IANA time zone; use e.g. Asia/Damascus, Asia/Baghdad, Europe/Berlin or UTC`);
  }
}

/** The first time the schedule fires strictly after `after`, in the given time zone. */
export function nextRunAfter(expression: string, timezone: string, after: Date): Date {
  return CronExpressionParser.parse(expression, { currentDate: after, tz: timezone }).next().toDate();
}
