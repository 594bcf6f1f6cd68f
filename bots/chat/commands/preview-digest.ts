/** `/digest`: what this conversation's next digest would be now (a day of reports when it has no subscription). */
import type { Subscription } from '../../../digests/subscription-store.js';
import type { ChatAnswer } from '../chat-answer.js';
import type { ChatContext } from '../chat-context.js';

/** `subscription`: the one to preview; by default the conversation's first. */
export function previewDigest(ctx: ChatContext, subscription: Subscription | undefined = ctx.subscriptions()[0]): ChatAnswer {
  return { kind: 'digest', digest: ctx.digests.previewNext(subscription) };
}
