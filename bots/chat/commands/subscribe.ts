/** `/subscribe` and `/alert`: a scheduled digest or spike alerts for a chat, channel or thread; a refusal says why in the user's words. */
import { ScheduleError } from '../../../digests/cron-schedule.js';
import { SubscriptionError, type SubscribeInput } from '../../../digests/digest-service.js';
import type { ChatAnswer } from '../chat-answer.js';
import type { ChatContext } from '../chat-context.js';

export function subscribe(ctx: ChatContext, input: SubscribeInput): ChatAnswer {
  try {
    const subscription = ctx.digests.subscribe(input);
    ctx.refreshSchedules();
    return { kind: 'subscribed', subscription };
  } catch (err) {
    if (err instanceof SubscriptionError || err instanceof ScheduleError) return { kind: 'not_subscribed', reason: err.message };
    throw err;
  }
}

/** `/alert <filter>`: spike alerts on the filter, checked hourly (admins only, where /subscribe is). */
export function subscribeAlert(ctx: ChatContext, input: Omit<SubscribeInput, 'kind'>): ChatAnswer {
  if (!input.filter?.trim()) return { kind: 'alert_usage' };
  return subscribe(ctx, { ...input, kind: 'alert' });
}
