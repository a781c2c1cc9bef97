/**
 * npm start: runs the bot on Discord when DISCORD_TOKEN is set, and otherwise the
 * offline console over the same commands (reading stdin when it is not a terminal).
 */
import { config as loadDotenv } from 'dotenv';
import type { Client } from 'discord.js';
import { startBot, type Bot } from './bot/startup.js';
import { ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './config/logger.js';
import { runConsole } from './console/console.js';
import { CorpusError } from './corpus/types.js';
import { createDiscordClient } from './discord/client.js';
import { languageOf } from './bot/i18n.js';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, secrets: [config.discord?.token] });
  const bot = await startBot(config, logger);
  let client: Client | undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    await client?.destroy();
    bot.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));

  if (config.discord) {
    client = createDiscordClient(config.discord, bot, logger);
    await client.login(config.discord.token);
    return;
  }
  await runConsole(bot, {
    input: process.stdin,
    output: process.stdout,
    interactive: Boolean(process.stdin.isTTY),
    language: languageOf(process.env.CONSOLE_LANGUAGE ?? 'id'),
  });
  closeAndExit(bot);
}

function closeAndExit(bot: Bot): void {
  bot.close();
  process.exit(0);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CorpusError) console.error(error.message);
  else console.error('Start-up failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
