/** Settings: read once from the environment and `.env`, validated by a schema into a typed object. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { parseEnv } from 'node:util';
import { repoPath } from './repo-path.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/*
 * The settings' rules, each written once. A rule reads the raw text of a setting that is set (never
 * empty) and gives its value, or a message saying what was expected; an unset setting takes the rule's
 * default. Written out here rather than with a schema library: loading zod's 95 modules was about
 * 50 ms of every command's start (docs/performance.md), for some twenty settings.
 */
type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };
interface Rule<T> {
  parse(raw: string): Parsed<T>;
  readonly fallback: T;
}
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

const text = (fallback: string): Rule<string> => ({ parse: ok, fallback });
const optionalText = (): Rule<string | undefined> => ({ parse: ok, fallback: undefined });
/** A whole number in `[min, max]`, written as JavaScript's Number() reads it. */
function wholeNumber(min: number, max: number): (raw: string) => Parsed<number> {
  return (raw) => {
    const n = Number(raw);
    if (!Number.isFinite(n)) return fail(`expected a number, got "${raw}"`);
    if (!Number.isSafeInteger(n)) return fail(`expected a whole number, got ${raw}`);
    if (n < min || n > max) return fail(`expected a whole number from ${min} to ${max}, got ${n}`);
    return ok(n);
  };
}
const integer = (min: number, max: number, fallback: number): Rule<number> => ({ parse: wholeNumber(min, max), fallback });
const optionalInteger = (min: number, max: number): Rule<number | undefined> => ({ parse: wholeNumber(min, max), fallback: undefined });
function oneOf<const T extends string>(values: readonly T[], fallback: T, message = `expected one of ${values.join(', ')}`): Rule<T> {
  return { parse: (raw) => ((values as readonly string[]).includes(raw) ? ok(raw as T) : fail(message)), fallback };
}
function matching(pattern: RegExp, message: string): (raw: string) => Parsed<string> {
  return (raw) => (pattern.test(raw) ? ok(raw) : fail(message));
}
const optionalMatching = (pattern: RegExp, message: string): Rule<string | undefined> => ({ parse: matching(pattern, message), fallback: undefined });
/**
 * A URL whose scheme matches `protocol` (without the colon), trimmed, with tabs and line breaks taken
 * out (the URL parser ignores them). An http(s) URL must be written with `://`.
 */
function url(protocol: RegExp, message: string): (raw: string) => Parsed<string> {
  return (raw) => {
    const trimmed = raw.trim();
    if (protocol.source === '^https?$' && !/^https?:\/\//i.test(trimmed)) return fail(message);
    const parsed = URL.canParse(trimmed) ? new URL(trimmed) : null;
    if (parsed === null || !protocol.test(parsed.protocol.replace(/:$/, ''))) return fail(message);
    return ok(trimmed.replace(/[\t\n\r]/g, ''));
  };
}
/** A comma-separated list of chat or user ids (negative for groups and channels). */
const idList: Rule<string[]> = {
  parse: (raw) => {
    const ids = raw.split(',').map((x) => x.trim()).filter(Boolean);
    return ids.every((id) => /^-?\d+$/.test(id)) ? ok(ids) : fail('expected comma-separated numeric ids, e.g. 123456789,-1001234567890');
  },
  fallback: [],
};

const SETTINGS = {
  RASID_DB: text('data/rasid.db'),
  RASID_CORPUS: text('data/corpus'),
  RASID_PAGE_SIZE: integer(1, 10, 5),
  RASID_ALLOW_PRIVATE_URLS: oneOf(['0', '1', 'true', 'false'], '0', 'expected 1 or 0 (true or false)'),
  RASID_FEED_INTERVAL_MINUTES: integer(1, 1440, 10),
  RASID_INBOX: text('data/inbox'),
  RASID_INBOX_SCAN_SECONDS: integer(1, 3600, 5),
  RASID_WORKERS: optionalInteger(0, 64),
  TELEGRAM_BOT_TOKEN: optionalMatching(/^\d+:[\w-]{20,}$/, 'expected a token from @BotFather, like 123456:ABC-DEF…'),
  TELEGRAM_API_ROOT: { parse: url(/^https?$/, 'expected an http(s) URL'), fallback: 'https://api.telegram.org' },
  TELEGRAM_ALLOWED_CHATS: idList,
  TELEGRAM_ADMINS: idList,
  TELEGRAM_WEBHOOK_URL: { parse: url(/^https$/, 'expected an https URL (Telegram calls webhooks over https only)'), fallback: undefined },
  TELEGRAM_WEBHOOK_SECRET: optionalMatching(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16 to 256 characters of A-Z, a-z, 0-9, _ and -'),
  TELEGRAM_WEBHOOK_PORT: integer(0, 65535, 8080),
  DISCORD_BOT_TOKEN: optionalMatching(/^[\w.-]{20,}$/, 'expected the bot token from the Discord developer portal'),
  DISCORD_APPLICATION_ID: optionalMatching(/^\d{5,25}$/, 'expected the numeric application id'),
  DISCORD_API_ROOT: { parse: url(/^https?$/, 'expected an http(s) URL'), fallback: 'https://discord.com/api' },
  DISCORD_ALLOWED_GUILDS: idList,
  DISCORD_GUILD_ID: optionalMatching(/^\d{5,25}$/, 'expected a numeric guild (server) id'),
  RASID_USER_RATE_PER_MINUTE: integer(1, 600, 20),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  LOG_FORMAT: oneOf(['auto', 'json', 'pretty'] as const, 'auto'),
  LOG_FILE: optionalText(),
  LOG_FILE_SIZE: { parse: matching(/^\d{1,6}[kmg]$/i, 'expected a size such as 500k, 10m or 1g'), fallback: '10m' },
  LOG_FILE_KEEP: integer(1, 100, 5),
} satisfies Record<string, Rule<unknown>>;

type Settings = { -readonly [K in keyof typeof SETTINGS]: (typeof SETTINGS)[K] extends Rule<infer T> ? T : never };

/** Every setting's value (its default when unset), or the problems, one per bad setting, in the order above. */
function parseSettings(merged: Readonly<Record<string, string | undefined>>): { settings: Settings; problems: string[] } {
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, rule] of Object.entries(SETTINGS) as [string, Rule<unknown>][]) {
    const raw = merged[key];
    if (raw === undefined) {
      settings[key] = rule.fallback;
      continue;
    }
    const parsed = rule.parse(raw);
    if (parsed.ok) settings[key] = parsed.value;
    else problems.push(`${key}: ${parsed.message}`);
  }
  return { settings: settings as Settings, problems };
}

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
  const { settings: s, problems } = parseSettings(merged);
  if (problems.length > 0) throw new ConfigError(problems);
  if (s.TELEGRAM_WEBHOOK_URL !== undefined && s.TELEGRAM_WEBHOOK_SECRET === undefined) {
    throw new ConfigError(['TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set (Telegram sends it with every update, so strangers cannot post to the webhook)']);
  }
  return {
    dbPath: s.RASID_DB === ':memory:' ? s.RASID_DB : resolve(repoPath(), s.RASID_DB),
    corpusPaths: s.RASID_CORPUS.split(':').filter(Boolean).map((p) => resolve(repoPath(), p)),
    pageSize: s.RASID_PAGE_SIZE,
    allowPrivateUrls: s.RASID_ALLOW_PRIVATE_URLS === '1' || s.RASID_ALLOW_PRIVATE_URLS === 'true',
    feedIntervalMinutes: s.RASID_FEED_INTERVAL_MINUTES,
    inboxDir: resolve(repoPath(), s.RASID_INBOX),
    inboxScanSeconds: s.RASID_INBOX_SCAN_SECONDS,
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
