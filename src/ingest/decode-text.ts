// Detects the character encoding of a text file's bytes and decodes them, refusing binary data.
import iconv from 'iconv-lite';
import { HAMZA, YEH } from '../arabic/letters.js';
import { SourceFileError } from './source-file-error.js';

/** Decoded text and the encoding it was read as. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: string;
  /** Byte sequences that were not valid in the encoding and became U+FFFD (UTF-8 with a few bad bytes). */
  readonly replaced: number;
}

/**
 * UTF-8 with a few bad bytes (a truncated copy, one stray byte) is still UTF-8: read with replacement
 * characters when the bad sequences are at most this many, or 1% of the valid non-ASCII characters,
 * and there are at least MIN_UTF8_CHARS valid ones. windows-1256 Arabic read as UTF-8 is almost all bad.
 */
const FEW_BAD_SEQUENCES = 3;
const MIN_UTF8_CHARS = 10;
const REPLACEMENT = /\uFFFD/gu;
/** Characters beyond ASCII: in valid UTF-8 each took a multi-byte sequence. */
const NON_ASCII = /[^\u0000-\u007F]/gu;

/** How many leading bytes are inspected to decide whether a file is binary. */
const BINARY_SAMPLE_BYTES = 8192;
/** More control characters than this share of the sample means binary (text has almost none). */
const MAX_CONTROL_SHARE = 0.1;
/** A windows-1256 reading is accepted when at least this share of its letters are Arabic. */
const MIN_ARABIC_LETTER_SHARE = 0.5;
/** ASCII control range; tab, newline, form feed and carriage return are ordinary in text. */
const CONTROL_LIMIT = 0x20;
const DELETE = 0x7f;
const TEXT_CONTROLS: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0c, 0x0d]);

/** Byte order marks, longest first. */
const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** HTML charset labels for the Arabic encodings, mapped to iconv-lite names. */
const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  utf8: 'utf-8', 'utf-8': 'utf-8',
  'windows-1256': 'windows-1256', cp1256: 'windows-1256', 'x-cp1256': 'windows-1256',
  'iso-8859-6': 'iso-8859-6', 'iso_8859-6': 'iso-8859-6', arabic: 'iso-8859-6', 'asmo-708': 'iso-8859-6',
};

/** Basic Arabic letters, hamza to yeh: what windows-1256 text about Syria and Iraq is made of. */
const ARABIC_LETTER = new RegExp(`[${HAMZA}-${YEH}]`, 'gu');
const ANY_LETTER = /\p{L}/gu;

function bomOf(bytes: Uint8Array): (typeof BOMS)[number] | undefined {
  return BOMS.find((bom) => bom.bytes.every((b, i) => bytes[i] === b));
}

/**
 * True when the bytes are not text: a NUL byte, or a high share of control characters, in the
 * first few kilobytes. UTF-16 files (which hold NULs) are recognised by their BOM first.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = bomOf(bytes);
  if (bom !== undefined && bom.encoding !== 'utf-8') return false;
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < CONTROL_LIMIT && !TEXT_CONTROLS.has(b)) || b === DELETE) controls++;
  }
  return sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}

/** A Buffer view of the bytes, without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The bytes as UTF-8 with a few bad sequences replaced, or null when they are too many to be UTF-8. */
function lenientUtf8(bytes: Uint8Array): { text: string; replaced: number } | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  const replaced = text.match(REPLACEMENT)?.length ?? 0;
  const valid = (text.match(NON_ASCII)?.length ?? 0) - replaced;
  if (valid < MIN_UTF8_CHARS || replaced > Math.max(FEW_BAD_SEQUENCES, valid / 100)) return null;
  return { text, replaced };
}

const hasNonAscii = (bytes: Uint8Array): boolean => bytes.some((b) => b >= 0x80);

function mostlyArabic(text: string): boolean {
  const letters = text.match(ANY_LETTER)?.length ?? 0;
  const arabic = text.match(ARABIC_LETTER)?.length ?? 0;
  return arabic > 0 && arabic / letters >= MIN_ARABIC_LETTER_SHARE;
}

/** The iconv-lite name for a declared charset label, or null when it is unknown. */
export function charsetName(label: string): string | null {
  const key = label.trim().toLowerCase();
  const alias = CHARSET_ALIASES[key];
  if (alias !== undefined) return alias;
  return iconv.encodingExists(key) ? key : null;
}

/**
 * Decodes text bytes: a BOM (UTF-8, UTF-16 LE/BE) wins; then valid UTF-8 with non-ASCII characters
 * (a page that declares another charset but is UTF-8 is UTF-8: such bytes are almost never another
 * encoding's text); then a declared charset (from HTML); then UTF-8 with a few bad bytes, replaced
 * and counted; then windows-1256 if that reading is mostly Arabic letters. The BOM is removed.
 * @throws SourceFileError when no encoding fits.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  const bom = bomOf(bytes);
  if (bom !== undefined) {
    const body = asBuffer(bytes.subarray(bom.bytes.length));
    const text = iconv.decode(body, bom.encoding, { stripBOM: true });
    return { text, encoding: bom.encoding, replaced: text.match(REPLACEMENT)?.length ?? 0 };
  }
  const named = declared == null ? null : charsetName(declared);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null && (named === null || named === 'utf-8' || hasNonAscii(bytes))) return { text: utf8, encoding: 'utf-8', replaced: 0 };
  if (named !== null && named !== 'utf-8') {
    return { text: iconv.decode(asBuffer(bytes), named), encoding: named, replaced: 0 };
  }
  const lenient = lenientUtf8(bytes);
  if (lenient !== null) return { ...lenient, encoding: 'utf-8' };
  const arabic = iconv.decode(asBuffer(bytes), 'windows-1256');
  if (mostlyArabic(arabic)) return { text: arabic, encoding: 'windows-1256', replaced: 0 };
  throw new SourceFileError(
    'text is neither valid UTF-8 nor windows-1256 Arabic; re-save the file as UTF-8',
  );
}
