/**
 * A real discord.js Client wired to the loopback fake (tests/support/fakeDiscord.ts).
 *
 *   const fake = await startFakeDiscord();
 *   const client = await createTestClient(fake, { setup: (c) => registerHandlers(c) });
 *   const interaction = await receiveInteraction(client, fake, chatInput({ name: 'tanya' }));
 *   ...
 *   await destroyTestClient(client);   // always before fake.close()
 *   await fake.close();
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  type BaseInteraction,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import type { APIInteraction } from 'discord-api-types/v10';
import type { FakeDiscord } from './fakeDiscord.js';

/** Dummy bot token; the fake accepts any non-empty token unless started with `{ token }`. */
export const TEST_TOKEN = 'test-token';

export interface CreateTestClientOptions {
  /** Extra/overriding client options (rest/intents defaults are merged in). */
  clientOptions?: Partial<ClientOptions>;
  /** Called after construction and before login: register your listeners here. */
  setup?: (client: Client) => void | Promise<void>;
  token?: string;
  /** How long to wait for `clientReady`. Default 5000 ms. */
  readyTimeoutMs?: number;
}

const liveClients = new Set<Client>();

/**
 * Creates a real `Client` (intents [Guilds]; REST pointed at the fake with retries 0 and a 5 s
 * timeout), logs it in through the fake's GET /gateway/bot + HELLO/IDENTIFY/READY/GUILD_CREATE
 * handshake and resolves once discord.js emitted `clientReady`.
 */
export async function createTestClient(fake: FakeDiscord, options: CreateTestClientOptions = {}): Promise<Client<true>> {
  const { clientOptions = {} } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    waitGuildTimeout: 1000,
    ...clientOptions,
    rest: { retries: 0, timeout: 5000, ...clientOptions.rest, api: fake.apiUrl },
  });
  liveClients.add(client);
  try {
    await options.setup?.(client);
    const timeoutMs = options.readyTimeoutMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<void>((resolve, reject) => {
      client.once(Events.ClientReady, () => resolve());
      timer = setTimeout(() => reject(new Error(`test client not ready within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await client.login(options.token ?? TEST_TOKEN);
      await ready;
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    await destroyTestClient(client);
    throw error;
  }
  return client as Client<true>;
}

/** Destroys the client (closes its gateway socket, clears REST timers). Idempotent. */
export async function destroyTestClient(client: Client): Promise<void> {
  liveClients.delete(client);
  await client.destroy();
  client.removeAllListeners();
}

/** Destroys every client created by `createTestClient` that is still alive (for afterEach/afterAll). */
export async function destroyAllTestClients(): Promise<void> {
  await Promise.all([...liveClients].map((client) => destroyTestClient(client)));
}

/**
 * Dispatches `payload` over the gateway and resolves with the discord.js interaction object
 * the client emitted for it (matched by id). Other `interactionCreate` listeners (the bot's
 * handlers) run as usual.
 */
export function receiveInteraction<T extends BaseInteraction = Interaction>(
  client: Client,
  fake: FakeDiscord,
  payload: APIInteraction,
  timeoutMs = 2000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onInteraction = (interaction: Interaction) => {
      if (interaction.id !== payload.id) return;
      cleanup();
      resolve(interaction as unknown as T);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`interaction ${payload.id} was not emitted by the client within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      client.off(Events.InteractionCreate, onInteraction);
    };
    client.on(Events.InteractionCreate, onInteraction);
    try {
      fake.dispatchInteraction(payload);
    } catch (error) {
      cleanup();
      reject(error);
    }
  });
}
