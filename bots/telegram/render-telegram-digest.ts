/** Renders a digest as Telegram messages in HTML parse mode, split between items to fit Telegram's limits. */
import type { Digest, DigestGroup, DigestItem } from '../../digests/digest.js';
import {
  CONTINUED,
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

/**
 * Telegram's limit on a message: 4096 characters, counted as UTF-16 code units of the text after entity parsing
 * (Bot API, sendMessage `text`). We measure the HTML string itself: parsing only removes tags and turns entities
 * like `&amp;` into one character, so the HTML is never shorter than what Telegram counts.
 */
export const TELEGRAM_MAX_MESSAGE = 4096;

/**
 * Telegram applies at most 100 formatting entities (bold, italic, links…) per message and silently drops the rest
 * (tdlib/telegram-bot-api#820, rubenlagus/TelegramBots#854); each opening tag we write is one entity.
 */
export const TELEGRAM_MAX_ENTITIES = 100;

/** One blank line between blocks (header, heading, item, closing line). */
const BLOCK_SEPARATOR = '\n\n';

/** The opening tags we write, each one Telegram entity. */
const ENTITY_TAG = /<(?:b|i|a|blockquote)[\s>]/g;

/** Text for Telegram HTML: `&`, `<` and `>` as entities (quotes need no escaping outside attributes). */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A value for a double-quoted attribute: also `"`. */
function escapeAttr(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}

export function link(textHtml: string, url: string | null): string {
  const href = httpUrl(url);
  return href ? `<a href="${escapeAttr(href)}">${textHtml}</a>` : textHtml;
}

const countEntities = (html: string) => html.match(ENTITY_TAG)?.length ?? 0;

function heading(group: DigestGroup, continued: boolean): string {
  return `${GROUP_MARK} <b>${escapeHtml(groupName(group))}${continued ? CONTINUED : ''}</b>`;
}

function renderItem(item: DigestItem, at: DateContext, cut: ItemCut): string {
  const lines = [`${ITEM_MARK} <b>${link(escapeHtml(itemTitle(item, cut.titleWords)), item.url)}</b>`];
  const summary = cutWords(item.summary, cut.summaryWords);
  if (summary) lines.push(escapeHtml(summary));
  if (cut.meta !== false) lines.push(`<i>${META_MARK} ${escapeHtml(metaText(item, at))}</i>`);
  if (item.alsoReportedBy.length) {
    const kept = item.alsoReportedBy.slice(0, cut.sources ?? item.alsoReportedBy.length);
    const links = kept.map((s) => link(escapeHtml(sourceName(s)), s.url));
    lines.push(alsoReportedLine(links, kept.length < item.alsoReportedBy.length));
  }
  return lines.join('\n');
}

/**
 * The digest as Telegram HTML messages, each valid on its own, at most TELEGRAM_MAX_MESSAGE long and with at most
 * TELEGRAM_MAX_ENTITIES entities. Messages are filled greedily and split only between items; a group heading comes
 * with its first item, and is repeated with «(تابع)» when its group continues in the next message. An item too long
 * for a message of its own is shortened at word boundaries (fitItem). An empty digest is one line.
 * Send with parse_mode "HTML" and link previews disabled (every item links, and one preview would be arbitrary).
 */
export function renderTelegram(digest: Digest): string[] {
  if (isEmptyDigest(digest)) return [escapeHtml(emptyDigestText(digest))];
  const tz = digest.timezone;
  const at: DateContext = { timeZone: tz, asOf: digest.period.to };
  const messages: string[] = [];
  let blocks: string[] = [];
  let chars = 0;
  let entities = 0;
  const fits = (...add: string[]) => {
    let len = chars;
    let ent = entities;
    let n = blocks.length;
    for (const b of add) {
      len += (n++ ? BLOCK_SEPARATOR.length : 0) + b.length;
      ent += countEntities(b);
    }
    return len <= TELEGRAM_MAX_MESSAGE && ent <= TELEGRAM_MAX_ENTITIES;
  };
  const push = (...add: string[]) => {
    for (const b of add) {
      chars += (blocks.length ? BLOCK_SEPARATOR.length : 0) + b.length;
      entities += countEntities(b);
      blocks.push(b);
    }
  };
  const flush = () => {
    if (blocks.length) messages.push(blocks.join(BLOCK_SEPARATOR));
    blocks = [];
    chars = 0;
    entities = 0;
  };

  const h = headerLines(digest);
  push([`${HEADER_MARK} <b>${escapeHtml(h.title)}</b>`, escapeHtml(h.period), escapeHtml(h.counts)].join('\n'));
  for (const group of digest.groups) {
    group.items.forEach((item, i) => {
      const lead = i === 0 ? [heading(group, false)] : [];
      const whole = renderItem(item, at, {});
      if (fits(...lead, whole)) return push(...lead, whole);
      flush();
      const head = heading(group, i > 0);
      push(head, fitItem(item, (cut) => renderItem(item, at, cut), (html) => fits(head, html)));
    });
  }
  if (digest.omitted > 0) {
    const closing = escapeHtml(omittedText(digest.omitted));
    if (!fits(closing)) flush();
    push(closing);
  }
  flush();
  return messages;
}
