// Turns a fetched body into text, picking the charset the way browsers and feed readers do.
import { charsetName, decodeText } from '../ingest/decode-text.js';
import { sniffHtmlCharset } from '../ingest/html-page.js';

/** The parts of a fetch result that decide the text. */
export interface BodyToDecode {
  readonly body: Uint8Array;
  /** Media type without parameters ("application/rss+xml"), or null. */
  readonly contentType: string | null;
  /** The charset parameter of Content-Type, or null. */
  readonly charset: string | null;
}

/** An XML declaration is the very first thing in a document, so only the head is searched. */
const XML_DECLARATION_BYTES = 1024;
/** `<?xml version="1.0" encoding="windows-1256"?>`, after an optional UTF-8 BOM and whitespace. */
const XML_ENCODING = /^(?:\xEF\xBB\xBF)?\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/u;
/** Media types whose body is not HTML, so a `<meta charset>` inside them (say, in escaped content) means nothing. */
const NON_HTML_TYPE = /(?:^application\/(?:[\w.+-]+\+)?(?:xml|json)$)|(?:^text\/xml$)/u;

/** The encoding an XML document declares, or null. */
export function sniffXmlEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, XML_DECLARATION_BYTES)).toString('latin1');
  return XML_ENCODING.exec(head)?.[1] ?? null;
}

/**
 * Decodes a fetched body to text. The charset comes from, first that names a known encoding: the
 * Content-Type header, the XML declaration, the HTML `<meta charset>` (not for XML/JSON types);
 * else the bytes decide (BOM, valid UTF-8, else windows-1256 Arabic). A BOM always wins, as in
 * browsers. Never throws: bytes no encoding fits are read as UTF-8 with replacement characters.
 */
export function decodeBody(result: BodyToDecode): string {
  const { body } = result;
  const isHtmlLike = result.contentType === null || !NON_HTML_TYPE.test(result.contentType);
  const candidates = [result.charset, sniffXmlEncoding(body), isHtmlLike ? sniffHtmlCharset(body) : null];
  const declared = candidates.find((label) => label != null && charsetName(label) !== null) ?? null;
  try {
    return decodeText(body, declared).text;
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
