/** `/unsubscribe`, `/pause`, `/resume` `[number]`: by this chat's admins. */
import type { SubscriptionChange } from '../../chat/chat-answer.js';
import { changeSubscription } from '../../chat/commands/change-subscription.js';
import type { TelegramCommand } from './telegram-command.js';

const changeCommand = (change: SubscriptionChange): TelegramCommand => ({
  names: [change],
  async handle(ctx, env) {
    if (!(await env.mayManage(ctx))) return;
    const id = Number(ctx.match.trim());
    await env.answer(ctx, changeSubscription(env.chat(ctx), change, ctx.match.trim() === '' ? null : id));
  },
});

export const unsubscribeCommand = changeCommand('unsubscribe');
export const pauseCommand = changeCommand('pause');
export const resumeCommand = changeCommand('resume');
