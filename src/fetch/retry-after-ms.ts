// Reads an HTTP Retry-After header (delay in seconds, or an HTTP-date) as a wait in milliseconds.

/** Retry-After as seconds: digits only. */
const DELAY_SECONDS = /^\d+$/u;
/** Every HTTP-date form (IMF-fixdate, RFC 850, asctime) opens with a day name; V8 would read "-5" as a date. */
const HTTP_DATE = /^[A-Za-z]{3,9},?\s/u;
const MS_PER_SECOND = 1000;

/**
 * The wait a Retry-After header asks for, in milliseconds: `7` → 7000, an HTTP-date → the time
 * until then (0 when it has passed). Null when the header is missing or unreadable.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  const value = header?.trim() ?? '';
  if (value === '') return null;
  if (DELAY_SECONDS.test(value)) return Number(value) * MS_PER_SECOND;
  const at = HTTP_DATE.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
