/** Renders a search answer as Telegram HTML messages (at most 4096 characters each, split between results). */
import { nothingToSearch, RESULT_WORDS, resultsRange, undatedLine } from '../chat/chat-wording.js';
import { escapeHtml } from './render-telegram-digest.js';
import type { Snippet } from '../../src/search/make-snippet.js';
import type { AnswerItem, Labeled, SearchAnswer } from '../../src/search/search-answer.js';

/** Telegram's limit on one message's text (Bot API, sendMessage). The HTML is never shorter than the parsed text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

const escapeAttr = (s: string) => escapeHtml(s).replace(/"/g, '&quot;');

/** The snippet with its highlights in bold; every piece escaped separately, so no tag is ever cut. */
export function snippetHtml(snippet: Snippet): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += `${escapeHtml(snippet.text.slice(at, start))}<b>${escapeHtml(snippet.text.slice(start, end))}</b>`;
    at = end;
  }
  return out + escapeHtml(snippet.text.slice(at));
}

const name = (l: Labeled, lang: 'ar' | 'en') => escapeHtml(lang === 'ar' ? l.ar : l.en);
const list = (items: readonly Labeled[], lang: 'ar' | 'en') => items.map((l) => name(l, lang)).join(lang === 'ar' ? '، ' : ', ');

function itemHtml(item: AnswerItem, n: number, lang: 'ar' | 'en'): string {
  const title = `<b>${escapeHtml(item.title)}</b>`;
  const heading = item.url && /^https?:\/\//i.test(item.url) ? `<a href="${escapeAttr(item.url)}">${title}</a>` : title;
  const date = item.publishedAt ? item.publishedAt.slice(0, 10) : RESULT_WORDS.dateUnknown[lang];
  const outlet = item.source ?? RESULT_WORDS.outletUnknown[lang];
  const facets = [...item.places, ...item.events].map((l) => name(l, lang)).join(lang === 'ar' ? '، ' : ', ');
  // The meta line opens with the outlet (Arabic or a name), never with the date, so it keeps its direction.
  const meta = `<i>${escapeHtml(outlet)} · ${date}${facets ? ` · ${facets}` : ''}</i>`;
  return `${n}. ${heading}\n${meta}\n${snippetHtml(item.snippet)}`;
}

function headerHtml(a: SearchAnswer): string[] {
  const ar = a.lang === 'ar';
  const i = a.interpretation;
  const parts: string[] = [];
  if (i.places.length) parts.push(`${RESULT_WORDS.places[a.lang]}: ${list(i.places, a.lang)}`);
  if (i.events.length) parts.push(`${RESULT_WORDS.events[a.lang]}: ${list(i.events, a.lang)}`);
  if (i.actors.length) parts.push(`${RESULT_WORDS.actors[a.lang]}: ${list(i.actors, a.lang)}`);
  if (i.since || i.until) parts.push(`${RESULT_WORDS.dates[a.lang]}: ${i.since ?? '…'} → ${i.until ?? '…'}`);
  const lines = parts.length ? [`🔎 ${parts.join(' · ')}`] : [];
  for (const s of i.suggestions) {
    lines.push(ar ? `هل تقصد ${escapeHtml(s.places.join('، '))}؟ (بدل ${escapeHtml(s.word)})` : `Did you mean ${escapeHtml(s.places.join(', '))} for "${escapeHtml(s.word)}"?`);
  }
  if (i.ignored.length && !ar) lines.push(`<i>Ignored: ${escapeHtml(i.ignored.join(', '))}</i>`);
  return lines;
}

/**
 * The answer as one or more HTML messages: a header, then the results, whole; a new message starts
 * when the next result would pass the limit. An empty answer says why and what to try.
 */
export function renderTelegramAnswer(a: SearchAnswer, heading?: 'latest'): string[] {
  const ar = a.lang === 'ar';
  const head = heading === 'latest' ? [`<b>${RESULT_WORDS.latest[a.lang]}</b>`] : headerHtml(a);
  if (a.total === 0) {
    const lines = [...head];
    if (heading !== 'latest' && head.length === 0) lines.push(nothingToSearch(a.lang, (s) => `<i>${s}</i>`));
    else lines.push(RESULT_WORDS.noReports[a.lang]);
    if (a.undated > 0) lines.push(undatedLine(a.undated, a.lang));
    return [lines.join('\n')];
  }
  const from = a.offset + 1;
  const to = a.offset + a.items.length;
  head.push(resultsRange(from, to, a.total, a.lang));
  if (a.relaxed) head.push(RESULT_WORDS.relaxed[a.lang]);
  const messages: string[] = [];
  let current = head.join('\n');
  a.items.forEach((item, k) => {
    const block = itemHtml(item, a.offset + k + 1, a.lang);
    if (current.length + 2 + block.length > TELEGRAM_MESSAGE_LIMIT) {
      messages.push(current);
      current = block;
    } else current += `\n\n${block}`;
  });
  messages.push(current);
  return messages;
}
