import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../src/ingest/decode-text.js';
import { SourceFileError } from '../../src/ingest/source-file-error.js';

const ARABIC = 'داعش يهاجم حاجزاً في ريف الرقة';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(ARABIC, 'utf8'), undefined, 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARABIC, 'utf8')]), undefined, 'utf-8'],
    ['UTF-16 LE with BOM', iconv.encode(ARABIC, 'utf-16le', { addBOM: true }), undefined, 'utf-16le'],
    ['UTF-16 BE with BOM', iconv.encode(ARABIC, 'utf-16be', { addBOM: true }), undefined, 'utf-16be'],
    ['undeclared windows-1256', iconv.encode(ARABIC, 'windows-1256'), undefined, 'windows-1256'],
    ['declared ISO-8859-6', iconv.encode(ARABIC, 'iso-8859-6'), 'ISO-8859-6', 'iso-8859-6'],
    ['declared cp1256', iconv.encode(ARABIC, 'windows-1256'), 'cp1256', 'windows-1256'],
    ['declared UTF-8 that is really windows-1256', iconv.encode(ARABIC, 'windows-1256'), 'utf-8', 'windows-1256'],
  ])('%s', (_name, bytes, declared, encoding) => {
    expect(decodeText(bytes, declared)).toEqual({ text: ARABIC, encoding, replaced: 0 });
  });

  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  it.each([
    // A stray byte in the middle of Arabic UTF-8 used to make the whole text windows-1256 gibberish.
    ['one stray byte', Buffer.concat([utf8('انفجرت سيارة مفخخة'), Buffer.from([0xff]), utf8(' وسط مدينة الرقة')]), undefined, 'انفجرت سيارة مفخخة\uFFFD وسط مدينة الرقة', 1],
    ['a copy cut in the middle of a letter', utf8('انفجرت سيارة مفخخة في الرقة').subarray(0, -1), undefined, 'انفجرت سيارة مفخخة في الرق\uFFFD', 1],
    ['a page that declares windows-1256 but is UTF-8', utf8(ARABIC), 'windows-1256', ARABIC, 0],
    ['a page that declares ISO-8859-6 but is UTF-8', utf8(ARABIC), 'iso-8859-6', ARABIC, 0],
  ])('UTF-8 %s stays UTF-8', (_name, bytes, declared, text, replaced) => {
    expect(decodeText(bytes, declared)).toEqual({ text, encoding: 'utf-8', replaced });
  });

  it('too many bad sequences are not UTF-8', () => {
    const bytes = Buffer.concat([utf8('انفجرت سيارة مفخخة'), Buffer.from([0xff, 0x41, 0xfe, 0x41, 0xff, 0x41, 0xfe, 0x41])]);
    expect(decodeText(bytes).encoding).toBe('windows-1256');
  });

  it('refuses bytes that are neither UTF-8 nor Arabic windows-1256', () => {
    expect(() => decodeText(Buffer.from('café crème', 'latin1'))).toThrow(
      new SourceFileError('text is neither valid UTF-8 nor windows-1256 Arabic; re-save the file as UTF-8'),
    );
  });
});

describe('looksBinary', () => {
  it.each([
    ['Arabic UTF-8 text', Buffer.from(`${ARABIC}\r\n\t`, 'utf8'), false],
    ['UTF-16 text with its NUL bytes', iconv.encode('abc', 'utf-16le', { addBOM: true }), false],
    ['a NUL byte', Buffer.from([0x61, 0x00, 0x62]), true],
    ['many control characters', Buffer.from([0x61, 0x01, 0x02, 0x03, 0x62, 0x63]), true],
    ['an empty buffer', Buffer.alloc(0), false],
  ])('%s → %s', (_name, bytes, binary) => {
    expect(looksBinary(bytes)).toBe(binary);
  });
});
