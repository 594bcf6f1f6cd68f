// The error raised inside the source readers; read-source-file turns it into a failure item.

/**
 * A source file (or one record in it) cannot be turned into a report. The message states the cause
 * and what to do about it, and becomes the `reason` of the failure item.
 */
export class SourceFileError extends Error {
  override readonly name = 'SourceFileError';
}

/** The message of any thrown value, first line only (YAML and zlib errors carry code excerpts). */
export function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]?.trim().replace(/:$/u, '') || 'unknown error';
}
