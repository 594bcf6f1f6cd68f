/** Renders a digest as Discord messages with one embed per governorate, split between items to fit Discord's limits. */
import type { Digest, DigestGroup, DigestItem } from '../../digests/digest.js';
import {
  CONTINUED,
  ELLIPSIS,
  GROUP_MARK,
  HEADER_MARK,
  ITEM_MARK,
  META_MARK,
  alsoReportedLine,
  cutWords,
  emptyDigestText,
  fitItem,
  groupName,
  headerLines,
  httpUrl,
  itemTitle,
  isEmptyDigest,
  metaText,
  omittedText,
  sourceName,
  type ItemCut,
  type DateContext,
} from '../../digests/render/digest-wording.js';

/*
 * Discord's limits (discord.com/developers/docs/resources/message#embed-object-embed-limits and
 * …/message#create-message). Discord counts characters; we count UTF-16 code units (`.length`), which is never
 * fewer, so we stay inside whatever it counts.
 */
/** Discord: a message's `content` is at most 2000 characters. */
export const DISCORD_MAX_CONTENT = 2000;
/** Discord: an embed title is at most 256 characters. */
export const DISCORD_MAX_EMBED_TITLE = 256;
/** Discord: an embed description is at most 4096 characters. */
export const DISCORD_MAX_EMBED_DESCRIPTION = 4096;
/** Discord: a field value is at most 1024 characters; too small for a story with its links, so items go in descriptions. */
export const DISCORD_MAX_FIELD_VALUE = 1024;
/** Discord: an embed footer text is at most 2048 characters. */
export const DISCORD_MAX_FOOTER = 2048;
/** Discord: a message carries at most 10 embeds. */
export const DISCORD_MAX_EMBEDS = 10;
/** Discord: titles, descriptions, field names and values, footers and author names of all a message's embeds total at most 6000 characters. */
export const DISCORD_MAX_EMBED_TOTAL = 6000;

/** An embed, shaped like Discord's API payload. */
export interface DiscordEmbed {
  title?: string;
  url?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  /** A picture shown in the embed: `attachment://<name>` for a file sent with the message. */
  image?: { url: string };
}

/**
 * A message, shaped like Discord's create-message payload. Data (titles, outlets) is only ever in embeds, where
 * Discord never pings mentions; the header in `content` is our own wording.
 */
export interface DiscordMessage {
  content?: string;
  embeds?: DiscordEmbed[];
}

/** One blank line between items of a description. */
const ITEM_SEPARATOR = '\n\n';

/**
 * Data made inert for Discord markdown: a backslash before every character that could start formatting, a link,
 * a spoiler, a quote, a heading, a mention or a timestamp, and before a leading list marker ("-", "+", "1.").
 */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\\*_~`|>#<[\]()]/g, '\\$&')
    .replace(/^[-+]/, '\\$&')
    .replace(/^(\d+)\./, '$1\\.');
}

/** Characters that would end or break the `(url)` of a markdown link, percent-encoded (whitespace already is). */
const URL_BREAKERS: Readonly<Record<string, string>> = { '(': '%28', ')': '%29', '<': '%3C', '>': '%3E', '\\': '%5C' };

/** A URL safe inside `[text](url)`: parentheses (and `<`, `>`, `\`) percent-encoded so a `)` cannot end the link early. */
export function markdownUrl(url: string | null): string | null {
  const u = httpUrl(url);
  return u && u.replace(/[()<>\\]/g, (c) => URL_BREAKERS[c] ?? c);
}

/**
 * A masked link `[text](url)` from raw text, or the escaped text alone when the URL cannot be linked. Square
 * brackets in the text become parentheses: an unbalanced one, even escaped, would stop the link from parsing.
 */
export function link(text: string, url: string | null): string {
  const u = markdownUrl(url);
  return u ? `[${escapeMarkdown(text.replace(/\[/g, '(').replace(/\]/g, ')'))}](${u})` : escapeMarkdown(text);
}

/** `s` cut to `max` UTF-16 units (at a code point, with "…") — only for names longer than any real one. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const points = Array.from(s);
  let out = '';
  for (const p of points) {
    if (out.length + p.length + ELLIPSIS.length > max) break;
    out += p;
  }
  return out + ELLIPSIS;
}

function embedTitle(group: DigestGroup, continued: boolean): string {
  return clip(`${GROUP_MARK} ${escapeMarkdown(groupName(group))}${continued ? CONTINUED : ''}`, DISCORD_MAX_EMBED_TITLE);
}

function renderItem(item: DigestItem, at: DateContext, cut: ItemCut): string {
  const lines = [`${ITEM_MARK} **${link(itemTitle(item, cut.titleWords), item.url)}**`];
  const summary = cutWords(item.summary, cut.summaryWords);
  if (summary) lines.push(escapeMarkdown(summary));
  if (cut.meta !== false) lines.push(`*${META_MARK} ${escapeMarkdown(metaText(item, at))}*`);
  if (item.alsoReportedBy.length) {
    const kept = item.alsoReportedBy.slice(0, cut.sources ?? item.alsoReportedBy.length);
    const links = kept.map((s) => link(sourceName(s), s.url));
    lines.push(alsoReportedLine(links, kept.length < item.alsoReportedBy.length));
  }
  return lines.join('\n');
}

/** The characters of an embed that count toward DISCORD_MAX_EMBED_TOTAL. */
export function embedLength(e: DiscordEmbed): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0);
}

/**
 * The digest as Discord messages: the header in the first message's `content`, then one embed per governorate
 * whose description lists its items. Descriptions fill greedily and break only between items; a group that
 * overflows its embed (or the message's 6000 characters or 10 embeds) continues in a new embed titled «(تابع)»,
 * in the next message when this one is full. An item too long for an embed of its own is shortened at word
 * boundaries (fitItem). The closing line about omitted stories is the last embed's footer. An empty digest is
 * one message with one line of content.
 */
export function renderDiscord(digest: Digest): DiscordMessage[] {
  if (isEmptyDigest(digest)) return [{ content: emptyDigestText(digest) }];
  const tz = digest.timezone;
  const at: DateContext = { timeZone: tz, asOf: digest.period.to };
  const h = headerLines(digest);
  const messages: DiscordMessage[] = [];
  let content: string | null = clip(`${HEADER_MARK} **${h.title}**\n${h.period}\n${h.counts}`, DISCORD_MAX_CONTENT);
  let embeds: DiscordEmbed[] = [];
  let used = 0;
  let open: { title: string; description: string } | null = null;

  const closeEmbed = () => {
    if (!open) return;
    embeds.push({ title: open.title, description: open.description });
    used += open.title.length + open.description.length;
    open = null;
  };
  const flushMessage = () => {
    closeEmbed();
    if (content !== null || embeds.length) {
      messages.push({ ...(content === null ? {} : { content }), ...(embeds.length ? { embeds } : {}) });
    }
    content = null;
    embeds = [];
    used = 0;
  };
  const canOpen = (title: string, text: string) =>
    embeds.length < DISCORD_MAX_EMBEDS &&
    text.length <= DISCORD_MAX_EMBED_DESCRIPTION &&
    used + title.length + text.length <= DISCORD_MAX_EMBED_TOTAL;

  for (const group of digest.groups) {
    closeEmbed();
    group.items.forEach((item, i) => {
      const whole = renderItem(item, at, {});
      if (open) {
        const description: string = open.description + ITEM_SEPARATOR + whole;
        const total = used + open.title.length + description.length;
        if (description.length <= DISCORD_MAX_EMBED_DESCRIPTION && total <= DISCORD_MAX_EMBED_TOTAL) {
          open.description = description;
          return;
        }
        closeEmbed();
      }
      const title = embedTitle(group, i > 0);
      if (!canOpen(title, whole) && embeds.length > 0) flushMessage();
      const text = canOpen(title, whole) ? whole : fitItem(item, (cut) => renderItem(item, at, cut), (t) => canOpen(title, t));
      open = { title, description: text };
    });
  }
  closeEmbed();
  if (digest.omitted > 0) {
    const footer = clip(omittedText(digest.omitted), DISCORD_MAX_FOOTER);
    const last = embeds[embeds.length - 1];
    if (last && used + footer.length <= DISCORD_MAX_EMBED_TOTAL) {
      last.footer = { text: footer };
      used += footer.length;
    } else {
      flushMessage();
      content = footer;
    }
  }
  flushMessage();
  return messages;
}
