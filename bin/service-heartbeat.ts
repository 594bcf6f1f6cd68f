/** The serving process's heartbeat beside the database, which `rasid status` (another process) reads. */
import { HEARTBEAT_EVERY_MS, writeHeartbeat, type Heartbeat } from '../src/status/service-status.js';
import type { Logger } from '../src/log/create-logger.js';

export interface HeartbeatWriter {
  /** Writes a last beat saying the service stopped cleanly. */
  stop(): void;
}

/** Writes a heartbeat now and every HEARTBEAT_EVERY_MS; `platforms` is asked each time. */
export function startHeartbeat(dbPath: string, platforms: () => Heartbeat['platforms'], logger: Logger, now: () => Date = () => new Date()): HeartbeatWriter {
  if (dbPath === ':memory:') return { stop: () => undefined };
  const startedAt = now().toISOString();
  const beat = (running: boolean) => {
    try {
      writeHeartbeat(dbPath, { pid: process.pid, startedAt, at: now().toISOString(), running, platforms: platforms() });
    } catch (err) {
      logger.warn({ err }, 'could not write the service heartbeat (rasid status will not see this service)');
    }
  };
  beat(true);
  const timer = setInterval(() => beat(true), HEARTBEAT_EVERY_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      beat(false);
    },
  };
}
