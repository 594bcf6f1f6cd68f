/** Renders a digest as plain text for the console: one block per item, each URL alone on its own line. */
import type { Digest, DigestItem } from '../../digests/digest.js';
import {
  ALSO_MARK,
  ALSO_REPORTED,
  GROUP_MARK,
  HEADER_MARK,
  ITEM_MARK,
  META_MARK,
  clean,
  emptyDigestText,
  groupName,
  headerLines,
  isEmptyDigest,
  itemTitle,
  metaText,
  omittedText,
  sourceName,
  type DateContext,
} from '../../digests/render/digest-wording.js';

/** Marks one of the other outlets. */
const SOURCE_MARK = '•';

/** A URL as the console shows it: trimmed, on a line of its own (a left-to-right paragraph, so it never reorders Arabic). */
const urlLine = (url: string | null) => (url === null || !url.trim() ? [] : [url.trim()]);

function itemBlock(item: DigestItem, at: DateContext): string {
  const lines = [`${ITEM_MARK} ${itemTitle(item)}`];
  const summary = clean(item.summary);
  if (summary) lines.push(summary);
  lines.push(`${META_MARK} ${metaText(item, at)}`, ...urlLine(item.url));
  if (item.alsoReportedBy.length) {
    lines.push(`${ALSO_MARK} ${ALSO_REPORTED}`);
    for (const s of item.alsoReportedBy) lines.push(`${SOURCE_MARK} ${sourceName(s)}`, ...urlLine(s.url));
  }
  return lines.join('\n');
}

/** The whole digest as one plain-text string (no length limit), or its one line when empty. */
export function renderDigestText(digest: Digest): string {
  if (isEmptyDigest(digest)) return emptyDigestText(digest);
  const h = headerLines(digest);
  const blocks = [`${HEADER_MARK} ${h.title}\n${h.period}\n${h.counts}`];
  for (const group of digest.groups) {
    if (!group.items.length) continue;
    blocks.push(`${GROUP_MARK} ${groupName(group)}`, ...group.items.map((item) => itemBlock(item, { timeZone: digest.timezone, asOf: digest.period.to })));
  }
  if (digest.omitted > 0) blocks.push(omittedText(digest.omitted));
  return blocks.join('\n\n');
}
