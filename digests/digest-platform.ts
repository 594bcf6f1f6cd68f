/** What the digests need of a platform: its name and how a digest or a spike alert becomes its messages. */
import type { Alert } from './alert.js';
import type { Digest } from './digest.js';
import type { Picture } from './picture.js';

export interface DigestPlatform {
  /** The platform's name, as subscriptions store it (`Destination.platform`). */
  readonly name: string;
  /** The digest as this platform's messages, each within its limits: what the outbox stores and the sink sends. */
  renderDigest(digest: Digest): unknown[];
  /**
   * A picture (a digest's chart) as this platform's messages: the first carries the PNG
   * (`PicturePayload`, its bytes in `png`), any others the rest of a caption too long for it.
   * Absent: the platform shows no pictures, and its digests go without.
   */
  renderPicture?(picture: Picture): unknown[];
  /** A spike alert as this platform's messages (one, within its limits); the outbox stores them as a digest's. */
  renderAlert(alert: Alert): unknown[];
}

/** A subscription names a platform this process does not know (its folder was removed, or a typo in the database). */
export class UnknownPlatformError extends Error {
  override readonly name = 'UnknownPlatformError';
}
