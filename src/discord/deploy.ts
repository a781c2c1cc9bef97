/**
 * Registers the slash commands with Discord in one bulk PUT:
 * to DISCORD_GUILD_ID when set (instant, for development), globally otherwise.
 *   npm run deploy
 */
import { REST, Routes } from 'discord.js';
import { CommandRegistry } from '../bot/registry.js';
import { isEntryPoint } from '../cli/entryPoint.js';
import { flushAndExit } from '../cli/exit.js';
import { ConfigError, environment, loadConfig, requireDiscord } from '../config/config.js';
import { createLogger, type Logger } from '../config/logger.js';

export async function deployCommands(discord: { token: string; clientId: string; guildId?: string; apiUrl?: string }, logger: Logger) {
  const registry = new CommandRegistry(await CommandRegistry.loadCommands());
  const body = registry.toJSON();
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const route = discord.guildId ? Routes.applicationGuildCommands(discord.clientId, discord.guildId) : Routes.applicationCommands(discord.clientId);
  const result = (await rest.put(route, { body })) as unknown[];
  logger.info(
    { commands: registry.names, guild: discord.guildId ?? null },
    `Registered ${result.length} command(s) ${discord.guildId ? `in server ${discord.guildId}` : 'globally (may take up to an hour to appear)'}: ${registry.names.map((n) => '/' + n).join(' ')}`,
  );
  return result;
}

async function main(): Promise<never> {
  const env = environment();
  let logger = createLogger({ secrets: [env.DISCORD_TOKEN?.trim()] });
  try {
    const config = loadConfig(env);
    const discord = requireDiscord(config);
    logger = createLogger({ level: config.logLevel, format: config.logFormat, secrets: [discord.token] });
    await deployCommands(discord, logger);
    return await flushAndExit(0);
  } catch (error) {
    if (error instanceof ConfigError) logger.error(error.message);
    else logger.error(`Deploying the commands failed: ${error instanceof Error ? error.message : String(error)}`);
    return flushAndExit(1);
  }
}

if (isEntryPoint(import.meta.url)) void main();
