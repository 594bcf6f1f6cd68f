/** Cuts Telegram HTML to a length limit at a word boundary, keeping each part valid HTML on its own. */

interface OpenTag {
  readonly name: string;
  /** The opening tag as written (`<a href="…">`), to open it again in the next part. */
  readonly open: string;
}

const closers = (stack: readonly OpenTag[]): string => stack.map((t) => `</${t.name}>`).reverse().join('');
const openers = (stack: readonly OpenTag[]): string => stack.map((t) => t.open).join('');

/**
 * The longest head of `html` that fits in `limit` characters, cut at the last space outside any tag
 * or entity (between characters when one word is longer than the limit, never inside a tag, an
 * entity like `&amp;` or a surrogate pair); tags open at the cut are closed at the end of the head
 * and opened again at the start of the rest. The HTML itself is measured: Telegram counts the text
 * after parsing, which is never longer. `rest` is null when everything fits.
 */
export function cutTelegramHtml(html: string, limit: number): { head: string; rest: string | null } {
  if (html.length <= limit) return { head: html, rest: null };
  const stack: OpenTag[] = [];
  let atSpace: { at: number; stack: OpenTag[] } | null = null;
  let atChar: { at: number; stack: OpenTag[] } | null = null;
  let i = 0;
  while (i < html.length) {
    const fits = i + closers(stack).length <= limit;
    if (i > limit) break;
    if (fits && i > 0) {
      const here = { at: i, stack: [...stack] };
      if (/\s/.test(html[i]!)) atSpace = here;
      atChar = here;
    }
    const c = html[i]!;
    if (c === '<') {
      const end = html.indexOf('>', i);
      const tag = html.slice(i, end < 0 ? html.length : end + 1);
      const name = /^<\/?\s*([a-zA-Z-]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
      if (tag.startsWith('</')) {
        const k = stack.map((t) => t.name).lastIndexOf(name);
        if (k >= 0) stack.splice(k, 1);
      } else if (name !== '') stack.push({ name, open: tag });
      i += tag.length;
    } else if (c === '&' && /^&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/.test(html.slice(i, i + 10))) {
      i = html.indexOf(';', i) + 1;
    } else {
      const code = html.charCodeAt(i);
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
  }
  const cut = atSpace ?? atChar;
  if (cut === null) return { head: html.slice(0, limit), rest: html.slice(limit) || null };
  const head = `${html.slice(0, cut.at).trimEnd()}${closers(cut.stack)}`;
  const tail = html.slice(cut.at).trimStart();
  return { head, rest: tail === '' ? null : `${openers(cut.stack)}${tail}` };
}

/** `html` in parts of at most `limit` characters each (see cutTelegramHtml). */
export function splitTelegramHtml(html: string, limit: number): string[] {
  const parts: string[] = [];
  let rest: string | null = html;
  while (rest !== null) {
    const cut = cutTelegramHtml(rest, limit);
    parts.push(cut.head);
    // Tags opened again must not keep the rest as long as it was (a limit shorter than its tags).
    rest = cut.rest !== null && cut.rest.length >= rest.length ? rest.slice(cut.head.length) || null : cut.rest;
  }
  return parts;
}
