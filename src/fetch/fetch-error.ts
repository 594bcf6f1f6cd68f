// The one error fetchUrl throws: a machine-readable code plus a message saying what happened and what to do.

/** Why a fetch failed. */
export type FetchErrorCode =
  | 'invalid_url'
  | 'unsupported_scheme'
  | 'blocked_address'
  | 'dns'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'network'
  | 'binary';

/** Extra facts about a failure. */
export interface FetchErrorDetails {
  /** The HTTP status, for 'http_status' (and a redirect without Location). */
  readonly httpStatus?: number;
  /** How long the server asked us to wait (Retry-After on 429 and 503), in milliseconds. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * A URL could not be fetched. `url` is the URL requested when it failed (after redirects, the hop
 * that failed); the message starts with it, then says the cause and the fix.
 */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: FetchErrorCode,
    readonly url: string,
    reason: string,
    details: FetchErrorDetails = {},
  ) {
    super(`${url}: ${reason}`, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.httpStatus !== undefined) this.httpStatus = details.httpStatus;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}
