/** Access and flood control for chat, before any command: is this chat allowed, and is this user within the rate. */
import type { ChatAnswer } from './chat-answer.js';
import { createRateLimiter } from './rate-limiter.js';

export type GateVerdict =
  /** Answer the message. */
  | { readonly pass: true }
  /** Do not answer it; say `answer` when there is one (a refusal the first time, "slow down" once). */
  | { readonly pass: false; readonly answer: ChatAnswer | null; readonly refusedChat: boolean };

export interface ChatGate {
  /** Whether the operator allows this chat (no refusal is counted). */
  allows(chatId: string): boolean;
  /** `addressed: false`: a message in a group that is not for the bot (passes the access check, then silence). */
  check(request: { chatId: string; userId: string; nowMs: number; addressed?: boolean }): GateVerdict;
}

/**
 * Chats not `allowed` are refused (`refuseOnce`: said once per chat, then silence; else every time);
 * each user may send `perMinute` messages in any minute, the first one over gets "slow down".
 */
export function createChatGate(options: { allowed: (chatId: string) => boolean; perMinute: number; refuseOnce: boolean }): ChatGate {
  const limiter = createRateLimiter(options.perMinute);
  const refused = new Set<string>();
  return {
    allows: (chatId) => options.allowed(chatId),
    check({ chatId, userId, nowMs, addressed = true }) {
      if (!options.allowed(chatId)) {
        const first = !refused.has(chatId);
        refused.add(chatId);
        return { pass: false, refusedChat: true, answer: first || !options.refuseOnce ? { kind: 'refused', chatId } : null };
      }
      if (!addressed) return { pass: false, refusedChat: false, answer: null };
      const verdict = limiter.check(userId, nowMs);
      if (verdict === 'ok') return { pass: true };
      return { pass: false, refusedChat: false, answer: verdict === 'warn' ? { kind: 'slow_down' } : null };
    },
  };
}
