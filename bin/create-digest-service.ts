/** The digest service wired with the registered platforms (their digest renderers) and the chart maker: what serve, the CLI and tests use. */
import { createDigestService as createDigestServiceFor, type DigestService, type DigestServiceDeps } from '../digests/digest-service.js';
import { createChartMaker } from './chart-maker.js';
import { PLATFORMS } from './platforms.js';

export { SubscriptionError, type DigestService } from '../digests/digest-service.js';

/**
 * `createDigestService` of digests/, with every platform of bin/platforms.ts unless `platforms` says
 * otherwise, and charts drawn from the core's event records unless `chartMaker` is given (undefined
 * included: no charts).
 */
export function createDigestService(deps: Omit<DigestServiceDeps, 'platforms'> & Partial<Pick<DigestServiceDeps, 'platforms'>>): DigestService {
  return createDigestServiceFor({ platforms: PLATFORMS, ...('chartMaker' in deps ? {} : { chartMaker: createChartMaker(deps.core) }), ...deps });
}
