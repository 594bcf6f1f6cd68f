/**
 * A fake Telegram Bot API server for tests: listens on 127.0.0.1 (port 0) and answers the real grammY client.
 *
 *   const fake = await startFakeTelegram();
 *   const bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
 *
 * Requests are `POST|GET {apiRoot}/bot{token}/{method}` with JSON, urlencoded or query parameters (no multipart, so no
 * file uploads). Answers have Telegram's shape: `{ ok: true, result }` with HTTP 200, or
 * `{ ok: false, error_code, description, parameters? }` with HTTP status = error_code. Method names are
 * case-insensitive, as on the real server.
 *
 * Stop the bot (`await bot.stop()`) before `fake.close()`: grammY makes one last getUpdates call when it stops, and a
 * bot still polling a closed fake keeps retrying (and keeps the test process alive).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// Node 20's built-in Response cannot read grammY's multipart (unquoted filename=): undici's can.
import { Response as UndiciResponse } from 'undici';
import type { BotCommand, BotCommandScope, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';

// ---------------------------------------------------------------------------------------------------------------------
// Public types

export interface FakeUserInput {
  id: number;
  first_name?: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_bot?: boolean;
}

export type FakeChatType = 'private' | 'group' | 'supergroup' | 'channel';

export interface FakeChatInput {
  id: number;
  type: FakeChatType;
  /** Groups, supergroups and channels; defaults to "Group <id>" / "Channel <id>". */
  title?: string;
  username?: string;
  /** Private chats; defaults to the sender's first name or "User <id>". */
  first_name?: string;
  last_name?: string;
  is_forum?: true;
}

/** An error answer as Telegram sends it. */
export interface TelegramError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export type TelegramResponse =
  | { ok: true; result: unknown; description?: string }
  | ({ ok: false } & TelegramError);

/** One logged request. `params` is what the client sent (JSON-decoded). */
export interface ApiCall {
  /** Position in `fake.calls`. */
  index: number;
  /** Canonical method name (e.g. "sendMessage" even if the client wrote "sendmessage"), or the raw name if unknown. */
  method: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test ergonomics: `call.params.text`
  params: Record<string, any>;
  /** Date.now() when the request arrived (after its body was read). */
  at: number;
  /** HTTP status and body of the answer; undefined while a long poll is still held open. */
  status?: number;
  response?: TelegramResponse;
  /** True if the answer came from `failNext`. */
  injected?: boolean;
}

/** A message the bot sent (sendMessage) or changed (editMessageText / editMessageReplyMarkup). */
export interface SentMessage {
  kind: 'send' | 'edit';
  chatId: number;
  messageId: number;
  /** The text after parse_mode parsing, as Telegram stores it. */
  text: string;
  /** The text as the bot sent it (before HTML parsing). */
  rawText: string;
  parse_mode?: string;
  reply_markup?: unknown;
  message_thread_id?: number;
  link_preview_options?: unknown;
  /** sendPhoto: the uploaded file as received (multipart), its name and bytes; `text`/`rawText` are the caption. */
  photo?: UploadedFile;
  message: Message;
  at: number;
}

/** A file part of a multipart/form-data request (grammY uploads an InputFile so). */
export interface UploadedFile {
  readonly name: string;
  readonly data: Buffer;
}

export interface CommandsEntry {
  scope: BotCommandScope;
  language_code: string;
  commands: BotCommand[];
}

export interface WaitOptions {
  /** Only calls with index >= after count (pass `fake.calls.length` taken before the action). Default 0: whole log. */
  after?: number;
  /** Default 2000 ms. */
  timeoutMs?: number;
}

export interface FailOptions {
  /** How many matching calls fail. Default 1. */
  times?: number;
  /** Only calls whose params match fail (e.g. one chat). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  when?: (params: Record<string, any>) => boolean;
}

export interface FakeTelegram {
  /** http://127.0.0.1:PORT — pass as `client.apiRoot`. */
  readonly apiRoot: string;
  readonly token: string;
  /** What getMe answers. `bot.id` is the number before ':' in the token. */
  readonly bot: UserFromGetMe;
  /** Every request, in arrival order (also unknown methods and wrong tokens). */
  readonly calls: ApiCall[];

  /** Enqueue a `message` update with a text from a user. A leading "/command" gets a bot_command entity. */
  sendText(
    from: FakeUserInput,
    chat: FakeChatInput,
    text: string,
    extra?: { message_thread_id?: number; entities?: MessageEntity[]; reply_to_message_id?: number },
  ): Update;
  /** Enqueue a `callback_query` for an inline button the bot sent. Throws if that message has no such button. */
  pressButton(from: FakeUserInput, message: Pick<Message, 'message_id' | 'chat'>, data: string): Update;
  /** Enqueue any update; update_id is assigned unless given. Chats and users in it become known. */
  enqueue(update: Omit<Update, 'update_id'> & { update_id?: number }): Update;
  /** Updates not yet confirmed by a getUpdates offset. */
  pending(): Update[];

  /** Make a chat known without a message from it (so the bot can send to it). */
  addChat(chat: FakeChatInput): void;
  /** Administrators of a chat for getChatMember / getChatAdministrators; `owner` is answered as "creator". */
  setAdmins(chatId: number, userIds: number[], options?: { owner?: number }): void;
  /** Sending to the chat answers 403 (blocked by the user / kicked from the group) until unblocked. */
  setBlocked(chatId: number, blocked?: boolean): void;

  /** The next `times` calls of `method` fail with `error` ('disconnect' destroys the socket instead). */
  failNext(method: string, error: TelegramError | 'disconnect', options?: number | FailOptions): void;
  /** Resolves with the first call of `method` at index >= after that matches; rejects after timeoutMs. */
  waitForCall(method: string, predicate?: (call: ApiCall) => boolean, options?: number | WaitOptions): Promise<ApiCall>;
  /** Logged calls of one method. */
  callsOf(method: string): ApiCall[];
  /** Messages the bot sent and edited (successful calls only), optionally for one chat. */
  sent(chatId?: number): SentMessage[];
  /** Everything set with setMyCommands, one entry per scope + language. */
  commands(): CommandsEntry[];
  /** Like getMyCommands: exact scope (default { type: 'default' }) and language (default ''). */
  commandsFor(language_code?: string, scope?: BotCommandScope): BotCommand[];
  /** Current webhook URL ('' when none). */
  webhookUrl(): string;

  /** Ends a held long poll with an empty result, rejects pending waitForCall, closes all connections and the server. */
  close(): Promise<void>;
}

export interface FakeTelegramOptions {
  /** Default "123456789:AAFakeTokenForTestsOnly_abcdefghijklm". */
  token?: string;
  /** Default "rasid_test_bot". */
  botUsername?: string;
  /** Default "Rasid". */
  botFirstName?: string;
  /**
   * How long the answer to a call of `method` takes, after the fake has acted on it (a message is
   * already sent when its answer is still on the way: the window a crash of the bot meets). Default 0.
   */
  latencyMs?: (method: string) => number;
}

// ---------------------------------------------------------------------------------------------------------------------
// HTML parse_mode (modelled on TDLib's parse_html: same tags, entity decoding and error texts)

const HTML_TAGS = new Set([
  'a', 'b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'code', 'pre', 'blockquote', 'tg-spoiler', 'span',
  'tg-emoji',
]);

export interface ParsedText {
  text: string;
  entities: MessageEntity[];
}

export class HtmlParseError extends Error {}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

/** Decodes one character reference at text[pos] === '&'; null if Telegram would keep the '&' literally. */
function decodeEntity(text: string, pos: number): { ch: string; next: number } | null {
  let end = pos + 1;
  let code: number;
  if (text[end] === '#') {
    end++;
    let digits = '';
    if (text[end] === 'x') {
      end++;
      while (end < text.length && /[0-9a-fA-F]/.test(text[end]!)) digits += text[end++];
      code = digits === '' ? 0 : parseInt(digits, 16);
    } else {
      while (end < text.length && /[0-9]/.test(text[end]!)) digits += text[end++];
      code = digits === '' ? 0 : parseInt(digits, 10);
    }
    if (code === 0 || code >= 0x10ffff || end - pos >= 10) return null;
  } else {
    let name = '';
    while (end < text.length && /[a-zA-Z]/.test(text[end]!)) name += text[end++];
    const named: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34 };
    const value = named[name];
    if (value === undefined) return null;
    code = value;
  }
  if (text[end] === ';') end++;
  return { ch: String.fromCodePoint(code), next: end };
}

interface OpenTag {
  name: string;
  start: number;
  /** Opening order: nested entities with the same range come out outer first. */
  seq: number;
  href?: string;
  language?: string;
  expandable?: boolean;
  emojiId?: string;
}

/** Parses Telegram HTML into plain text + entities; throws HtmlParseError with TDLib's message. */
export function parseTelegramHtml(html: string): ParsedText {
  let out = '';
  const entities: { entity: MessageEntity; seq: number }[] = [];
  const stack: OpenTag[] = [];
  let seq = 0;
  const n = html.length;
  const fail = (message: string): never => {
    throw new HtmlParseError(message);
  };
  let i = 0;
  while (i < n) {
    const c = html[i]!;
    if (c === '&') {
      const decoded = decodeEntity(html, i);
      if (decoded) {
        out += decoded.ch;
        i = decoded.next;
        continue;
      }
    }
    if (c !== '<') {
      out += c;
      i++;
      continue;
    }
    const begin = i;
    i++;
    if (html[i] === '/') {
      // end tag
      i++;
      const nameStart = i;
      while (i < n && !isSpace(html[i]) && html[i] !== '>') i++;
      const endName = html.slice(nameStart, i).toLowerCase();
      while (i < n && isSpace(html[i])) i++;
      if (i >= n || html[i] !== '>') fail(`Unclosed end tag at byte offset ${byteOffset(html, begin)}`);
      i++;
      const open = stack.pop();
      if (!open) fail(`Unexpected end tag at byte offset ${byteOffset(html, begin)}`);
      const tag = open as OpenTag;
      if (endName !== '' && endName !== tag.name) {
        fail(
          `Unmatched end tag at byte offset ${byteOffset(html, begin)}, expected "</${tag.name}>", found "</${endName}>"`,
        );
      }
      closeTag(tag, out.length, stack, entities);
      continue;
    }
    // start tag
    const nameStart = i;
    while (i < n && !isSpace(html[i]) && html[i] !== '>') i++;
    if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(html, begin)}`);
    const name = html.slice(nameStart, i).toLowerCase();
    if (!HTML_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, begin)}`);
    const tag: OpenTag = { name, start: 0, seq: seq++ };
    let spanClass = '';
    while (html[i] !== '>') {
      while (i < n && isSpace(html[i])) i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(html, begin)}`);
      if (html[i] === '>') break;
      const attrStart = i;
      while (i < n && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>') i++;
      const attrName = html.slice(attrStart, i).toLowerCase();
      if (attrName === '') fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(html, begin)}`);
      while (i < n && isSpace(html[i])) i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(html, begin)}`);
      if (html[i] !== '=') {
        if (name === 'blockquote' && attrName === 'expandable') {
          tag.expandable = true;
          continue;
        }
        fail(`Expected equal sign in declaration of an attribute of the tag "${name}" at byte offset ${byteOffset(html, begin)}`);
      }
      i++;
      while (i < n && isSpace(html[i])) i++;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(html, begin)}`);
      let value = '';
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        i++;
        while (i < n && html[i] !== quote) {
          if (html[i] === '&') {
            const decoded = decodeEntity(html, i);
            if (decoded) {
              value += decoded.ch;
              i = decoded.next;
              continue;
            }
          }
          value += html[i++];
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(html, begin)}`);
        i++;
      } else {
        const tokenStart = i;
        while (i < n && /[A-Za-z0-9.-]/.test(html[i]!)) i++;
        value = html.slice(tokenStart, i).toLowerCase();
        if (i < n && !isSpace(html[i]) && html[i] !== '>') {
          fail(`Unexpected end of name token at byte offset ${byteOffset(html, tokenStart)}`);
        }
      }
      if (name === 'a' && attrName === 'href') tag.href = value;
      else if (name === 'code' && attrName === 'class' && value.startsWith('language-')) tag.language = value.slice(9);
      else if (name === 'span' && attrName === 'class') spanClass = value;
      else if (name === 'tg-emoji' && attrName === 'emoji-id') tag.emojiId = value;
    }
    i++; // '>'
    if (name === 'span' && spanClass !== 'tg-spoiler') {
      fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(html, begin)}`);
    }
    tag.start = out.length;
    stack.push(tag);
  }
  const unclosed = stack.at(-1);
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.entity.offset - b.entity.offset || b.entity.length - a.entity.length || a.seq - b.seq);
  return { text: out, entities: entities.map((e) => e.entity) };
}

function closeTag(tag: OpenTag, end: number, stack: OpenTag[], out: { entity: MessageEntity; seq: number }[]): void {
  const entities = { push: (entity: MessageEntity) => void out.push({ entity, seq: tag.seq }) };
  const offset = tag.start;
  const length = end - tag.start;
  const parent = stack.at(-1);
  if (tag.name === 'code' && parent?.name === 'pre') {
    // <pre><code class="language-x">…</code></pre> is one pre entity with a language
    if (tag.language) parent.language = tag.language;
    return;
  }
  if (length === 0) return;
  switch (tag.name) {
    case 'b':
    case 'strong':
      entities.push({ type: 'bold', offset, length });
      break;
    case 'i':
    case 'em':
      entities.push({ type: 'italic', offset, length });
      break;
    case 'u':
    case 'ins':
      entities.push({ type: 'underline', offset, length });
      break;
    case 's':
    case 'strike':
    case 'del':
      entities.push({ type: 'strikethrough', offset, length });
      break;
    case 'tg-spoiler':
    case 'span':
      entities.push({ type: 'spoiler', offset, length });
      break;
    case 'code':
      entities.push({ type: 'code', offset, length });
      break;
    case 'pre':
      entities.push(
        tag.language ? { type: 'pre', offset, length, language: tag.language } : { type: 'pre', offset, length },
      );
      break;
    case 'blockquote':
      entities.push({ type: tag.expandable ? 'expandable_blockquote' : 'blockquote', offset, length });
      break;
    case 'a':
      if (tag.href) entities.push({ type: 'text_link', offset, length, url: tag.href });
      break;
    case 'tg-emoji':
      if (tag.emojiId) entities.push({ type: 'custom_emoji', offset, length, custom_emoji_id: tag.emojiId });
      break;
  }
}

/** Telegram strips leading and trailing whitespace from message texts; entities move with the text. */
function trimText(parsed: ParsedText): ParsedText {
  const lead = /^[ \t\r\n]*/.exec(parsed.text)![0].length;
  const text = parsed.text.trim() === '' ? '' : parsed.text.slice(lead).replace(/[ \t\r\n]+$/, '');
  const entities: MessageEntity[] = [];
  for (const e of parsed.entities) {
    const start = Math.max(0, e.offset - lead);
    const end = Math.min(text.length, e.offset + e.length - lead);
    if (end > start) entities.push({ ...e, offset: start, length: end - start });
  }
  return { text, entities };
}

// ---------------------------------------------------------------------------------------------------------------------
// The server

const DEFAULT_TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijklm';
const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
/** Update types Telegram leaves out when allowed_updates is empty or never set. */
const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);
const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);

class ApiError extends Error {
  constructor(readonly error: TelegramError) {
    super(error.description);
  }
}

const bad = (description: string): ApiError => new ApiError({ error_code: 400, description: `Bad Request: ${description}` });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Params = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

interface HeldPoll {
  call: ApiCall;
  res: ServerResponse;
  limit: number;
  timer: NodeJS.Timeout;
}

interface Waiter {
  method: string;
  after: number;
  predicate: ((call: ApiCall) => boolean) | undefined;
  resolve: (call: ApiCall) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface Injection {
  error: TelegramError | 'disconnect';
  remaining: number;
  when: ((params: Params) => boolean) | undefined;
}

const updateType = (u: Obj): string => Object.keys(u).find((k) => k !== 'update_id') ?? '';

const now = (): number => Math.floor(Date.now() / 1000);

export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? DEFAULT_TOKEN;
  const botId = Number(token.split(':')[0]);
  if (!Number.isSafeInteger(botId) || botId <= 0) throw new Error(`token must look like "<bot id>:<secret>": ${token}`);
  const botInfo: UserFromGetMe = {
    id: botId,
    is_bot: true,
    first_name: options.botFirstName ?? 'Rasid',
    username: options.botUsername ?? 'rasid_test_bot',
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
  const botAsSender = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username };

  const calls: ApiCall[] = [];
  const sentLog: SentMessage[] = [];
  const queue: Obj[] = [];
  let nextUpdateId = 100_000_001;
  let allowedUpdates: string[] = [];
  let webhook = '';
  let held: HeldPoll | undefined;
  let closed = false;
  const waiters = new Set<Waiter>();
  const injections = new Map<string, Injection[]>();
  const chats = new Map<number, Obj>();
  const users = new Map<number, Obj>([[botInfo.id, botAsSender]]);
  const members = new Map<number, Set<number>>();
  const admins = new Map<number, { ids: number[]; owner: number | undefined }>();
  const blocked = new Set<number>();
  const messages = new Map<number, Map<number, Obj>>();
  const lastMessageId = new Map<number, number>();
  const callbackQueries = new Map<string, { answered: boolean }>();
  let nextCallbackId = 1;
  const commandSets = new Map<string, CommandsEntry>();

  // --- state helpers ------------------------------------------------------------------------------------------------

  const userObject = (u: FakeUserInput): Obj => {
    const known = users.get(u.id);
    const user: Obj = {
      id: u.id,
      is_bot: u.is_bot ?? false,
      first_name: u.first_name ?? known?.first_name ?? `User ${u.id}`,
    };
    for (const k of ['last_name', 'username', 'language_code'] as const) {
      const v = u[k] ?? known?.[k];
      if (v !== undefined) user[k] = v;
    }
    users.set(u.id, user);
    return user;
  };

  const chatObject = (c: FakeChatInput, from?: Obj): Obj => {
    const known = chats.get(c.id);
    const chat: Obj = { id: c.id, type: c.type };
    if (c.type === 'private') {
      chat.first_name = c.first_name ?? known?.first_name ?? from?.first_name ?? `User ${c.id}`;
      const last = c.last_name ?? known?.last_name ?? from?.last_name;
      if (last !== undefined) chat.last_name = last;
      const username = c.username ?? known?.username ?? from?.username;
      if (username !== undefined) chat.username = username;
    } else {
      chat.title = c.title ?? known?.title ?? `${c.type === 'channel' ? 'Channel' : 'Group'} ${c.id}`;
      const username = c.username ?? known?.username;
      if (username !== undefined) chat.username = username;
      if (c.is_forum ?? known?.is_forum) chat.is_forum = true;
    }
    chats.set(c.id, chat);
    return chat;
  };

  const addMember = (chatId: number, userId: number): void => {
    let set = members.get(chatId);
    if (!set) members.set(chatId, (set = new Set()));
    set.add(userId);
  };

  const nextMessageId = (chatId: number): number => {
    const id = (lastMessageId.get(chatId) ?? 0) + 1;
    lastMessageId.set(chatId, id);
    return id;
  };

  const storeMessage = (msg: Obj): void => {
    const chatId = msg.chat.id as number;
    let map = messages.get(chatId);
    if (!map) messages.set(chatId, (map = new Map()));
    map.set(msg.message_id as number, msg);
    if ((lastMessageId.get(chatId) ?? 0) < msg.message_id) lastMessageId.set(chatId, msg.message_id);
  };

  const getMessage = (chatId: number, messageId: number): Obj | undefined => messages.get(chatId)?.get(messageId);

  /** Registers chats and users found in an enqueued update payload. */
  const learn = (payload: unknown): void => {
    if (payload === null || typeof payload !== 'object') return;
    const p = payload as Obj;
    if (p.chat && typeof p.chat.id === 'number') {
      if (!chats.has(p.chat.id)) chats.set(p.chat.id, { ...p.chat });
      if (typeof p.message_id === 'number') storeMessage(p);
    }
    if (p.from && typeof p.from.id === 'number') {
      if (!users.has(p.from.id)) users.set(p.from.id, { ...p.from });
      if (p.chat && typeof p.chat.id === 'number') addMember(p.chat.id, p.from.id);
    }
    for (const key of ['message', 'reply_to_message']) if (p[key]) learn(p[key]);
  };

  // --- call log and waiters -----------------------------------------------------------------------------------------

  const notify = (call: ApiCall): void => {
    for (const w of waiters) {
      if (w.method !== call.method || call.index < w.after) continue;
      let matches: boolean;
      try {
        matches = !w.predicate || w.predicate(call);
      } catch (err) {
        // a throwing predicate fails the waiting test instead of becoming an unhandled rejection in the server
        waiters.delete(w);
        clearTimeout(w.timer);
        w.reject(err instanceof Error ? err : new Error(String(err)));
        continue;
      }
      if (matches) {
        waiters.delete(w);
        clearTimeout(w.timer);
        w.resolve(call);
      }
    }
  };

  const send = (res: ServerResponse, call: ApiCall | undefined, status: number, body: TelegramResponse): void => {
    if (call) {
      call.status = status;
      call.response = body;
    }
    if (res.writableEnded || res.destroyed) return;
    const json = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };

  // --- long polling -------------------------------------------------------------------------------------------------

  const isAllowed = (u: Obj): boolean => {
    const type = updateType(u);
    return allowedUpdates.length === 0 ? !OPT_IN_UPDATES.has(type) : allowedUpdates.includes(type);
  };

  /** Drops updates of types the bot did not ask for (Telegram would not have created them), returns deliverable ones. */
  const deliverable = (limit: number): Obj[] => {
    for (let k = queue.length - 1; k >= 0; k--) if (!isAllowed(queue[k]!)) queue.splice(k, 1);
    return queue.slice(0, limit);
  };

  const flushHeld = (): void => {
    if (!held) return;
    const batch = deliverable(held.limit);
    if (batch.length === 0) return;
    const h = held;
    held = undefined;
    clearTimeout(h.timer);
    send(h.res, h.call, 200, { ok: true, result: batch });
  };

  const getUpdates = (params: Params, call: ApiCall, res: ServerResponse): void => {
    if (webhook !== '') {
      throw new ApiError({
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    if (held) {
      // Telegram answers the older of two concurrent polls with 409
      const old = held;
      held = undefined;
      clearTimeout(old.timer);
      send(old.res, old.call, 409, {
        ok: false,
        error_code: 409,
        description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      });
    }
    const offset = params.offset === undefined ? undefined : Number(params.offset);
    if (offset !== undefined && Number.isFinite(offset) && offset !== 0) {
      if (offset > 0) {
        while (queue.length > 0 && (queue[0]!.update_id as number) < offset) queue.shift();
      } else if (queue.length > -offset) {
        queue.splice(0, queue.length + offset);
      }
    }
    if (Array.isArray(params.allowed_updates)) allowedUpdates = params.allowed_updates.map(String);
    const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100) || 100));
    const timeout = Math.max(0, Number(params.timeout ?? 0) || 0);
    const batch = deliverable(limit);
    if (batch.length > 0 || timeout === 0 || closed) {
      send(res, call, 200, { ok: true, result: batch });
      return;
    }
    const poll: HeldPoll = {
      call,
      res,
      limit,
      timer: setTimeout(() => {
        if (held === poll) held = undefined;
        send(res, call, 200, { ok: true, result: [] });
      }, timeout * 1000),
    };
    held = poll;
    // the client gave up (grammY aborts the poll on bot.stop())
    res.on('close', () => {
      if (held === poll) {
        held = undefined;
        clearTimeout(poll.timer);
      }
    });
  };

  // --- message helpers ----------------------------------------------------------------------------------------------

  const chatIdParam = (params: Params): number => {
    const raw = params.chat_id;
    if (raw === undefined || raw === null || raw === '') throw bad('chat_id is empty');
    if (typeof raw === 'string' && raw.startsWith('@')) {
      const name = raw.slice(1).toLowerCase();
      for (const chat of chats.values()) if (String(chat.username ?? '').toLowerCase() === name) return chat.id;
      throw bad('chat not found');
    }
    const id = Number(raw);
    if (!Number.isSafeInteger(id)) throw bad('chat not found');
    return id;
  };

  const knownChat = (params: Params): Obj => {
    const chat = chats.get(chatIdParam(params));
    if (!chat) throw bad('chat not found');
    return chat;
  };

  const writableChat = (params: Params): Obj => {
    const chat = knownChat(params);
    if (blocked.has(chat.id)) {
      throw new ApiError({
        error_code: 403,
        description:
          chat.type === 'private'
            ? 'Forbidden: bot was blocked by the user'
            : chat.type === 'channel'
              ? 'Forbidden: bot is not a member of the channel chat'
              : `Forbidden: bot was kicked from the ${chat.type === 'group' ? 'group' : 'supergroup'} chat`,
      });
    }
    return chat;
  };

  const jsonParam = (params: Params, name: string): unknown => {
    const v = params[name];
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      throw bad(name === 'reply_markup' ? "can't parse reply keyboard markup JSON object" : `can't parse ${name} JSON object`);
    }
  };

  const checkMarkup = (markup: unknown): Obj | undefined => {
    if (markup === undefined || markup === null) return undefined;
    if (typeof markup !== 'object') throw bad("can't parse reply keyboard markup JSON object");
    const m = markup as Obj;
    if (m.inline_keyboard !== undefined) {
      if (!Array.isArray(m.inline_keyboard) || !m.inline_keyboard.every((row: unknown) => Array.isArray(row))) {
        throw bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
      }
      for (const row of m.inline_keyboard as Obj[][]) {
        for (const button of row) {
          if (typeof button?.text !== 'string') throw bad("can't parse inline keyboard button: Field \"text\" must be of type String");
          const actions = Object.keys(button).filter((k) => k !== 'text' && k !== 'style' && k !== 'icon_custom_emoji_id');
          if (actions.length === 0) throw bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
          if (button.callback_data !== undefined) {
            const bytes = Buffer.byteLength(String(button.callback_data), 'utf8');
            if (bytes < 1 || bytes > 64) throw bad('BUTTON_DATA_INVALID');
          }
        }
      }
    }
    return m;
  };

  /** text + parse_mode/entities → what Telegram stores; throws Telegram's errors. */
  const formatText = (params: Params): ParsedText => formatField(params, 'text');

  /** A caption (sendPhoto): like a text, but may be empty and is at most MAX_CAPTION characters after parsing. */
  const formatCaption = (params: Params): ParsedText => {
    if (params.caption === undefined || params.caption === null || String(params.caption) === '') return { text: '', entities: [] };
    return formatField(params, 'caption');
  };

  const formatField = (params: Params, field: 'text' | 'caption'): ParsedText => {
    const raw = params[field];
    if (raw === undefined || raw === null || String(raw) === '') throw bad('message text is empty');
    const text = String(raw);
    let parsed: ParsedText;
    const mode = typeof params.parse_mode === 'string' ? params.parse_mode : '';
    if (mode.toLowerCase() === 'html') {
      try {
        parsed = parseTelegramHtml(text);
      } catch (err) {
        if (err instanceof HtmlParseError) throw bad(`can't parse entities: ${err.message}`);
        throw err;
      }
    } else if (mode === '' || mode === 'Markdown' || mode === 'MarkdownV2') {
      // Markdown is passed through unparsed (the fake does not validate it)
      const entities = jsonParam(params, field === 'text' ? 'entities' : 'caption_entities');
      parsed = { text, entities: Array.isArray(entities) ? (entities as MessageEntity[]) : [] };
    } else {
      throw bad(`unsupported parse_mode`);
    }
    parsed = trimText(parsed);
    if (field === 'caption') {
      if (parsed.text.length > MAX_CAPTION) throw bad('message caption is too long');
      return parsed;
    }
    if (parsed.text === '') throw bad('message text is empty');
    if (parsed.text.length > MAX_TEXT) throw bad('message is too long');
    return parsed;
  };

  const recordSent = (kind: 'send' | 'edit', params: Params, msg: Obj, photo?: UploadedFile): void => {
    const entry: SentMessage = {
      kind,
      chatId: msg.chat.id,
      messageId: msg.message_id,
      text: msg.text ?? msg.caption ?? '',
      rawText: typeof params.text === 'string' ? params.text : typeof params.caption === 'string' ? params.caption : (msg.text ?? msg.caption ?? ''),
      message: structuredClone(msg) as unknown as Message,
      at: Date.now(),
    };
    if (params.parse_mode !== undefined) entry.parse_mode = params.parse_mode;
    const markup = jsonParam(params, 'reply_markup');
    if (markup !== undefined) entry.reply_markup = markup;
    if (params.message_thread_id !== undefined) entry.message_thread_id = Number(params.message_thread_id);
    const preview = jsonParam(params, 'link_preview_options');
    if (preview !== undefined) entry.link_preview_options = preview;
    if (photo !== undefined) entry.photo = photo;
    sentLog.push(entry);
  };

  const editableMessage = (params: Params, chat: Obj): Obj => {
    const messageId = Number(params.message_id);
    if (!Number.isSafeInteger(messageId) || messageId <= 0) throw bad('message identifier is not specified');
    const msg = getMessage(chat.id, messageId);
    if (!msg) throw bad('message to edit not found');
    if (msg.from?.id !== botInfo.id) throw bad("message can't be edited");
    return msg;
  };

  const sameMarkup = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

  const NOT_MODIFIED =
    'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

  const commandKey = (scope: Obj, language: string): string =>
    JSON.stringify([scope.type, scope.chat_id ?? null, scope.user_id ?? null, language]);

  const scopeParam = (params: Params): Obj => {
    const scope = (jsonParam(params, 'scope') as Obj | undefined) ?? { type: 'default' };
    const types = ['default', 'all_private_chats', 'all_group_chats', 'all_chat_administrators', 'chat', 'chat_administrators', 'chat_member'];
    if (!types.includes(scope.type)) throw bad('unsupported bot command scope type');
    return scope;
  };

  const memberObject = (chat: Obj, userId: number): Obj => {
    const user = users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` };
    const a = admins.get(chat.id);
    if (a?.owner === userId) return { status: 'creator', user, is_anonymous: false };
    if (a?.ids.includes(userId)) {
      const isBot = userId === botInfo.id;
      return {
        status: 'administrator',
        user,
        can_be_edited: isBot,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_send_welcome_messages: false,
        ...(chat.type === 'channel' ? { can_post_messages: true, can_edit_messages: true } : { can_pin_messages: true }),
        ...(chat.is_forum ? { can_manage_topics: true } : {}),
      };
    }
    const inChat =
      userId === botInfo.id || (chat.type === 'private' && chat.id === userId) || members.get(chat.id)?.has(userId);
    return inChat ? { status: 'member', user } : { status: 'left', user };
  };

  // --- files --------------------------------------------------------------------------------------------------------

  let photoCount = 1;

  /** The file a parameter names: `attach://<part>` (grammY's way) or the file part itself. A file_id or URL is refused. */
  const uploadedFile = (params: Params, name: string): UploadedFile => {
    const value = params[name];
    const file = typeof value === 'string' && value.startsWith('attach://') ? params[value.slice('attach://'.length)] : value;
    if (file !== undefined && file !== null && typeof file === 'object' && Buffer.isBuffer((file as Obj).data)) return file as UploadedFile;
    if (value === undefined || value === '') throw bad(`there is no ${name} in the request`);
    throw bad('wrong remote file identifier specified: Wrong string length (the fake accepts uploads only)');
  };

  /** Width and height of a PNG (its IHDR chunk); Telegram refuses what is no image. */
  const pngSize = (data: Buffer): { width: number; height: number } => {
    if (data.length < 24 || data.readUInt32BE(0) !== 0x89504e47 || data.toString('latin1', 12, 16) !== 'IHDR') throw bad('IMAGE_PROCESS_FAILED');
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  };

  // --- methods ------------------------------------------------------------------------------------------------------

  type Handler = (params: Params, call: ApiCall, res: ServerResponse) => TelegramResponse | undefined;
  const ok = (result: unknown, description?: string): TelegramResponse =>
    description === undefined ? { ok: true, result } : { ok: true, result, description };

  const methods: Record<string, Handler> = {
    getMe: () => ok(botInfo),
    logOut: () => ok(true),
    close: () => ok(true),
    getUpdates: (params, call, res) => {
      getUpdates(params, call, res);
      return undefined;
    },
    setWebhook: (params) => {
      const url = String(params.url ?? '');
      if (url === '') return ok(true, webhook === '' ? 'Webhook is already deleted' : 'Webhook was deleted');
      if (!/^https:\/\//.test(url)) throw bad('bad webhook: An HTTPS URL must be provided for webhook');
      if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') queue.length = 0;
      const was = webhook;
      webhook = url;
      if (Array.isArray(params.allowed_updates)) allowedUpdates = params.allowed_updates.map(String);
      return ok(true, was === url ? 'Webhook is already set' : 'Webhook was set');
    },
    deleteWebhook: (params) => {
      if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') queue.length = 0;
      const was = webhook;
      webhook = '';
      return ok(true, was === '' ? 'Webhook is already deleted' : 'Webhook was deleted');
    },
    getWebhookInfo: () =>
      ok({
        url: webhook,
        has_custom_certificate: false,
        pending_update_count: queue.length,
        ...(allowedUpdates.length > 0 ? { allowed_updates: allowedUpdates } : {}),
      }),
    sendMessage: (params) => {
      const chat = writableChat(params);
      const parsed = formatText(params);
      const markup = checkMarkup(jsonParam(params, 'reply_markup'));
      const msg: Obj = { message_id: 0, from: botAsSender, chat, date: now(), text: parsed.text };
      if (parsed.entities.length > 0) msg.entities = parsed.entities;
      const threadId = params.message_thread_id === undefined ? undefined : Number(params.message_thread_id);
      if (threadId !== undefined && chat.type === 'supergroup') {
        msg.message_thread_id = threadId;
        if (chat.is_forum) msg.is_topic_message = true;
      }
      const reply = jsonParam(params, 'reply_parameters') as Obj | undefined;
      if (reply?.message_id !== undefined) {
        const target = getMessage(reply.chat_id === undefined ? chat.id : chatIdParam(reply), Number(reply.message_id));
        if (target) msg.reply_to_message = target;
        else if (!reply.allow_sending_without_reply) throw bad('message to be replied not found');
      }
      if (markup?.inline_keyboard) msg.reply_markup = { inline_keyboard: markup.inline_keyboard };
      msg.message_id = nextMessageId(chat.id);
      storeMessage(msg);
      recordSent('send', params, msg);
      return ok(msg);
    },
    sendPhoto: (params) => {
      const chat = writableChat(params);
      const photo = uploadedFile(params, 'photo');
      const parsed = formatCaption(params);
      const markup = checkMarkup(jsonParam(params, 'reply_markup'));
      const size = pngSize(photo.data);
      const msg: Obj = {
        message_id: 0,
        from: botAsSender,
        chat,
        date: now(),
        photo: [{ file_id: `photo-${photoCount}`, file_unique_id: `u-photo-${photoCount++}`, width: size.width, height: size.height, file_size: photo.data.length }],
      };
      if (parsed.text !== '') msg.caption = parsed.text;
      if (parsed.entities.length > 0) msg.caption_entities = parsed.entities;
      const threadId = params.message_thread_id === undefined ? undefined : Number(params.message_thread_id);
      if (threadId !== undefined && chat.type === 'supergroup') {
        msg.message_thread_id = threadId;
        if (chat.is_forum) msg.is_topic_message = true;
      }
      if (markup?.inline_keyboard) msg.reply_markup = { inline_keyboard: markup.inline_keyboard };
      msg.message_id = nextMessageId(chat.id);
      storeMessage(msg);
      recordSent('send', params, msg, photo);
      return ok(msg);
    },
    editMessageText: (params) => {
      if (params.inline_message_id !== undefined) {
        formatText(params);
        return ok(true);
      }
      const chat = writableChat(params);
      const msg = editableMessage(params, chat);
      const parsed = formatText(params);
      const markup = checkMarkup(jsonParam(params, 'reply_markup'));
      const newMarkup = markup?.inline_keyboard ? { inline_keyboard: markup.inline_keyboard } : undefined;
      if (
        msg.text === parsed.text &&
        sameMarkup(msg.entities ?? [], parsed.entities) &&
        sameMarkup(msg.reply_markup, newMarkup)
      ) {
        throw bad(NOT_MODIFIED);
      }
      msg.text = parsed.text;
      if (parsed.entities.length > 0) msg.entities = parsed.entities;
      else delete msg.entities;
      if (newMarkup) msg.reply_markup = newMarkup;
      else delete msg.reply_markup;
      msg.edit_date = now();
      recordSent('edit', params, msg);
      return ok(msg);
    },
    editMessageReplyMarkup: (params) => {
      if (params.inline_message_id !== undefined) return ok(true);
      const chat = writableChat(params);
      const msg = editableMessage(params, chat);
      const markup = checkMarkup(jsonParam(params, 'reply_markup'));
      const newMarkup = markup?.inline_keyboard ? { inline_keyboard: markup.inline_keyboard } : undefined;
      if (sameMarkup(msg.reply_markup, newMarkup)) throw bad(NOT_MODIFIED);
      if (newMarkup) msg.reply_markup = newMarkup;
      else delete msg.reply_markup;
      msg.edit_date = now();
      recordSent('edit', { ...params, text: msg.text }, msg);
      return ok(msg);
    },
    deleteMessage: (params) => {
      const chat = knownChat(params);
      const messageId = Number(params.message_id);
      if (!messages.get(chat.id)?.delete(messageId)) throw bad('message to delete not found');
      return ok(true);
    },
    answerCallbackQuery: (params) => {
      const id = String(params.callback_query_id ?? '');
      const query = callbackQueries.get(id);
      if (!query || query.answered) throw bad('query is too old and response timeout expired or query ID is invalid');
      query.answered = true;
      return ok(true);
    },
    sendChatAction: (params) => {
      writableChat(params);
      if (!CHAT_ACTIONS.has(String(params.action))) throw bad('wrong parameter action in request');
      return ok(true);
    },
    setMyCommands: (params) => {
      const list = jsonParam(params, 'commands');
      if (!Array.isArray(list)) throw bad('parameter "commands" is required');
      if (list.length > 100) throw bad('too many commands specified');
      const commands: BotCommand[] = [];
      for (const c of list as Obj[]) {
        const command = String(c?.command ?? '').replace(/^\//, '');
        const description = String(c?.description ?? '');
        if (!/^[a-z0-9_]{1,32}$/.test(command)) throw bad('BOT_COMMAND_INVALID');
        if (description.trim().length < 1 || description.length > 256) throw bad('BOT_COMMAND_DESCRIPTION_INVALID');
        commands.push({ command, description });
      }
      const scope = scopeParam(params);
      const language_code = String(params.language_code ?? '');
      const key = commandKey(scope, language_code);
      if (commands.length === 0) commandSets.delete(key);
      else commandSets.set(key, { scope: scope as BotCommandScope, language_code, commands });
      return ok(true);
    },
    getMyCommands: (params) => {
      const entry = commandSets.get(commandKey(scopeParam(params), String(params.language_code ?? '')));
      return ok(entry ? entry.commands : []);
    },
    deleteMyCommands: (params) => {
      commandSets.delete(commandKey(scopeParam(params), String(params.language_code ?? '')));
      return ok(true);
    },
    getChat: (params) => {
      const chat = knownChat(params);
      return ok({
        ...chat,
        accent_color_id: 0,
        max_reaction_count: 11,
        accepted_gift_types: {
          unlimited_gifts: false,
          limited_gifts: false,
          unique_gifts: false,
          premium_subscription: false,
          gifts_from_channels: false,
        },
      });
    },
    getChatMember: (params) => {
      const chat = knownChat(params);
      const userId = Number(params.user_id);
      if (!Number.isSafeInteger(userId) || userId <= 0) throw bad('invalid user_id specified');
      return ok(memberObject(chat, userId));
    },
    getChatAdministrators: (params) => {
      const chat = knownChat(params);
      if (chat.type === 'private') throw bad('there are no administrators in the private chat');
      const a = admins.get(chat.id);
      const ids = [...(a?.owner !== undefined ? [a.owner] : []), ...(a?.ids ?? []).filter((id) => id !== a?.owner)];
      return ok(ids.map((id) => memberObject(chat, id)));
    },
    getChatMemberCount: (params) => {
      const chat = knownChat(params);
      return ok(chat.type === 'private' ? 2 : Math.max(1, (members.get(chat.id)?.size ?? 0) + 1));
    },
  };
  const methodByLower = new Map(Object.keys(methods).map((m) => [m.toLowerCase(), m]));

  // --- HTTP ---------------------------------------------------------------------------------------------------------

  const readParams = async (req: IncomingMessage, url: URL): Promise<Params> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const body = raw.toString('utf8');
    const params: Params = Object.fromEntries(url.searchParams);
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (body.length === 0) return params;
    if (type === 'multipart/form-data') {
      // Fields are strings (objects as JSON, as grammY writes them); files become { name, data }.
      const form = await new UndiciResponse(raw, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
      for (const [field, value] of form.entries()) {
        params[field] = typeof value === 'string' ? value : { name: value.name, data: Buffer.from(await value.arrayBuffer()) };
      }
      return params;
    }
    if (type === 'application/json') return { ...params, ...(JSON.parse(body) as Params) };
    if (type === 'application/x-www-form-urlencoded') return { ...params, ...Object.fromEntries(new URLSearchParams(body)) };
    throw bad(`unsupported Content-Type "${type}" (the fake understands JSON, urlencoded, multipart and query parameters)`);
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/bot([^/]*)\/([^/]+)$/.exec(url.pathname);
    let params: Params = {};
    let parseError: ApiError | undefined;
    try {
      params = await readParams(req, url);
    } catch (err) {
      parseError = err instanceof ApiError ? err : bad("can't parse JSON encoded request parameters");
    }
    const rawMethod = match?.[2] ?? url.pathname;
    const method = methodByLower.get(rawMethod.toLowerCase()) ?? rawMethod;
    const call: ApiCall = { index: calls.length, method, params, at: Date.now() };
    calls.push(call);

    let status = 200;
    let body: TelegramResponse | undefined;
    try {
      if (!match) {
        status = 404;
        body = { ok: false, error_code: 404, description: 'Not Found' };
      } else if (match[1] !== token) {
        status = 401;
        body = { ok: false, error_code: 401, description: 'Unauthorized' };
      } else if (!methods[method]) {
        status = 404;
        body = { ok: false, error_code: 404, description: 'Not Found: method not found' };
      } else if (parseError) {
        throw parseError;
      } else {
        const injection = takeInjection(method, params);
        if (injection === 'disconnect') {
          call.injected = true;
          notify(call);
          req.socket.destroy();
          return;
        }
        if (injection) {
          call.injected = true;
          status = injection.error_code;
          body = { ok: false, ...injection };
        } else {
          body = methods[method]!(params, call, res);
        }
      }
    } catch (err) {
      // a bug in the fake shows up as a 500 the test can read, not as an unhandled rejection
      const error =
        err instanceof ApiError
          ? err.error
          : { error_code: 500, description: `Internal Server Error: fake-telegram ${method}: ${String(err)}` };
      status = error.error_code;
      body = { ok: false, ...error };
    }
    const latency = body === undefined ? 0 : (options.latencyMs?.(method) ?? 0);
    if (latency > 0) {
      notify(call);
      await new Promise((resolve) => setTimeout(resolve, latency));
      if (!res.destroyed) send(res, call, status, body!);
      return;
    }
    if (body !== undefined) send(res, call, status, body);
    notify(call);
  };

  const takeInjection = (method: string, params: Params): TelegramError | 'disconnect' | undefined => {
    const list = injections.get(method.toLowerCase());
    if (!list) return undefined;
    const found = list.find((inj) => inj.remaining > 0 && (!inj.when || inj.when(params)));
    if (!found) return undefined;
    found.remaining--;
    if (found.remaining === 0) list.splice(list.indexOf(found), 1);
    return found.error === 'disconnect' ? 'disconnect' : structuredClone(found.error);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  // --- driving the bot ----------------------------------------------------------------------------------------------

  const enqueue = (input: Omit<Update, 'update_id'> & { update_id?: number }): Update => {
    if (closed) throw new Error('fake Telegram is closed');
    const { update_id: given, ...payload } = input;
    const update: Obj = { update_id: typeof given === 'number' ? given : nextUpdateId, ...payload }; // update_id first, as Telegram sends it
    nextUpdateId = Math.max(nextUpdateId, update.update_id + 1);
    const type = updateType(update);
    if (type === '') throw new Error('enqueue: the update has no payload (message, callback_query, ...)');
    learn(update[type]);
    queue.push(update);
    flushHeld();
    return update as Update;
  };

  const fake: FakeTelegram = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot: botInfo,
    calls,

    sendText(from, chatInput, text, extra = {}) {
      const user = userObject(from);
      const chat = chatObject(chatInput, user);
      addMember(chat.id, user.id);
      const msg: Obj = { message_id: nextMessageId(chat.id), from: user, chat, date: now(), text };
      if (chat.type === 'channel') {
        delete msg.from;
        msg.sender_chat = chat;
      }
      if (extra.message_thread_id !== undefined) {
        msg.message_thread_id = extra.message_thread_id;
        if (chat.type === 'supergroup') msg.is_topic_message = true;
      }
      let entities = extra.entities;
      if (!entities) {
        const command = /^\/[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{3,32})?/.exec(text);
        if (command) entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
      }
      if (entities && entities.length > 0) msg.entities = entities;
      if (extra.reply_to_message_id !== undefined) {
        const target = getMessage(chat.id, extra.reply_to_message_id);
        if (target) msg.reply_to_message = target;
      }
      return enqueue((chat.type === 'channel' ? { channel_post: msg } : { message: msg }) as Omit<Update, 'update_id'>);
    },

    pressButton(from, message, data) {
      const stored = getMessage(message.chat.id, message.message_id);
      if (!stored) throw new Error(`pressButton: no message ${message.message_id} in chat ${message.chat.id}`);
      const buttons: Obj[] = (stored.reply_markup?.inline_keyboard ?? []).flat();
      if (!buttons.some((b) => b.callback_data === data)) {
        throw new Error(
          `pressButton: message ${message.message_id} has no button with callback_data ${JSON.stringify(data)} ` +
            `(has ${JSON.stringify(buttons.map((b) => b.callback_data ?? b.url ?? b.text))})`,
        );
      }
      const user = userObject(from);
      const id = String(BigInt(botInfo.id) * 1_000_000n + BigInt(nextCallbackId++));
      callbackQueries.set(id, { answered: false });
      return enqueue({
        callback_query: {
          id,
          from: user as User,
          message: structuredClone(stored) as Message,
          chat_instance: String(-(Math.abs(message.chat.id) * 7 + 13)),
          data,
        },
      });
    },

    enqueue,

    pending: () => structuredClone(queue) as Update[],

    addChat(chat) {
      chatObject(chat);
    },

    setAdmins(chatId, userIds, opts = {}) {
      admins.set(chatId, { ids: [...userIds], owner: opts.owner });
      for (const id of [...userIds, ...(opts.owner !== undefined ? [opts.owner] : [])]) addMember(chatId, id);
    },

    setBlocked(chatId, isBlocked = true) {
      if (isBlocked) blocked.add(chatId);
      else blocked.delete(chatId);
    },

    failNext(method, error, opts = 1) {
      const { times = 1, when } = typeof opts === 'number' ? { times: opts } : opts;
      const key = method.toLowerCase();
      const list = injections.get(key) ?? [];
      list.push({ error, remaining: times, when });
      injections.set(key, list);
    },

    waitForCall(method, predicate, opts = {}) {
      const { after = 0, timeoutMs = 2000 } = typeof opts === 'number' ? { timeoutMs: opts } : opts;
      const canonical = methodByLower.get(method.toLowerCase()) ?? method;
      const found = calls.find((c) => c.index >= after && c.method === canonical && (!predicate || predicate(c)));
      if (found) return Promise.resolve(found);
      if (closed) return Promise.reject(new Error('fake Telegram is closed'));
      return new Promise<ApiCall>((resolve, reject) => {
        const waiter: Waiter = {
          method: canonical,
          after,
          predicate,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            const seen = calls.slice(after).map((c) => c.method);
            reject(
              new Error(
                `waitForCall(${canonical}) timed out after ${timeoutMs} ms; calls since #${after}: ${seen.join(', ') || '(none)'}`,
              ),
            );
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },

    callsOf(method) {
      const canonical = methodByLower.get(method.toLowerCase()) ?? method;
      return calls.filter((c) => c.method === canonical);
    },

    sent(chatId) {
      return chatId === undefined ? [...sentLog] : sentLog.filter((s) => s.chatId === chatId);
    },

    commands() {
      return structuredClone([...commandSets.values()]);
    },

    commandsFor(language_code = '', scope = { type: 'default' }) {
      return structuredClone(commandSets.get(commandKey(scope, language_code))?.commands ?? []);
    },

    webhookUrl: () => webhook,

    async close() {
      if (closed) return;
      closed = true;
      if (held) {
        const h = held;
        held = undefined;
        clearTimeout(h.timer);
        const finished = new Promise<void>((resolve) => {
          h.res.once('finish', resolve);
          h.res.once('close', resolve);
        });
        send(h.res, h.call, 200, { ok: true, result: [] });
        await finished;
      }
      for (const w of waiters) {
        clearTimeout(w.timer);
        w.reject(new Error(`fake Telegram closed while waiting for ${w.method}`));
      }
      waiters.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
