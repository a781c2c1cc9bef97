/** What the loopback fake Discord (fakeDiscord.ts) records, serves and offers to tests. */
import type { InteractionResponseType, APIAttachment, APIInteraction, APIMessage, APIUser } from 'discord-api-types/v10';

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
