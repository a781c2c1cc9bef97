/**
 * The harness of the curated-answer end-to-end tests (tests/discord/faq.test.ts and
 * unansweredQueue.test.ts): the REAL discord.js client talking to the loopback fake
 * Discord, with the bot wired exactly as in production (`startBot` + `routeInteraction` on
 * every `interactionCreate`), on a DATA_DIR of its own.
 *
 * `curatedBotHarness()` registers the file's hooks: start once, stop at the end, and after
 * every test check that each message the bot sent disables mentions and keeps Discord's
 * component rules, that (fake) Discord refused no call, and that no handler failed.
 * Every handler run is awaited to completion (no sleeps, no timed assertions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Client } from 'discord.js';
import { InteractionResponseType, MessageFlags, type APIEmbed, type APIInteraction, type APIMessage, type APIUser } from 'discord-api-types/v10';
import { startBot, type Bot } from '../../src/bot/startup.js';
import { createLogger, type Logger } from '../../src/config/logger.js';
import { BOUNDED_CACHES, routeInteraction } from '../../src/discord/client.js';
import { createTestClient, destroyTestClient } from './client.js';
import { makeUser } from './discordFixtures.js';
import { startFakeDiscord, type FakeDiscord, type InteractionResponseState, type RecordedRequest } from './fakeDiscord.js';
import { chatInput, memberUser, moderatorUser, opt } from './interactions.js';

export interface Outcome {
  payload: APIInteraction;
  /** The interaction's callback (POST /interactions/:id/:token/callback). */
  callback: RecordedRequest;
  /** How the fake sees the answer: the original message after edits, and follow-ups. */
  state: InteractionResponseState;
  /** Every text the user can see: contents, embed titles, descriptions, fields and footers. */
  text: string;
  /** Whether everything the user got is ephemeral. */
  ephemeral: boolean;
  /** The visible message (original after edits, else the first follow-up). */
  message?: APIMessage;
}

export type Fields = { question?: string; answer?: string; paragraphs?: string; aliases?: string; entry?: string };

/** Who sends an interaction, and from where. */
export interface As {
  guildId?: string | null;
  user?: APIUser;
  permissions?: bigint;
  locale?: 'en-US' | 'id';
}
export const asModerator = (guildId: string, extra: As = {}): As => ({ guildId, user: moderatorUser, locale: 'en-US', ...extra });
export const asMember = (guildId: string, extra: As = {}): As => ({ guildId, user: memberUser, locale: 'en-US', ...extra });

export const WAGNER = { question: 'Siapa pendiri Wagner?', answer: '**Yevgeny Prigozhin**.', paragraphs: '7', aliases: 'Wagner didirikan siapa' };
export const REFUSED = 'Only moderators can do this (Manage Messages, Manage Server, or a moderator role set with `/faq-manage roles`).';

export function messageText(message: APIMessage): string {
  return [message.content, ...message.embeds.map(embedText)].filter(Boolean).join('\n');
}

function embedText(embed: APIEmbed): string {
  return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].filter(Boolean).join('\n');
}

/** The custom ids of a message's buttons, row by row. */
export function customIds(message: APIMessage | undefined): string[] {
  const rows = (message?.components ?? []) as { components?: { custom_id?: string }[] }[];
  return rows.flatMap((row) => row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : []));
}

/** Browsing is /faq (everyone); writing is /faq-manage (Discord lets moderators run it). */
export const READING = new Set(['list', 'show']);

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function curatedBotHarness() {
  const dataDir = mkdtempSync(join(tmpdir(), 'faq-e2e-'));
  let fake: FakeDiscord;
  let bot: Bot;
  let client: Client<true>;
  /** Warnings and errors the bot logged: a handler that failed or a reply that could not be sent. */
  const logged: string[] = [];
  const logger: Logger = createLogger({ level: 'warn', format: 'json', write: (line) => logged.push(line) });

  const runs = new Map<string, Deferred>();
  function runOf(interactionId: string): Deferred {
    let run = runs.get(interactionId);
    if (!run) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      run = { promise, resolve, reject };
      runs.set(interactionId, run);
    }
    return run;
  }

  async function connect(): Promise<void> {
    client = await createTestClient(fake, {
      readyTimeoutMs: 20_000,
      // The bot's own cache settings: moderator roles are read without a member cache.
      clientOptions: { makeCache: BOUNDED_CACHES },
      setup: (c) => {
        c.on('interactionCreate', (interaction) => {
          const run = runOf(interaction.id);
          routeInteraction(interaction, bot, logger).then(run.resolve, run.reject);
        });
      },
    });
  }

  /** Closes the bot and starts a new one on the same DATA_DIR. */
  async function restart(): Promise<void> {
    await destroyTestClient(client);
    bot.close();
    bot = await startBot({ corpusDir: 'corpus', dataDir }, logger);
    await connect();
  }

  /** Dispatches an interaction and resolves once the bot's handler has completely finished. */
  async function send(payload: APIInteraction): Promise<Outcome> {
    const run = runOf(payload.id);
    fake.dispatchInteraction(payload);
    await run.promise;
    runs.delete(payload.id);
    const callback = await fake.waitForCallback(payload.id);
    const state = fake.interactionResponse(payload.id)!;
    const messages = [state.original, ...state.followups].filter((m): m is APIMessage => !!m);
    return {
      payload,
      callback,
      state,
      text: messages.map(messageText).join('\n'),
      ephemeral: messages.length > 0 && messages.every((m) => ((m.flags ?? 0) & MessageFlags.Ephemeral) !== 0),
      message: messages[0],
    };
  }

  /** /ask has a per-user cooldown (5 per 10 s): every ask comes from a fresh member. */
  let askers = 0;
  const nextAsker = (): APIUser => makeUser(`11000000000000${String(50000 + ++askers).padStart(5, '0')}`, `penanya${askers}`);
  const fieldOptions = (fields: Fields) => Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => opt.string(k, v!));

  const faqCommand = (subcommand: string, fields: Fields, as: As) =>
    send(chatInput({ name: READING.has(subcommand) ? 'faq' : 'faq-manage', subcommand, options: fieldOptions(fields), ...as }));
  const ask = (question: string, guildId: string, extra: As = {}) =>
    send(chatInput({ name: 'ask', options: [opt.string('question', question)], user: nextAsker(), locale: 'en-US', guildId, ...extra }));

  async function addEntry(guildId: string, fields: Fields, as: As = asModerator(guildId)): Promise<number> {
    const out = await faqCommand('add', fields, as);
    const id = /Saved curated answer #(\d+)/.exec(out.text)?.[1];
    if (!id) throw new Error(`/faq add was not saved: ${out.text}`);
    return Number(id);
  }

  /** Guild ids: each test gets its own server, so its counts do not depend on the others. */
  let guilds = 0;
  const newGuild = () => `12000000000000${String(10000 + ++guilds)}`;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    bot = await startBot({ corpusDir: 'corpus', dataDir }, logger);
    await connect();
  });

  afterAll(async () => {
    if (client) await destroyTestClient(client);
    bot?.close();
    await fake?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  let checkedRequests = 0;
  afterEach(() => {
    const requests = fake.requests.slice(checkedRequests);
    checkedRequests = fake.requests.length;
    const problems = logged.splice(0);
    // Every message the bot sent (replies, updates, edits, follow-ups) disables mentions and
    // respects Discord's component rules (1-5 components per action row).
    for (const request of requests) {
      const isCallback = request.path.endsWith('/callback');
      const type = isCallback ? request.body?.type : undefined;
      const data =
        type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage
          ? request.body.data
          : !isCallback && request.path.startsWith('/webhooks/') && (request.method === 'POST' || request.method === 'PATCH')
            ? request.body
            : undefined;
      if (!data) continue;
      expect(data.allowed_mentions, `${request.method} ${request.path}`).toBeDefined();
      expect(data.allowed_mentions.parse, `${request.method} ${request.path}`).toEqual([]);
      for (const row of data.components ?? []) {
        expect(row.components.length, `an action row of ${request.method} ${request.path}`).toBeGreaterThanOrEqual(1);
        expect(row.components.length).toBeLessThanOrEqual(5);
      }
    }
    // No HTTP call the bot made was refused by (fake) Discord, and no handler failed.
    expect(requests.filter((r) => r.status >= 400).map((r) => `${r.method} ${r.path} -> ${r.status} ${JSON.stringify(r.response)}`)).toEqual([]);
    expect(problems).toEqual([]);
  });

  return {
    send,
    faqCommand,
    ask,
    addEntry,
    newGuild,
    restart,
    /** What the bot logged at warn and above since the last test's check (tests may take lines out). */
    logged,
    bot: () => bot,
    store: () => bot.services.curated,
    queue: () => bot.services.unanswered,
    totalEntries: () => (bot.services.curated.db.prepare('SELECT COUNT(*) AS n FROM curated_entries').get() as { n: number }).n,
  };
}
