// Exact vectors for normalizeArabic, foldDigits and normalizeWithOffsets, one per rule.
import { describe, expect, it } from 'vitest';
import {
  ALEF, ALEF_HAMZA_ABOVE, ALEF_HAMZA_BELOW, ALEF_ISOLATED_FORM, ALEF_MADDA, ALEF_MAKSURA, ALEF_WASLA,
  ALLAH_LIGATURE, ARABIC_INDIC_ZERO, ARABIC_LETTER_MARK, BEH, BYTE_ORDER_MARK, DAL, DAMMA, DAMMATAN,
  EXTENDED_ARABIC_INDIC_ZERO, FARSI_YEH, FATHA, FATHATAN, FSI, HAH, HAMZA, HAMZA_ABOVE, HAMZA_BELOW, HEH,
  KAF, KASRA, KASRATAN, KEHEH, LAM, LAM_ALEF_FINAL_FORM, LAM_ALEF_HAMZA_ABOVE_ISOLATED_FORM,
  LAM_ALEF_ISOLATED_FORM, LAM_INITIAL_FORM, LEFT_TO_RIGHT_MARK, LRE, LRI, LRO, MADDA_ABOVE, MEEM, NOON,
  PDF, PDI, QAF, REH, RIGHT_TO_LEFT_MARK, RLE, RLI, RLO, SHADDA, SHEEN, SIGN_SALLALLAHOU,
  SMALL_HIGH_LIGATURE_SAD, SMALL_KASRA, SMALL_LOW_MEEM, SUKUN, SUPERSCRIPT_ALEF, TATWEEL, TEH,
  TEH_MARBUTA, TEH_MARBUTA_FINAL_FORM, THAL, WAVY_HAMZA_BELOW, WAW, WAW_HAMZA_ABOVE, YEH, YEH_HAMZA_ABOVE,
  ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER, ZERO_WIDTH_SPACE, AIN,
} from '../../src/arabic/letters.js';
import { foldDigits, normalizeArabic, normalizeArabicSlowly, normalizeWithOffsets } from '../../src/arabic/normalize-arabic.js';

/** Writes ASCII digits in the digit range that starts at `zero`. */
function digitsFrom(zero: number, ascii: string): string {
  return [...ascii].map((d) => String.fromCharCode(zero + Number(d))).join('');
}

const KATAB = KAF + TEH + BEH; // كتب
const DAESH = DAL + ALEF + AIN + SHEEN; // داعش
const AL_RAQQA = ALEF + LAM + REH + QAF + TEH_MARBUTA; // الرقة

describe('normalizeArabic: harakat and other marks are removed', () => {
  it.each([
    ['fatha', FATHA],
    ['damma', DAMMA],
    ['kasra', KASRA],
    ['sukun', SUKUN],
    ['shadda', SHADDA],
    ['fathatan', FATHATAN],
    ['dammatan', DAMMATAN],
    ['kasratan', KASRATAN],
    ['wavy hamza below', WAVY_HAMZA_BELOW],
    ['superscript (dagger) alef', SUPERSCRIPT_ALEF],
    ['honorific sign sallallahou', SIGN_SALLALLAHOU],
    ['small kasra', SMALL_KASRA],
    ['Quranic small high ligature sad', SMALL_HIGH_LIGATURE_SAD],
    ['Quranic small low meem', SMALL_LOW_MEEM],
    ['madda above a non-alef', MADDA_ABOVE],
  ])('%s', (_name, mark) => {
    expect(normalizeArabic(KAF + mark + TEH + BEH)).toBe(KATAB);
  });

  it('shadda and fatha together, as in الرَّقَّة', () => {
    const written = ALEF + LAM + REH + SHADDA + FATHA + QAF + SHADDA + FATHA + TEH_MARBUTA;
    expect(normalizeArabic(written)).toBe(ALEF + LAM + REH + QAF + HEH);
  });
});

describe('normalizeArabic: combining hamza and madda compose (NFKC) before folding', () => {
  it.each([
    ['alef + hamza above becomes أ, then ا', ALEF + HAMZA_ABOVE, ALEF],
    ['alef + hamza below becomes إ, then ا', ALEF + HAMZA_BELOW, ALEF],
    ['alef + madda above becomes آ, then ا', ALEF + MADDA_ABOVE, ALEF],
    ['yeh + hamza above becomes ئ, which is kept', YEH + HAMZA_ABOVE, YEH_HAMZA_ABOVE],
    ['waw + hamza above becomes ؤ, which is kept', WAW + HAMZA_ABOVE, WAW_HAMZA_ABOVE],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
});

describe('normalizeArabic: tatweel, zero-width and bidi controls are removed', () => {
  it.each([
    ['tatweel', TATWEEL],
    ['zero width space', ZERO_WIDTH_SPACE],
    ['zero width non-joiner', ZERO_WIDTH_NON_JOINER],
    ['zero width joiner', ZERO_WIDTH_JOINER],
    ['left-to-right mark', LEFT_TO_RIGHT_MARK],
    ['right-to-left mark', RIGHT_TO_LEFT_MARK],
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
    ['byte order mark', BYTE_ORDER_MARK],
  ])('%s', (_name, control) => {
    expect(normalizeArabic(DAL + ALEF + control + AIN + SHEEN)).toBe(DAESH);
  });

  it('a run of tatweel', () => {
    expect(normalizeArabic(DAL + ALEF + AIN + TATWEEL + TATWEEL + TATWEEL + SHEEN)).toBe(DAESH);
  });
});

describe('normalizeArabic: letter folding', () => {
  it.each([
    ['alef with hamza above', ALEF_HAMZA_ABOVE, ALEF],
    ['alef with hamza below', ALEF_HAMZA_BELOW, ALEF],
    ['alef with madda', ALEF_MADDA, ALEF],
    ['alef wasla', ALEF_WASLA, ALEF],
    ['alef maksura to yeh', ALEF_MAKSURA, YEH],
    ['teh marbuta to heh', TEH_MARBUTA, HEH],
    ['Farsi yeh to yeh', FARSI_YEH, YEH],
    ['keheh to kaf', KEHEH, KAF],
    ['hamza alone is kept', HAMZA, HAMZA],
    ['waw with hamza is kept', WAW_HAMZA_ABOVE, WAW_HAMZA_ABOVE],
    ['yeh with hamza is kept', YEH_HAMZA_ABOVE, YEH_HAMZA_ABOVE],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it.each([
    ['أحمد', ALEF_HAMZA_ABOVE + HAH + MEEM + DAL, ALEF + HAH + MEEM + DAL],
    ['إلى', ALEF_HAMZA_BELOW + LAM + ALEF_MAKSURA, ALEF + LAM + YEH],
    ['الرقة', AL_RAQQA, ALEF + LAM + REH + QAF + HEH],
  ])('a whole word: %s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
});

describe('normalizeArabic: presentation forms (NFKC)', () => {
  it.each([
    ['lam-alef ligature, isolated', LAM_ALEF_ISOLATED_FORM, LAM + ALEF],
    ['lam-alef ligature, final', LAM_ALEF_FINAL_FORM, LAM + ALEF],
    ['lam-alef-with-hamza ligature folds its alef too', LAM_ALEF_HAMZA_ABOVE_ISOLATED_FORM, LAM + ALEF],
    ['teh marbuta final form, then folded to heh', TEH_MARBUTA_FINAL_FORM, HEH],
    [
      'a word in contextual forms',
      ALEF_ISOLATED_FORM + LAM_INITIAL_FORM + REH + QAF + TEH_MARBUTA_FINAL_FORM,
      ALEF + LAM + REH + QAF + HEH,
    ],
    ['the Allah ligature (Presentation Forms-A)', ALLAH_LIGATURE, ALEF + LAM + LAM + HEH],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });
});

describe('normalizeArabic: digits, Latin and empty input', () => {
  it.each([
    ['Arabic-Indic digits', digitsFrom(ARABIC_INDIC_ZERO, '2019'), '2019'],
    ['Extended Arabic-Indic (Persian) digits', digitsFrom(EXTENDED_ARABIC_INDIC_ZERO, '2019'), '2019'],
    ['all ten Arabic-Indic digits', digitsFrom(ARABIC_INDIC_ZERO, '0123456789'), '0123456789'],
    ['all ten Extended digits', digitsFrom(EXTENDED_ARABIC_INDIC_ZERO, '0123456789'), '0123456789'],
    ['ASCII digits are kept', '2019', '2019'],
    ['Latin passes through, case kept', 'ISIS in Raqqa, 2019', 'ISIS in Raqqa, 2019'],
    ['empty string', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeArabic(input)).toBe(expected);
  });

  it('foldDigits folds digits and nothing else', () => {
    expect(foldDigits(AL_RAQQA + ' ' + digitsFrom(ARABIC_INDIC_ZERO, '14'))).toBe(AL_RAQQA + ' 14');
  });
});

describe('normalizeWithOffsets', () => {
  it('maps each output unit of الرَّقَّة back to its letter in the original', () => {
    // ا0 ل1 ر2 ّ3 َ4 ق5 ّ6 َ7 ة8: the marks at 3, 4, 6, 7 are dropped.
    const written = ALEF + LAM + REH + SHADDA + FATHA + QAF + SHADDA + FATHA + TEH_MARBUTA;
    const { text, offsets } = normalizeWithOffsets(written);
    expect(text).toBe(ALEF + LAM + REH + QAF + HEH);
    expect(offsets).toEqual([0, 1, 2, 5, 8, 9]);
  });

  it('gives both letters of an expanded ligature the ligature offset', () => {
    const { text, offsets } = normalizeWithOffsets(BEH + LAM_ALEF_ISOLATED_FORM + NOON);
    expect(text).toBe(BEH + LAM + ALEF + NOON);
    expect(offsets).toEqual([0, 1, 1, 2, 3]);
  });

  it('agrees with normalizeArabic on text without compositions', () => {
    const written = DAL + ALEF + TATWEEL + AIN + RIGHT_TO_LEFT_MARK + SHEEN + ' ' + THAL + FATHA + ALEF_MAKSURA;
    expect(normalizeWithOffsets(written).text).toBe(normalizeArabic(written));
  });

  it('empty string', () => {
    expect(normalizeWithOffsets('')).toEqual({ text: '', offsets: [0] });
  });
});

describe('normalizeArabic, its fast path against the definition', () => {
  it('gives what NFKC and the regular expressions give, for every BMP unit alone', () => {
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      expect(normalizeArabicSlowly(ch) === normalizeArabic(ch) ? '' : ch).toBe('');
    }
  });

  it('gives the same for random text of hard characters: marks, presentation forms, digits, ligatures, bidi controls, Hangul', () => {
    // Letters beside the marks that compose with them (ا + ٔ), the units NFKC splits (½, ﻻ, ﷺ),
    // compatibility jamo that compose under NFKC, and the plain units of the fast path.
    const alphabet = [
      ...'اأإآٱىيةهکیوؤئءبتلم ،.,:؛؟!?"«»—–‘’“”…\n\t0123456789٠١٢٣٤٥٦٧٨٩۰۱۲aAzZéÅ',
      '\u0653', '\u0654', '\u0655', '\u064b', '\u0651', '\u0670', '\u0640', '\u200b', '\u200c', '\u200d', '\u200e', '\u200f',
      '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\u00bd', '\u00a8', '\u2024', '\u2025', '\u2002', '\ufefb', '\ufdfa', '\ufe8e',
      '\u1100', '\u1161', '\u11a8', '\u3131', '\u314f', '\uac00', '\u0301', '\u0308', 'e', 'A',
    ];
    let seed = 12345;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = 1 + (next() % 12);
      for (let k = 0; k < length; k++) text += alphabet[next() % alphabet.length];
      expect([text, normalizeArabic(text)]).toEqual([text, normalizeArabicSlowly(text)]);
    }
  });
});

describe('normalizeArabic, the deleted marks of its fast path', () => {
  it('vanish after every unit of the fast path, as NFKC of the pair gives', () => {
    const marks = [];
    for (let code = 0x064b; code <= 0x06ed; code++) if (/\p{M}/u.test(String.fromCharCode(code))) marks.push(String.fromCharCode(code));
    const units = [];
    for (let code = 0; code < 0x2070; code++) if ((code < 0x0250 || (code >= 0x0600 && code < 0x0700) || code >= 0x2000)) units.push(String.fromCharCode(code));
    const wrong: string[] = [];
    for (const unit of units) {
      for (const mark of marks) {
        for (const text of [unit + mark, unit + mark + unit, mark + mark + unit]) if (normalizeArabic(text) !== normalizeArabicSlowly(text)) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });
});
