/**
 * One wording per chat answer, in Arabic and English. Platforms pass their markup (how to write bold
 * text, an id, a channel, and how to escape text), so the words are written once for every platform.
 */
import type { Subscription } from '../../digests/subscription-store.js';
import type { Feed } from '../../src/store/feed-store.js';
import type { ChatAnswer, SubscriptionChange } from './chat-answer.js';

export type Lang = 'ar' | 'en';

/** Where a platform's conversations live: Telegram and the console speak of chats, Discord of servers. */
export type ChatScope = 'chat' | 'server';

/** How a platform writes what the words need. */
export interface ChatMarkup {
  /** Text as the platform must receive it (HTML-escaped for Telegram). */
  text(s: string): string;
  bold(s: string): string;
  /** An id the user copies and sends on (a chat id). */
  id(s: string): string;
  /** Where a subscription's digests go, when a list spans several places (a Discord channel mention); null to leave it out. */
  destination(s: Subscription): string | null;
  readonly scope: ChatScope;
}

/** Plain text: the console, and platforms whose messages take text as it is. */
export const PLAIN: ChatMarkup = { text: (s) => s, bold: (s) => s, id: (s) => s, destination: () => null, scope: 'chat' };

type Words = { readonly [L in Lang]: string };

/** The fixed sentences. */
export const WORDS = {
  slowDown: { ar: 'رسائل كثيرة. تمهّل دقيقة من فضلك.', en: 'Too many messages. Please wait a minute.' },
  failed: { ar: 'حدث خطأ من جهتنا. حاول مرة أخرى بعد قليل.', en: 'Something went wrong on our side. Please try again shortly.' },
  expired: { ar: 'انتهت صلاحية هذا البحث؛ أرسله من جديد.', en: 'This search has expired; send it again.' },
  noQuery: { ar: 'لا يوجد بحث سابق. اكتب بحثاً أولاً.', en: 'There is no search to page through yet: type a query first.' },
  adminsOnly: { ar: 'تغيير اشتراكات هذه المحادثة لمشرفيها فقط.', en: "Only this chat's admins can change its subscriptions." },
  operatorsOnly: { ar: 'هذا الأمر لمشغّلي البوت فقط.', en: 'This command is for the bot operators only.' },
  addUsage: { ar: 'أرسل: /add رابط-التقرير', en: 'Send: /add <link to the article>' },
  allNewReports: { ar: 'كل التقارير الجديدة', en: 'all new reports' },
  paused: { ar: 'متوقف', en: 'paused' },
  reports: { ar: 'التقارير', en: 'Reports' },
  byGovernorate: { ar: 'حسب المحافظة', en: 'By governorate' },
  byEventType: { ar: 'حسب نوع الحدث', en: 'By event type' },
  never: { ar: 'أبداً', en: 'never' },
} as const satisfies Record<string, Words>;

const SCOPED = {
  refused: {
    chat: {
      ar: (id: string) => `هذا البوت يخدم محادثات محددة فقط. رقم هذه المحادثة: ${id} — أرسله لمشغّل البوت ليضيفه.`,
      en: (id: string) => `This bot serves only the chats its operator allows. This chat's id is ${id}: send it to the operator to be added.`,
    },
    server: {
      ar: (id: string) => `هذا البوت يخدم خوادم محددة فقط. رقم هذا الخادم: ${id} — أرسله لمشغّل البوت ليضيفه.`,
      en: (id: string) => `This bot serves only the servers its operator allows. This server's id is ${id}: send it to the operator to be added.`,
    },
  },
  noSubscriptions: {
    chat: { ar: 'لا اشتراكات في هذه المحادثة.', en: 'No subscriptions in this chat.' },
    server: { ar: 'لا اشتراكات في هذا الخادم.', en: 'No subscriptions in this server.' },
  },
  noneToChoose: {
    chat: { ar: 'لا اشتراكات في هذه المحادثة. /subscribe للاشتراك.', en: 'This chat has no subscriptions. Use /subscribe.' },
    server: { ar: 'لا اشتراكات في هذا الخادم. /subscribe للاشتراك.', en: 'This server has no subscriptions. Use /subscribe.' },
  },
} as const;

const CHANGED: Record<SubscriptionChange, Words> = {
  unsubscribe: { ar: 'أُلغي الاشتراك', en: 'Unsubscribed' },
  pause: { ar: 'أوقف مؤقتاً الاشتراك', en: 'Paused subscription' },
  resume: { ar: 'استؤنف الاشتراك', en: 'Resumed subscription' },
};

const ADDED = {
  added: { ar: 'أُضيف', en: 'Added' },
  updated: { ar: 'حُدّث', en: 'Updated' },
  unchanged: { ar: 'موجود من قبل', en: 'Already stored as' },
} as const;

/** One subscription on one line: number, where (when the list spans places), schedule, filter, paused. */
export function subscriptionLine(s: Subscription, lang: Lang, m: ChatMarkup): string {
  const where = m.destination(s);
  const when = s.kind === 'alert' ? `${ALERT_WORDS.alert[lang]} (k = ${s.alertK ?? 3})` : `${m.text(s.cron)} (${m.text(s.timezone)})`;
  const firing = s.kind === 'alert' && s.alert.state === 'firing' ? ` · ${ALERT_WORDS.firing[lang]}` : '';
  return [`#${s.id}`, ...(where === null ? [] : [where]), when, m.text(s.filter ?? WORDS.allNewReports[lang])].join(' · ') + firing + (s.paused ? ` · ${WORDS.paused[lang]}` : '');
}

/** The words of alert subscriptions. */
export const ALERT_WORDS = {
  alert: { ar: 'تنبيه عند الارتفاع', en: 'spike alert' },
  firing: { ar: 'في حالة تنبيه', en: 'alerting now' },
  set: {
    ar: 'تم ضبط التنبيه: أتحقق كل ساعة، وأرسل تنبيهاً حين ترتفع الأحداث المطابقة له خلال 24 ساعة فوق مستواها المعتاد بوضوح.',
    en: 'Alert set: I check every hour and post when the events matching it in the last 24 hours rise well above their usual level.',
  },
  usage: {
    ar: 'أرسل: /alert ثم ما تريد مراقبته، مثل: /alert دير الزور',
    en: 'Send: /alert and what to watch, e.g. /alert Deir ez-Zor',
  },
} as const satisfies Record<string, Words>;

/** One feed on one line: number, name, state (and why it is paused), items, last success. */
export function feedLine(f: Feed, lang: Lang, m: ChatMarkup): string {
  const last = lang === 'ar' ? 'آخر نجاح' : 'last success';
  return `#${f.id} ${m.text(f.name ?? f.url)} · ${f.state}${f.pausedReason ? ` (${m.text(f.pausedReason)})` : ''} · ${f.itemCount} · ${last} ${f.lastSuccessAt ?? WORDS.never[lang]}`;
}

/** Top rows of a count, one per line: `name: count`. */
export function countLines(rows: readonly { ar: string; en: string; count: number }[], lang: Lang, m: ChatMarkup): string {
  return rows.slice(0, 10).map((r) => `${m.text(r[lang])}: ${r.count}`).join('\n') || '-';
}

/**
 * The answer as text, for the answers that are words (not results, digests, help, stats, status or
 * pictures, which each platform lays out itself). Returns null for those.
 */
export function sayAnswer(a: ChatAnswer, lang: Lang, m: ChatMarkup): string | null {
  switch (a.kind) {
    case 'refused':
      return SCOPED.refused[m.scope][lang](m.id(a.chatId));
    case 'slow_down':
      return WORDS.slowDown[lang];
    case 'failed':
      return WORDS.failed[lang];
    case 'expired':
      return WORDS.expired[lang];
    case 'no_query':
      return WORDS.noQuery[lang];
    case 'admins_only':
      return WORDS.adminsOnly[lang];
    case 'needs_permission':
      return lang === 'ar' ? `تحتاج صلاحية ${a.permission} لهذا الأمر.` : `You need the ${a.permission} permission for this.`;
    case 'operators_only':
      return WORDS.operatorsOnly[lang];
    case 'unknown_command':
      return lang === 'ar' ? `الأمر ${m.text(a.command)} غير معروف. اكتب /help لقائمة الأوامر.` : `Unknown command ${m.text(a.command)}. Type /help for the list.`;
    case 'subscribed':
      if (a.subscription.kind === 'alert') return `${ALERT_WORDS.set[lang]}\n${subscriptionLine(a.subscription, lang, m)}`;
      return `${lang === 'ar' ? 'تم الاشتراك. الموجز القادم:' : 'Subscribed. Next digest:'} ${a.subscription.nextRunAt}\n${subscriptionLine(a.subscription, lang, m)}`;
    case 'not_subscribed':
      return m.text(a.reason);
    case 'subscriptions':
      return a.subscriptions.length === 0 ? SCOPED.noSubscriptions[m.scope][lang] : a.subscriptions.map((s) => subscriptionLine(s, lang, m)).join('\n');
    case 'which_subscription':
      return a.subscriptions.length === 0
        ? SCOPED.noneToChoose[m.scope][lang]
        : `${lang === 'ar' ? 'أي اشتراك؟ أضف رقمه:' : 'Which one? Add its number:'}\n${a.subscriptions.map((s) => subscriptionLine(s, lang, m)).join('\n')}`;
    case 'subscription_changed':
      return `${CHANGED[a.change][lang]} #${a.id}`;
    case 'alert_usage':
      return m.text(ALERT_WORDS.usage[lang]);
    case 'add_usage':
      return m.text(WORDS.addUsage[lang]);
    case 'added':
      return `${ADDED[a.status][lang]} #${a.id}: ${m.text(a.title)}`;
    case 'not_added':
      return `${lang === 'ar' ? 'لم يُضف:' : 'Not added:'} ${m.text(a.reason)}`;
    case 'feeds':
      return a.feeds.length === 0
        ? m.text(lang === 'ar' ? 'لا مصادر. أضف واحداً: rasid feeds add <url> --name <outlet>' : 'No feeds. Add one with: rasid feeds add <url> --name <outlet>')
        : a.feeds.map((f) => feedLine(f, lang, m)).join('\n');
    case 'results':
    case 'help':
    case 'digest':
    case 'stats':
    case 'status':
    case 'picture':
      return null;
  }
}

/** The words around search results, shared by every platform's results layout. */
export const RESULT_WORDS = {
  latest: { ar: 'أحدث التقارير', en: 'Latest reports' },
  noReports: { ar: 'لا توجد تقارير مطابقة.', en: 'No reports match.' },
  relaxed: { ar: 'لا تقرير يطابق كل الشروط؛ هذه تقارير تطابق بعضها.', en: 'No report matches every part; these match some of it.' },
  dateUnknown: { ar: 'تاريخ غير معروف', en: 'date unknown' },
  outletUnknown: { ar: 'مصدر غير معروف', en: 'outlet unknown' },
  places: { ar: 'المكان', en: 'places' },
  events: { ar: 'الحدث', en: 'events' },
  actors: { ar: 'الجهة', en: 'actors' },
  dates: { ar: 'الفترة', en: 'dates' },
} as const satisfies Record<string, Words>;

/** "Results 1–5 of 12". */
export const resultsRange = (from: number, to: number, total: number, lang: Lang): string =>
  lang === 'ar' ? `النتائج ${from}–${to} من ${total}` : `Results ${from}–${to} of ${total}`;

/** Reports that match all but the date range, because their date is unknown. */
export const undatedLine = (n: number, lang: Lang): string =>
  lang === 'ar' ? `${n} تقرير يطابق البحث لكن تاريخ نشره غير معروف؛ احذف شرط التاريخ لرؤيته.` : `${n} report(s) of unknown date match the rest; drop the date to see them.`;

/** A query of which nothing was understood; `example` marks the examples up (italics, quotes). */
export const nothingToSearch = (lang: Lang, example: (s: string) => string): string =>
  lang === 'ar' ? 'لم أفهم البحث. جرّب مكاناً وحدثاً، مثل: هجمات في الرقة' : `Nothing to search for. Try a place and an event, e.g. ${example('attacks in Raqqa')} or ${example('هجمات في الرقة')}.`;
