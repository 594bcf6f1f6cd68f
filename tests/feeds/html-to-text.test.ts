import { describe, expect, it } from 'vitest';
import { htmlToLine, htmlToText, textToHtml, textToLine } from '../../src/feeds/html-to-text.js';

describe('html-to-text', () => {
  it('htmlToText keeps paragraphs as blank-line-separated blocks and drops scripts', () => {
    expect(htmlToText('<p>أ &amp; ب</p><script>x()</script><div>ج<br>د</div>')).toBe('أ & ب\n\nج\n\nد');
  });

  it('htmlToText reads a snippet without tags as plain text, one paragraph per line', () => {
    expect(htmlToText('سطر &quot;أول&quot;\n\n  سطر ثان ')).toBe('سطر "أول"\n\nسطر ثان');
  });

  it('htmlToLine strips tags and collapses whitespace', () => {
    expect(htmlToLine('<b>داعش</b>\n  في <i>الرقة</i>')).toBe('داعش في الرقة');
  });

  it('textToLine decodes entities but keeps < as text', () => {
    expect(textToLine('a &amp;&quot; <b> &#1583;')).toBe('a &" <b> د');
  });

  it('textToHtml escapes and wraps each line', () => {
    expect(textToHtml('x < y & z\n\nسطر')).toBe('<p>x &lt; y &amp; z</p><p>سطر</p>');
    expect(textToHtml(' \n ')).toBe('');
  });
});
