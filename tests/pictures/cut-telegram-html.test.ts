import { describe, expect, it } from 'vitest';
import { cutTelegramHtml, splitTelegramHtml } from '../../bots/telegram/cut-telegram-html.js';
import { parseTelegramHtml } from '../helpers/fake-telegram.js';

describe('cutting Telegram HTML', () => {
  it('leaves what fits alone', () => {
    expect(cutTelegramHtml('<b>short</b> text', 100)).toEqual({ head: '<b>short</b> text', rest: null });
  });

  it('cuts at the last space that fits, not in a word', () => {
    expect(cutTelegramHtml('alpha beta gamma delta', 13)).toEqual({ head: 'alpha beta', rest: 'gamma delta' });
  });

  it('closes the tags open at the cut and opens them again in the rest', () => {
    const { head, rest } = cutTelegramHtml('<b>one two <i>three four</i> five</b>', 27);
    expect(head).toBe('<b>one two <i>three</i></b>');
    expect(rest).toBe('<b><i>four</i> five</b>');
    for (const part of [head, rest!]) expect(() => parseTelegramHtml(part)).not.toThrow();
  });

  it('never cuts in a tag, an entity or a surrogate pair, even in one long word', () => {
    const html = `<a href="https://example.org/a?b=1&amp;c=2">${'x'.repeat(10)}&amp;${'😀'.repeat(10)}</a>`;
    const parts = splitTelegramHtml(html, 60);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(60);
      expect(() => parseTelegramHtml(p)).not.toThrow();
      expect(p).not.toMatch(/[\uD800-\uDBFF]$|&[a-z]*$|<[^>]*$/);
    }
    expect(parts.map((p) => parseTelegramHtml(p).text).join('')).toBe(`${'x'.repeat(10)}&${'😀'.repeat(10)}`);
  });

  it('splits a long text into parts within the limit that read as the whole', () => {
    const words = Array.from({ length: 400 }, (_, k) => `كلمة${k}`);
    const parts = splitTelegramHtml(`<b>${words.slice(0, 5).join(' ')}</b>\n${words.slice(5).join(' ')}`, 1024);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(1024);
    expect(parts.map((p) => parseTelegramHtml(p).text).join(' ').split(/\s+/)).toEqual(words);
  });
});
