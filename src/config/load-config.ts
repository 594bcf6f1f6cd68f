/** Settings: read once from the environment and `.env`, validated by a schema into a typed object. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { repoPath } from './repo-path.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
});

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
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly logFormat: 'auto' | 'json' | 'pretty';
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
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = repoPath('.env')): Config {
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
  return {
    dbPath: s.RASID_DB === ':memory:' ? s.RASID_DB : resolve(repoPath(), s.RASID_DB),
    corpusPaths: s.RASID_CORPUS.split(':').filter(Boolean).map((p) => resolve(repoPath(), p)),
    pageSize: s.RASID_PAGE_SIZE,
    allowPrivateUrls: s.RASID_ALLOW_PRIVATE_URLS,
    feedIntervalMinutes: s.RASID_FEED_INTERVAL_MINUTES,
    inboxDir: resolve(repoPath(), s.RASID_INBOX),
    inboxScanSeconds: s.RASID_INBOX_SCAN_SECONDS,
    logLevel: s.LOG_LEVEL,
    logFormat: s.LOG_FORMAT,
  };
}
