/**
 * A fake Discord (REST API v10 + JSON gateway) for tests: listens on 127.0.0.1 (port 0) and answers the real discord.js
 * v14 client, which cannot tell it from Discord.
 *
 *   const fake = await startFakeDiscord();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restRoot } });
 *   const ready = once(client, Events.ClientReady); // subscribe BEFORE login(): it can fire before login() resolves
 *   await client.login(fake.token);
 *   await ready;
 *
 * REST: `{restRoot}/v10/...` (discord.js adds the version). `calls[].path` is the decoded path after `/api/v10`, e.g.
 * `/webhooks/<app>/<token>/messages/@original` (discord.js sends `%40original`). Error answers have Discord's shape
 * (`{ message, code, errors? }`); unknown routes answer 404 `{ message: '404: Not Found', code: 0 }`. Bodies are JSON or
 * multipart (`payload_json` + `files[n]`, the way discord.js uploads files).
 *
 * Gateway: `ws://127.0.0.1:PORT/gateway`, the URL `GET /gateway/bot` names. Plain JSON frames only (discord.js without
 * zlib-sync connects with `?v=10&encoding=json` and no `compress`). HELLO → IDENTIFY → READY + one GUILD_CREATE per guild
 * (with the Guilds intent; discord.js waits 15 s for guilds it never gets), RESUME replays missed events then RESUMED,
 * heartbeats are ACKed. Events dispatched while no session is connected are held and sent after the next READY/RESUMED.
 *
 * Destroy the discord.js client (`await client.destroy()`) before `fake.close()`: a client whose gateway vanishes keeps
 * reconnecting.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

// ---------------------------------------------------------------------------------------------------------------------
// Public types

/** A Discord JSON object (payloads are built and recorded as plain JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test ergonomics: `call.body.content`
export type Json = Record<string, any>;

export interface FakeChannelInput {
  id: string;
  name: string;
  /** Discord channel type: 0 text, 2 voice, 4 category, 5 announcement, 15 forum, 16 media. */
  type: number;
  parentId?: string;
  topic?: string;
}

export interface FakeGuildInput {
  id: string;
  name: string;
  channels: FakeChannelInput[];
}

export interface FakeDiscordOptions {
  /** Default: a token-shaped string (`base64(appId).xxxxxx.yyyy`). */
  token?: string;
  /** Application id = bot user id. Default "1100000000000000001". */
  applicationId?: string;
  /** Default: one guild "Rasid Test" (id 1200000000000000001) with #general (text, 1200000000000000011) and
   *  #reports (forum, 1200000000000000012). */
  guilds?: FakeGuildInput[];
  /** Default "Rasid". */
  botUsername?: string;
  /** HELLO heartbeat_interval in ms. Default 45000 (Discord sends 41250). */
  heartbeatIntervalMs?: number;
  /**
   * How long the answer to a REST call takes after the fake has acted on it (a message is already
   * posted while its answer is on the way: the window a crash of the bot meets). Default 0.
   */
  latencyMs?: (method: string, path: string) => number;
}

export interface FakeUserInput {
  id: string;
  username?: string;
  globalName?: string;
  bot?: boolean;
}

export interface FakeMemberInput {
  /** Permission bitfield as a decimal string, e.g. "8" (Administrator). Default: the @everyone permissions. */
  permissions?: string;
  roles?: string[];
  nick?: string;
}

interface InteractionTarget {
  user: FakeUserInput;
  /** Omit for a DM interaction (then `channelId` is a DM channel and the payload has `user`, not `member`). */
  guildId?: string;
  channelId: string;
  member?: FakeMemberInput;
  locale?: string;
}

export type OptionValues = Record<string, string | number | boolean>;

export interface SlashCommandInput extends InteractionTarget {
  name: string;
  /** `{ query: 'raqqa', limit: 5 }` (types taken from the registered command, else inferred) or raw Discord options. */
  options?: OptionValues | Json[];
}

export interface ButtonInput extends InteractionTarget {
  customId: string;
  /** A message the fake knows (sent by the bot) must carry a button with this custom_id; an unknown id gets a stand-in
   *  message from the bot with just that button. */
  messageId: string;
}

export interface AutocompleteInput extends InteractionTarget {
  name: string;
  focusedOption: string;
  value: string;
  /** Other options already filled in. */
  options?: OptionValues;
}

export interface DispatchedInteraction {
  id: string;
  token: string;
  /** 2 application command, 3 message component, 4 autocomplete. */
  type: number;
  /** The INTERACTION_CREATE `d` as sent. */
  payload: Json;
}

/** One logged REST request. */
export interface RestCall {
  /** Position in `fake.calls`. */
  index: number;
  method: string;
  /** Decoded path after `/api/v10` (or the raw path if it lacks that prefix). */
  path: string;
  /** The request target as sent, still encoded (`/api/v10/webhooks/…/messages/%40original?…`). */
  url: string;
  query: Record<string, string>;
  /** JSON body (or multipart `payload_json`); undefined when empty. */
  body: Json | Json[] | undefined;
  /** Multipart file parts (`files[n]`), with their bytes. */
  files: { field: string; name: string; size: number; contentType: string; data: Buffer }[];
  headers: Record<string, string | string[] | undefined>;
  /** Date.now() when the request arrived (after its body was read). */
  at: number;
  /** HTTP status / body of the answer (undefined until answered). */
  status?: number;
  response?: unknown;
  /** Extra headers of the answer (the rate-limit headers of an injected 429). */
  responseHeaders?: Record<string, string>;
  /** True if the answer came from `failNext`. */
  injected?: boolean;
}

export interface RouteMatcher {
  /** Case-insensitive; any method when omitted. */
  method?: string;
  /** Regex tested against the decoded path, or the exact decoded path. */
  path: RegExp | string;
}

export type FakeFailure =
  | { status: 429; retryAfter?: number; global?: boolean; scope?: 'user' | 'global' | 'shared' }
  | { status: number; code?: number; message?: string; errors?: Json }
  | 'disconnect';

export interface WaitOptions {
  /** Only entries with index >= after count (take `fake.calls.length` before the action). Default 0. */
  after?: number;
  /** Default 2000 ms. */
  timeoutMs?: number;
}

export interface InteractionResponseRecord {
  /** callback = POST /interactions/:id/:token/callback; edit/delete = webhook message; followup = POST /webhooks/… */
  kind: 'callback' | 'edit' | 'followup' | 'delete';
  /** Callback type (4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete result, 9 modal); callbacks only. */
  type?: number;
  /** What the bot sent: the callback's `data`, or the webhook body. */
  data: Json;
  ephemeral: boolean;
  /** The message created or changed (a copy at that moment), if any. */
  message?: Json;
  callIndex: number;
  at: number;
}

export interface GatewayFrame {
  index: number;
  /** Gateway connection number (1, 2, ... in connection order). */
  connection: number;
  direction: 'in' | 'out';
  op: number;
  t: string | null;
  s: number | null;
  d: unknown;
  at: number;
}

export interface FakeDiscord {
  /** http://127.0.0.1:PORT/api — pass as `rest: { api }`. */
  readonly restRoot: string;
  /** ws://127.0.0.1:PORT/gateway */
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: Json;
  readonly guilds: readonly FakeGuildInput[];
  /** Every REST request, in arrival order. */
  readonly calls: RestCall[];
  /** Every gateway frame both ways (heartbeats included). */
  readonly gateway: GatewayFrame[];
  /** Every gateway connection: its number and the URL the client opened (`/gateway?v=10&encoding=json`). */
  readonly gatewayConnections: { connection: number; url: string; at: number }[];

  /** Sends INTERACTION_CREATE type 2 (chat input command). */
  slashCommand(input: SlashCommandInput): DispatchedInteraction;
  /** Sends INTERACTION_CREATE type 3 (button, component_type 2). */
  pressButton(input: ButtonInput): DispatchedInteraction;
  /** Sends INTERACTION_CREATE type 4 (autocomplete) with `focusedOption` focused. */
  autocomplete(input: AutocompleteInput): DispatchedInteraction;
  /** Sends any dispatch event (`t`, `d`) on the gateway (held until a session is connected). */
  dispatch(event: string, data: Json): void;
  /** Closes the current gateway socket: code 4000 by default (discord.js resumes), 1006 = abrupt (terminate),
   *  1000 = discord.js re-identifies. `resumable: false` makes a later RESUME get op 9 (invalid session). Resolves once
   *  the socket is closed. */
  dropGateway(options?: { code?: number; resumable?: boolean }): Promise<void>;

  /** The next `times` requests matching `route` fail. 429s carry Discord's rate-limit headers and body. */
  failNext(route: RouteMatcher, failure: FakeFailure, times?: number): void;
  /** First answered call at index >= after with this method and a path matching `path`; rejects after timeoutMs. */
  waitForCall(
    method: string,
    path: RegExp | string,
    predicate?: (call: RestCall) => boolean,
    options?: WaitOptions,
  ): Promise<RestCall>;
  /** First gateway frame at index >= after matching `predicate`. */
  waitForGateway(predicate: (frame: GatewayFrame) => boolean, options?: WaitOptions): Promise<GatewayFrame>;

  /** Current messages of a channel or thread, oldest first (deleted ones gone, edits applied). Includes non-ephemeral
   *  interaction replies and follow-ups (they carry `interaction_metadata`). */
  channelMessages(channelId: string): Json[];
  /** Any message the fake holds (ephemeral ones too). */
  message(messageId: string): Json | undefined;
  /** The bytes uploaded for an attachment (by the attachment's id in a message's `attachments`). */
  attachmentData(attachmentId: string): Buffer | undefined;
  /** Any channel the fake knows (guild channels, threads created by the bot, DM channels). */
  channel(channelId: string): Json | undefined;
  /** Threads created under a channel (forum posts), oldest first. */
  threads(parentId: string): Json[];
  /** Successful callback, edits, follow-ups and deletes of one interaction, in order. */
  interactionResponses(interactionId: string): InteractionResponseRecord[];
  /** Commands as registered (global when guildId is omitted). */
  registeredCommands(guildId?: string): Json[];

  /** Rejects pending waits, closes gateway sockets, all HTTP connections and the server. */
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------------
// Constants and small helpers

const DEFAULT_APP_ID = '1100000000000000001';
const DISCORD_EPOCH = 1420070400000n;
const API_PREFIX = '/api/v10';

const P = (bit: number): bigint => 1n << BigInt(bit);
const EVERYONE_PERMISSIONS =
  P(0) | P(6) | P(10) | P(11) | P(14) | P(15) | P(16) | P(17) | P(18) | P(20) | P(21) | P(26) | P(31) | P(35) | P(38);
const BOT_ROLE_PERMISSIONS = EVERYONE_PERMISSIONS | P(13) | P(34); // + ManageMessages, ManageThreads

const TEXT_BASED = new Set([0, 1, 2, 3, 5, 10, 11, 12, 13]);
const THREAD_TYPES = new Set([10, 11, 12]);
const INTENT_GUILDS = 1;
const INTENT_GUILD_MESSAGES = 1 << 9;

const defaultGuilds = (): FakeGuildInput[] => [
  {
    id: '1200000000000000001',
    name: 'Rasid Test',
    channels: [
      { id: '1200000000000000011', name: 'general', type: 0 },
      { id: '1200000000000000012', name: 'reports', type: 15 },
    ],
  },
];

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Json,
  ) {
    super(String(body.message));
  }
}

const apiError = (status: number, code: number, message: string): ApiError => new ApiError(status, { message, code });
const formError = (errors: Json): ApiError =>
  new ApiError(400, { message: 'Invalid Form Body', code: 50035, errors });
const fieldError = (code: string, message: string): Json => ({ _errors: [{ code, message }] });

const unknown = {
  channel: () => apiError(404, 10003, 'Unknown Channel'),
  guild: () => apiError(404, 10004, 'Unknown Guild'),
  message: () => apiError(404, 10008, 'Unknown Message'),
  member: () => apiError(404, 10007, 'Unknown Member'),
  user: () => apiError(404, 10013, 'Unknown User'),
  webhook: () => apiError(404, 10015, 'Unknown Webhook'),
  interaction: () => apiError(404, 10062, 'Unknown interaction'),
  command: () => apiError(404, 10063, 'Unknown application command'),
  application: () => apiError(404, 10002, 'Unknown Application'),
};

/** Discord counts characters as code points. */
const charCount = (s: unknown): number => (typeof s === 'string' ? [...s].length : 0);

interface Waiter<T> {
  after: number;
  matches: (item: T) => boolean;
  resolve: (item: T) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface Injection {
  method: string | undefined;
  path: RegExp | string;
  failure: FakeFailure;
  remaining: number;
}

interface Session {
  id: string;
  seq: number;
  events: { s: number; t: string; d: Json }[];
  intents: number;
  resumable: boolean;
  conn: Conn | undefined;
}

interface Conn {
  id: number;
  ws: WebSocket;
  session: Session | undefined;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  payload: Json;
  channelId: string;
  acknowledged: boolean;
  /** The message `@original` means: a component's message until the interaction replies with a message of its own. */
  originalMessageId: string | undefined;
  responses: InteractionResponseRecord[];
}

interface StoredMessage {
  message: Json;
  channelId: string;
  ephemeral: boolean;
  deleted: boolean;
}

interface Route {
  method: string;
  pattern: RegExp;
  /** Needs `Authorization: Bot <token>` (interaction callbacks and interaction webhooks do not). */
  auth: boolean;
  handler: (ctx: RouteContext) => Reply;
}

interface RouteContext {
  params: Record<string, string>;
  body: Json | Json[] | undefined;
  query: Record<string, string>;
  call: RestCall;
}

interface Reply {
  status: number;
  body?: unknown;
}

// ---------------------------------------------------------------------------------------------------------------------
// Message validation (Discord's limits)

function validateEmbeds(embeds: unknown, errors: Json): void {
  if (embeds === undefined || embeds === null) return;
  if (!Array.isArray(embeds)) {
    errors.embeds = fieldError('LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    return;
  }
  if (embeds.length > 10) {
    errors.embeds = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    return;
  }
  const max = (n: number): Json => fieldError('BASE_TYPE_MAX_LENGTH', `Must be ${n} or fewer in length.`);
  let total = 0;
  const perEmbed: Json = {};
  embeds.forEach((raw: unknown, i) => {
    const e = (raw ?? {}) as Json;
    const err: Json = {};
    const title = charCount(e.title);
    const description = charCount(e.description);
    const footer = charCount(e.footer?.text);
    const author = charCount(e.author?.name);
    if (title > 256) err.title = max(256);
    if (description > 4096) err.description = max(4096);
    if (footer > 2048) err.footer = { text: max(2048) };
    if (author > 256) err.author = { name: max(256) };
    total += title + description + footer + author;
    const fields: Json[] = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > 25) err.fields = max(25);
    const fieldErrors: Json = {};
    fields.forEach((f, j) => {
      const fe: Json = {};
      if (charCount(f?.name) > 256) fe.name = max(256);
      if (charCount(f?.value) > 1024) fe.value = max(1024);
      if (!f?.name) fe.name = fieldError('BASE_TYPE_REQUIRED', 'This field is required');
      if (!f?.value) fe.value = fieldError('BASE_TYPE_REQUIRED', 'This field is required');
      if (Object.keys(fe).length > 0) fieldErrors[j] = fe;
      total += charCount(f?.name) + charCount(f?.value);
    });
    if (!err.fields && Object.keys(fieldErrors).length > 0) err.fields = fieldErrors;
    if (Object.keys(err).length > 0) perEmbed[i] = err;
  });
  if (Object.keys(perEmbed).length > 0) errors.embeds = perEmbed;
  else if (total > 6000) errors.embeds = fieldError('MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
}

function validateComponents(components: unknown, flags: number, errors: Json): void {
  if (components === undefined || components === null) return;
  if (!Array.isArray(components)) {
    errors.components = fieldError('LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType');
    return;
  }
  if (flags & (1 << 15)) return; // Components V2: not validated
  if (components.length > 5) {
    errors.components = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
    return;
  }
  const seen = new Set<string>();
  const rowErrors: Json = {};
  components.forEach((row: Json, i) => {
    const children: Json[] = Array.isArray(row?.components) ? row.components : [];
    if (row?.type !== 1) {
      rowErrors[i] = { type: fieldError('UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).') };
      return;
    }
    if (children.length < 1 || children.length > 5) {
      rowErrors[i] = { components: fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.') };
      return;
    }
    const childErrors: Json = {};
    children.forEach((c, j) => {
      const ce: Json = {};
      const isLink = c?.type === 2 && (c.style === 5 || c.style === 6);
      if (!isLink) {
        const id = c?.custom_id;
        if (typeof id !== 'string' || id.length === 0) ce.custom_id = fieldError('BASE_TYPE_REQUIRED', 'This field is required');
        else if (charCount(id) > 100) ce.custom_id = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
        else if (seen.has(id)) ce.custom_id = fieldError('COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
        else seen.add(id);
      }
      if (c?.type === 2 && charCount(c.label) > 80) ce.label = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 80 or fewer in length.');
      if (Object.keys(ce).length > 0) childErrors[j] = ce;
    });
    if (Object.keys(childErrors).length > 0) rowErrors[i] = { components: childErrors };
  });
  if (Object.keys(rowErrors).length > 0) errors.components = rowErrors;
}

/** Throws Discord's 400 for bodies over the limits; `requireSomething` for new messages (not edits). */
function validateMessageBody(body: Json, requireSomething: boolean, hasFiles: boolean): void {
  const errors: Json = {};
  if (body.content !== undefined && body.content !== null) {
    if (typeof body.content !== 'string') errors.content = fieldError('STRING_TYPE_CONVERT', 'Could not interpret value as string.');
    else if (charCount(body.content) > 2000) errors.content = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 2000 or fewer in length.');
  }
  validateEmbeds(body.embeds, errors);
  validateComponents(body.components, Number(body.flags ?? 0), errors);
  if (Object.keys(errors).length > 0) throw formError(errors);
  if (requireSomething) {
    const empty =
      !body.content &&
      !(Array.isArray(body.embeds) && body.embeds.length > 0) &&
      !(Array.isArray(body.components) && body.components.length > 0) &&
      !body.sticker_ids?.length &&
      !body.poll &&
      !hasFiles;
    if (empty) throw apiError(400, 50006, 'Cannot send an empty message');
  }
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateCommands(list: unknown): Json[] {
  if (!Array.isArray(list)) {
    throw formError(fieldError('LIST_TYPE_CONVERT', 'Only iterables may be used in a ListType'));
  }
  if (list.length > 100) throw formError(fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.'));
  const errors: Json = {};
  const names = new Set<string>();
  list.forEach((raw: unknown, i) => {
    const c = (raw ?? {}) as Json;
    const type = Number(c.type ?? 1);
    const e: Json = {};
    const name = String(c.name ?? '');
    if (!COMMAND_NAME.test(name) || (type === 1 && name !== name.toLowerCase())) {
      e.name = fieldError('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
    } else if (names.has(`${type}:${name}`)) {
      e.name = fieldError('APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    }
    names.add(`${type}:${name}`);
    if (type === 1) {
      const d = charCount(c.description);
      if (d < 1 || d > 100) e.description = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      const options: Json[] = Array.isArray(c.options) ? c.options : [];
      if (options.length > 25) e.options = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      const optionErrors: Json = {};
      options.forEach((o, j) => {
        const oe: Json = {};
        if (!COMMAND_NAME.test(String(o?.name ?? '')) || String(o?.name) !== String(o?.name).toLowerCase()) {
          oe.name = fieldError('APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
        }
        const od = charCount(o?.description);
        if (od < 1 || od > 100) oe.description = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
        if (Object.keys(oe).length > 0) optionErrors[j] = oe;
      });
      if (!e.options && Object.keys(optionErrors).length > 0) e.options = optionErrors;
    }
    if (Object.keys(e).length > 0) errors[i] = e;
  });
  if (Object.keys(errors).length > 0) throw formError(errors);
  return list as Json[];
}

// ---------------------------------------------------------------------------------------------------------------------
// The server

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? DEFAULT_APP_ID;
  const token =
    options.token ??
    `${Buffer.from(applicationId).toString('base64url')}.GfAkE1.${'T'.repeat(6)}fake-discord-token-${'x'.repeat(12)}`;
  const heartbeatInterval = options.heartbeatIntervalMs ?? 45_000;
  const guildInputs = structuredClone(options.guilds ?? defaultGuilds());
  const ownerId = '1000000000000000001';
  const startedAt = new Date().toISOString();

  let counter = 0;
  const snowflake = (): string =>
    String(((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | BigInt(counter++ % 0x400000));

  const botUser: Json = {
    id: applicationId,
    username: options.botUsername ?? 'Rasid',
    global_name: null,
    discriminator: '0',
    avatar: null,
    bot: true,
    verified: true,
    mfa_enabled: false,
    flags: 0,
    public_flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };

  const calls: RestCall[] = [];
  const gatewayLog: GatewayFrame[] = [];
  const gatewayConnections: FakeDiscord['gatewayConnections'] = [];
  const callWaiters = new Set<Waiter<RestCall>>();
  const frameWaiters = new Set<Waiter<GatewayFrame>>();
  const injections: Injection[] = [];
  let closed = false;

  // --- state --------------------------------------------------------------------------------------------------------

  interface GuildState {
    input: FakeGuildInput;
    roles: Json[];
    members: Map<string, Json>;
  }
  const guilds = new Map<string, GuildState>();
  const channels = new Map<string, Json>();
  const users = new Map<string, Json>([[botUser.id as string, botUser]]);
  const messages = new Map<string, StoredMessage>();
  const messageOrder = new Map<string, string[]>(); // channelId -> message ids
  const threadsByParent = new Map<string, string[]>();
  const interactions = new Map<string, InteractionState>();
  const interactionsByToken = new Map<string, InteractionState>();
  const commands = new Map<string, Json[]>(); // '' = global, else guild id

  const channelObject = (c: FakeChannelInput, guildId: string, position: number): Json => {
    const base: Json = {
      id: c.id,
      type: c.type,
      guild_id: guildId,
      name: c.name,
      position,
      parent_id: c.parentId ?? null,
      permission_overwrites: [],
      flags: 0,
    };
    if (c.type === 4) return base;
    Object.assign(base, { nsfw: false, topic: c.topic ?? null, rate_limit_per_user: 0, last_message_id: null });
    if (c.type === 2 || c.type === 13) Object.assign(base, { bitrate: 64000, user_limit: 0, rtc_region: null });
    if (c.type === 15 || c.type === 16) {
      Object.assign(base, {
        available_tags: [],
        default_reaction_emoji: null,
        default_sort_order: null,
        default_forum_layout: 0,
        default_thread_rate_limit_per_user: 0,
        default_auto_archive_duration: 4320,
        template: '',
      });
    }
    return base;
  };

  const botRoleIdFor = (guildId: string): string => `${guildId.slice(0, -1)}9`;

  for (const g of guildInputs) {
    const everyone: Json = {
      id: g.id,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: String(EVERYONE_PERMISSIONS),
      managed: false,
      mentionable: false,
      flags: 0,
    };
    const botRole: Json = {
      ...everyone,
      id: botRoleIdFor(g.id),
      name: botUser.username,
      position: 1,
      permissions: String(BOT_ROLE_PERMISSIONS),
      managed: true,
      tags: { bot_id: applicationId },
    };
    const botMember: Json = {
      user: botUser,
      nick: null,
      avatar: null,
      banner: null,
      roles: [botRole.id],
      joined_at: startedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0,
      communication_disabled_until: null,
    };
    guilds.set(g.id, { input: g, roles: [everyone, botRole], members: new Map([[applicationId, botMember]]) });
    g.channels.forEach((c, i) => channels.set(c.id, channelObject(c, g.id, i)));
  }

  const guildChannels = (guildId: string): Json[] =>
    [...channels.values()].filter((c) => c.guild_id === guildId && !THREAD_TYPES.has(c.type as number));

  const guildRest = (g: GuildState): Json => ({
    id: g.input.id,
    name: g.input.name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: g.roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
  });

  const guildCreate = (g: GuildState): Json => ({
    ...guildRest(g),
    joined_at: startedAt,
    large: false,
    unavailable: false,
    member_count: g.members.size + 1, // + the owner
    voice_states: [],
    members: [...g.members.values()],
    channels: guildChannels(g.input.id).map(({ guild_id: _omit, ...c }) => c),
    threads: [...channels.values()].filter((c) => c.guild_id === g.input.id && THREAD_TYPES.has(c.type as number)),
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    lazy: true,
  });

  const userObject = (u: FakeUserInput): Json => {
    const known = users.get(u.id);
    const user: Json = {
      id: u.id,
      username: u.username ?? known?.username ?? `user${u.id.slice(-4)}`,
      global_name: u.globalName ?? known?.global_name ?? null,
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      flags: 0,
      avatar_decoration_data: null,
      collectibles: null,
      primary_guild: null,
    };
    if (u.bot ?? known?.bot) user.bot = true;
    users.set(u.id, user);
    return user;
  };

  const memberPermissions = (m: FakeMemberInput | undefined): string => m?.permissions ?? String(EVERYONE_PERMISSIONS);

  const memberObject = (guildId: string, user: Json, m: FakeMemberInput | undefined): Json => {
    const g = guilds.get(guildId);
    const member: Json = {
      user,
      nick: m?.nick ?? null,
      avatar: null,
      banner: null,
      roles: m?.roles ?? [],
      joined_at: startedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    };
    g?.members.set(user.id as string, member);
    return member;
  };

  // --- logs and waiters ---------------------------------------------------------------------------------------------

  function notify<T extends { index: number }>(waiters: Set<Waiter<T>>, item: T): void {
    for (const w of waiters) {
      if (item.index < w.after) continue;
      let ok: boolean;
      try {
        ok = w.matches(item);
      } catch (err) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (ok) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(item);
      }
    }
  }

  function waitIn<T extends { index: number }>(
    log: T[],
    waiters: Set<Waiter<T>>,
    matches: (item: T) => boolean,
    opts: WaitOptions,
    describe: () => string,
  ): Promise<T> {
    const { after = 0, timeoutMs = 2000 } = opts;
    const found = log.find((item) => item.index >= after && matches(item));
    if (found) return Promise.resolve(found);
    if (closed) return Promise.reject(new Error('fake Discord is closed'));
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        after,
        matches,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`${describe()} timed out after ${timeoutMs} ms`));
        }, timeoutMs),
      };
      waiters.add(waiter);
    });
  }

  const pathMatches = (pattern: RegExp | string, path: string): boolean =>
    typeof pattern === 'string' ? pattern === path : new RegExp(pattern.source, pattern.flags.replace('g', '')).test(path);

  // --- messages -----------------------------------------------------------------------------------------------------

  const normalizeEmbeds = (embeds: unknown): Json[] =>
    Array.isArray(embeds)
      ? embeds.map((e: Json) => ({
          type: 'rich',
          ...e,
          ...(Array.isArray(e.fields) ? { fields: e.fields.map((f: Json) => ({ inline: false, ...f })) } : {}),
        }))
      : [];

  /** Uploaded bytes by attachment id. */
  const uploads = new Map<string, Buffer>();

  const attachmentsFor = (files: RestCall['files'], body: Json): Json[] =>
    files.map((f, i) => {
      const meta = (Array.isArray(body.attachments) ? body.attachments : []).find((a: Json) => String(a.id) === String(i));
      const id = snowflake();
      uploads.set(id, f.data);
      return {
        id,
        filename: meta?.filename ?? f.name,
        size: f.size,
        url: `https://cdn.discordapp.com/attachments/0/${id}/${f.name}`,
        proxy_url: `https://media.discordapp.net/attachments/0/${id}/${f.name}`,
        content_type: f.contentType,
        ...(meta?.description ? { description: meta.description } : {}),
      };
    });

  const storeMessage = (channelId: string, message: Json, ephemeral: boolean): Json => {
    messages.set(message.id as string, { message, channelId, ephemeral, deleted: false });
    let order = messageOrder.get(channelId);
    if (!order) messageOrder.set(channelId, (order = []));
    order.push(message.id as string);
    const channel = channels.get(channelId);
    if (channel && !ephemeral) {
      channel.last_message_id = message.id;
      if (THREAD_TYPES.has(channel.type as number)) {
        channel.message_count = (channel.message_count ?? 0) + 1;
        channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
      }
    }
    const guildId = channel?.guild_id as string | undefined;
    const intents = activeSession()?.intents ?? 0;
    if (!ephemeral && guildId && (intents & INTENT_GUILD_MESSAGES) !== 0) {
      dispatch('MESSAGE_CREATE', { ...structuredClone(message), guild_id: guildId, member: guildMemberLite(guildId) });
    }
    return message;
  };

  const guildMemberLite = (guildId: string): Json | undefined => {
    const m = guilds.get(guildId)?.members.get(applicationId);
    if (!m) return undefined;
    const { user: _user, ...rest } = m;
    return rest;
  };

  const buildMessage = (channelId: string, body: Json, files: RestCall['files'], extra: Json = {}): Json => {
    const message: Json = {
      id: extra.id ?? snowflake(),
      type: 0,
      channel_id: channelId,
      author: botUser,
      content: typeof body.content === 'string' ? body.content : '',
      tts: Boolean(body.tts),
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      mention_channels: [],
      attachments: attachmentsFor(files, body),
      embeds: normalizeEmbeds(body.embeds),
      components: Array.isArray(body.components) ? body.components : [],
      pinned: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: Number(body.flags ?? 0),
      ...extra,
    };
    if (body.nonce !== undefined) message.nonce = body.nonce;
    if (Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0) message.sticker_items = [];
    if (body.poll) message.poll = body.poll;
    return message;
  };

  const applyEdit = (message: Json, body: Json, files: RestCall['files']): void => {
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    if ('embeds' in body) message.embeds = normalizeEmbeds(body.embeds);
    if ('components' in body) message.components = Array.isArray(body.components) ? body.components : [];
    if ('attachments' in body || files.length > 0) {
      const kept = (Array.isArray(body.attachments) ? body.attachments : [])
        .map((a: Json) => (message.attachments as Json[]).find((old) => old.id === String(a.id)))
        .filter(Boolean);
      message.attachments = [...kept, ...attachmentsFor(files, body)];
    }
    if ('flags' in body && body.flags !== null && body.flags !== undefined) {
      message.flags = (Number(message.flags) & ~4) | (Number(body.flags) & 4); // only SUPPRESS_EMBEDS is editable
    }
    message.flags = Number(message.flags) & ~128; // an edit ends "Rasid is thinking…"
    message.edited_timestamp = new Date().toISOString();
  };

  const textChannel = (channelId: string): Json => {
    const channel = channels.get(channelId);
    if (!channel) throw unknown.channel();
    if (!TEXT_BASED.has(channel.type as number)) throw apiError(400, 50008, 'Cannot send messages in a non-text channel');
    if (channel.thread_metadata?.locked || channel.thread_metadata?.archived) {
      if (channel.thread_metadata.locked) throw apiError(403, 50083, 'Thread is archived');
      channel.thread_metadata.archived = false;
    }
    return channel;
  };

  const storedMessage = (channelId: string, messageId: string): StoredMessage => {
    const stored = messages.get(messageId);
    if (!stored || stored.deleted || stored.channelId !== channelId) throw unknown.message();
    return stored;
  };

  const messageReference = (channelId: string, body: Json): Json => {
    const ref = body.message_reference as Json | undefined;
    if (!ref?.message_id) return {};
    const target = messages.get(String(ref.message_id));
    const targetChannel = String(ref.channel_id ?? channelId);
    if (!target || target.deleted || target.channelId !== targetChannel) {
      if (ref.fail_if_not_exists === false) return {};
      throw formError({
        message_reference: fieldError('MESSAGE_REFERENCE_UNKNOWN_MESSAGE', 'Unknown message'),
      });
    }
    return {
      type: 19,
      message_reference: {
        type: 0,
        channel_id: targetChannel,
        message_id: target.message.id,
        guild_id: channels.get(targetChannel)?.guild_id,
      },
      referenced_message: structuredClone(target.message),
    };
  };

  // --- interactions -------------------------------------------------------------------------------------------------

  const interactionByToken = (appId: string, itoken: string): InteractionState => {
    const state = interactionsByToken.get(itoken);
    if (!state || appId !== applicationId) throw unknown.webhook();
    return state;
  };

  const recordResponse = (state: InteractionState, rec: Omit<InteractionResponseRecord, 'at'>): void => {
    state.responses.push({ ...rec, at: Date.now() });
  };

  const interactionMessageExtra = (state: InteractionState): Json => {
    const p = state.payload;
    const user = p.member?.user ?? p.user;
    return {
      webhook_id: applicationId,
      application_id: applicationId,
      type: state.type === 2 ? 20 : 0,
      interaction_metadata: {
        id: state.id,
        type: state.type,
        user,
        authorizing_integration_owners: p.authorizing_integration_owners,
        ...(state.type === 2 ? { name: p.data.name, command_type: 1 } : { interacted_message_id: p.message?.id }),
      },
      interaction: { id: state.id, type: state.type, name: p.data.name ?? p.data.custom_id, user },
    };
  };

  const allowedCallbacks: Record<number, number[]> = {
    2: [4, 5, 9, 10, 12],
    3: [4, 5, 6, 7, 9, 10, 12],
    4: [8],
    5: [4, 5, 6, 7, 10],
  };

  const interactionCallback = (ctx: RouteContext): Reply => {
    const state = interactions.get(ctx.params.id!);
    if (!state || state.token !== ctx.params.token) throw unknown.interaction();
    if (state.acknowledged) throw apiError(400, 40060, 'Interaction has already been acknowledged.');
    const body = (ctx.body ?? {}) as Json;
    const type = Number(body.type);
    if (!allowedCallbacks[state.type]?.includes(type)) {
      throw formError({ type: fieldError('INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid interaction response type') });
    }
    const data = (body.data ?? {}) as Json;
    const files = ctx.call.files;
    let message: Json | undefined;
    let ephemeral = false;
    switch (type) {
      case 4:
      case 5: {
        if (type === 4) validateMessageBody(data, true, files.length > 0);
        ephemeral = (Number(data.flags ?? 0) & 64) !== 0;
        const flags = (Number(data.flags ?? 0) & (64 | 4 | 4096 | 32768)) | (type === 5 ? 128 : 0);
        message = buildMessage(state.channelId, type === 4 ? data : {}, type === 4 ? files : [], {
          ...interactionMessageExtra(state),
          flags,
        });
        storeMessage(state.channelId, message, ephemeral);
        state.originalMessageId = message.id as string;
        break;
      }
      case 6:
        break;
      case 7: {
        validateMessageBody(data, false, files.length > 0);
        const stored = state.originalMessageId ? messages.get(state.originalMessageId) : undefined;
        if (!stored || stored.deleted) throw unknown.message();
        applyEdit(stored.message, data, files);
        message = stored.message;
        ephemeral = stored.ephemeral;
        break;
      }
      case 8: {
        const choices: Json[] = Array.isArray(data.choices) ? data.choices : [];
        const errors: Json = {};
        if (choices.length > 25) errors.choices = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
        else {
          const ce: Json = {};
          choices.forEach((c, i) => {
            const e: Json = {};
            const n = charCount(c?.name);
            if (n < 1 || n > 100) e.name = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
            if (typeof c?.value === 'string' && charCount(c.value) > 100) {
              e.value = fieldError('BASE_TYPE_MAX_LENGTH', 'Must be 100 or fewer in length.');
            }
            if (Object.keys(e).length > 0) ce[i] = e;
          });
          if (Object.keys(ce).length > 0) errors.choices = ce;
        }
        if (Object.keys(errors).length > 0) throw formError({ data: errors });
        break;
      }
      default:
        break;
    }
    state.acknowledged = true;
    recordResponse(state, {
      kind: 'callback',
      type,
      data,
      ephemeral,
      ...(message ? { message: structuredClone(message) } : {}),
      callIndex: ctx.call.index,
    });
    if (ctx.query.with_response !== 'true') return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: state.id,
          type: state.type,
          activity_instance_id: null,
          response_message_id: message?.id ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: ephemeral,
        },
        ...(message ? { resource: { type, message } } : { resource: { type } }),
      },
    };
  };

  const webhookMessageTarget = (state: InteractionState, messageId: string): StoredMessage => {
    const id = messageId === '@original' ? state.originalMessageId : messageId;
    if (!state.acknowledged || !id) throw unknown.message();
    const stored = messages.get(id);
    if (!stored || stored.deleted) throw unknown.message();
    const own = id === state.originalMessageId || state.responses.some((r) => r.message?.id === id);
    if (!own) throw unknown.message();
    return stored;
  };

  // --- the REST routes ----------------------------------------------------------------------------------------------

  const ok = (body: unknown, status = 200): Reply => ({ status, body });

  const guildOf = (id: string): GuildState => {
    const g = guilds.get(id);
    if (!g) throw unknown.guild();
    return g;
  };

  const commandList = (key: string): Json[] => {
    let list = commands.get(key);
    if (!list) commands.set(key, (list = []));
    return list;
  };

  const commandKey = (params: Record<string, string>): string => {
    if (params.appId !== applicationId) throw unknown.application();
    if (params.guildId !== undefined) guildOf(params.guildId);
    return params.guildId ?? '';
  };

  const commandObject = (input: Json, key: string, existing: Json | undefined): Json => {
    const type = Number(input.type ?? 1);
    return {
      id: existing?.id ?? snowflake(),
      application_id: applicationId,
      version: snowflake(),
      type,
      name: input.name,
      name_localizations: input.name_localizations ?? null,
      description: type === 1 ? input.description : '',
      description_localizations: input.description_localizations ?? null,
      ...(Array.isArray(input.options) && input.options.length > 0 ? { options: input.options } : {}),
      default_member_permissions: input.default_member_permissions ?? null,
      dm_permission: input.dm_permission ?? true,
      contexts: input.contexts ?? null,
      integration_types: input.integration_types ?? [0],
      nsfw: Boolean(input.nsfw),
      ...(key ? { guild_id: key } : {}),
    };
  };

  const routes: Route[] = [];
  const route = (method: string, path: string, handler: Route['handler'], auth = true): void => {
    const pattern = new RegExp(`^${path.replace(/:(\w+)/g, '(?<$1>[^/]+)')}$`);
    routes.push({ method, pattern, auth, handler });
  };

  route('GET', '/gateway', () => ok({ url: gatewayUrl }), false);
  route('GET', '/gateway/bot', () =>
    ok({
      url: gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    }),
  );
  route('GET', '/users/@me', () => ok(botUser));
  route('GET', '/users/:userId', ({ params }) => {
    const user = users.get(params.userId!);
    if (!user) throw unknown.user();
    return ok(user);
  });
  route('GET', '/applications/@me', () =>
    ok({
      id: applicationId,
      name: botUser.username,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot: botUser,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: 'f'.repeat(64),
      flags: 0,
      team: null,
      owner: userObject({ id: ownerId, username: 'owner' }),
      approximate_guild_count: guilds.size,
      tags: [],
      install_params: null,
      integration_types_config: { '0': {} },
    }),
  );

  // interactions (no bot token: discord.js sends these with auth: false)
  route('POST', '/interactions/:id/:token/callback', interactionCallback, false);
  route(
    'GET',
    '/webhooks/:appId/:token/messages/:messageId',
    ({ params }) => ok(webhookMessageTarget(interactionByToken(params.appId!, params.token!), params.messageId!).message),
    false,
  );
  route(
    'PATCH',
    '/webhooks/:appId/:token/messages/:messageId',
    ({ params, body, call }) => {
      const state = interactionByToken(params.appId!, params.token!);
      const stored = webhookMessageTarget(state, params.messageId!);
      const data = (body ?? {}) as Json;
      validateMessageBody(data, false, call.files.length > 0);
      applyEdit(stored.message, data, call.files);
      recordResponse(state, {
        kind: 'edit',
        data,
        ephemeral: stored.ephemeral,
        message: structuredClone(stored.message),
        callIndex: call.index,
      });
      return ok(stored.message);
    },
    false,
  );
  route(
    'DELETE',
    '/webhooks/:appId/:token/messages/:messageId',
    ({ params, call }) => {
      const state = interactionByToken(params.appId!, params.token!);
      const stored = webhookMessageTarget(state, params.messageId!);
      stored.deleted = true;
      recordResponse(state, {
        kind: 'delete',
        data: {},
        ephemeral: stored.ephemeral,
        message: structuredClone(stored.message),
        callIndex: call.index,
      });
      return ok(undefined, 204);
    },
    false,
  );
  route(
    'POST',
    '/webhooks/:appId/:token',
    ({ params, body, query, call }) => {
      const state = interactionByToken(params.appId!, params.token!);
      if (!state.acknowledged) throw unknown.webhook();
      const data = (body ?? {}) as Json;
      validateMessageBody(data, true, call.files.length > 0);
      const ephemeral = (Number(data.flags ?? 0) & 64) !== 0;
      const message = buildMessage(state.channelId, data, call.files, {
        ...interactionMessageExtra(state),
        flags: Number(data.flags ?? 0) & (64 | 4 | 4096 | 32768),
      });
      storeMessage(state.channelId, message, ephemeral);
      recordResponse(state, { kind: 'followup', data, ephemeral, message: structuredClone(message), callIndex: call.index });
      return query.wait === 'true' ? ok(message) : ok(undefined, 204);
    },
    false,
  );

  // channels and messages
  route('GET', '/channels/:channelId', ({ params }) => {
    const channel = channels.get(params.channelId!);
    if (!channel) throw unknown.channel();
    return ok(channel);
  });
  route('POST', '/channels/:channelId/typing', ({ params }) => {
    textChannel(params.channelId!);
    return ok(undefined, 204);
  });
  route('POST', '/channels/:channelId/messages', ({ params, body, call }) => {
    const channelId = params.channelId!;
    textChannel(channelId);
    const data = (body ?? {}) as Json;
    validateMessageBody(data, true, call.files.length > 0);
    // enforce_nonce: the same nonce from the bot in this channel within a few minutes answers the
    // message already posted instead of posting it again (Discord keeps them for a few minutes).
    if (data.enforce_nonce === true && data.nonce !== undefined) {
      const earlier = channelMessages(channelId).find((m) => m.nonce === data.nonce && m.author?.id === applicationId);
      if (earlier !== undefined) return ok(earlier);
    }
    const message = buildMessage(channelId, data, call.files, {
      ...messageReference(channelId, data),
      flags: Number(data.flags ?? 0) & (4 | 4096 | 32768),
    });
    return ok(storeMessage(channelId, message, false));
  });
  route('GET', '/channels/:channelId/messages', ({ params, query }) => {
    if (!channels.has(params.channelId!)) throw unknown.channel();
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50)));
    return ok(channelMessages(params.channelId!).reverse().slice(0, limit));
  });
  route('GET', '/channels/:channelId/messages/:messageId', ({ params }) =>
    ok(storedMessage(params.channelId!, params.messageId!).message),
  );
  route('PATCH', '/channels/:channelId/messages/:messageId', ({ params, body, call }) => {
    const stored = storedMessage(params.channelId!, params.messageId!);
    if (stored.message.author?.id !== applicationId) throw apiError(403, 50005, 'Cannot edit a message authored by another user');
    const data = (body ?? {}) as Json;
    validateMessageBody(data, false, call.files.length > 0);
    applyEdit(stored.message, data, call.files);
    return ok(stored.message);
  });
  route('DELETE', '/channels/:channelId/messages/:messageId', ({ params }) => {
    storedMessage(params.channelId!, params.messageId!).deleted = true;
    return ok(undefined, 204);
  });
  route('POST', '/channels/:channelId/threads', ({ params, body, call }) => {
    const parent = channels.get(params.channelId!);
    if (!parent) throw unknown.channel();
    const data = (body ?? {}) as Json;
    const isForum = parent.type === 15 || parent.type === 16;
    if (!isForum && parent.type !== 0 && parent.type !== 5) throw apiError(400, 50024, 'Cannot execute action on this channel type');
    const errors: Json = {};
    const nameLength = charCount(data.name);
    if (nameLength < 1 || nameLength > 100) errors.name = fieldError('BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    if (isForum && !data.message) errors.message = fieldError('BASE_TYPE_REQUIRED', 'This field is required');
    if (Object.keys(errors).length > 0) throw formError(errors);
    if (isForum) {
      try {
        validateMessageBody(data.message as Json, true, call.files.length > 0);
      } catch (err) {
        if (err instanceof ApiError && err.body.code === 50035) throw formError({ message: err.body.errors });
        throw err;
      }
    }
    const id = snowflake();
    const thread: Json = {
      id,
      type: isForum ? 11 : Number(data.type ?? 12),
      guild_id: parent.guild_id,
      parent_id: parent.id,
      owner_id: applicationId,
      name: data.name,
      last_message_id: null,
      rate_limit_per_user: Number(data.rate_limit_per_user ?? 0),
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      thread_metadata: {
        archived: false,
        archive_timestamp: new Date().toISOString(),
        auto_archive_duration: Number(data.auto_archive_duration ?? parent.default_auto_archive_duration ?? 4320),
        locked: false,
        create_timestamp: new Date().toISOString(),
        ...(isForum ? {} : { invitable: data.invitable ?? true }),
      },
      member: { id, user_id: applicationId, join_timestamp: new Date().toISOString(), flags: 1 },
      ...(isForum ? { applied_tags: Array.isArray(data.applied_tags) ? data.applied_tags : [] } : {}),
    };
    channels.set(id, thread);
    let list = threadsByParent.get(parent.id as string);
    if (!list) threadsByParent.set(parent.id as string, (list = []));
    list.push(id);
    parent.last_message_id = id;
    if (!isForum) return ok(thread, 201);
    const message = buildMessage(id, data.message as Json, call.files, { id, position: 0 });
    storeMessage(id, message, false);
    return ok({ ...thread, message }, 201);
  });

  // guilds
  route('GET', '/guilds/:guildId', ({ params, query }) => {
    const g = guildOf(params.guildId!);
    const body = guildRest(g);
    if (query.with_counts === 'true') Object.assign(body, { approximate_member_count: g.members.size + 1, approximate_presence_count: 1 });
    return ok(body);
  });
  route('GET', '/guilds/:guildId/channels', ({ params }) => {
    guildOf(params.guildId!);
    return ok(guildChannels(params.guildId!));
  });
  route('GET', '/guilds/:guildId/roles', ({ params }) => ok(guildOf(params.guildId!).roles));
  route('GET', '/guilds/:guildId/members/:userId', ({ params }) => {
    const userId = params.userId === '@me' ? applicationId : params.userId!;
    const member = guildOf(params.guildId!).members.get(userId);
    if (!member) throw unknown.member();
    return ok(member);
  });

  // application commands (global and guild)
  for (const prefix of ['/applications/:appId', '/applications/:appId/guilds/:guildId']) {
    route('GET', `${prefix}/commands`, ({ params }) => ok(commandList(commandKey(params))));
    route('PUT', `${prefix}/commands`, ({ params, body }) => {
      const key = commandKey(params);
      const old = commandList(key);
      const input = validateCommands(body);
      const next = input.map((c) =>
        commandObject(c, key, old.find((o) => o.name === c.name && o.type === Number(c.type ?? 1))),
      );
      commands.set(key, next);
      return ok(next);
    });
    route('POST', `${prefix}/commands`, ({ params, body }) => {
      const key = commandKey(params);
      const [input] = validateCommands([body]);
      const list = commandList(key);
      const i = list.findIndex((o) => o.name === input!.name && o.type === Number(input!.type ?? 1));
      const command = commandObject(input!, key, list[i]);
      if (i >= 0) list[i] = command;
      else list.push(command);
      return ok(command, i >= 0 ? 200 : 201);
    });
    route('GET', `${prefix}/commands/:commandId`, ({ params }) => {
      const found = commandList(commandKey(params)).find((c) => c.id === params.commandId);
      if (!found) throw unknown.command();
      return ok(found);
    });
    route('PATCH', `${prefix}/commands/:commandId`, ({ params, body }) => {
      const list = commandList(commandKey(params));
      const i = list.findIndex((c) => c.id === params.commandId);
      if (i < 0) throw unknown.command();
      const merged = { ...list[i], ...(body as Json) };
      validateCommands([merged]);
      list[i] = { ...merged, version: snowflake() };
      return ok(list[i]);
    });
    route('DELETE', `${prefix}/commands/:commandId`, ({ params }) => {
      const list = commandList(commandKey(params));
      const i = list.findIndex((c) => c.id === params.commandId);
      if (i < 0) throw unknown.command();
      list.splice(i, 1);
      return ok(undefined, 204);
    });
  }

  // --- HTTP plumbing ------------------------------------------------------------------------------------------------

  const readBody = async (req: IncomingMessage): Promise<{ body: RestCall['body']; files: RestCall['files'] }> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    if (raw.length === 0) return { body: undefined, files: [] };
    const type = String(req.headers['content-type'] ?? '');
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const files: RestCall['files'] = [];
      let body: RestCall['body'];
      for (const [field, value] of form.entries()) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value) as Json;
        } else {
          files.push({ field, name: value.name, size: value.size, contentType: value.type || 'application/octet-stream', data: Buffer.from(await value.arrayBuffer()) });
        }
      }
      return { body, files };
    }
    try {
      return { body: JSON.parse(raw.toString('utf8')) as Json, files: [] };
    } catch {
      throw apiError(400, 50109, 'The request body contains invalid JSON.');
    }
  };

  const rateLimitHeaders = (call: RestCall, f: { retryAfter?: number; global?: boolean; scope?: string }): Record<string, string> => {
    const retryAfter = f.retryAfter ?? 1;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-scope': f.scope ?? (f.global ? 'global' : 'user'),
    };
    if (f.global) {
      headers['x-ratelimit-global'] = 'true';
    } else {
      headers['x-ratelimit-limit'] = '5';
      headers['x-ratelimit-remaining'] = '0';
      headers['x-ratelimit-reset'] = (Date.now() / 1000 + retryAfter).toFixed(3);
      headers['x-ratelimit-reset-after'] = String(retryAfter);
      headers['x-ratelimit-bucket'] = Buffer.from(`${call.method} ${call.path.replace(/\d{5,}/g, ':id')}`)
        .toString('hex')
        .slice(0, 32);
    }
    return headers;
  };

  const send = (res: ServerResponse, call: RestCall, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    call.status = status;
    call.response = body;
    if (Object.keys(headers).length > 0) call.responseHeaders = headers;
    if (res.writableEnded || res.destroyed) return;
    if (body === undefined || status === 204) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    const json = JSON.stringify(body);
    res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };

  const takeInjection = (call: RestCall): FakeFailure | undefined => {
    const found = injections.find(
      (inj) =>
        inj.remaining > 0 &&
        (inj.method === undefined || inj.method === call.method) &&
        pathMatches(inj.path, call.path),
    );
    if (!found) return undefined;
    found.remaining--;
    if (found.remaining === 0) injections.splice(injections.indexOf(found), 1);
    return found.failure;
  };

  const decodePath = (raw: string): string =>
    raw
      .split('/')
      .map((seg) => {
        try {
          return decodeURIComponent(seg);
        } catch {
          return seg;
        }
      })
      .join('/');

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefixed = url.pathname.startsWith(`${API_PREFIX}/`);
    const path = decodePath(prefixed ? url.pathname.slice(API_PREFIX.length) : url.pathname);
    let parsed: { body: RestCall['body']; files: RestCall['files'] } = { body: undefined, files: [] };
    let parseError: ApiError | undefined;
    try {
      parsed = await readBody(req);
    } catch (err) {
      parseError = err instanceof ApiError ? err : apiError(400, 50109, 'The request body contains invalid JSON.');
    }
    const call: RestCall = {
      index: calls.length,
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      url: req.url ?? '/',
      query: Object.fromEntries(url.searchParams),
      body: parsed.body,
      files: parsed.files,
      headers: { ...req.headers },
      at: Date.now(),
    };
    calls.push(call);

    try {
      const failure = takeInjection(call);
      if (failure !== undefined) {
        call.injected = true;
        if (failure === 'disconnect') {
          call.status = 0;
          req.socket.destroy();
        } else if (failure.status === 429) {
          const f = failure as { retryAfter?: number; global?: boolean; scope?: string };
          const retryAfter = f.retryAfter ?? 1;
          const body = { message: 'You are being rate limited.', retry_after: retryAfter, global: Boolean(f.global) };
          send(res, call, 429, body, rateLimitHeaders(call, f));
        } else {
          const f = failure as { status: number; code?: number; message?: string; errors?: Json };
          const body: Json =
            f.status >= 500
              ? { message: f.message ?? `${f.status}: Internal Server Error`, code: f.code ?? 0 }
              : { message: f.message ?? `${f.status}: Error`, code: f.code ?? 0, ...(f.errors ? { errors: f.errors } : {}) };
          send(res, call, f.status, body);
        }
        return;
      }
      if (!prefixed) throw apiError(404, 0, '404: Not Found');
      const candidates = routes.filter((r) => r.pattern.test(path));
      const found = candidates.find((r) => r.method === call.method);
      if (!found) {
        throw candidates.length > 0 ? apiError(405, 0, '405: Method Not Allowed') : apiError(404, 0, '404: Not Found');
      }
      if (found.auth && req.headers.authorization !== `Bot ${token}`) throw apiError(401, 0, '401: Unauthorized');
      if (parseError) throw parseError;
      const params = Object.fromEntries(
        Object.entries(found.pattern.exec(path)?.groups ?? {}).map(([k, v]) => [k, v]),
      ) as Record<string, string>;
      const reply = found.handler({ params, body: call.body, query: call.query, call });
      const latency = options.latencyMs?.(call.method, path) ?? 0;
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      send(res, call, reply.status, reply.body);
    } catch (err) {
      if (err instanceof ApiError) send(res, call, err.status, err.body);
      else send(res, call, 500, { message: `500: fake-discord ${call.method} ${call.path}: ${String(err)}`, code: 0 });
    } finally {
      notify(callWaiters, call);
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  // --- the gateway --------------------------------------------------------------------------------------------------

  const wss = new WebSocketServer({ noServer: true });
  const conns = new Set<Conn>();
  const sessions = new Map<string, Session>();
  const pending: { t: string; d: Json }[] = [];
  let connCounter = 0;
  let active: Conn | undefined;

  const activeSession = (): Session | undefined => active?.session;

  const logFrame = (conn: Conn, direction: 'in' | 'out', payload: Json): void => {
    const frame: GatewayFrame = {
      index: gatewayLog.length,
      connection: conn.id,
      direction,
      op: Number(payload.op),
      t: (payload.t as string | undefined) ?? null,
      s: (payload.s as number | undefined) ?? null,
      d: payload.d,
      at: Date.now(),
    };
    gatewayLog.push(frame);
    notify(frameWaiters, frame);
  };

  const sendFrame = (conn: Conn, payload: Json): void => {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    logFrame(conn, 'out', payload);
    conn.ws.send(JSON.stringify(payload));
  };

  const sendDispatch = (conn: Conn, t: string, d: Json): void => {
    const session = conn.session!;
    const s = ++session.seq;
    session.events.push({ s, t, d });
    sendFrame(conn, { op: 0, t, s, d });
  };

  const flushPending = (conn: Conn): void => {
    while (pending.length > 0 && active === conn) {
      const e = pending.shift()!;
      sendDispatch(conn, e.t, e.d);
    }
  };

  function dispatch(t: string, d: Json): void {
    if (closed) throw new Error('fake Discord is closed');
    if (active && active.ws.readyState === active.ws.OPEN) sendDispatch(active, t, d);
    else pending.push({ t, d });
  }

  const closeConn = (conn: Conn, code: number, reason: string): void => {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.close(code, reason);
  };

  const onIdentify = (conn: Conn, d: Json): void => {
    if (conn.session) return closeConn(conn, 4005, 'Already authenticated.');
    if (d?.token !== token) return closeConn(conn, 4004, 'Authentication failed.');
    if (typeof d.intents !== 'number') return closeConn(conn, 4013, 'Invalid intent(s).');
    const shard = d.shard as [number, number] | undefined;
    if (shard && (shard[1] !== 1 || shard[0] !== 0)) return closeConn(conn, 4010, 'Invalid shard.');
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, events: [], intents: d.intents, resumable: true, conn };
    sessions.set(session.id, session);
    conn.session = session;
    active = conn;
    sendDispatch(conn, 'READY', {
      v: 10,
      user: botUser,
      guilds: [...guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: gatewayUrl,
      shard: [0, 1],
      application: { id: applicationId, flags: 0 },
      user_settings: {},
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['fake'],
      auth_session_id_hash: '',
      _trace: ['["fake-discord",{"micros":1}]'],
    });
    if (session.intents & INTENT_GUILDS) for (const g of guilds.values()) sendDispatch(conn, 'GUILD_CREATE', guildCreate(g));
    flushPending(conn);
  };

  const onResume = (conn: Conn, d: Json): void => {
    if (conn.session) return closeConn(conn, 4005, 'Already authenticated.');
    if (d?.token !== token) return closeConn(conn, 4004, 'Authentication failed.');
    const session = sessions.get(String(d.session_id));
    if (!session || !session.resumable || typeof d.seq !== 'number' || d.seq > session.seq) {
      sendFrame(conn, { op: 9, d: false, s: null, t: null });
      return;
    }
    if (session.conn && session.conn !== conn) session.conn.ws.terminate();
    session.conn = conn;
    conn.session = session;
    active = conn;
    for (const e of session.events.filter((e) => e.s > d.seq)) sendFrame(conn, { op: 0, t: e.t, s: e.s, d: e.d });
    sendDispatch(conn, 'RESUMED', { _trace: ['["fake-discord",{"micros":1}]'] });
    flushPending(conn);
  };

  const onFrame = (conn: Conn, data: RawData, isBinary: boolean): void => {
    let payload: Json;
    try {
      if (isBinary) throw new Error('binary');
      payload = JSON.parse(data.toString()) as Json;
    } catch {
      return closeConn(conn, 4002, 'Error while decoding payload.');
    }
    logFrame(conn, 'in', payload);
    const op = Number(payload.op);
    if (op !== 1 && op !== 2 && op !== 6 && !conn.session) return closeConn(conn, 4003, 'Not authenticated.');
    switch (op) {
      case 1:
        sendFrame(conn, { op: 11, d: null, s: null, t: null });
        return;
      case 2:
        return onIdentify(conn, payload.d as Json);
      case 6:
        return onResume(conn, payload.d as Json);
      case 3: // presence update
      case 4: // voice state update
        return;
      case 8: {
        const d = payload.d as Json;
        const g = guilds.get(String(d?.guild_id));
        if (!g) return;
        const ids: string[] | undefined = d.user_ids ? [d.user_ids].flat().map(String) : undefined;
        const members = [...g.members.values()].filter((m) => !ids || ids.includes(m.user.id as string));
        dispatch('GUILD_MEMBERS_CHUNK', {
          guild_id: g.input.id,
          members,
          chunk_index: 0,
          chunk_count: 1,
          ...(ids ? { not_found: ids.filter((id) => !g.members.has(id)) } : {}),
          ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
        });
        return;
      }
      default:
        return closeConn(conn, 4001, 'Unknown opcode.');
    }
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/gateway' || closed) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const conn: Conn = { id: ++connCounter, ws, session: undefined };
      conns.add(conn);
      gatewayConnections.push({ connection: conn.id, url: req.url ?? '/', at: Date.now() });
      ws.on('message', (data, isBinary) => onFrame(conn, data, isBinary));
      ws.on('error', () => {});
      ws.on('close', () => {
        conns.delete(conn);
        if (conn.session?.conn === conn) conn.session.conn = undefined;
        if (active === conn) active = undefined;
      });
      const hello = { heartbeat_interval: heartbeatInterval, _trace: ['["fake-discord",{"micros":1}]'] };
      sendFrame(conn, { op: 10, d: hello, s: null, t: null });
      const v = url.searchParams.get('v');
      const encoding = url.searchParams.get('encoding') ?? 'json';
      if (v !== null && v !== '10') closeConn(conn, 4012, 'Invalid API version.');
      else if (encoding !== 'json' || url.searchParams.has('compress')) {
        closeConn(conn, 4002, 'fake-discord speaks uncompressed JSON only.');
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

  // --- driving the bot ----------------------------------------------------------------------------------------------

  const resolvedChannel = (target: InteractionTarget, user: Json): Json => {
    if (target.guildId !== undefined) {
      guildOf(target.guildId);
      const channel = channels.get(target.channelId);
      if (!channel || channel.guild_id !== target.guildId) {
        throw new Error(`interaction: guild ${target.guildId} has no channel ${target.channelId}`);
      }
      return channel;
    }
    let dm = channels.get(target.channelId);
    if (!dm) {
      dm = { id: target.channelId, type: 1, last_message_id: null, flags: 0, recipients: [user] };
      channels.set(target.channelId, dm);
    }
    return dm;
  };

  const interactionBase = (type: number, target: InteractionTarget, data: Json, extra: Json = {}): DispatchedInteraction => {
    if (closed) throw new Error('fake Discord is closed');
    const user = userObject(target.user);
    const channel = resolvedChannel(target, user);
    const id = snowflake();
    const itoken = `fake-interaction.${id}.${randomBytes(12).toString('base64url')}`;
    const inGuild = target.guildId !== undefined;
    const botPermissions = String(EVERYONE_PERMISSIONS | BOT_ROLE_PERMISSIONS);
    const payload: Json = {
      id,
      application_id: applicationId,
      type,
      token: itoken,
      version: 1,
      data,
      ...(inGuild
        ? {
            guild_id: target.guildId,
            guild: { id: target.guildId, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: { ...memberObject(target.guildId!, user, target.member), permissions: memberPermissions(target.member) },
          }
        : { user }),
      channel_id: channel.id,
      channel: structuredClone(channel),
      locale: target.locale ?? 'en-US',
      app_permissions: botPermissions,
      entitlements: [],
      entitlement_sku_ids: [],
      authorizing_integration_owners: inGuild ? { '0': target.guildId } : { '1': user.id },
      context: inGuild ? 0 : 1,
      attachment_size_limit: 10_485_760,
      ...extra,
    };
    const state: InteractionState = {
      id,
      token: itoken,
      type,
      payload,
      channelId: channel.id as string,
      acknowledged: false,
      originalMessageId: type === 3 ? (extra.message?.id as string | undefined) : undefined,
      responses: [],
    };
    interactions.set(id, state);
    interactionsByToken.set(itoken, state);
    dispatch('INTERACTION_CREATE', payload);
    return { id, token: itoken, type, payload };
  };

  const findCommand = (name: string, guildId: string | undefined, type = 1): Json | undefined =>
    (guildId ? commands.get(guildId) : undefined)?.find((c) => c.name === name && c.type === type) ??
    commands.get('')?.find((c) => c.name === name && c.type === type);

  const optionType = (declared: Json[] | undefined, name: string, value: unknown): number => {
    const found = declared?.find((o) => o.name === name);
    if (found) return Number(found.type);
    if (typeof value === 'boolean') return 5;
    if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
    return 3;
  };

  const toOptions = (values: OptionValues | Json[] | undefined, declared: Json[] | undefined): Json[] | undefined => {
    if (values === undefined) return undefined;
    if (Array.isArray(values)) return values;
    return Object.entries(values).map(([name, value]) => ({ name, type: optionType(declared, name, value), value }));
  };

  const hasButton = (components: Json[], customId: string): boolean =>
    components.some(
      (c) =>
        c.custom_id === customId ||
        (Array.isArray(c.components) && hasButton(c.components, customId)) ||
        (c.accessory && hasButton([c.accessory], customId)),
    );

  const buttonIds = (components: Json[]): string[] =>
    components.flatMap((c) => [
      ...(c.custom_id ? [c.custom_id as string] : []),
      ...(Array.isArray(c.components) ? buttonIds(c.components) : []),
      ...(c.accessory ? buttonIds([c.accessory]) : []),
    ]);

  function channelMessages(channelId: string): Json[] {
    return (messageOrder.get(channelId) ?? [])
      .map((id) => messages.get(id)!)
      .filter((m) => !m.deleted && !m.ephemeral)
      .map((m) => structuredClone(m.message));
  }

  const fake: FakeDiscord = {
    restRoot: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    token,
    applicationId,
    botUser,
    guilds: guildInputs,
    calls,
    gateway: gatewayLog,
    gatewayConnections,

    slashCommand(input) {
      const command = findCommand(input.name, input.guildId);
      const options = toOptions(input.options, command?.options as Json[] | undefined);
      return interactionBase(2, input, {
        id: command?.id ?? snowflake(),
        name: input.name,
        type: 1,
        ...(options ? { options } : {}),
        ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
      });
    },

    pressButton(input) {
      const stored = messages.get(input.messageId);
      let message: Json;
      if (stored && !stored.deleted) {
        if (stored.channelId !== input.channelId) {
          throw new Error(`pressButton: message ${input.messageId} is in channel ${stored.channelId}, not ${input.channelId}`);
        }
        if (!hasButton(stored.message.components as Json[], input.customId)) {
          throw new Error(
            `pressButton: message ${input.messageId} has no component with custom_id ${JSON.stringify(input.customId)} ` +
              `(has ${JSON.stringify(buttonIds(stored.message.components as Json[]))})`,
          );
        }
        message = structuredClone(stored.message);
      } else {
        message = buildMessage(input.channelId, {
          content: '',
          components: [{ type: 1, components: [{ type: 2, style: 1, label: input.customId, custom_id: input.customId }] }],
        }, [], { id: input.messageId });
        messages.set(input.messageId, { message, channelId: input.channelId, ephemeral: false, deleted: false });
        message = structuredClone(message);
      }
      return interactionBase(3, input, { custom_id: input.customId, component_type: 2 }, { message });
    },

    autocomplete(input) {
      const command = findCommand(input.name, input.guildId);
      const declared = command?.options as Json[] | undefined;
      const others = toOptions(input.options ?? {}, declared) ?? [];
      const focused = {
        name: input.focusedOption,
        type: optionType(declared, input.focusedOption, input.value),
        value: input.value,
        focused: true,
      };
      return interactionBase(4, input, {
        id: command?.id ?? snowflake(),
        name: input.name,
        type: 1,
        options: [...others.filter((o) => o.name !== input.focusedOption), focused],
        ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
      });
    },

    dispatch,

    dropGateway({ code = 4000, resumable = true } = {}) {
      const conn = active ?? [...conns].at(-1);
      if (!conn) return Promise.reject(new Error('dropGateway: no gateway connection'));
      if (!resumable && conn.session) conn.session.resumable = false;
      const done = new Promise<void>((resolve) => {
        if (conn.ws.readyState === conn.ws.CLOSED) resolve();
        else conn.ws.once('close', () => resolve());
      });
      if (active === conn) active = undefined;
      if (code === 1006) conn.ws.terminate();
      else conn.ws.close(code, 'fake-discord: connection dropped');
      return done;
    },

    failNext(matcher, failure, times = 1) {
      injections.push({ method: matcher.method?.toUpperCase(), path: matcher.path, failure, remaining: times });
    },

    waitForCall(method, path, predicate, opts = {}) {
      const m = method.toUpperCase();
      return waitIn(
        calls,
        callWaiters,
        (c) => c.status !== undefined && c.method === m && pathMatches(path, c.path) && (!predicate || predicate(c)),
        opts,
        () => {
          const seen = calls.slice(opts.after ?? 0).map((c) => `${c.method} ${c.path} → ${c.status ?? '…'}`);
          return `waitForCall(${m} ${String(path)}); calls since #${opts.after ?? 0}: ${seen.join(', ') || '(none)'};`;
        },
      );
    },

    waitForGateway(predicate, opts = {}) {
      return waitIn(gatewayLog, frameWaiters, predicate, opts, () => {
        const seen = gatewayLog.slice(opts.after ?? 0).map((f) => `${f.direction}:${f.op}${f.t ? `/${f.t}` : ''}`);
        return `waitForGateway; frames since #${opts.after ?? 0}: ${seen.join(', ') || '(none)'};`;
      });
    },

    channelMessages,

    attachmentData: (attachmentId) => uploads.get(attachmentId),

    message(messageId) {
      const stored = messages.get(messageId);
      return stored && !stored.deleted ? structuredClone(stored.message) : undefined;
    },

    channel(channelId) {
      const channel = channels.get(channelId);
      return channel ? structuredClone(channel) : undefined;
    },

    threads(parentId) {
      return (threadsByParent.get(parentId) ?? []).map((id) => structuredClone(channels.get(id)!));
    },

    interactionResponses(interactionId) {
      return structuredClone(interactions.get(interactionId)?.responses ?? []);
    },

    registeredCommands(guildId) {
      return structuredClone(commands.get(guildId ?? '') ?? []);
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const w of callWaiters) {
        clearTimeout(w.timer);
        w.reject(new Error('fake Discord closed while waiting for a call'));
      }
      callWaiters.clear();
      for (const w of frameWaiters) {
        clearTimeout(w.timer);
        w.reject(new Error('fake Discord closed while waiting for a gateway frame'));
      }
      frameWaiters.clear();
      for (const conn of conns) conn.ws.terminate();
      conns.clear();
      active = undefined;
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
