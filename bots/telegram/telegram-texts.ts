/** Telegram's own texts, in Arabic and English (chosen by the user's Telegram language): its help and command list. Answers' words are in bots/chat/chat-wording.ts. */

import type { Lang } from '../chat/chat-wording.js';

export type { Lang };

/** Arabic for users whose Telegram is in Arabic; English for everyone else. */
export function langOf(languageCode: string | undefined): Lang {
  return languageCode?.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export const TEXTS = {
  help: {
    ar: [
      '<b>راصد</b> يبحث في التقارير العربية عن تنظيم داعش في سوريا والعراق.',
      'اكتب بحثك (في المحادثة الخاصة أي رسالة بحث؛ في المجموعات /search أو اذكرني):',
      'هجمات في الرقة · سيارة مفخخة دير الزور 2019 · خلايا نائمة الحسكة منذ 2022',
      '',
      '/latest أحدث التقارير',
      '/digest معاينة الموجز القادم لهذه المحادثة',
      '/subscribe [الساعة] [فلتر] اشتراك بموجز يومي، مثل: /subscribe 08:00 الرقة',
      '/alert فلتر — تنبيه حين ترتفع الأحداث فوق المعتاد، مثل: /alert دير الزور',
      '/subscriptions اشتراكات هذه المحادثة · /unsubscribe · /pause · /resume',
      '/add رابط — إضافة تقرير من رابط',
      '/stats [بحث] — رسم بياني للأحداث: خط زمني حسب النوع، القتلى والجرحى، والمحافظات',
      '/map [بحث] — خريطة الأحداث حسب المكان',
    ].join('\n'),
    en: [
      '<b>Rasid</b> searches Arabic reporting on ISIS in Syria and Iraq.',
      'Send a query (any message in a private chat; in groups use /search or mention me):',
      'attacks in Raqqa · هجمات في الرقة · car bombs Deir ez-Zor 2019 · sleeper cells Hasakah since 2022',
      '',
      '/latest the newest reports',
      "/digest preview this chat's next digest",
      '/subscribe [HH:MM] [filter] daily digest, e.g. /subscribe 08:00 Raqqa',
      '/alert &lt;filter&gt; — alert when events rise above their usual level, e.g. /alert Deir ez-Zor',
      "/subscriptions this chat's subscriptions · /unsubscribe · /pause · /resume",
      '/add &lt;url&gt; — add a report from a link',
      '/stats [query] — a chart of the events: timeline by type, killed and wounded, governorates',
      '/map [query] — a map of the events by place',
    ].join('\n'),
  },
} as const;

/** The command list registered with setMyCommands, per language. */
export const COMMANDS: Record<Lang, { command: string; description: string }[]> = {
  en: [
    { command: 'search', description: 'Search reports: /search attacks in Raqqa' },
    { command: 'latest', description: 'The newest reports' },
    { command: 'digest', description: "Preview this chat's next digest" },
    { command: 'subscribe', description: 'Daily digest: /subscribe 08:00 Raqqa' },
    { command: 'alert', description: 'Spike alerts: /alert Deir ez-Zor' },
    { command: 'subscriptions', description: "This chat's subscriptions" },
    { command: 'unsubscribe', description: 'Stop a subscription' },
    { command: 'pause', description: 'Pause digests' },
    { command: 'resume', description: 'Resume digests' },
    { command: 'add', description: 'Add a report from a link' },
    { command: 'stats', description: 'Chart of events: /stats attacks in Deir ez-Zor' },
    { command: 'map', description: 'Map of events: /map car bombs' },
    { command: 'feeds', description: 'Feeds (operators)' },
    { command: 'status', description: 'How the service is doing (operators)' },
    { command: 'help', description: 'How to use Rasid' },
  ],
  ar: [
    { command: 'search', description: 'بحث في التقارير: /search هجمات في الرقة' },
    { command: 'latest', description: 'أحدث التقارير' },
    { command: 'digest', description: 'معاينة الموجز القادم' },
    { command: 'subscribe', description: 'موجز يومي: /subscribe 08:00 الرقة' },
    { command: 'alert', description: 'تنبيه عند ارتفاع الأحداث: /alert دير الزور' },
    { command: 'subscriptions', description: 'اشتراكات هذه المحادثة' },
    { command: 'unsubscribe', description: 'إلغاء اشتراك' },
    { command: 'pause', description: 'إيقاف الموجز مؤقتاً' },
    { command: 'resume', description: 'استئناف الموجز' },
    { command: 'add', description: 'إضافة تقرير من رابط' },
    { command: 'stats', description: 'رسم بياني للأحداث: /stats هجمات دير الزور' },
    { command: 'map', description: 'خريطة الأحداث: /map سيارات مفخخة' },
    { command: 'feeds', description: 'المصادر (للمشغّلين)' },
    { command: 'status', description: 'حالة الخدمة (للمشغّلين)' },
    { command: 'help', description: 'طريقة الاستخدام' },
  ],
};
