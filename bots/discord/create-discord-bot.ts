/** The Discord adapter: one interaction dispatcher translating slash commands (commands/, one file each) into chat use cases and their answers into messages; digests to channels, threads and forums. */
import {
  Client, Events, GatewayIntentBits, MessageFlags, PermissionFlagsBits,
  type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type RepliableInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { DigestService } from '../../digests/digest-service.js';
import type { MessageSink } from '../../digests/message-sink.js';
import type { DiscordSettings } from '../../src/config/load-config.js';
import type { Core } from '../../src/create-core.js';
import type { ChatAnswer } from '../chat/chat-answer.js';
import { createChatGate } from '../chat/chat-gate.js';
import { WORDS, type Lang } from '../chat/chat-wording.js';
import { pageResults } from '../chat/commands/page-results.js';
import { createQueryPages } from '../chat/query-pages.js';
import { CredentialsRefusedError, type PlatformSession } from '../platform/run-platform.js';
import type { DiscordCommandEnv } from './commands/discord-command.js';
import { discordMessages, sendDiscordReplies } from './discord-answer.js';
import { COMMAND_HELP, DISCORD_COMMANDS_BY_NAME } from './discord-commands.js';
import { createDiscordSink } from './discord-sink.js';
import { placeChoices } from './place-choices.js';

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

export function createDiscordBot(deps: DiscordBotDeps): DiscordBot {
  const { core, digests, settings, logger } = deps;
  const nowMs = deps.nowMs ?? Date.now;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: settings.apiRoot } });
  const sink = createDiscordSink(client);
  const pages = createQueryPages();
  const gate = createChatGate({ allowed: (guildId) => settings.allowedGuilds.has(guildId), perMinute: deps.ratePerMinute, refuseOnce: false });
  const langOf = (i: Interaction): Lang => (i.locale?.startsWith('ar') ? 'ar' : 'en');

  /** A server's subscriptions: those whose channel or thread is one of its channels. */
  const guildSubs = (guildId: string) => {
    const ids = new Set(client.guilds.cache.get(guildId)?.channels.cache.map((c) => c.id) ?? []);
    return digests.subscriptions.list().filter((s) => s.platform === 'discord' && (ids.has(s.chatId) || (s.threadId !== null && ids.has(s.threadId))));
  };

  /** Says an answer: the first message as the reply (or in place of the deferred one), the rest as follow-ups. */
  async function answer(i: RepliableInteraction, said: ChatAnswer, options: { ephemeral?: boolean; lang?: Lang } = {}): Promise<void> {
    await sendDiscordReplies(i, discordMessages(said, options.lang ?? langOf(i), COMMAND_HELP), options);
  }

  const env: DiscordCommandEnv = {
    pages,
    lang: langOf,
    answer,
    chat: (guildId) => ({ core, digests, subscriptions: () => guildSubs(guildId), refreshSchedules: deps.refreshSchedules }),
  };

  async function command(i: ChatInputCommandInteraction, guildId: string): Promise<void> {
    const handler = DISCORD_COMMANDS_BY_NAME.get(i.commandName);
    if (handler === undefined) {
      await i.reply({ content: `Unknown command /${i.commandName}. Run \`rasid discord register\` to update the command list.`, flags: EPHEMERAL });
      return;
    }
    if (handler.managing && !i.memberPermissions?.has(PermissionFlagsBits.ManageChannels)) {
      await answer(i, { kind: 'needs_permission', permission: 'Manage Channels' }, { ephemeral: true });
      return;
    }
    await handler.execute(i, guildId, env);
  }

  async function button(i: ButtonInteraction): Promise<void> {
    const said = pageResults(core, pages, { data: i.customId, chatId: i.channelId });
    if (said.kind !== 'results') await answer(i, said, { ephemeral: true });
    else await i.update(discordMessages(said, langOf(i), COMMAND_HELP)[0] as never);
  }

  async function autocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    await i.respond(focused.name === 'place' ? placeChoices(core, String(focused.value)) : []);
  }

  /** One dispatcher for every interaction: access, flood control, then the handler; errors answered privately. */
  async function dispatch(i: Interaction): Promise<void> {
    const guildId = i.guildId;
    if (guildId === null) {
      if (i.isAutocomplete()) await i.respond([]);
      else if (i.isRepliable()) await i.reply({ content: 'Use Rasid in a server that allows it.', flags: EPHEMERAL });
      return;
    }
    // Autocomplete is typing, not messages: it is not counted against the rate.
    const verdict = gate.check({ chatId: guildId, userId: i.user.id, nowMs: nowMs(), addressed: !i.isAutocomplete() });
    if (!verdict.pass && (verdict.refusedChat || !i.isAutocomplete())) {
      if (i.isAutocomplete()) await i.respond([]);
      // Every interaction must be answered, so each one over the rate is told to slow down.
      else if (i.isRepliable()) await answer(i, verdict.answer ?? { kind: 'slow_down' }, { ephemeral: true });
      return;
    }
    try {
      if (i.isChatInputCommand()) await command(i, guildId);
      else if (i.isButton()) await button(i);
      else if (i.isAutocomplete()) await autocomplete(i);
    } catch (err) {
      logger.error({ err, interaction: i.id }, 'discord interaction failed');
      if (!i.isRepliable()) return;
      const message = { content: WORDS.failed[langOf(i)], flags: EPHEMERAL } as const;
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
