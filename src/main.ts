/**
 * npm start (node dist/src/main.js): the bot on Discord when DISCORD_TOKEN is set (one
 * process, or a ShardingManager over shard processes when DISCORD_SHARDS is set), and
 * otherwise the offline console over the same commands (reading stdin when it is not a
 * terminal). Every message, start-up errors included, goes through the redacting logger.
 */
import { fileURLToPath } from 'node:url';
import { flushAndExit } from './cli/exit.js';
import { warnIfBuildIsStale } from './cli/staleBuild.js';
import { ConfigError, environment, loadConfig, type Config } from './config/config.js';
import { createLogger, type Logger } from './config/logger.js';
import { startBot } from './bot/startup.js';
import { runConsole } from './console/console.js';
import { CorpusError } from './corpus/types.js';
import { DataDirError } from './curated/database.js';

async function main(): Promise<void> {
  warnIfBuildIsStale(import.meta.url);
  const env = environment();
  // Before the configuration is known: still redact the token if it is there at all.
  let logger = createLogger({ secrets: [env.DISCORD_TOKEN?.trim()] });
  let config: Config;
  try {
    config = loadConfig(env);
    logger = createLogger({ level: config.logLevel, format: config.logFormat, secrets: [config.discord?.token] });
  } catch (error) {
    return startupFailed(logger, error);
  }
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  try {
    if (config.discord) {
      // Loaded only here: the console does not pay for discord.js's client.
      const { isShardProcess, runDiscordBot } = await import('./discord/runBot.js');
      if (config.discord.shards !== undefined && !isShardProcess()) {
        const { runShardManager } = await import('./discord/shards.js');
        return await runShardManager(config, logger, fileURLToPath(import.meta.url), flushAndExit);
      }
      return await runDiscordBot(config, logger, flushAndExit);
    }
    const bot = await startBot(config, logger);
    await runConsole(bot, { input: process.stdin, output: process.stdout, interactive: Boolean(process.stdin.isTTY), language: config.consoleLanguage });
    bot.close();
    await flushAndExit(0);
  } catch (error) {
    return startupFailed(logger, error);
  }
}

/** Known problems are one clear line (what to fix); anything else with its stack. Exit 1. */
async function startupFailed(logger: Logger, error: unknown): Promise<never> {
  if (error instanceof ConfigError || error instanceof CorpusError || error instanceof DataDirError) logger.fatal(error.message);
  else logger.fatal({ err: error }, `Start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  return flushAndExit(1);
}

void main();
