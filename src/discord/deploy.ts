/**
 * Registers the slash commands with Discord in one bulk PUT:
 * to DISCORD_GUILD_ID when set (instant, for development), globally otherwise.
 *   npm run deploy
 */
import { REST, Routes } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { CommandRegistry } from '../bot/registry.js';
import { ConfigError, loadConfig, requireDiscord } from '../config/config.js';
import { createLogger, type Logger } from '../config/logger.js';

export async function deployCommands(discord: { token: string; clientId: string; guildId?: string; apiUrl?: string }, logger: Logger) {
  const registry = new CommandRegistry(await CommandRegistry.loadCommands());
  const body = registry.toJSON();
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const route = discord.guildId ? Routes.applicationGuildCommands(discord.clientId, discord.guildId) : Routes.applicationCommands(discord.clientId);
  const result = (await rest.put(route, { body })) as unknown[];
  logger.info(`Registered ${result.length} command(s) ${discord.guildId ? `in server ${discord.guildId}` : 'globally (may take up to an hour to appear)'}: ${registry.names.map((n) => '/' + n).join(' ')}`);
  return result;
}

async function main() {
  loadDotenv({ quiet: true });
  let logger = createLogger();
  try {
    const config = loadConfig();
    const discord = requireDiscord(config);
    logger = createLogger({ level: config.logLevel, secrets: [discord.token] });
    await deployCommands(discord, logger);
  } catch (error) {
    if (error instanceof ConfigError) logger.error(error.message);
    else logger.error('Deploying the commands failed', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
