/** Picks the sentence of a report that best shows why it matched, and marks the matching words in the original text. */

/** A window of the original text with the spans to mark (offsets into `text`). */
export interface Snippet {
  readonly text: string;
  readonly highlights: readonly (readonly [number, number])[];
}

/** A marked span of a sentence and which part of the query it answers (place, event, actor, term). */
export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly group: string;
}

/** Long enough for a full news sentence on a phone, short enough for five results in one message. */
export const MAX_SNIPPET_LENGTH = 280;
const ELLIPSIS = '…';

/** Moves `i` back to the start of the word it falls in. */
function wordStartAt(text: string, i: number): number {
  while (i > 0 && !/\s/u.test(text[i - 1]!)) i--;
  return i;
}

/** Moves `i` forward to the end of the word it falls in. */
function wordEndAt(text: string, i: number): number {
  while (i < text.length && !/\s/u.test(text[i]!)) i++;
  return i;
}

/**
 * Chooses the sentence whose marks cover the most distinct query parts (then one naming the
 * place, then the most marks, then the earliest), and cuts it to at most `maxLength` characters around its first mark,
 * only ever at white space. Falls back to the report's opening when nothing is marked.
 */
export function makeSnippet(
  body: string,
  sentences: readonly { start: number; end: number }[],
  marksOf: (sentence: string) => readonly Mark[],
  maxLength = MAX_SNIPPET_LENGTH,
): Snippet {
  let best: { start: number; end: number; marks: readonly Mark[]; score: number } | null = null;
  for (const s of sentences) {
    const marks = marksOf(body.slice(s.start, s.end));
    if (marks.length === 0) continue;
    const groups = new Set(marks.map((m) => m.group));
    // Most query parts first; between equals, the one naming the place (the most specific part).
    const score = groups.size * 1000 + (groups.has('place') ? 500 : 0) + marks.length;
    if (best === null || score > best.score) best = { ...s, marks, score };
  }
  const first = sentences[0] ?? { start: 0, end: body.length };
  const chosen = best ?? { ...first, marks: [] as Mark[], score: 0 };
  const sentence = body.slice(chosen.start, chosen.end);
  const marks = [...chosen.marks].sort((a, b) => a.start - b.start);

  let from = 0;
  let to = sentence.length;
  if (sentence.length > maxLength) {
    const anchor = marks[0]?.start ?? 0;
    // Show a little context before the first mark, the rest after it.
    const lead = Math.floor(maxLength / 4);
    from = wordStartAt(sentence, Math.max(0, Math.min(anchor - lead, sentence.length - maxLength)));
    to = from + maxLength;
    if (to < sentence.length) {
      to = wordStartAt(sentence, to);
      if (to <= from) to = wordEndAt(sentence, from + maxLength);
    }
  }
  const window = sentence.slice(from, to).trim();
  const shift = from + (sentence.slice(from, to).length - sentence.slice(from, to).trimStart().length);
  const prefix = from > 0 ? ELLIPSIS + ' ' : '';
  const suffix = to < sentence.length ? ' ' + ELLIPSIS : '';
  const highlights: [number, number][] = [];
  for (const m of marks) {
    if (m.start - shift < 0 || m.end - shift > window.length) continue; // cut off by the window
    const start = m.start - shift + prefix.length;
    const end = m.end - shift + prefix.length;
    const last = highlights[highlights.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else highlights.push([start, end]);
  }
  return { text: prefix + window + suffix, highlights };
}
