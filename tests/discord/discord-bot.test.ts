import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../bots/discord/create-discord-bot.js';
import { registerDiscordCommands } from '../../bots/discord/register-discord-commands.js';
import { createDiscordSink } from '../../bots/discord/discord-sink.js';
import { createDigestService, type DigestService } from '../../bin/create-digest-service.js';
import { loadConfig, type DiscordSettings } from '../../src/config/load-config.js';
import { repoPath } from '../../src/config/repo-path.js';
import type { Core } from '../../src/create-core.js';
import { createLogger } from '../../src/log/create-logger.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { deirEzZorReport } from '../helpers/alert-reports.js';
import { FIXED_NOW, seededCore } from '../helpers/test-core.js';
import { syntheticReport } from '../helpers/synthetic-reports.js';

const GUILD = '1200000000000000001';
const GENERAL = '1200000000000000011';
const FORUM = '1200000000000000012';
const USER = { id: '500000000000000001', username: 'analyst' };
const MANAGE_CHANNELS = String(1n << 4n);

let fake: FakeDiscord;
let core: Core;
let digests: DigestService;
let discord: DiscordBot;
let settings: DiscordSettings;
const logger = createLogger({ level: 'silent', format: 'json' });

beforeAll(async () => {
  fake = await startFakeDiscord();
  settings = loadConfig(
    { DISCORD_BOT_TOKEN: fake.token, DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_ROOT: fake.restRoot, DISCORD_ALLOWED_GUILDS: GUILD, DISCORD_GUILD_ID: GUILD },
    repoPath('tests', 'no-such.env'),
  ).discord!;
  await registerDiscordCommands(settings);
});
afterAll(() => fake.close());

beforeEach(async () => {
  core = await seededCore({ RASID_PAGE_SIZE: '2' });
  digests = createDigestService({ core, sinks: {}, logger, notifyAdmins: () => undefined, sleep: async () => undefined });
  discord = createDiscordBot({ core, digests, settings, logger, ratePerMinute: 30, refreshSchedules: () => undefined });
  await discord.start();
});
afterEach(async () => {
  await discord.stop();
  core.close();
});

/** Waits until the interaction has `n` responses and returns them. */
async function responses(id: string, n: number) {
  for (let k = 0; k < 200 && fake.interactionResponses(id).length < n; k++) await new Promise((r) => setTimeout(r, 10));
  return fake.interactionResponses(id);
}

describe('Discord bot', () => {
  it('registers its slash commands in the development guild', () => {
    const names = fake.registeredCommands(GUILD).map((c) => c.name);
    expect(names).toEqual(['search', 'latest', 'digest', 'subscribe', 'alert', 'unsubscribe', 'subscriptions', 'pause', 'resume', 'add', 'feeds', 'status', 'stats', 'map', 'help']);
    const subscribe = fake.registeredCommands(GUILD).find((c) => c.name === 'subscribe')!;
    expect(subscribe.default_member_permissions).toBe(MANAGE_CHANNELS);
    expect(fake.registeredCommands(GUILD).find((c) => c.name === 'alert')!.default_member_permissions).toBe(MANAGE_CHANNELS);
  });

  it('answers /search with result embeds and a paging button, deferring first', async () => {
    const { id } = fake.slashCommand({ name: 'search', options: { query: 'attacks in Raqqa' }, user: USER, guildId: GUILD, channelId: GENERAL });
    const [defer, edit] = await responses(id, 2);
    expect(defer).toMatchObject({ kind: 'callback', type: 5 });
    expect(edit!.kind).toBe('edit');
    expect(edit!.data.content).toContain('🔎 places: Raqqa · events: Attack');
    expect(edit!.data.content).toContain('Results 1–2 of 5');
    expect(edit!.data.embeds).toHaveLength(2);
    expect(edit!.data.embeds[0].title).toBe('1. ما وراء تصعيد “تنظيم الدولة” من هجماته في الرقة ودير الزور.؟');
    expect(edit!.data.embeds[0].description).toContain('**الرقة**');
    const button = edit!.data.components[0].components[0];
    expect(button.label).toBe('Next');

    const press = fake.pressButton({ customId: button.custom_id, messageId: edit!.message!.id, user: USER, guildId: GUILD, channelId: GENERAL });
    const [update] = await responses(press.id, 1);
    expect(update).toMatchObject({ kind: 'callback', type: 7 });
    expect(update!.data.content).toContain('Results 3–4 of 5');
  });

  it('autocompletes places in English and Arabic', async () => {
    const en = fake.autocomplete({ name: 'search', focusedOption: 'place', value: 'raq', options: { query: 'attacks' }, user: USER, guildId: GUILD, channelId: GENERAL });
    const [a] = await responses(en.id, 1);
    expect(a!.data.choices[0]).toEqual({ name: 'Raqqa · الرقة', value: 'SY11' });
    const ar = fake.autocomplete({ name: 'search', focusedOption: 'place', value: 'دير', options: { query: 'x' }, user: USER, guildId: GUILD, channelId: GENERAL });
    const [b] = await responses(ar.id, 1);
    expect(b!.data.choices.map((c: { value: string }) => c.value)).toContain('SY09');
  });

  it('searches a place chosen from autocomplete by its p-code, and pages that query without parsing it again', async () => {
    const { id } = fake.slashCommand({ name: 'search', options: { query: 'attacks', place: 'SY11' }, user: USER, guildId: GUILD, channelId: GENERAL });
    const [, edit] = await responses(id, 2);
    expect(edit!.data.content).toContain('🔎 places: Raqqa · events: Attack');
    const button = edit!.data.components[0].components[0];
    const press = fake.pressButton({ customId: button.custom_id, messageId: edit!.message!.id, user: USER, guildId: GUILD, channelId: GENERAL });
    const [update] = await responses(press.id, 1);
    expect(update!.data.content).toContain('🔎 places: Raqqa · events: Attack');
    expect(update!.data.content).toContain('Results 3–4 of 5');
  });

  it('/map answers with the picture attached and shown by its embed, the caption its description', async () => {
    const { id } = fake.slashCommand({ name: 'map', options: { query: 'Raqqa' }, user: USER, guildId: GUILD, channelId: GENERAL });
    const [defer, edit] = await responses(id, 2);
    expect(defer).toMatchObject({ kind: 'callback', type: 5 });
    const embed = edit!.data.embeds[0];
    expect(embed.image).toEqual({ url: 'attachment://map.png' });
    expect(embed.description).toBe('**Events: Raqqa · dates unknown**\n2 events from 2 source reports · 13 killed, 0 wounded · 2 undated, not on the timeline');
    const [file] = edit!.message!.attachments as { id: string; filename: string }[];
    expect(file!.filename).toBe('map.png');
    expect(PNG.sync.read(fake.attachmentData(file!.id)!).width).toBeGreaterThan(300);
  });

  it('refuses, privately, a server it does not serve, showing its id', async () => {
    const other = '1300000000000000001';
    const denied = createDiscordBot({ core, digests, settings: { ...settings, allowedGuilds: new Set([other]) }, logger, ratePerMinute: 30, refreshSchedules: () => undefined });
    await discord.stop();
    discord = denied;
    await discord.start();
    const r = fake.slashCommand({ name: 'search', options: { query: 'x' }, user: USER, guildId: GUILD, channelId: GENERAL });
    const [reply] = await responses(r.id, 1);
    expect(reply).toMatchObject({ kind: 'callback', type: 4, ephemeral: true });
    expect(reply!.data.content).toBe(`This bot serves only the servers its operator allows. This server's id is ${GUILD}: send it to the operator to be added.`);
  });

  it('subscription commands need Manage Channels, checked again when used', async () => {
    const denied = fake.slashCommand({ name: 'subscribe', options: { schedule: '07:30', filter: 'Raqqa' }, user: USER, guildId: GUILD, channelId: GENERAL, member: { permissions: '0' } });
    expect((await responses(denied.id, 1))[0]!.data.content).toBe('You need the Manage Channels permission for this.');
    const allowed = fake.slashCommand({ name: 'subscribe', options: { schedule: '07:30', filter: 'Raqqa' }, user: USER, guildId: GUILD, channelId: GENERAL, member: { permissions: MANAGE_CHANNELS } });
    expect((await responses(allowed.id, 1))[0]!.data.content).toContain('Subscribed.');
    expect(digests.subscriptions.list()[0]).toMatchObject({ platform: 'discord', chatId: GENERAL, threadId: null, cron: '30 7 * * *', filter: 'Raqqa', createdBy: `discord:${USER.id}` });
  });

  it('/alert needs Manage Channels; it sets a spike alert with its k, and the alert posts its timeline, then one embed', async () => {
    const denied = fake.slashCommand({ name: 'alert', options: { filter: 'Deir ez-Zor' }, user: USER, guildId: GUILD, channelId: GENERAL, member: { permissions: '0' } });
    expect((await responses(denied.id, 1))[0]!.data.content).toBe('You need the Manage Channels permission for this.');
    const allowed = fake.slashCommand({ name: 'alert', options: { filter: 'Deir ez-Zor', k: 2.5 }, user: USER, guildId: GUILD, channelId: GENERAL, member: { permissions: MANAGE_CHANNELS } });
    const reply = (await responses(allowed.id, 1))[0]!;
    expect(reply).toMatchObject({ ephemeral: true });
    expect(reply.data.content).toContain('Alert set: I check every hour');
    const [sub] = digests.subscriptions.list();
    expect(sub).toMatchObject({ kind: 'alert', alertK: 2.5, platform: 'discord', chatId: GENERAL, filter: 'Deir ez-Zor', createdBy: `discord:${USER.id}` });

    for (let h = 1; h <= 3; h++) core.ingestOne(deirEzZorReport(h, h, new Date(FIXED_NOW.getTime() - h * 3_600_000).toISOString()));
    const delivering = createDigestService({ core, sinks: { discord: discord.sink }, logger, notifyAdmins: () => undefined });
    const after = fake.calls.length;
    expect(await delivering.run(sub!.id)).toMatchObject({ kind: 'delivered', messages: 2 });
    // First the timeline picture (attached, shown by its embed), then the alert's own embed.
    const picture = await fake.waitForCall('POST', `/channels/${GENERAL}/messages`, undefined, { after });
    expect((picture.body as { embeds: { image: unknown }[] }).embeds[0]!.image).toEqual({ url: 'attachment://alert-chart.png' });
    const post = await fake.waitForCall('POST', `/channels/${GENERAL}/messages`, undefined, { after: fake.calls.indexOf(picture) + 1 });
    const embeds = (post.body as { embeds: { title: string; description: string }[] }).embeds;
    expect(embeds).toHaveLength(1);
    expect(embeds[0]!.title).toBe('🚨 تنبيه: ارتفاع في أحداث دير الزور');
    expect(embeds[0]!.description).toContain('▪️ **[استهداف دورية قرب الميادين](https://example.org/dez/3)**');
  });

  it('/status is for operators (Manage Channels) and answers privately with the service status', async () => {
    const denied = fake.slashCommand({ name: 'status', options: {}, user: USER, guildId: GUILD, channelId: GENERAL, member: { permissions: '0' } });
    expect((await responses(denied.id, 1))[0]!.data.content).toBe('You need the Manage Channels permission for this.');
    const allowed = fake.slashCommand({ name: 'status', options: {}, user: USER, guildId: GUILD, channelId: GENERAL, member: { permissions: MANAGE_CHANNELS } });
    const reply = (await responses(allowed.id, 1))[0]!;
    expect(reply).toMatchObject({ ephemeral: true });
    expect(reply.data.content).toMatch(/^```text\nRasid status at \d{4}-.*: healthy\n/);
    expect(reply.data.content).toContain('platforms: telegram not configured · discord connected');
    expect(reply.data.content).toContain('quick_check ok');
  });

  it('answers a failing command privately and keeps going', async () => {
    const search = core.search;
    core.search = () => {
      throw new Error('disk on fire');
    };
    try {
      const { id } = fake.slashCommand({ name: 'search', options: { query: 'x' }, user: USER, guildId: GUILD, channelId: GENERAL });
      const rs = await responses(id, 2);
      expect(rs[1]).toMatchObject({ kind: 'followup', ephemeral: true });
      expect(rs[1]!.data.content).toBe('Something went wrong on our side. Please try again shortly.');
    } finally {
      core.search = search;
    }
  });
});

describe('Discord digests', () => {
  const newReport = () =>
    core.ingestOne({ text: 'انفجرت سيارة مفخخة وسط مدينة الرقة صباح اليوم ما أدى إلى مقتل أربعة مدنيين، وفق مصادر محلية.', title: 'سيارة مفخخة في الرقة', url: 'https://example.org/r', origin: 't' });

  it('posts a digest to a text channel as embeds, with a nonce Discord enforces', async () => {
    const sub = digests.subscribe({ destination: { platform: 'discord', chatId: GENERAL, threadId: null } });
    newReport();
    const delivering = createDigestService({ core, sinks: { discord: discord.sink }, logger, notifyAdmins: () => undefined });
    const after = fake.calls.length;
    expect(await delivering.run(sub.id)).toMatchObject({ kind: 'delivered' });
    const post = await fake.waitForCall('POST', `/channels/${GENERAL}/messages`, undefined, { after });
    expect(post.body).toMatchObject({ enforce_nonce: true, nonce: expect.stringMatching(/^r\d+m0$/), allowed_mentions: { parse: [] } });
    expect((post.body as { embeds: { description: string }[] }).embeds[0]!.description).toContain('[سيارة مفخخة في الرقة](https://example.org/r)');
  });

  it('opens a new forum post per digest', async () => {
    const sub = digests.subscribe({ destination: { platform: 'discord', chatId: FORUM, threadId: null } });
    newReport();
    const delivering = createDigestService({ core, sinks: { discord: discord.sink }, logger, notifyAdmins: () => undefined });
    const before = fake.threads(FORUM).length;
    expect(await delivering.run(sub.id)).toMatchObject({ kind: 'delivered' });
    expect(fake.threads(FORUM).length).toBe(before + 1);
    expect(fake.threads(FORUM).at(-1)!.name).toMatch(/^موجز راصد /);
  });

  it('a forum digest interrupted after its first message goes on in the same post after a restart', async () => {
    const sub = digests.subscribe({ destination: { platform: 'discord', chatId: FORUM, threadId: null }, itemCap: 40 });
    for (let n = 0; n < 40; n++) core.ingestOne(syntheticReport(n));
    class Crash extends Error {}
    const dying = createDigestService({
      core,
      sinks: { discord: discord.sink },
      logger,
      notifyAdmins: () => undefined,
      onSent: (_run, seq) => {
        if (seq === 0) throw new Crash('killed after the first message');
      },
    });
    const posts = fake.threads(FORUM).length;
    await expect(dying.run(sub.id)).rejects.toThrow(Crash);
    const post = fake.threads(FORUM).at(-1)!;
    // A new service and a new sink (as after a restart) resume the open run into the post the first message opened.
    const restarted = createDigestService({ core, sinks: { discord: createDiscordSink(discord.client) }, logger, notifyAdmins: () => undefined });
    await restarted.resumeOpenRuns();
    const run = restarted.outbox.messages(1);
    expect(run.length).toBeGreaterThanOrEqual(2);
    expect(run.every((m) => m.sentAt !== null)).toBe(true);
    expect(fake.threads(FORUM).length).toBe(posts + 1);
    expect(fake.channelMessages(post.id as string)).toHaveLength(run.length);
  });

  it('a 403 stops the run (nothing retried) and tells the admins', async () => {
    const notices: string[] = [];
    const sub = digests.subscribe({ destination: { platform: 'discord', chatId: GENERAL, threadId: null } });
    newReport();
    fake.failNext({ method: 'POST', path: `/channels/${GENERAL}/messages` }, { status: 403, code: 50013, message: 'Missing Permissions' });
    const delivering = createDigestService({ core, sinks: { discord: discord.sink }, logger, notifyAdmins: (m) => notices.push(m), sleep: async () => undefined });
    expect(await delivering.run(sub.id)).toMatchObject({ kind: 'incomplete' });
    expect(notices[0]).toContain('Discord: Missing Permissions');
    expect(delivering.subscriptions.get(sub.id)!.watermark).toBe(5);
  });
});
