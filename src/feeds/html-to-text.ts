// Plain text from the HTML snippets feeds carry (titles, descriptions, content), and back.
import { parseHTML } from 'linkedom';
import { blockParagraphs, type DomNode } from '../ingest/block-paragraphs.js';

/** A snippet without tags is plain text (its line breaks are paragraph breaks), else HTML. */
const TAG = /<[a-z!/?]/iu;

function bodyOf(html: string): DomNode {
  const doc = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document;
  return doc.body as unknown as DomNode;
}

const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/**
 * The text of an HTML snippet as paragraphs joined by blank lines: tags stripped, entities
 * decoded, whitespace collapsed inside each paragraph. A snippet without tags is read as plain
 * text, one paragraph per line. '' when the snippet holds no text.
 * @example htmlToText('<p>أ &amp; ب</p><p>ج</p>') === 'أ & ب\n\nج'
 */
export function htmlToText(html: string): string {
  if (!TAG.test(html)) return textToBlocks(html);
  return blockParagraphs(bodyOf(html)).join('\n\n');
}

/** `htmlToText` on one line: for titles and names. */
export function htmlToLine(html: string): string {
  if (!TAG.test(html)) return textToLine(html);
  return collapse(blockParagraphs(bodyOf(html)).join(' '));
}

/**
 * A plain-text field on one line. Entities are still decoded (`&quot;`, `&#8217;`), as feeds often
 * escape twice, but `<` stays literal text.
 */
export function textToLine(text: string): string {
  if (!text.includes('&')) return collapse(text);
  return collapse(blockParagraphs(bodyOf(text.replace(/</gu, '&lt;'))).join(' '));
}

/** A plain-text field as paragraphs joined by blank lines: every non-empty line is a paragraph. */
export function textToBlocks(text: string): string {
  return text.split(/\r\n?|\n/u).map(textToLine).filter((l) => l !== '').join('\n\n');
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Plain text as HTML: each non-empty line becomes an escaped `<p>`. '' when there is no text. */
export function textToHtml(text: string): string {
  const blocks = textToBlocks(text);
  if (blocks === '') return '';
  return blocks
    .split('\n\n')
    .map((p) => `<p>${p.replace(/[&<>"]/gu, (c) => HTML_ESCAPES[c] ?? c)}</p>`)
    .join('');
}
