import { describe, expect, it } from 'vitest';
import { CHROME_LINES, exactChromeKind } from '../../src/ingest/page-chrome.js';

describe('exactChromeKind', () => {
  it('knows every chrome line, also written long with marks, tatweel and spaces', () => {
    for (const line of CHROME_LINES) {
      expect(exactChromeKind(line.text)).toBe(line.kind);
      const padded = `  ${[...line.text].map((ch) => `${ch}\u064e\u0640`).join('')}   ...  `;
      expect(padded.length).toBeGreaterThan(3 * line.text.length);
      expect(exactChromeKind(padded)).toBe(line.kind);
    }
  });

  it('passes over an article paragraph', () => {
    expect(exactChromeKind('قالت مصادر محلية إن عبوة ناسفة انفجرت صباح اليوم في ريف دير الزور الشرقي، ما أدى إلى مقتل ثلاثة عناصر.')).toBeNull();
  });
});
