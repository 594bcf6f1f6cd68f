/** Pictures on Discord: the real discord.js client against the fake Discord (multipart payload_json + files[n]). */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatAnswer } from '../../bots/chat/chat-answer.js';
import { discordMessages, sendDiscordReplies } from '../../bots/discord/discord-answer.js';
import { createDiscordSink } from '../../bots/discord/discord-sink.js';
import { renderDiscordPicture } from '../../bots/discord/render-discord-picture.js';
import { startFakeDiscord, type FakeDiscord, type Json } from '../helpers/fake-discord.js';
import { readTestPng, testPng } from '../helpers/test-png.js';

const GUILD = '1200000000000000001';
const GENERAL = '1200000000000000011';
const FORUM = '1200000000000000012';
const USER = { id: '500000000000000001', username: 'analyst' };
const png = testPng(40, 20);
const picture = { png, caption: 'Attacks by month\nRaqqa *and* Deir ez-Zor', alt: 'A bar chart of attacks per month', name: 'attacks-by-month' };

let fake: FakeDiscord;
let client: Client;
let answer: ChatAnswer;

beforeAll(async () => {
  fake = await startFakeDiscord();
  client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restRoot } });
  client.on(Events.InteractionCreate, (i) => {
    if (i.isRepliable()) void sendDiscordReplies(i, discordMessages(answer, 'en', []));
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
});
afterAll(async () => {
  await client.destroy();
  await fake.close();
});

async function responses(id: string, n: number) {
  for (let k = 0; k < 200 && fake.interactionResponses(id).length < n; k++) await new Promise((r) => setTimeout(r, 10));
  return fake.interactionResponses(id);
}

/** The one attachment of a message, with the bytes uploaded for it. */
function attachmentOf(message: Json) {
  expect(message.attachments).toHaveLength(1);
  const a = message.attachments[0] as Json;
  return { ...a, data: fake.attachmentData(String(a.id))! };
}

describe('a picture answered on Discord', () => {
  it('is the reply: the PNG attached, shown by the embed as attachment://, the caption in the description', async () => {
    answer = { kind: 'picture', picture };
    const { id } = fake.slashCommand({ name: 'stats', user: USER, guildId: GUILD, channelId: GENERAL });
    const [reply] = await responses(id, 1);
    expect(reply).toMatchObject({ kind: 'callback', type: 4 });
    const embed = reply!.message!.embeds[0] as Json;
    expect(embed.image).toEqual({ url: 'attachment://attacks-by-month.png' });
    expect(embed.description).toBe('**Attacks by month**\nRaqqa \\*and\\* Deir ez-Zor');
    const file = attachmentOf(reply!.message!);
    expect(file).toMatchObject({ filename: 'attacks-by-month.png', description: picture.alt, size: png.length });
    expect(file.data.equals(png)).toBe(true);
    expect(readTestPng(file.data)).toEqual({ width: 40, height: 20, patternHolds: true });
  });
});

describe('the Discord digest sink with a picture', () => {
  it('posts the attachment and its embed in a text channel, with the enforced nonce', async () => {
    const sink = createDiscordSink(client);
    const payload = JSON.parse(JSON.stringify({ ...renderDiscordPicture(picture), png: undefined })) as object;
    // As the outbox gives it back: the JSON, and the bytes beside it.
    const { messageId } = await sink.send({ platform: 'discord', chatId: GENERAL, threadId: null }, { ...payload, png }, { runId: 4, seq: 0, firstMessageId: null });
    const message = fake.message(messageId!)!;
    expect(message.nonce).toBe('r4m0');
    expect(message.embeds[0].image).toEqual({ url: 'attachment://attacks-by-month.png' });
    expect(attachmentOf(message).data.equals(png)).toBe(true);
    expect(fake.calls.at(-1)!.body).toMatchObject({ enforce_nonce: true, nonce: 'r4m0' });
  });

  it('opens a forum post with the picture as its first message', async () => {
    const sink = createDiscordSink(client);
    const { messageId } = await sink.send({ platform: 'discord', chatId: FORUM, threadId: null }, renderDiscordPicture(picture), { runId: 5, seq: 0, firstMessageId: null });
    const [first] = fake.channelMessages(messageId!);
    expect(first!.embeds[0].image).toEqual({ url: 'attachment://attacks-by-month.png' });
    expect(attachmentOf(first!).data.equals(png)).toBe(true);
  });
});
