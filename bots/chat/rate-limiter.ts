/** A per-user rate limit for chat: a sliding window of recent messages, and one warning per window. */

export interface RateLimiter {
  /** 'ok' to answer, 'warn' to say "slow down" once, 'drop' to stay silent. */
  check(userId: string, nowMs: number): 'ok' | 'warn' | 'drop';
}

/** Allows `perMinute` messages per user in any 60 s; the first message over gets a warning, the rest nothing. */
export function createRateLimiter(perMinute: number): RateLimiter {
  const WINDOW_MS = 60_000;
  const seen = new Map<string, { times: number[]; warned: boolean }>();
  return {
    check(userId, nowMs) {
      const entry = seen.get(userId) ?? { times: [], warned: false };
      entry.times = entry.times.filter((t) => nowMs - t < WINDOW_MS);
      if (entry.times.length >= perMinute) {
        const verdict = entry.warned ? 'drop' : 'warn';
        entry.warned = true;
        seen.set(userId, entry);
        return verdict;
      }
      entry.times.push(nowMs);
      entry.warned = false;
      seen.set(userId, entry);
      // Keep memory bounded: forget users idle for a window.
      if (seen.size > 10_000) for (const [k, v] of seen) if (v.times.every((t) => nowMs - t >= WINDOW_MS)) seen.delete(k);
      return 'ok';
    },
  };
}
