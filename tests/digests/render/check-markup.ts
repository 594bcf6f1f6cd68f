/** Checkers for rendered digests: Telegram HTML validity and entity count, and markup stripping to read lines as a client shows them. */

/** The tags Telegram's HTML parse mode accepts that the renderers may write. */
const TAG = /^<(\/?)(b|i|a|blockquote)((?:\s+href="[^"<>]*")?)>/;

/** What is wrong with `html` as Telegram HTML (unbalanced or unknown tags, raw `<`/`>`/`&`); empty when valid. */
export function telegramHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c === '<') {
      const m = TAG.exec(html.slice(i));
      if (!m) {
        problems.push(`raw < at ${i}`);
        continue;
      }
      const [whole, slash, name = '', attrs] = m;
      if (slash) {
        if (attrs) problems.push(`attributes on </${name}> at ${i}`);
        if (open.pop() !== name) problems.push(`</${name}> closes nothing at ${i}`);
      } else {
        if ((name === 'a') !== Boolean(attrs)) problems.push(`<${name}> with wrong attributes at ${i}`);
        if (open.includes(name)) problems.push(`<${name}> nested in itself at ${i}`);
        open.push(name);
      }
      i += whole.length - 1;
    } else if (c === '>') problems.push(`raw > at ${i}`);
    else if (c === '&' && !/^&(?:amp|lt|gt|quot);/.test(html.slice(i))) problems.push(`raw & at ${i}`);
  }
  for (const name of open) problems.push(`<${name}> never closed`);
  return problems;
}

/** Telegram entities in the HTML: one per opening tag. */
export function countTelegramEntities(html: string): number {
  return html.match(/<(?:b|i|a|blockquote)[\s>]/g)?.length ?? 0;
}

/** The text Telegram shows for `html`: tags removed, entities decoded. */
export function telegramText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The text Discord shows for our markdown: links reduced to their text, bold/italic markers and escapes removed. */
export function discordText(md: string): string {
  return md
    .replace(/\[((?:\\.|[^\]\\])*)\]\([^)\s]*\)/g, '$1')
    .replace(/(?<!\\)\*+/g, '')
    .replace(/\\(.)/g, '$1');
}

/** A letter of Arabic bidi class, approximately: Arabic script, with the tatweel of "لـ3" (Script_Extensions). */
const ARABIC = /\p{Script_Extensions=Arabic}/u;

/**
 * How each line reads in a bidi client (see the RTL note in digests/render/digest-wording.ts): what is wrong with
 * it, or null. A line must start (its first letter) with Arabic, so direction detection makes it right-to-left,
 * and every number must follow an Arabic letter, so it stays inside the Arabic run even on a left-to-right line.
 */
export function bidiProblem(line: string): string | null {
  const first = /\p{L}/u.exec(line)?.[0];
  if (first !== undefined && !ARABIC.test(first)) return `starts with ${first}`;
  for (const m of line.matchAll(/\d+/g)) {
    const before = [...line.slice(0, m.index).matchAll(/\p{L}/gu)].at(-1)?.[0];
    if (before === undefined || !ARABIC.test(before)) return `${m[0]} follows ${before ?? 'nothing'}`;
  }
  return null;
}
