/** Removes the user name and password of every URL in a text, so they never reach a log or a reply. */

/** `scheme://userinfo@`: the userinfo part (user, or user:password) before the host. */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/giu;

/**
 * The text with every URL's credentials replaced by `***`.
 * @example withoutCredentials('see https://bob:s3cret@example.org/feed') === 'see https://***@example.org/feed'
 */
export function withoutCredentials(text: string): string {
  return text.replace(USERINFO, '$1***@');
}
