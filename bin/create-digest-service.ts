/** The digest service wired with the registered platforms (their digest renderers): what serve, the CLI and tests use. */
import { createDigestService as createDigestServiceFor, type DigestService, type DigestServiceDeps } from '../digests/digest-service.js';
import { PLATFORMS } from './platforms.js';

export { SubscriptionError, type DigestService } from '../digests/digest-service.js';

/** `createDigestService` of digests/, with every platform of bin/platforms.ts unless `platforms` says otherwise. */
export function createDigestService(deps: Omit<DigestServiceDeps, 'platforms'> & Partial<Pick<DigestServiceDeps, 'platforms'>>): DigestService {
  return createDigestServiceFor({ platforms: PLATFORMS, ...deps });
}
