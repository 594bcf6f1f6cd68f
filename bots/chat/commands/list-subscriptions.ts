/** `/subscriptions`: this conversation's subscriptions. */
import type { ChatAnswer } from '../chat-answer.js';
import type { ChatContext } from '../chat-context.js';

export function listSubscriptions(ctx: ChatContext): ChatAnswer {
  return { kind: 'subscriptions', subscriptions: ctx.subscriptions() };
}
