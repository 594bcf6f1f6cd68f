// Plain text from the HTML snippets feeds carry (titles, descriptions, content), and back.
import { parseHTML } from 'linkedom';

/** DOM node types used by the text walker. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a new paragraph of text (as in src/ingest/html-to-report.ts). */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'td', 'th', 'tr', 'ul',
]);
/** Elements whose text is never reading text. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'nav', 'form', 'button', 'select',
]);
/** A snippet without tags is plain text (its line breaks are paragraph breaks), else HTML. */
const TAG = /<[a-z!/?]/iu;

// linkedom's DOM types are loose; the walker only needs these members.
interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly tagName?: string;
}

function bodyOf(html: string): DomNode {
  const doc = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`).document;
  return doc.body as unknown as DomNode;
}

const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** The paragraphs of a DOM subtree: block elements break paragraphs, script/style are skipped. */
function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = collapse(current);
    if (text !== '') paragraphs.push(text);
    current = '';
  };
  const walk = (node: DomNode): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) current += child.textContent ?? '';
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = (child.tagName ?? '').toLowerCase();
      if (SKIPPED_TAGS.has(tag)) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) flush();
      walk(child);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return paragraphs;
}

/**
 * The text of an HTML snippet as paragraphs joined by blank lines: tags stripped, entities
 * decoded, whitespace collapsed inside each paragraph. A snippet without tags is read as plain
 * text, one paragraph per line. '' when the snippet holds no text.
 * @example htmlToText('<p>أ &amp; ب</p><p>ج</p>') === 'أ & ب\n\nج'
 */
export function htmlToText(html: string): string {
  if (!TAG.test(html)) return textToBlocks(html);
  return paragraphsOf(bodyOf(html)).join('\n\n');
}

/** `htmlToText` on one line: for titles and names. */
export function htmlToLine(html: string): string {
  if (!TAG.test(html)) return textToLine(html);
  return collapse(paragraphsOf(bodyOf(html)).join(' '));
}

/**
 * A plain-text field on one line. Entities are still decoded (`&quot;`, `&#8217;`), as feeds often
 * escape twice, but `<` stays literal text.
 */
export function textToLine(text: string): string {
  if (!text.includes('&')) return collapse(text);
  return collapse(paragraphsOf(bodyOf(text.replace(/</gu, '&lt;'))).join(' '));
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
