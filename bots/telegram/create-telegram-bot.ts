/** The Telegram adapter: translates updates into chat use cases (bots/chat/) and their answers into messages; delivers digests. */
import { createServer, type Server } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, webhookCallback, type Context } from 'grammy';
import type { Logger } from 'pino';
import type { DigestService } from '../../digests/digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import type { TelegramSettings } from '../../src/config/load-config.js';
import type { Core } from '../../src/create-core.js';
import type { ChatAnswer } from '../chat/chat-answer.js';
import { createChatGate } from '../chat/chat-gate.js';
import { WORDS } from '../chat/chat-wording.js';
import { pageResults } from '../chat/commands/page-results.js';
import { searchReports } from '../chat/commands/search-reports.js';
import { createQueryPages } from '../chat/query-pages.js';
import { causeOf, CredentialsRefusedError, type PlatformSession } from '../platform/run-platform.js';
import { TELEGRAM_COMMANDS } from './commands/index.js';
import type { TelegramCommandEnv } from './commands/telegram-command.js';
import { escapeHtml } from './render-telegram-digest.js';
import { sendTelegramMessages, telegramMessages } from './telegram-answer.js';
import { createTelegramSink } from './telegram-sink.js';
import { COMMANDS, langOf, type Lang } from './telegram-texts.js';

/** getMe, setMyCommands and setWebhook each get this long before the try counts as failed. */
const CALL_TIMEOUT_MS = 15_000;

/** Telegram's answer to a bad token (401), or to one that is not a token at all (404 on getMe). */
function refusedToken(err: unknown): CredentialsRefusedError | null {
  if (!(err instanceof GrammyError) || (err.error_code !== 401 && !(err.error_code === 404 && err.method === 'getMe'))) return null;
  return new CredentialsRefusedError(
    `Telegram refused the bot token (${err.error_code} ${err.description}): fix TELEGRAM_BOT_TOKEN (the token @BotFather gave); the Telegram bot stays off, everything else runs`,
  );
}

export interface TelegramBotDeps {
  readonly core: Core;
  readonly digests: DigestService;
  readonly settings: TelegramSettings;
  readonly logger: Logger;
  readonly ratePerMinute: number;
  /** Tells the digest scheduler that subscriptions changed. */
  readonly refreshSchedules: () => void;
  readonly nowMs?: () => number;
}

export interface TelegramBot {
  readonly bot: Bot;
  /** Delivers digests to Telegram destinations. */
  readonly sink: MessageSink;
  /** Sends a notice to every operator (TELEGRAM_ADMINS) in private; failures are logged, never thrown. */
  notifyAdmins(message: string): Promise<void>;
  /**
   * Checks the token (getMe), registers the command list, then starts long polling (or the
   * webhook server). Gives up when `signal` aborts; a refused token is CredentialsRefusedError.
   * The session ends (rejects) when polling stops with an error.
   */
  connect(signal: AbortSignal): Promise<PlatformSession>;
  /** Stops polling (or the webhook server); every call it makes is bounded. */
  disconnect(): Promise<void>;
  /** `connect` without a way to abort it (tests). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The port the webhook server listens on (webhook mode), else null. */
  webhookPort(): number | null;
}

/** Updates the bot asks Telegram for; everything else (reactions, inline queries…) is never sent to it. */
const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

export function createTelegramBot(deps: TelegramBotDeps): TelegramBot {
  const { core, digests, settings, logger } = deps;
  const nowMs = deps.nowMs ?? Date.now;
  const bot = new Bot(settings.token, { client: { apiRoot: settings.apiRoot } });
  // 429s on chat replies wait for retry_after; digests handle their own 429s in the outbox. Network
  // errors are not retried here (auto-retry would retry them forever, in getMe and in stop):
  // polling retries by itself, and connecting is retried with backoff by the platform runner.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  // grammY retries a failed getUpdates every 3 s and says so only at debug level: say it at warn, once per outage.
  let pollingDown = false;
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    const outage = (cause: string) => {
      if (pollingDown || signal?.aborted === true || !bot.isRunning()) return;
      pollingDown = true;
      logger.warn({ platform: 'telegram', cause }, `telegram unreachable while polling: ${cause}; polling again every 3 s`);
    };
    try {
      const res = await prev(method, payload, signal);
      if (!res.ok && res.error_code >= 500) outage(`${res.error_code} ${res.description}`);
      else if (res.ok && pollingDown) {
        pollingDown = false;
        logger.info({ platform: 'telegram' }, 'telegram reachable again; polling');
      }
      return res;
    } catch (err) {
      outage(causeOf(err));
      throw err;
    }
  });
  const sink = createTelegramSink(bot.api);
  const pages = createQueryPages();
  const gate = createChatGate({ allowed: (chatId) => settings.allowedChats.has(chatId), perMinute: deps.ratePerMinute, refuseOnce: true });
  const lang = (ctx: Context): Lang => langOf(ctx.from?.language_code);
  const html = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };

  const mentionsBot = (ctx: Context): boolean => {
    const text = ctx.message?.text ?? '';
    return ctx.me.username !== undefined && text.toLowerCase().includes(`@${ctx.me.username.toLowerCase()}`);
  };

  const answer = (ctx: Context, said: ChatAnswer, edit = false): Promise<void> => sendTelegramMessages(ctx, telegramMessages(said, lang(ctx)), edit);

  async function isChatAdmin(chatId: number | string, userId: number): Promise<boolean> {
    const member = await bot.api.getChatMember(chatId, userId);
    return member.status === 'creator' || member.status === 'administrator';
  }

  const env: TelegramCommandEnv = {
    api: bot.api,
    settings,
    pages,
    lang,
    answer,
    isChatAdmin,
    chat: (ctx) => ({
      core,
      digests,
      subscriptions: () => digests.subscriptions.list({ platform: 'telegram', chatId: String(ctx.chat!.id) }),
      refreshSchedules: deps.refreshSchedules,
    }),
    /** Only chat admins change a chat's subscriptions (in a private chat, its user is the admin). */
    async mayManage(ctx) {
      if (ctx.chat!.type === 'private') return true;
      if (ctx.from !== undefined && (await isChatAdmin(ctx.chat!.id, ctx.from.id))) return true;
      await answer(ctx, { kind: 'admins_only' });
      return false;
    },
  };

  // Access and flood control come first: nothing below runs for a chat the operator has not allowed.
  bot.use(async (ctx, next) => {
    const chat = ctx.chat;
    if (chat === undefined || chat.type === 'channel') return; // channel posts: digests go there, commands come from people
    const chatId = String(chat.id);
    // A button pressed in a chat that is not allowed is told why each time (its refusal is not the chat's one message).
    if (ctx.callbackQuery && !gate.allows(chatId)) {
      await ctx.answerCallbackQuery({ text: telegramMessages({ kind: 'refused', chatId }, lang(ctx))[0]!.html.replace(/<[^>]+>/g, '') });
      return;
    }
    // In groups only commands, mentions and button presses are for the bot; the rest is people talking.
    const addressed = chat.type === 'private' || ctx.callbackQuery !== undefined || ctx.message?.text?.startsWith('/') === true || mentionsBot(ctx);
    const verdict = gate.check({ chatId, userId: String(ctx.from?.id ?? chatId), nowMs: nowMs(), addressed });
    if (verdict.pass) return next();
    if (verdict.refusedChat) {
      const refusal = telegramMessages({ kind: 'refused', chatId }, lang(ctx))[0]!.html;
      if (ctx.message && verdict.answer !== null) {
        logger.info({ chat: chatId, from: ctx.from?.id }, 'refused a chat that is not in TELEGRAM_ALLOWED_CHATS');
        await ctx.reply(refusal, html);
      }
      return;
    }
    if (verdict.answer !== null) await answer(ctx, verdict.answer);
  });

  for (const command of TELEGRAM_COMMANDS) bot.command([...command.names], (ctx) => command.handle(ctx, env));

  bot.on('message:text', async (ctx) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) {
      await answer(ctx, { kind: 'unknown_command', command: text.split(/[\s@]/)[0]! });
      return;
    }
    const username = ctx.me.username ?? '';
    const query = ctx.chat.type === 'private' ? text : text.replace(new RegExp(`@${username}`, 'ig'), ' ');
    await answer(ctx, searchReports(core, pages, { query, offset: 0, chatId: String(ctx.chat.id) }));
  });

  bot.on('callback_query:data', async (ctx) => {
    const said = ctx.chat ? pageResults(core, pages, { data: ctx.callbackQuery.data, chatId: String(ctx.chat.id) }) : ({ kind: 'expired' } as const);
    if (said.kind !== 'results') {
      await ctx.answerCallbackQuery({ text: telegramMessages(said, lang(ctx))[0]!.html });
      return;
    }
    await ctx.answerCallbackQuery();
    await answer(ctx, said, true);
  });

  // No update crashes the bot: the cause goes to the log, the user gets a short apology.
  bot.catch(async (err) => {
    logger.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram handler failed');
    try {
      const failed = WORDS.failed[lang(err.ctx)];
      if (err.ctx.callbackQuery) await err.ctx.answerCallbackQuery({ text: failed });
      else if (err.ctx.chat) await err.ctx.reply(failed);
    } catch (replyError) {
      logger.warn({ err: replyError }, 'could not tell the user about the failure');
    }
  });

  let server: Server | null = null;
  let polling: Promise<void> | null = null;

  return {
    bot,
    sink,
    webhookPort: () => {
      const address = server?.address();
      return address && typeof address === 'object' ? address.port : null;
    },
    async notifyAdmins(message) {
      for (const admin of settings.admins) {
        try {
          await bot.api.sendMessage(admin, `⚠️ ${escapeHtml(message)}`, html);
        } catch (err) {
          logger.warn({ err: err instanceof GrammyError ? err.description : String(err), admin }, 'could not notify an operator');
        }
      }
    },
    async connect(signal) {
      // grammY types its signal parameter with an AbortSignal shim's type; the object is Node's own.
      const bounded = () => AbortSignal.any([signal, AbortSignal.timeout(CALL_TIMEOUT_MS)]) as unknown as Parameters<Bot['api']['getMe']>[0];
      try {
        bot.botInfo = await bot.api.getMe(bounded());
      } catch (err) {
        throw refusedToken(err) ?? err;
      }
      await bot.api.setMyCommands(COMMANDS.en, undefined, bounded());
      await bot.api.setMyCommands(COMMANDS.ar, { language_code: 'ar' }, bounded());
      if (settings.webhook !== null) {
        const { url, secret, port } = settings.webhook;
        server = createServer(webhookCallback(bot, 'http', { secretToken: secret }));
        await new Promise<void>((resolve, reject) => {
          server!.once('error', reject);
          server!.listen(port, resolve);
        });
        await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] }, bounded());
        logger.info({ bot: bot.botInfo.username, port }, 'telegram bot receiving updates by webhook');
        return { ended: new Promise<void>(() => undefined) };
      }
      pollingDown = false;
      polling = bot.start({ allowed_updates: [...ALLOWED_UPDATES], onStart: (me) => logger.info({ bot: me.username }, 'telegram bot polling') });
      // Polling ends with an error only for a refused token (401), another instance polling (409), or a bug.
      const ended = polling.catch((err: unknown) => {
        throw refusedToken(err) ?? err;
      });
      ended.catch(() => undefined); // the runner reads it; a caller that does not must not crash the process
      polling = polling.catch(() => undefined);
      return { ended };
    },
    async disconnect() {
      if (server !== null) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
        server = null;
      }
      // bot.stop() confirms the last update with one getUpdates: a network error now fails it at once.
      if (bot.isRunning()) await bot.stop().catch((err: unknown) => logger.debug({ cause: causeOf(err) }, 'telegram: could not confirm the last update'));
      await polling;
    },
    async start() {
      await this.connect(new AbortController().signal);
    },
    async stop() {
      await this.disconnect();
    },
  };
}
