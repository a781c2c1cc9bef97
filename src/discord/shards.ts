import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { aggregateMetrics, startMetricsServer, type MetricsSnapshot } from './metrics.js';
import { EXIT_GATEWAY_REFUSED, type MetricsResponse } from './runBot.js';

/** How long a shard process may take from spawn to READY. */
const SHARD_READY_TIMEOUT_MS = 60_000;
/** Pause before restarting a shard process that died. */
const RESPAWN_DELAY_MS = 2_000;
/** How long a shutdown waits for the shard processes to drain and exit. */
const STOP_TIMEOUT_MS = 15_000;

/**
 * DISCORD_SHARDS set: discord.js's ShardingManager starts one process per shard (each
 * runs `entry`, the same program, as a shard: discord.js gives it SHARDS and SHARD_COUNT),
 * all sharing DATA_DIR (SQLite in WAL mode across processes). This process supervises:
 * it restarts a shard that dies, stops everything when a shard is refused by Discord
 * (bad token, intents), forwards SIGINT/SIGTERM so every shard drains, and serves the
 * summed metrics of all shards when METRICS_PORT is set.
 */
export async function runShardManager(config: Config, logger: Logger, entry: string, exit: (code: number) => Promise<never>): Promise<void> {
  const discord = config.discord!;
  const totalShards = discord.shards === 'auto' ? await recommendedShardCount(discord) : discord.shards!;
  const manager = new ShardingManager(entry, {
    totalShards,
    token: discord.token,
    mode: 'process',
    respawn: false, // restarts are decided below: a refused token must not restart forever
    execArgv: process.execArgv,
  });
  let stopping: Promise<never> | undefined;
  const stop = (reason: string, code: number): Promise<never> =>
    (stopping ??= (async () => {
      logger.info({ reason }, `${reason}: stopping ${manager.shards.size} shard process(es)`);
      await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard)));
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      return exit(code);
    })());

  const exits = new Set<Promise<unknown>>();
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, totalShards }, `shard ${shard.id}/${totalShards}: starting its process`);
    shard.on('spawn', (child) => void exits.add(new Promise((resolve) => child.once('exit', resolve))));
    shard.on('ready', () => logger.info({ shard: shard.id }, `shard ${shard.id}: ready`));
    shard.on('death', (child) => {
      if (stopping) return;
      const code = (child as ChildProcess).exitCode;
      if (code === EXIT_GATEWAY_REFUSED) {
        logger.fatal({ shard: shard.id, code }, `shard ${shard.id} was refused by Discord (see its log line above); stopping every shard`);
        void stop(`shard ${shard.id} refused`, EXIT_GATEWAY_REFUSED);
        return;
      }
      logger.error({ shard: shard.id, code, signal: (child as ChildProcess).signalCode }, `shard ${shard.id}: process died; restarting it in ${RESPAWN_DELAY_MS} ms`);
      setTimeout(() => {
        if (!stopping) shard.spawn(SHARD_READY_TIMEOUT_MS).catch((error: unknown) => logger.error({ err: error, shard: shard.id }, `shard ${shard.id}: restart failed`));
      }, RESPAWN_DELAY_MS).unref();
    });
  });
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));

  let server: Server | undefined;
  if (config.metrics) {
    const healthy = () => manager.shards.size === totalShards && [...manager.shards.values()].every((shard) => shard.ready);
    server = await startMetricsServer(config.metrics.port, config.metrics.host, { metrics: () => collectMetrics(manager), healthy }, logger);
  }
  try {
    await manager.spawn({ amount: totalShards, delay: discord.shardSpawnDelayMs, timeout: SHARD_READY_TIMEOUT_MS });
  } catch (error) {
    // A shard refused by Discord disconnects before READY, then exits with its own code:
    // wait for that (its death handler decides) before calling it a start-up failure.
    await Promise.race([Promise.all([...exits]), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    if (stopping) return void (await stopping);
    await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard)));
    throw error;
  }
  logger.info({ totalShards }, `all ${totalShards} shard(s) ready`);
}

/** DISCORD_SHARDS=auto: Discord's recommendation, asked through the configured REST base. */
async function recommendedShardCount(discord: NonNullable<Config['discord']>): Promise<number> {
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

/** SIGTERM to the shard's process (it drains, then exits), then SIGKILL if it takes too long. */
async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  shard.kill();
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

let nextRequest = 0;

/** Asks every shard process for its metrics over IPC and sums them. */
async function collectMetrics(manager: ShardingManager): Promise<string> {
  const snapshots = await Promise.all(
    [...manager.shards.values()].map(
      (shard) =>
        new Promise<MetricsSnapshot>((resolve, reject) => {
          const id = ++nextRequest;
          const timer = setTimeout(() => {
            shard.off('message', onMessage);
            reject(new Error(`shard ${shard.id} did not send its metrics`));
          }, 5_000);
          const onMessage = (message: Partial<MetricsResponse>) => {
            if (message?.type !== 'bot:metrics' || message.id !== id) return;
            clearTimeout(timer);
            shard.off('message', onMessage);
            resolve(message.snapshot as MetricsSnapshot);
          };
          shard.on('message', onMessage);
          shard.send({ type: 'bot:metrics-request', id }).catch(reject);
        }),
    ),
  );
  return aggregateMetrics(snapshots);
}
