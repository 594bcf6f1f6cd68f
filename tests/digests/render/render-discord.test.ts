import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../digests/digest.js';
import {
  DISCORD_MAX_CONTENT,
  DISCORD_MAX_EMBEDS,
  DISCORD_MAX_EMBED_DESCRIPTION,
  DISCORD_MAX_EMBED_TITLE,
  DISCORD_MAX_EMBED_TOTAL,
  DISCORD_MAX_FOOTER,
  embedLength,
  escapeMarkdown,
  markdownUrl,
  renderDiscord,
  type DiscordMessage,
} from '../../../bots/discord/render-discord-digest.js';
import { bigDigest, emptyDigest, makeDigest, makeItem, makeSource, label, RAQQA, smallDigest } from './make-digest.js';

const SMALL: DiscordMessage[] = [
  {
    content: [
      '📰 **موجز راصد**',
      '🗓 حتى 4 آذار 2024 الساعة 08:00 (بتوقيت دمشق)',
      '📊 الحصيلة: 5 تقارير عن 3 أخبار من محافظة واحدة، وحدثان · قتلى: 3، جرحى: 8',
    ].join('\n'),
    embeds: [
      {
        title: '📍 الرقة',
        description: [
          '▪️ **[تفجير سيارة مفخخة في الرقة](https://example.org/r/1)**',
          'قُتل 3 مدنيين بانفجار سيارة مفخخة.',
          '*🕒 نُشر في 4 آذار · عنب بلدي · تفجير، سيارة مفخخة · قتلى: 3، جرحى: 7*',
          '🔁 أوردته أيضاً: [فرات بوست](https://example.net/s/2)، انفجار في الرقة',
          '',
          '▪️ **اختطاف راع في ريف الرقة**',
          'خطف مسلحون راعياً.',
          '*🕒 تاريخ النشر غير معروف · مصدر غير معروف · جرحى: 1*',
        ].join('\n'),
      },
      {
        title: '📍 مناطق أخرى',
        description: [
          '▪️ **[القبض على قيادي في كركوك](https://example.org/r/5)**',
          'أعلنت السلطات القبض على قيادي.',
          '*🕒 نُشر في 4 آذار · السومرية · اعتقال*',
        ].join('\n'),
        footer: { text: '➖ لم يتسع الموجز لخبر واحد أقل أهمية.' },
      },
    ],
  },
];

const idsIn = (text: string) => [...text.matchAll(/خبر فريد رقم (\d+) عن/g)].map((m) => Number(m[1]));

/** Discord's limits on every message, items whole, once and in order, one group per embed, «(تابع)» on continuations. */
function checkSplit(digest: Digest, messages: DiscordMessage[], perGroup: number) {
  const total = digest.groups.reduce((n, g) => n + g.items.length, 0);
  const group = (id: number) => Math.floor((id - 1) / perGroup);
  const embeds = messages.flatMap((m) => m.embeds ?? []);
  for (const m of messages) {
    expect(m.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_MAX_CONTENT);
    expect(m.embeds?.length ?? 0).toBeLessThanOrEqual(DISCORD_MAX_EMBEDS);
    expect((m.embeds ?? []).reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TOTAL);
  }
  for (const [k, e] of embeds.entries()) {
    expect(e.title?.length).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TITLE);
    expect(e.description?.length).toBeLessThanOrEqual(DISCORD_MAX_EMBED_DESCRIPTION);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_MAX_FOOTER);
    const d = e.description ?? '';
    for (const block of d.split('\n\n')) expect(block).toMatch(/^▪️ \*\*/);
    const ids = idsIn(d);
    expect([...d.matchAll(/بداية ملخص (\d+) /g)].map((x) => Number(x[1]))).toEqual(ids);
    expect([...d.matchAll(/نهاية ملخص (\d+)\./g)].map((x) => Number(x[1]))).toEqual(ids);
    expect(new Set(ids.map(group)).size).toBe(1);
    const before = k > 0 ? idsIn(embeds[k - 1]?.description ?? '').at(-1) : undefined;
    const first = ids[0] ?? 0;
    expect(e.title?.endsWith('(تابع)')).toBe(before !== undefined && group(before) === group(first));
  }
  expect(idsIn(embeds.map((e) => e.description).join('\n'))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
}

describe('renderDiscord', () => {
  it('renders a small digest exactly', () => {
    expect(renderDiscord(smallDigest())).toStrictEqual(SMALL);
  });

  it.each([
    ['2024-03-03T11:00:00Z', 'لا تقارير جديدة منذ الموجز السابق.'],
    [null, 'لا تقارير جديدة حتى الآن.'],
  ])('renders an empty digest (from %s) as one line of content', (from, line) => {
    expect(renderDiscord(emptyDigest(from))).toStrictEqual([{ content: line }]);
  });

  it.each([
    ['**عاجل** _x_ ~~y~~ `z` ||s||', '\\*\\*عاجل\\*\\* \\_x\\_ \\~\\~y\\~\\~ \\`z\\` \\|\\|s\\|\\|'],
    ['> [رابط](https://x) #وسم <@123> \\', '\\> \\[رابط\\]\\(https://x\\) \\#وسم \\<@123\\> \\\\'],
    ['- بند', '\\- بند'],
    ['+ بند', '\\+ بند'],
    ['1. بند', '1\\. بند'],
    ['عام 2024. ثم - و + بعد', 'عام 2024. ثم - و + بعد'],
    ['A & B "q"', 'A & B "q"'],
  ])('escapeMarkdown(%j)', (raw, escaped) => {
    expect(escapeMarkdown(raw)).toBe(escaped);
  });

  it.each([
    ['https://e.org/a_(b)', 'https://e.org/a_%28b%29'],
    ['https://e.org/x?q=<a>\\b', 'https://e.org/x?q=%3Ca%3E%5Cb'],
    ['https://e.org/a b', 'https://e.org/a%20b'],
    ['javascript:alert(1)', null],
    [null, null],
  ])('markdownUrl(%j)', (url, safe) => {
    expect(markdownUrl(url)).toBe(safe);
  });

  it('escapes data inside links, turns their square brackets into parentheses and never lets a URL with ) break one', () => {
    const digest = makeDigest([
      {
        governorate: RAQQA,
        items: [
          makeItem(1, {
            title: 'بيان [عاجل] *قسد* ]',
            summary: '- قال: (لا تعليق).',
            outlet: 'Step_News',
            url: 'https://e.org/wiki/Raqqa_(city)',
            events: [],
            alsoReportedBy: [makeSource(2, 'مصدر (1)', { url: 'https://e.net/a)b' }), makeSource(3, '[غير مرتبط]', { url: null })],
          }),
        ],
      },
    ]);
    expect(renderDiscord(digest)[0]?.embeds?.[0]?.description).toBe(
      [
        '▪️ **[بيان \\(عاجل\\) \\*قسد\\* \\)](https://e.org/wiki/Raqqa_%28city%29)**',
        '\\- قال: \\(لا تعليق\\).',
        '*🕒 نُشر في 4 آذار · Step\\_News*',
        '🔁 أوردته أيضاً: [مصدر \\(1\\)](https://e.net/a%29b)، \\[غير مرتبط\\]',
      ].join('\n'),
    );
  });

  it.each([
    [4, 30, 40, 3],
    [3, 50, 5, 0],
    [2, 7, 300, 1],
    [5, 12, 60, 15],
  ])('splits %i groups of %i items (summaries of %i words, %i other outlets) between items', (groups, perGroup, words, sources) => {
    const digest = bigDigest(groups, perGroup, words, sources);
    const messages = renderDiscord(digest);
    expect(messages.length).toBeGreaterThan(1);
    checkSplit(digest, messages, perGroup);
    expect(messages[0]?.content?.startsWith('📰 **موجز راصد**')).toBe(true);
    expect(messages.slice(1).every((m) => m.content === undefined)).toBe(true);
    expect(messages.at(-1)?.embeds?.at(-1)?.footer).toEqual({ text: '➖ لم يتسع الموجز لـ7 أخبار أقل أهمية.' });
  });

  it('starts a new message after 10 embeds', () => {
    const digest = makeDigest(
      Array.from({ length: 12 }, (_, g) => ({ governorate: label(`g${g}`, `محافظة ${g + 1}`), items: [makeItem(g + 1)] })),
    );
    const messages = renderDiscord(digest);
    expect(messages.map((m) => m.embeds?.map((e) => e.title))).toEqual([
      Array.from({ length: 10 }, (_, g) => `📍 محافظة ${g + 1}`),
      ['📍 محافظة 11', '📍 محافظة 12'],
    ]);
  });

  it('cuts a summary too long for any embed at a word boundary', () => {
    const summary = Array.from({ length: 3000 }, (_, i) => `كلمة${i}`).join(' ');
    const messages = renderDiscord(makeDigest([{ governorate: RAQQA, items: [makeItem(1), makeItem(2, { summary }), makeItem(3)] }]));
    const embeds = messages.flatMap((m) => m.embeds ?? []);
    expect(embeds.map((e) => e.title)).toEqual(['📍 الرقة', '📍 الرقة (تابع)', '📍 الرقة (تابع)']);
    const description = embeds[1]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(DISCORD_MAX_EMBED_DESCRIPTION);
    const kept = description.split('\n')[1] ?? '';
    expect(kept.endsWith('…')).toBe(true);
    expect(summary.startsWith(`${kept.slice(0, -1)} `)).toBe(true);
    expect(description.split('\n')[2]).toBe('*🕒 نُشر في 4 آذار · عنب بلدي · هجوم*');
    for (const m of messages) expect((m.embeds ?? []).reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_MAX_EMBED_TOTAL);
  });
});
