import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import type { Bot } from '../bot/startup.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { autocompleteContext, commandContext, componentContext } from './interactionContext.js';

/** A discord.js client with the Guilds intent only, routing every interaction to the registry. */
export function createDiscordClient(discord: NonNullable<Config['discord']>, bot: Bot, logger: Logger): Client {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: discord.apiUrl ? { api: discord.apiUrl } : {},
  });
  client.once(Events.ClientReady, (ready) => logger.info(`Logged in as ${ready.user.tag}, in ${ready.guilds.cache.size} server(s)`));
  client.on(Events.Error, (error) => logger.error('discord.js error', error));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.InteractionCreate, (interaction) => {
    void routeInteraction(interaction, bot, logger).catch((error: unknown) => logger.error(`interaction ${interaction.id} failed`, error));
  });
  return client;
}

export async function routeInteraction(interaction: Interaction, bot: Bot, logger: Logger): Promise<void> {
  const onError = (error: unknown) => logger.warn('a reply could not be sent', error);
  if (interaction.isChatInputCommand()) {
    await bot.registry.runCommand(commandContext(interaction, onError));
  } else if (interaction.isAutocomplete()) {
    const choices = await bot.registry.runAutocomplete(autocompleteContext(interaction));
    await interaction.respond(choices);
  } else if (interaction.isButton() || interaction.isModalSubmit()) {
    await bot.registry.runComponent(componentContext(interaction, onError));
  }
}
