import { describe, expect, it } from 'vitest';
import { checkXmlStructure } from '../../src/feeds/check-xml-structure.js';

describe('checkXmlStructure', () => {
  it('passes a well-formed feed and names its root', () => {
    expect(checkXmlStructure('<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel><title>t</title></channel></rss>\n'))
      .toEqual({ root: 'rss', doctype: null, problem: null });
  });

  it('reads text elements as raw text: unescaped HTML with unclosed tags and CDATA pass', () => {
    const rss = '<rss><channel><item><description><p>a<br>b</p><img src="x"></description>' +
      '<content:encoded><![CDATA[<p>1 < 2 </item>]]></content:encoded></item></channel></rss>';
    expect(checkXmlStructure(rss).problem).toBeNull();
    const atom = '<feed><entry><content type="xhtml"><div><div>x</div></div></content></entry></feed>';
    expect(checkXmlStructure(atom).problem).toBeNull();
  });

  it('finds unclosed, mismatched, stray and trailing elements', () => {
    expect(checkXmlStructure('<rss><channel><item><title>a</title></channel></rss>').problem)
      .toBe('<item> opened on line 1 is not closed before </channel> on line 1');
    expect(checkXmlStructure('<rss>\n<channel>\n<item><link>a</item></channel></rss>').problem)
      .toBe('<link> opened on line 3 is not closed before </item> on line 3');
    expect(checkXmlStructure('<rss><channel></channel></rss></rss>').problem).toBe('</rss> on line 1 closes no open element');
    expect(checkXmlStructure('<rss></rss><rss></rss>').problem).toBe('<rss> on line 1 comes after the root element </rss> closed');
    expect(checkXmlStructure('<rss><channel><title><![CDATA[x').problem).toBe('the CDATA section opened on line 1 is never closed');
  });

  it('names the root and doctype of an HTML page even when it is not well-formed', () => {
    expect(checkXmlStructure('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body><p>x</body></html>'))
      .toMatchObject({ root: 'html', doctype: 'html' });
  });
});
