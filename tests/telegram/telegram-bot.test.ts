import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramBot, type TelegramBot } from '../../bots/telegram/create-telegram-bot.js';
import { createDigestService, type DigestService } from '../../bin/create-digest-service.js';
import type { Core } from '../../src/create-core.js';
import { loadConfig } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';
import { createLogger } from '../../src/log/create-logger.js';
import { startFakeTelegram, type ApiCall, type FakeTelegram } from '../helpers/fake-telegram.js';
import { deirEzZorReport } from '../helpers/alert-reports.js';
import { FIXED_NOW, seededCore } from '../helpers/test-core.js';

const ALICE = { id: 111, first_name: 'Alice', language_code: 'en' };
const SAMI = { id: 222, first_name: 'سامي', language_code: 'ar' };
const STRANGER = { id: 999, first_name: 'Eve' };
const aliceChat = { id: ALICE.id, type: 'private' as const };
const samiChat = { id: SAMI.id, type: 'private' as const };
const GROUP = { id: -1001, type: 'supergroup' as const, title: 'غرفة الرصد', is_forum: true as const };
const CHANNEL = { id: -100777, type: 'channel' as const, title: 'قناة راصد', username: 'rasid_channel' };

let fake: FakeTelegram;
let core: Core;
let digests: DigestService;
let tg: TelegramBot;
let refreshes: number;

beforeAll(async () => {
  fake = await startFakeTelegram({ botUsername: 'rasid_bot' });
});
afterAll(() => fake.close());

beforeEach(async () => {
  core = await seededCore({ RASID_PAGE_SIZE: '2' });
  const logger = createLogger({ level: 'silent', format: 'json' });
  digests = createDigestService({ core, sinks: {}, logger, notifyAdmins: () => undefined, sleep: async () => undefined });
  const config = loadConfig(
    { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_ALLOWED_CHATS: `${ALICE.id},${SAMI.id},${GROUP.id}`, TELEGRAM_ADMINS: String(ALICE.id), RASID_PAGE_SIZE: '2' },
    repoPath('tests', 'no-such.env'),
  );
  refreshes = 0;
  tg = createTelegramBot({ core, digests, settings: config.telegram!, logger, ratePerMinute: 8, refreshSchedules: () => void refreshes++ });
  await tg.start();
});
afterEach(async () => {
  await tg.stop();
  core.close();
});

/** Sends a message and waits for the bot's next sendMessage to that chat. */
async function ask(from: typeof ALICE, chat: { id: number; type: 'private' | 'supergroup'; title?: string; is_forum?: true }, text: string, extra = {}): Promise<ApiCall> {
  const after = fake.calls.length;
  fake.sendText(from, chat, text, extra);
  const call = await fake.waitForCall('sendMessage', (c) => c.params.chat_id === chat.id || c.params.chat_id === String(chat.id), { after });
  // Telegram must have accepted it: valid HTML, within the limits.
  expect(call.status, JSON.stringify(call.response)).toBe(200);
  return call;
}
const textOf = (c: ApiCall) => String(c.params.text);

describe('Telegram bot', () => {
  it('registers its commands in English and Arabic', async () => {
    const langs = fake.commands().map((c) => [c.language_code ?? '', c.commands.length]);
    expect(langs).toEqual(expect.arrayContaining([['', 15], ['ar', 15]]));
    expect(fake.commandsFor('ar').find((c) => c.command === 'latest')!.description).toBe('أحدث التقارير');
  });

  it('answers a query in a private chat with ranked reports, marked snippets and paging buttons', async () => {
    const reply = await ask(ALICE, aliceChat, 'attacks in Raqqa');
    expect(reply.params.parse_mode).toBe('HTML');
    expect(textOf(reply)).toContain('🔎 places: Raqqa · events: Attack');
    expect(textOf(reply)).toContain('Results 1–2 of 5');
    expect(textOf(reply)).toContain('1. <b>ما وراء تصعيد “تنظيم الدولة” من هجماته في الرقة ودير الزور.؟</b>');
    expect(textOf(reply)).toMatch(/<b>الرقة<\/b>/);
    const keyboard = (reply.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    expect(keyboard[0]!.map((b) => b.text)).toEqual(['Next ▶']);
    expect(Buffer.byteLength(keyboard[0]![0]!.callback_data)).toBeLessThanOrEqual(64);

    const sent = fake.sent(ALICE.id).at(-1)!;
    const after = fake.calls.length;
    fake.pressButton(ALICE, sent.message, keyboard[0]![0]!.callback_data);
    const edit = await fake.waitForCall('editMessageText', undefined, { after });
    expect(textOf(edit)).toContain('Results 3–4 of 5');
    await fake.waitForCall('answerCallbackQuery', undefined, { after });
  });

  it('answers an Arabic query in Arabic', async () => {
    const reply = await ask(SAMI, samiChat, 'هجمات في الرقة');
    expect(textOf(reply)).toContain('🔎 المكان: الرقة · الحدث: هجوم');
    expect(textOf(reply)).toContain('النتائج 1–2 من 5');
  });

  it.each([
    [SAMI, samiChat, '/start', '<b>راصد</b> يبحث في التقارير العربية'],
    [ALICE, aliceChat, '/help', '<b>Rasid</b> searches Arabic reporting'],
    [ALICE, aliceChat, '/frobnicate', 'Unknown command /frobnicate. Type /help for the list.'],
    [ALICE, aliceChat, 'NEAR( "* ^-:', 'Nothing to search for.'],
    [ALICE, aliceChat, '/latest', '<b>Latest reports</b>'],
    // No event to draw: the report counts as words.
    [ALICE, aliceChat, '/stats zzzz', '<b>Reports: 0</b> (zzzz)'],
    [SAMI, samiChat, '/feeds', 'هذا الأمر لمشغّلي البوت فقط.'],
    [ALICE, aliceChat, '/feeds', 'No feeds.'],
    [SAMI, samiChat, '/status', 'هذا الأمر لمشغّلي البوت فقط.'],
    [ALICE, aliceChat, '/status', '<pre>Rasid status at 2026-'],
    [ALICE, aliceChat, '/status', 'platforms: telegram connected · discord not configured'],
  ])('%o %s', async (from, chat, text, expected) => {
    expect(textOf(await ask(from, chat, text))).toContain(expected);
  });

  it.each([
    ['/stats Raqqa', 'stats.png', 'Events: Raqqa · dates unknown\n2 events from 2 source reports · 13 killed, 0 wounded · 2 undated, not on the timeline'],
    ['/map الرقة', 'map.png', 'الأحداث: الرقة | تواريخ غير معروفة\nالأحداث: ٢، التقارير: ٢ | القتلى: ١٣، الجرحى: ٠ | بلا تاريخ، خارج الخط الزمني: ٢'],
  ])('%s answers with a picture and its two-line caption, the title bold', async (text, name, caption) => {
    const after = fake.calls.length;
    fake.sendText(ALICE, aliceChat, text);
    const call = await fake.waitForCall('sendPhoto', (c) => String(c.params.chat_id) === String(aliceChat.id), { after });
    expect(call.status, JSON.stringify(call.response)).toBe(200);
    const sent = fake.sent(ALICE.id).at(-1)!;
    expect(sent.photo!.name).toBe(name);
    const png = PNG.sync.read(sent.photo!.data);
    expect(png.width).toBeGreaterThan(300);
    expect(sent.text).toBe(caption);
    expect(sent.rawText!.startsWith(`<b>${caption.split('\n')[0]}</b>\n`)).toBe(true);
  });

  it('answers a stale or unknown button gracefully', async () => {
    await ask(ALICE, aliceChat, 'SDF');
    const sent = fake.sent(ALICE.id).at(-1)!;
    const after = fake.calls.length;
    // A button of a search the bot no longer remembers (it restarted, or the search is old).
    fake.enqueue({ callback_query: { id: 'cb-stale', from: { ...ALICE, is_bot: false }, chat_instance: 'ci', message: sent.message, data: 'p:zzzz:4' } } as never);
    const answer = await fake.waitForCall('answerCallbackQuery', undefined, { after });
    expect(answer.params.text).toBe('This search has expired; send it again.');
  });

  it('refuses a chat it does not serve once, showing the chat id, and then stays silent', async () => {
    const eveChat = { id: STRANGER.id, type: 'private' as const };
    const refusal = await ask(STRANGER as typeof ALICE, eveChat, 'attacks in Raqqa');
    expect(textOf(refusal)).toBe("This bot serves only the chats its operator allows. This chat's id is <code>999</code>: send it to the operator to be added.");
    const before = fake.callsOf('sendMessage').length;
    fake.sendText(STRANGER, eveChat, 'hello?');
    await ask(ALICE, aliceChat, '/help'); // a later update has been handled
    expect(fake.callsOf('sendMessage').filter((c) => c.params.chat_id === STRANGER.id)).toHaveLength(1);
    expect(fake.callsOf('sendMessage').length).toBe(before + 1);
  });

  it('slows down a flooding user with one warning, and answers others meanwhile', async () => {
    const start = fake.calls.length;
    for (let i = 0; i < 8; i++) await ask(SAMI, samiChat, '/help');
    const warning = await ask(SAMI, samiChat, '/help');
    expect(textOf(warning)).toBe('رسائل كثيرة. تمهّل دقيقة من فضلك.');
    fake.sendText(SAMI, samiChat, '/help');
    expect(textOf(await ask(ALICE, aliceChat, '/help'))).toContain('Rasid');
    expect(fake.calls.slice(start).filter((c) => c.method === 'sendMessage' && c.params.chat_id === SAMI.id)).toHaveLength(9);
  });

  it('survives odd updates: edits, channel posts, stickers, and a 10,000-character text', async () => {
    fake.enqueue({ edited_message: { message_id: 5, date: 1, edit_date: 2, chat: aliceChat, from: { ...ALICE, is_bot: false }, text: 'edited' } } as never);
    fake.enqueue({ channel_post: { message_id: 6, date: 1, chat: CHANNEL, text: '/help' } } as never);
    fake.enqueue({ message: { message_id: 7, date: 1, chat: aliceChat, from: { ...ALICE, is_bot: false }, sticker: { file_id: 'x', file_unique_id: 'y', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } } } as never);
    const long = await ask(ALICE, aliceChat, 'ا'.repeat(10_000));
    expect(textOf(long).length).toBeLessThanOrEqual(4096);
    expect(textOf(await ask(ALICE, aliceChat, '/help'))).toContain('Rasid');
  });

  it('a failing handler answers with a short error and keeps going', async () => {
    const search = core.search;
    core.search = () => {
      throw new Error('disk on fire');
    };
    try {
      expect(textOf(await ask(ALICE, aliceChat, 'attacks in Raqqa'))).toBe('Something went wrong on our side. Please try again shortly.');
    } finally {
      core.search = search;
    }
    expect(textOf(await ask(ALICE, aliceChat, 'attacks in Raqqa'))).toContain('Results 1–2 of 5');
  });

  it('tells the operators, in private, what needs a human', async () => {
    const after = fake.calls.length;
    await tg.notifyAdmins('Feed #3 <x> is paused after 5 failed polls in a row.');
    const notice = await fake.waitForCall('sendMessage', (c) => c.params.chat_id === String(ALICE.id), { after });
    expect(notice.status).toBe(200);
    expect(textOf(notice)).toBe('⚠️ Feed #3 &lt;x&gt; is paused after 5 failed polls in a row.');
  });

  it('waits out a 429 on a reply (auto-retry) and sends it once', async () => {
    const start = fake.calls.length;
    fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    fake.sendText(ALICE, aliceChat, '/help');
    const reply = await fake.waitForCall('sendMessage', (c) => c.params.chat_id === ALICE.id && c.injected !== true, { after: start, timeoutMs: 5000 });
    expect(textOf(reply)).toContain('Rasid');
    const tries = fake.calls.slice(start).filter((c) => c.method === 'sendMessage' && c.params.chat_id === ALICE.id);
    expect(tries).toHaveLength(2);
    expect(tries[0]!.injected).toBe(true);
    expect(tries[1]!.at - tries[0]!.at).toBeGreaterThanOrEqual(990);
  }, 10_000);
});

describe('Telegram subscriptions and digests', () => {
  it('a group admin subscribes a forum topic; the digest arrives there as HTML', async () => {
    fake.addChat(GROUP);
    fake.setAdmins(GROUP.id, [ALICE.id]);
    const reply = await ask(ALICE, GROUP, '/subscribe 07:30 Raqqa', { message_thread_id: 42 });
    expect(textOf(reply)).toContain('Subscribed. Next digest:');
    const [sub] = digests.subscriptions.list({ platform: 'telegram', chatId: String(GROUP.id) });
    expect(sub).toMatchObject({ cron: '30 7 * * *', timezone: 'Asia/Damascus', filter: 'Raqqa', threadId: '42', label: 'غرفة الرصد', createdBy: `telegram:${ALICE.id}` });
    expect(refreshes).toBe(1);

    core.ingestOne({ text: 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين، وفق مصادر محلية.', title: 'سيارة مفخخة في الرقة', url: 'https://example.org/r', origin: 't' });
    const delivering = createDigestService({ core, sinks: { telegram: tg.sink }, logger: createLogger({ level: 'silent', format: 'json' }), notifyAdmins: () => undefined });
    const after = fake.calls.length;
    expect(await delivering.run(sub!.id)).toMatchObject({ kind: 'delivered', messages: 1 });
    const digest = await fake.waitForCall('sendMessage', (c) => c.params.chat_id === String(GROUP.id), { after });
    expect(digest.params).toMatchObject({ parse_mode: 'HTML', message_thread_id: 42, link_preview_options: { is_disabled: true } });
    expect(textOf(digest)).toContain('<a href="https://example.org/r">سيارة مفخخة في الرقة</a>');
  });

  it('a group admin sets a spike alert with /alert in a forum topic; when it fires, its timeline and one HTML alert arrive there', async () => {
    fake.addChat(GROUP);
    fake.setAdmins(GROUP.id, [ALICE.id]);
    expect(textOf(await ask(SAMI, GROUP, '/alert دير الزور'))).toBe('تغيير اشتراكات هذه المحادثة لمشرفيها فقط.');
    expect(textOf(await ask(SAMI, GROUP, '/alert'))).toBe('أرسل: /alert ثم ما تريد مراقبته، مثل: /alert دير الزور');
    expect(textOf(await ask(ALICE, GROUP, '/alert frobnicate'))).toContain('names no place, event, actor or Arabic word Rasid knows');
    const reply = await ask(ALICE, GROUP, '/alert Deir ez-Zor', { message_thread_id: 42 });
    expect(textOf(reply)).toBe(
      'Alert set: I check every hour and post when the events matching it in the last 24 hours rise well above their usual level.\n#1 · spike alert (k = 3) · Deir ez-Zor',
    );
    const [sub] = digests.subscriptions.list({ platform: 'telegram', chatId: String(GROUP.id) });
    expect(sub).toMatchObject({ kind: 'alert', alertK: 3, cron: '0 * * * *', filter: 'Deir ez-Zor', threadId: '42', createdBy: `telegram:${ALICE.id}` });
    expect(refreshes).toBe(1);
    expect(textOf(await ask(ALICE, GROUP, '/alert Deir ez-Zor', { message_thread_id: 42 }))).toContain('already alerts this destination on the same filter');

    // The seed reports are years old: nothing usual in Deir ez-Zor for 28 days, then four events this morning.
    for (let h = 1; h <= 4; h++) core.ingestOne(deirEzZorReport(h, h, new Date(FIXED_NOW.getTime() - h * 3_600_000).toISOString()));
    const delivering = createDigestService({ core, sinks: { telegram: tg.sink }, logger: createLogger({ level: 'silent', format: 'json' }), notifyAdmins: () => undefined });
    const after = fake.calls.length;
    expect(await delivering.run(sub!.id)).toMatchObject({ kind: 'delivered', messages: 2, alert: { count: 4, mean: 0 } });
    // First the timeline picture, in the topic, then the alert's words.
    const photo = await fake.waitForCall('sendPhoto', (c) => String(c.params.chat_id) === String(GROUP.id), { after });
    expect(photo.status).toBe(200);
    expect(String(photo.params.message_thread_id)).toBe('42');
    const alert = await fake.waitForCall('sendMessage', (c) => c.params.chat_id === String(GROUP.id), { after });
    expect(alert.status).toBe(200);
    expect(alert.params).toMatchObject({ parse_mode: 'HTML', message_thread_id: 42, link_preview_options: { is_disabled: true } });
    expect(textOf(alert).split('\n').slice(0, 3)).toEqual([
      '🚨 <b>تنبيه: ارتفاع في أحداث دير الزور</b>',
      '📈 خلال آخر 24 ساعة: 4 أحداث، ولم يُسجَّل أي حدث في الأيام الـ28 السابقة.',
      '🔎 معيار التنبيه: Deir ez-Zor',
    ]);
    expect(textOf(alert)).toContain('▪️ <a href="https://example.org/dez/4">لغم في بادية البوكمال</a>');
    expect(textOf(await ask(ALICE, GROUP, '/subscriptions'))).toContain('#1 · spike alert (k = 3) · Deir ez-Zor · alerting now');
  });

  it('only chat admins change subscriptions', async () => {
    fake.addChat(GROUP);
    fake.setAdmins(GROUP.id, [ALICE.id]);
    expect(textOf(await ask(SAMI, GROUP, '/subscribe'))).toBe('تغيير اشتراكات هذه المحادثة لمشرفيها فقط.');
    expect(digests.subscriptions.list()).toEqual([]);
  });

  it('a channel is subscribed from a private chat only when both the user and the bot are its admins', async () => {
    fake.addChat(CHANNEL);
    fake.setAdmins(CHANNEL.id, [ALICE.id]);
    expect(textOf(await ask(ALICE, aliceChat, '/subscribe @rasid_channel'))).toBe('Both of us must be admins of that channel: you, to decide, and me, to post.');
    fake.setAdmins(CHANNEL.id, [ALICE.id, fake.bot.id]);
    expect(textOf(await ask(ALICE, aliceChat, '/subscribe @rasid_channel 09:00'))).toContain('Subscribed.');
    expect(digests.subscriptions.list()[0]).toMatchObject({ chatId: String(CHANNEL.id), cron: '0 9 * * *', label: 'قناة راصد' });
  });

  it('lists, pauses, resumes and removes this chat\'s subscriptions', async () => {
    await ask(ALICE, aliceChat, '/subscribe 08:00');
    expect(textOf(await ask(ALICE, aliceChat, '/subscriptions'))).toMatch(/^#1 · 0 8 \* \* \* \(Asia\/Damascus\) · all new reports$/);
    expect(textOf(await ask(ALICE, aliceChat, '/pause'))).toBe('Paused subscription #1');
    expect(digests.subscriptions.get(1)!.paused).toBe(true);
    expect(textOf(await ask(ALICE, aliceChat, '/resume 1'))).toBe('Resumed subscription #1');
    expect(textOf(await ask(ALICE, aliceChat, '/unsubscribe'))).toBe('Unsubscribed #1');
    expect(digests.subscriptions.list()).toEqual([]);
    expect(textOf(await ask(ALICE, aliceChat, '/subscribe "61 * * * *"'))).toContain('is not a cron schedule');
  });

  it('/digest previews this chat\'s next digest', async () => {
    const reply = await ask(SAMI, samiChat, '/digest');
    expect(textOf(reply)).toContain('📰 <b>موجز راصد</b>');
  });
});

describe('Telegram webhook mode', () => {
  it('registers the webhook with its secret, and accepts only updates that carry it', async () => {
    const config = loadConfig(
      {
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_ALLOWED_CHATS: String(ALICE.id),
        TELEGRAM_WEBHOOK_URL: 'https://rasid.example/telegram',
        TELEGRAM_WEBHOOK_SECRET: 'a-long-enough-secret-123',
        TELEGRAM_WEBHOOK_PORT: '0',
      },
      repoPath('tests', 'no-such.env'),
    );
    await tg.stop();
    const logger = createLogger({ level: 'silent', format: 'json' });
    tg = createTelegramBot({ core, digests, settings: config.telegram!, logger, ratePerMinute: 8, refreshSchedules: () => undefined });
    const after = fake.calls.length;
    await tg.start();
    const set = await fake.waitForCall('setWebhook', undefined, { after });
    expect(set.params).toMatchObject({ url: 'https://rasid.example/telegram', secret_token: 'a-long-enough-secret-123' });
    const update = { update_id: 900, message: { message_id: 1, date: 1, chat: aliceChat, from: { ...ALICE, is_bot: false }, text: '/help', entities: [{ type: 'bot_command', offset: 0, length: 5 }] } };
    const post = (secret: string) =>
      fetch(`http://127.0.0.1:${tg.webhookPort()}/`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: JSON.stringify(update) });
    expect((await post('wrong-secret-wrong-secret')).status).toBe(401);
    expect((await post('a-long-enough-secret-123')).status).toBe(200);
    const reply = await fake.waitForCall('sendMessage', (c) => c.params.chat_id === ALICE.id, { after });
    expect(String(reply.params.text)).toContain('Rasid');
  });
});
