import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AggregatorRegistry, collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One process's metrics as `registry.getMetricsAsJSON()` gives them (sent over IPC by shards). */
export type MetricsSnapshot = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;
import type { Outcome } from '../bot/command.js';
import type { Logger } from '../config/logger.js';

export type InteractionType = 'command' | 'autocomplete' | 'button' | 'modal';

/**
 * The bot's Prometheus metrics (prom-client), in a registry of its own: interactions by
 * outcome, questions (answered, curated, abstained), latencies as histograms, errors,
 * gateway events and REST rate limits, plus Node's process metrics.
 */
export class BotMetrics {
  readonly registry = new Registry();
  private readonly interactions = new Counter({
    name: 'bot_interactions_total',
    help: 'Interactions handled, by type, command and outcome (answered, curated, abstained, refused, error)',
    labelNames: ['type', 'command', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly questions = new Counter({
    name: 'bot_questions_total',
    help: '/ask questions by outcome: answered from the articles, curated (a moderator\'s answer), abstained, refused or error',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'bot_interaction_duration_seconds',
    help: 'Time from receiving an interaction to its last reply, by type and command',
    labelNames: ['type', 'command'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'bot_errors_total',
    help: 'Errors by source: interaction (a handler threw), reply (a reply could not be sent), gateway, client',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });
  private readonly gateway = new Counter({
    name: 'bot_gateway_events_total',
    help: 'Gateway connection events: ready, disconnect, reconnecting, resumed, invalidated',
    labelNames: ['event'] as const,
    registers: [this.registry],
  });
  private readonly rateLimits = new Counter({
    name: 'bot_rest_rate_limits_total',
    help: 'REST requests held back by a Discord rate limit (global or per route)',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  interaction(type: InteractionType, command: string, outcome: Outcome, seconds: number): void {
    this.interactions.inc({ type, command, outcome });
    this.latency.observe({ type, command }, seconds);
    if (type === 'command' && command === 'ask') this.questions.inc({ outcome });
    if (outcome === 'error') this.errors.inc({ source: 'interaction' });
  }

  error(source: 'reply' | 'gateway' | 'client'): void {
    this.errors.inc({ source });
  }

  gatewayEvent(event: 'ready' | 'disconnect' | 'reconnecting' | 'resumed' | 'invalidated'): void {
    this.gateway.inc({ event });
  }

  rateLimited(global: boolean): void {
    this.rateLimits.inc({ scope: global ? 'global' : 'route' });
  }
}

/** Shard processes' metrics, as sent to the manager, summed into one exposition. */
export async function aggregateMetrics(perShard: MetricsSnapshot[]): Promise<string> {
  return AggregatorRegistry.aggregate(perShard).metrics();
}

export interface MetricsSource {
  metrics(): Promise<string>;
  /** True once every shard is connected to the gateway. */
  healthy(): boolean;
}

/**
 * GET /metrics (Prometheus text format) and GET /healthz (200 when connected, 503 when
 * not), on `host` (127.0.0.1 by default: metrics are for the operator, not the world).
 */
export async function startMetricsServer(port: number, host: string, source: MetricsSource, logger: Logger): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/healthz') {
      const ok = source.healthy();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
    } else if (path === '/metrics') {
      source.metrics().then(
        (text) => res.writeHead(200, { 'content-type': Registry.PROMETHEUS_CONTENT_TYPE }).end(text),
        (error: unknown) => {
          logger.warn({ err: error }, 'could not collect the metrics');
          res.writeHead(500).end();
        },
      );
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  logger.info({ host: address.address, port: address.port }, `metrics on http://${host}:${address.port}/metrics, health on /healthz`);
  return server;
}
