/** Renders a search answer as a Discord message: one embed per result (title linked, snippet, meta), within Discord's limits. */
import { escapeMarkdown } from './render-discord-digest.js';
import type { Snippet } from '../../src/search/make-snippet.js';
import type { AnswerItem, Labeled, SearchAnswer } from '../../src/search/search-answer.js';

/** Discord limits (API reference, "Embed Limits" and "Create Message"). */
export const DISCORD_LIMITS = { content: 2000, title: 256, description: 4096, footer: 2048, embeds: 10, total: 6000 } as const;

export interface DiscordAnswer {
  readonly content: string;
  readonly embeds: { title: string; url?: string; description: string; footer: { text: string } }[];
}

/** Cuts at a word boundary to fit `max` characters, ending with "…". */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/** The snippet in Discord markdown, matches in bold; every piece escaped separately so no mark is ever cut. */
export function snippetMarkdown(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += `${escapeMarkdown(snippet.text.slice(at, start))}**${escapeMarkdown(snippet.text.slice(start, end))}**`;
    at = end;
  }
  return out + escapeMarkdown(snippet.text.slice(at));
}

const names = (items: readonly Labeled[], lang: 'ar' | 'en') => items.map((l) => (lang === 'ar' ? l.ar : l.en)).join(lang === 'ar' ? '، ' : ', ');

function embedOf(item: AnswerItem, n: number, lang: 'ar' | 'en') {
  const date = item.publishedAt ? item.publishedAt.slice(0, 10) : lang === 'ar' ? 'تاريخ غير معروف' : 'date unknown';
  const outlet = item.source ?? (lang === 'ar' ? 'مصدر غير معروف' : 'outlet unknown');
  const facets = names([...item.places, ...item.events], lang);
  return {
    title: fit(`${n}. ${item.title}`, DISCORD_LIMITS.title),
    ...(item.url && /^https?:\/\//i.test(item.url) ? { url: item.url } : {}),
    description: fit(snippetMarkdown(item.snippet), 1000),
    footer: { text: fit(`${outlet} · ${date}${facets ? ` · ${facets}` : ''}`, 300) },
  };
}

const size = (e: { title: string; description: string; footer: { text: string } }) => e.title.length + e.description.length + e.footer.text.length;

/** The answer: a content line (what was understood, the counts) and up to 10 result embeds within 6000 characters. */
export function renderDiscordAnswer(a: SearchAnswer, heading?: 'latest'): DiscordAnswer {
  const ar = a.lang === 'ar';
  const i = a.interpretation;
  const parts: string[] = [];
  if (i.places.length) parts.push(`${ar ? 'المكان' : 'places'}: ${names(i.places, a.lang)}`);
  if (i.events.length) parts.push(`${ar ? 'الحدث' : 'events'}: ${names(i.events, a.lang)}`);
  if (i.actors.length) parts.push(`${ar ? 'الجهة' : 'actors'}: ${names(i.actors, a.lang)}`);
  if (i.since || i.until) parts.push(`${ar ? 'الفترة' : 'dates'}: ${i.since ?? '…'} → ${i.until ?? '…'}`);
  const lines = heading === 'latest' ? [ar ? '**أحدث التقارير**' : '**Latest reports**'] : parts.length ? [`🔎 ${escapeMarkdown(parts.join(' · '))}`] : [];
  for (const s of i.suggestions) lines.push(ar ? `هل تقصد ${escapeMarkdown(s.places.join('، '))}؟` : `Did you mean ${escapeMarkdown(s.places.join(', '))} for "${escapeMarkdown(s.word)}"?`);
  if (a.total === 0) {
    if (lines.length === 0) lines.push(ar ? 'لم أفهم البحث. جرّب مكاناً وحدثاً، مثل: هجمات في الرقة' : 'Nothing to search for. Try a place and an event, e.g. *attacks in Raqqa* or *هجمات في الرقة*.');
    else lines.push(ar ? 'لا توجد تقارير مطابقة.' : 'No reports match.');
    if (a.undated > 0) lines.push(ar ? `${a.undated} تقرير بلا تاريخ نشر معروف يطابق بقية البحث.` : `${a.undated} report(s) of unknown date match the rest; drop the date to see them.`);
    return { content: fit(lines.join('\n'), DISCORD_LIMITS.content), embeds: [] };
  }
  lines.push(ar ? `النتائج ${a.offset + 1}–${a.offset + a.items.length} من ${a.total}` : `Results ${a.offset + 1}–${a.offset + a.items.length} of ${a.total}`);
  if (a.relaxed) lines.push(ar ? 'لا تقرير يطابق كل الشروط؛ هذه تقارير تطابق بعضها.' : 'No report matches every part; these match some of it.');
  const embeds: DiscordAnswer['embeds'] = [];
  let total = 0;
  for (const [k, item] of a.items.entries()) {
    const e = embedOf(item, a.offset + k + 1, a.lang);
    if (embeds.length >= DISCORD_LIMITS.embeds || total + size(e) > DISCORD_LIMITS.total) break;
    embeds.push(e);
    total += size(e);
  }
  return { content: fit(lines.join('\n'), DISCORD_LIMITS.content), embeds };
}
