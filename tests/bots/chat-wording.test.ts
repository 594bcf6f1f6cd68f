import { describe, expect, it } from 'vitest';
import type { ChatAnswer } from '../../bots/chat/chat-answer.js';
import { PLAIN, sayAnswer, subscriptionLine, type ChatMarkup } from '../../bots/chat/chat-wording.js';
import { DISCORD_MARKUP } from '../../bots/discord/discord-answer.js';
import { TELEGRAM_MARKUP } from '../../bots/telegram/telegram-answer.js';
import type { Subscription } from '../../digests/subscription-store.js';

const sub: Subscription = {
  id: 3, kind: 'digest', alertK: null, alert: { state: 'quiet', since: null, checkedAt: null, count: null, threshold: null }, platform: 'discord', chatId: '111', threadId: '222', label: null, cron: '0 8 * * *', timezone: 'Asia/Damascus', filter: null, itemCap: 30,
  sendEmpty: false, includeOffTopic: false, withChart: false, paused: true, watermark: 0, nextRunAt: '2026-11-23T05:00:00.000Z', lastRunAt: null, createdAt: '2026-11-22T05:00:00.000Z', createdBy: null,
};

// One vector per answer that is words: English and Arabic, in plain text.
const VECTORS: [ChatAnswer, string, string][] = [
  [{ kind: 'slow_down' }, 'Too many messages. Please wait a minute.', 'رسائل كثيرة. تمهّل دقيقة من فضلك.'],
  [{ kind: 'failed' }, 'Something went wrong on our side. Please try again shortly.', 'حدث خطأ من جهتنا. حاول مرة أخرى بعد قليل.'],
  [{ kind: 'expired' }, 'This search has expired; send it again.', 'انتهت صلاحية هذا البحث؛ أرسله من جديد.'],
  [{ kind: 'admins_only' }, "Only this chat's admins can change its subscriptions.", 'تغيير اشتراكات هذه المحادثة لمشرفيها فقط.'],
  [{ kind: 'needs_permission', permission: 'Manage Channels' }, 'You need the Manage Channels permission for this.', 'تحتاج صلاحية Manage Channels لهذا الأمر.'],
  [{ kind: 'operators_only' }, 'This command is for the bot operators only.', 'هذا الأمر لمشغّلي البوت فقط.'],
  [{ kind: 'unknown_command', command: '/x' }, 'Unknown command /x. Type /help for the list.', 'الأمر /x غير معروف. اكتب /help لقائمة الأوامر.'],
  [{ kind: 'subscription_changed', change: 'pause', id: 3 }, 'Paused subscription #3', 'أوقف مؤقتاً الاشتراك #3'],
  [{ kind: 'subscription_changed', change: 'resume', id: 3 }, 'Resumed subscription #3', 'استؤنف الاشتراك #3'],
  [{ kind: 'subscription_changed', change: 'unsubscribe', id: 3 }, 'Unsubscribed #3', 'أُلغي الاشتراك #3'],
  [{ kind: 'subscriptions', subscriptions: [] }, 'No subscriptions in this chat.', 'لا اشتراكات في هذه المحادثة.'],
  [{ kind: 'which_subscription', subscriptions: [] }, 'This chat has no subscriptions. Use /subscribe.', 'لا اشتراكات في هذه المحادثة. /subscribe للاشتراك.'],
  [{ kind: 'add_usage' }, 'Send: /add <link to the article>', 'أرسل: /add رابط-التقرير'],
  [{ kind: 'added', status: 'unchanged', id: 9, title: 'T' }, 'Already stored as #9: T', 'موجود من قبل #9: T'],
  [{ kind: 'not_added', reason: 'no article' }, 'Not added: no article', 'لم يُضف: no article'],
  [{ kind: 'refused', chatId: '42' }, "This bot serves only the chats its operator allows. This chat's id is 42: send it to the operator to be added.", 'هذا البوت يخدم محادثات محددة فقط. رقم هذه المحادثة: 42 — أرسله لمشغّل البوت ليضيفه.'],
];

describe('one wording per chat answer', () => {
  it.each(VECTORS)('%j', (answer, en, ar) => {
    expect(sayAnswer(answer, 'en', PLAIN)).toBe(en);
    expect(sayAnswer(answer, 'ar', PLAIN)).toBe(ar);
  });

  it('answers laid out by each platform are not words', () => {
    for (const kind of ['help', 'status'] as const) expect(sayAnswer(kind === 'help' ? { kind } : { kind, text: 'x' }, 'en', PLAIN)).toBeNull();
  });

  it('a subscription line in each markup: the same words, each platform its own marks', () => {
    const lines = (m: ChatMarkup) => [subscriptionLine(sub, 'en', m), subscriptionLine(sub, 'ar', m)];
    expect(lines(PLAIN)).toEqual(['#3 · 0 8 * * * (Asia/Damascus) · all new reports · paused', '#3 · 0 8 * * * (Asia/Damascus) · كل التقارير الجديدة · متوقف']);
    expect(lines(DISCORD_MARKUP)[0]).toBe('#3 · <#222> · 0 8 * * * (Asia/Damascus) · all new reports · paused');
    expect(subscriptionLine({ ...sub, filter: 'A<B' }, 'en', TELEGRAM_MARKUP)).toBe('#3 · 0 8 * * * (Asia/Damascus) · A&lt;B · paused');
  });

  it('a platform scoped to servers says server; Telegram marks the id as code and escapes what users typed', () => {
    expect(sayAnswer({ kind: 'refused', chatId: '7' }, 'en', DISCORD_MARKUP)).toBe("This bot serves only the servers its operator allows. This server's id is 7: send it to the operator to be added.");
    expect(sayAnswer({ kind: 'refused', chatId: '7' }, 'en', TELEGRAM_MARKUP)).toBe("This bot serves only the chats its operator allows. This chat's id is <code>7</code>: send it to the operator to be added.");
    expect(sayAnswer({ kind: 'unknown_command', command: '/a<b' }, 'en', TELEGRAM_MARKUP)).toBe('Unknown command /a&lt;b. Type /help for the list.');
  });
});
