import { performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, MessageFlags, Options, type Interaction, type RateLimitData } from 'discord.js';
import type { Outcome } from '../bot/command.js';
import type { Bot } from '../bot/startup.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { languageOf, t } from '../shared/i18n.js';
import { InFlight } from './inFlight.js';
import { autocompleteContext, commandContext, componentContext } from './interactionContext.js';
import type { BotMetrics, InteractionType } from './metrics.js';

export interface ClientHooks {
  /** Interactions being handled, so a shutdown can wait for them. */
  inFlight?: InFlight;
  metrics?: BotMetrics;
}

/**
 * discord.js caches every user and member an interaction carries, for as long as the
 * process lives; the bot reads them only from the interaction itself, so it keeps none
 * (but its own) and memory stays flat however many members ask.
 */
export const BOUNDED_CACHES = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user?.id },
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user?.id },
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ThreadMemberManager: 0,
  VoiceStateManager: 0,
});

/**
 * A discord.js client with the Guilds intent only, routing every interaction to the
 * registry, and logging what the gateway and REST do: shard ready, disconnect,
 * reconnect, resume, invalidated session, rate limits.
 */
export function createDiscordClient(discord: Pick<NonNullable<Config['discord']>, 'apiUrl'>, bot: Bot, logger: Logger, hooks: ClientHooks = {}): Client {
  const { metrics } = hooks;
  // Every request held back by a rate limit, also the interaction responses' (discord.js
  // emits its RateLimited event only for bucketed routes; this hook sees all of them).
  const rejectOnRateLimit = (info: RateLimitData) => {
    metrics?.rateLimited(info.global);
    logger.warn({ route: info.route, method: info.method, global: info.global, scope: info.scope, retryAfterMs: info.retryAfter }, 'REST rate limit: a request is held back');
    return false; // wait and retry, as discord.js does by default
  };
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: { ...(discord.apiUrl ? { api: discord.apiUrl } : {}), rejectOnRateLimit },
    makeCache: BOUNDED_CACHES,
  });
  client.once(Events.ClientReady, (ready) => logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, `Logged in as ${ready.user.tag}, in ${ready.guilds.cache.size} server(s)`));
  client.on(Events.ShardReady, (shard, unavailable) => {
    metrics?.gatewayEvent('ready');
    logger.info({ shard, unavailableGuilds: unavailable?.size ?? 0 }, `shard ${shard} ready`);
  });
  client.on(Events.ShardDisconnect, (event, shard) => {
    metrics?.gatewayEvent('disconnect');
    logger.warn({ shard, code: event.code }, `shard ${shard} disconnected (close code ${event.code}); it will not reconnect`);
  });
  client.on(Events.ShardReconnecting, (shard) => {
    metrics?.gatewayEvent('reconnecting');
    logger.warn({ shard }, `shard ${shard} reconnecting`);
  });
  client.on(Events.ShardResume, (shard, replayed) => {
    metrics?.gatewayEvent('resumed');
    logger.info({ shard, replayed }, `shard ${shard} resumed (${replayed} event(s) replayed)`);
  });
  client.on(Events.Invalidated, () => {
    metrics?.gatewayEvent('invalidated');
    logger.error('the gateway session was invalidated');
  });
  client.on(Events.ShardError, (error, shard) => {
    metrics?.error('gateway');
    logger.warn({ err: error, shard }, `shard ${shard} connection error`);
  });
  client.on(Events.Error, (error) => {
    metrics?.error('client');
    logger.error({ err: error }, 'discord.js error');
  });
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.InteractionCreate, (interaction) => {
    void routeInteraction(interaction, bot, logger, hooks).catch((error: unknown) => logger.error({ err: error, interaction: interaction.id }, 'interaction failed'));
  });
  return client;
}

const RESTARTING = {
  en: 'The bot is restarting; please try again in a few seconds.',
  id: 'Bot sedang dimulai ulang; silakan coba lagi beberapa detik lagi.',
};

/**
 * Hands one interaction to the registry and writes its one log line: id, type, command,
 * guild, shard, latency and outcome (answered, curated, abstained, refused, error).
 * During a shutdown new interactions are told to try again instead of being dropped.
 */
export async function routeInteraction(interaction: Interaction, bot: Bot, logger: Logger, hooks: ClientHooks = {}): Promise<void> {
  const started = performance.now();
  const { type, command } = describe(interaction);
  const run = async (): Promise<Outcome> => {
    if (hooks.inFlight?.draining) return refuseWhileDraining(interaction);
    return dispatch(interaction, bot, (error) => {
      hooks.metrics?.error('reply');
      logger.warn({ err: error, interaction: interaction.id }, 'a reply could not be sent');
    });
  };
  let outcome: Outcome = 'error';
  try {
    outcome = await (hooks.inFlight ? hooks.inFlight.track(run()) : run());
  } finally {
    const seconds = (performance.now() - started) / 1000;
    hooks.metrics?.interaction(type, command, outcome, seconds);
    logger.info(
      { interaction: interaction.id, type, command, guild: interaction.guildId ?? null, shard: interaction.guild?.shardId ?? 0, ms: Math.round(seconds * 10_000) / 10, outcome },
      `${type} ${command}: ${outcome}`,
    );
  }
}

async function dispatch(interaction: Interaction, bot: Bot, onError: (error: unknown) => void): Promise<Outcome> {
  if (interaction.isChatInputCommand()) return bot.registry.runCommand(commandContext(interaction, onError));
  if (interaction.isAutocomplete()) {
    const choices = await bot.registry.runAutocomplete(autocompleteContext(interaction));
    await interaction.respond(choices);
    return 'answered';
  }
  if (interaction.isButton() || interaction.isModalSubmit()) return bot.registry.runComponent(componentContext(interaction, onError));
  return 'refused';
}

async function refuseWhileDraining(interaction: Interaction): Promise<Outcome> {
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) await interaction.reply({ content: t(languageOf(interaction.locale), RESTARTING), flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
  return 'refused';
}

function describe(interaction: Interaction): { type: InteractionType; command: string } {
  if (interaction.isChatInputCommand()) return { type: 'command', command: interaction.commandName };
  if (interaction.isAutocomplete()) return { type: 'autocomplete', command: interaction.commandName };
  if (interaction.isButton()) return { type: 'button', command: interaction.customId.split(':')[0]! };
  if (interaction.isModalSubmit()) return { type: 'modal', command: interaction.customId.split(':')[0]! };
  return { type: 'command', command: 'unknown' };
}
