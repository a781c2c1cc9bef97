/**
 * The bot end to end inside one process: the real command modules and services
 * (engine, SQLite) behind a real discord.js Client that talks to the loopback fake
 * Discord. Raw INTERACTION_CREATE payloads go in over the gateway; the assertions
 * are on the REST calls discord.js made (what Discord would have received).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Events, SlashCommandBuilder, type Client } from 'discord.js';
import Database from 'better-sqlite3';
import { InteractionResponseType, MessageFlags, PermissionFlagsBits, type APIEmbed, type APIMessage, type APIUser } from 'discord-api-types/v10';
import type { Command } from '../../src/bot/command.js';
import { CommandRegistry } from '../../src/bot/registry.js';
import { startBot, type Bot } from '../../src/bot/startup.js';
import { createLogger, type Logger } from '../../src/config/logger.js';
import { createDiscordClient, routeInteraction } from '../../src/discord/client.js';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../support/fakeDiscord.js';
import { createTestClient, destroyTestClient, TEST_TOKEN } from '../support/client.js';
import { makeUser } from '../support/discordFixtures.js';
import { autocomplete, botMessage, button, chatInput, opt, snowflake } from '../support/interactions.js';

const WAIT = 15_000;

let dataDir: string;
let fake: FakeDiscord;
let client: Client<true>;
let bot: Bot;
const logLines: string[] = [];
const logger: Logger = createLogger({ level: 'debug', format: 'json', write: (line) => logLines.push(line) });

/** A test-only command that fails on purpose, before or after deferring. */
const boomCommand: Command = {
  data: new SlashCommandBuilder()
    .setName('boom')
    .setDescription('Fails on purpose (tests only)')
    .addStringOption((o) => o.setName('when').setDescription('before or after deferring').setRequired(true)),
  async execute(ctx) {
    if (ctx.options.getString('when') === 'after') await ctx.defer();
    throw new Error('kaboom (expected by the test)');
  },
  components: {
    boombutton: {
      async handle() {
        throw new Error('button kaboom (expected by the test)');
      },
    },
  },
};

/** A test-only command that is busy for longer than Discord's 3-second window. */
const slowCommand: Command = {
  data: new SlashCommandBuilder().setName('slow').setDescription('Answers after 2.5 s (tests only)'),
  async execute(ctx) {
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await ctx.reply({ content: 'done' });
  },
};

/** A test-only command that defers itself, then answers. */
const deferringCommand: Command = {
  data: new SlashCommandBuilder().setName('deferring').setDescription('Defers, then answers (tests only)'),
  async execute(ctx) {
    await ctx.defer();
    await ctx.reply({ content: 'deferred, then done' });
  },
};

/** A fresh member per interaction: /ask and /search allow 5 uses per user per 10 s. */
function freshUser(): APIUser {
  const id = snowflake();
  return makeUser(id, `pembaca-${id.slice(-5)}`);
}

const webhookPath = (token: string) => `/webhooks/${fake.applicationId}/${token}`;

function waitForOriginalEdit(token: string): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `${webhookPath(token)}/messages/@original`, WAIT);
}

function waitForFollowUp(token: string): Promise<RecordedRequest> {
  return fake.waitForRequest((r) => r.method === 'POST' && r.path === webhookPath(token), WAIT);
}

/** Dispatches and returns the interaction callback (the first acknowledgement). */
async function send<T extends { id: string; token: string }>(payload: T): Promise<{ payload: T; callback: RecordedRequest }> {
  fake.dispatchInteraction(payload as never);
  const callback = await fake.waitForCallback(payload.id, WAIT);
  expect(callback.status, JSON.stringify(callback.response)).toBeLessThan(300);
  return { payload, callback };
}

/** /ask through the gateway: one reply (type 4), no deferral: the answer takes milliseconds. */
async function ask(question: string, extra: { locale?: 'id' | 'en-US'; hide?: boolean; user?: APIUser; guildId?: string | null } = {}) {
  const options = [opt.string('question', question)];
  if (extra.hide !== undefined) options.push(opt.boolean('hide', extra.hide));
  const payload = chatInput({ name: 'ask', options, user: extra.user ?? freshUser(), locale: extra.locale ?? 'id', guildId: extra.guildId });
  const { callback } = await send(payload);
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  const reply = callback.body.data;
  return { payload, callback, reply, embed: reply.embeds[0] as APIEmbed };
}

/** allowed_mentions that let nothing ping (discord.js adds replied_user: false). */
function expectNoPings(allowed: { parse?: string[]; users?: string[]; roles?: string[] } | undefined) {
  expect(allowed).toBeDefined();
  expect(allowed!.parse).toEqual([]);
  expect(allowed!.users ?? []).toEqual([]);
  expect(allowed!.roles ?? []).toEqual([]);
}

function allText(body: { content?: string; embeds?: APIEmbed[] }): string {
  return JSON.stringify([body.content ?? '', body.embeds ?? []]);
}

function customIds(body: { components?: { components: { custom_id?: string }[] }[] }): string[] {
  return (body.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bot-test-'));
  const base = await startBot({ corpusDir: 'corpus', dataDir }, logger);
  bot = { ...base, registry: new CommandRegistry([...(await CommandRegistry.loadCommands()), boomCommand, slowCommand, deferringCommand], base.services) };
  fake = await startFakeDiscord();
  client = await createTestClient(fake, {
    readyTimeoutMs: 30_000,
    setup: (c) => {
      c.on(Events.InteractionCreate, (interaction) => {
        void routeInteraction(interaction, bot, logger).catch((error: unknown) => logger.error({ err: error }, 'route failed'));
      });
    },
  });
});

afterAll(async () => {
  if (client) await destroyTestClient(client);
  if (fake) await fake.close();
  bot?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('/ask', () => {
  it('replies at once with a cited, highlighted answer, a footer, no pings and feedback buttons', async () => {
    const { payload, reply, embed } = await ask('Siapa pendiri Wagner?');
    expect(reply.flags ?? 0).toBe(0); // public
    expectNoPings(reply.allowed_mentions);
    expect(embed.title).toContain('Siapa pendiri Wagner?');
    expect(embed.fields?.length).toBeGreaterThan(0);
    const first = embed.fields![0]!;
    expect(first.name).toMatch(/^¶7 · /);
    expect(first.value).toMatch(/\*\*[^*]+\*\*/);
    expect(first.value).toMatch(/\*\*[^*]*Prigozhin[^*]*\*\*/);
    expect(first.value).toContain('putin-kim-vostochny#7');
    expect(embed.footer?.text).toBe('Jawaban diambil dari artikel; kalimat tebal paling cocok.');
    const ids = customIds(reply);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^feedback:up:\d+$/);
    expect(ids[1]).toMatch(/^feedback:down:\d+$/);
    // As Discord now shows it: one message, no follow-ups, nothing else sent.
    expect(fake.requestsFor(payload)).toHaveLength(1);
    const state = fake.interactionResponse(payload.id);
    expect(state?.original?.embeds[0]?.fields?.[0]?.name).toMatch(/^¶7/);
    expect(state?.followups).toEqual([]);
  });

  it('speaks Indonesian to an `id` client and English to an `en-US` client', async () => {
    const id = await ask('Siapa pendiri Wagner?', { locale: 'id' });
    const en = await ask('Siapa pendiri Wagner?', { locale: 'en-US' });
    expect(id.embed.footer?.text).toMatch(/Jawaban diambil dari artikel/);
    expect(en.embed.footer?.text).toBe('Answers come from the article; the bold sentence matches best.');
    const labels = (body: RecordedRequest['body']) => body.components[0].components.map((c: { label: string }) => c.label);
    expect(labels(id.reply)).toEqual(['Membantu', 'Tidak membantu']);
    expect(labels(en.reply)).toEqual(['Helpful', 'Not helpful']);
    // The citation is the same whatever the language.
    expect(en.embed.fields![0]!.name).toMatch(/^¶7 · /);
  });

  it('hide:true answers ephemerally (flags 64)', async () => {
    const { reply, embed } = await ask('Siapa pendiri Wagner?', { hide: true });
    expect(reply.flags).toBe(MessageFlags.Ephemeral);
    expect(embed.fields![0]!.name).toMatch(/^¶7/);
    expectNoPings(reply.allowed_mentions);
  });

  it('says the article does not answer an out-of-scope question and points to /search', async () => {
    const id = await ask('Apa resep nasi goreng?', { locale: 'id' });
    expect(id.embed.description).toMatch(/Artikel tidak menjawab pertanyaan ini/);
    expect(id.embed.description).toContain('/search');
    expect(id.embed.fields ?? []).toHaveLength(0);

    const en = await ask('How do I reset my password?', { locale: 'en-US' });
    expect(en.embed.description).toMatch(/does not answer this question/);
    expect(en.embed.description).toContain('/search');
    expect(en.embed.fields ?? []).toHaveLength(0);
    expect(en.embed.footer).toBeUndefined();
  });

  it('answers a question to the bot about itself with its commands, in the member\'s language', async () => {
    const id = await ask('bot ini bisa ngapain aja?');
    expect(id.embed.description).toContain('/help');
    expect(id.embed.fields ?? []).toHaveLength(0);
    const en = await ask('What can you do?', { locale: 'en-US' });
    expect(en.embed.description).toMatch(/I answer questions about the articles/);
    expectNoPings(en.reply.allowed_mentions);
  });

  it('answers in DMs without feedback buttons', async () => {
    const { reply, embed } = await ask('Siapa pendiri Wagner?', { guildId: null });
    expect(embed.fields![0]!.name).toMatch(/^¶7/);
    expect(customIds(reply)).toEqual([]);
  });

  it.each([
    ['an empty question', '', /Pertanyaannya kosong/],
    ['only spaces', '     ', /Pertanyaannya kosong/],
    ['501 characters', 'Wagner '.repeat(80).trim().padEnd(501, 'x'), /terlalu panjang \(paling banyak 500 karakter\)/],
    ['control characters', 'Siapa\u0007 pendiri\u0000 Wagner?', /karakter kontrol/],
    ['no words', '?!?! ... ???', /tidak berisi kata/],
  ])('refuses %s with a clear ephemeral message and no deferral', async (_label, question, message) => {
    const payload = chatInput({ name: 'ask', options: [opt.string('question', question)], user: freshUser() });
    const { callback } = await send(payload);
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toMatch(message);
    expectNoPings(callback.body.data.allowed_mentions);
  });

  it('refuses a bad question in English for an English client', async () => {
    const payload = chatInput({ name: 'ask', options: [opt.string('question', 'x'.repeat(600))], user: freshUser(), locale: 'en-US' });
    const { callback } = await send(payload);
    expect(callback.body.data.content).toBe('The question is too long (at most 500 characters).');
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
  });

  it('never pings: @everyone, @here and user/role mentions in a question are defused', async () => {
    const question = '@everyone @here <@1100000000000001000> <@&1100000000000000110> siapa pendiri Wagner?';
    const { reply, embed } = await ask(question);
    expectNoPings(reply.allowed_mentions);
    const text = allText(reply);
    expect(text).not.toMatch(/@everyone|@here/);
    expect(text).not.toMatch(/<@&?!?\d+>/);
    expect(embed.title).toContain('@\u200beveryone');
  });

  it('applies the per-user cooldown (5 per 10 s) with an ephemeral refusal', async () => {
    const user = freshUser();
    // Six at once (the gateway delivers them in order): the first five are answered, the sixth refused.
    const payloads = Array.from({ length: 6 }, () => chatInput({ name: 'ask', options: [opt.string('question', 'Siapa pendiri Wagner?')], user }));
    for (const payload of payloads) fake.dispatchInteraction(payload);
    const callbacks = await Promise.all(payloads.map((p) => fake.waitForCallback(p.id, WAIT)));
    expect(callbacks.slice(0, 5).map((c) => c.body.type)).toEqual(Array(5).fill(InteractionResponseType.ChannelMessageWithSource));
    expect(callbacks.slice(0, 5).every((c) => c.body.data.embeds?.length === 1)).toBe(true);
    const refused = callbacks[5]!.body;
    expect(refused.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(refused.data.flags).toBe(MessageFlags.Ephemeral);
    expect(refused.data.content).toMatch(/Pelan-pelan: coba lagi dalam \d+ detik/);
    // Another user is not affected.
    await ask('Siapa pendiri Wagner?');
  });
});

describe('feedback buttons', () => {
  it('thanks for a vote (ephemeral) and says "already voted" on the same vote again', async () => {
    const { reply } = await ask('Siapa pendiri Wagner?', { locale: 'en-US' });
    const up = customIds(reply)[0]!;
    const voter = freshUser();
    const first = await send(button({ customId: up, user: voter, locale: 'en-US' }));
    expect(first.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(first.callback.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: 'Thanks! Your 👍 is recorded.' });

    const second = await send(button({ customId: up, user: voter, locale: 'en-US' }));
    expect(second.callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(second.callback.body.data.content).toMatch(/already voted/);

    // Another user may vote on the same answer; a 👎 is acknowledged in Indonesian for an `id` client.
    const down = customIds(reply)[1]!;
    const other = await send(button({ customId: down, user: freshUser(), locale: 'id' }));
    expect(other.callback.body.data.content).toMatch(/👎 Anda dicatat/);
  });

  it('refuses a vote on an unknown answer and a vote outside a server', async () => {
    const unknown = await send(button({ customId: 'feedback:up:99999999', user: freshUser(), locale: 'en-US' }));
    expect(unknown.callback.body.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(unknown.callback.body.data.content).toMatch(/no longer known/);

    const dm = await send(button({ customId: 'feedback:up:1', guildId: null, locale: 'en-US' }));
    expect(dm.callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(dm.callback.body.data.content).toMatch(/only works in a server/);
  });
});

describe('/search', () => {
  it('lists matches with Previous/Next buttons, and a button press updates the page (type 7)', async () => {
    const query = 'Korea Utara Rusia Putin';
    const payload = chatInput({ name: 'search', options: [opt.string('query', query)], user: freshUser() });
    const { callback } = await send(payload);
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const data = callback.body.data;
    expect(data.flags ?? 0).toBe(0);
    expectNoPings(data.allowed_mentions);
    const embed = data.embeds[0] as APIEmbed;
    expect(embed.description).toMatch(/\*\*¶\d+\*\*/);
    expect(embed.footer?.text).toMatch(new RegExp(`^1/2 · 🔎 ${query}$`));
    const buttons = data.components[0].components;
    expect(buttons.map((b: { custom_id: string }) => b.custom_id)).toEqual(['search:0:p', 'search:2:n']);
    expect(buttons.map((b: { disabled: boolean }) => b.disabled)).toEqual([true, false]);
    expect(buttons.map((b: { label: string }) => b.label)).toEqual(['Sebelumnya', 'Berikutnya']);

    // Press "Next" on the message the bot sent.
    const message: APIMessage = { ...botMessage({ components: data.components }), embeds: data.embeds };
    const next = await send(button({ customId: 'search:2:n', message, user: freshUser() }));
    expect(next.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    const page2 = next.callback.body.data.embeds[0] as APIEmbed;
    expect(page2.footer?.text).toBe(`2/2 · 🔎 ${query}`);
    expect(page2.description).not.toBe(embed.description);
    expect(next.callback.body.data.components[0].components.map((b: { disabled: boolean }) => b.disabled)).toEqual([false, true]);
    expectNoPings(next.callback.body.data.allowed_mentions);
  });

  it('says a button on a message without search state has expired', async () => {
    const { callback } = await send(button({ customId: 'search:2:n', user: freshUser(), locale: 'en-US' }));
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.body.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(callback.body.data.content).toMatch(/expired/);
  });

  it('answers a query without matches ephemerally', async () => {
    const { callback } = await send(chatInput({ name: 'search', options: [opt.string('query', 'xyzzy qwerty')], user: freshUser(), locale: 'en-US' }));
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toBe('No paragraph matches "xyzzy qwerty".');
  });
});

describe('/paragraph', () => {
  it('shows ¶3 in full with its citation', async () => {
    const { callback } = await send(chatInput({ name: 'paragraph', options: [opt.integer('number', 3)] }));
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const embed = callback.body.data.embeds[0] as APIEmbed;
    const text = bot.services.views.base.corpus.articles[0]!.paragraphs[2]!.text;
    expect(embed.title).toMatch(/^¶3 · /);
    expect(embed.description).toContain('Sergei Shoigu berkunjung ke Pyongyang');
    expect(embed.description!.length).toBeGreaterThanOrEqual(text.length);
    expect(embed.footer?.text).toMatch(/^putin-kim-vostochny#3 · ¶3 dari 7/);
    expectNoPings(callback.body.data.allowed_mentions);
  });

  it('refuses ¶99 ephemerally, naming the range', async () => {
    const { callback } = await send(chatInput({ name: 'paragraph', options: [opt.integer('number', 99)], locale: 'en-US' }));
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toMatch(/has paragraphs ¶1 to ¶7; there is no ¶99/);
  });

  it('refuses an unknown article id ephemerally, without echoing Markdown or mentions', async () => {
    const { callback } = await send(
      chatInput({ name: 'paragraph', options: [opt.integer('number', 1), opt.string('article', '**nope** @everyone')], locale: 'en-US' }),
    );
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toMatch(/^There is no article "/);
    expect(callback.body.data.content).not.toContain('@everyone');
    expect(callback.body.data.content).toContain('\\*\\*nope\\*\\*');
  });
});

describe('/help', () => {
  it('lists the commands (localized) and the article, ephemerally', async () => {
    const id = await send(chatInput({ name: 'help', locale: 'id' }));
    expect(id.callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    const embed = id.callback.body.data.embeds[0] as APIEmbed;
    const text = JSON.stringify(embed);
    for (const name of ['/tanya', '/cari', '/paragraf', '/bantuan', '/faq']) expect(text).toContain(name);
    expect(text).toContain('Pertemuan Putin dan Kim Jong Un di Kosmodrom Vostochny');
    expect(text).toContain('putin-kim-vostochny');

    const en = await send(chatInput({ name: 'help', locale: 'en-US' }));
    const enText = JSON.stringify(en.callback.body.data.embeds[0]);
    for (const name of ['/ask', '/search', '/paragraph', '/help', '/faq']) expect(enText).toContain(name);
    expect(en.callback.body.data.embeds[0].title).toBe('Article Q&A bot');
  });
});

describe('autocomplete', () => {
  function expectValidChoices(choices: { name: string; value: string | number }[]) {
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
      if (typeof c.value === 'string') {
        expect(c.value.length).toBeGreaterThanOrEqual(1);
        expect(c.value.length).toBeLessThanOrEqual(100);
      }
    }
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
  }

  it.each([
    ['a partial question', 'siapa pendiri wag'],
    ['a 300-character value', 'Siapa pendiri Wagner dan apa hubungannya dengan Korea Utara? '.repeat(5).slice(0, 300)],
    ['an empty value', ''],
  ])('/ask question with %s answers type 8 with valid choices', async (_label, value) => {
    const { callback } = await send(autocomplete({ name: 'ask', focused: { name: 'question', value } }));
    expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = callback.body.data.choices;
    expect(choices.length).toBeGreaterThan(0);
    expectValidChoices(choices);
    if (value === 'siapa pendiri wag') expect(choices[0].value).toBe('siapa pendiri wag');
  });

  it('/paragraph article suggests the loaded article', async () => {
    const { callback } = await send(autocomplete({ name: 'paragraph', focused: { name: 'article', value: 'putin' }, options: [opt.integer('number', 2)] }));
    expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expectValidChoices(callback.body.data.choices);
    expect(callback.body.data.choices).toEqual([{ name: 'Pertemuan Putin dan Kim Jong Un di Kosmodrom Vostochny (7 ¶)', value: 'putin-kim-vostochny' }]);

    const none = await send(autocomplete({ name: 'paragraph', focused: { name: 'article', value: 'zzz-tidak-ada' } }));
    expect(none.callback.body.data.choices).toEqual([]);
  });

  it('answers an empty list for a command without autocomplete', async () => {
    const { callback } = await send(autocomplete({ name: 'help', focused: { name: 'x', value: 'y' } }));
    expect(callback.body).toEqual({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  });
});

describe('failures', () => {
  it('a handler that throws before replying gets an ephemeral error; the error is logged; the next interaction still works', async () => {
    const before = logLines.length;
    const { callback } = await send(chatInput({ name: 'boom', options: [opt.string('when', 'before')], locale: 'en-US' }));
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(callback.body.data.content).toMatch(/Something went wrong while answering/);
    const logged = logLines.slice(before).map((line) => JSON.parse(line) as { msg: string; err?: { message: string } });
    expect(logged).toContainEqual(expect.objectContaining({ msg: '/boom failed', err: expect.objectContaining({ message: 'kaboom (expected by the test)' }) }));

    const { callback: next } = await send(chatInput({ name: 'help' }));
    expect(next.body.data.embeds[0].title).toBe('Bot tanya-jawab artikel');
  });

  it('a handler that throws after deferring sends an ephemeral follow-up and removes the "thinking" message', async () => {
    const payload = chatInput({ name: 'boom', options: [opt.string('when', 'after')], locale: 'id' });
    const { callback } = await send(payload);
    expect(callback.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const followUp = await waitForFollowUp(payload.token);
    expect(followUp.status).toBe(200);
    expect(followUp.body.flags).toBe(MessageFlags.Ephemeral);
    expect(followUp.body.content).toMatch(/Terjadi kesalahan saat menjawab/);
    const removed = await fake.waitForRequest((r) => r.method === 'DELETE' && r.path === `${webhookPath(payload.token)}/messages/@original`, WAIT);
    expect(removed.status).toBe(204);

    const again = await ask('Siapa pendiri Wagner?');
    expect(again.embed.fields![0]!.name).toMatch(/^¶7/);
  });

  it('a busy handler is deferred automatically before the 3-second limit, then fills the deferral', async () => {
    const payload = chatInput({ name: 'slow' });
    const { callback } = await send(payload);
    expect(callback.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    const edit = await waitForOriginalEdit(payload.token);
    expect(edit.body.content).toBe('done');
  });

  it('a late interaction is acknowledged exactly once (the automatic deferral does not race the handler\'s own)', async () => {
    const payload = chatInput({ name: 'deferring', user: freshUser(), id: snowflake(Date.now() - 2_500) });
    fake.dispatchInteraction(payload);
    const edit = await waitForOriginalEdit(payload.token);
    expect(edit.body.content).toBe('deferred, then done');
    const callbacks = fake.requests.filter((r) => r.path.startsWith(`/interactions/${payload.id}/`));
    expect(callbacks.map((r) => r.status)).toEqual([204]);
  });

  it('a button handler that throws gets an ephemeral error', async () => {
    const { callback } = await send(button({ customId: 'boombutton:1', locale: 'en-US' }));
    expect(callback.body.data).toMatchObject({ flags: MessageFlags.Ephemeral });
    expect(callback.body.data.content).toMatch(/Something went wrong/);
  });

  it('an unknown command or button is answered, not left to time out', async () => {
    const command = await send(chatInput({ name: 'no-such-command', locale: 'en-US' }));
    expect(command.callback.body.data).toMatchObject({ flags: MessageFlags.Ephemeral, content: 'This command or button is no longer known.' });
    const pressed = await send(button({ customId: 'gone:1', locale: 'en-US' }));
    expect(pressed.callback.body.data.content).toBe('This command or button is no longer known.');
  });

  it('survives a REST failure of the reply (logged, client keeps working)', async () => {
    const payload = chatInput({ name: 'help' });
    const remove = fake.intercept((r) => r.path.startsWith(`/interactions/${payload.id}/`), { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    try {
      fake.dispatchInteraction(payload);
      const callback = await fake.waitForCallback(payload.id, WAIT);
      expect(callback.status).toBe(404);
    } finally {
      remove();
    }
    const { callback } = await send(chatInput({ name: 'help' }));
    expect(callback.body.data.embeds[0].title).toBe('Bot tanya-jawab artikel');
  });
});

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('text is never cut inside an emoji (no lone surrogates reach Discord)', () => {
  it('titles, autocomplete choices and echoed input', async () => {
    fake.clearRequests();
    const emoji = '🇮🇩😀👨‍👩‍👧';
    const question = `${emoji.repeat(30)} siapa pendiri Wagner?`;
    expect(question.length).toBeGreaterThan(256);
    const asked = await ask(question);
    expect(asked.embed.title!.length).toBeLessThanOrEqual(256);
    await send(autocomplete({ name: 'ask', focused: { name: 'question', value: emoji.repeat(12) + ' Wagner' }, user: freshUser() }));
    await send(chatInput({ name: 'paragraph', options: [opt.integer('number', 1), opt.string('article', emoji.repeat(12))], locale: 'en-US' }));
    await send(chatInput({ name: 'faq', subcommand: 'show', options: [opt.string('entry', emoji.repeat(20))], locale: 'en-US' }));
    const bodies = fake.requests.map((r) => r.body);
    expect(bodies.length).toBeGreaterThanOrEqual(4);
    const malformed = bodies.flatMap(strings).filter((text) => !text.isWellFormed());
    expect(malformed).toEqual([]);
    // And the cuts happened: each echo ends in an ellipsis after a whole emoji.
    expect(JSON.stringify(bodies)).toContain('…');
  });
});

describe('bookkeeping never costs a member the answer', () => {
  const file = () => join(dataDir, 'bot.db');

  it('a database locked by another process: /ask is answered at once; the failed write is logged', async () => {
    await ask('Siapa pendiri Wagner?'); // the first answer ids are reserved already
    const other = new Database(file());
    other.pragma('busy_timeout = 0');
    const before = logLines.length;
    try {
      other.exec('BEGIN IMMEDIATE');
      const { embed, reply } = await ask('Apa yang dibahas Putin dan Kim?');
      expect(embed.fields![0]!.name).toMatch(/^¶\d+ · /);
      expect(customIds(reply)).toHaveLength(2);
      // The write after the reply gave up (lock held) and said so.
      await until(() => logLines.slice(before).some((l) => l.includes('answer bookkeeping failed')));
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    const warning = logLines.slice(before).map((l) => JSON.parse(l) as { level: number; msg: string; err?: { code?: string } }).find((l) => l.msg.startsWith('answer bookkeeping failed'))!;
    expect(warning).toMatchObject({ level: 40, err: { code: 'SQLITE_BUSY' } });
  });

  it('a full disk: /ask is answered; the bookkeeping failure is logged', async () => {
    const db = bot.services.feedback.db;
    const limit = db.pragma('max_page_count', { simple: true }) as number;
    const before = logLines.length;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    try {
      for (let i = 0; i < 40 && !logLines.slice(before).some((l) => l.includes('SQLITE_FULL')); i++) {
        const { embed } = await ask(`Siapa juara liga nomor ${i} ${'panjang '.repeat(40)}?`);
        expect(embed.title).toBeDefined();
      }
    } finally {
      db.pragma(`max_page_count = ${limit}`);
    }
    expect(logLines.slice(before).some((l) => l.includes('"code":"SQLITE_FULL"') && l.includes('answer bookkeeping failed'))).toBe(true);
  });

  it('a curated write waiting for a lock does not freeze the bot: other interactions are answered meanwhile', async () => {
    const other = new Database(file());
    other.exec('BEGIN IMMEDIATE');
    const add = chatInput({ name: 'faq-manage', subcommand: 'add', user: makeUser(snowflake(), 'moderator'), permissions: PermissionFlagsBits.ManageMessages, locale: 'en-US', options: [opt.string('question', 'Kapan Vostochny dibangun?'), opt.string('answer', 'Sejak 2011.')] });
    fake.dispatchInteraction(add);
    const help = chatInput({ name: 'help', locale: 'en-US' });
    const { callback: helped } = await send(help);
    expect(helped.body.data.embeds[0].title).toBe('Article Q&A bot');
    // The add is still waiting for the lock, without having blocked /help.
    expect(fake.requests.some((r) => r.path.startsWith(`/interactions/${add.id}/`))).toBe(false);
    other.exec('COMMIT');
    other.close();
    const saved = await fake.waitForCallback(add.id, WAIT);
    expect(saved.body.data.content).toMatch(/^Saved curated answer #\d+/);
  });
});

async function until(condition: () => boolean, timeoutMs = WAIT): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('createDiscordClient', () => {
  it('logs in with the configured REST base and routes interactions to the registry', async () => {
    const own = await startFakeDiscord({ token: TEST_TOKEN });
    const discord = createDiscordClient({ apiUrl: own.apiUrl }, bot, logger);
    try {
      await discord.login(TEST_TOKEN);
      await own.connected(WAIT);
      const payload = chatInput({ name: 'paragraph', options: [opt.integer('number', 7)], locale: 'en-US' });
      own.dispatchInteraction(payload);
      const callback = await own.waitForCallback(payload.id, WAIT);
      expect(callback.body.data.embeds[0].title).toMatch(/^¶7 · /);
      expectNoPings(callback.body.data.allowed_mentions);
      expect(own.identifyPayloads[0].intents).toBe(1); // Guilds only

      // Members who ask are not kept: the user and member caches hold the bot alone.
      for (const user of [freshUser(), freshUser()]) {
        const asked = chatInput({ name: 'paragraph', options: [opt.integer('number', 2)], user });
        own.dispatchInteraction(asked);
        expect((await own.waitForCallback(asked.id, WAIT)).body.data.embeds[0].title).toMatch(/^¶2 · /);
      }
      expect([...discord.users.cache.keys()]).toEqual([discord.user!.id]);
      expect(discord.guilds.cache.reduce((sum, guild) => sum + guild.members.cache.filter((m) => m.id !== discord.user!.id).size, 0)).toBe(0);

      // A rate limit from Discord is logged (discord.js holds the request back, then retries).
      const before = logLines.length;
      const limited = chatInput({ name: 'paragraph', options: [opt.integer('number', 6)], locale: 'en-US' });
      own.intercept((r) => r.path.startsWith(`/interactions/${limited.id}/`), {
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: 0.05, global: false },
        headers: { 'retry-after': '1', 'x-ratelimit-limit': '5', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset-after': '0.05', 'x-ratelimit-bucket': 'fake-bucket', 'x-ratelimit-scope': 'user' },
      }, { times: 1 });
      own.dispatchInteraction(limited);
      await own.waitForRequest((r) => r.path.startsWith(`/interactions/${limited.id}/`) && r.status === 204, WAIT);
      const rateLimited = logLines.slice(before).map((l) => JSON.parse(l) as { msg: string; global?: boolean }).find((l) => l.msg === 'REST rate limit: a request is held back');
      expect(rateLimited).toMatchObject({ global: false });
    } finally {
      await discord.destroy();
      await own.close();
    }
  });
});
