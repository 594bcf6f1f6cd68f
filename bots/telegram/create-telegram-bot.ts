/** The Telegram adapter: answers queries and commands in chat, delivers digests, tells the operators. */
import { createServer, type Server } from 'node:http';
import type { ParsedQuery } from '../../src/search/parse-query.js';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, InlineKeyboard, webhookCallback, type Context } from 'grammy';
import type { Logger } from 'pino';
import { ScheduleError } from '../../digests/cron-schedule.js';
import { SubscriptionError, type DigestService } from '../../digests/digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import { escapeHtml, renderTelegram } from './render-telegram-digest.js';
import type { Subscription } from '../../digests/subscription-store.js';
import type { TelegramSettings } from '../../src/config/load-config.js';
import type { Core } from '../../src/create-core.js';
import { createRateLimiter } from '../chat/rate-limiter.js';
import { currentStatusText } from '../chat/render-status.js';
import { parseSubscribe } from './parse-subscribe.js';
import { createQueryPages, pageData, readPageData } from '../chat/query-pages.js';
import { renderTelegramAnswer } from './render-telegram-answer.js';
import { createTelegramSink } from './telegram-sink.js';
import { COMMANDS, langOf, TEXTS, type Lang } from './telegram-texts.js';
import { causeOf, CredentialsRefusedError, type PlatformSession } from '../platform/run-platform.js';

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
  const limiter = createRateLimiter(deps.ratePerMinute);
  const refused = new Set<string>();
  const pageSize = core.config.pageSize;
  const lang = (ctx: Context): Lang => langOf(ctx.from?.language_code);
  const html = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true } };

  const mentionsBot = (ctx: Context): boolean => {
    const text = ctx.message?.text ?? '';
    return ctx.me.username !== undefined && text.toLowerCase().includes(`@${ctx.me.username.toLowerCase()}`);
  };

  // Access and flood control come first: nothing below runs for a chat the operator has not allowed.
  bot.use(async (ctx, next) => {
    const chat = ctx.chat;
    if (chat === undefined || chat.type === 'channel') return; // channel posts: digests go there, commands come from people
    const chatId = String(chat.id);
    if (!settings.allowedChats.has(chatId)) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: TEXTS.refused[lang(ctx)](chatId).replace(/<[^>]+>/g, '') });
      else if (ctx.message && !refused.has(chatId)) {
        refused.add(chatId);
        logger.info({ chat: chatId, from: ctx.from?.id }, 'refused a chat that is not in TELEGRAM_ALLOWED_CHATS');
        await ctx.reply(TEXTS.refused[lang(ctx)](chatId), html);
      }
      return;
    }
    // In groups only commands, mentions and button presses are for the bot; the rest is people talking.
    const forUs = chat.type === 'private' || ctx.callbackQuery !== undefined || ctx.message?.text?.startsWith('/') === true || mentionsBot(ctx);
    if (!forUs) return;
    const verdict = limiter.check(String(ctx.from?.id ?? chatId), nowMs());
    if (verdict === 'warn') await ctx.reply(TEXTS.slowDown[lang(ctx)]);
    if (verdict !== 'ok') return;
    await next();
  });

  async function sendAnswer(ctx: Context, query: string | ParsedQuery, offset: number, edit: boolean): Promise<void> {
    const answer = core.search(query, { limit: pageSize, offset });
    const messages = renderTelegramAnswer(answer);
    let keyboard: InlineKeyboard | undefined;
    if (answer.total > pageSize) {
      const id = pages.remember(String(ctx.chat!.id), answer.parsed!);
      keyboard = new InlineKeyboard();
      const ar = answer.lang === 'ar';
      if (offset > 0) keyboard.text(ar ? '→ السابق' : '◀ Previous', pageData(id, Math.max(0, offset - pageSize)));
      if (offset + pageSize < answer.total) keyboard.text(ar ? 'التالي ←' : 'Next ▶', pageData(id, offset + pageSize));
    }
    for (const [k, text] of messages.entries()) {
      const markup = k === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {};
      if (edit && k === 0) await ctx.editMessageText(text, { ...html, ...markup });
      else await ctx.reply(text, { ...html, ...markup });
    }
  }

  async function isChatAdmin(chatId: number | string, userId: number): Promise<boolean> {
    const member = await bot.api.getChatMember(chatId, userId);
    return member.status === 'creator' || member.status === 'administrator';
  }

  /** Only chat admins change a chat's subscriptions (in a private chat, its user is the admin). */
  async function mayManage(ctx: Context): Promise<boolean> {
    if (ctx.chat!.type === 'private') return true;
    if (ctx.from !== undefined && (await isChatAdmin(ctx.chat!.id, ctx.from.id))) return true;
    await ctx.reply(TEXTS.adminsOnly[lang(ctx)]);
    return false;
  }

  const subscriptionLine = (s: Subscription, l: Lang) =>
    l === 'ar'
      ? `#${s.id} · ${escapeHtml(s.cron)} (${escapeHtml(s.timezone)}) · ${escapeHtml(s.filter ?? 'كل التقارير الجديدة')}${s.paused ? ' · متوقف' : ''}`
      : `#${s.id} · ${escapeHtml(s.cron)} (${escapeHtml(s.timezone)}) · ${escapeHtml(s.filter ?? 'all new reports')}${s.paused ? ' · paused' : ''}`;
  const chatSubscriptions = (ctx: Context) => digests.subscriptions.list({ platform: 'telegram', chatId: String(ctx.chat!.id) });

  /** The subscription a command names (`/pause 3`), or the chat's only one; null after explaining. */
  async function pickSubscription(ctx: Context): Promise<Subscription | null> {
    const subs = chatSubscriptions(ctx);
    const id = Number(String(ctx.match ?? '').trim());
    const chosen = Number.isInteger(id) && id > 0 ? subs.find((s) => s.id === id) : subs.length === 1 ? subs[0] : undefined;
    if (chosen !== undefined) return chosen;
    const l = lang(ctx);
    if (subs.length === 0) await ctx.reply(l === 'ar' ? 'لا اشتراكات في هذه المحادثة. /subscribe للاشتراك.' : 'This chat has no subscriptions. Use /subscribe.');
    else await ctx.reply(`${l === 'ar' ? 'أي اشتراك؟ أضف رقمه:' : 'Which one? Add its number:'}\n${subs.map((s) => subscriptionLine(s, l)).join('\n')}`, html);
    return null;
  }

  bot.command(['start', 'help'], (ctx) => ctx.reply(TEXTS.help[lang(ctx)], html));

  bot.command('search', async (ctx) => {
    const query = ctx.match.trim();
    if (query === '') await ctx.reply(TEXTS.help[lang(ctx)], html);
    else await sendAnswer(ctx, query, 0, false);
  });

  bot.command('latest', async (ctx) => {
    for (const text of renderTelegramAnswer(core.latest({ limit: pageSize, offset: 0 }, lang(ctx)), 'latest')) await ctx.reply(text, html);
  });

  bot.command('digest', async (ctx) => {
    for (const m of renderTelegram(digests.previewNext(chatSubscriptions(ctx)[0]))) await ctx.reply(m, html);
  });

  bot.command('subscribe', async (ctx) => {
    const l = lang(ctx);
    const args = parseSubscribe(ctx.match);
    let destination = { platform: 'telegram' as const, chatId: String(ctx.chat.id), threadId: ctx.msg.is_topic_message ? String(ctx.msg.message_thread_id) : null };
    let label = ctx.chat.type === 'private' ? null : (ctx.chat.title ?? null);
    if (args.target !== null) {
      // A channel is subscribed from a private chat by one of its admins, and the bot must be an admin there too.
      if (ctx.chat.type !== 'private') {
        await ctx.reply(l === 'ar' ? 'اشترك بالقناة من محادثة خاصة معي.' : 'Subscribe a channel from a private chat with me.');
        return;
      }
      let channel;
      try {
        channel = await bot.api.getChat(args.target);
      } catch {
        await ctx.reply(l === 'ar' ? `لا أجد ${escapeHtml(args.target)}. أضفني مشرفاً فيها أولاً.` : `I cannot find ${escapeHtml(args.target)}. Add me to it as an admin first.`, html);
        return;
      }
      const userAdmin = await isChatAdmin(channel.id, ctx.from!.id).catch(() => false);
      const botAdmin = await isChatAdmin(channel.id, ctx.me.id).catch(() => false);
      if (!userAdmin || !botAdmin) {
        await ctx.reply(
          l === 'ar'
            ? 'يجب أن نكون كلانا، أنت وأنا، مشرفَين في القناة.'
            : 'Both of us must be admins of that channel: you, to decide, and me, to post.',
        );
        return;
      }
      destination = { platform: 'telegram', chatId: String(channel.id), threadId: null };
      label = 'title' in channel ? (channel.title ?? null) : null;
    } else if (!(await mayManage(ctx))) return;
    try {
      const sub = digests.subscribe({ destination, cron: args.cron ?? undefined, filter: args.filter, label, createdBy: `telegram:${ctx.from?.id}` });
      deps.refreshSchedules();
      await ctx.reply(`${l === 'ar' ? 'تم الاشتراك. الموجز القادم:' : 'Subscribed. Next digest:'} ${sub.nextRunAt}\n${subscriptionLine(sub, l)}`, html);
    } catch (err) {
      if (err instanceof SubscriptionError || err instanceof ScheduleError) await ctx.reply(escapeHtml(err.message), html);
      else throw err;
    }
  });

  bot.command('subscriptions', async (ctx) => {
    const l = lang(ctx);
    const subs = chatSubscriptions(ctx);
    await ctx.reply(subs.length === 0 ? (l === 'ar' ? 'لا اشتراكات في هذه المحادثة.' : 'No subscriptions in this chat.') : subs.map((s) => subscriptionLine(s, l)).join('\n'), html);
  });

  const manage = (name: string, act: (id: number) => boolean, done: Record<Lang, string>) =>
    bot.command(name, async (ctx) => {
      if (!(await mayManage(ctx))) return;
      const sub = await pickSubscription(ctx);
      if (sub === null) return;
      act(sub.id);
      deps.refreshSchedules();
      await ctx.reply(`${done[lang(ctx)]} #${sub.id}`);
    });
  manage('unsubscribe', (id) => digests.subscriptions.remove(id), { ar: 'أُلغي الاشتراك', en: 'Unsubscribed' });
  manage('pause', (id) => digests.subscriptions.setPaused(id, true), { ar: 'أوقف مؤقتاً الاشتراك', en: 'Paused subscription' });
  manage('resume', (id) => digests.subscriptions.setPaused(id, false), { ar: 'استؤنف الاشتراك', en: 'Resumed subscription' });

  bot.command('add', async (ctx) => {
    const l = lang(ctx);
    const url = ctx.match.trim();
    if (url === '') {
      await ctx.reply(l === 'ar' ? 'أرسل: /add رابط-التقرير' : 'Send: /add <link to the article>');
      return;
    }
    const result = await core.feeds.ingestUrl(url);
    if (result.ok) {
      const said = { added: l === 'ar' ? 'أُضيف' : 'Added', updated: l === 'ar' ? 'حُدّث' : 'Updated', unchanged: l === 'ar' ? 'موجود من قبل' : 'Already stored as' }[result.status];
      await ctx.reply(`${said} #${result.id}: ${escapeHtml(result.title)}`, html);
    } else await ctx.reply(`${l === 'ar' ? 'لم يُضف:' : 'Not added:'} ${escapeHtml(result.reason)}`, html);
  });

  bot.command('feeds', async (ctx) => {
    if (!settings.admins.has(String(ctx.from?.id))) {
      await ctx.reply(TEXTS.operatorsOnly[lang(ctx)]);
      return;
    }
    const feeds = core.feeds.list();
    await ctx.reply(
      feeds.length === 0
        ? 'No feeds. Add one with: rasid feeds add &lt;url&gt; --name &lt;outlet&gt;'
        : feeds.map((f) => `#${f.id} ${escapeHtml(f.name ?? f.url)} · ${f.state}${f.pausedReason ? ` (${escapeHtml(f.pausedReason)})` : ''} · ${f.itemCount} · ${f.lastSuccessAt ?? 'never'}`).join('\n'),
      html,
    );
  });

  bot.command('status', async (ctx) => {
    if (!settings.admins.has(String(ctx.from?.id))) {
      await ctx.reply(TEXTS.operatorsOnly[lang(ctx)]);
      return;
    }
    await ctx.reply(`<pre>${escapeHtml(currentStatusText(core, 'telegram').slice(0, 4000))}</pre>`, html);
  });

  bot.command('stats', async (ctx) => {
    const l = lang(ctx);
    const query = ctx.match.trim();
    const s = core.stats(query === '' ? null : query);
    const top = (rows: readonly { ar: string; en: string; count: number }[]) => rows.slice(0, 10).map((r) => `${escapeHtml(l === 'ar' ? r.ar : r.en)}: ${r.count}`).join('\n');
    await ctx.reply(
      [
        `<b>${l === 'ar' ? 'التقارير' : 'Reports'}: ${s.total}</b>${query ? ` (${escapeHtml(query)})` : ''}`,
        `<b>${l === 'ar' ? 'حسب المحافظة' : 'By governorate'}</b>`,
        top(s.byGovernorate) || '-',
        `<b>${l === 'ar' ? 'حسب نوع الحدث' : 'By event type'}</b>`,
        top(s.byEvent) || '-',
      ].join('\n'),
      html,
    );
  });

  bot.on('message:text', async (ctx) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) {
      const command = text.split(/[\s@]/)[0]!;
      await ctx.reply(TEXTS.unknownCommand[lang(ctx)](command));
      return;
    }
    const username = ctx.me.username ?? '';
    const query = ctx.chat.type === 'private' ? text : text.replace(new RegExp(`@${username}`, 'ig'), ' ');
    await sendAnswer(ctx, query, 0, false);
  });

  bot.on('callback_query:data', async (ctx) => {
    const page = readPageData(ctx.callbackQuery.data);
    const query = page && ctx.chat ? pages.recall(String(ctx.chat.id), page.id) : undefined;
    if (page === null || query === undefined) {
      await ctx.answerCallbackQuery({ text: TEXTS.expired[lang(ctx)] });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendAnswer(ctx, query, page.offset, true);
  });

  // No update crashes the bot: the cause goes to the log, the user gets a short apology.
  bot.catch(async (err) => {
    logger.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram handler failed');
    try {
      if (err.ctx.callbackQuery) await err.ctx.answerCallbackQuery({ text: TEXTS.failed[lang(err.ctx)] });
      else if (err.ctx.chat) await err.ctx.reply(TEXTS.failed[lang(err.ctx)]);
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
