/** `/alert <filter>`: spike alerts on the filter for this chat (or forum topic), by one of its admins, as /subscribe. */
import { subscribeAlert } from '../../chat/commands/subscribe.js';
import type { TelegramCommand } from './telegram-command.js';

export const alertCommand: TelegramCommand = {
  names: ['alert'],
  async handle(ctx, env) {
    const chat = ctx.chat!;
    const filter = ctx.match.trim();
    if (filter === '') {
      await env.answer(ctx, { kind: 'alert_usage' });
      return;
    }
    if (!(await env.mayManage(ctx))) return;
    const destination = { platform: 'telegram', chatId: String(chat.id), threadId: ctx.msg?.is_topic_message ? String(ctx.msg.message_thread_id) : null };
    const label = chat.type === 'private' ? null : (chat.title ?? null);
    await env.answer(ctx, subscribeAlert(env.chat(ctx), { destination, filter, label, createdBy: `telegram:${ctx.from?.id}` }));
  },
};
