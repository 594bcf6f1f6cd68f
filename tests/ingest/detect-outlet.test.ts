import { describe, expect, it } from 'vitest';
import { detectOutlet } from '../../src/ingest/detect-outlet.js';
import { canonicalOutlet } from '../../src/ingest/known-outlets.js';
import { readSeed } from './seed-pages.js';

const lead = 'أعلنت قوات سوريا الديمقراطية اعتقال خلية لتنظيم داعش في ريف دير الزور الشرقي بعد مداهمة ليلية.';

describe('detectOutlet', () => {
  it.each([
    ['000', 'حفريات'],
    ['001', null],
    ['002', 'فرات بوست'],
    ['003', 'الحل نت'],
    // Names the Financial Times and the Syrian Observatory only as sources it quotes.
    ['004', null],
  ])('seed %s → %j', (seed, outlet) => {
    expect(detectOutlet(readSeed(seed))).toBe(outlet);
  });

  it.each([
    ['contribution prompt', `${lead}\n\nلإرسال مقال للنشر في حفريات اضغط هنا`, 'حفريات'],
    ['newsletter "محتوى X نت"', `${lead}\n\nانضم إلى قائمة من يقدّرون محتوى الحل نت واشترك بنشرتنا البريدية.`, 'الحل نت'],
    ['named newsletter', `${lead}\n\nاشترك بنشرة عنب بلدي البريدية`, 'عنب بلدي'],
    ['copyright with year', `${lead}\n\n© 2024 عنب بلدي. جميع الحقوق محفوظة`, 'عنب بلدي'],
    ['rights reserved to', `${lead}\n\nجميع الحقوق محفوظة لـ فرات بوست`, 'فرات بوست'],
    ['exclusive sources', `معلومات حصلت عليها “فرات بوست” من مصادر خاصة، تفيد بأن الهجوم متوقع.`, 'فرات بوست'],
    ['lead dateline, alias', `عنوان الخبر\n\n(الحل) – ${lead}`, 'الحل نت'],
    ['lead dateline in guillemets', `عنوان الخبر\n\n«عنب بلدي» – ${lead}`, 'عنب بلدي'],
    ['unknown outlet in a contribution prompt, type word dropped', `${lead}\n\nلإرسال مقال للنشر في موقع المدن اضغط هنا`, 'المدن'],
    ['unknown "X نت" newsletter', `${lead}\n\nانضم إلى قائمة من يقدّرون محتوى المدن نت.`, 'المدن نت'],
  ])('%s', (_name, raw, outlet) => {
    expect(detectOutlet(raw)).toBe(outlet);
  });

  it.each([
    ['a quoted newspaper', `وبحسب تقرير نشرته صحيفة الإندبندنت البريطانية، ${lead}`],
    ['a newspaper in parentheses', `كشف مراقبون لصحيفة (فاينانشال تايمز) البريطانية أن ${lead}`],
    ['a cited observatory', `ووفقاً للمرصد السوري لحقوق الإنسان، ${lead}`],
    ['a wire-agency dateline', `عنوان الخبر\n\n(رويترز) – ${lead}`],
    ['an unknown copyright holder', `${lead}\n\n© 2024 شركة ما للإعلام والنشر والتوزيع المحدودة`],
    ['a dateline in a later paragraph', `عنوان الخبر\n\n${lead}\n\n(الحل) – وأضاف المصدر.`],
  ])('gives null for %s', (_name, raw) => {
    expect(detectOutlet(raw)).toBeNull();
  });
});

describe('canonicalOutlet', () => {
  it.each([
    ['الحل', 'الحل نت'],
    ['الحل السوري', 'الحل نت'],
    ['«الحل نت»', 'الحل نت'],
    ['المرصد السوري', 'المرصد السوري لحقوق الإنسان'],
    ['المرصد السوري لحقوق الانسان', 'المرصد السوري لحقوق الإنسان'],
    ['العربية.نت', 'العربية'],
    ['سكاي نيوز', 'سكاي نيوز عربية'],
    ['كتابات', 'كتابات'],
    ['الشرق الاوسط', 'الشرق الأوسط'],
    ['صحيفة الإندبندنت', null],
  ])('%j → %j', (name, canonical) => {
    expect(canonicalOutlet(name)).toBe(canonical);
  });
});
