/** Renders a search answer as a Discord message: one embed per result (title linked, snippet, meta), within Discord's limits. */
import { nothingToSearch, RESULT_WORDS, resultsRange, undatedLine } from '../chat/chat-wording.js';
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
  const date = item.publishedAt ? item.publishedAt.slice(0, 10) : RESULT_WORDS.dateUnknown[lang];
  const outlet = item.source ?? RESULT_WORDS.outletUnknown[lang];
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
  if (i.places.length) parts.push(`${RESULT_WORDS.places[a.lang]}: ${names(i.places, a.lang)}`);
  if (i.events.length) parts.push(`${RESULT_WORDS.events[a.lang]}: ${names(i.events, a.lang)}`);
  if (i.actors.length) parts.push(`${RESULT_WORDS.actors[a.lang]}: ${names(i.actors, a.lang)}`);
  if (i.since || i.until) parts.push(`${RESULT_WORDS.dates[a.lang]}: ${i.since ?? '…'} → ${i.until ?? '…'}`);
  const lines = heading === 'latest' ? [`**${RESULT_WORDS.latest[a.lang]}**`] : parts.length ? [`🔎 ${escapeMarkdown(parts.join(' · '))}`] : [];
  for (const s of i.suggestions) lines.push(ar ? `هل تقصد ${escapeMarkdown(s.places.join('، '))}؟` : `Did you mean ${escapeMarkdown(s.places.join(', '))} for "${escapeMarkdown(s.word)}"?`);
  if (a.total === 0) {
    if (lines.length === 0) lines.push(nothingToSearch(a.lang, (s) => `*${s}*`));
    else lines.push(RESULT_WORDS.noReports[a.lang]);
    if (a.undated > 0) lines.push(undatedLine(a.undated, a.lang));
    return { content: fit(lines.join('\n'), DISCORD_LIMITS.content), embeds: [] };
  }
  lines.push(resultsRange(a.offset + 1, a.offset + a.items.length, a.total, a.lang));
  if (a.relaxed) lines.push(RESULT_WORDS.relaxed[a.lang]);
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
