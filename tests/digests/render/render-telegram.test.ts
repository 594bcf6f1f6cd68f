import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../digests/digest.js';
import {
  TELEGRAM_MAX_ENTITIES,
  TELEGRAM_MAX_MESSAGE,
  escapeHtml,
  renderTelegram,
} from '../../../bots/telegram/render-telegram-digest.js';
import { countTelegramEntities, telegramHtmlProblems, telegramText } from './check-markup.js';
import { bigDigest, emptyDigest, makeDigest, makeItem, makeSource, RAQQA, realisticDigest, smallDigest } from './make-digest.js';

const SMALL = [
  '📰 <b>موجز راصد</b>',
  '🗓 حتى 4 آذار 2024 الساعة 08:00 (بتوقيت دمشق)',
  '📊 الحصيلة: 5 تقارير عن 3 أخبار من محافظة واحدة، وحدثان · قتلى: 3، جرحى: 8',
  '',
  '📍 <b>الرقة</b>',
  '',
  '▪️ <b><a href="https://example.org/r/1">تفجير سيارة مفخخة في الرقة</a></b>',
  'قُتل 3 مدنيين بانفجار سيارة مفخخة.',
  '<i>🕒 نُشر في 4 آذار · عنب بلدي · تفجير، سيارة مفخخة · قتلى: 3، جرحى: 7</i>',
  '🔁 أوردته أيضاً: <a href="https://example.net/s/2">فرات بوست</a>، انفجار في الرقة',
  '',
  '▪️ <b>اختطاف راع في ريف الرقة</b>',
  'خطف مسلحون راعياً.',
  '<i>🕒 تاريخ النشر غير معروف · مصدر غير معروف · جرحى: 1</i>',
  '',
  '📍 <b>مناطق أخرى</b>',
  '',
  '▪️ <b><a href="https://example.org/r/5">القبض على قيادي في كركوك</a></b>',
  'أعلنت السلطات القبض على قيادي.',
  '<i>🕒 نُشر في 4 آذار · السومرية · اعتقال</i>',
  '',
  '➖ لم يتسع الموجز لخبر واحد أقل أهمية.',
].join('\n');

/** The item ids ("خبر فريد رقم N") in the order the messages show them. */
const idsIn = (text: string) => [...text.matchAll(/خبر فريد رقم (\d+) عن/g)].map((m) => Number(m[1]));

/** The checks every rendering must pass: limits, valid HTML, items whole and once, in order, headings repeated. */
function checkSplit(digest: Digest, messages: string[], perGroup: number) {
  const total = digest.groups.reduce((n, g) => n + g.items.length, 0);
  for (const m of messages) {
    expect(m.length).toBeLessThanOrEqual(TELEGRAM_MAX_MESSAGE);
    expect(telegramText(m).length).toBeLessThanOrEqual(m.length);
    expect(countTelegramEntities(m)).toBeLessThanOrEqual(TELEGRAM_MAX_ENTITIES);
    expect(telegramHtmlProblems(m)).toEqual([]);
    // Every block is a whole header, heading, item or closing line: no message starts or ends inside an item.
    for (const block of m.split('\n\n')) expect(block).toMatch(/^(📰 |📍 <b>|▪️ <b>|➖ )/);
    const ids = idsIn(m);
    expect([...m.matchAll(/بداية ملخص (\d+) /g)].map((x) => Number(x[1]))).toEqual(ids);
    expect([...m.matchAll(/نهاية ملخص (\d+)\./g)].map((x) => Number(x[1]))).toEqual(ids);
  }
  expect(idsIn(messages.join('\n'))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
  // A message after the first opens with its group's heading, marked «(تابع)» when the group began before.
  for (let k = 1; k < messages.length; k++) {
    const first = idsIn(messages[k] ?? '')[0];
    const before = idsIn(messages[k - 1] ?? '').at(-1);
    if (first === undefined || before === undefined) continue;
    const group = (id: number) => Math.floor((id - 1) / perGroup);
    expect(messages[k]).toMatch(/^📍 <b>/);
    expect(messages[k]?.split('\n')[0]?.endsWith('(تابع)</b>')).toBe(group(first) === group(before));
  }
}

describe('renderTelegram', () => {
  it('renders a small digest exactly', () => {
    expect(renderTelegram(smallDigest())).toEqual([SMALL]);
  });

  it.each([
    ['2024-03-03T11:00:00Z', 'لا تقارير جديدة منذ الموجز السابق.'],
    [null, 'لا تقارير جديدة حتى الآن.'],
  ])('renders an empty digest (from %s) as one line', (from, line) => {
    expect(renderTelegram(emptyDigest(from))).toEqual([line]);
    expect(renderTelegram(makeDigest([{ governorate: RAQQA, items: [] }]))).toEqual(['لا تقارير جديدة منذ الموجز السابق.']);
  });

  it('escapes <, >, & in text and also " in links', () => {
    const digest = makeDigest([
      {
        governorate: RAQQA,
        items: [
          makeItem(1, {
            title: 'بيان <b>التحالف</b> & "قسد"',
            summary: 'قال إن 3 < 5 & 7 > 2.',
            outlet: 'A&B <news>',
            url: 'https://e.org/?a=1&b="2"',
            events: [],
            alsoReportedBy: [makeSource(2, '<i>مصدر</i>', { url: 'https://e.net/"x"&y' })],
          }),
        ],
      },
    ]);
    const [message] = renderTelegram(digest);
    expect(message?.split('\n\n')[2]).toBe(
      [
        '▪️ <b><a href="https://e.org/?a=1&amp;b=&quot;2&quot;">بيان &lt;b&gt;التحالف&lt;/b&gt; &amp; "قسد"</a></b>',
        'قال إن 3 &lt; 5 &amp; 7 &gt; 2.',
        '<i>🕒 نُشر في 4 آذار · A&amp;B &lt;news&gt;</i>',
        '🔁 أوردته أيضاً: <a href="https://e.net/&quot;x&quot;&amp;y">&lt;i&gt;مصدر&lt;/i&gt;</a>',
      ].join('\n'),
    );
    expect(telegramHtmlProblems(message ?? '')).toEqual([]);
  });

  it('gives an untitled story and source link text', () => {
    const item = makeItem(1, { title: ' \n ', alsoReportedBy: [makeSource(2, null, { title: '' })] });
    const [message] = renderTelegram(makeDigest([{ governorate: RAQQA, items: [item] }]));
    expect(message).toContain('▪️ <b><a href="https://example.org/r/1">بلا عنوان</a></b>\n');
    expect(message).toContain('🔁 أوردته أيضاً: <a href="https://example.net/s/2">بلا عنوان</a>');
  });

  it.each([
    ['javascript:alert(1)'],
    ['ftp://example.org/x'],
    ['not a url'],
    [''],
  ])('does not link %j', (url) => {
    const [message] = renderTelegram(makeDigest([{ governorate: RAQQA, items: [makeItem(1, { url, title: 'عنوان' })] }]));
    expect(message).toContain('▪️ <b>عنوان</b>\n');
    expect(message).not.toContain('<a ');
  });

  it.each([
    [4, 30, 40, 3],
    [3, 50, 5, 0],
    [2, 7, 200, 1],
    [5, 12, 60, 15],
  ])('splits %i groups of %i items (summaries of %i words, %i other outlets) between items', (groups, perGroup, words, sources) => {
    const digest = bigDigest(groups, perGroup, words, sources);
    const messages = renderTelegram(digest);
    expect(messages.length).toBeGreaterThan(1);
    checkSplit(digest, messages, perGroup);
    expect(messages.at(-1)?.endsWith('➖ لم يتسع الموجز لـ7 أخبار أقل أهمية.')).toBe(true);
    expect(messages.filter((m) => m.includes('📰 <b>موجز راصد</b>'))).toHaveLength(1);
  });

  it('splits on the entity limit when items are short but full of links', () => {
    const items = Array.from({ length: 40 }, (_, i) =>
      makeItem(i + 1, {
        title: `خبر فريد رقم ${i + 1} عن`,
        summary: `بداية ملخص ${i + 1} نهاية ملخص ${i + 1}.`,
        url: 'https://e.o/r',
        alsoReportedBy: Array.from({ length: 5 }, (_, s) => makeSource(s, 'م', { url: 'https://e.o/s' })),
      }),
    );
    const digest = makeDigest([{ governorate: RAQQA, items }]);
    const messages = renderTelegram(digest);
    checkSplit(digest, messages, 40);
    // 8 entities an item (bold, link, italic, 5 links) and 1 a heading or the header's title: 12 items a message.
    expect(messages.map((m) => countTelegramEntities(m))).toEqual([1 + 1 + 96, 1 + 96, 1 + 96, 1 + 32]);
    // By length alone, each full message had room for one more item.
    const item = messages[1]?.split('\n\n')[1] ?? '';
    for (const m of messages.slice(0, -1)) expect(m.length + 2 + item.length).toBeLessThanOrEqual(TELEGRAM_MAX_MESSAGE);
  });

  it('cuts a summary too long for any message at a word boundary, keeping tags balanced', () => {
    const summary = Array.from({ length: 2000 }, (_, i) => `كلمة${i}`).join(' ');
    const digest = makeDigest([{ governorate: RAQQA, items: [makeItem(1), makeItem(2, { summary }), makeItem(3)] }]);
    const messages = renderTelegram(digest);
    for (const m of messages) {
      expect(m.length).toBeLessThanOrEqual(TELEGRAM_MAX_MESSAGE);
      expect(telegramHtmlProblems(m)).toEqual([]);
    }
    const long = messages.find((m) => m.includes('كلمة0 '));
    expect(long).toMatch(/^📍 <b>الرقة \(تابع\)<\/b>\n\n▪️ <b><a href="https:\/\/example.org\/r\/2">عنوان الخبر رقم 2<\/a><\/b>\n/);
    const kept = long?.split('\n')[3] ?? '';
    expect(kept.endsWith('…')).toBe(true);
    expect(summary.startsWith(`${kept.slice(0, -1)} `)).toBe(true);
    expect(long).toContain('<i>🕒 نُشر في 4 آذار · عنب بلدي · هجوم</i>');
    expect(messages.join('\n')).toContain('عنوان الخبر رقم 3');
  });

  it('shortens the list of other outlets when the links alone overflow a message', () => {
    const sources = Array.from({ length: 300 }, (_, i) => makeSource(i, `مصدر رقم ${i}`));
    const messages = renderTelegram(makeDigest([{ governorate: RAQQA, items: [makeItem(1, { alsoReportedBy: sources })] }]));
    const last = messages.at(-1) ?? '';
    expect(last).toMatch(/مصدر رقم \d+<\/a>، وغيرها$/);
    expect(last).toContain('\n…\n');
    for (const m of messages) {
      expect(countTelegramEntities(m)).toBeLessThanOrEqual(TELEGRAM_MAX_ENTITIES);
      expect(telegramHtmlProblems(m)).toEqual([]);
    }
  });

  it('cuts even a title too long for a message', () => {
    const title = Array.from({ length: 3000 }, (_, i) => `ع${i}`).join(' ');
    const messages = renderTelegram(makeDigest([{ governorate: RAQQA, items: [makeItem(1, { title })] }]));
    const item = messages.at(-1) ?? '';
    expect(item.length).toBeLessThanOrEqual(TELEGRAM_MAX_MESSAGE);
    expect(telegramHtmlProblems(item)).toEqual([]);
    expect(item).toMatch(/ ع\d+…<\/a><\/b>\n…\n<i>/);
  });

  it('renders the realistic digest as valid HTML in one message', () => {
    const messages = renderTelegram(realisticDigest());
    expect(messages).toHaveLength(1);
    expect(telegramHtmlProblems(messages[0] ?? '')).toEqual([]);
    expect(messages[0]).toContain('بيان &lt;b&gt;التحالف&lt;/b&gt; &amp; "قسد"');
    expect(messages[0]).toContain('href="https://npasyria.com/ar/news?id=5&amp;lang=ar&amp;q=&quot;x&quot;(1)"');
    expect(messages[0]).toContain('▪️ <b>اختطاف راعي أغنام في بادية دير الزور</b>');
  });

  it.each([
    ['a & b', 'a &amp; b'],
    ['<b>', '&lt;b&gt;'],
    ['&amp;', '&amp;amp;'],
    ['"q"', '"q"'],
  ])('escapeHtml(%j)', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });
});
