import { isAbsolute, resolve } from 'node:path';
import type { LogLevel } from './logger.js';

/** Everything the bot reads from the environment (see .env.example). */
export interface Config {
  /** Absent: the bot runs as a local console. */
  discord?: {
    token: string;
    clientId: string;
    guildId?: string;
    /** REST base for discord.js; Discord's own when unset. */
    apiUrl?: string;
  };
  corpusDir: string;
  dataDir: string;
  logLevel: LogLevel;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SNOWFLAKE = /^\d{17,20}$/;
const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/**
 * Reads and checks the configuration; every problem is reported at once, with what to
 * do about it. The token's value never appears in a message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const value = (name: string) => env[name]?.trim() || undefined;
  const token = value('DISCORD_TOKEN');
  const clientId = value('DISCORD_CLIENT_ID');
  const guildId = value('DISCORD_GUILD_ID');
  const apiUrl = value('DISCORD_API_URL');
  const logLevel = (value('LOG_LEVEL') ?? 'info') as LogLevel;

  if (token && /\s/.test(token)) problems.push('DISCORD_TOKEN contains spaces; copy the token again from the Developer Portal (Bot > Reset Token).');
  if (token && !clientId) problems.push('DISCORD_CLIENT_ID is required with DISCORD_TOKEN: it is the Application ID on the Developer Portal (General Information).');
  if (clientId && !SNOWFLAKE.test(clientId)) problems.push('DISCORD_CLIENT_ID must be the numeric Application ID (17-20 digits).');
  if (guildId && !SNOWFLAKE.test(guildId)) problems.push('DISCORD_GUILD_ID must be a numeric server id (17-20 digits); enable Developer Mode and use "Copy Server ID".');
  if (apiUrl && !/^https?:\/\/[^\s]+$/.test(apiUrl)) problems.push('DISCORD_API_URL must be an http(s) URL such as https://discord.com/api (or leave it unset).');
  if (!LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LEVELS.join(', ')}.`);
  if (problems.length) throw new ConfigError(problems);

  const path = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  return {
    discord: token ? { token, clientId: clientId!, guildId, apiUrl: apiUrl?.replace(/\/+$/, '') } : undefined,
    corpusDir: path(value('CORPUS_DIR') ?? 'corpus'),
    dataDir: path(value('DATA_DIR') ?? 'data'),
    logLevel,
  };
}

/** Deploying needs the application id and a token even though the console does not. */
export function requireDiscord(config: Config): NonNullable<Config['discord']> {
  if (!config.discord) throw new ConfigError(['DISCORD_TOKEN is not set: copy .env.example to .env and fill in DISCORD_TOKEN and DISCORD_CLIENT_ID.']);
  return config.discord;
}
