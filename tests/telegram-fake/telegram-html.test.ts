/** The fake's HTML parse_mode: Telegram's tags, character references, entity offsets (UTF-16) and error texts. */
import { describe, expect, it } from 'vitest';
import { parseTelegramHtml } from '../helpers/fake-telegram.js';

const error = (html: string): string => {
  try {
    parseTelegramHtml(html);
  } catch (err) {
    return (err as Error).message;
  }
  return '(parsed)';
};

describe('parseTelegramHtml', () => {
  it('accepts every tag Telegram supports, nested, case-insensitive', () => {
    const html =
      '<B>b</B><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>x</s><strike>k</strike><del>d</del>' +
      '<tg-spoiler>p</tg-spoiler><span class="tg-spoiler">q</span><code>c</code><blockquote>l</blockquote>' +
      '<blockquote expandable>m</blockquote><a href="https://t.me/x">a</a><b><i>bi</i></b>';
    const { text, entities } = parseTelegramHtml(html);
    expect(text).toBe('bsieunxkdpqclmabi');
    expect(entities.map((e) => e.type)).toEqual([
      'bold', 'bold', 'italic', 'italic', 'underline', 'underline', 'strikethrough', 'strikethrough', 'strikethrough',
      'spoiler', 'spoiler', 'code', 'blockquote', 'expandable_blockquote', 'text_link', 'bold', 'italic',
    ]);
  });

  it('turns <pre><code class="language-x"> into one pre entity with a language', () => {
    expect(parseTelegramHtml('<pre><code class="language-ts">let a = 1;</code></pre>').entities).toEqual([
      { type: 'pre', offset: 0, length: 10, language: 'ts' },
    ]);
  });

  it('decodes &lt; &gt; &amp; &quot; and numeric references, keeps unknown ones literally', () => {
    expect(parseTelegramHtml('&lt;b&gt; &amp; &quot;x&quot; &#1585;&#x0627; &nbsp; a&b').text).toBe('<b> & "x" را &nbsp; a&b');
  });

  it('counts entity offsets in UTF-16 code units', () => {
    expect(parseTelegramHtml('🚨 <b>عاجل</b>').entities).toEqual([{ type: 'bold', offset: 3, length: 4 }]);
  });

  it('reports errors with TDLib texts and UTF-8 byte offsets', () => {
    expect(error('<b>x')).toBe(`Can't find end tag corresponding to start tag "b"`);
    expect(error('x</b>')).toBe('Unexpected end tag at byte offset 1');
    expect(error('<i>x</b>')).toBe('Unmatched end tag at byte offset 4, expected "</i>", found "</b>"');
    expect(error('الرقة <div>x</div>')).toBe('Unsupported start tag "div" at byte offset 11');
    expect(error('a <b')).toBe('Unclosed start tag at byte offset 2');
    expect(error('<span>x</span>')).toBe('Tag "span" must have class "tg-spoiler" at byte offset 0');
    expect(error('<a href="x>y</a>')).toBe('Unclosed start tag at byte offset 0');
    expect(error('<b>x</b')).toBe('Unclosed end tag at byte offset 4');
    expect(error('<b>ok</b> <i>fine</i>')).toBe('(parsed)');
  });
});
