// What is known of an HTML page without parsing it: the report it yields, the DOM limits, its declared
// charset. Kept apart from html-to-report.ts so that readers and fetchers do not load linkedom and
// Readability (about 120 modules) until a page is parsed, in its worker.

/** What an HTML page yields: article text (paragraphs split by blank lines) and metadata. */
export interface HtmlReport {
  readonly text: string;
  readonly title: string | null;
  readonly url: string | null;
  readonly publishedAt: string | null;
  readonly source: string | null;
  readonly lang: string | null;
}

/**
 * Pages beyond these are refused before Readability reads them: its time grows much faster than the
 * page (1,000 nested <div>s took 8 s, 2,000 took 48 s, 4,000 overflowed the stack; 24,000 flat
 * elements took 6 s). Real article
 * pages nest a few dozen levels and hold a few thousand elements.
 */
export const DOM_LIMITS = { maxElements: 15_000, maxDepth: 250 } as const;

/** A `<meta charset>` is only honoured in the first bytes of the page, as browsers do. */
const CHARSET_SNIFF_BYTES = 4096;
/** `<meta charset="x">` and `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
const META_CHARSET = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/iu;

/** The charset an HTML page declares in its first bytes, or null. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, CHARSET_SNIFF_BYTES)).toString('latin1');
  return META_CHARSET.exec(head)?.[1] ?? null;
}
