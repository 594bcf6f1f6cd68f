import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interface } from 'node:readline';
import { startConsoleChat } from '../../bots/console/console-chat.js';
import { createPromptGuard } from '../../bots/console/prompt-guard.js';
import { wrapWords } from '../../bots/console/render-text.js';
import { createDigestService } from '../../bin/create-digest-service.js';
import type { Core } from '../../src/create-core.js';
import { seededCore } from '../helpers/test-core.js';

let core: Core;
beforeAll(async () => {
  core = await seededCore();
});
afterAll(() => core.close());

/** Types the lines into the console chat and returns everything it printed. */
async function chat(...lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const digests = createDigestService({ core, sinks: {}, logger: core.logger, notifyAdmins: () => undefined });
  const done = startConsoleChat(core, { input, output, color: false, digests });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('console chat', () => {
  it('/alert sets a spike alert printed here; without a filter it says how, in the language typed', async () => {
    const out = await chat('/alert Deir ez-Zor', '/alert', '/alert دير الزور', '/alert zzzz');
    expect(out).toContain('Alert set: I check every hour and post when the events matching it in the last 24 hours rise well above their usual level.\n#1 · spike alert (k = 3) · Deir ez-Zor\n');
    expect(out).toContain('Send: /alert and what to watch, e.g. /alert Deir ez-Zor\n');
    expect(out).toContain('تم ضبط التنبيه: أتحقق كل ساعة، وأرسل تنبيهاً حين ترتفع الأحداث المطابقة له خلال 24 ساعة فوق مستواها المعتاد بوضوح.\n#2 · تنبيه عند الارتفاع (k = 3) · دير الزور\n');
    expect(out).toContain('the filter "zzzz" names no place, event, actor or Arabic word Rasid knows');
    const createDigests = () => createDigestService({ core, sinks: {}, logger: core.logger, notifyAdmins: () => undefined });
    expect(createDigests().subscriptions.list().filter((s) => s.kind === 'alert').map((s) => [s.platform, s.chatId, s.filter])).toEqual([
      ['console', 'stdout', 'Deir ez-Zor'],
      ['console', 'stdout', 'دير الزور'],
    ]);
    for (const s of createDigests().subscriptions.list()) createDigests().subscriptions.remove(s.id);
  });

  it('answers a query with ranked reports, marked snippets and paging', async () => {
    const out = await chat('attacks in Raqqa');
    expect(out).toContain('Understood: places: Raqqa (الرقة) · events: Attack (هجوم)');
    expect(out).toContain('Results 1–5 of 5');
    expect(out).toContain('1. ما وراء تصعيد “تنظيم الدولة” من هجماته في الرقة ودير الزور.؟');
    expect(out).toContain('   فرات بوست · date unknown · #');
    expect(out).toMatch(/\*\*الرقة\*\*/);
    expect(out).toContain('   (no link)\n');
  });

  it('answers an Arabic query in Arabic', async () => {
    const out = await chat('هجمات في الرقة');
    expect(out).toContain('فهمت: المكان: الرقة · الحدث: هجوم');
    expect(out).toContain('النتائج 1–5 من 5');
  });

  it('pages with /next and /prev, and says when there is nothing to page', async () => {
    const before = await chat('/next');
    expect(before).toContain('There is no search to page through yet: type a query first.');
    const out = await chat('SDF', '/next', '/prev');
    expect(out).toContain('Results 1–5 of 5');
    expect(out).toContain('No more results: all 5 were shown. /prev goes back.');
    expect(out).not.toContain('Results 6–');
    expect(out.split('Results 1–5 of 5')).toHaveLength(3); // /prev is back on the first page
  });

  it.each([
    ['/help', 'Rasid searches Arabic reporting on ISIS in Syria and Iraq.'],
    ['/latest', 'Latest reports'],
    ['/frobnicate', 'Unknown command /frobnicate. Type /help for the list.'],
    ['NEAR( "* ^-:', 'Nothing to search for. Try a place and an event'],
    ['attacks in Manbji', 'Did you mean Manbij for "Manbji"?'],
  ])('%s', async (line, expected) => {
    expect(await chat(line)).toContain(expected);
  });

  it('stops at /quit and ignores what follows', async () => {
    const out = await chat('/quit', 'attacks in Raqqa');
    expect(out).not.toContain('Results');
  });
});

describe('console chat: commands beyond the bots\' own', () => {
  it('/help lists /quit, /digest, /stats and /map', async () => {
    const out = await chat('/help');
    for (const line of [
      '/quit     leave the console chat', '/digest   a preview of a digest of the last 24 hours',
      '/stats    a chart of the events (timeline by type, killed and wounded, governorates) written as a PNG (/stats attacks in Raqqa)',
      '/map      a map of the events by place, written as a PNG (/map car bombs)',
    ]) {
      expect(out).toContain(line);
    }
  });

  // Without a pictures folder the console prints what the picture says: its title, summary and counts.
  it.each([
    // The bundled corpus's one dated seed tells of threats, not of an event: no event has a date.
    ['/stats', 'Events: all · dates unknown\n7 events from 3 source reports · 124 killed, 0 wounded · 7 undated, not on the timeline\n'],
    // Events located in Raqqa, not reports that mention it.
    ['/stats Raqqa', 'Events: Raqqa · dates unknown\n2 events from 2 source reports · 13 killed, 0 wounded · 2 undated, not on the timeline\n\nEvents by district  Events  Killed  Wounded\nAr-Raqqah                2      13        0\n'],
    ['/stats الرقة', 'الأحداث: الرقة | تواريخ غير معروفة\nالأحداث: ٢، التقارير: ٢ | القتلى: ١٣، الجرحى: ٠ | بلا تاريخ، خارج الخط الزمني: ٢\n'],
    // No event to draw: the report counts, as before pictures.
    ['/stats zzzz', 'Reports: 0 (zzzz)\nBy governorate: -\nBy event type: -'],
  ])('%s', async (line, expected) => {
    expect(await chat(line)).toContain(expected);
  });

  it('/stats and /map write PNG files to the pictures folder and print their paths and captions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-pictures-'));
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let printed = '';
      output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
      const done = startConsoleChat(core, { input, output, color: false, picturesDir: dir });
      input.end('/stats Raqqa\n/map الرقة\n');
      await done;
      const files = readdirSync(dir).sort();
      expect(files).toHaveLength(2);
      expect(files.map((f) => f.replace(/^.*-(stats|map)\.png$/u, '$1'))).toEqual(['stats', 'map']);
      for (const f of files) {
        const png = PNG.sync.read(readFileSync(join(dir, f)));
        expect(png.width).toBeGreaterThan(300);
        expect(printed).toContain(join(dir, f));
      }
      expect(printed).toContain('Events: Raqqa · dates unknown\n2 events from 2 source reports · 13 killed, 0 wounded');
      expect(printed).toContain('الأحداث: الرقة | تواريخ غير معروفة\nالأحداث: ٢، التقارير: ٢ | القتلى: ١٣، الجرحى: ٠');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('/digest previews a digest of the last 24 hours, in Arabic', async () => {
    const out = await chat('/digest');
    expect(out).toContain('📰 موجز راصد');
    expect(out).toContain('📊 الحصيلة: 5 تقارير');
  });
});

describe('console output around the prompt', () => {
  it('a log line or digest printed while the prompt is shown clears the line, prints above, and redraws the prompt with what was typed', () => {
    const writes: string[] = [];
    const target = { write: (c: string) => (writes.push(c), true) } as unknown as NodeJS.WritableStream;
    const guard = createPromptGuard();
    const out = guard.wrap(target);
    out.write('before the chat\n');
    const prompts: boolean[] = [];
    guard.attach({ prompt: (preserve: boolean) => (prompts.push(preserve), writes.push('rasid> attacks in')) } as unknown as Interface);
    out.write('{"level":40,"msg":"feed paused"}\n');
    out.write('no newline');
    guard.attach(null);
    out.write('after\n');
    expect(writes).toEqual([
      'before the chat\n',
      '\r\u001b[2K', '{"level":40,"msg":"feed paused"}\n', 'rasid> attacks in',
      '\r\u001b[2K', 'no newline', '\n', 'rasid> attacks in',
      'after\n',
    ]);
    expect(prompts).toEqual([true, true]);
  });

  it.each([
    ['short words fit', 'one two three', 30, '   one two three'],
    ['breaks only between words', 'alpha beta gamma delta epsilon zeta eta theta', 23, '   alpha beta gamma\n   delta epsilon zeta\n   eta theta'],
    ['colour codes take no room', '\u001b[1;33mالرقة\u001b[0m هجمات عدة في المدينة', 23, '   \u001b[1;33mالرقة\u001b[0m هجمات عدة في\n   المدينة'],
    ['a word longer than the line stays whole', 'a ' + 'x'.repeat(30) + ' b', 23, '   a\n   ' + 'x'.repeat(30) + '\n   b'],
  ])('wrapWords: %s', (_name, text, width, expected) => {
    expect(wrapWords(text, width, '   ')).toBe(expected);
  });
});
