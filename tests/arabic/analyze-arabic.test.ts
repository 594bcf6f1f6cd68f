// The analyzer: the pipeline end to end, name protection, positions, and a seeded random-input property test.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, defaultAnalyzer, type Analyzer } from '../../src/arabic/analyze-arabic.js';
import {
  ALLAH_LIGATURE, ARABIC_DECIMAL_SEPARATOR, ARABIC_INDIC_ZERO, ARABIC_THOUSANDS_SEPARATOR, BYTE_ORDER_MARK,
  DAMMA, EXTENDED_ARABIC_INDIC_ZERO, FATHA, FATHATAN, KASRA, LAM_ALEF_ISOLATED_FORM, LRI, PDI,
  RIGHT_TO_LEFT_MARK, SHADDA, SUKUN, SUPERSCRIPT_ALEF, TATWEEL, ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER,
  ZERO_WIDTH_SPACE, ARABIC_COMMA,
} from '../../src/arabic/letters.js';
import { normalizeArabic } from '../../src/arabic/normalize-arabic.js';
import { stemArabic } from '../../src/arabic/stem-arabic.js';
import { isStopword } from '../../src/arabic/stopwords.js';
import { tokenize } from '../../src/arabic/tokenize.js';

const NAMES = ['الرقة', 'داعش', 'منبج', 'الحسكة', 'دير الزور'];
const analyzer = createAnalyzer({ protectedWords: NAMES });

function digitsFrom(zero: number, ascii: string): string {
  return [...ascii].map((d) => String.fromCharCode(zero + Number(d))).join('');
}

describe('protected names meet in every clitic form', () => {
  it.each([
    'الرقة', 'الرقه', 'بالرقة', 'والرقة', 'للرقة', 'فالرقة', 'كالرقة', 'وبالرقة', 'وللرقة',
    'رقة', 'ال' + 'ر' + SHADDA + FATHA + 'ق' + SHADDA + FATHA + 'ة',
  ])('%s -> الرقه', (word) => {
    expect(analyzer.termOf(word)).toBe('الرقه');
  });

  it.each([
    ['ورقة', 'رق'], // light10 strips و from a word of four letters; the point is: not الرقه
    ['برقة', 'برق'],
    ['لرقة', 'لرق'],
    ['وحسكة', 'حسك'],
  ])('%s (a clitic before letters that spell a name without its article) is a word, not the name: %s', (word, term) => {
    expect(analyzer.termOf(word)).toBe(term);
  });

  it.each(['داعش', 'وداعش', 'لداعش', 'بداعش', 'فداعش', 'كداعش', 'وبداعش', 'ولداعش'])('%s -> داعش', (word) => {
    expect(analyzer.termOf(word)).toBe('داعش');
  });

  it.each(['منبج', 'بمنبج', 'ومنبج', 'لمنبج', 'فمنبج'])('%s -> منبج', (word) => {
    expect(analyzer.termOf(word)).toBe('منبج');
  });

  it.each(['الحسكة', 'بالحسكة', 'والحسكة', 'للحسكة', 'حسكة'])('%s -> الحسكه', (word) => {
    expect(analyzer.termOf(word)).toBe('الحسكه');
  });

  it('each word of a multi-word name is protected', () => {
    expect(analyzer.terms('بدير الزور وبالزور')).toEqual(['دير', 'الزور', 'الزور']);
    expect(defaultAnalyzer.terms('الزور')).toEqual(['زور']);
  });

  it('without protection, light10 stems names into other words', () => {
    expect(defaultAnalyzer.termOf('الرقة')).toBe('رق');
    expect(defaultAnalyzer.termOf('بالرقة')).toBe('رق');
    expect(defaultAnalyzer.termOf('لداعش')).toBe('لداعش');
  });

  it('a protected token keeps its normalized surface form as norm', () => {
    expect(analyzer.analyze('بالرقة')).toEqual([{ term: 'الرقه', norm: 'بالرقه', start: 0, end: 6, position: 0 }]);
  });

  it('other words are still stemmed by the protecting analyzer', () => {
    expect(analyzer.termOf('والمقاتلين')).toBe('مقاتل');
  });
});

describe('stopwords are removed but keep their positions', () => {
  it('قال مسؤول إن داعش في الرقة', () => {
    // قال 0-3 (stop), مسؤول 4-9, إن 10-12 (stop), داعش 13-17, في 18-20 (stop), الرقة 21-26
    expect(analyzer.analyze('قال مسؤول إن داعش في الرقة')).toEqual([
      { term: 'مسؤول', norm: 'مسؤول', start: 4, end: 9, position: 1 },
      { term: 'داعش', norm: 'داعش', start: 13, end: 17, position: 3 },
      { term: 'الرقه', norm: 'الرقه', start: 21, end: 26, position: 5 },
    ]);
  });

  it('stopwords are matched after normalization: إلى and على with harakat', () => {
    const ila = 'إِلَى';
    const ala = 'عَلَى';
    expect(defaultAnalyzer.analyze(`${ila} ${ala} الجيش`)).toEqual([
      { term: 'جيش', norm: 'الجيش', start: 12, end: 17, position: 2 },
    ]);
  });

  it('tokens that normalize to nothing (tatweel, lone marks) take no position', () => {
    const text = `داعش ${TATWEEL}${TATWEEL}${TATWEEL} ${FATHA} الرقة`;
    expect(analyzer.analyze(text).map((t) => [t.term, t.position])).toEqual([
      ['داعش', 0],
      ['الرقه', 1],
    ]);
  });
});

describe('normalization in the pipeline', () => {
  it.each([
    ['harakat', 'مُقَاتِلِين', 'مقاتل'],
    ['shadda, sukun and tanween', 'مَدْرَسَةً' + SHADDA, 'مدرس'],
    ['superscript alef', 'رحمٰن', 'رحمن'],
    ['alef with hamza', 'أحمد', 'احمد'],
    ['alef with madda', 'آثار', 'اثار'],
    ['alef maksura', 'مستشفى', 'مستشف'],
    ['tatweel', 'مقاتـــلين', 'مقاتل'],
    ['ZWNJ inside a word', 'مقا' + ZERO_WIDTH_NON_JOINER + 'تلين', 'مقاتل'],
    ['ZWJ inside a word', 'مقا' + ZERO_WIDTH_JOINER + 'تلين', 'مقاتل'],
    ['lam-alef ligature', 'ب' + LAM_ALEF_ISOLATED_FORM + 'د', 'بلاد'],
    ['Latin is lowercased', 'ISIS', 'isis'],
    ['Latin is not stemmed', 'Fighters', 'fighters'],
    ['ASCII digits are kept', '2019', '2019'],
    ['Arabic-Indic digits fold to ASCII', digitsFrom(ARABIC_INDIC_ZERO, '2019'), '2019'],
    ['Extended digits fold to ASCII', digitsFrom(EXTENDED_ARABIC_INDIC_ZERO, '2019'), '2019'],
    ['thousands comma is kept', '10,000', '10,000'],
    [
      'Arabic thousands separator folds to a comma',
      digitsFrom(ARABIC_INDIC_ZERO, '10') + ARABIC_THOUSANDS_SEPARATOR + digitsFrom(ARABIC_INDIC_ZERO, '000'),
      '10,000',
    ],
    [
      'Arabic decimal separator folds to a point',
      digitsFrom(ARABIC_INDIC_ZERO, '3') + ARABIC_DECIMAL_SEPARATOR + digitsFrom(ARABIC_INDIC_ZERO, '7'),
      '3.7',
    ],
    ['punctuation around one word is ignored', '«الرقة»' + ARABIC_COMMA, 'رق'],
  ])('%s: %s -> %s', (_name, word, term) => {
    expect(defaultAnalyzer.termOf(word)).toBe(term);
  });

  it('the Allah ligature normalizes to الله, which light10 stems like any ال word', () => {
    expect(defaultAnalyzer.analyze(ALLAH_LIGATURE)).toEqual([{ term: 'له', norm: 'الله', start: 0, end: 1, position: 0 }]);
  });

  it('a ligature NFKC spells as several words becomes one term without spaces', () => {
    expect(defaultAnalyzer.terms('\uFDFA')).toEqual(['صليالله' + 'عليهوسلم']);
  });

  it('all spellings of one word meet in one term', () => {
    const spellings = ['الجيش', 'الجَيْش', 'الجيـــش', 'ال' + RIGHT_TO_LEFT_MARK + 'جيش'];
    // The RLM splits its spelling into two tokens (ال, جيش), which is what a reader sees too.
    expect(spellings.slice(0, 3).map((w) => defaultAnalyzer.termOf(w))).toEqual(['جيش', 'جيش', 'جيش']);
    expect(defaultAnalyzer.terms(spellings[3]!)).toEqual(['ال', 'جيش']);
  });
});

describe('termOf returns null for what is not one indexable word', () => {
  it.each([
    ['empty string', ''],
    ['whitespace', '   '],
    ['punctuation', '«»،'],
    ['a stopword', 'في'],
    ['a stopword before normalization', 'إلى'],
    ['tatweel only', TATWEEL + TATWEEL + TATWEEL],
    ['a mark only', KASRA],
    ['two words', 'داعش الرقة'],
  ])('%s', (_name, word) => {
    expect(analyzer.termOf(word)).toBeNull();
  });
});

describe('terms', () => {
  it('equals the terms of analyze, in order', () => {
    const text = 'وقال مصدر محلي إن عناصر داعش انسحبوا من بلدة في ريف الرقة الشرقي، بعد اشتباكات عنيفة.';
    expect(analyzer.terms(text)).toEqual(analyzer.analyze(text).map((t) => t.term));
    expect(analyzer.terms(text)).toEqual([
      'مصدر', 'محل', 'عناصر', 'داعش', 'انسحبوا', 'بلد', 'ريف', 'الرقه', 'شرق', 'اشتباك', 'عنيف',
    ]);
  });
});

/** mulberry32: a small seeded PRNG, so the property test sees the same inputs on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOLS: readonly (readonly string[])[] = [
  [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة'],
  [FATHA, DAMMA, KASRA, SHADDA, SUKUN, FATHATAN, SUPERSCRIPT_ALEF, TATWEEL],
  [...'0123456789', digitsFrom(ARABIC_INDIC_ZERO, '0123456789'), digitsFrom(EXTENDED_ARABIC_INDIC_ZERO, '59')],
  [',', '.', ARABIC_THOUSANDS_SEPARATOR, ARABIC_DECIMAL_SEPARATOR, ARABIC_COMMA, '«', '»', '“', '”', '-', '%'],
  [...'abcXYZéİßΣΟ', 'ﬁ', '\u0301'],
  [' ', ' ', '\n', '\t', '\u00A0'],
  ['\u{1F600}', '\u{1F1F8}\u{1F1FE}', '\u{1D400}', '\u{20000}', '\uD800', '\uDC00', '\uDBFF'],
  ['\u0000', '\u0007', '\u007F', RIGHT_TO_LEFT_MARK, ZERO_WIDTH_SPACE, ZERO_WIDTH_NON_JOINER, ZERO_WIDTH_JOINER,
    BYTE_ORDER_MARK, LRI, PDI],
  [LAM_ALEF_ISOLATED_FORM, ALLAH_LIGATURE, '\uFDFA', '\uFE8D', '\u2474', '\u00BD'],
];

function randomText(random: () => number): string {
  const length = Math.floor(random() * 40);
  let text = '';
  for (let i = 0; i < length; i++) {
    // Arabic letters half of the time, so real-looking words form between the noise.
    const pool = random() < 0.5 ? POOLS[0]! : POOLS[Math.floor(random() * POOLS.length)]!;
    text += pool[Math.floor(random() * pool.length)]!;
  }
  return text;
}

/** The pipeline spelled out with the public pieces, without the analyzer's fast path. */
function referenceNorm(raw: string): string {
  return normalizeArabic(raw)
    .replaceAll(ARABIC_THOUSANDS_SEPARATOR, ',')
    .replaceAll(ARABIC_DECIMAL_SEPARATOR, '.')
    .toLowerCase()
    .replace(/\s/gu, '');
}

function checkInvariants(subject: Analyzer, text: string): void {
  const tokens = subject.analyze(text);
  let lastEnd = 0;
  let lastPosition = -1;
  for (const token of tokens) {
    expect(token.start).toBeGreaterThanOrEqual(lastEnd);
    expect(token.end).toBeGreaterThan(token.start);
    expect(token.end).toBeLessThanOrEqual(text.length);
    expect(token.position).toBeGreaterThan(lastPosition);
    expect(token.term.length).toBeGreaterThan(0);
    expect(token.term).not.toMatch(/\s/u);
    expect(token.norm).toBe(referenceNorm(text.slice(token.start, token.end)));
    expect(isStopword(token.norm)).toBe(false);
    lastEnd = token.end;
    lastPosition = token.position;
  }
  expect(subject.terms(text)).toEqual(tokens.map((t) => t.term));
  for (const token of tokenize(text)) expect(token.text).toBe(text.slice(token.start, token.end));
}

describe('property: random input', () => {
  const random = mulberry32(0x5eed);
  const inputs = Array.from({ length: 2000 }, () => randomText(random));

  it('never throws; tokens lie inside the input, in order; terms are non-empty', () => {
    for (const text of inputs) {
      checkInvariants(defaultAnalyzer, text);
      checkInvariants(analyzer, text);
    }
  });

  it('default terms are the stems of the normalized tokens (fast path agrees with the slow one)', () => {
    for (const text of inputs) {
      for (const token of defaultAnalyzer.analyze(text)) expect(token.term).toBe(stemArabic(token.norm));
    }
  });
});
