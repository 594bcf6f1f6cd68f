/** Pictures on Telegram: the real grammY client against the fake Bot API (multipart sendPhoto). */
import { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAnswer } from '../../bots/chat/chat-answer.js';
import { renderTelegramPicture, TELEGRAM_MAX_CAPTION } from '../../bots/telegram/render-telegram-picture.js';
import { sendTelegramMessages, telegramMessages } from '../../bots/telegram/telegram-answer.js';
import { createTelegramSink } from '../../bots/telegram/telegram-sink.js';
import { PermanentDeliveryError, RateLimitedError } from '../../digests/message-sink.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';
import { readTestPng, testPng } from '../helpers/test-png.js';

const ALICE = { id: 111, first_name: 'Alice', language_code: 'en' };
const aliceChat = { id: ALICE.id, type: 'private' as const };
const GROUP = { id: -1001, type: 'supergroup' as const, title: 'غرفة الرصد', is_forum: true as const };
const png = testPng(40, 20);

let fake: FakeTelegram;
let bot: Bot;
let answer: ChatAnswer;

beforeAll(async () => {
  fake = await startFakeTelegram();
  bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  bot.command('pic', (ctx) => sendTelegramMessages(ctx, telegramMessages(answer, 'en')));
  await bot.init();
});
afterAll(() => fake.close());

/** Sends `/pic` to the bot as Alice and lets it answer `said`. */
async function ask(said: ChatAnswer) {
  answer = said;
  const before = fake.sent(ALICE.id).length;
  await bot.handleUpdate(fake.sendText(ALICE, aliceChat, '/pic'));
  return fake.sent(ALICE.id).slice(before);
}

describe('a picture answered on Telegram', () => {
  it('arrives as sendPhoto with the exact bytes, the caption in HTML and its first line bold', async () => {
    const sent = await ask({ kind: 'picture', picture: { png, caption: 'Attacks by month\nRaqqa & Deir ez-Zor, 2017', alt: 'a bar chart' } });
    expect(sent).toHaveLength(1);
    const [photo] = sent;
    expect(fake.callsOf('sendPhoto').at(-1)!.params.photo).toMatch(/^attach:\/\//);
    expect(photo!.photo!.name).toBe('chart.png');
    expect(photo!.photo!.data.equals(png)).toBe(true);
    expect(readTestPng(photo!.photo!.data)).toEqual({ width: 40, height: 20, patternHolds: true });
    expect(photo!.parse_mode).toBe('HTML');
    expect(photo!.rawText).toBe('<b>Attacks by month</b>\nRaqqa &amp; Deir ez-Zor, 2017');
    expect(photo!.text).toBe('Attacks by month\nRaqqa & Deir ez-Zor, 2017');
    expect(photo!.message.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 16 }]);
    expect(photo!.message.photo?.[0]).toMatchObject({ width: 40, height: 20, file_size: png.length });
  });

  it('a caption over 1024 characters is cut at a word, outside any tag, and the rest follows as a message', async () => {
    const words = Array.from({ length: 300 }, (_, k) => `word${k}`);
    const caption = `Title <of> the chart\n${words.join(' ')}`;
    const sent = await ask({ kind: 'picture', picture: { png, caption, alt: 'a chart' } });
    expect(sent.map((s) => (s.photo ? 'photo' : 'text'))).toEqual(['photo', 'text']);
    const [photo, rest] = sent;
    expect(photo!.rawText.length).toBeLessThanOrEqual(TELEGRAM_MAX_CAPTION);
    expect(photo!.rawText.length).toBeGreaterThan(TELEGRAM_MAX_CAPTION - 12);
    expect(photo!.text).toMatch(/ word\d+$/);
    expect(rest!.parse_mode).toBe('HTML');
    // Nothing lost, nothing cut in two: the caption and the message read as the whole caption.
    expect(`${photo!.text} ${rest!.text}`).toBe(caption);
  });

  it('the same cut serves the digests: the photo payload, then the rest as { html } messages', () => {
    const caption = `T\n${'كلمة '.repeat(600).trim()}`;
    const [photo, ...rest] = renderTelegramPicture({ png, caption, alt: '' });
    expect(photo).toMatchObject({ photo: 'chart.png', png });
    expect(photo.html.length).toBeLessThanOrEqual(TELEGRAM_MAX_CAPTION);
    expect(rest.length).toBe(1);
    expect(JSON.stringify(rest)).not.toContain('png');
  });
});

describe('the Telegram digest sink with a picture', () => {
  const payload = () => renderTelegramPicture({ png, caption: 'موجز بالصور\nالرقة', alt: 'chart' })[0];

  it('sends it with sendPhoto into the forum topic', async () => {
    fake.addChat(GROUP);
    const sink = createTelegramSink(bot.api);
    const { messageId } = await sink.send({ platform: 'telegram', chatId: String(GROUP.id), threadId: '7' }, payload(), { runId: 1, seq: 0, firstMessageId: null });
    const sent = fake.sent(GROUP.id).at(-1)!;
    expect(String(sent.messageId)).toBe(messageId);
    expect(sent.message_thread_id).toBe(7);
    expect(sent.photo!.data.equals(png)).toBe(true);
    expect(sent.text).toBe('موجز بالصور\nالرقة');
  });

  it('turns 429 into RateLimitedError and a blocked chat into PermanentDeliveryError, as for text', async () => {
    const sink = createTelegramSink(bot.api);
    const to = { platform: 'telegram', chatId: String(GROUP.id), threadId: null };
    fake.failNext('sendPhoto', { error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } });
    const limited = await sink.send(to, payload(), { runId: 1, seq: 0, firstMessageId: null }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(7000);
    fake.setBlocked(GROUP.id);
    await expect(sink.send(to, payload(), { runId: 1, seq: 0, firstMessageId: null })).rejects.toBeInstanceOf(PermanentDeliveryError);
    fake.setBlocked(GROUP.id, false);
  });
});
