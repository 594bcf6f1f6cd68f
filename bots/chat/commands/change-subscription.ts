/** `/unsubscribe`, `/pause`, `/resume`: on the subscription named by number, or the conversation's only one. */
import type { ChatAnswer, SubscriptionChange } from '../chat-answer.js';
import type { ChatContext } from '../chat-context.js';

export function changeSubscription(ctx: ChatContext, change: SubscriptionChange, id: number | null): ChatAnswer {
  const subs = ctx.subscriptions();
  const chosen = id !== null && Number.isInteger(id) && id > 0 ? subs.find((s) => s.id === id) : subs.length === 1 ? subs[0] : undefined;
  if (chosen === undefined) return { kind: 'which_subscription', subscriptions: subs };
  if (change === 'unsubscribe') ctx.digests.subscriptions.remove(chosen.id);
  else ctx.digests.subscriptions.setPaused(chosen.id, change === 'pause');
  ctx.refreshSchedules();
  return { kind: 'subscription_changed', change, id: chosen.id };
}
