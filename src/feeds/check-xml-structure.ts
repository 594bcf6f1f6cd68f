// A lenient well-formedness check of a feed's XML: unclosed, mismatched or stray tags, cut-off files.

/** What `checkXmlStructure` finds out about a document. */
export interface XmlStructure {
  /** Name of the first element, as written ("rss", "rdf:RDF", "html"); null when there is none. */
  readonly root: string | null;
  /** Name in `<!DOCTYPE name …>` ("html"), or null. */
  readonly doctype: string | null;
  /** The first structural fault, with its line ("<item> opened on line 4 is never closed"); null when none. */
  readonly problem: string | null;
}

/** Elements (by local name) that hold other elements; any other element's content is raw text. */
const CONTAINER_ELEMENTS: ReadonlySet<string> = new Set(['rss', 'channel', 'item', 'feed', 'entry', 'rdf']);

/** An opening or empty tag with well-formed, quoted attributes. */
const OPEN_TAG = /<([A-Za-z_][\w.:-]*)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/uy;
/** A closing tag. */
const CLOSE_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/uy;
/** A name may start here: what follows `<` in a real tag rather than a stray less-than sign. */
const NAME_START = /[A-Za-z_]/u;
const DOCTYPE_NAME = /<!DOCTYPE\s+([^\s>[]+)/iuy;

/** How far into a broken document its root element is looked for: far past any prolog. */
const ROOT_SCAN_CHARS = 4096;

class StructureFault extends Error {}

const localName = (name: string): string => (name.slice(name.indexOf(':') + 1)).toLowerCase();

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Scanner state over one document. */
class Scanner {
  constructor(private readonly text: string) {}

  fault(message: string): never {
    throw new StructureFault(message);
  }

  line(offset: number): number {
    return lineAt(this.text, offset);
  }

  /** The end of a `<!-- -->`, `<![CDATA[ ]]>` or `<? ?>` section starting at i, or null when none starts there. */
  skipSpecial(i: number): number | null {
    const t = this.text;
    const sections: ReadonlyArray<readonly [string, string, string]> = [
      ['<!--', '-->', 'comment'],
      ['<![CDATA[', ']]>', 'CDATA section'],
      ['<?', '?>', 'processing instruction'],
    ];
    for (const [open, close, what] of sections) {
      if (!t.startsWith(open, i)) continue;
      const end = t.indexOf(close, i + open.length);
      if (end === -1) this.fault(`the ${what} opened on line ${this.line(i)} is never closed`);
      return end + close.length;
    }
    return null;
  }

  /** The end of a `<!DOCTYPE …>` declaration starting at i, internal subset included. */
  skipDoctype(i: number): number {
    let depth = 0;
    for (let j = i + 2; j < this.text.length; j++) {
      const c = this.text[j];
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) return j + 1;
    }
    return this.fault(`the <!DOCTYPE> on line ${this.line(i)} is never closed`);
  }

  /** The end of a text-bearing element's content and closing tag, skipping nested same-name elements. */
  skipRaw(name: string, openedAt: number, from: number): number {
    const t = this.text;
    let depth = 1;
    let pos = from;
    for (;;) {
      const i = t.indexOf('<', pos);
      if (i === -1) this.fault(`<${name}> opened on line ${this.line(openedAt)} is never closed; the feed may be cut off`);
      const special = this.skipSpecial(i);
      if (special !== null) {
        pos = special;
        continue;
      }
      CLOSE_TAG.lastIndex = i;
      const close = CLOSE_TAG.exec(t);
      if (close !== null) {
        const closing = close[1] ?? '';
        if (closing === name && --depth === 0) return i + close[0].length;
        if (closing !== name && CONTAINER_ELEMENTS.has(localName(closing))) {
          this.fault(`<${name}> opened on line ${this.line(openedAt)} is not closed before </${closing}> on line ${this.line(i)}`);
        }
        pos = i + close[0].length;
        continue;
      }
      OPEN_TAG.lastIndex = i;
      const open = OPEN_TAG.exec(t);
      if (open !== null && open[1] === name && open[2] !== '/') depth++;
      pos = open === null ? i + 1 : i + open[0].length;
    }
  }

  run(): XmlStructure {
    const t = this.text;
    const stack: { name: string; at: number }[] = [];
    let root: string | null = null;
    let rootClosed = false;
    let doctype: string | null = null;
    let pos = 0;
    for (;;) {
      const i = t.indexOf('<', pos);
      if (i === -1) break;
      const special = this.skipSpecial(i);
      if (special !== null) {
        pos = special;
        continue;
      }
      if (t.startsWith('<!', i)) {
        DOCTYPE_NAME.lastIndex = i;
        doctype ??= DOCTYPE_NAME.exec(t)?.[1] ?? null;
        pos = this.skipDoctype(i);
        continue;
      }
      if (t.startsWith('</', i)) {
        CLOSE_TAG.lastIndex = i;
        const close = CLOSE_TAG.exec(t);
        if (close === null) this.fault(`broken closing tag on line ${this.line(i)}`);
        const name = close[1] ?? '';
        const top = stack.pop();
        if (top === undefined) this.fault(`</${name}> on line ${this.line(i)} closes no open element`);
        if (top.name !== name) {
          this.fault(`<${top.name}> opened on line ${this.line(top.at)} is not closed before </${name}> on line ${this.line(i)}`);
        }
        if (stack.length === 0) rootClosed = true;
        pos = i + close[0].length;
        continue;
      }
      OPEN_TAG.lastIndex = i;
      const open = OPEN_TAG.exec(t);
      if (open === null) {
        // A stray "<" in text is tolerated, as the feed parser does; a broken tag is not.
        if (NAME_START.test(t[i + 1] ?? '')) this.fault(`broken tag on line ${this.line(i)}: ${JSON.stringify(t.slice(i, i + 40))}`);
        pos = i + 1;
        continue;
      }
      const name = open[1] ?? '';
      const end = i + open[0].length;
      if (rootClosed) this.fault(`<${name}> on line ${this.line(i)} comes after the root element </${root}> closed`);
      root ??= name;
      if (open[2] === '/') {
        if (stack.length === 0) rootClosed = true;
        pos = end;
      } else if (stack.length === 0 || CONTAINER_ELEMENTS.has(localName(name))) {
        stack.push({ name, at: i });
        pos = end;
      } else {
        pos = this.skipRaw(name, i, end);
      }
    }
    const open = stack.at(-1);
    if (open !== undefined) this.fault(`<${open.name}> opened on line ${this.line(open.at)} is never closed; the feed may be cut off`);
    return { root, doctype, problem: null };
  }
}

/** The root element and doctype of a document, scanned without faults: enough to recognise HTML. */
function outline(text: string): Omit<XmlStructure, 'problem'> {
  const doctype = /<!DOCTYPE\s+([^\s>[]+)/iu.exec(text.slice(0, ROOT_SCAN_CHARS))?.[1] ?? null;
  const root = /<([A-Za-z_][\w.:-]*)[\s/>]/u.exec(
    text.slice(0, ROOT_SCAN_CHARS).replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>/gu, ''),
  )?.[1] ?? null;
  return { root, doctype };
}

/**
 * Checks that a document's tags are balanced: every container element (rss, channel, item, feed,
 * entry, rdf:RDF) and every text element closed in order, nothing after the root, no cut-off
 * comment or CDATA section, and names the root element so an HTML page can be told from a feed.
 *
 * feedsmith's XML parser accepts an <item> or <entry> that is never closed, or a document that stops
 * half-way (a cut-off download), and returns partial items; this check catches those. Text elements
 * (title, description, content…) are scanned as raw text up to their closing tag, as the parser
 * does, so unescaped HTML with unclosed <br> or <p> inside them passes. Entities and attribute
 * details are not checked. Never throws.
 */
export function checkXmlStructure(text: string): XmlStructure {
  try {
    return new Scanner(text).run();
  } catch (err) {
    if (!(err instanceof StructureFault)) throw err;
    return { ...outline(text), problem: err.message };
  }
}
