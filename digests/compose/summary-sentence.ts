// Picks the one sentence of a report that carries its event, for a digest item's summary.

import { normalizeArabic } from '../../src/arabic/normalize-arabic.js';
import { segmentText } from '../../src/text/segment-text.js';
import { loadGazetteer } from '../../src/understand/gazetteer.js';
import type { ReportUnderstanding, SentenceAnnotation } from '../../src/understand/understand-report.js';
import { isEventCasualty, isViolent } from './significance.js';

/** A summary longer than this is cut: about two lines of a chat message, enough for who, what, where. */
export const SUMMARY_MAX_CHARS = 280;
/** What marks a cut summary. */
export const CUT_MARK = '…';

/** Commas, semicolons, colons and dashes left dangling before the cut mark ("الرقة،…" reads as a slip). */
const DANGLING_PUNCTUATION = /[\s,،;؛:\-–—]+$/u;
/** Runs of white space, collapsed to one space: a sentence is shown on one line. */
const WHITESPACE_RUN = /\s+/gu;
/** What is compared when asking whether a sentence repeats the headline: letters and digits only. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Text reduced for comparison: normalized spelling, no marks, punctuation or spaces. */
function comparable(text: string): string {
  return normalizeArabic(text).replace(NOT_WORD, '');
}

/** True for a place of the Syria and Iraq gazetteer (not a world place or country). */
function inSyriaOrIraq(pcode: string): boolean {
  const country = loadGazetteer().get(pcode)?.country;
  return country === 'SYR' || country === 'IRQ';
}

/**
 * How well a sentence carries the event; higher is better, 0 when it names no event. The tiers
 * (violent event + place + casualties; violent event + place; event + place; event) count
 * double, and within a tier with a place, one below country level (a town, a governorate) adds
 * one: "هاجم مسلحون حاجزا في الرقة" says more than a sentence that only names Syria.
 */
function rank(s: SentenceAnnotation, casualtyStarts: readonly number[], countries: ReadonlySet<string>): number {
  if (s.events.length === 0) return 0;
  // Digests cover Syria and Iraq: a place elsewhere (Kerman, Paris) does not make a sentence the story's.
  const places = s.places.filter(inSyriaOrIraq);
  if (places.length === 0) return 2;
  const local = places.some((p) => !countries.has(p)) ? 1 : 0;
  if (!s.events.some(isViolent)) return 4 + local;
  return (casualtyStarts.some((at) => at >= s.start && at < s.end) ? 8 : 6) + local;
}

/**
 * Cuts text to at most `max` characters at white space, ending it with CUT_MARK; text that fits
 * is returned as is. Never cuts inside a word: a text with no space in reach keeps its first word
 * whole, even past `max`.
 */
export function cutAtWord(text: string, max: number = SUMMARY_MAX_CHARS): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - CUT_MARK.length + 1);
  let space = room.search(/\s\S*$/u);
  if (space <= 0) {
    space = text.search(/\s/u);
    if (space < 0) return text;
  }
  return text.slice(0, space).replace(DANGLING_PUNCTUATION, '') + CUT_MARK;
}

/**
 * The sentence of `body` that carries the report's event, from the stored sentence annotations:
 * the first with a violent event, a place and a killed or wounded count (not a war's toll, see
 * isEventCasualty); else the first with a violent event and a place; else any event and a place;
 * else any event; else the body's first sentence. Within a tier, a place below country level
 * wins over a country name alone. A sentence that only repeats `title` (a page with no headline
 * is titled by its first sentence) is passed over. White space is collapsed and the sentence
 * cut with `cutAtWord`. It is quoted as written: a leading و (وأفادت ...) is
 * kept, as Arabic news prose opens sentences with it and a word-initial و is not always the
 * conjunction (وزير، وسط). Empty for an empty body, and when every sentence repeats the title.
 */
export function summarySentence(body: string, understanding: ReportUnderstanding, title = ''): string {
  const casualtyStarts = understanding.casualties.filter(isEventCasualty).map((c) => c.start);
  const countries = new Set(understanding.places.filter((p) => p.admin1Pcode === null).map((p) => p.pcode));
  const headline = comparable(title.replace(CUT_MARK, ''));
  const repeatsHeadline = (s: { start: number; end: number }): boolean =>
    headline !== '' && comparable(body.slice(s.start, s.end)).startsWith(headline);
  let best: SentenceAnnotation | undefined;
  let bestRank = 0;
  for (const s of understanding.sentences) {
    const r = repeatsHeadline(s) ? 0 : rank(s, casualtyStarts, countries);
    if (r > bestRank) {
      best = s;
      bestRank = r;
    }
  }
  const sentences = segmentText(body).sentences;
  // A report whose every sentence repeats its title (a one-sentence report titled by that sentence)
  // has no summary to add: '' and the renderers show the title alone.
  const span = best ?? sentences.find((s) => !repeatsHeadline(s));
  if (span === undefined) return '';
  return cutAtWord(body.slice(span.start, span.end).replace(WHITESPACE_RUN, ' ').trim());
}
