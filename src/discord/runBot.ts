import type { Server } from 'node:http';
import { Events, GatewayCloseCodes, Status, type Client } from 'discord.js';
import { startBot } from '../bot/startup.js';
import { warmUp } from '../bot/warmUp.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { createDiscordClient } from './client.js';
import { InFlight } from './inFlight.js';
import { BotMetrics, startMetricsServer } from './metrics.js';

/** Exit code when Discord refuses the connection for a reason a restart cannot fix (EX_CONFIG). */
export const EXIT_GATEWAY_REFUSED = 78;
/** How long a shutdown waits for interactions in flight before closing anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

/** Gateway close codes that no reconnect can fix, with what to do about each. */
const FATAL_CLOSE_CODES: Record<number, string> = {
  [GatewayCloseCodes.AuthenticationFailed]: 'Discord refused the bot token (gateway close 4004, authentication failed): reset it in the Developer Portal (Bot > Reset Token) and set DISCORD_TOKEN again.',
  [GatewayCloseCodes.InvalidShard]: 'Discord refused the shard (gateway close 4010, invalid shard): check DISCORD_SHARDS.',
  [GatewayCloseCodes.ShardingRequired]: 'Discord requires sharding for this bot (gateway close 4011): set DISCORD_SHARDS=auto.',
  [GatewayCloseCodes.InvalidAPIVersion]: 'Discord refused the gateway API version (gateway close 4012): update discord.js.',
  [GatewayCloseCodes.InvalidIntents]: 'Discord refused the gateway intents (gateway close 4013, invalid intents): this is a bug in the bot; please report it.',
  [GatewayCloseCodes.DisallowedIntents]:
    'Discord refused the gateway intents (gateway close 4014, disallowed intents): the bot asks only for Guilds; check the application in the Developer Portal (Bot > Privileged Gateway Intents).',
};

/** True in a process started by discord.js's ShardingManager. */
export function isShardProcess(): boolean {
  return process.env.SHARDING_MANAGER === 'true';
}

/**
 * The bot on Discord, in this process: services, client, optional metrics server, and
 * the lifecycle. SIGINT/SIGTERM stop taking new interactions, wait for those in flight
 * (up to DRAIN_TIMEOUT_MS), then close the client and the database. A gateway close that
 * no reconnect can fix ends the process with a message and EXIT_GATEWAY_REFUSED.
 */
export async function runDiscordBot(config: Config, logger: Logger, exit: (code: number) => Promise<never>): Promise<void> {
  const discord = config.discord!;
  const bot = await startBot(config, logger);
  const inFlight = new InFlight();
  const metrics = new BotMetrics();
  const client = createDiscordClient(discord, bot, logger, { inFlight, metrics });
  let server: Server | undefined;
  const warming = new AbortController();

  let stopping: Promise<never> | undefined;
  const stop = (reason: string, code: number): Promise<never> =>
    (stopping ??= (async () => {
      logger.info({ reason, inFlight: inFlight.size }, `${reason}: shutting down`);
      warming.abort();
      const drained = await inFlight.drain(DRAIN_TIMEOUT_MS);
      if (!drained) logger.warn({ inFlight: inFlight.size }, `${inFlight.size} interaction(s) still running after ${DRAIN_TIMEOUT_MS} ms; closing anyway`);
      await client.destroy().catch((error: unknown) => logger.warn({ err: error }, 'closing the Discord client failed'));
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      bot.close();
      return exit(code);
    })());

  client.on(Events.ShardDisconnect, (event, shard) => {
    const why = FATAL_CLOSE_CODES[event.code] ?? `Discord closed the gateway connection with code ${event.code}, which cannot be resumed.`;
    logger.fatal({ shard, code: event.code }, why);
    void stop(`gateway close ${event.code}`, EXIT_GATEWAY_REFUSED);
  });
  if (config.warmUp) {
    client.once(Events.ClientReady, (ready) => {
      const onError = (error: unknown) => logger.warn({ err: error }, 'a warm-up step failed; the first question that needs it builds it');
      void warmUp(bot.services, [...ready.guilds.cache.keys()], { onError, signal: warming.signal })
        .then(({ guilds, ms }) => logger.info({ guilds, ms }, `warmed up in ${ms} ms (${guilds} server(s) with curated answers or articles)`))
        .catch((error: unknown) => logger.warn({ err: error }, 'warm-up failed'));
    });
  }
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));

  if (isShardProcess()) {
    answerMetricsRequests(metrics);
    // The manager went away (killed): do not keep a gateway connection nobody supervises.
    process.once('disconnect', () => void stop('sharding manager gone', 0));
  } else if (config.metrics) {
    server = await startMetricsServer(config.metrics.port, config.metrics.host, { metrics: () => metrics.registry.metrics(), healthy: () => allShardsReady(client) }, logger);
  }
  try {
    await client.login(discord.token);
  } catch (error) {
    // After a refused gateway close, login rejects too: the shutdown already under way decides.
    if (stopping) await stopping;
    throw error;
  }
}

function allShardsReady(client: Client): boolean {
  return client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready);
}

/** Messages between the sharding manager and a shard process about metrics. */
interface MetricsRequest {
  type: 'bot:metrics-request';
  id: number;
}
export interface MetricsResponse {
  type: 'bot:metrics';
  id: number;
  snapshot: unknown;
}

/** A shard process serves no HTTP: it sends its metrics to the manager, which sums them. */
function answerMetricsRequests(metrics: BotMetrics): void {
  process.on('message', (message: Partial<MetricsRequest>) => {
    if (message?.type !== 'bot:metrics-request' || typeof message.id !== 'number') return;
    const id = message.id;
    void metrics.registry.getMetricsAsJSON().then((snapshot) => process.send?.({ type: 'bot:metrics', id, snapshot } satisfies MetricsResponse));
  });
}
