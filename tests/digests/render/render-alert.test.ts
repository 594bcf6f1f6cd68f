import { describe, expect, it } from 'vitest';
import { renderAlertText } from '../../../bots/console/render-console-alert.js';
import { renderDiscordAlert } from '../../../bots/discord/render-discord-alert.js';
import { DISCORD_MAX_EMBED_DESCRIPTION, DISCORD_MAX_EMBED_TITLE, embedLength, DISCORD_MAX_EMBED_TOTAL } from '../../../bots/discord/render-discord-digest.js';
import { renderTelegramAlert } from '../../../bots/telegram/render-telegram-alert.js';
import { TELEGRAM_MAX_MESSAGE } from '../../../bots/telegram/render-telegram-digest.js';
import type { Alert } from '../../../digests/alert.js';
import { alertSubject, alertWording } from '../../../digests/render/alert-wording.js';
import { bidiProblem, countTelegramEntities, discordText, telegramHtmlProblems, telegramText } from './check-markup.js';

const DEZ = { key: 'SY09', en: 'Deir ez-Zor', ar: 'دير الزور' };
const RAQQA = { key: 'SY11', en: 'Raqqa', ar: 'الرقة' };

function makeAlert(over: Partial<Alert> = {}): Alert {
  return {
    subscriptionId: 1,
    filter: 'Deir ez-Zor',
    subject: { places: [DEZ], events: [], actors: [] },
    count: 9,
    mean: 1.2142857,
    sd: 1.1,
    threshold: 4.5,
    k: 3,
    historyDays: 28,
    window: { from: '2026-11-21T08:00:00.000Z', to: '2026-11-22T08:00:00.000Z' },
    timezone: 'Asia/Damascus',
    daily: [...new Array<number>(28).fill(1), 9],
    top: [
      { reportId: 7, title: 'هجوم على نقطة في هجين', outlet: 'عنب بلدي', url: 'https://example.org/7', publishedAt: '2026-11-22T05:00:00Z' },
      { reportId: 5, title: 'لغم <b>في</b> بادية البوكمال & _ريفها_', outlet: 'Reuters', url: 'https://example.org/a_(b)', publishedAt: '2025-12-30T23:30:00Z' },
      { reportId: 3, title: 'اغتيال مختار في ذيبان', outlet: null, url: null, publishedAt: null },
    ],
    ...over,
  };
}

describe('the alert wording', () => {
  it.each([
    [{}, 'تنبيه: ارتفاع في أحداث دير الزور', '📈 خلال آخر 24 ساعة: 9 أحداث، والمعتاد نحو 1.2 في اليوم على مدى الأيام الـ28 السابقة.'],
    [{ count: 11, mean: 2 }, 'تنبيه: ارتفاع في أحداث دير الزور', '📈 خلال آخر 24 ساعة: 11 حدثاً، والمعتاد نحو 2 في اليوم على مدى الأيام الـ28 السابقة.'],
    [{ count: 3, mean: 0.04 }, 'تنبيه: ارتفاع في أحداث دير الزور', '📈 خلال آخر 24 ساعة: 3 أحداث، والمعتاد أقل من 0.1 في اليوم على مدى الأيام الـ28 السابقة.'],
    [{ count: 100, mean: 0, historyDays: 9 }, 'تنبيه: ارتفاع في أحداث دير الزور', '📈 خلال آخر 24 ساعة: 100 حدث، ولم يُسجَّل أي حدث في الأيام الـ9 السابقة.'],
    [{ subject: { places: [DEZ, RAQQA], events: [], actors: [] } }, 'تنبيه: ارتفاع في أحداث دير الزور والرقة', null],
    [{ subject: { places: [DEZ], events: [{ key: 'attack', en: 'Attack', ar: 'هجوم' }], actors: [{ key: 'isis', en: 'ISIS', ar: 'داعش' }] } }, 'تنبيه: ارتفاع في أحداث دير الزور (هجوم، داعش)', null],
    [{ subject: { places: [], events: [], actors: [{ key: 'isis', en: 'ISIS', ar: 'داعش' }] } }, 'تنبيه: ارتفاع في الأحداث (داعش)', null],
    [{ filter: 'تهريب', subject: { places: [], events: [], actors: [] } }, 'تنبيه: ارتفاع في الأحداث المطابقة لـ«تهريب»', null],
  ] as const)('%j', (over, title, count) => {
    const w = alertWording(makeAlert(over as Partial<Alert>));
    expect(w.title).toBe(title);
    if (count !== null) expect(w.count).toBe(count);
  });

  it('names the subject from what Rasid understood, not the filter as typed', () => {
    expect(alertSubject(makeAlert({ filter: 'deir ezzor' }))).toBe('أحداث دير الزور');
  });
});

/** Every line each platform shows (markup gone; the console's URL lines set apart). */
function shown(alert: Alert): Record<string, string[]> {
  const discord = renderDiscordAlert(alert).flatMap((m) => (m.embeds ?? []).flatMap((e) => [e.title ?? '', ...discordText(e.description ?? '').split('\n')]));
  return {
    telegram: renderTelegramAlert(alert).flatMap((m) => telegramText(m).split('\n')),
    discord,
    text: renderAlertText(alert).split('\n').filter((l) => !/^https?:\/\/\S+$/.test(l)),
  };
}

describe('each platform renders one alert message within its limits', () => {
  it('Telegram: valid HTML, the title bold, titles linked and escaped, one message', () => {
    const [html, ...rest] = renderTelegramAlert(makeAlert());
    expect(rest).toEqual([]);
    expect(telegramHtmlProblems(html!)).toEqual([]);
    expect(html).toContain('🚨 <b>تنبيه: ارتفاع في أحداث دير الزور</b>');
    expect(html).toContain('▪️ <a href="https://example.org/7">هجوم على نقطة في هجين</a>\n🕒 نُشر في 22 تشرين الثاني · عنب بلدي');
    expect(html).toContain('لغم &lt;b&gt;في&lt;/b&gt; بادية البوكمال &amp; _ريفها_</a>\n🕒 نُشر في 31 كانون الأول 2025 · Reuters');
    expect(html).toContain('▪️ اغتيال مختار في ذيبان\n🕒 تاريخ النشر غير معروف · مصدر غير معروف');
    expect(countTelegramEntities(html!)).toBe(3);
  });

  it('Telegram: reports are dropped from the last while the message is too long (only URLs of thousands of characters can do that)', () => {
    const long = (n: number) => `https://example.org/${'x'.repeat(1500)}${n}`;
    const alert = makeAlert({ top: makeAlert().top.map((r, i) => ({ ...r, url: long(i) })) });
    const [html] = renderTelegramAlert(alert);
    expect(html!.length).toBeLessThanOrEqual(TELEGRAM_MAX_MESSAGE);
    expect(telegramHtmlProblems(html!)).toEqual([]);
    expect((html!.match(/<a href/g) ?? []).length).toBe(2);
    expect(html).toContain('🔕 لن يصلكم تنبيه آخر عن ذلك حتى يعود النشاط إلى مستواه المعتاد ثم يرتفع من جديد.');
  });

  it('Discord: one embed, markdown escaped, links safe, within the embed limits', () => {
    const [message, ...rest] = renderDiscordAlert(makeAlert());
    expect(rest).toEqual([]);
    expect(message!.content).toBeUndefined();
    const [embed] = message!.embeds!;
    expect(embed!.title).toBe('🚨 تنبيه: ارتفاع في أحداث دير الزور');
    expect(embed!.description).toContain('▪️ **[لغم \\<b\\>في\\</b\\> بادية البوكمال & \\_ريفها\\_](https://example.org/a_%28b%29)**');
    expect(embed!.title!.length).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TITLE);
    const huge = renderDiscordAlert(makeAlert({ filter: 'ز'.repeat(500), top: makeAlert().top.map((r) => ({ ...r, url: `https://example.org/${'y'.repeat(1800)}` })) }))[0]!.embeds![0]!;
    expect(huge.description!.length).toBeLessThanOrEqual(DISCORD_MAX_EMBED_DESCRIPTION);
    expect(embedLength(huge)).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TOTAL);
  });

  it('console: plain text, each URL on a line of its own', () => {
    expect(renderAlertText(makeAlert()).split('\n')).toEqual([
      '🚨 تنبيه: ارتفاع في أحداث دير الزور',
      '📈 خلال آخر 24 ساعة: 9 أحداث، والمعتاد نحو 1.2 في اليوم على مدى الأيام الـ28 السابقة.',
      '🔎 معيار التنبيه: Deir ez-Zor',
      '',
      '🗞 أبرز التقارير:',
      '▪️ هجوم على نقطة في هجين',
      '🕒 نُشر في 22 تشرين الثاني · عنب بلدي',
      'https://example.org/7',
      '▪️ لغم <b>في</b> بادية البوكمال & _ريفها_',
      '🕒 نُشر في 31 كانون الأول 2025 · Reuters',
      'https://example.org/a_(b)',
      '▪️ اغتيال مختار في ذيبان',
      '🕒 تاريخ النشر غير معروف · مصدر غير معروف',
      '',
      '🔕 لن يصلكم تنبيه آخر عن ذلك حتى يعود النشاط إلى مستواه المعتاد ثم يرتفع من جديد.',
    ]);
  });

  it.each(['telegram', 'discord', 'text'])('%s: every line leads with Arabic and every number follows Arabic', (platform) => {
    for (const alert of [makeAlert(), makeAlert({ count: 12, mean: 0, historyDays: 10, top: [] })]) {
      const lines = shown(alert)[platform]!.filter((l) => l !== '');
      expect(lines.length).toBeGreaterThan(3);
      expect(lines.map((l) => [l, bidiProblem(l)]).filter(([, p]) => p !== null)).toEqual([]);
    }
  });
});
