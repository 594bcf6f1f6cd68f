import { describe, expect, it } from 'vitest';
import { findCasualties, type Casualty } from '../../src/understand/casualties.js';

type Row = Omit<Casualty, 'start' | 'end'>;
const casualties = (text: string): Row[] => findCasualties(text).map(({ start: _s, end: _e, ...rest }) => rest);

describe('findCasualties', () => {
  it.each<[string, Row[]]>([
    ['ما أدى إلى مقتل 10 مدنيين بينهم نساء وأطفال، إضافة إلى مقتل 3 عناصر تابعين لـ"قسد"', [
      { kind: 'killed', count: 10, group: 'civilians', surface: 'مقتل 10 مدنيين' },
      { kind: 'killed', count: 3, group: 'fighters', surface: 'مقتل 3 عناصر' },
    ]],
    ['والذي أسفر عن مقتل ما يقرب من 90 شخصاً', [
      { kind: 'killed', count: 90, approx: 'about', group: 'people', surface: 'مقتل ما يقرب من 90 شخصاً' },
    ]],
    ['الهجوم الذي أسفر عن مقتل عشرين مدنيا على الأقل', [
      { kind: 'killed', count: 20, approx: 'at_least', group: 'civilians', surface: 'مقتل عشرين مدنيا على الأقل' },
    ]],
    ['وأسفرت عن وقوع قتلى وجرحى', [
      { kind: 'killed', count: null, surface: 'قتلى وجرحى' },
      { kind: 'wounded', count: null, surface: 'قتلى وجرحى' },
    ]],
    ['وأدت إلى مقتل وجرح العشرات', [
      { kind: 'killed', count: null, approx: 'dozens', surface: 'مقتل وجرح العشرات' },
      { kind: 'wounded', count: null, approx: 'dozens', surface: 'مقتل وجرح العشرات' },
    ]],
    ['أدى الهجوم إلى مقتل وجرح عناصر من الجيش الأمريكي', [
      { kind: 'killed', count: null, group: 'fighters', surface: 'مقتل وجرح عناصر' },
      { kind: 'wounded', count: null, group: 'fighters', surface: 'مقتل وجرح عناصر' },
    ]],
    ['سقوط 5 قتلى و12 جريحاً', [
      { kind: 'killed', count: 5, surface: 'سقوط 5 قتلى' },
      { kind: 'wounded', count: 12, surface: 'و12 جريحاً' },
    ]],
    ['إصابة 5 أشخاص', [{ kind: 'wounded', count: 5, group: 'people', surface: 'إصابة 5 أشخاص' }]],
    ['مقتل خمسة وعشرين عنصراً', [{ kind: 'killed', count: 25, group: 'fighters', surface: 'مقتل خمسة وعشرين عنصراً' }]],
    ['مقتل أحد عشر شخصا', [{ kind: 'killed', count: 11, group: 'people', surface: 'مقتل أحد عشر شخصا' }]],
    ['مقتل ثلاثة آلاف مدني', [{ kind: 'killed', count: 3000, group: 'civilians', surface: 'مقتل ثلاثة آلاف مدني' }]],
    ['مقتل ١٥ مدنياً', [{ kind: 'killed', count: 15, group: 'civilians', surface: 'مقتل ١٥ مدنياً' }]],
    ['مقتل 10,000 شخص', [{ kind: 'killed', count: 10000, group: 'people', surface: 'مقتل 10,000 شخص' }]],
    ['مقتل مدني', [{ kind: 'killed', count: 1, group: 'civilians', surface: 'مقتل مدني' }]],
    ['اختطاف ثلاثة مدنيين', [{ kind: 'abducted', count: 3, group: 'civilians', surface: 'اختطاف ثلاثة مدنيين' }]],
    ['أسر 200 مقاتل', [{ kind: 'captured', count: 200, group: 'fighters', surface: 'أسر 200 مقاتل' }]],
    ['إصابة العشرات', [{ kind: 'wounded', count: null, approx: 'dozens', surface: 'إصابة العشرات' }]],
    ['سقوط الباغوز', []],
    ['مقتل زعيم داعش', []],
    ['ما يصل إلى (10,000) عضو', []],
  ])('%s', (text, expected) => {
    expect(casualties(text)).toEqual(expected);
  });

  it('reports offsets into the original text', () => {
    const text = 'أدى إلى مقتل 10 مدنيين.';
    const [first] = findCasualties(text);
    expect(text.slice(first!.start, first!.end)).toBe('مقتل 10 مدنيين');
  });
});
