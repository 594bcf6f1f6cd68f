// Exact vectors for the tokenizer: token boundaries, offsets into the original, numbers, separators.
import { describe, expect, it } from 'vitest';
import {
  ARABIC_COMMA, ARABIC_DECIMAL_SEPARATOR, ARABIC_INDIC_ZERO, ARABIC_LETTER_MARK, ARABIC_QUESTION_MARK,
  ARABIC_SEMICOLON, ARABIC_THOUSANDS_SEPARATOR, BYTE_ORDER_MARK, FATHA, FSI, LEFT_TO_RIGHT_MARK, LRE, LRI,
  LRO, PDF, PDI, RIGHT_TO_LEFT_MARK, RLE, RLI, RLO, SHADDA, TATWEEL, ZERO_WIDTH_JOINER,
  ZERO_WIDTH_NON_JOINER, ZERO_WIDTH_SPACE,
} from '../../src/arabic/letters.js';
import { forEachTokenSpan, tokenize, type Token } from '../../src/arabic/tokenize.js';

const DAESH = 'داعش';
const AL_RAQQA = 'الرقة';
const MANBIJ = 'منبج';

function arabicIndic(ascii: string): string {
  return [...ascii].map((d) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(d))).join('');
}

function tok(text: string, start: number): Token {
  return { text, start, end: start + text.length };
}

describe('tokenize: words and offsets', () => {
  it('splits on spaces, with offsets into the original', () => {
    expect(tokenize(`${DAESH} في ${AL_RAQQA}`)).toEqual([
      { text: DAESH, start: 0, end: 4 },
      { text: 'في', start: 5, end: 7 },
      { text: AL_RAQQA, start: 8, end: 13 },
    ]);
  });

  it('keeps harakat inside the token, unnormalized, with original offsets', () => {
    const written = 'ال' + 'ر' + SHADDA + FATHA + 'ق' + SHADDA + FATHA + 'ة';
    expect(tokenize(`في ${written}.`)).toEqual([tok('في', 0), { text: written, start: 3, end: 12 }]);
  });

  it.each([
    ['tatweel', TATWEEL],
    ['zero width non-joiner', ZERO_WIDTH_NON_JOINER],
    ['zero width joiner', ZERO_WIDTH_JOINER],
  ])('%s stays inside a word', (_name, joiner) => {
    const word = 'دا' + joiner + 'عش';
    expect(tokenize(word)).toEqual([{ text: word, start: 0, end: 5 }]);
  });

  it('empty and separator-only text has no tokens', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(` \n\t${ARABIC_COMMA}${RIGHT_TO_LEFT_MARK}...`)).toEqual([]);
  });

  it('Latin words and mixed scripts', () => {
    expect(tokenize(`ISIS (${DAESH}) fighters`)).toEqual([tok('ISIS', 0), tok(DAESH, 6), tok('fighters', 12)]);
  });
});

describe('tokenize: invisible controls and whitespace separate tokens', () => {
  it.each([
    ['right-to-left mark', RIGHT_TO_LEFT_MARK],
    ['left-to-right mark', LEFT_TO_RIGHT_MARK],
    ['arabic letter mark', ARABIC_LETTER_MARK],
    ['LRE', LRE],
    ['RLE', RLE],
    ['PDF', PDF],
    ['LRO', LRO],
    ['RLO', RLO],
    ['LRI', LRI],
    ['RLI', RLI],
    ['FSI', FSI],
    ['PDI', PDI],
    ['zero width space', ZERO_WIDTH_SPACE],
    ['byte order mark', BYTE_ORDER_MARK],
    ['space', ' '],
    ['no-break space', '\u00A0'],
    ['newline', '\n'],
    ['tab', '\t'],
  ])('%s between two words', (_name, separator) => {
    expect(tokenize(DAESH + separator + AL_RAQQA)).toEqual([tok(DAESH, 0), tok(AL_RAQQA, 5)]);
  });
});

describe('tokenize: punctuation', () => {
  it('« » “ ” ، ؛ ؟ separate tokens', () => {
    const text = `«${AL_RAQQA}»${ARABIC_COMMA} “${DAESH}”${ARABIC_SEMICOLON} ${MANBIJ}${ARABIC_QUESTION_MARK}`;
    // « 0, الرقة 1-6, » 6, ، 7, space 8, “ 9, داعش 10-14, ” 14, ؛ 15, space 16, منبج 17-21, ؟ 21
    expect(tokenize(text)).toEqual([tok(AL_RAQQA, 1), tok(DAESH, 10), tok(MANBIJ, 17)]);
  });

  it.each([
    ['hyphen', '-'],
    ['slash', '/'],
    ['comma between letters', ','],
    ['period between letters', '.'],
    ['Arabic comma', ARABIC_COMMA],
    ['colon', ':'],
  ])('%s separates', (_name, mark) => {
    expect(tokenize(DAESH + mark + AL_RAQQA)).toEqual([tok(DAESH, 0), tok(AL_RAQQA, 5)]);
  });
});

describe('tokenize: numbers', () => {
  it.each([
    ['thousands comma', '10,000'],
    ['decimal point', '3.7'],
    ['several groups', '1,250,000'],
    ['dotted version', '3.7.1'],
    ['Arabic thousands separator', arabicIndic('10') + ARABIC_THOUSANDS_SEPARATOR + arabicIndic('000')],
    ['Arabic decimal separator', arabicIndic('3') + ARABIC_DECIMAL_SEPARATOR + arabicIndic('7')],
  ])('%s is one token', (_name, number) => {
    expect(tokenize(`قتل ${number} شخص`)).toEqual([tok('قتل', 0), tok(number, 4), tok('شخص', 5 + number.length)]);
  });

  it.each([
    ['a trailing period', '2019.', [tok('2019', 0)]],
    ['a trailing comma', '5,', [tok('5', 0)]],
    ['a leading comma', ',5', [tok('5', 1)]],
    ['a comma then a space', '10, 000', [tok('10', 0), tok('000', 4)]],
    ['two commas', '1,,2', [tok('1', 0), tok('2', 3)]],
    ['a percent sign', '3.7%', [tok('3.7', 0)]],
  ])('a separator not between two digits splits: %s', (_name, text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });
});

describe('tokenize: astral characters and broken surrogates', () => {
  it('an emoji separates words; offsets count its two UTF-16 units', () => {
    expect(tokenize(`${DAESH}\u{1F600}${AL_RAQQA}`)).toEqual([tok(DAESH, 0), tok(AL_RAQQA, 6)]);
  });

  it('astral letters are word characters', () => {
    const bold = '\u{1D400}\u{1D401}';
    expect(tokenize(`${bold} x`)).toEqual([tok(bold, 0), tok('x', 5)]);
  });

  it('lone surrogates separate', () => {
    expect(tokenize('ab\uD800cd\uDC00ef')).toEqual([tok('ab', 0), tok('cd', 3), tok('ef', 6)]);
    expect(tokenize('\uD800')).toEqual([]);
  });
});

describe('forEachTokenSpan', () => {
  it('visits the same spans tokenize returns', () => {
    const text = `«${AL_RAQQA}» 10,000 ${DAESH}${RIGHT_TO_LEFT_MARK}x`;
    const spans: Array<[number, number]> = [];
    forEachTokenSpan(text, (start, end) => spans.push([start, end]));
    expect(spans).toEqual(tokenize(text).map((t) => [t.start, t.end]));
  });
});
