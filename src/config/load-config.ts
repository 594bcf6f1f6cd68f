/** Settings: read once from the environment and `.env`, validated by a schema into a typed object. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { repoPath } from './repo-path.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A comma-separated list of chat or user ids (negative for groups and channels). */
const idList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
  .refine((ids) => ids.every((id) => /^-?\d+$/.test(id)), 'expected comma-separated numeric ids, e.g. 123456789,-1001234567890');

const settingsSchema = z.object({
  RASID_DB: z.string().min(1).default('data/rasid.db'),
  RASID_CORPUS: z.string().min(1).default('data/corpus'),
  RASID_PAGE_SIZE: z.coerce.number().int().min(1).max(10).default(5),
  RASID_ALLOW_PRIVATE_URLS: z
    .enum(['0', '1', 'true', 'false'], { message: 'expected 1 or 0 (true or false)' })
    .default('0')
    .transform((v) => v === '1' || v === 'true'),
  RASID_FEED_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  RASID_INBOX: z.string().min(1).default('data/inbox'),
  RASID_INBOX_SCAN_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  RASID_PICTURES: z.string().min(1).default('data/pictures'),
  RASID_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, 'expected a token from @BotFather, like 123456:ABC-DEF…').optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).default('https://api.telegram.org'),
  TELEGRAM_ALLOWED_CHATS: idList,
  TELEGRAM_ADMINS: idList,
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/, message: 'expected an https URL (Telegram calls webhooks over https only)' }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16 to 256 characters of A-Z, a-z, 0-9, _ and -').optional(),
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DISCORD_BOT_TOKEN: z.string().regex(/^[\w.-]{20,}$/, 'expected the bot token from the Discord developer portal').optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{5,25}$/, 'expected the numeric application id').optional(),
  DISCORD_API_ROOT: z.url({ protocol: /^https?$/, message: 'expected an http(s) URL' }).default('https://discord.com/api'),
  DISCORD_ALLOWED_GUILDS: idList,
  DISCORD_GUILD_ID: z.string().regex(/^\d{5,25}$/, 'expected a numeric guild (server) id').optional(),
  RASID_USER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(20),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  LOG_FILE: z.string().min(1).optional(),
  LOG_FILE_SIZE: z.string().regex(/^\d{1,6}[kmg]$/i, 'expected a size such as 500k, 10m or 1g').default('10m'),
  LOG_FILE_KEEP: z.coerce.number().int().min(1).max(100).default(5),
});

/** The Telegram bot's settings; present when TELEGRAM_BOT_TOKEN is set. */
export interface TelegramSettings {
  readonly token: string;
  readonly apiRoot: string;
  /** Chats the bot serves (a private chat's id is the user's id). Empty: it serves nobody but says how to be added. */
  readonly allowedChats: ReadonlySet<string>;
  /** Operators: they get admin notices and may use /feeds. */
  readonly admins: ReadonlySet<string>;
  /** Webhook mode when set; long polling otherwise. */
  readonly webhook: { readonly url: string; readonly secret: string; readonly port: number } | null;
}

/** The Discord bot's settings; present when DISCORD_BOT_TOKEN is set. */
export interface DiscordSettings {
  readonly token: string;
  /** Needed to register commands (`rasid discord register`). */
  readonly applicationId: string | null;
  /** REST base, e.g. https://discord.com/api (discord.js adds the version). */
  readonly apiRoot: string;
  /** Guilds (servers) the bot serves. */
  readonly allowedGuilds: ReadonlySet<string>;
  /** Register commands in this guild only (instant, for development); else globally. */
  readonly guildId: string | null;
}

/** The validated settings, with paths resolved against the project folder. */
export interface Config {
  /** SQLite database file (`:memory:` for a throwaway database). */
  readonly dbPath: string;
  /** Files and folders ingested at start (the bundled corpus by default), `:`-separated in the setting. */
  readonly corpusPaths: readonly string[];
  /** Results per page in chat answers. */
  readonly pageSize: number;
  /** Fetch links to loopback and private networks (intranets, tests); cloud metadata stays refused. */
  readonly allowPrivateUrls: boolean;
  /** How often a feed is polled unless it says otherwise. */
  readonly feedIntervalMinutes: number;
  /** Folder watched for files to ingest; processed files move to done/ or failed/ inside it. */
  readonly inboxDir: string;
  readonly inboxScanSeconds: number;
  /** Folder the console writes pictures to (charts sent to the console destination or answered in the console chat). */
  readonly picturesDir: string;
  /** Worker threads that prepare reports in a bulk ingest (one per core besides the main thread's by default, at least one; 0: all on the main thread). */
  readonly workers: number;
  readonly telegram: TelegramSettings | null;
  readonly discord: DiscordSettings | null;
  /** Chat messages one user may send per minute before the bots ask them to slow down. */
  readonly userRatePerMinute: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly logFormat: 'auto' | 'json' | 'pretty';
  /** JSON log lines also go to this file, rotated by size (`LOG_FILE_SIZE`), keeping `LOG_FILE_KEEP` old files; null: stderr only. */
  readonly logFile: { readonly path: string; readonly size: string; readonly keep: number } | null;
}

/** A setting that is missing or malformed; the message names the setting and what is wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid settings (fix them in the environment or .env):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads `.env` (if present) under the given environment, which wins over the file,
 * validates every setting and returns the typed config. Throws `ConfigError` naming each bad setting.
 */
/** Which platforms have their settings (a token) in `config`, by platform name: what `rasid status` can know without the service. */
export function configuredPlatforms(config: Pick<Config, 'telegram' | 'discord'>): Readonly<Record<string, boolean>> {
  return { telegram: config.telegram !== null, discord: config.discord !== null };
}

export function loadConfig(env: NodeJS.ProcessEnv, envFile = repoPath('.env')): Config {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const merged: Record<string, string | undefined> = { ...fromFile, ...env };
  // An empty setting means "not set", as in most .env conventions.
  for (const [key, value] of Object.entries(merged)) if (value === '') delete merged[key];
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`),
    );
  }
  const s = parsed.data;
  if (s.TELEGRAM_WEBHOOK_URL !== undefined && s.TELEGRAM_WEBHOOK_SECRET === undefined) {
    throw new ConfigError(['TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it with every update, so strangers cannot post to the webhook)']);
  }
  return {
    dbPath: s.RASID_DB === ':memory:' ? s.RASID_DB : resolve(repoPath(), s.RASID_DB),
    corpusPaths: s.RASID_CORPUS.split(':').filter(Boolean).map((p) => resolve(repoPath(), p)),
    pageSize: s.RASID_PAGE_SIZE,
    allowPrivateUrls: s.RASID_ALLOW_PRIVATE_URLS,
    feedIntervalMinutes: s.RASID_FEED_INTERVAL_MINUTES,
    inboxDir: resolve(repoPath(), s.RASID_INBOX),
    inboxScanSeconds: s.RASID_INBOX_SCAN_SECONDS,
    picturesDir: resolve(repoPath(), s.RASID_PICTURES),
    // The main thread reads and writes SQLite (a third of the work): with it, one thread per core.
    workers: s.RASID_WORKERS ?? Math.max(1, availableParallelism() - 1),
    telegram:
      s.TELEGRAM_BOT_TOKEN === undefined
        ? null
        : {
            token: s.TELEGRAM_BOT_TOKEN,
            apiRoot: s.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
            allowedChats: new Set(s.TELEGRAM_ALLOWED_CHATS),
            admins: new Set(s.TELEGRAM_ADMINS),
            webhook:
              s.TELEGRAM_WEBHOOK_URL === undefined
                ? null
                : { url: s.TELEGRAM_WEBHOOK_URL, secret: s.TELEGRAM_WEBHOOK_SECRET!, port: s.TELEGRAM_WEBHOOK_PORT },
          },
    discord:
      s.DISCORD_BOT_TOKEN === undefined
        ? null
        : {
            token: s.DISCORD_BOT_TOKEN,
            applicationId: s.DISCORD_APPLICATION_ID ?? null,
            apiRoot: s.DISCORD_API_ROOT.replace(/\/+$/, ''),
            allowedGuilds: new Set(s.DISCORD_ALLOWED_GUILDS),
            guildId: s.DISCORD_GUILD_ID ?? null,
          },
    userRatePerMinute: s.RASID_USER_RATE_PER_MINUTE,
    logLevel: s.LOG_LEVEL,
    logFormat: s.LOG_FORMAT,
    logFile: s.LOG_FILE === undefined ? null : { path: resolve(repoPath(), s.LOG_FILE), size: s.LOG_FILE_SIZE.toLowerCase(), keep: s.LOG_FILE_KEEP },
  };
}
