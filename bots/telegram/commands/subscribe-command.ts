/**
 * `/subscribe [@channel] [HH:MM | "cron"] [filter…]`: this chat (or forum topic) by one of its admins,
 * or, from a private chat, a channel where both the user and the bot are admins.
 */
import { subscribe } from '../../chat/commands/subscribe.js';
import { parseSubscribe } from '../parse-subscribe.js';
import { escapeHtml } from '../render-telegram-digest.js';
import type { TelegramCommand } from './telegram-command.js';

export const subscribeCommand: TelegramCommand = {
  names: ['subscribe'],
  async handle(ctx, env) {
    const l = env.lang(ctx);
    const chat = ctx.chat!;
    const args = parseSubscribe(ctx.match);
    let destination = { platform: 'telegram', chatId: String(chat.id), threadId: ctx.msg?.is_topic_message ? String(ctx.msg.message_thread_id) : null };
    let label = chat.type === 'private' ? null : (chat.title ?? null);
    if (args.target !== null) {
      if (chat.type !== 'private') {
        await ctx.reply(l === 'ar' ? 'اشترك بالقناة من محادثة خاصة معي.' : 'Subscribe a channel from a private chat with me.');
        return;
      }
      let channel;
      try {
        channel = await env.api.getChat(args.target);
      } catch {
        await ctx.reply(l === 'ar' ? `لا أجد ${escapeHtml(args.target)}. أضفني مشرفاً فيها أولاً.` : `I cannot find ${escapeHtml(args.target)}. Add me to it as an admin first.`, { parse_mode: 'HTML' });
        return;
      }
      const userAdmin = await env.isChatAdmin(channel.id, ctx.from!.id).catch(() => false);
      const botAdmin = await env.isChatAdmin(channel.id, ctx.me.id).catch(() => false);
      if (!userAdmin || !botAdmin) {
        await ctx.reply(l === 'ar' ? 'يجب أن نكون كلانا، أنت وأنا، مشرفَين في القناة.' : 'Both of us must be admins of that channel: you, to decide, and me, to post.');
        return;
      }
      destination = { platform: 'telegram', chatId: String(channel.id), threadId: null };
      label = 'title' in channel ? (channel.title ?? null) : null;
    } else if (!(await env.mayManage(ctx))) return;
    await env.answer(ctx, subscribe(env.chat(ctx), { destination, cron: args.cron ?? undefined, filter: args.filter, label, createdBy: `telegram:${ctx.from?.id}` }));
  },
};
