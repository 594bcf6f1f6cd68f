import { describe, expect, it } from 'vitest';
import { renderDigestText } from '../../../bots/console/render-console-digest.js';
import { bigDigest, emptyDigest, makeDigest, makeItem, RAQQA, realisticDigest, smallDigest } from './make-digest.js';

const SMALL = [
  '📰 موجز راصد',
  '🗓 حتى 4 آذار 2024 الساعة 08:00 (بتوقيت دمشق)',
  '📊 الحصيلة: 5 تقارير عن 3 أخبار من محافظة واحدة، وحدثان · قتلى: 3، جرحى: 8',
  '',
  '📍 الرقة',
  '',
  '▪️ تفجير سيارة مفخخة في الرقة',
  'قُتل 3 مدنيين بانفجار سيارة مفخخة.',
  '🕒 نُشر في 4 آذار · عنب بلدي · تفجير، سيارة مفخخة · قتلى: 3، جرحى: 7',
  'https://example.org/r/1',
  '🔁 أوردته أيضاً:',
  '• فرات بوست',
  'https://example.net/s/2',
  '• انفجار في الرقة',
  '',
  '▪️ اختطاف راع في ريف الرقة',
  'خطف مسلحون راعياً.',
  '🕒 تاريخ النشر غير معروف · مصدر غير معروف · جرحى: 1',
  '',
  '📍 مناطق أخرى',
  '',
  '▪️ القبض على قيادي في كركوك',
  'أعلنت السلطات القبض على قيادي.',
  '🕒 نُشر في 4 آذار · السومرية · اعتقال',
  'https://example.org/r/5',
  '',
  '➖ لم يتسع الموجز لخبر واحد أقل أهمية.',
].join('\n');

describe('renderDigestText', () => {
  it('renders a small digest exactly', () => {
    expect(renderDigestText(smallDigest())).toBe(SMALL);
  });

  it.each([
    ['2024-03-03T11:00:00Z', 'لا تقارير جديدة منذ الموجز السابق.'],
    [null, 'لا تقارير جديدة حتى الآن.'],
  ])('renders an empty digest (from %s) as one line', (from, line) => {
    expect(renderDigestText(emptyDigest(from))).toBe(line);
  });

  it('puts every URL alone on its own line', () => {
    const lines = renderDigestText(realisticDigest()).split('\n');
    const withUrl = lines.filter((l) => l.includes('://'));
    // Seven of the eight stories have a URL, and three other outlets do.
    expect(withUrl).toHaveLength(10);
    for (const l of withUrl) expect(l).toMatch(/^https?:\/\/\S+$/);
  });

  it('shows data as it is, one line per field', () => {
    const text = renderDigestText(
      makeDigest([{ governorate: RAQQA, items: [makeItem(1, { title: 'بيان <b>\nالتحالف</b> & "قسد"', summary: '  سطر\n\nثان  ' })] }]),
    );
    expect(text).toContain('\n▪️ بيان <b> التحالف</b> & "قسد"\nسطر ثان\n🕒 ');
  });

  it('has every item of a big digest once, in order, one block each', () => {
    const text = renderDigestText(bigDigest(3, 20));
    expect([...text.matchAll(/خبر فريد رقم (\d+) عن/g)].map((m) => Number(m[1]))).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
    const items = text.split('\n\n').filter((b) => b.startsWith('▪️ '));
    expect(items).toHaveLength(60);
  });
});
