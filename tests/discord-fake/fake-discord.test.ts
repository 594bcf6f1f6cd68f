/** The fake Discord (REST v10 + JSON gateway), driven by the real discord.js v14 client. */
import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  SlashCommandBuilder,
  type ClientOptions,
  type ForumChannel,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord, type GatewayFrame } from '../helpers/fake-discord.js';

const GUILD = '1200000000000000001';
const GENERAL = '1200000000000000011';
const REPORTS = '1200000000000000012';
const layla = { id: '3000000000000000001', username: 'layla', globalName: 'Layla' };
const inGeneral = { user: layla, guildId: GUILD, channelId: GENERAL };

let fake: FakeDiscord;
let clients: Client[] = [];
let clientErrors: unknown[] = [];

beforeEach(async () => {
  fake = await startFakeDiscord();
  clients = [];
  clientErrors = [];
});

afterEach(async () => {
  for (const client of clients) await client.destroy(); // before fake.close(): a client without a gateway reconnects
  await fake.close();
  expect(clientErrors).toEqual([]);
});

async function login(extra: Partial<ClientOptions> = {}): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restRoot }, ...extra });
  // a throw in an async listener becomes an 'error' event, which kills the process when nobody listens
  client.on(Events.Error, (err) => void clientErrors.push(err));
  clients.push(client);
  const ready = once(client, Events.ClientReady); // before login(): it may fire before login() resolves
  await client.login(fake.token);
  await ready;
  return client;
}

/** Runs `handler` on the client's next interaction; resolves with its result (rejects with its error). */
function nextInteraction<T>(client: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => void handler(interaction).then(resolve, reject));
  });
}

const out = (t: string) => (f: GatewayFrame) => f.direction === 'out' && f.t === t;
const inOp = (op: number) => (f: GatewayFrame) => f.direction === 'in' && f.op === op;

async function apiError(promise: Promise<unknown>): Promise<DiscordAPIError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DiscordAPIError);
  return err as DiscordAPIError;
}

describe('fake Discord + real discord.js client', () => {
  it('logs in: GET /gateway/bot, HELLO → IDENTIFY → READY + GUILD_CREATE, clientReady within 1 s', async () => {
    const started = Date.now();
    const client = await login();
    expect(Date.now() - started).toBeLessThan(1000);

    expect(fake.calls[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200 });
    expect(fake.calls[0]?.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(fake.gatewayConnections).toHaveLength(1);
    expect(fake.gatewayConnections[0]?.url).toBe('/gateway?v=10&encoding=json'); // no compress: zlib-sync absent

    const [hello, identify, ready, guildCreate] = fake.gateway.filter((f) => f.op !== 1 && f.op !== 11);
    expect(hello).toMatchObject({ direction: 'out', op: 10, d: { heartbeat_interval: 45000 } });
    expect(identify).toMatchObject({ direction: 'in', op: 2, d: { token: fake.token, intents: 1, compress: false, shard: [0, 1] } });
    expect(ready).toMatchObject({ op: 0, t: 'READY', s: 1, d: { v: 10, application: { id: fake.applicationId } } });
    expect(guildCreate).toMatchObject({ op: 0, t: 'GUILD_CREATE', s: 2, d: { id: GUILD, unavailable: false } });

    expect(client.user?.id).toBe(fake.applicationId);
    expect(client.user?.bot).toBe(true);
    expect(client.application?.id).toBe(fake.applicationId);
    const guild = client.guilds.cache.get(GUILD);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe('Rasid Test');
    expect(guild?.members.me?.id).toBe(fake.applicationId);
    expect(client.channels.cache.get(GENERAL)?.type).toBe(ChannelType.GuildText);
    expect(client.channels.cache.get(REPORTS)?.type).toBe(ChannelType.GuildForum);
    const general = client.channels.cache.get(GENERAL) as TextChannel;
    expect(general.permissionsFor(guild!.members.me!).has(PermissionFlagsBits.SendMessages)).toBe(true);
  });

  it('speaks the raw gateway protocol: HELLO, heartbeat ACK, bad token → close 4004, unknown route → 404', async () => {
    const ws = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json`);
    const frames: { op: number; d: unknown }[] = [];
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    const gotFrame = () => new Promise<void>((resolve) => ws.once('message', () => resolve()));
    ws.on('message', (data) => void frames.push(JSON.parse(String(data)) as { op: number; d: unknown }));
    await gotFrame();
    expect(frames[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 45000 } });
    ws.send(JSON.stringify({ op: 1, d: null }));
    await gotFrame();
    expect(frames[1]).toMatchObject({ op: 11 });
    ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    expect(await closed).toBe(4004);

    const res = await fetch(`${fake.restRoot}/v10/no/such/route`, { headers: { authorization: `Bot ${fake.token}` } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: '404: Not Found', code: 0 });
    const unauthorized = await fetch(`${fake.restRoot}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(unauthorized.status).toBe(401);
  });

  it('delivers a slash command; interaction.reply with the ephemeral flag is recorded as callback type 4', async () => {
    const client = await login();
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
      const query = interaction.options.getString('query', true);
      const limit = interaction.options.getInteger('limit');
      await interaction.reply({ content: `Searching "${query}" (top ${limit})`, flags: MessageFlags.Ephemeral });
      return interaction;
    });
    const sent = fake.slashCommand({ name: 'search', options: { query: 'raqqa', limit: 3 }, ...inGeneral, member: { permissions: '8' } });
    const interaction = await handled;

    expect(interaction.id).toBe(sent.id);
    expect(interaction.commandName).toBe('search');
    expect(interaction.user.globalName).toBe('Layla');
    expect(interaction.guildId).toBe(GUILD);
    expect(interaction.channelId).toBe(GENERAL);
    expect(interaction.inCachedGuild()).toBe(true);
    expect(interaction.memberPermissions?.has(PermissionFlagsBits.Administrator)).toBe(true);
    expect(interaction.ephemeral).toBe(true);

    const callback = await fake.waitForCall('POST', /^\/interactions\/\d+\/[^/]+\/callback$/);
    expect(callback.path).toBe(`/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.headers.authorization).toBeUndefined(); // discord.js answers interactions with auth: false
    expect(callback.status).toBe(204);
    expect(fake.interactionResponses(sent.id)).toMatchObject([
      { kind: 'callback', type: 4, ephemeral: true, data: { content: 'Searching "raqqa" (top 3)', flags: 64 } },
    ]);
    expect(fake.channelMessages(GENERAL)).toEqual([]); // ephemeral replies are not channel messages

    // a second answer to the same interaction is refused like Discord does
    const again = await apiError(interaction.client.rest.post(Routes.interactionCallback(sent.id, sent.token), {
      body: { type: 4, data: { content: 'twice' } },
      auth: false,
    }));
    expect(again.code).toBe(40060);
  });

  it('a slash command in a DM carries `user` (no member) and the bot can post into that DM channel', async () => {
    const client = await login();
    const dm = '3100000000000000001';
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      expect(interaction.guildId).toBeNull();
      expect(interaction.member).toBeNull();
      expect(interaction.user.id).toBe(layla.id);
      await interaction.reply('Subscribed to the daily digest');
    });
    const sent = fake.slashCommand({ name: 'subscribe', user: layla, channelId: dm });
    await handled;
    expect(sent.payload).toMatchObject({ context: 1, user: { id: layla.id }, channel: { id: dm, type: 1 } });
    await client.rest.post(Routes.channelMessages(dm), { body: { content: 'Digest #1' } });
    expect(fake.channelMessages(dm).map((m) => m.content)).toEqual(['Subscribed to the daily digest', 'Digest #1']);
  });

  it('deferReply → editReply (PATCH …/messages/%40original) → followUp, in order', async () => {
    const client = await login();
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.deferReply();
      const edited = await interaction.editReply({ content: 'Found 2 reports', embeds: [new EmbedBuilder().setTitle('Raqqa').setDescription('…')] });
      const fetched = await interaction.fetchReply();
      const followUp = await interaction.followUp({ content: 'Page 2', flags: MessageFlags.Ephemeral });
      return { edited, fetched, followUp };
    });
    const sent = fake.slashCommand({ name: 'search', options: { query: 'mosul' }, ...inGeneral });
    const { edited, fetched, followUp } = await handled;

    const patch = await fake.waitForCall('PATCH', /\/messages\/@original$/);
    expect(patch.path).toBe(`/webhooks/${fake.applicationId}/${sent.token}/messages/@original`);
    expect(patch.url).toContain('/messages/%40original');
    expect(edited.content).toBe('Found 2 reports');
    expect(fetched.id).toBe(edited.id);
    expect(followUp.content).toBe('Page 2');

    const responses = fake.interactionResponses(sent.id);
    expect(responses.map((r) => [r.kind, r.type])).toEqual([
      ['callback', 5],
      ['edit', undefined],
      ['followup', undefined],
    ]);
    expect(responses[0]?.message?.flags).toBe(128); // "is thinking…"
    expect(responses[1]?.message).toMatchObject({ id: edited.id, content: 'Found 2 reports', flags: 0 });
    expect(responses[1]?.message?.embeds).toMatchObject([{ type: 'rich', title: 'Raqqa' }]);
    expect(responses[2]).toMatchObject({ ephemeral: true, data: { content: 'Page 2', flags: 64 } });

    const visible = fake.channelMessages(GENERAL);
    expect(visible).toHaveLength(1); // the (non-ephemeral) deferred reply; the ephemeral follow-up is not in the channel
    expect(visible[0]).toMatchObject({ id: edited.id, type: 20, interaction_metadata: { id: sent.id, name: 'search' } });
  });

  it('a button press on a message the bot sent, answered with update (callback type 7 edits that message)', async () => {
    const client = await login();
    const general = client.channels.cache.get(GENERAL) as TextChannel;
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
    );
    const posted = await general.send({ content: 'Reports 1–5', components: [row] });
    expect(() => fake.pressButton({ customId: 'nope', messageId: posted.id, ...inGeneral })).toThrow(/no component/);

    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      expect(interaction.customId).toBe('page:2');
      expect(interaction.message.id).toBe(posted.id);
      await interaction.update({ content: 'Reports 6–10', components: [] });
    });
    const press = fake.pressButton({ customId: 'page:2', messageId: posted.id, ...inGeneral });
    await handled;

    expect(fake.interactionResponses(press.id)).toMatchObject([
      { kind: 'callback', type: 7, data: { content: 'Reports 6–10', components: [] } },
    ]);
    expect(fake.channelMessages(GENERAL)).toMatchObject([{ id: posted.id, content: 'Reports 6–10', components: [] }]);
    expect(fake.message(posted.id)?.edited_timestamp).not.toBeNull();
  });

  it('an autocomplete interaction answered with respond (callback type 8)', async () => {
    const client = await login();
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const focused = interaction.options.getFocused(true);
      expect(focused).toMatchObject({ name: 'place', value: 'ra' });
      expect(interaction.options.getString('lang')).toBe('ar');
      await interaction.respond([
        { name: 'Raqqa', value: 'raqqa' },
        { name: 'Ramadi', value: 'ramadi' },
      ]);
    });
    const sent = fake.autocomplete({ name: 'search', focusedOption: 'place', value: 'ra', options: { lang: 'ar' }, ...inGeneral });
    await handled;
    expect(sent.payload.data.options).toEqual([
      { name: 'lang', type: 3, value: 'ar' },
      { name: 'place', type: 3, value: 'ra', focused: true },
    ]);
    expect(fake.interactionResponses(sent.id)).toMatchObject([
      { kind: 'callback', type: 8, data: { choices: [{ name: 'Raqqa', value: 'raqqa' }, { name: 'Ramadi', value: 'ramadi' }] } },
    ]);
  });

  it('channel.send and forum posts land in the channel; Discord limits answer 400 / 50035', async () => {
    const client = await login();
    const general = client.channels.cache.get(GENERAL) as TextChannel;
    const message = await general.send({ content: 'Daily digest', embeds: [{ title: 'Raqqa', description: 'x'.repeat(4096) }] });
    const call = await fake.waitForCall('POST', `/channels/${GENERAL}/messages`);
    expect(call.body).toMatchObject({ content: 'Daily digest' });
    expect(fake.channelMessages(GENERAL)).toMatchObject([{ id: message.id, content: 'Daily digest', author: { id: fake.applicationId } }]);

    const tooLong = await apiError(general.send('ا'.repeat(2001)));
    expect(tooLong).toMatchObject({ status: 400, code: 50035 });
    expect(tooLong.rawError).toMatchObject({
      message: 'Invalid Form Body',
      errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    });
    await general.send('ا'.repeat(2000)); // exactly the limit, counted in characters
    const description = await apiError(general.send({ embeds: [{ description: 'x'.repeat(4097) }] }));
    expect(description.rawError).toMatchObject({ errors: { embeds: { 0: { description: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } } });
    const title = await apiError(general.send({ embeds: [{ title: 't'.repeat(257) }] }));
    expect(title.rawError).toMatchObject({ errors: { embeds: { 0: { title: {} } } } });
    const eleven = await apiError(general.send({ embeds: Array.from({ length: 11 }, (_, i) => ({ title: `#${i}` })) }));
    expect(eleven.code).toBe(50035);
    const total = await apiError(general.send({ embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] }));
    expect(total.rawError).toMatchObject({ errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } });
    const empty = await apiError(general.send({ content: '' }));
    expect(empty.code).toBe(50006);
    const withFile = await general.send({ content: 'CSV attached', files: [{ attachment: Buffer.from('a,b\n1,2\n'), name: 'report.csv' }] });
    expect(withFile.attachments.first()).toMatchObject({ name: 'report.csv', size: 8 });
    expect(fake.calls.at(-1)).toMatchObject({ body: { content: 'CSV attached' }, files: [{ field: 'files[0]', name: 'report.csv', size: 8 }] });
    expect(fake.channelMessages(GENERAL)).toHaveLength(3);

    const forum = client.channels.cache.get(REPORTS) as ForumChannel;
    const thread = await forum.threads.create({ name: 'Weekly report', message: { content: 'Week 12: 4 incidents' } });
    expect(thread.parentId).toBe(REPORTS);
    expect(thread.type).toBe(ChannelType.PublicThread);
    expect(fake.threads(REPORTS)).toMatchObject([{ id: thread.id, name: 'Weekly report', type: 11 }]);
    expect(fake.channelMessages(thread.id)).toMatchObject([{ id: thread.id, content: 'Week 12: 4 incidents' }]);
    await thread.send('Update: 5 incidents');
    expect(fake.channelMessages(thread.id)).toHaveLength(2);
    const forumSend = await apiError(client.rest.post(Routes.channelMessages(REPORTS), { body: { content: 'no' } }));
    expect(forumSend.code).toBe(50008);
  });

  it('registers commands (guild via application.commands.set, global via REST) and uses them for interactions', async () => {
    const client = await login();
    const search = new SlashCommandBuilder()
      .setName('search')
      .setDescription('Search the corpus')
      .addStringOption((o) => o.setName('query').setDescription('Words').setRequired(true))
      .addNumberOption((o) => o.setName('days').setDescription('Look back'));
    const set = await client.application!.commands.set([search.toJSON()], GUILD);
    expect(set.map((c) => c.name)).toEqual(['search']);
    const registered = fake.registeredCommands(GUILD);
    expect(registered).toMatchObject([{ name: 'search', guild_id: GUILD, application_id: fake.applicationId }]);
    expect(await fake.waitForCall('PUT', `/applications/${fake.applicationId}/guilds/${GUILD}/commands`)).toMatchObject({ status: 200 });

    // overwriting keeps the id of a command with the same name
    await client.application!.commands.set([search.toJSON(), { name: 'digest', description: 'Latest digest' }], GUILD);
    expect(fake.registeredCommands(GUILD).map((c) => [c.name, c.id])).toEqual([
      ['search', registered[0]?.id],
      ['digest', expect.any(String)],
    ]);
    const fetched = await client.application!.commands.fetch({ guildId: GUILD });
    expect(fetched.size).toBe(2);

    await client.rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'help', description: 'Help' }] });
    expect(fake.registeredCommands().map((c) => c.name)).toEqual(['help']);
    const invalid = await apiError(client.rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'Bad Name', description: 'x' }] }));
    expect(invalid.code).toBe(50035);

    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.reply('ok');
      return { commandId: interaction.commandId, days: interaction.options.getNumber('days') };
    });
    fake.slashCommand({ name: 'search', options: { query: 'hasakah', days: 7 }, ...inGeneral });
    expect(await handled).toEqual({ commandId: registered[0]?.id, days: 7 }); // 7 sent as NUMBER (type 10), as declared
  });

  it('a 429 on channel messages is waited out and retried by the discord.js REST queue', async () => {
    const client = await login();
    const limited: unknown[] = [];
    client.rest.on('rateLimited', (info) => void limited.push(info));
    fake.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: 429, retryAfter: 0.2 });
    const after = fake.calls.length;
    const general = client.channels.cache.get(GENERAL) as TextChannel;
    const message = await general.send('after the rate limit');

    const [first, second] = fake.calls.slice(after);
    expect(first).toMatchObject({ status: 429, injected: true, response: { message: 'You are being rate limited.', retry_after: 0.2, global: false } });
    expect(second).toMatchObject({ status: 200, body: { content: 'after the rate limit' } });
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(200);
    expect(limited).toHaveLength(1);
    expect(limited[0]).toMatchObject({ global: false, scope: 'user', method: 'POST' });
    expect((limited[0] as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(200); // 0.2 s + discord.js' offsets
    expect(first!.responseHeaders).toMatchObject({
      'retry-after': '0.2',
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': '0.2',
      'x-ratelimit-scope': 'user',
    });
    expect(first!.responseHeaders?.['x-ratelimit-bucket']).toMatch(/^[0-9a-f]+$/);

    // a global 429 (X-RateLimit-Global) holds every request, then the same request is retried
    fake.failNext({ method: 'GET', path: `/channels/${GENERAL}` }, { status: 429, retryAfter: 0.15, global: true });
    const before = fake.calls.length;
    await client.channels.fetch(GENERAL, { force: true });
    const [g1, g2] = fake.calls.slice(before);
    expect(g1?.responseHeaders).toMatchObject({ 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' });
    expect(g1?.response).toMatchObject({ global: true });
    expect(g2).toMatchObject({ method: 'GET', status: 200 });
    expect(g2!.at - g1!.at).toBeGreaterThanOrEqual(150);
    expect(fake.channelMessages(GENERAL)).toMatchObject([{ id: message.id }]);
  });

  it('a 403 surfaces as DiscordAPIError 50013; a 500 is retried by discord.js', async () => {
    const client = await login();
    const general = client.channels.cache.get(GENERAL) as TextChannel;
    fake.failNext({ method: 'POST', path: `/channels/${GENERAL}/messages` }, { status: 403, code: 50013, message: 'Missing Permissions' });
    const denied = await apiError(general.send('denied'));
    expect(denied).toMatchObject({ status: 403, code: 50013, message: 'Missing Permissions', method: 'POST' });

    fake.failNext({ path: /messages$/ }, { status: 500 });
    const after = fake.calls.length;
    await general.send('second try');
    expect(fake.calls.slice(after).map((c) => c.status)).toEqual([500, 200]);
    expect(fake.channelMessages(GENERAL).map((m) => m.content)).toEqual(['second try']);
  });

  it('a dropped gateway (4000) resumes; an interaction sent while disconnected arrives after RESUMED', async () => {
    const client = await login();
    const resumed = once(client, Events.ShardResume);
    const before = fake.gateway.length;
    await fake.dropGateway({ code: 4000 });
    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.reply('still here');
    });
    const sent = fake.slashCommand({ name: 'status', ...inGeneral }); // held until the client is back
    await resumed;
    await handled;

    const resume = await fake.waitForGateway(inOp(6), { after: before });
    const ready = fake.gateway.find((f) => f.t === 'READY')!;
    expect(resume.d).toMatchObject({ token: fake.token, session_id: (ready.d as { session_id: string }).session_id });
    expect(fake.gatewayConnections).toHaveLength(2);
    const afterResume = fake.gateway.slice(resume.index).filter((f) => f.direction === 'out' && f.op === 0).map((f) => f.t);
    expect(afterResume).toEqual(['RESUMED', 'INTERACTION_CREATE']);
    expect(fake.interactionResponses(sent.id)).toMatchObject([{ type: 4, data: { content: 'still here' } }]);
  });

  it('a non-resumable drop gets op 9 and a fresh IDENTIFY → READY, then interactions flow again', async () => {
    // discord.js waits ≥ 5 s between IDENTIFYs by default; a no-op throttler keeps the test fast
    const client = await login({ ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } });
    const before = fake.gateway.length;
    const shardReady = once(client, Events.ShardReady);
    await fake.dropGateway({ code: 4000, resumable: false });
    await shardReady;
    await fake.waitForGateway(out('GUILD_CREATE'), { after: before });

    const kinds = fake.gateway.slice(before).filter((f) => f.op !== 1 && f.op !== 11).map((f) => `${f.direction}:${f.op}${f.t ? `:${f.t}` : ''}`);
    expect(kinds).toEqual(['out:10', 'in:6', 'out:9', 'out:10', 'in:2', 'out:0:READY', 'out:0:GUILD_CREATE']);

    const handled = nextInteraction(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a command');
      await interaction.reply({ content: 'back', flags: MessageFlags.Ephemeral });
    });
    const sent = fake.slashCommand({ name: 'status', ...inGeneral });
    await handled;
    expect(fake.interactionResponses(sent.id)).toHaveLength(1);
  });

  it('closes cleanly: pending waits reject, the port stops answering', async () => {
    const client = await login();
    await client.destroy();
    clients = [];
    const waiting = fake.waitForCall('GET', '/never', undefined, { timeoutMs: 5000 });
    const root = fake.restRoot;
    const started = Date.now();
    await fake.close();
    await expect(waiting).rejects.toThrow(/closed/);
    expect(Date.now() - started).toBeLessThan(500);
    await expect(fetch(`${root}/v10/gateway`)).rejects.toThrow();
  });
});
