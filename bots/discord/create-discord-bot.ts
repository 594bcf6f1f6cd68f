/** The Discord adapter: slash commands, result embeds with paging buttons, autocomplete, digests to channels, threads and forums. */
import {
  ActionRowBuilder, ButtonBuilder, ButtonStyle, ChannelType, Client, Events, GatewayIntentBits, MessageFlags, PermissionFlagsBits,
  type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { ParsedQuery } from '../../src/search/parse-query.js';
import { ScheduleError } from '../../digests/cron-schedule.js';
import { SubscriptionError, type DigestService } from '../../digests/digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import { renderDiscord, type DiscordMessage } from './render-discord-digest.js';
import type { Subscription } from '../../digests/subscription-store.js';
import type { DiscordSettings } from '../../src/config/load-config.js';
import type { Core } from '../../src/create-core.js';
import { createQueryPages, pageData, readPageData } from '../chat/query-pages.js';
import { createRateLimiter } from '../chat/rate-limiter.js';
import { currentStatusText } from '../chat/render-status.js';
import { COMMAND_HELP, MANAGING_COMMANDS } from './discord-commands.js';
import { createDiscordSink } from './discord-sink.js';
import { placeChoices } from './place-choices.js';
import { renderDiscordAnswer } from './render-discord-answer.js';
import { CredentialsRefusedError, type PlatformSession } from '../platform/run-platform.js';

/** From login to the gateway's READY: past this the try counts as failed and is retried. */
const READY_TIMEOUT_MS = 30_000;

export interface DiscordBotDeps {
  readonly core: Core;
  readonly digests: DigestService;
  readonly settings: DiscordSettings;
  readonly logger: Logger;
  readonly ratePerMinute: number;
  readonly refreshSchedules: () => void;
  readonly nowMs?: () => number;
}

export interface DiscordBot {
  readonly client: Client;
  readonly sink: MessageSink;
  /**
   * Logs in and resolves once the client is ready (all guilds received), within READY_TIMEOUT_MS;
   * a refused token is CredentialsRefusedError. discord.js reconnects the gateway by itself.
   */
  connect(signal: AbortSignal): Promise<PlatformSession>;
  disconnect(): Promise<void>;
  /** `connect` without a way to abort it (tests). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const EPHEMERAL = MessageFlags.Ephemeral;
const HH_MM = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const YEAR = /^(19|20)\d\d$/;

/** Arabic when the text has Arabic letters: answers follow the user's language. */
const langOfText = (text: string): 'ar' | 'en' => (/\p{Script=Arabic}/u.test(text) ? 'ar' : 'en');

export function createDiscordBot(deps: DiscordBotDeps): DiscordBot {
  const { core, digests, settings, logger } = deps;
  const nowMs = deps.nowMs ?? Date.now;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: settings.apiRoot } });
  const sink = createDiscordSink(client);
  const pages = createQueryPages();
  const limiter = createRateLimiter(deps.ratePerMinute);
  const pageSize = core.config.pageSize;

  function pageMessage(query: string | ParsedQuery, offset: number, channelId: string) {
    const answer = core.search(query, { limit: pageSize, offset });
    const rendered = renderDiscordAnswer(answer);
    const components: ActionRowBuilder<ButtonBuilder>[] = [];
    if (answer.total > pageSize) {
      const id = pages.remember(channelId, answer.parsed!);
      const ar = answer.lang === 'ar';
      const row = new ActionRowBuilder<ButtonBuilder>();
      if (offset > 0) row.addComponents(new ButtonBuilder().setCustomId(pageData(id, Math.max(0, offset - pageSize))).setLabel(ar ? 'السابق' : 'Previous').setStyle(ButtonStyle.Secondary));
      if (offset + pageSize < answer.total) row.addComponents(new ButtonBuilder().setCustomId(pageData(id, offset + pageSize)).setLabel(ar ? 'التالي' : 'Next').setStyle(ButtonStyle.Primary));
      components.push(row);
    }
    return { ...rendered, components, allowedMentions: { parse: [] } };
  }

  const subLine = (s: Subscription) => `#${s.id} · <#${s.threadId ?? s.chatId}> · \`${s.cron}\` (${s.timezone}) · ${s.filter ?? 'all new reports'}${s.paused ? ' · paused' : ''}`;
  const guildSubs = (guildId: string) => {
    const ids = new Set(client.guilds.cache.get(guildId)?.channels.cache.map((c) => c.id) ?? []);
    return digests.subscriptions.list().filter((s) => s.platform === 'discord' && (ids.has(s.chatId) || (s.threadId !== null && ids.has(s.threadId))));
  };
  const pick = (i: ChatInputCommandInteraction, guildId: string): Subscription | string => {
    const subs = guildSubs(guildId);
    const id = i.options.getInteger('id');
    const chosen = id !== null ? subs.find((s) => s.id === id) : subs.length === 1 ? subs[0] : undefined;
    if (chosen) return chosen;
    return subs.length === 0 ? 'This server has no subscriptions. Use /subscribe.' : `Which one? Give its id:\n${subs.map(subLine).join('\n')}`;
  };

  async function command(i: ChatInputCommandInteraction, guildId: string): Promise<void> {
    if (MANAGING_COMMANDS.has(i.commandName) && !i.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) {
      await i.reply({ content: 'You need the Manage Channels permission for this.', flags: EPHEMERAL });
      return;
    }
    switch (i.commandName) {
      case 'help': {
        const lines = COMMAND_HELP.map((c) => `\`/${c.name}\` ${c.en} · ${c.ar}`);
        await i.reply({ content: ['**Rasid · راصد** searches Arabic reporting on ISIS in Syria and Iraq.', ...lines].join('\n'), flags: EPHEMERAL });
        return;
      }
      case 'search': {
        await i.deferReply(); // a search may take longer than Discord's 3-second window
        const since = i.options.getString('since')?.trim();
        // The place option is a p-code chosen from autocomplete; a name typed without choosing is read as text.
        const place = i.options.getString('place')?.trim() ?? '';
        const chosen = place !== '' && core.lexicon.placeLabel(place).en !== place;
        const text = [i.options.getString('query', true), chosen ? '' : place, since ? (YEAR.test(since) ? `since ${since}` : since) : ''].join(' ').trim();
        await i.editReply(pageMessage(core.parse(text, { places: chosen ? [place] : [] }), 0, i.channelId));
        return;
      }
      case 'latest': {
        const rendered = renderDiscordAnswer(core.latest({ limit: pageSize, offset: 0 }, i.locale.startsWith('ar') ? 'ar' : 'en'), 'latest');
        await i.reply({ ...rendered, allowedMentions: { parse: [] } });
        return;
      }
      case 'digest': {
        await i.deferReply();
        const sub = guildSubs(guildId).find((s) => s.chatId === i.channelId || s.threadId === i.channelId);
        const messages = renderDiscord(digests.previewNext(sub));
        await i.editReply({ ...messages[0]!, allowedMentions: { parse: [] } });
        for (const m of messages.slice(1)) await i.followUp({ ...m, allowedMentions: { parse: [] } });
        return;
      }
      case 'subscribe': {
        const channel = i.options.getChannel('channel') ?? i.channel;
        if (channel === null) throw new Error('no channel to subscribe');
        const isThread = channel.type === ChannelType.PublicThread || channel.type === ChannelType.PrivateThread || channel.type === ChannelType.AnnouncementThread;
        const parentId = isThread && 'parentId' in channel ? channel.parentId : null;
        const schedule = i.options.getString('schedule')?.trim();
        const clock = schedule ? HH_MM.exec(schedule) : null;
        try {
          const sub = digests.subscribe({
            destination: { platform: 'discord', chatId: parentId ?? channel.id, threadId: isThread ? channel.id : null },
            cron: clock ? `${Number(clock[2])} ${Number(clock[1])} * * *` : schedule,
            filter: i.options.getString('filter'),
            label: 'name' in channel ? (channel.name ?? null) : null,
            createdBy: `discord:${i.user.id}`,
          });
          deps.refreshSchedules();
          await i.reply({ content: `Subscribed. Next digest: ${sub.nextRunAt}\n${subLine(sub)}`, flags: EPHEMERAL });
        } catch (err) {
          if (err instanceof SubscriptionError || err instanceof ScheduleError) await i.reply({ content: err.message, flags: EPHEMERAL });
          else throw err;
        }
        return;
      }
      case 'subscriptions': {
        const subs = guildSubs(guildId);
        await i.reply({ content: subs.length ? subs.map(subLine).join('\n') : 'No subscriptions in this server.', flags: EPHEMERAL });
        return;
      }
      case 'unsubscribe':
      case 'pause':
      case 'resume': {
        const sub = pick(i, guildId);
        if (typeof sub === 'string') {
          await i.reply({ content: sub, flags: EPHEMERAL });
          return;
        }
        if (i.commandName === 'unsubscribe') digests.subscriptions.remove(sub.id);
        else digests.subscriptions.setPaused(sub.id, i.commandName === 'pause');
        deps.refreshSchedules();
        await i.reply({ content: `${{ unsubscribe: 'Unsubscribed', pause: 'Paused', resume: 'Resumed' }[i.commandName]} #${sub.id}`, flags: EPHEMERAL });
        return;
      }
      case 'add': {
        await i.deferReply({ flags: EPHEMERAL });
        const result = await core.feeds.ingestUrl(i.options.getString('url', true));
        await i.editReply(result.ok ? `${{ added: 'Added', updated: 'Updated', unchanged: 'Already stored as' }[result.status]} #${result.id}: ${result.title}` : `Not added: ${result.reason}`);
        return;
      }
      case 'feeds': {
        const feeds = core.feeds.list();
        await i.reply({
          content: feeds.length ? feeds.map((f) => `#${f.id} ${f.name ?? f.url} · ${f.state} · ${f.itemCount} · last success ${f.lastSuccessAt ?? 'never'}`).join('\n').slice(0, 2000) : 'No feeds. Add one with `rasid feeds add <url> --name <outlet>`.',
          flags: EPHEMERAL,
        });
        return;
      }
      case 'status': {
        await i.reply({ content: `\`\`\`text\n${currentStatusText(core, 'discord').slice(0, 1980)}\n\`\`\``, flags: EPHEMERAL });
        return;
      }
      case 'stats': {
        const query = i.options.getString('query')?.trim() || null;
        const s = core.stats(query);
        const lang = langOfText(query ?? '');
        const top = (rows: readonly { ar: string; en: string; count: number }[]) => rows.slice(0, 10).map((r) => `${lang === 'ar' ? r.ar : r.en}: ${r.count}`).join('\n') || '-';
        await i.reply({
          embeds: [{ title: `Reports: ${s.total}${query ? ` (${query})` : ''}`.slice(0, 256), fields: [{ name: 'By governorate', value: top(s.byGovernorate), inline: true }, { name: 'By event type', value: top(s.byEvent), inline: true }] }],
          allowedMentions: { parse: [] },
        });
        return;
      }
      default:
        await i.reply({ content: `Unknown command /${i.commandName}. Run \`rasid discord register\` to update the command list.`, flags: EPHEMERAL });
    }
  }

  async function button(i: ButtonInteraction): Promise<void> {
    const page = readPageData(i.customId);
    const query = page ? pages.recall(i.channelId, page.id) : undefined;
    if (page === null || query === undefined) {
      await i.reply({ content: 'This search has expired; run /search again.', flags: EPHEMERAL });
      return;
    }
    await i.update(pageMessage(query, page.offset, i.channelId));
  }

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    await i.respond(focused.name === 'place' ? placeChoices(core, String(focused.value)) : []);
  }

  /** One dispatcher for every interaction: access, flood control, then the handler; errors answered privately. */
  async function dispatch(i: Interaction): Promise<void> {
    const guildId = i.guildId;
    if (guildId === null || !settings.allowedGuilds.has(guildId)) {
      if (i.isAutocomplete()) await i.respond([]);
      else if (i.isRepliable()) await i.reply({ content: guildId === null ? 'Use Rasid in a server that allows it.' : `This bot serves only the servers its operator allows. This server's id is ${guildId}: send it to the operator to be added.`, flags: EPHEMERAL });
      return;
    }
    if (!i.isAutocomplete()) {
      const verdict = limiter.check(i.user.id, nowMs());
      if (verdict !== 'ok') {
        if (i.isRepliable()) await i.reply({ content: 'Too many requests. Please wait a minute.', flags: EPHEMERAL });
        return;
      }
    }
    try {
      if (i.isChatInputCommand()) await command(i, guildId);
      else if (i.isButton()) await button(i);
      else if (i.isAutocomplete()) await autocomplete(i);
    } catch (err) {
      logger.error({ err, interaction: i.id }, 'discord interaction failed');
      if (!i.isRepliable()) return;
      const message = { content: 'Something went wrong on our side. Please try again shortly.', flags: EPHEMERAL } as const;
      if (i.deferred || i.replied) await i.followUp(message);
      else await i.reply(message);
    }
  }

  client.on(Events.InteractionCreate, (i) => {
    dispatch(i).catch((err: unknown) => logger.error({ err }, 'could not answer a discord interaction'));
  });
  // Without a listener, an 'error' event would end the process; the gateway reconnects by itself.
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  client.on(Events.ShardReconnecting, () => logger.warn('discord gateway reconnecting'));

  return {
    client,
    sink,
    async connect(signal) {
      let onAbort = () => undefined as void;
      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the gateway did not say READY within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
        onAbort = () => reject(new Error('stopped while connecting'));
        signal.addEventListener('abort', onAbort, { once: true });
        client.once(Events.ClientReady, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      ready.catch(() => undefined);
      try {
        await client.login(settings.token);
      } catch (err) {
        if ((err as { code?: unknown }).code === 'TokenInvalid') {
          throw new CredentialsRefusedError('Discord refused the bot token (401 Unauthorized): fix DISCORD_BOT_TOKEN (Developer Portal → Bot → Reset Token); the Discord bot stays off, everything else runs');
        }
        throw err;
      } finally {
        if (signal.aborted) await client.destroy();
      }
      await ready;
      signal.removeEventListener('abort', onAbort);
      logger.info({ bot: client.user?.tag, guilds: client.guilds.cache.size }, 'discord bot ready');
      return { ended: new Promise<void>(() => undefined) };
    },
    async disconnect() {
      await client.destroy();
    },
    async start() {
      await this.connect(new AbortController().signal);
    },
    async stop() {
      await this.disconnect();
    },
  };
}
