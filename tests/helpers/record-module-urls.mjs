/**
 * Records the URL of every module a process resolves, one a line, into the file MODULE_TRACE names.
 * Use: node --import ./tests/helpers/record-module-urls.mjs … ; the import registers this same file as
 * the module-resolution hook (which Node runs on its own thread).
 */
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.MODULE_TRACE) appendFileSync(process.env.MODULE_TRACE, `${resolved.url}\n`);
  return resolved;
}
