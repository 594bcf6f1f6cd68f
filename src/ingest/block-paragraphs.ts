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

/** How many elements a subtree holds and how deep they nest, counted up to a limit (iteratively). */
export function domShape(root: DomNode, limits: { maxElements: number; maxDepth: number }): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    if (level > depth) depth = level;
    if (elements > limits.maxElements || depth > limits.maxDepth) break;
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      elements++;
      stack.push([child, level + 1]);
    }
  }
  return { elements, depth };
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
  // An explicit stack, not recursion: a page of thousands of nested elements must not overflow the call stack.
  const stack: { children: DomNode[]; next: number; block: boolean }[] = [{ children: Array.from(root.childNodes), next: 0, block: false }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.children.length) {
      stack.pop();
      if (top.block) flush();
      continue;
    }
    const child = top.children[top.next++]!;
    if (child.nodeType === TEXT_NODE) current += child.textContent ?? '';
    if (child.nodeType !== ELEMENT_NODE) continue;
    const tag = (child.tagName ?? '').toLowerCase();
    if (SKIPPED_TAGS.has(tag)) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    stack.push({ children: Array.from(child.childNodes), next: 0, block });
  }
  flush();
  return paragraphs;
}
