/**
 * A loopback fake of Discord's HTTP API (v10) and gateway, good enough to drive
 * the REAL discord.js 14 `Client` (and `@discordjs/rest`'s `REST`) in tests
 * without touching the internet.
 *
 * - HTTP and gateway share one port on 127.0.0.1 (gateway = WebSocket upgrade on any path).
 * - Every HTTP request is recorded (`requests`) *before* its response is written, so after
 *   `await interaction.reply(...)` the callback is already in `fake.requests`.
 * - Interaction responses are stateful per interaction (acknowledged? original message?
 *   follow-ups?) and enforce the Discord rules bots most often get wrong: double
 *   acknowledgement (40060), follow-up/edit before acknowledgement (10015/10008),
 *   empty messages (50006) and length limits (50035 Invalid Form Body).
 *
 * - Attachments: `hostAttachment({ filename, data })` serves a file as Discord's CDN would
 *   (GET `/attachments/...` on the same port) and returns the attachment object to put in
 *   an interaction's `resolved.attachments` (`chatInput({ attachments })`, `opt.attachment`).
 *
 * Beside this file: fakeDiscordTypes.ts (what tests see of the fake), fakeDiscordLimits.ts
 * (Discord's server-side limits and error replies), fakeDiscordMessages.ts (the response
 * messages it keeps) and fakeDiscordHttp.ts (reading request bodies).
 *
 * Typical use:
 *   const fake = await startFakeDiscord();
 *   const client = await createTestClient(fake);          // tests/support/client.ts
 *   fake.dispatchInteraction(chatInput({ name: 'tanya' })); // tests/support/interactions.ts
 *   const cb = await fake.waitForCallback(id);
 *   await destroyTestClient(client); await fake.close();  // client first, then the fake
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  GatewayDispatchEvents,
  GatewayOpcodes,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplication,
  type ApplicationFlags,
  type APIApplicationCommand,
  type APIInteraction,
  type APIMessage,
  type GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import {
  DEFAULT_APPLICATION_ID,
  DEFAULT_GUILD_ID,
  TEXT_CHANNEL_ID,
  makeBotUser,
  makeGuildCreate,
  snowflake,
} from './discordFixtures.js';
import { flattenHeaders, parseBody, readBody, safeDecode } from './fakeDiscordHttp.js';
import { applyEdit, makeMessage, type MessageAuthor } from './fakeDiscordMessages.js';
import { apiError, invalidFormBody, isEmptyMessage, validateChoices, validateMessageData, validateModal, type ErrorTree } from './fakeDiscordLimits.js';
import type { FakeDiscord, FakeDiscordOptions, FakeReply, HostedFile, InterceptReply, RecordedRequest } from './fakeDiscordTypes.js';

export type { FakeDiscord, FakeDiscordOptions, FakeReply, HostedFile, InteractionResponseState, InterceptReply, RecordedFile, RecordedRequest } from './fakeDiscordTypes.js';

const API_PREFIX = '/api/v10';

interface InteractionState {
  payload: APIInteraction;
  acknowledged: boolean;
  callbackType?: InteractionResponseType;
  original?: APIMessage;
  followups: Map<string, APIMessage>;
}

interface GatewayConnection {
  ws: WebSocket;
  ready: boolean;
  session?: { id: string; seq: number };
  /** `[id, count]` from IDENTIFY (or the resumed session's). */
  shard?: [number, number];
}

interface RequestWaiter {
  match: (r: RecordedRequest) => boolean;
  resolve: (r: RecordedRequest) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

interface Interceptor {
  match: (r: RecordedRequest) => boolean;
  reply: InterceptReply;
  remaining: number;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
  const guildIds = options.guilds?.length ? [...options.guilds] : [options.guildId ?? DEFAULT_GUILD_ID];
  const guildId = guildIds[0]!;
  const shardOf = (id: string, count: number) => Number((BigInt(id) >> 22n) % BigInt(count));
  const validate = options.validate ?? true;
  const heartbeatInterval = options.heartbeatIntervalMs ?? 45_000;
  const botUser = makeBotUser(applicationId);
  // baseUrl is known once the server listens, before any message is made.
  const messageAuthor: MessageAuthor = { botUser, applicationId, get attachmentBase() { return baseUrl; } };

  const requests: RecordedRequest[] = [];
  const identifyPayloads: any[] = [];
  const resumePayloads: any[] = [];
  const gatewayQueries: URLSearchParams[] = [];
  const waiters = new Set<RequestWaiter>();
  const interceptors: Interceptor[] = [];
  const interactions = new Map<string, InteractionState>();
  const interactionsByToken = new Map<string, InteractionState>();
  const connections = new Set<GatewayConnection>();
  const sessions = new Map<string, { id: string; seq: number; shard: [number, number] }>();
  const connectedWaiters = new Set<(error?: Error) => void>();
  const globalCommands: APIApplicationCommand[] = [];
  const hostedFiles = new Map<string, HostedFile & { data: Buffer }>();
  const guildCommands = new Map<string, APIApplicationCommand[]>();
  let sessionCounter = 0;
  let closed = false;
  let baseUrl = '';
  let gatewayUrl = '';

  const application: APIApplication = {
    id: applicationId,
    name: botUser.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot: botUser,
    verify_key: '0'.repeat(64),
    team: null,
    summary: '',
    flags: 0 as ApplicationFlags,
    flags_new: '0',
    approximate_guild_count: 1,
  };

  // ---------------------------------------------------------------- routes

  function handleCallback(req: RecordedRequest, id: string, token: string): FakeReply {
    const st = interactions.get(id);
    if (!st || st.payload.token !== token) return apiError(404, 10062, 'Unknown interaction');
    if (st.acknowledged) return apiError(400, 40060, 'Interaction has already been acknowledged.');
    const body = req.body ?? {};
    const type = Number(body.type) as InteractionResponseType;
    const data = body.data;
    const errors: ErrorTree = {};
    const interactionType = st.payload.type;

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        if (validate) validateMessageData(data, errors, ['data']);
        if (Object.keys(errors).length) return invalidFormBody(errors);
        if (isEmptyMessage(data, req.files)) return apiError(400, 50006, 'Cannot send an empty message');
        st.original = makeMessage(messageAuthor, st.payload, data, req.files);
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const ephemeral = Number(data?.flags ?? 0) & MessageFlags.Ephemeral;
        st.original = makeMessage(messageAuthor, st.payload, { content: '' }, [], MessageFlags.Loading | ephemeral);
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
      case InteractionResponseType.UpdateMessage: {
        if (interactionType !== InteractionType.MessageComponent && !(interactionType === InteractionType.ModalSubmit && st.payload.message)) {
          return apiError(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Interaction response type is invalid for this interaction.' }] } });
        }
        const message = st.payload.message as APIMessage;
        if (type === InteractionResponseType.UpdateMessage) {
          if (validate) validateMessageData(data, errors, ['data']);
          if (Object.keys(errors).length) return invalidFormBody(errors);
          st.original = applyEdit(messageAuthor, st.payload, message, data, req.files);
        } else {
          st.original = { ...message };
        }
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        if (interactionType !== InteractionType.ApplicationCommandAutocomplete) {
          return apiError(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'Autocomplete results are only valid for autocomplete interactions.' }] } });
        }
        if (validate) validateChoices(data, errors);
        if (Object.keys(errors).length) return invalidFormBody(errors);
        break;
      }
      case InteractionResponseType.Modal: {
        if (interactionType === InteractionType.ModalSubmit || interactionType === InteractionType.ApplicationCommandAutocomplete) {
          return apiError(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'INTERACTION_RESPONSE_TYPE_INVALID', message: 'A modal cannot be shown in response to this interaction.' }] } });
        }
        if (validate) validateModal(data, errors);
        if (Object.keys(errors).length) return invalidFormBody(errors);
        break;
      }
      default:
        return apiError(400, 50035, 'Invalid Form Body', { type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: `Value must be one of a valid interaction response type (got ${String(body.type)}).` }] } });
    }

    st.acknowledged = true;
    st.callbackType = type;
    if (req.query.get('with_response') !== 'true') return { status: 204 };
    const original = st.original;
    const hasMessage =
      type === InteractionResponseType.ChannelMessageWithSource ||
      type === InteractionResponseType.DeferredChannelMessageWithSource ||
      type === InteractionResponseType.UpdateMessage ||
      type === InteractionResponseType.DeferredMessageUpdate;
    return {
      status: 200,
      body: {
        interaction: {
          id,
          type: interactionType,
          response_message_id: hasMessage ? original?.id : undefined,
          response_message_loading: type === InteractionResponseType.DeferredChannelMessageWithSource ? true : undefined,
          response_message_ephemeral: hasMessage ? ((original?.flags ?? 0) & MessageFlags.Ephemeral) !== 0 : undefined,
        },
        resource: { type, ...(hasMessage && original ? { message: original } : {}) },
      },
    };
  }

  function handleWebhook(req: RecordedRequest, appId: string, token: string, messageId: string | undefined): FakeReply {
    const st = interactionsByToken.get(token);
    if (appId !== applicationId || !st) return apiError(404, 10015, 'Unknown Webhook');
    const errors: ErrorTree = {};

    if (messageId === undefined) {
      if (req.method !== 'POST') return apiError(405, 0, '405: Method Not Allowed');
      if (!st.acknowledged) return apiError(404, 10015, 'Unknown Webhook');
      if (validate) validateMessageData(req.body, errors, []);
      if (Object.keys(errors).length) return invalidFormBody(errors);
      if (isEmptyMessage(req.body, req.files)) return apiError(400, 50006, 'Cannot send an empty message');
      const message = makeMessage(messageAuthor, st.payload, req.body, req.files);
      st.followups.set(message.id, message);
      return { status: 200, body: message };
    }

    const isOriginal = messageId === '@original' || messageId === st.original?.id;
    const target = isOriginal ? st.original : st.followups.get(messageId);
    if (!target) return apiError(404, 10008, 'Unknown Message');
    const store = (m: APIMessage | undefined) => {
      if (isOriginal) st.original = m;
      else if (m) st.followups.set(messageId, m);
      else st.followups.delete(messageId);
    };

    switch (req.method) {
      case 'GET':
        return { status: 200, body: target };
      case 'PATCH': {
        if (validate) validateMessageData(req.body, errors, []);
        if (Object.keys(errors).length) return invalidFormBody(errors);
        const edited = applyEdit(messageAuthor, st.payload, target, req.body, req.files);
        store(edited);
        return { status: 200, body: edited };
      }
      case 'DELETE':
        store(undefined);
        return { status: 204 };
      default:
        return apiError(405, 0, '405: Method Not Allowed');
    }
  }

  function handleCommands(req: RecordedRequest, appId: string, cmdGuildId: string | undefined): FakeReply {
    if (appId !== applicationId) return apiError(403, 50001, 'Missing Access');
    const list = cmdGuildId === undefined ? globalCommands : (guildCommands.get(cmdGuildId) ?? []);
    if (req.method === 'GET') return { status: 200, body: list };
    if (req.method !== 'PUT') return apiError(405, 0, '405: Method Not Allowed');
    if (!Array.isArray(req.body)) return invalidFormBody({ _errors: [{ code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }] });
    const created = req.body.map((cmd: any) => {
      const previous = list.find((c) => c.name === cmd.name && (c.type ?? 1) === (cmd.type ?? 1));
      return {
        id: previous?.id ?? snowflake(),
        application_id: applicationId,
        version: snowflake(),
        type: 1,
        default_member_permissions: null,
        nsfw: false,
        options: [],
        ...(cmdGuildId === undefined ? {} : { guild_id: cmdGuildId }),
        ...cmd,
      } as APIApplicationCommand;
    });
    if (cmdGuildId === undefined) globalCommands.splice(0, globalCommands.length, ...created);
    else guildCommands.set(cmdGuildId, created);
    return { status: 200, body: created };
  }

  function hasBotAuth(req: RecordedRequest): boolean {
    const auth = req.headers.authorization;
    if (!auth?.startsWith('Bot ')) return false;
    const token = auth.slice(4);
    return token.length > 0 && (options.token === undefined || token === options.token);
  }

  async function route(req: RecordedRequest, rawPath: string): Promise<FakeReply> {
    for (const interceptor of [...interceptors]) {
      if (interceptor.remaining <= 0 || !interceptor.match(req)) continue;
      const reply = typeof interceptor.reply === 'function' ? await interceptor.reply(req) : interceptor.reply;
      if (!reply) continue;
      interceptor.remaining -= 1;
      if (interceptor.remaining <= 0) interceptors.splice(interceptors.indexOf(interceptor), 1);
      return reply;
    }
    return builtInRoute(req, rawPath);
  }

  function builtInRoute(req: RecordedRequest, rawPath: string): FakeReply {
    if (!rawPath.startsWith(`${API_PREFIX}/`)) return apiError(404, 0, '404: Not Found');
    const path = req.path;
    const { method } = req;
    let m: RegExpExecArray | null;

    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      if (method !== 'POST') return apiError(405, 0, '405: Method Not Allowed');
      return handleCallback(req, m[1]!, m[2]!);
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      return handleWebhook(req, m[1]!, m[2]!, m[3]);
    }

    // Everything below needs "Authorization: Bot <token>".
    if (!hasBotAuth(req)) return apiError(401, 0, '401: Unauthorized');

    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: gatewayUrl,
          shards: options.recommendedShards ?? 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/gateway') return { status: 200, body: { url: gatewayUrl } };
    if (method === 'GET' && path === '/users/@me') return { status: 200, body: botUser };
    if (method === 'GET' && path === '/applications/@me') return { status: 200, body: application };
    if ((m = /^\/applications\/(\d+)\/commands$/.exec(path))) return handleCommands(req, m[1]!, undefined);
    if ((m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(path))) return handleCommands(req, m[1]!, m[2]!);

    return apiError(404, 0, '404: Not Found');
  }

  function notifyWaiters(record: RecordedRequest): void {
    for (const waiter of [...waiters]) {
      let matched = false;
      try {
        matched = waiter.match(record);
      } catch (error) {
        waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matched) {
        waiters.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.resolve(record);
      }
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = flattenHeaders(req);
    // Routes.webhookMessage() percent-encodes '@original' as '%40original': record decoded segments.
    const pathname = url.pathname.split('/').map(safeDecode).join('/');
    const record: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: pathname.startsWith(`${API_PREFIX}/`) ? pathname.slice(API_PREFIX.length) : pathname,
      query: url.searchParams,
      body: undefined,
      files: [],
      headers,
      at,
      status: 0,
      response: undefined,
    };
    let reply: FakeReply;
    if (pathname.startsWith('/attachments/')) {
      await serveAttachment(req, res, record);
      return;
    }
    try {
      const parsed = await parseBody(await readBody(req), headers['content-type']);
      record.body = parsed.body;
      record.files = parsed.files;
      reply = await route(record, pathname);
    } catch (error) {
      reply = apiError(500, 0, `fake discord error: ${error instanceof Error ? error.message : String(error)}`);
    }
    record.status = reply.status;
    record.response = reply.body;
    requests.push(record);
    notifyWaiters(record);

    if (reply.body === undefined || reply.status === 204) {
      res.writeHead(reply.status, reply.headers);
      res.end();
    } else {
      const json = JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(json),
        ...reply.headers,
      });
      res.end(json);
    }
  }

  /** GET /attachments/<channel>/<id>/<name>: the hosted file, as a CDN serves it (no auth). */
  async function serveAttachment(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    await readBody(req);
    const id = record.path.split('/')[3] ?? '';
    const file = hostedFiles.get(id);
    const finish = (status: number) => {
      record.status = status;
      requests.push(record);
      notifyWaiters(record);
    };
    if (!file || record.method !== 'GET') {
      finish(404);
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not Found');
      return;
    }
    const status = file.status ?? 200;
    finish(status);
    res.writeHead(status, {
      'content-type': file.contentType ?? 'text/plain; charset=utf-8',
      ...(file.chunked ? {} : { 'content-length': String(file.data.length) }),
    });
    if (file.delayMs) {
      res.flushHeaders();
      await new Promise((resolveDelay) => setTimeout(resolveDelay, file.delayMs).unref());
    }
    if (res.destroyed) return;
    if (file.chunked) {
      // In pieces, so a reader that stops at its limit never needs the whole file.
      for (let at = 0; at < file.data.length && !res.destroyed; at += 16_384) {
        if (!res.write(file.data.subarray(at, at + 16_384))) await new Promise((drained) => res.once('drain', drained).once('close', drained));
      }
      res.end();
    } else res.end(file.data);
  }

  // ---------------------------------------------------------------- gateway

  function send(conn: GatewayConnection, payload: unknown): void {
    if (conn.ws.readyState === WebSocket.OPEN) conn.ws.send(JSON.stringify(payload));
  }

  function sendDispatch(conn: GatewayConnection, event: string, data: unknown): void {
    if (!conn.session) throw new Error('fake discord: dispatch on a connection without a session');
    conn.session.seq += 1;
    send(conn, { op: GatewayOpcodes.Dispatch, t: event, s: conn.session.seq, d: data });
  }

  function markReady(conn: GatewayConnection): void {
    conn.ready = true;
    for (const resolve of [...connectedWaiters]) resolve();
  }

  function tokenOk(token: unknown): boolean {
    return typeof token === 'string' && token.length > 0 && (options.token === undefined || token === options.token);
  }

  function onGatewayMessage(conn: GatewayConnection, raw: RawData): void {
    let payload: any;
    try {
      payload = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : Array.isArray(raw) ? Buffer.concat(raw).toString('utf8') : Buffer.from(raw).toString('utf8'));
    } catch {
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload?.op) {
      case GatewayOpcodes.Heartbeat:
        send(conn, { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null });
        return;
      case GatewayOpcodes.Identify: {
        if (conn.session) {
          conn.ws.close(4005, 'Already authenticated.');
          return;
        }
        identifyPayloads.push(payload.d);
        if (!tokenOk(payload.d?.token)) {
          conn.ws.close(4004, 'Authentication failed.');
          return;
        }
        if (options.identifyCloseCode !== undefined) {
          conn.ws.close(options.identifyCloseCode, 'fake discord: refused on identify');
          return;
        }
        const shard: [number, number] = Array.isArray(payload.d?.shard) ? [Number(payload.d.shard[0]), Number(payload.d.shard[1])] : [0, 1];
        if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
          conn.ws.close(4010, 'Invalid shard.');
          return;
        }
        const session = { id: `fake-session-${++sessionCounter}`, seq: 0, shard };
        sessions.set(session.id, session);
        conn.session = session;
        conn.shard = shard;
        const own = guildIds.filter((id) => shardOf(id, shard[1]) === shard[0]);
        const ready: GatewayReadyDispatchData = {
          v: 10,
          user: botUser,
          guilds: own.map((id) => ({ id, unavailable: true })),
          session_id: session.id,
          resume_gateway_url: gatewayUrl,
          shard,
          application: { id: applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
        };
        sendDispatch(conn, GatewayDispatchEvents.Ready, ready);
        for (const id of own) sendDispatch(conn, GatewayDispatchEvents.GuildCreate, makeGuildCreate(id, botUser));
        markReady(conn);
        return;
      }
      case GatewayOpcodes.Resume: {
        resumePayloads.push(payload.d);
        const session = sessions.get(payload.d?.session_id);
        if (!session || !tokenOk(payload.d?.token)) {
          send(conn, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
          return;
        }
        conn.session = session;
        conn.shard = session.shard;
        sendDispatch(conn, GatewayDispatchEvents.Resumed, {});
        markReady(conn);
        return;
      }
      default:
        // Presence updates, request guild members, voice state... are accepted and ignored.
        return;
    }
  }

  const wss = new WebSocketServer({ noServer: true });
  const server = createServer((req, res) => {
    void onRequest(req, res);
  });
  server.on('upgrade', (req, socket, head) => {
    if (closed) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
      gatewayQueries.push(query);
      const conn: GatewayConnection = { ws, ready: false };
      connections.add(conn);
      ws.on('close', () => connections.delete(conn));
      ws.on('error', () => connections.delete(conn));
      if (query.get('v') !== '10') {
        ws.close(4012, 'Invalid API version (fake supports v=10 only).');
        return;
      }
      if (query.get('encoding') !== 'json' || query.has('compress')) {
        ws.close(4012, 'Fake gateway supports encoding=json without compression only.');
        return;
      }
      ws.on('message', (raw) => onGatewayMessage(conn, raw));
      send(conn, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: heartbeatInterval }, s: null, t: null });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  gatewayUrl = `ws://127.0.0.1:${port}`;

  // ---------------------------------------------------------------- public API

  const describeRequests = () =>
    requests.length === 0 ? '(none)' : requests.map((r) => `${r.method} ${r.path} -> ${r.status}`).join('\n  ');

  const fake: FakeDiscord = {
    apiUrl: `${baseUrl}/api`,
    gatewayUrl,
    applicationId,
    botUser,
    guildId,
    requests,
    identifyPayloads,
    guildIds,
    shardOf,
    identifiedShards: () => [...connections].filter((c) => c.ready && c.shard && c.ws.readyState === WebSocket.OPEN).map((c) => c.shard!),
    resumePayloads,
    gatewayQueries,

    waitForRequest(match, timeoutMs = 2000) {
      let existing: RecordedRequest | undefined;
      try {
        existing = requests.find(match);
      } catch (error) {
        return Promise.reject(error);
      }
      if (existing) return Promise.resolve(existing);
      if (closed) return Promise.reject(new Error('fake discord is closed'));
      return new Promise<RecordedRequest>((resolve, reject) => {
        const waiter: RequestWaiter = {
          match,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`fake discord: no matching request within ${timeoutMs} ms. Recorded:\n  ${describeRequests()}`));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },

    waitForCallback(interactionId, timeoutMs) {
      const prefix = `/interactions/${interactionId}/`;
      return fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(prefix) && r.path.endsWith('/callback'), timeoutMs);
    },

    requestsFor({ id, token }) {
      const callback = `/interactions/${id}/`;
      const webhook = `/webhooks/${applicationId}/${token}`;
      return requests.filter(
        (r) => r.path.startsWith(callback) || r.path === webhook || r.path.startsWith(`${webhook}/`),
      );
    },

    interactionResponse(interactionId) {
      const st = interactions.get(interactionId);
      if (!st) return undefined;
      return {
        interaction: st.payload,
        acknowledged: st.acknowledged,
        callbackType: st.callbackType,
        original: st.original,
        followups: [...st.followups.values()],
      };
    },

    clearRequests() {
      requests.length = 0;
    },

    intercept(match, reply, { times = Number.POSITIVE_INFINITY } = {}) {
      const interceptor: Interceptor = { match, reply, remaining: times };
      interceptors.push(interceptor);
      return () => {
        const index = interceptors.indexOf(interceptor);
        if (index !== -1) interceptors.splice(index, 1);
      };
    },

    dispatch(event, data) {
      if (closed) throw new Error('fake discord is closed');
      if (event === GatewayDispatchEvents.InteractionCreate) {
        const payload = data as APIInteraction;
        const st: InteractionState = { payload, acknowledged: false, followups: new Map() };
        interactions.set(payload.id, st);
        interactionsByToken.set(payload.token, st);
      }
      let targets = [...connections].filter((c) => c.ready && c.ws.readyState === WebSocket.OPEN);
      // An event of a guild goes to the shard that owns the guild (DMs: shard 0), as on Discord.
      const eventGuild = (data as { guild_id?: string } | null)?.guild_id;
      if (targets.some((c) => c.shard && c.shard[1] > 1)) {
        targets = targets.filter((c) => !c.shard || c.shard[0] === (eventGuild ? shardOf(eventGuild, c.shard[1]) : 0));
      }
      if (targets.length === 0) {
        throw new Error(`fake discord: cannot dispatch ${event}: no identified gateway connection for it (did the client log in? which shard owns guild ${eventGuild}?)`);
      }
      for (const conn of targets) sendDispatch(conn, event, data);
    },

    dispatchInteraction(payload) {
      fake.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    },

    hostAttachment(file) {
      const id = snowflake();
      const data = Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data, 'utf8');
      hostedFiles.set(id, { ...file, data });
      const signature = `ex=${(Date.now() / 1000 + 86_400).toString(16).split('.')[0]}&is=0&hm=${'f'.repeat(64)}&`;
      const url = `${baseUrl}/attachments/${TEXT_CHANNEL_ID}/${id}/${encodeURIComponent(file.filename)}?${signature}`;
      return {
        id,
        filename: file.filename,
        size: file.declaredSize ?? data.length,
        url,
        proxy_url: url,
        content_type: file.contentType ?? 'text/plain; charset=utf-8',
      };
    },

    connected(timeoutMs = 5000) {
      if ([...connections].some((c) => c.ready && c.ws.readyState === WebSocket.OPEN)) return Promise.resolve();
      if (closed) return Promise.reject(new Error('fake discord is closed'));
      return new Promise<void>((resolve, reject) => {
        const done = (error?: Error) => {
          clearTimeout(timer);
          connectedWaiters.delete(done);
          if (error) reject(error);
          else resolve();
        };
        const timer = setTimeout(
          () => done(new Error(`fake discord: no gateway connection became ready within ${timeoutMs} ms`)),
          timeoutMs,
        );
        connectedWaiters.add(done);
      });
    },

    disconnectGateway(code = 4000) {
      for (const conn of connections) {
        conn.ready = false;
        conn.ws.close(code, 'fake discord: forced disconnect');
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('fake discord closed while waiting for a request'));
      }
      waiters.clear();
      for (const done of [...connectedWaiters]) done(new Error('fake discord closed while waiting for a connection'));
      for (const conn of connections) conn.ws.terminate();
      connections.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
