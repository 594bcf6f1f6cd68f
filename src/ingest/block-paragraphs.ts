/** The paragraphs of a DOM subtree: block elements break paragraphs, script, navigation and forms are skipped. */

/** DOM node types used by the walker. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements that start a new paragraph of text. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'table', 'td', 'th', 'tr', 'ul',
]);
/** Elements whose text is never reading text. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'nav', 'form', 'button', 'select',
]);

/** The members of a (linkedom) DOM node the walker needs; linkedom's own types are loose. */
export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly tagName?: string;
}

/** Each paragraph's text with white space collapsed; empty paragraphs dropped. */
export function blockParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    const text = current.replace(/\s+/gu, ' ').trim();
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
