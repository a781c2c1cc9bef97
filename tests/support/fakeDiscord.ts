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
  MessageType,
  type APIApplication,
  type ApplicationFlags,
  type APIApplicationCommand,
  type APIAttachment,
  type APIInteraction,
  type APIMessage,
  type APIUser,
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

export interface RecordedFile {
  /** multipart field name, e.g. `files[0]` */
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /**
   * Path without the `/api/v10` prefix and with percent-decoded segments, e.g.
   * `/interactions/123/tok/callback`, `/webhooks/app/tok/messages/@original`. Unprefixed paths are kept as-is.
   */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body, or for multipart the parsed `payload_json`; `undefined` when there is no body. */
  body: any;
  /** Files of a multipart body (empty for JSON bodies). */
  files: RecordedFile[];
  /** Lower-cased request headers. */
  headers: Record<string, string>;
  /** `performance.now()` when the request arrived. */
  at: number;
  /** Status code the fake answered with. */
  status: number;
  /** JSON body the fake answered with (undefined for 204). */
  response: unknown;
}

/** A file the fake serves as an attachment, and how (for the download's refusals and limits). */
export interface HostedFile {
  filename: string;
  data: Buffer | string;
  /** Default `text/plain; charset=utf-8`. */
  contentType?: string;
  /** The size the attachment object declares; default the data's real size (a lower one tests the byte cap). */
  declaredSize?: number;
  /** Hold the response this long before sending the body (a slow CDN, for timeouts). */
  delayMs?: number;
  /** No Content-Length: only the bytes read tell the size. */
  chunked?: boolean;
  /** HTTP status (default 200). */
  status?: number;
}

export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A function reply may be async: a Promise holds the HTTP response until it settles. */
export type InterceptReply = FakeReply | ((request: RecordedRequest) => FakeReply | undefined | Promise<FakeReply | undefined>);

/** Server-side view of how an interaction was answered. */
export interface InteractionResponseState {
  interaction: APIInteraction;
  acknowledged: boolean;
  /** InteractionResponseType of the callback (4 reply, 5 defer, 6 deferUpdate, 7 update, 8 autocomplete, 9 modal). */
  callbackType?: InteractionResponseType;
  /** The `@original` response message as it currently stands (after edits). */
  original?: APIMessage;
  followups: APIMessage[];
}

export interface FakeDiscord {
  /** e.g. `http://127.0.0.1:PORT/api` -> `new Client({ rest: { api } })` or `new REST({ api })`. */
  apiUrl: string;
  /** e.g. `ws://127.0.0.1:PORT` (also what GET /gateway/bot returns). */
  gatewayUrl: string;
  applicationId: string;
  botUser: APIUser;
  guildId: string;
  /** All HTTP requests in arrival order (mutable; `clearRequests()` empties it). */
  requests: RecordedRequest[];
  /** IDENTIFY `d` payloads (contain the token: assert on them, never log them). */
  identifyPayloads: any[];
  /** Every guild the bot is in (the `guilds` option, or the one `guildId`). */
  guildIds: string[];
  /** The shard `[id, count]` of each identified, open gateway connection. */
  identifiedShards(): [number, number][];
  /** Which shard a guild belongs to with `count` shards: (guild_id >> 22) % count, as Discord computes it. */
  shardOf(guildId: string, count: number): number;
  /** RESUME `d` payloads (contain the token). */
  resumePayloads: any[];
  /** Query strings of gateway connections (`v=10&encoding=json`). */
  gatewayQueries: URLSearchParams[];
  /** Resolves with the first already-recorded or future request matching `match`. Default timeout 2000 ms. */
  waitForRequest(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** `waitForRequest` for `POST /interactions/:interactionId/:token/callback`. */
  waitForCallback(interactionId: string, timeoutMs?: number): Promise<RecordedRequest>;
  /** Requests belonging to one interaction: its callback plus its webhook (follow-up / edit / fetch / delete) calls. */
  requestsFor(interaction: { id: string; token: string }): RecordedRequest[];
  /** How the fake currently sees the interaction's responses (original message after edits, follow-ups). */
  interactionResponse(interactionId: string): InteractionResponseState | undefined;
  clearRequests(): void;
  /**
   * Overrides the answer for matching requests (checked before the built-in routes), e.g. to
   * simulate `{ status: 404, body: { message: 'Unknown interaction', code: 10062 } }`.
   * A function reply may return undefined to fall through. Returns a function that removes it.
   */
  intercept(match: (r: RecordedRequest) => boolean, reply: InterceptReply, options?: { times?: number }): () => void;
  /** Sends a DISPATCH (op 0, increasing `s`) to every identified gateway connection. Throws if there is none. */
  dispatch(event: string, data: unknown): void;
  /** `dispatch('INTERACTION_CREATE', payload)`; also registers the interaction so its callbacks are accepted. */
  dispatchInteraction(payload: APIInteraction): void;
  /**
   * Serves `file` at an attachment URL of this fake (as cdn.discordapp.com would, with a
   * signed-looking query string) and returns the attachment object for `resolved.attachments`.
   * Downloads are recorded in `requests` (`GET /attachments/...`).
   */
  hostAttachment(file: HostedFile): APIAttachment;
  /** Resolves once some connection is identified (READY + GUILD_CREATE sent) or resumed. Default timeout 5000 ms. */
  connected(timeoutMs?: number): Promise<void>;
  /** Closes every gateway socket with `code` (default 4000 => discord.js resumes after ~500 ms). */
  disconnectGateway(code?: number): void;
  close(): Promise<void>;
}

export interface FakeDiscordOptions {
  guildId?: string;
  applicationId?: string;
  /** If set, bot-authenticated routes and IDENTIFY/RESUME require exactly this token. Default: any non-empty token. */
  token?: string;
  /** Enforce Discord's message/embed/choice/modal limits (400, code 50035). Default true. */
  validate?: boolean;
  /** HELLO heartbeat_interval. Default 45000 (no heartbeat happens during a normal test). */
  heartbeatIntervalMs?: number;
  /** Guilds the bot is in (default [guildId]); each shard gets the READY and GUILD_CREATEs of its own. */
  guilds?: string[];
  /** The shard count GET /gateway/bot recommends (default 1). */
  recommendedShards?: number;
  /** Answer every IDENTIFY by closing the socket with this code (e.g. 4004, 4014), as Discord does. */
  identifyCloseCode?: number;
}

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

function apiError(status: number, code: number, message: string, errors?: unknown): FakeReply {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

const invalidFormBody = (errors: Record<string, unknown>) => apiError(400, 50035, 'Invalid Form Body', errors);

// ---------------------------------------------------------------------------------------------
// Validation of message-like payloads (the limits Discord enforces server-side)
// ---------------------------------------------------------------------------------------------

type ErrorTree = Record<string, unknown>;

function addError(tree: ErrorTree, path: (string | number)[], code: string, message: string): void {
  let node: ErrorTree = tree;
  for (const key of path) {
    const k = String(key);
    node[k] ??= {};
    node = node[k] as ErrorTree;
  }
  const list = (node._errors ??= []) as { code: string; message: string }[];
  list.push({ code, message });
}

const len = (s: unknown): number => (typeof s === 'string' ? [...s].length : 0);

function checkMax(tree: ErrorTree, path: (string | number)[], value: unknown, max: number): void {
  if (len(value) > max) addError(tree, path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
}

function validateMessageData(data: any, tree: ErrorTree, base: (string | number)[]): void {
  if (!data || typeof data !== 'object') return;
  checkMax(tree, [...base, 'content'], data.content, 2000);
  if (Array.isArray(data.embeds)) {
    if (data.embeds.length > 10) addError(tree, [...base, 'embeds'], 'BASE_TYPE_MAX_LENGTH', 'Must be 10 or fewer in length.');
    let total = 0;
    data.embeds.forEach((embed: any, i: number) => {
      const p = [...base, 'embeds', i];
      checkMax(tree, [...p, 'title'], embed?.title, 256);
      checkMax(tree, [...p, 'description'], embed?.description, 4096);
      checkMax(tree, [...p, 'footer', 'text'], embed?.footer?.text, 2048);
      checkMax(tree, [...p, 'author', 'name'], embed?.author?.name, 256);
      total += len(embed?.title) + len(embed?.description) + len(embed?.footer?.text) + len(embed?.author?.name);
      const fields: any[] = Array.isArray(embed?.fields) ? embed.fields : [];
      if (fields.length > 25) addError(tree, [...p, 'fields'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
      fields.forEach((field, j) => {
        for (const [key, max] of [['name', 256], ['value', 1024]] as const) {
          if (typeof field?.[key] !== 'string' || field[key].length === 0) {
            addError(tree, [...p, 'fields', j, key], 'BASE_TYPE_REQUIRED', 'This field is required');
          } else checkMax(tree, [...p, 'fields', j, key], field[key], max);
          total += len(field?.[key]);
        }
      });
    });
    if (total > 6000) addError(tree, [...base, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', 'Embed size exceeds maximum size of 6000');
  }
  const isComponentsV2 = ((data.flags ?? 0) & MessageFlags.IsComponentsV2) !== 0;
  if (Array.isArray(data.components) && !isComponentsV2) {
    if (data.components.length > 5) addError(tree, [...base, 'components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
    data.components.forEach((row: any, i: number) => {
      const children: any[] = Array.isArray(row?.components) ? row.components : [];
      if (children.length > 5) addError(tree, [...base, 'components', i, 'components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
      children.forEach((c, j) => {
        checkMax(tree, [...base, 'components', i, 'components', j, 'custom_id'], c?.custom_id, 100);
        checkMax(tree, [...base, 'components', i, 'components', j, 'label'], c?.label, 80);
      });
    });
  }
}

function isEmptyMessage(data: any, files: RecordedFile[]): boolean {
  if (files.length > 0) return false;
  if (!data || typeof data !== 'object') return true;
  const hasContent = typeof data.content === 'string' && data.content.trim().length > 0;
  const nonEmpty = (v: unknown) => Array.isArray(v) && v.length > 0;
  return !(hasContent || nonEmpty(data.embeds) || nonEmpty(data.components) || nonEmpty(data.attachments) || nonEmpty(data.sticker_ids) || data.poll);
}

function validateChoices(data: any, tree: ErrorTree): void {
  const choices: any[] = Array.isArray(data?.choices) ? data.choices : [];
  if (choices.length > 25) addError(tree, ['data', 'choices'], 'BASE_TYPE_MAX_LENGTH', 'Must be 25 or fewer in length.');
  choices.forEach((choice, i) => {
    if (len(choice?.name) < 1) addError(tree, ['data', 'choices', i, 'name'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
    checkMax(tree, ['data', 'choices', i, 'name'], choice?.name, 100);
    if (typeof choice?.value === 'string') checkMax(tree, ['data', 'choices', i, 'value'], choice.value, 100);
  });
}

function validateModal(data: any, tree: ErrorTree): void {
  if (len(data?.title) < 1) addError(tree, ['data', 'title'], 'BASE_TYPE_REQUIRED', 'This field is required');
  checkMax(tree, ['data', 'title'], data?.title, 45);
  if (len(data?.custom_id) < 1) addError(tree, ['data', 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
  checkMax(tree, ['data', 'custom_id'], data?.custom_id, 100);
  const components: unknown[] = Array.isArray(data?.components) ? data.components : [];
  if (components.length < 1 || components.length > 5) {
    addError(tree, ['data', 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
  }
}

// ---------------------------------------------------------------------------------------------
// Body parsing
// ---------------------------------------------------------------------------------------------

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: any; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    let body: any;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
        else (body ??= {})[field] = value;
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, name: value.name, contentType: value.type, size: data.length, data });
      }
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  if (contentType?.includes('json')) return { body: JSON.parse(text), files: [] };
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? DEFAULT_APPLICATION_ID;
  const guildIds = options.guilds?.length ? [...options.guilds] : [options.guildId ?? DEFAULT_GUILD_ID];
  const guildId = guildIds[0]!;
  const shardOf = (id: string, count: number) => Number((BigInt(id) >> 22n) % BigInt(count));
  const validate = options.validate ?? true;
  const heartbeatInterval = options.heartbeatIntervalMs ?? 45_000;
  const botUser = makeBotUser(applicationId);

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

  // ---------------------------------------------------------------- messages

  function channelIdOf(payload: APIInteraction): string {
    return payload.channel?.id ?? payload.channel_id ?? TEXT_CHANNEL_ID;
  }

  function buildAttachments(st: InteractionState, data: any, files: RecordedFile[], existing: APIAttachment[]): APIAttachment[] {
    const byField = new Map(files.map((f) => [f.field, f]));
    const fromFile = (file: RecordedFile, description?: string): APIAttachment => {
      const id = snowflake();
      const url = `${baseUrl}/attachments/${channelIdOf(st.payload)}/${id}/${encodeURIComponent(file.name)}`;
      return {
        id,
        filename: file.name,
        size: file.size,
        url,
        proxy_url: url,
        content_type: file.contentType || undefined,
        ...(description ? { description } : {}),
      };
    };
    if (Array.isArray(data?.attachments)) {
      const out: APIAttachment[] = [];
      for (const a of data.attachments) {
        const kept = existing.find((e) => e.id === String(a.id));
        if (kept) out.push(kept);
        else {
          const file = byField.get(`files[${a.id}]`);
          if (file) out.push(fromFile({ ...file, name: a.filename ?? file.name }, a.description));
        }
      }
      return out;
    }
    return [...existing, ...files.map((f) => fromFile(f))];
  }

  function makeMessage(st: InteractionState, data: any, files: RecordedFile[], extraFlags = 0): APIMessage {
    const p = st.payload;
    const user = (p.member?.user ?? p.user) as APIUser;
    return {
      id: snowflake(),
      channel_id: channelIdOf(p),
      author: botUser,
      content: typeof data?.content === 'string' ? data.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: Boolean(data?.tts),
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: buildAttachments(st, data, files, []),
      embeds: Array.isArray(data?.embeds) ? data.embeds : [],
      components: Array.isArray(data?.components) ? data.components : [],
      pinned: false,
      type: p.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
      flags: (Number(data?.flags ?? 0) | extraFlags) as MessageFlags,
      webhook_id: applicationId,
      application_id: applicationId,
      interaction_metadata: {
        id: p.id,
        type: p.type,
        user,
        authorizing_integration_owners: p.authorizing_integration_owners,
      } as APIMessage['interaction_metadata'],
    };
  }

  function applyEdit(st: InteractionState, message: APIMessage, data: any, files: RecordedFile[]): APIMessage {
    const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
    const next: APIMessage = { ...message };
    if (data && typeof data === 'object') {
      if ('content' in data) next.content = data.content ?? '';
      if ('embeds' in data) next.embeds = data.embeds ?? [];
      if ('components' in data) next.components = data.components ?? [];
      if ('poll' in data && data.poll) next.poll = data.poll;
      if ('flags' in data && data.flags != null) {
        const keep = (message.flags ?? 0) & MessageFlags.Ephemeral;
        const changeable = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
        next.flags = (keep | (Number(data.flags) & changeable)) as MessageFlags;
      }
    }
    if ('attachments' in (data ?? {}) || files.length > 0) {
      next.attachments = buildAttachments(st, data, files, message.attachments);
    }
    next.flags = ((next.flags ?? 0) & ~MessageFlags.Loading) as MessageFlags;
    next.edited_timestamp = wasLoading ? null : new Date().toISOString();
    return next;
  }

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
        st.original = makeMessage(st, data, req.files);
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const ephemeral = Number(data?.flags ?? 0) & MessageFlags.Ephemeral;
        st.original = makeMessage(st, { content: '' }, [], MessageFlags.Loading | ephemeral);
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
          st.original = applyEdit(st, message, data, req.files);
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
      const message = makeMessage(st, req.body, req.files);
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
        const edited = applyEdit(st, target, req.body, req.files);
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
