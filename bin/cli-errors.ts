/** The command line's exit codes and the error that means "you asked for something that cannot be done as asked". */

/** Documented exit codes: every command ends with one of these. */
export const EXIT = {
  /** Everything asked for was done. */
  ok: 0,
  /** Some inputs failed (a file that could not be read, a feed whose poll failed, a digest not delivered). */
  someFailed: 1,
  /** A bad argument, an unknown option or command, or a missing or malformed setting. */
  usage: 2,
} as const;

/** A bad argument or a missing setting; the message names it and says what is allowed. Exits 2, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
