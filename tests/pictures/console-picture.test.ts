/** Pictures on the console: written as files in the pictures folder, their path printed with the caption. */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { printConsoleAnswer } from '../../bots/console/console-chat.js';
import { consolePlatform } from '../../bots/console/console-platform.js';
import { createConsoleSink } from '../../bots/console/console-sink.js';
import { loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';
import { readTestPng, testPng } from '../helpers/test-png.js';

const png = testPng(40, 20);
const picture = { png, caption: 'Attacks by month\nRaqqa, 2017', alt: 'a chart' };
const style = { color: false };

describe('a picture on the console', () => {
  it('in the chat: the PNG is written to the pictures folder and its path printed above the caption', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rasid-pictures-')), 'pictures');
    let printed = '';
    await printConsoleAnswer({ kind: 'picture', picture }, { write: (t) => void (printed += t), lang: 'en', style, picturesDir: dir, now: () => new Date('2026-12-05T07:00:00.123Z') });
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^chat-20261205T070000Z-\d+-chart\.png$/);
    expect(printed).toBe(`[picture: ${join(dir, file!)}]\nAttacks by month\nRaqqa, 2017\n`);
    expect(readTestPng(readFileSync(join(dir, file!)))).toEqual({ width: 40, height: 20, patternHolds: true });
  });

  it('in the chat without a pictures folder: the fallback text', async () => {
    let printed = '';
    await printConsoleAnswer({ kind: 'picture', picture: { ...picture, fallback: 'Raqqa: 12 attacks' } }, { write: (t) => void (printed += t), lang: 'en', style });
    expect(printed).toBe('Raqqa: 12 attacks\n');
  });

  it('as a digest message: the sink writes run<r>-m<seq>-<name>, the same file again after a re-send', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rasid-pictures-'));
    const out = new PassThrough();
    let printed = '';
    out.on('data', (c: Buffer) => void (printed += c.toString()));
    const sink = createConsoleSink(out, { picturesDir: dir });
    const [payload] = consolePlatform.renderPicture!(picture);
    for (let k = 0; k < 2; k++) await sink.send({ platform: 'console', chatId: 'stdout', threadId: null }, payload, { runId: 3, seq: 0, firstMessageId: null });
    expect(readdirSync(dir)).toEqual(['run3-m0-chart.png']);
    expect(readFileSync(join(dir, 'run3-m0-chart.png')).equals(png)).toBe(true);
    expect(printed).toContain(`[picture: ${join(dir, 'run3-m0-chart.png')}]\nAttacks by month\nRaqqa, 2017`);
  });

  it('goes to data/pictures/ unless RASID_PICTURES says otherwise', () => {
    expect(loadConfig({}, repoPath('tests', 'no-such.env')).picturesDir).toBe(repoPath('data', 'pictures'));
    expect(loadConfig({ RASID_PICTURES: '/srv/rasid/pictures' }, repoPath('tests', 'no-such.env')).picturesDir).toBe('/srv/rasid/pictures');
  });
});
