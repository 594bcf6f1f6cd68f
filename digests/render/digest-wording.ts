/** The Arabic wording every digest renderer shares (header, meta line, closing lines) and how to shorten an item to fit. */
import type { Digest, DigestGroup, DigestItem, DigestSource } from '../digest.js';
import { arabicCount, EVENT, GOVERNORATE, KIND, REPORT, STORY } from './arabic-counts.js';
import { arabicDay, arabicPeriod, wallTime } from './arabic-dates.js';

/*
 * Right-to-left. Telegram's clients (and terminals that do bidi) choose a paragraph's direction from its first
 * strong character; Discord, we assume, lays lines out left-to-right. Bidi control characters (RLM, RLE…) are not
 * honoured the same way across those clients and survive copy-paste as invisible junk, so none is used. Instead:
 *  1. Every line the renderers write starts with an Arabic word (after at most a neutral emoji), so clients that
 *     detect direction make it right-to-left. Data lines (a title, a summary) start with the data itself: one that
 *     begins with a Latin word or a number may still show left-to-right, a rare case left as it is.
 *  2. Every number the renderers write follows an Arabic word in the same phrase ("نُشر في 4 آذار", "قتلى: 10",
 *     "الحصيلة: 12 تقريراً"), so the bidi algorithm makes it an Arabic number inside the Arabic run: the phrase keeps
 *     its order even on a left-to-right line, next to a Latin outlet name.
 *  3. Meta fields are separated by " · " and each is self-contained, so the worst a Latin outlet name can do on a
 *     left-to-right client is swap two fields, never take a number away from its label.
 *  4. URLs are never shown inside Arabic text: Telegram and Discord hide them in links; plain text puts each URL
 *     alone on its own line (a left-to-right paragraph of its own).
 * tests/digests/render/rtl.test.ts checks 1 and 2 on every renderer's output.
 */

/** Marks the digest's title. */
export const HEADER_MARK = '📰';
/** Marks a governorate heading. */
export const GROUP_MARK = '📍';
/** Marks a story's title line. */
export const ITEM_MARK = '▪️';
/** Marks the date / outlet / events line. */
export const META_MARK = '🕒';
/** Marks the other outlets' links. */
export const ALSO_MARK = '🔁';
/** Separates the fields of the meta line; neutral in bidi, so it takes the line's direction. */
export const META_SEPARATOR = ' · ';
/** Separates items of an Arabic list (the Arabic comma). */
export const LIST_SEPARATOR = '، ';
/** Appended to a group heading repeated in the next message or embed. */
export const CONTINUED = ' (تابع)';
/** Ends a shortened title or summary. */
export const ELLIPSIS = '…';
/** Says the list of other outlets was shortened. */
export const AND_OTHERS = 'وغيرها';
/** Introduces the other outlets that told the story. */
export const ALSO_REPORTED = 'أوردته أيضاً:';
/** The group of reports with no governorate. */
export const OTHER_PLACES = 'مناطق أخرى';
/** The title of a report without one (a link needs text). */
export const UNTITLED = 'بلا عنوان';
/** The outlet of a report whose outlet is unknown. */
export const UNKNOWN_OUTLET = 'مصدر غير معروف';

/** Data as one line: runs of whitespace (newlines included) become one space, so data can never start a line of its own. */
export function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The URL if it can be linked (http or https), with whitespace percent-encoded; null otherwise. */
export function httpUrl(url: string | null): string | null {
  if (url === null) return null;
  const u = url.trim().replace(/\s/g, (c) => encodeURIComponent(c));
  if (!/^https?:\/\//i.test(u) || !URL.canParse(u)) return null;
  return u;
}

/** The lines that open a digest: title (without its mark, to be bolded), period and counts. No data in them. */
export function headerLines(digest: Digest): { title: string; period: string; counts: string } {
  const c = digest.counts;
  let counts = arabicCount(c.reports, REPORT);
  if (c.stories !== c.reports) counts += ` عن ${arabicCount(c.stories, STORY, 'genitive')}`;
  if (c.governorates > 0) counts += ` من ${arabicCount(c.governorates, GOVERNORATE, 'genitive')}`;
  if (c.events > 0) counts += `${LIST_SEPARATOR}و${arabicCount(c.events, EVENT)}`;
  const toll: string[] = [];
  if (c.killed > 0) toll.push(`قتلى: ${c.killed}`);
  if (c.wounded > 0) toll.push(`جرحى: ${c.wounded}`);
  if (toll.length > 0) counts += `${META_SEPARATOR}${toll.join(LIST_SEPARATOR)}`;
  return {
    title: 'موجز راصد',
    period: `🗓 ${arabicPeriod(digest.period, digest.timezone)}`,
    counts: `📊 الحصيلة: ${counts}`,
  };
}

/** The governorate's Arabic name, or «مناطق أخرى». Raw (unescaped). */
export function groupName(group: DigestGroup): string {
  return group.governorate ? clean(group.governorate.ar) : OTHER_PLACES;
}

/** How dates are shown: on the clock of `timeZone`, with the year when it is not the year of `asOf` (the digest's end). */
export interface DateContext {
  readonly timeZone: string;
  readonly asOf: string;
}

/** Date, outlet, event labels and casualties, e.g. "نُشر في 4 آذار · عنب بلدي · تفجير، هجوم · قتلى: 10، جرحى: 3". Raw. */
export function metaText(item: DigestItem, at: DateContext): string {
  const pastYear = item.publishedAt !== null && wallTime(item.publishedAt, at.timeZone)?.year !== wallTime(at.asOf, at.timeZone)?.year;
  const day = item.publishedAt === null ? null : arabicDay(item.publishedAt, at.timeZone, pastYear);
  const fields = [day ? `نُشر في ${day}` : 'تاريخ النشر غير معروف', item.outlet ? clean(item.outlet) : UNKNOWN_OUTLET];
  if (item.events.length) fields.push(item.events.map((e) => clean(e.ar)).join(LIST_SEPARATOR));
  const toll: string[] = [];
  if (item.casualties?.killed != null) toll.push(`قتلى: ${item.casualties.killed}`);
  if (item.casualties?.wounded != null) toll.push(`جرحى: ${item.casualties.wounded}`);
  if (toll.length) fields.push(toll.join(LIST_SEPARATOR));
  return fields.join(META_SEPARATOR);
}

/** What to call another outlet's telling: its outlet name, else its title. Raw. */
export function sourceName(source: DigestSource): string {
  return clean(source.outlet ?? '') || clean(source.title) || UNTITLED;
}

/** The item's title, its first `words` words when cut. Raw. */
export function itemTitle(item: DigestItem, words?: number): string {
  return cutWords(item.title, words) || UNTITLED;
}

/**
 * The line listing the other outlets, from their already marked-up `links`; `shortened` when some were left out
 * to fit ("…، وغيرها", or with none left "أوردته مصادر أخرى أيضاً").
 */
export function alsoReportedLine(links: readonly string[], shortened: boolean): string {
  if (links.length === 0) return `${ALSO_MARK} أوردته مصادر أخرى أيضاً.`;
  return `${ALSO_MARK} ${ALSO_REPORTED} ${[...links, ...(shortened ? [AND_OTHERS] : [])].join(LIST_SEPARATOR)}`;
}

/** The closing line when the item cap left stories out. */
export function omittedText(omitted: number): string {
  const stories = arabicCount(omitted, STORY, 'genitive');
  // "لـ" before digits ("لـ3 أخبار"), the bare letter before a word ("لخبر واحد").
  return `➖ لم يتسع الموجز ${/^\d/.test(stories) ? 'لـ' : 'ل'}${stories} أقل أهمية.`;
}

/** Whether there is nothing to show: no group has an item. */
export function isEmptyDigest(digest: Digest): boolean {
  return digest.groups.every((g) => g.items.length === 0);
}

/** The one line an empty digest renders to (the caller decides whether to send it). */
export function emptyDigestText(digest: Digest): string {
  return digest.period.from === null ? 'لا تقارير جديدة حتى الآن.' : 'لا تقارير جديدة منذ الموجز السابق.';
}

/** How much of an item to keep when it alone is too long for a message; undefined keeps everything. */
export interface ItemCut {
  /** Words of the summary kept, then "…". */
  readonly summaryWords?: number;
  /** Other outlets kept, then «وغيرها». */
  readonly sources?: number;
  /** Words of the title kept, then "…". */
  readonly titleWords?: number;
  /** False drops the meta line. */
  readonly meta?: boolean;
}

/** The first `words` words of `text` (whitespace-cleaned), with "…" when some were cut. */
export function cutWords(text: string, words: number | undefined): string {
  const all = clean(text);
  if (words === undefined) return all;
  const kept = all.split(' ').slice(0, words);
  return kept.length === all.split(' ').length ? all : kept.join(' ') + ELLIPSIS;
}

/** The largest n in [0, max) with ok(n), assuming ok is monotone (true then false); -1 when none. */
function largest(max: number, ok: (n: number) => boolean): number {
  let lo = -1;
  let hi = max;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The item rendered whole if it fits; otherwise shortened, always at word boundaries of the raw text (so markup
 * stays balanced): first the summary, then the list of other outlets, then the title, and last the meta line.
 * Only a pathological item (a summary of thousands of characters) is ever cut.
 * Returns the shortest form even if that still does not fit (only a name of thousands of characters could do that).
 */
export function fitItem(item: DigestItem, render: (cut: ItemCut) => string, fits: (text: string) => boolean): string {
  const whole = render({});
  if (fits(whole)) return whole;
  const summaryWords = clean(item.summary).split(' ').length;
  const s = largest(summaryWords, (n) => fits(render({ summaryWords: n })));
  if (s >= 0) return render({ summaryWords: s });
  const base = { summaryWords: 0 };
  const k = largest(item.alsoReportedBy.length, (n) => fits(render({ ...base, sources: n })));
  if (k >= 0) return render({ ...base, sources: k });
  const bare = { ...base, sources: 0 };
  const t = largest(clean(item.title).split(' ').length, (n) => fits(render({ ...bare, titleWords: n })));
  if (t >= 0) return render({ ...bare, titleWords: t });
  const w = largest(clean(item.title).split(' ').length + 1, (n) => fits(render({ ...bare, titleWords: n, meta: false })));
  return render({ ...bare, titleWords: Math.max(w, 0), meta: false });
}
