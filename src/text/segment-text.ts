// Splits text into paragraphs and sentences, as offset spans into the original string.

import { ARABIC_QUESTION_MARK, HORIZONTAL_ELLIPSIS } from '../arabic/letters.js';

/** A half-open range `[start, end)` of UTF-16 offsets into the original text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A sentence span and the index of the paragraph it belongs to. */
export interface SentenceSpan extends Span {
  readonly paragraph: number;
}

/** The paragraphs and sentences of a text. */
export interface Segmentation {
  readonly paragraphs: Span[];
  readonly sentences: SentenceSpan[];
}

/** Closing quotes and brackets that stay with the sentence they close, as a character class body. */
const CLOSERS = `"'”’»)\\]}›`;

const WHITESPACE = /\s/u;
const LINE_BREAK = /[\n\r]/gu;
const DIGIT = /\p{Nd}/u;
const LETTER = /\p{L}/u;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && WHITESPACE.test(ch);
}

/** Trims whitespace from both ends of `[start, end)`; returns null when nothing is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * True when the full stop at `i` is not a sentence end: inside a number (3.7, 24.02.2022) or
 * after a one-letter abbreviation that runs straight on (أ.ف.ب, U.S.).
 */
function isInnerDot(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  if (before !== undefined && after !== undefined && DIGIT.test(before) && DIGIT.test(after)) return true;
  if (after !== undefined && LETTER.test(after) && before !== undefined && LETTER.test(before)) {
    const beforeBefore = text[i - 2];
    return beforeBefore === undefined || !LETTER.test(beforeBefore);
  }
  return false;
}

/**
 * Runs of sentence terminators (. ! ? ؟ …) and the closing quotes after them. Semicolons (; ؛)
 * do not end a sentence: Arabic news joins clauses with them, and a clause cut there reads as a
 * fragment ("التي يسهل اختراقها…") in a snippet or a digest summary.
 */
const TERMINATOR_RUN = new RegExp(
  `[.!?${ARABIC_QUESTION_MARK}${HORIZONTAL_ELLIPSIS}]+[${CLOSERS}]*`,
  'gu',
);

/** Appends the sentences of paragraph `[start, end)` to `out`. */
function splitSentences(text: string, start: number, end: number, paragraph: number, out: SentenceSpan[]): void {
  let sentenceStart = start;
  TERMINATOR_RUN.lastIndex = start;
  for (let m = TERMINATOR_RUN.exec(text); m !== null && m.index < end; m = TERMINATOR_RUN.exec(text)) {
    if (m[0] === '.' && isInnerDot(text, m.index)) continue;
    const stop = Math.min(end, m.index + m[0].length);
    const span = trimmed(text, sentenceStart, stop);
    if (span) out.push({ ...span, paragraph });
    sentenceStart = stop;
  }
  const rest = trimmed(text, sentenceStart, end);
  if (rest) out.push({ ...rest, paragraph });
}

/**
 * Segments text into paragraphs (split at every line break: the corpus separates paragraphs
 * by blank lines or by single newlines) and sentences (split after . ! ? ؟ ; ؛ … and at line
 * breaks; not inside numbers such as 3.7 or after one-letter abbreviations). Spans are trimmed
 * and empty ones are skipped.
 *
 * @example segmentText('أ. ب\n\nج؟ د').sentences.length === 3
 */
export function segmentText(text: string): Segmentation {
  const paragraphs: Span[] = [];
  const sentences: SentenceSpan[] = [];
  let lineStart = 0;
  LINE_BREAK.lastIndex = 0;
  for (;;) {
    const m = LINE_BREAK.exec(text);
    const lineEnd = m ? m.index : text.length;
    const span = trimmed(text, lineStart, lineEnd);
    if (span) {
      splitSentences(text, span.start, span.end, paragraphs.length, sentences);
      paragraphs.push(span);
    }
    if (!m) break;
    lineStart = lineEnd + 1;
  }
  return { paragraphs, sentences };
}
