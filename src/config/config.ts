import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { languageOf, type Language } from '../shared/i18n.js';
import { LOG_LEVELS, type LogFormat, type LogLevel } from './logger.js';
import { PACKAGE_ROOT } from './paths.js';

/** Everything the bot reads from the environment (see .env.example and README "Configuration"). */
export interface Config {
  /** Absent: the bot runs as a local console. */
  discord?: {
    token: string;
    clientId: string;
    guildId?: string;
    /** REST base for discord.js; Discord's own when unset. */
    apiUrl?: string;
    /** Absent: one process, one shard. Set: discord.js's ShardingManager runs this many shard processes. */
    shards?: number | 'auto';
    /** Pause between starting two shard processes (Discord allows one identify per 5 s). */
    shardSpawnDelayMs: number;
  };
  corpusDir: string;
  dataDir: string;
  logLevel: LogLevel;
  /** Undefined: pretty at a terminal, JSON lines otherwise. */
  logFormat?: LogFormat;
  consoleLanguage: Language;
  /** Prometheus metrics and /healthz over HTTP, when METRICS_PORT is set. */
  metrics?: { port: number; host: string };
  /** Reload the corpus when a file in CORPUS_DIR is added, changed or removed (CORPUS_WATCH). */
  corpusWatch: boolean;
  /** Build the analysis tables and the servers' curated indexes once connected, not on the first questions (WARM_UP). */
  warmUp: boolean;
  /** What moderators may add with /article add, per server. */
  articles: ArticleSettings;
}

/** Limits of the articles a server adds (README "Articles of a server"), and where uploads may come from. */
export interface ArticleSettings {
  /** Articles one server may hold (ARTICLES_PER_SERVER). */
  perServer: number;
  /** Largest file accepted, in bytes (ARTICLE_MAX_KB x 1024). */
  maxBytes: number;
  /** Most paragraphs in one article (ARTICLE_MAX_PARAGRAPHS). */
  maxParagraphs: number;
  /** A download that takes longer is abandoned (ARTICLE_DOWNLOAD_TIMEOUT_MS). */
  downloadTimeoutMs: number;
  /**
   * Origins (scheme, host, port) attachments are fetched from: Discord's attachment hosts,
   * and the origin of DISCORD_API_URL when it is set (a REST proxy, or the fake Discord of the tests).
   */
  allowedOrigins: string[];
}

/** Discord serves attachments from these two hosts only. */
export const DISCORD_ATTACHMENT_ORIGINS = ['https://cdn.discordapp.com', 'https://media.discordapp.net'];

export const DEFAULT_ARTICLE_SETTINGS: ArticleSettings = {
  perServer: 50,
  maxBytes: 200 * 1024,
  maxParagraphs: 300,
  downloadTimeoutMs: 10_000,
  allowedOrigins: DISCORD_ATTACHMENT_ORIGINS,
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * The environment with `.env` (in the working directory) underneath: a variable that is
 * set, even empty, wins over the file. Every entry point (npm start, npm run ask,
 * npm run deploy, the shard processes) reads its settings through this and loadConfig.
 */
export function environment(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): NodeJS.ProcessEnv {
  let file: Record<string, string> = {};
  try {
    file = parseDotenv(readFileSync(join(cwd, '.env')));
  } catch {
    // no .env: the environment alone
  }
  return { ...file, ...env };
}

/**
 * Reads and checks the configuration; every problem is reported at once, with what to
 * do about it. The token's value never appears in a message. Relative paths resolve
 * against `cwd`; the defaults are the project's own `corpus/` and `data/`.
 */
export function loadConfig(env: NodeJS.ProcessEnv = environment(), cwd = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;
  const token = value('DISCORD_TOKEN');
  const clientId = value('DISCORD_CLIENT_ID');
  const guildId = value('DISCORD_GUILD_ID');
  const apiUrl = value('DISCORD_API_URL');
  const shards = value('DISCORD_SHARDS');
  const spawnDelay = value('DISCORD_SHARD_SPAWN_DELAY_MS');
  const logLevel = (value('LOG_LEVEL') ?? 'info') as LogLevel;
  const logFormat = value('LOG_FORMAT') as LogFormat | undefined;
  const consoleLanguage = value('CONSOLE_LANGUAGE') ?? 'id';
  const metricsPort = value('METRICS_PORT');
  const metricsHost = value('METRICS_HOST') ?? '127.0.0.1';
  const corpusWatch = value('CORPUS_WATCH') ?? 'true';
  const warmUp = value('WARM_UP') ?? 'true';
  const perServer = value('ARTICLES_PER_SERVER');
  const maxKb = value('ARTICLE_MAX_KB');
  const maxParagraphs = value('ARTICLE_MAX_PARAGRAPHS');
  const downloadTimeout = value('ARTICLE_DOWNLOAD_TIMEOUT_MS');

  if (token && /\s/.test(token)) problems.push('DISCORD_TOKEN contains spaces; copy the token again from the Developer Portal (Bot > Reset Token).');
  if (token && !clientId) problems.push('DISCORD_CLIENT_ID is required with DISCORD_TOKEN: it is the Application ID on the Developer Portal (General Information).');
  if (clientId && !SNOWFLAKE.test(clientId)) problems.push('DISCORD_CLIENT_ID must be the numeric Application ID (17-20 digits).');
  if (guildId && !SNOWFLAKE.test(guildId)) problems.push('DISCORD_GUILD_ID must be a numeric server id (17-20 digits); enable Developer Mode and use "Copy Server ID".');
  if (apiUrl && !isHttpUrl(apiUrl)) problems.push('DISCORD_API_URL must be an http(s) URL such as https://discord.com/api (or leave it unset).');
  if (shards && shards !== 'auto' && !isWhole(shards, 1, 10_000)) problems.push('DISCORD_SHARDS must be "auto" or a number of shards from 1 (or leave it unset for one process).');
  if (spawnDelay && !isWhole(spawnDelay, 0, 600_000)) problems.push('DISCORD_SHARD_SPAWN_DELAY_MS must be a number of milliseconds (default 5500).');
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}.`);
  if (logFormat && logFormat !== 'json' && logFormat !== 'pretty') problems.push('LOG_FORMAT must be json or pretty (unset: pretty at a terminal, JSON otherwise).');
  if (consoleLanguage !== 'id' && consoleLanguage !== 'en') problems.push('CONSOLE_LANGUAGE must be id (Indonesian) or en (English).');
  if (metricsPort && !isWhole(metricsPort, 0, 65_535)) problems.push('METRICS_PORT must be a port number from 0 to 65535 (or leave it unset for no metrics).');
  if (metricsPort && !/^[\w.:[\]-]+$/.test(metricsHost)) problems.push('METRICS_HOST must be a host name or IP address to listen on (default 127.0.0.1).');
  if (corpusWatch !== 'true' && corpusWatch !== 'false') problems.push('CORPUS_WATCH must be true (reload the corpus when CORPUS_DIR changes; the default) or false.');
  if (warmUp !== 'true' && warmUp !== 'false') problems.push('WARM_UP must be true (build what the first questions need once connected; the default) or false.');
  if (perServer && !isWhole(perServer, 0, 10_000)) problems.push('ARTICLES_PER_SERVER must be a number of articles from 0 to 10000 (default 50; 0 turns /article add off).');
  if (maxKb && !isWhole(maxKb, 1, 10_240)) problems.push('ARTICLE_MAX_KB must be a size in KB from 1 to 10240 (default 200).');
  if (maxParagraphs && !isWhole(maxParagraphs, 1, 10_000)) problems.push('ARTICLE_MAX_PARAGRAPHS must be a number of paragraphs from 1 to 10000 (default 300).');
  if (downloadTimeout && !isWhole(downloadTimeout, 100, 120_000)) problems.push('ARTICLE_DOWNLOAD_TIMEOUT_MS must be a number of milliseconds from 100 to 120000 (default 10000).');
  if (problems.length) throw new ConfigError(problems);

  const path = (p: string | undefined, fallback: string) => (p === undefined ? join(PACKAGE_ROOT, fallback) : isAbsolute(p) ? p : resolve(cwd, p));
  return {
    discord: token
      ? {
          token,
          clientId: clientId!,
          guildId,
          apiUrl: apiUrl?.replace(/\/+$/, ''),
          shards: shards === undefined ? undefined : shards === 'auto' ? 'auto' : Number(shards),
          shardSpawnDelayMs: spawnDelay === undefined ? 5500 : Number(spawnDelay),
        }
      : undefined,
    corpusDir: path(value('CORPUS_DIR'), 'corpus'),
    dataDir: path(value('DATA_DIR'), 'data'),
    logLevel,
    logFormat,
    consoleLanguage: languageOf(consoleLanguage),
    metrics: metricsPort === undefined ? undefined : { port: Number(metricsPort), host: metricsHost },
    corpusWatch: corpusWatch === 'true',
    warmUp: warmUp === 'true',
    articles: {
      perServer: perServer === undefined ? DEFAULT_ARTICLE_SETTINGS.perServer : Number(perServer),
      maxBytes: maxKb === undefined ? DEFAULT_ARTICLE_SETTINGS.maxBytes : Number(maxKb) * 1024,
      maxParagraphs: maxParagraphs === undefined ? DEFAULT_ARTICLE_SETTINGS.maxParagraphs : Number(maxParagraphs),
      downloadTimeoutMs: downloadTimeout === undefined ? DEFAULT_ARTICLE_SETTINGS.downloadTimeoutMs : Number(downloadTimeout),
      // Only with a token: the console reads local files, never URLs.
      allowedOrigins: [...DISCORD_ATTACHMENT_ORIGINS, ...(token && apiUrl ? [new URL(apiUrl).origin] : [])],
    },
  };
}

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s]+$/.test(text)) return false;
  try {
    return Boolean(new URL(text).host);
  } catch {
    return false;
  }
}

function isWhole(text: string, min: number, max: number): boolean {
  return /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max;
}

/** Deploying needs the application id and a token even though the console does not. */
export function requireDiscord(config: Config): NonNullable<Config['discord']> {
  if (!config.discord) throw new ConfigError(['DISCORD_TOKEN is not set: copy .env.example to .env and fill in DISCORD_TOKEN and DISCORD_CLIENT_ID.']);
  return config.discord;
}
