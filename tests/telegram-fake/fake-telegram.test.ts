/** The fake Telegram Bot API server, driven by the real grammY client (long polling, keyboards, 429 + auto-retry). */
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, HttpError, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram.js';

const layla = { id: 5001, first_name: 'Layla', language_code: 'en' };
const laylaChat = { id: 5001, type: 'private' as const };
const newsroom = { id: -1001234567890, type: 'supergroup' as const, title: 'Rasid newsroom' };

let fake: FakeTelegram;
let running: { bot: Bot; done: Promise<void> }[] = [];

beforeEach(async () => {
  fake = await startFakeTelegram();
  running = [];
});

afterEach(async () => {
  // bot first: stop() makes one last getUpdates call, which needs the fake
  for (const { bot, done } of running) {
    if (bot.isRunning()) await bot.stop();
    await done;
  }
  await fake.close();
});

function makeBot(token = fake.token): Bot {
  return new Bot(token, { client: { apiRoot: fake.apiRoot } });
}

/** Starts long polling (timeout 1 s) and resolves once the first getUpdates arrived; returns middleware errors. */
async function startPolling(bot: Bot): Promise<unknown[]> {
  const errors: unknown[] = [];
  bot.catch((err) => void errors.push(err.error));
  const after = fake.calls.length;
  const done = bot.start({ drop_pending_updates: false, timeout: 1 }).catch((err: unknown) => void errors.push(err));
  running.push({ bot, done });
  await fake.waitForCall('getUpdates', undefined, { after });
  return errors;
}

const resultOf = (call: { response?: unknown }): Message =>
  (call.response as { ok: true; result: Message }).result;

describe('fake Telegram + real grammY bot', () => {
  it('initialises like Telegram expects, then answers a text message through long polling', async () => {
    const bot = makeBot();
    bot.on('message:text', (ctx) => ctx.reply(`Searching reports for: ${ctx.message.text}`));
    const errors = await startPolling(bot);

    const [a, b, poll] = fake.calls;
    expect([a?.method, b?.method].sort()).toEqual(['deleteWebhook', 'getMe']);
    expect(poll).toMatchObject({ method: 'getUpdates', params: { timeout: 1, allowed_updates: [] } });
    expect(bot.botInfo).toMatchObject({ id: 123456789, is_bot: true, username: 'rasid_test_bot', can_join_groups: true });

    const update = fake.sendText(layla, laylaChat, 'attacks in Raqqa');
    const call = await fake.waitForCall('sendMessage');
    expect(call.params).toMatchObject({ chat_id: 5001, text: 'Searching reports for: attacks in Raqqa' });
    const sent = resultOf(call);
    expect(sent).toMatchObject({
      chat: { id: 5001, type: 'private', first_name: 'Layla' },
      from: { id: fake.bot.id, is_bot: true },
      text: 'Searching reports for: attacks in Raqqa',
    });
    expect(sent.message_id).toBeGreaterThan(update.message!.message_id);
    expect(fake.sent(5001).map((s) => s.text)).toEqual(['Searching reports for: attacks in Raqqa']);
    expect(fake.sent(42)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('delivers every update once: grammY confirms with offset, and bot.stop() confirms the last one', async () => {
    const bot = makeBot();
    const seen: string[] = [];
    bot.on('message:text', async (ctx) => {
      seen.push(ctx.message.text);
      await ctx.reply(`got ${ctx.message.text}`);
    });
    await startPolling(bot);
    for (const text of ['one', 'two', 'three']) {
      fake.sendText(layla, laylaChat, text);
      await fake.waitForCall('sendMessage', (c) => c.params.text === `got ${text}`);
    }
    await bot.stop();
    expect(seen).toEqual(['one', 'two', 'three']);
    expect(fake.pending()).toEqual([]);
    const offsets = fake.callsOf('getUpdates').map((c) => c.params.offset as number);
    expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
    // the last getUpdates is stop()'s confirmation: offset past the last update, limit 1, no timeout
    expect(fake.callsOf('getUpdates').at(-1)!.params).toMatchObject({ limit: 1 });
  });

  it('replies with an inline keyboard and answers the button press', async () => {
    const bot = makeBot();
    bot.command('start', (ctx) =>
      ctx.reply('Choose a region', {
        reply_markup: new InlineKeyboard().text('Raqqa', 'region:raqqa').text('Mosul', 'region:mosul'),
      }),
    );
    bot.callbackQuery(/^region:(.+)$/, async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Region saved' });
      await ctx.editMessageText(`Region: <b>${ctx.match[1]}</b>`, { parse_mode: 'HTML' });
    });
    const errors = await startPolling(bot);

    const start = fake.sendText(layla, laylaChat, '/start');
    expect(start.message!.entities).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    const menu = resultOf(await fake.waitForCall('sendMessage'));
    expect(menu.reply_markup?.inline_keyboard[0]?.map((b) => b.text)).toEqual(['Raqqa', 'Mosul']);

    const press = fake.pressButton(layla, menu, 'region:mosul');
    expect(press.callback_query).toMatchObject({ from: { id: 5001 }, data: 'region:mosul', message: { message_id: menu.message_id } });
    const answer = await fake.waitForCall('answerCallbackQuery');
    expect(answer.params).toMatchObject({ callback_query_id: press.callback_query!.id, text: 'Region saved' });
    expect(answer.response).toEqual({ ok: true, result: true });
    const edit = await fake.waitForCall('editMessageText');
    expect(resultOf(edit)).toMatchObject({
      message_id: menu.message_id,
      text: 'Region: mosul',
      entities: [{ type: 'bold', offset: 8, length: 5 }],
    });
    expect(resultOf(edit).reply_markup).toBeUndefined(); // an edit without reply_markup drops the keyboard

    expect(fake.sent(5001).map((s) => [s.kind, s.text])).toEqual([
      ['send', 'Choose a region'],
      ['edit', 'Region: mosul'],
    ]);
    expect(() => fake.pressButton(layla, menu, 'region:aleppo')).toThrow(/no button with callback_data/);
    // a second answer to the same query is refused like Telegram does
    await expect(bot.api.answerCallbackQuery(press.callback_query!.id)).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
    expect(errors).toEqual([]);
  });

  it('keeps the forum topic of a group message when the bot replies', async () => {
    const bot = makeBot();
    bot.on('message:text', (ctx) => ctx.reply('noted'));
    await startPolling(bot);
    fake.sendText(layla, { ...newsroom, is_forum: true }, 'Deir ez-Zor', { message_thread_id: 7 });
    const call = await fake.waitForCall('sendMessage');
    expect(call.params).toMatchObject({ chat_id: newsroom.id, message_thread_id: 7 });
    expect(resultOf(call)).toMatchObject({ message_thread_id: 7, is_topic_message: true, chat: { title: 'Rasid newsroom' } });
    expect(fake.sent(newsroom.id)[0]?.message_thread_id).toBe(7);
  });

  it('retries a 429 on sendMessage with the auto-retry plugin only after retry_after', async () => {
    const bot = makeBot();
    bot.api.config.use(autoRetry({ maxDelaySeconds: 2, maxRetryAttempts: 2 }));
    bot.on('message:text', (ctx) => ctx.reply('digest follows'));
    const errors = await startPolling(bot);

    fake.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    fake.sendText(layla, laylaChat, 'digest please');
    await fake.waitForCall('sendMessage', (c) => c.response?.ok === true, 3000);

    const [refused, retried] = fake.callsOf('sendMessage');
    expect(refused).toMatchObject({ status: 429, injected: true, response: { ok: false, error_code: 429, parameters: { retry_after: 1 } } });
    expect(retried!.params).toEqual(refused!.params);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(990);
    expect(fake.sent()).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});

describe('fake Telegram API surface', () => {
  it('without auto-retry a 429 reaches the caller; 5xx, disconnects and per-chat faults are injectable', async () => {
    const api = makeBot().api;
    fake.addChat(laylaChat);
    fake.addChat(newsroom);
    fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    const err = await api.sendMessage(5001, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect(err).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });

    fake.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 2);
    await expect(api.sendMessage(5001, 'x')).rejects.toMatchObject({ error_code: 502 });
    await expect(api.sendMessage(5001, 'x')).rejects.toMatchObject({ error_code: 502 });
    await expect(api.sendMessage(5001, 'x')).resolves.toMatchObject({ text: 'x' });

    fake.failNext('sendMessage', 'disconnect');
    await expect(api.sendMessage(5001, 'x')).rejects.toBeInstanceOf(HttpError);

    fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' }, {
      when: (p) => p.chat_id === 5001,
    });
    await expect(api.sendMessage(newsroom.id, 'still fine')).resolves.toMatchObject({ chat: { id: newsroom.id } });
    await expect(api.sendMessage(5001, 'x')).rejects.toMatchObject({ error_code: 403 });

    fake.setBlocked(5001);
    await expect(api.sendMessage(5001, 'x')).rejects.toMatchObject({ description: 'Forbidden: bot was blocked by the user' });
    fake.setBlocked(5001, false);
    await expect(api.sendMessage(9999, 'x')).rejects.toMatchObject({ description: 'Bad Request: chat not found' });
  });

  it('refuses malformed HTML with Telegram’s 400 and parses valid HTML into entities', async () => {
    const api = makeBot().api;
    fake.addChat(laylaChat);
    await expect(api.sendMessage(5001, '<b>Raqqa: 3 reports', { parse_mode: 'HTML' })).rejects.toMatchObject({
      error_code: 400,
      description: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    });
    await expect(api.sendMessage(5001, 'casualties < 10', { parse_mode: 'HTML' })).rejects.toMatchObject({
      description: `Bad Request: can't parse entities: Unsupported start tag "" at byte offset 11`,
    });
    await expect(api.sendMessage(5001, '<b><i>x</b></i>', { parse_mode: 'HTML' })).rejects.toMatchObject({
      description: `Bad Request: can't parse entities: Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`,
    });
    // the same text without parse_mode is fine
    await expect(api.sendMessage(5001, 'casualties < 10')).resolves.toMatchObject({ text: 'casualties < 10' });

    const msg = await api.sendMessage(
      5001,
      '<b>الرقة</b> &amp; <a href="https://example.org/r/1">report</a> <tg-spoiler>x</tg-spoiler>',
      { parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    );
    expect(msg.text).toBe('الرقة & report x');
    expect(msg.entities).toEqual([
      { type: 'bold', offset: 0, length: 5 },
      { type: 'text_link', offset: 8, length: 6, url: 'https://example.org/r/1' },
      { type: 'spoiler', offset: 15, length: 1 },
    ]);
    expect(fake.sent(5001).at(-1)).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(fake.sent(5001).at(-1)!.rawText).toContain('<b>الرقة</b>');
  });

  it('refuses a text over 4096 characters after entity parsing', async () => {
    const api = makeBot().api;
    fake.addChat(laylaChat);
    await expect(api.sendMessage(5001, 'x'.repeat(4097))).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: message is too long',
    });
    await expect(api.sendMessage(5001, 'x'.repeat(4096))).resolves.toMatchObject({ message_id: 1 });
    // markup and entities do not count, their parsed text does
    const html = `<b>${'&amp;'.repeat(4096)}</b>`;
    await expect(api.sendMessage(5001, html, { parse_mode: 'HTML' })).resolves.toMatchObject({ message_id: 2 });
    await expect(api.sendMessage(5001, `${html}!`, { parse_mode: 'HTML' })).rejects.toMatchObject({
      description: 'Bad Request: message is too long',
    });
    await expect(api.sendMessage(5001, ' \n ')).rejects.toMatchObject({ description: 'Bad Request: message text is empty' });
  });

  it('long-polls: holds getUpdates until an update arrives or the timeout passes; offset confirms', async () => {
    const api = makeBot().api;
    const t0 = Date.now();
    const held = api.getUpdates({ timeout: 5 });
    await fake.waitForCall('getUpdates');
    setTimeout(() => fake.sendText(layla, laylaChat, 'one'), 100);
    const [first] = await held;
    expect(first?.message?.text).toBe('one');
    expect(Date.now() - t0).toBeLessThan(1000);

    fake.sendText(layla, laylaChat, 'two');
    expect((await api.getUpdates()).map((u) => u.message?.text)).toEqual(['one', 'two']); // not confirmed yet
    const rest = await api.getUpdates({ offset: first!.update_id + 1 });
    expect(rest.map((u) => u.message?.text)).toEqual(['two']);
    expect(rest[0]!.update_id).toBe(first!.update_id + 1);
    expect(await api.getUpdates({ offset: rest[0]!.update_id + 1 })).toEqual([]);
    expect(fake.pending()).toEqual([]);

    const t1 = Date.now();
    expect(await api.getUpdates({ timeout: 1, offset: rest[0]!.update_id + 1 })).toEqual([]);
    expect(Date.now() - t1).toBeGreaterThanOrEqual(950);
  });

  it('filters update types like allowed_updates, and refuses polling while a webhook is set', async () => {
    const api = makeBot().api;
    const member = {
      chat: newsroom,
      from: { ...layla, is_bot: false },
      date: 1,
      old_chat_member: { status: 'left' as const, user: { ...layla, is_bot: false } },
      new_chat_member: { status: 'member' as const, user: { ...layla, is_bot: false } },
    };
    fake.enqueue({ chat_member: member });
    fake.enqueue({ my_chat_member: member });
    expect((await api.getUpdates()).map((u) => Object.keys(u)[1])).toEqual(['my_chat_member']);
    fake.enqueue({ chat_member: member });
    expect((await api.getUpdates({ allowed_updates: ['chat_member'], offset: -1 })).map((u) => Object.keys(u)[1])).toEqual([
      'chat_member',
    ]);

    await expect(api.setWebhook('https://rasid.example/hook')).resolves.toBe(true);
    expect(fake.webhookUrl()).toBe('https://rasid.example/hook');
    await expect(api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    await api.deleteWebhook();
    expect(fake.callsOf('deleteWebhook')[0]!.response).toMatchObject({ ok: true, description: 'Webhook was deleted' });
    await expect(api.getUpdates()).resolves.toBeDefined();
  });

  it('stores commands per scope and language', async () => {
    const api = makeBot().api;
    const en = [
      { command: 'search', description: 'Search the reports' },
      { command: 'digest', description: 'Subscribe to a digest' },
    ];
    const ar = [{ command: 'search', description: 'ابحث في التقارير' }];
    const admin = [{ command: 'sources', description: 'Manage sources' }];
    await api.setMyCommands(en);
    await api.setMyCommands(ar, { language_code: 'ar' });
    await api.setMyCommands(admin, { scope: { type: 'chat_administrators', chat_id: newsroom.id } });
    expect(await api.getMyCommands()).toEqual(en);
    expect(await api.getMyCommands({ language_code: 'ar' })).toEqual(ar);
    expect(await api.getMyCommands({ language_code: 'fr' })).toEqual([]);
    expect(await api.getMyCommands({ scope: { type: 'chat_administrators', chat_id: newsroom.id } })).toEqual(admin);
    expect(fake.commandsFor('ar')).toEqual(ar);
    expect(fake.commands().map((c) => [c.scope.type, c.language_code])).toEqual([
      ['default', ''],
      ['default', 'ar'],
      ['chat_administrators', ''],
    ]);
    await expect(api.setMyCommands([{ command: 'Bad Command', description: 'x' }])).rejects.toMatchObject({
      error_code: 400,
      description: 'Bad Request: BOT_COMMAND_INVALID',
    });
    await api.deleteMyCommands({ language_code: 'ar' });
    expect(fake.commandsFor('ar')).toEqual([]);
  });

  it('answers getChat, getChatMember, getChatAdministrators, sendChatAction and deleteMessage', async () => {
    const api = makeBot().api;
    fake.sendText(layla, newsroom, 'hello');
    fake.setAdmins(newsroom.id, [fake.bot.id, 7001], { owner: 7000 });
    expect(await api.getChat(newsroom.id)).toMatchObject({ id: newsroom.id, type: 'supergroup', title: 'Rasid newsroom' });
    expect(await api.getChatMember(newsroom.id, 7001)).toMatchObject({ status: 'administrator', can_delete_messages: true });
    expect(await api.getChatMember(newsroom.id, 7000)).toMatchObject({ status: 'creator' });
    expect(await api.getChatMember(newsroom.id, layla.id)).toMatchObject({ status: 'member', user: { first_name: 'Layla' } });
    expect(await api.getChatMember(newsroom.id, 8888)).toMatchObject({ status: 'left' });
    expect((await api.getChatAdministrators(newsroom.id)).map((m) => [m.user.id, m.status])).toEqual([
      [7000, 'creator'],
      [fake.bot.id, 'administrator'],
      [7001, 'administrator'],
    ]);
    fake.addChat(laylaChat);
    await expect(api.getChatAdministrators(5001)).rejects.toMatchObject({
      description: 'Bad Request: there are no administrators in the private chat',
    });
    await expect(api.getChat(31337)).rejects.toMatchObject({ description: 'Bad Request: chat not found' });
    await expect(api.sendChatAction(newsroom.id, 'typing')).resolves.toBe(true);
    const msg = await api.sendMessage(newsroom.id, 'to delete');
    await expect(api.deleteMessage(newsroom.id, msg.message_id)).resolves.toBe(true);
    await expect(api.deleteMessage(newsroom.id, msg.message_id)).rejects.toMatchObject({
      description: 'Bad Request: message to delete not found',
    });
  });

  it('rejects a wrong token with 401 and an unknown method with 404', async () => {
    const wrong = makeBot('987654321:WRONG');
    await expect(wrong.init()).rejects.toMatchObject({ error_code: 401, description: 'Unauthorized' });
    const res = await fetch(`${fake.apiRoot}/bot${fake.token}/frobnicate`, { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });
    const me = await (await fetch(`${fake.apiRoot}/bot${fake.token}/GETME`)).json();
    expect(me).toMatchObject({ ok: true, result: { username: 'rasid_test_bot' } });
    expect(fake.calls.map((c) => c.method)).toEqual(['getMe', 'frobnicate', 'getMe']);
  });

  it('waitForCall finds earlier calls, honours `after`, and times out with the calls it saw', async () => {
    const api = makeBot().api;
    await api.getMe();
    await expect(fake.waitForCall('getMe')).resolves.toMatchObject({ index: 0 });
    const mark = fake.calls.length;
    const waiting = fake.waitForCall('getMe', undefined, { after: mark });
    await api.getMe();
    await expect(waiting).resolves.toMatchObject({ index: mark });
    await expect(fake.waitForCall('sendMessage', undefined, 50)).rejects.toThrow(/timed out after 50 ms; calls since #0: getMe, getMe/);
  });

  it('close() ends a held long poll with an empty result', async () => {
    const api = makeBot().api;
    const t0 = Date.now();
    const held = api.getUpdates({ timeout: 30 });
    await fake.waitForCall('getUpdates');
    await fake.close();
    await expect(held).resolves.toEqual([]);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
