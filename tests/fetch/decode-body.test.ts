import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, sniffXmlEncoding } from '../../src/fetch/decode-body.js';

const ARABIC = 'تنظيم الدولة في الرقة';
const cp1256 = (text: string): Buffer => iconv.encode(text, 'windows-1256');

describe('decodeBody', () => {
  it.each([
    ['the header charset', cp1256(`<p>${ARABIC}</p>`), 'text/html', 'windows-1256'],
    ['a quoted, upper-case header label', cp1256(`<p>${ARABIC}</p>`), 'text/html', 'WINDOWS-1256'],
    ['the XML declaration', cp1256(`<?xml version="1.0" encoding="windows-1256"?><rss><title>${ARABIC}</title></rss>`), 'application/rss+xml', null],
    ['the HTML meta tag', cp1256(`<html><head><meta charset="windows-1256"></head><body>${ARABIC}</body></html>`), 'text/html', null],
    ['http-equiv meta', cp1256(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>${ARABIC}</p>`), null, null],
    ['no declaration (windows-1256 guessed)', cp1256(`${ARABIC} ${ARABIC}`), 'text/plain', null],
    ['ISO-8859-6 in the header', iconv.encode(`<p>${ARABIC}</p>`, 'iso-8859-6'), 'text/html', 'iso-8859-6'],
    ['plain UTF-8', Buffer.from(`<p>${ARABIC}</p>`), 'text/html', null],
    ['UTF-8 with a BOM, whatever the header says', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARABIC)]), 'text/html', 'windows-1256'],
  ])('honours %s', (_name, body, contentType, charset) => {
    expect(decodeBody({ body, contentType, charset })).toContain(ARABIC);
  });

  it('prefers the header over the XML declaration', () => {
    const body = iconv.encode(`<?xml version="1.0" encoding="windows-1256"?><t>${ARABIC}</t>`, 'iso-8859-6');
    expect(decodeBody({ body, contentType: 'application/xml', charset: 'iso-8859-6' })).toContain(ARABIC);
  });

  it('skips an unknown header label and uses the next declaration', () => {
    const body = cp1256(`<?xml version="1.0" encoding="windows-1256"?><t>${ARABIC}</t>`);
    expect(decodeBody({ body, contentType: 'application/xml', charset: 'x-no-such-charset' })).toContain(ARABIC);
  });

  it('ignores a <meta charset> inside a feed', () => {
    const body = Buffer.from(`<rss><description>&lt;meta charset="windows-1256"&gt; ${ARABIC}</description></rss>`);
    expect(decodeBody({ body, contentType: 'application/rss+xml', charset: null })).toContain(ARABIC);
  });

  it('falls back to UTF-8 with replacement characters instead of throwing', () => {
    const body = Buffer.from('café crème', 'latin1');
    expect(decodeBody({ body, contentType: 'text/plain', charset: null })).toBe('caf\uFFFD cr\uFFFDme');
  });
});

describe('sniffXmlEncoding', () => {
  it.each([
    ['<?xml version="1.0" encoding="windows-1256"?><rss/>', 'windows-1256'],
    ["\uFEFF  <?xml version='1.0' encoding='ISO-8859-6' standalone='yes'?>", 'ISO-8859-6'],
    ['<?xml version="1.0"?><rss/>', null],
    ['<rss><?xml encoding="windows-1256"?></rss>', null],
  ])('%j → %s', (text, encoding) => {
    expect(sniffXmlEncoding(Buffer.from(text))).toBe(encoding);
  });
});
