// Strips site chrome from raw page text copied from a news site, keeping the headline and the article.
import { edgeChromeKind, exactChromeKind, chromeKey } from './page-chrome.js';
import { readDateLine } from './find-date-mentions.js';
import { defaultAnalyzer } from '../arabic/analyze-arabic.js';

/** A page reduced to its headline and article text. */
export interface CleanedPage {
  /** The headline, or the first sentence of the body when the page shows none; null for an empty page. */
  readonly title: string | null;
  /** Where the title came from: a headline line, or the body's first sentence (also for an empty page). */
  readonly titleSource: 'headline' | 'first_sentence';
  /** Article paragraphs separated by one blank line. */
  readonly body: string;
  /** Lines removed as chrome, repeated headlines or datelines, in page order. */
  readonly dropped: string[];
}

/** A headline longer than this is a paragraph. */
const MAX_HEADLINE_CHARS = 200;
/** A one-word line ("Search", "الرئيسية") is never taken for a headline. */
const MIN_HEADLINE_WORDS = 2;
/** The headline's repeat is looked for among this many following non-empty lines. */
const TITLE_REPEAT_WINDOW = 3;
/** A title made from the first sentence is cut to at most this many characters, ellipsis included. */
const MAX_SENTENCE_TITLE_CHARS = 120;
/** Ellipsis appended to a title cut short. */
const CUT_MARK = '…';
/** A short line ending in ":" is a credit ("خاص : ترجمة – لميس السيد :"), not a headline. */
const MAX_CREDIT_LINE_CHARS = 80;

/**
 * Credit and byline lines. They are kept in the body (they attribute the article) but are never
 * taken for the headline and do not end the page header.
 */
const BYLINE_PATTERNS: readonly RegExp[] = [
  // "بقلم: …", "كتب: …", "إعداد: … – تحرير: …", "ترجمة – …", "خاص : …".
  /^(?:بقلم|كتب|كتبت|إعداد|اعداد|تحرير|ترجمة|تقرير|خاص|المصدر)\s*[:\-–—]/u,
  // "by …" credits in Latin script.
  /^by\s/iu,
];

/** Horizontal whitespace, including no-break and typographic spaces, collapsed to one space. */
const SPACE_RUN = /[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/gu;
/** A line ending in one period (not an ellipsis) is a sentence, not a headline. */
const ENDS_WITH_PERIOD = /(?<!\.)\.$/u;
/** End of the first sentence: terminal marks followed by a space or the end. */
const SENTENCE_END = /[.!?؟]+(?=\s|$)/u;
/** Punctuation stripped from the end of a title before the ellipsis. */
const TITLE_TAIL = /[\s.،,:;؛\-–—]+$/u;

interface Line {
  readonly text: string;
  /** The raw line after this one is blank (or this is the last line). */
  readonly blankAfter: boolean;
}

/** Splits raw text into trimmed, space-collapsed non-empty lines, remembering blank-line breaks. */
function splitLines(raw: string): Line[] {
  const rawLines = raw
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(SPACE_RUN, ' ').trim());
  const lines: Line[] = [];
  rawLines.forEach((text, i) => {
    if (text === '') return;
    const next = rawLines[i + 1];
    lines.push({ text, blankAfter: next === undefined || next === '' });
  });
  return lines;
}

function isByline(text: string): boolean {
  if (BYLINE_PATTERNS.some((p) => p.test(text))) return true;
  return text.length <= MAX_CREDIT_LINE_CHARS && /[:：]$/u.test(text);
}

function isHeadline(lines: readonly Line[], i: number): boolean {
  const line = lines[i];
  if (line === undefined) return false;
  const text = line.text;
  if (text.length > MAX_HEADLINE_CHARS || text.split(' ').length < MIN_HEADLINE_WORDS) return false;
  if (ENDS_WITH_PERIOD.test(text) || isByline(text) || readDateLine(text) !== null) return false;
  const k = chromeKey(text);
  const repeated = lines.slice(i + 1, i + 1 + TITLE_REPEAT_WINDOW).some((l) => chromeKey(l.text) === k);
  const next = lines[i + 1];
  const dateFollows = next !== undefined && readDateLine(next.text) !== null;
  return repeated || line.blankAfter || dateFollows;
}

/**
 * A paragraph that carries on the one before it opens with a connective (و، ف، كما، أما، إلا، من
 * جهته…); a brief of another story opens on its own (قال…، أعلنت…، a name, a quote).
 */
const CARRIES_ON = /^[«"“(]*(?:و|ف|ثم\s|حتى\s|كما\s|أما\s|إلا\s|الا\s|لكن|بينما|من جه|في المقابل|في الواقع|يذكر|يشار|يأتي|بدوره|بدورها|إلى ذلك|الى ذلك)/u;
/**
 * A brief is a news item's lead: it opens on a reporting verb ("قال …، إن"، "أعلنت …") or dates
 * itself by weekday in its first sentence ("شكر وزير الخارجية …، الإثنين،"). Column paragraphs,
 * list items and answers in an interview rarely do either.
 */
const REPORTING_OPENERS: ReadonlySet<string> = new Set([
  'قال', 'قالت', 'أعلن', 'أعلنت', 'اعلن', 'اعلنت', 'أكد', 'أكدت', 'اكد', 'اكدت', 'كشف', 'كشفت', 'دعا', 'دعت',
  'نفى', 'نفت', 'نشر', 'نشرت', 'ذكر', 'ذكرت', 'أفاد', 'أفادت', 'أوضح', 'أوضحت', 'اعتبر', 'اعتبرت', 'رد', 'ردت',
  'انتقد', 'انتقدت', 'أشاد', 'أشادت', 'طالب', 'طالبت', 'حذر', 'حذرت', 'وصف', 'وصفت', 'وجه', 'وجهت',
]);
const WEEKDAY = /(?:^|[\s،,(])(?:ال)?(?:إثنين|اثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت|أحد|احد)(?=[\s،,.)]|$)/u;
function readsAsBrief(paragraph: string): boolean {
  if (REPORTING_OPENERS.has(paragraph.split(' ')[0] ?? '')) return true;
  const end = SENTENCE_END.exec(paragraph);
  return WEEKDAY.test(end === null ? paragraph : paragraph.slice(0, end.index));
}
/**
 * A wire story's first paragraph opens on its dateline ("دبي، الإمارات العربية المتحدة (CNN) –"). Such a
 * page is a news story, not a column that wanders, so a trailing run off its story is briefs of other
 * stories however each opens (CNN Arabic appends them: "دافع الرئيس الأمريكي…", "أفغانستان واحدة من…").
 */
const WIRE_DATELINE = /^[^\n]{0,80}\(CNN\)\s*[–—-]/u;
/** Verbs whose own first letter is و, opening a brief as قال does ("وجه رئيس الوزراء… نداء"). */
const OPENING_VERBS: ReadonlySet<string> = new Set(['وجه', 'وجهت', 'وصل', 'وصلت', 'وصف', 'وصفت', 'وافق', 'وافقت', 'وقع', 'وقعت', 'وضع', 'وضعت', 'وعد', 'وعدت']);
/** A trailing paragraph sharing at most this share of its terms with the title and lead is off the story. */
const MAX_OFF_STORY_SHARE = 0.15;
/** The title and this many first paragraphs are what the article is about. */
const LEAD_PARAGRAPHS = 2;
/** Fewer trailing off-story paragraphs than this are the article's own ending. */
const MIN_BRIEF_RUN = 2;

/**
 * How many paragraphs at the end are briefs of other stories that some outlets append to an
 * article page: a run of at least MIN_BRIEF_RUN paragraphs, each opening on its own and sharing
 * (almost) no terms with the title and lead, after at least one paragraph past the lead that does
 * (else the whole page may be off its lead, as a column wanders, and nothing is cut).
 */
export function trailingBriefCount(title: string | null, paragraphs: readonly string[], wire = false): number {
  if (paragraphs.length <= LEAD_PARAGRAPHS + MIN_BRIEF_RUN) return 0;
  const about = new Set(defaultAnalyzer.terms([title ?? '', ...paragraphs.slice(0, LEAD_PARAGRAPHS)].join(' ')));
  let k = paragraphs.length - 1;
  for (; k >= LEAD_PARAGRAPHS; k--) {
    const p = paragraphs[k] ?? '';
    if (CARRIES_ON.test(p) && !OPENING_VERBS.has(p.split(' ')[0] ?? '')) break;
    if (!wire && !readsAsBrief(p)) break;
    const terms = new Set(defaultAnalyzer.terms(p));
    const shared = [...terms].filter((t) => about.has(t)).length;
    if (shared > MAX_OFF_STORY_SHARE * terms.size) break;
  }
  const run = paragraphs.length - 1 - k;
  return run >= MIN_BRIEF_RUN && k >= LEAD_PARAGRAPHS ? run : 0;
}

/** A line that may follow a "related news" heading: a short headline or more chrome. */
function isRelatedItem(text: string): boolean {
  return edgeChromeKind(text) !== null || (text.length <= MAX_HEADLINE_CHARS && !ENDS_WITH_PERIOD.test(text));
}

/** The first sentence of a paragraph, cut at a word boundary to MAX_SENTENCE_TITLE_CHARS. */
export function sentenceTitle(paragraph: string): string {
  const end = SENTENCE_END.exec(paragraph);
  let sentence = (end === null ? paragraph : paragraph.slice(0, end.index + end[0].length)).trim();
  if (sentence.endsWith('.') && !sentence.endsWith('..')) sentence = sentence.slice(0, -1);
  if (sentence.length <= MAX_SENTENCE_TITLE_CHARS) return sentence;
  const room = sentence.slice(0, MAX_SENTENCE_TITLE_CHARS - CUT_MARK.length + 1);
  const lastSpace = room.lastIndexOf(' ');
  const cut = lastSpace > 0 ? room.slice(0, lastSpace) : room.slice(0, -1);
  return cut.replace(TITLE_TAIL, '') + CUT_MARK;
}

/**
 * Cleans raw page text: drops site chrome, datelines and repeated headlines from the leading and
 * trailing blocks of the page (and exact known chrome lines anywhere), then returns the headline,
 * the article as blank-line-separated paragraphs, and the dropped lines.
 *
 * The header is read top-down until the first article line; the footer bottom-up until the last
 * one. Phrase-matched chrome (cookie banners, newsletter boxes) is only removed there, so article
 * wording is never lost. A "related news" heading near the end takes the short headline list
 * under it along.
 */
export function cleanPageText(raw: string): CleanedPage {
  const lines = splitLines(raw);
  const drop = new Set<number>();
  let titleIndex = -1;
  let titleKey = '';

  let first = 0;
  for (; first < lines.length; first++) {
    const text = lines[first]?.text ?? '';
    if (edgeChromeKind(text) !== null || readDateLine(text) !== null) drop.add(first);
    else if (titleIndex >= 0 && chromeKey(text) === titleKey) drop.add(first);
    else if (titleIndex < 0 && isHeadline(lines, first)) {
      titleIndex = first;
      titleKey = chromeKey(text);
    } else if (!isByline(text)) break;
  }

  let last = lines.length - 1;
  for (; last > first; last--) {
    const text = lines[last]?.text ?? '';
    if (edgeChromeKind(text) !== null || readDateLine(text) !== null) drop.add(last);
    else break;
  }

  for (let k = first + 1; k <= last; k++) {
    if (exactChromeKind(lines[k]?.text ?? '') !== 'related') continue;
    const tail = lines.slice(k + 1, last + 1);
    if (tail.every((l) => isRelatedItem(l.text))) {
      for (let j = k; j <= last; j++) drop.add(j);
      break;
    }
  }

  lines.forEach((l, i) => {
    if (exactChromeKind(l.text) !== null) drop.add(i);
  });

  const kept = lines.flatMap((_, i) => (i !== titleIndex && !drop.has(i) ? [i] : []));
  const keptText = kept.map((i) => lines[i]?.text ?? '');
  const briefs = trailingBriefCount(lines[titleIndex]?.text ?? null, keptText, WIRE_DATELINE.test(keptText[0] ?? ''));
  for (const i of kept.slice(kept.length - briefs)) drop.add(i);

  const paragraphs = lines.filter((_, i) => i !== titleIndex && !drop.has(i)).map((l) => l.text);
  const dropped = lines.filter((_, i) => drop.has(i)).map((l) => l.text);
  const firstProse = paragraphs.find((p) => !isByline(p));
  const headline = lines[titleIndex]?.text;
  if (headline !== undefined) return { title: headline, titleSource: 'headline', body: paragraphs.join('\n\n'), dropped };
  const title = firstProse === undefined ? null : sentenceTitle(firstProse);
  return { title, titleSource: 'first_sentence', body: paragraphs.join('\n\n'), dropped };
}
