import { describe, expect, it } from 'vitest';
import { renderDigestText } from '../../../bots/console/render-console-digest.js';
import { renderDiscord } from '../../../bots/discord/render-discord-digest.js';
import { renderTelegram } from '../../../bots/telegram/render-telegram-digest.js';
import { bidiProblem, discordText, telegramText } from './check-markup.js';
import { realisticDigest, smallDigest } from './make-digest.js';

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Every line each renderer shows, as the client shows it (markup gone); URL-only lines of plain text set apart. */
function shownLines(digest = realisticDigest()): Record<string, string[]> {
  const discord = renderDiscord(digest).flatMap((m) => [
    ...(m.content ? discordText(m.content).split('\n') : []),
    ...(m.embeds ?? []).flatMap((e) => [e.title ?? '', ...discordText(e.description ?? '').split('\n'), e.footer?.text ?? '']),
  ]);
  return {
    telegram: renderTelegram(digest).flatMap((m) => telegramText(m).split('\n')),
    discord,
    text: renderDigestText(digest)
      .split('\n')
      .filter((l) => !/^https?:\/\/\S+$/.test(l)),
  };
}

describe('right-to-left', () => {
  it.each([
    ['📊 الحصيلة: 12 تقريراً', null],
    ['🕒 نُشر في 4 آذار · Reuters · هجوم · قتلى: 4، جرحى: 2', null],
    ['https://example.org/1', 'starts with h'],
    ['🕒 4 آذار', '4 follows nothing'],
    ['🕒 Reuters · 4 آذار', 'starts with R'],
    ['نُشر في · Reuters 4 آذار', '4 follows s'],
  ])('the checker: %j', (line, problem) => {
    expect(bidiProblem(line)).toBe(problem);
  });

  it.each(['telegram', 'discord', 'text'])('%s: every line leads with Arabic and every number follows Arabic', (renderer) => {
    for (const digest of [realisticDigest(), smallDigest()]) {
      const lines = shownLines(digest)[renderer] ?? [];
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.map((l) => [l, bidiProblem(l)]).filter(([, p]) => p !== null)).toEqual([]);
    }
  });

  it('writes no bidi control characters', () => {
    for (const lines of Object.values(shownLines())) for (const l of lines) expect(l).not.toMatch(BIDI_CONTROLS);
  });

  it('keeps URLs out of Arabic lines', () => {
    for (const lines of Object.values(shownLines())) for (const l of lines) expect(l).not.toMatch(/https?:/);
  });
});
