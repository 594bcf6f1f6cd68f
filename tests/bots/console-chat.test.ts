import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleChat } from '../../bots/console/console-chat.js';
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
  const done = startConsoleChat(core, { input, output, color: false });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('console chat', () => {
  it('answers a query with ranked reports, marked snippets and paging', async () => {
    const out = await chat('attacks in Raqqa');
    expect(out).toContain('Understood: places: Raqqa (الرقة) · events: Attack (هجوم)');
    expect(out).toContain('Results 1–5 of 5');
    expect(out).toContain('1. ما وراء تصعيد “تنظيم الدولة” من هجماته في الرقة ودير الزور.؟');
    expect(out).toContain('   فرات بوست · date unknown · #');
    expect(out).toMatch(/\*\*الرقة\*\*/);
    expect(out).toContain('(no link: a bundled report)');
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
    expect(out).toContain('Results 1–5 of');
    expect(out).toContain('Results 6–');
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
