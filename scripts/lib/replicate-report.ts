/**
 * `npm run bench -- --scale N`: the n-th copy of a research-corpus report, so that a corpus N times the
 * size has N distinct reports per original: another external id and URL, and the sentences in another
 * order (another text, so the store does not fold the copy into the original as the same text).
 */

import { seededRandom as random } from './seeded-random.js';

/** One research-corpus line, as the bench reads it. */
export interface CorpusRecord {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly published_at: string;
  readonly source: string;
  readonly text: string;
}

/** Sentences with the space after each: split after . ! ? ؟ and at line breaks. */
export function splitSentences(text: string): string[] {
  return text.match(/[^.!?؟\n]*(?:[.!?؟]+|\n+|$)\s*/gu)?.filter((s) => s.length > 0) ?? [];
}


/** The sentences shuffled by a seed; with two or more different sentences, never the original order. */
export function shuffleSentences(text: string, seed: number): string {
  const sentences = splitSentences(text).map((s) => (/\s$/u.test(s) ? s : `${s} `));
  const next = random(seed);
  const order = sentences.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  if (order.every((v, i) => v === i) && order.length > 1) order.push(order.shift()!);
  return order.map((i) => sentences[i]).join('').trimEnd();
}

/** Copy `copy` (0 is the original itself) of a report, the `index`-th of the corpus. */
export function replicateReport(r: CorpusRecord, copy: number, index: number): CorpusRecord {
  if (copy === 0) return r;
  let url = r.url;
  try {
    const u = new URL(r.url);
    u.pathname = `${u.pathname.replace(/\/$/, '')}/copy-${copy}`;
    url = u.toString();
  } catch {
    // Not a URL: the copy keeps it, and its external id tells it apart.
  }
  return { ...r, id: `${r.id}~${copy}`, url, text: shuffleSentences(r.text, index * 1_000 + copy) };
}
