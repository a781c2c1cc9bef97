/**
 * End-to-end tests of the curated-answer feature (/faq, /ask's curated answer, the
 * unanswered queue and its answer-on-the-spot modal) through the REAL discord.js client
 * talking to the loopback fake Discord, with the bot wired exactly as in production:
 * `startBot` + `routeInteraction` on every `interactionCreate`.
 *
 * Most tests work in a guild of their own (interactions may come from any guild id), so
 * they do not depend on each other's data. Every handler run is awaited to completion
 * (no sleeps, no timed assertions).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import {
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  PermissionFlagsBits,
  type APIEmbed,
  type APIInteraction,
  type APIMessage,
  type APIUser,
} from 'discord-api-types/v10';
import { startBot, type Bot } from '../../src/bot/startup.js';
import { createLogger, type Logger } from '../../src/config/logger.js';
import { BOUNDED_CACHES, routeInteraction } from '../../src/discord/client.js';
import { startFakeDiscord, type FakeDiscord, type InteractionResponseState, type RecordedRequest } from '../support/fakeDiscord.js';
import { createTestClient, destroyTestClient } from '../support/client.js';
import { autocomplete, button, chatInput, MEMBER_PERMISSIONS, memberUser, modalSubmit, moderatorUser, opt } from '../support/interactions.js';
import { makeUser } from '../support/discordFixtures.js';

// ------------------------------------------------------------------------------ harness

const dataDir = mkdtempSync(join(tmpdir(), 'faq-e2e-'));
let fake: FakeDiscord;
let bot: Bot;
let client: Client<true>;

/** Warnings and errors the bot logged: a handler that failed or a reply that could not be sent. */
const logged: string[] = [];
const logger: Logger = createLogger({ level: 'warn', format: 'json', write: (line) => logged.push(line) });

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}
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

async function restart(): Promise<void> {
  await destroyTestClient(client);
  bot.close();
  bot = await startBot({ corpusDir: 'corpus', dataDir }, logger);
  await connect();
}

interface Outcome {
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

function messageText(message: APIMessage): string {
  return [message.content, ...message.embeds.map(embedText)].filter(Boolean).join('\n');
}

function embedText(embed: APIEmbed): string {
  return [embed.title, embed.description, ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text].filter(Boolean).join('\n');
}

/** The custom ids of a message's buttons, row by row. */
function customIds(message: APIMessage | undefined): string[] {
  const rows = (message?.components ?? []) as { components?: { custom_id?: string }[] }[];
  return rows.flatMap((row) => row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : []));
}

const store = () => bot.services.curated;
const queue = () => bot.services.unanswered;
const totalEntries = () => (store().db.prepare('SELECT COUNT(*) AS n FROM curated_entries').get() as { n: number }).n;

/** /ask has a per-user cooldown (5 per 10 s): every ask comes from a fresh member. */
let askers = 0;
const nextAsker = (): APIUser => makeUser(`11000000000000${String(50000 + ++askers).padStart(5, '0')}`, `penanya${askers}`);

type Fields = { question?: string; answer?: string; paragraphs?: string; aliases?: string; entry?: string };
const fieldOptions = (fields: Fields) => Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => opt.string(k, v!));

interface As {
  guildId?: string | null;
  user?: APIUser;
  permissions?: bigint;
  locale?: 'en-US' | 'id';
}
const asModerator = (guildId: string, extra: As = {}): As => ({ guildId, user: moderatorUser, locale: 'en-US', ...extra });
const asMember = (guildId: string, extra: As = {}): As => ({ guildId, user: memberUser, locale: 'en-US', ...extra });

/** Browsing is /faq (everyone); writing is /faq-manage (Discord lets moderators run it). */
const READING = new Set(['list', 'show']);
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

const WAGNER = { question: 'Siapa pendiri Wagner?', answer: '**Yevgeny Prigozhin**.', paragraphs: '7', aliases: 'Wagner didirikan siapa' };
const REFUSED = 'Only moderators can do this (Manage Messages, Manage Server, or a moderator role set with `/faq-manage roles`).';

// ------------------------------------------------------------------------------ tests

describe('/faq add, then /ask gives the curated answer', () => {
  it("a moderator's entry is what a member asking in other words gets first, marked and cited; its use count grows", async () => {
    const guild = newGuild();
    const added = await faqCommand('add', WAGNER, asModerator(guild));
    expect(added.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(added.ephemeral).toBe(true);
    const id = Number(/Saved curated answer #(\d+)\./.exec(added.text)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(store().count(guild)).toBe(1);
    expect(store().get(guild, id)).toMatchObject({
      question: 'Siapa pendiri Wagner?',
      answer: '**Yevgeny Prigozhin**.',
      paragraphs: ['putin-kim-vostochny#7'],
      aliases: ['Wagner didirikan siapa'],
      authorId: moderatorUser.id,
      useCount: 0,
    });

    const answered = await ask('siapa yang mendirikan grup Wagner?', guild);
    expect(answered.ephemeral).toBe(false);
    const embed = answered.message!.embeds[0]!;
    expect(embed.title).toBe('siapa yang mendirikan grup Wagner?');
    // The moderators' answer comes first, marked as theirs, with the cited paragraph.
    expect(embed.description).toMatch(/^\*\*📌 Moderators' answer\*\*\n\*\*Yevgeny Prigozhin\*\*\./);
    expect(embed.description).toContain('¶7');
    expect(embed.description).toContain('putin-kim-vostochny#7');
    expect(customIds(answered.message)).toEqual([expect.stringMatching(/^feedback:up:\d+$/), expect.stringMatching(/^feedback:down:\d+$/)]);
    expect(store().get(guild, id)!.useCount).toBe(1);

    // The alias wording and the Indonesian interface give it too.
    const again = await ask('wagner itu didirikan oleh siapa ya?', guild, { locale: 'id' });
    expect(again.message!.embeds[0]!.description).toMatch(/^\*\*📌 Jawaban moderator\*\*/);
    expect(store().get(guild, id)!.useCount).toBe(2);

    // Members can look at it with /faq show, which reports the use count.
    const shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.ephemeral).toBe(false);
    expect(shown.message!.embeds[0]).toMatchObject({ title: 'Siapa pendiri Wagner?', description: '**Yevgeny Prigozhin**.' });
    expect(shown.text).toContain(`Entry #${id} · used 2×`);
    expect(shown.text).toContain('`putin-kim-vostochny#7`');
  });

  it('in a DM, /ask gives the article passages only: no curated answer, no feedback buttons, nothing recorded', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    const count = (table: string) => (store().db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const before = { answers: count('answers'), queue: count('unanswered_questions') };
    for (const question of ['siapa yang mendirikan grup Wagner?', 'Siapa juara Liga Inggris musim lalu?']) {
      const out = await ask(question, guild, { guildId: null });
      expect(out.message!.embeds[0]!.description ?? '').not.toContain('Moderators');
      expect(customIds(out.message)).toEqual([]);
    }
    expect({ answers: count('answers'), queue: count('unanswered_questions') }).toEqual(before);
    expect(store().get(guild, id)!.useCount).toBe(0);
  });

  it('a question no entry answers still gets the article passages, without a curated block', async () => {
    const guild = newGuild();
    await addEntry(guild, WAGNER);
    const answered = await ask('Kapan Prigozhin meninggal?', guild);
    expect(answered.message!.embeds[0]!.description ?? '').not.toContain('Moderators');
    expect(store().get(guild, store().list(guild).entries[0]!.id)!.useCount).toBe(0);
  });
});

describe('/faq permissions follow Discord\'s model', () => {
  it('who may run /faq-manage is Discord\'s decision: the bot does not refuse a member Discord let through', async () => {
    // Discord shows /faq-manage to Manage Messages by default, and to whomever an admin
    // grants it in Server Settings > Integrations. An interaction that arrives was allowed.
    const guild = newGuild();
    const granted = asMember(guild, { permissions: MEMBER_PERMISSIONS });
    const id = await addEntry(guild, WAGNER, granted);
    expect(store().get(guild, id)).toMatchObject({ authorId: memberUser.id });
    const edited = await faqCommand('edit', { entry: String(id), answer: 'Yevgeny Prigozhin (1961-2023).' }, granted);
    expect(edited.text).toContain(`Updated curated answer #${id}.`);
    queue().record(guild, 'Kapan Wagner didirikan?', 'abstained');
    expect((await faqCommand('unanswered', {}, granted)).text).toContain('Kapan Wagner didirikan?');
  });

  it('buttons and forms are not gated by Discord: a member who is not a moderator is refused, and nothing changes', async () => {
    const guild = newGuild();
    const itemId = queue().record(guild, 'Kapan Wagner didirikan?', 'abstained')!;
    const totalBefore = totalEntries();
    const attempts = [
      await send(button({ customId: `faq-answer:${itemId}`, guildId: guild, user: memberUser, locale: 'en-US' })),
      await send(button({ customId: `faq-dismiss:${itemId}:1`, guildId: guild, user: memberUser, locale: 'en-US' })),
      await send(button({ customId: 'faq-unanswered:1:n', guildId: guild, user: memberUser, locale: 'en-US' })),
      await send(
        modalSubmit({
          customId: `faq-modal:${itemId}`,
          fields: { question: 'Kapan Wagner didirikan?', answer: 'Tahun 2014.', paragraphs: '', aliases: '' },
          guildId: guild,
          user: memberUser,
          locale: 'en-US',
        }),
      ),
    ];
    for (const attempt of attempts) {
      expect(attempt.callback.body.type, attempt.text).toBe(InteractionResponseType.ChannelMessageWithSource); // not a modal
      expect(attempt.ephemeral).toBe(true);
      expect(attempt.text).toBe(REFUSED);
    }
    expect(totalEntries()).toBe(totalBefore);
    expect(queue().get(guild, itemId)).toMatchObject({ question: 'Kapan Wagner didirikan?', count: 1 });
    const inIndonesian = await send(button({ customId: `faq-answer:${itemId}`, guildId: guild, user: memberUser, locale: 'id' }));
    expect(inIndonesian.text).toBe('Hanya moderator yang bisa melakukan ini (Kelola Pesan, Kelola Server, atau peran moderator yang diatur dengan `/faq-manage roles`).');
  });

  it('a server can name moderator roles: their members may use the buttons and forms; removing the role takes that away', async () => {
    const guild = newGuild();
    const HELPERS = '1300000000000000777';
    const helper = makeUser('1300000000000005000', 'helper');
    const asHelper = { guildId: guild, user: helper, permissions: MEMBER_PERMISSIONS, roles: [HELPERS], locale: 'en-US' as const };
    const itemId = queue().record(guild, 'Kapan Wagner didirikan?', 'abstained')!;
    expect((await send(button({ customId: `faq-answer:${itemId}`, ...asHelper }))).text).toBe(REFUSED);

    const set = await send(chatInput({ name: 'faq-manage', subcommand: 'roles', options: [opt.role('add', HELPERS)], ...asModerator(guild) }));
    expect(set.ephemeral).toBe(true);
    expect(set.text).toContain(`Members of <@&${HELPERS}> can now use the moderators' buttons and forms.`);
    expect(set.text).toContain(`• <@&${HELPERS}>`);
    expect(bot.services.moderatorRoles.list(guild)).toEqual([HELPERS]);
    // Another server is not affected by this one's setting.
    expect(bot.services.moderatorRoles.list(newGuild())).toEqual([]);

    const opened = await send(button({ customId: `faq-answer:${itemId}`, ...asHelper }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.Modal);
    const saved = await send(modalSubmit({ customId: `faq-modal:${itemId}`, fields: { question: 'Kapan Wagner didirikan?', answer: 'Pada 2014.', paragraphs: '', aliases: '' }, ...asHelper }));
    expect(saved.text).toMatch(/Saved curated answer #\d+/);
    expect(queue().get(guild, itemId)).toBeUndefined();

    const everyone = await send(chatInput({ name: 'faq-manage', subcommand: 'roles', options: [opt.role('add', guild)], ...asModerator(guild) }));
    expect(everyone.text).toMatch(/@everyone cannot be a moderator role/);
    const removed = await send(chatInput({ name: 'faq-manage', subcommand: 'roles', options: [opt.role('remove', HELPERS)], ...asModerator(guild) }));
    expect(removed.text).toContain(`<@&${HELPERS}> is no longer a moderator role.`);
    expect(removed.text).toContain('No extra moderator roles');
    const next = queue().record(guild, 'Siapa juara Liga Inggris?', 'abstained')!;
    expect((await send(button({ customId: `faq-answer:${next}`, ...asHelper }))).text).toBe(REFUSED);
  });

  it('members may read: /faq list and /faq show', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    const list = await faqCommand('list', {}, asMember(guild));
    expect(list.ephemeral).toBe(false);
    expect(list.text).toContain(`**#${id}** Siapa pendiri Wagner?`);
    const shown = await faqCommand('show', { entry: 'Siapa pendiri Wagner?' }, asMember(guild));
    expect(shown.message!.embeds[0]!.title).toBe('Siapa pendiri Wagner?');
    const pressed = await send(button({ customId: 'faq-list:1:n', guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(pressed.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
  });

  it.each([
    ['Administrator', MEMBER_PERMISSIONS | PermissionFlagsBits.Administrator],
    ['Manage Server alone', PermissionFlagsBits.ManageGuild],
    ['Manage Messages alone', PermissionFlagsBits.ManageMessages],
  ])('%s may use the moderators\' buttons', async (_, permissions) => {
    const guild = newGuild();
    const itemId = queue().record(guild, 'Kapan Wagner didirikan?', 'abstained')!;
    const opened = await send(button({ customId: `faq-answer:${itemId}`, guildId: guild, user: memberUser, permissions, locale: 'en-US' }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.Modal);
  });

  it('/faq and /faq-manage in a DM are refused with a clear message and change nothing', async () => {
    const totalBefore = totalEntries();
    for (const subcommand of ['add', 'list', 'unanswered']) {
      const out = await faqCommand(subcommand, subcommand === 'add' ? WAGNER : {}, { guildId: null, user: moderatorUser, locale: 'en-US' });
      expect(out.ephemeral).toBe(true);
      expect(out.text).toBe('This command only works in a server.');
    }
    const pressed = await send(button({ customId: 'faq-answer:1', guildId: null, user: moderatorUser, locale: 'en-US' }));
    expect(pressed.text).toBe('This command only works in a server.');
    const suggestions = await send(autocomplete({ name: 'faq-manage', subcommand: 'edit', focused: { name: 'entry', value: '' }, guildId: null, user: moderatorUser }));
    expect(suggestions.callback.body).toEqual({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
    expect(totalEntries()).toBe(totalBefore);
  });
});

describe('who did what', () => {
  it('/faq show gives the author and the last editor; the history records removals too', async () => {
    const guild = newGuild();
    const editor = makeUser('1300000000000006000', 'penyunting');
    const id = await addEntry(guild, WAGNER);
    let shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.text).toMatch(new RegExp(`Added by <@${moderatorUser.id}> <t:\\d+:R>`));
    expect(shown.text).not.toContain('last edited');

    await faqCommand('edit', { entry: String(id), answer: 'Yevgeny Prigozhin (1961-2023).' }, asModerator(guild, { user: editor }));
    await faqCommand('edit', { entry: String(id), aliases: 'Wagner didirikan siapa; pendiri grup Wagner' }, asModerator(guild, { user: editor }));
    shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.text).toMatch(new RegExp(`Added by <@${moderatorUser.id}> <t:\\d+:R>\\nlast edited by <@${editor.id}> <t:\\d+:R> \\(2 edit\\(s\\)\\)`));
    // Mentions in an embed never ping; the message disables them anyway (checked after each test).

    await faqCommand('remove', { entry: String(id) }, asModerator(guild));
    expect(store().history(guild, id).map((h) => [h.action, h.actorId])).toEqual([
      ['add', moderatorUser.id],
      ['edit', editor.id],
      ['edit', editor.id],
      ['remove', moderatorUser.id],
    ]);
  });

  it('a citation the corpus no longer has (article shortened or removed) is marked in /faq show', async () => {
    const guild = newGuild();
    // As left behind by an article that had a ¶9 and lost it.
    const entry = store().add(guild, { question: 'Apa isi paragraf sembilan?', answer: 'Sesuatu.', paragraphs: ['putin-kim-vostochny#7', 'putin-kim-vostochny#9', 'artikel-lama#2'], aliases: [] }, moderatorUser.id);
    const shown = await faqCommand('show', { entry: String(entry.id) }, asMember(guild, { locale: 'en-US' }));
    expect(shown.text).toContain('`putin-kim-vostochny#7`, `putin-kim-vostochny#9` ⚠️ no longer in the corpus, `artikel-lama#2` ⚠️ no longer in the corpus');
    expect(shown.text).toContain('⚠️ 2 cited paragraph(s) no longer exist (the article was shortened or removed); /ask leaves them out.');
  });
});

describe('/faq list pagination', () => {
  it('more than 10 entries: pages with Previous/Next buttons; Next updates the message to page 2', async () => {
    const guild = newGuild();
    const ids: number[] = [];
    for (let n = 1; n <= 12; n++) ids.push(await addEntry(guild, { question: `Pertanyaan uji nomor ${n} tentang artikel?`, answer: `Jawaban ${n}.` }));

    const list = await faqCommand('list', {}, asMember(guild));
    const page1 = list.message!;
    expect(page1.embeds[0]).toMatchObject({ title: 'Curated answers (12)', footer: { text: '1/2' } });
    expect(page1.embeds[0]!.description!.split('\n')).toHaveLength(10);
    expect(page1.embeds[0]!.description).toContain(`**#${ids[0]}** Pertanyaan uji nomor 1 tentang artikel? — used 0×`);
    const buttons = (page1.components![0] as unknown as { components: { custom_id: string; disabled: boolean; label: string }[] }).components;
    expect(buttons.map((b) => [b.label, b.disabled])).toEqual([['Previous', true], ['Next', false]]);

    const next = buttons[1]!.custom_id;
    const pressed = await send(button({ customId: next, message: page1, guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(pressed.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    const page2 = pressed.callback.body.data.embeds[0] as APIEmbed;
    expect(page2.footer?.text).toBe('2/2');
    expect(page2.description!.split('\n')).toHaveLength(2);
    expect(page2.description).toContain(`**#${ids[11]}**`);
    expect(pressed.state.original?.id).toBe(page1.id); // the same message, edited
    const pager = pressed.callback.body.data.components[0].components as { disabled: boolean; label: string }[];
    expect(pager.map((b) => [b.label, b.disabled])).toEqual([['Previous', false], ['Next', true]]);
  });

  it('a stale or forged page number shows the nearest existing page', async () => {
    const guild = newGuild();
    for (let n = 1; n <= 11; n++) await addEntry(guild, { question: `Soal basi nomor ${n}?`, answer: `Jawaban ${n}.` });
    for (const page of ['9', '-3', 'x']) {
      const pressed = await send(button({ customId: `faq-list:${page}:n`, guildId: guild, user: memberUser, locale: 'en-US' }));
      const embed = pressed.callback.body.data.embeds[0] as APIEmbed;
      expect(embed.description, `page ${page}`).toMatch(/\*\*#\d+\*\*/);
      expect(embed.footer?.text).toMatch(/^[12]\/2$/);
    }
  });

  it('an empty list says how to add one', async () => {
    const out = await faqCommand('list', {}, asMember(newGuild()));
    expect(out.ephemeral).toBe(true);
    expect(out.text).toContain('No curated answers yet');
  });
});

describe('/faq edit and /faq remove with the autocompleted entry option', () => {
  it('autocomplete offers at most 25 entries of this server, valued by id; edit and remove use them', async () => {
    const guild = newGuild();
    const ids: number[] = [];
    for (let n = 1; n <= 27; n++) ids.push(store().add(guild, { question: `Pertanyaan pengisi nomor ${n}?`, answer: `Isi ${n}.`, paragraphs: [], aliases: [] }, moderatorUser.id).id);
    const wagner = await addEntry(guild, WAGNER);
    const foreign = store().add(newGuild(), { question: 'Siapa pendiri Wagner di server lain?', answer: 'Rahasia.', paragraphs: [], aliases: [] }, 'other');

    const complete = (value: string, subcommand = 'edit') =>
      send(autocomplete({ name: READING.has(subcommand) ? 'faq' : 'faq-manage', subcommand, focused: { name: 'entry', value }, guildId: guild, user: moderatorUser, locale: 'en-US' }));

    const all = (await complete('')).callback.body;
    expect(all.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(all.data.choices).toHaveLength(25);
    for (const choice of all.data.choices as { name: string; value: string }[]) {
      expect(choice.value).toMatch(/^\d+$/);
      expect([...ids, wagner]).toContain(Number(choice.value));
      expect(choice.name.startsWith(`#${choice.value} `)).toBe(true);
      expect(choice.name.length).toBeLessThanOrEqual(100);
    }

    const typed = (await complete('pendiri wag', 'remove')).callback.body.data.choices as { name: string; value: string }[];
    expect(typed).toEqual([{ name: `#${wagner} Siapa pendiri Wagner?`, value: String(wagner) }]); // not the other server's

    const edited = await faqCommand('edit', { entry: typed[0]!.value, answer: 'Yevgeny Prigozhin (1961-2023).', aliases: 'Wagner didirikan siapa; pendiri grup Wagner' }, asModerator(guild));
    expect(edited.ephemeral).toBe(true);
    expect(edited.text).toContain(`Updated curated answer #${wagner}.`);
    expect(store().get(guild, wagner)).toMatchObject({ answer: 'Yevgeny Prigozhin (1961-2023).', aliases: ['Wagner didirikan siapa', 'pendiri grup Wagner'], question: 'Siapa pendiri Wagner?' });
    expect((await ask('siapa yang mendirikan grup Wagner?', guild)).message!.embeds[0]!.description).toContain('Yevgeny Prigozhin (1961-2023).');

    // Nothing to change is an error, not a silent success.
    const empty = await faqCommand('edit', { entry: String(wagner) }, asModerator(guild));
    expect(empty.ephemeral).toBe(true);
    expect(empty.text).toContain('Nothing to change');

    const count = store().count(guild);
    const removed = await faqCommand('remove', { entry: `#${ids[0]}` }, asModerator(guild));
    expect(removed.ephemeral).toBe(true);
    expect(removed.text).toBe(`Removed curated answer #${ids[0]}: "Pertanyaan pengisi nomor 1?".`);
    expect(store().get(guild, ids[0]!)).toBeUndefined();
    expect(store().count(guild)).toBe(count - 1);

    // Another server's entry id is "not found" here, and stays untouched.
    const foreignBefore = store().get(foreign.guildId, foreign.id);
    for (const subcommand of ['edit', 'remove', 'show']) {
      const out = await faqCommand(subcommand, { entry: String(foreign.id), ...(subcommand === 'edit' ? { answer: 'Dibajak.' } : {}) }, asModerator(guild));
      expect(out.ephemeral).toBe(true);
      expect(out.text).toContain(`No curated answer matches "${foreign.id}".`);
      expect(out.text).not.toContain('Rahasia');
    }
    expect(store().get(foreign.guildId, foreign.id)).toEqual(foreignBefore);
    expect(store().count(guild)).toBe(count - 1);

    // Unknown ids and misspelt questions get suggestions.
    const unknownId = await faqCommand('remove', { entry: '987654' }, asModerator(guild));
    expect(unknownId.text).toMatch(/^No curated answer matches "987654"\.\nDid you mean: #\d+ ".+"/);
    const typo = await faqCommand('edit', { entry: 'Siapa pendri Wagner?', answer: 'x' }, asModerator(guild));
    expect(typo.text).toContain('No curated answer matches "Siapa pendri Wagner?".');
    expect(typo.text).toContain(`Did you mean: #${wagner} "Siapa pendiri Wagner?"`);
    expect(store().count(guild)).toBe(count - 1);
    expect(store().get(guild, wagner)!.answer).toBe('Yevgeny Prigozhin (1961-2023).');
  });
});

describe('/faq add and edit refuse bad input clearly and change nothing', () => {
  const guild = newGuild();
  let existing: number;
  let other: number;

  beforeAll(async () => {
    existing = await addEntry(guild, WAGNER);
    other = await addEntry(guild, { question: 'Di mana Putin dan Kim bertemu?', answer: 'Di Kosmodrom Vostochny.', paragraphs: '2' });
  });

  const cases: [string, Fields, RegExp][] = [
    ['an empty question', { question: '', answer: 'Jawaban.' }, /The question must be 3 to 300 characters long \(it has 0\)/],
    ['a blank question', { question: '   ', answer: 'Jawaban.' }, /The question must be 3 to 300 characters long/],
    ['an empty answer', { question: 'Siapa pemimpin Korea Utara?', answer: '' }, /The answer must be 1 to 1800 characters long \(it has 0\)/],
    ['a 1,801-character answer', { question: 'Siapa pemimpin Korea Utara?', answer: 'a'.repeat(1801) }, /The answer must be 1 to 1800 characters long \(it has 1801\)/],
    ['@everyone in the answer', { question: 'Siapa pemimpin Korea Utara?', answer: '@everyone Kim Jong Un.' }, /The answer contains a mention/],
    ['@here in the question', { question: '@here siapa pemimpin Korea Utara?', answer: 'Kim Jong Un.' }, /The question contains a mention/],
    ['a role mention in an alias', { question: 'Siapa pemimpin Korea Utara?', answer: 'Kim Jong Un.', aliases: 'pemimpin Korut; tanya <@&123456789012345678> saja' }, /Alias 2 contains a mention/],
    ['a role mention in the answer', { question: 'Siapa pemimpin Korea Utara?', answer: 'Tanya <@&123456789012345678>.' }, /The answer contains a mention/],
    ['an unbalanced code fence', { question: 'Siapa pemimpin Korea Utara?', answer: 'Lihat:\n```\nKim Jong Un' }, /unclosed code block/],
    ['paragraph 99', { question: 'Siapa pemimpin Korea Utara?', answer: 'Kim Jong Un.', paragraphs: '99' }, /Paragraph putin-kim-vostochny#99 does not exist in the corpus/],
    ['paragraph nope#1', { question: 'Siapa pemimpin Korea Utara?', answer: 'Kim Jong Un.', paragraphs: 'nope#1' }, /Paragraph nope#1 does not exist in the corpus/],
  ];

  it.each(cases)('%s', async (_, fields, message) => {
    const before = totalEntries();
    const out = await faqCommand('add', fields, asModerator(guild));
    expect(out.ephemeral).toBe(true);
    expect(out.text).toMatch(/^Nothing was saved:\n• /);
    expect(out.text).toMatch(message);
    expect(totalEntries()).toBe(before);
  });

  it('a question that is an existing question or alias after normalisation is a conflict naming that entry', async () => {
    const before = totalEntries();
    for (const fields of [
      { question: 'siapa   PENDIRI wagner ??', answer: 'Prigozhin.' },
      { question: 'Siapa bos Wagner?', answer: 'Prigozhin.', aliases: 'wagner didirikan SIAPA!' },
    ]) {
      const out = await faqCommand('add', fields, asModerator(guild));
      expect(out.ephemeral).toBe(true);
      expect(out.text).toMatch(new RegExp(`is already a question or phrasing of curated answer #${existing}\\. Edit that entry instead`));
    }
    expect(totalEntries()).toBe(before);
  });

  it('edit: bad input and conflicts leave the entry as it was', async () => {
    const before = store().get(guild, other);
    const bad = await faqCommand('edit', { entry: String(other), answer: '@everyone Vostochny.' }, asModerator(guild));
    expect(bad.text).toMatch(/^Nothing was saved:\n• The answer contains a mention/);
    const clash = await faqCommand('edit', { entry: String(other), question: 'Siapa pendiri Wagner' }, asModerator(guild));
    expect(clash.text).toContain(`curated answer #${existing}`);
    expect(store().get(guild, other)).toEqual(before);
  });

  it('an answer of exactly 1,800 characters is accepted and its confirmation fits Discord', async () => {
    const answer = `${'Panjang '.repeat(225)}`.slice(0, 1794) + 'akhir.';
    expect(answer).toHaveLength(1800);
    const id = await addEntry(guild, { question: 'Jawaban terpanjang yang diizinkan?', answer });
    expect(store().get(guild, id)!.answer).toBe(answer);
    const shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.message!.embeds[0]!.description).toBe(answer);
  });
});

describe('the unanswered queue', () => {
  it('abstentions and 👎 enter the queue; the Answer button opens a prefilled form whose submission becomes the curated answer', async () => {
    const guild = newGuild();
    const QUESTION = 'Siapa juara Liga Inggris musim lalu?';

    const abstained = await ask(QUESTION, guild);
    expect(abstained.text).toContain('The article does not answer this question');
    await ask(QUESTION, guild);

    // A 👎 on an answer the article did give.
    const answered = await ask('Apa yang dibahas Putin dan Kim?', guild);
    const down = customIds(answered.message).find((id) => id.startsWith('feedback:down:'))!;
    const voted = await send(button({ customId: down, message: answered.message, guildId: guild, user: answered.payload.member!.user, locale: 'en-US' }));
    expect(voted.ephemeral).toBe(true);
    expect(voted.text).toContain('Your 👎 is recorded');

    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    expect(pending.ephemeral).toBe(true);
    expect(pending.text).toContain(`"${QUESTION}" — asked 2× (2 unanswered, 0 👎)`);
    expect(pending.text).toContain('"Apa yang dibahas Putin dan Kim?" — asked 1× (0 unanswered, 1 👎)');
    const answerButtons = customIds(pending.message).filter((id) => id.startsWith('faq-answer:'));
    expect(answerButtons).toHaveLength(2);
    const item = queue().list(guild).items.find((i) => i.question === QUESTION)!;
    expect(answerButtons[0]).toBe(`faq-answer:${item.id}:1`); // most asked first, on page 1

    const opened = await send(button({ customId: `faq-answer:${item.id}`, message: pending.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.Modal);
    const modal = opened.callback.body.data;
    expect(modal.custom_id).toBe(`faq-modal:${item.id}`);
    const inputs = (modal.components as { components: { custom_id: string; value?: string; type: number }[] }[]).map((row) => row.components[0]!);
    expect(inputs.map((i) => i.custom_id)).toEqual(['question', 'answer', 'paragraphs', 'aliases']);
    expect(inputs.every((i) => i.type === ComponentType.TextInput)).toBe(true);
    expect(inputs[0]!.value).toBe(QUESTION);

    const totalBefore = store().count(guild);
    const submitted = await send(
      modalSubmit({
        customId: modal.custom_id,
        fields: { question: QUESTION, answer: 'Artikel ini tidak membahas sepak bola.', paragraphs: '', aliases: 'juara liga inggris tahun lalu' },
        message: pending.message,
        guildId: guild,
        user: moderatorUser,
        locale: 'en-US',
      }),
    );
    expect(submitted.ephemeral).toBe(true);
    const id = Number(/Saved curated answer #(\d+)/.exec(submitted.text)?.[1]);
    expect(store().count(guild)).toBe(totalBefore + 1);
    expect(store().get(guild, id)).toMatchObject({ question: QUESTION, aliases: ['juara liga inggris tahun lalu'], paragraphs: [] });
    expect(queue().get(guild, item.id)).toBeUndefined();
    expect(queue().list(guild).items.map((i) => i.question)).toEqual(['Apa yang dibahas Putin dan Kim?']);

    const curated = await ask(QUESTION, guild);
    expect(curated.message!.embeds[0]!.description).toMatch(/^\*\*📌 Moderators' answer\*\*\nArtikel ini tidak membahas sepak bola\./);
    expect(store().get(guild, id)!.useCount).toBe(1);
    expect(queue().list(guild).total).toBe(1); // answered now: not queued again

    // The button of an item that was answered meanwhile says so instead of opening a form.
    const stale = await send(button({ customId: `faq-answer:${item.id}`, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(stale.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(stale.text).toContain('already answered or removed');
  });

  it('an /ask the bot cannot answer, close to a curated answer, names that answer\'s question ("did you mean")', async () => {
    const guild = newGuild();
    await addEntry(guild, { question: 'Siapa juara Liga Inggris musim lalu?', answer: 'Manchester City.', paragraphs: '', aliases: '' });
    const near = await ask('siapa pencetak gol terbanyak Liga Inggris musim lalu', guild);
    expect(near.message!.embeds[0]!.description).toContain('The article does not answer this question');
    expect(near.message!.embeds[0]!.description).toContain('Moderators have answered a similar question: "Siapa juara Liga Inggris musim lalu?"');
    const far = await ask('Apa resep nasi goreng?', guild);
    expect(far.message!.embeds[0]!.description).not.toContain('similar question');
  });

  it('a queued paraphrase of an existing answer: the queue names the closest answer, "Same as…" adds the question to it, and /ask then gives it', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    // Below the match threshold (its extra words are not in the entry), but closest to it.
    const PARAPHRASE = 'Siapa pendiri grup tentara bayaran Wagner?';
    const before = await ask(PARAPHRASE, guild);
    expect(before.message!.embeds[0]!.description ?? '').not.toContain("Moderators' answer");
    const itemId = queue().record(guild, PARAPHRASE, 'abstained')!;

    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    expect(pending.text).toContain(`closest answer: #${id} "Siapa pendiri Wagner?"`);
    const sameId = customIds(pending.message).find((c) => c.startsWith(`faq-same:${itemId}:`))!;
    expect(sameId).toBeDefined();

    // Not gated by Discord: a member is refused, and nothing opens.
    expect((await send(button({ customId: sameId, message: pending.message, guildId: guild, user: memberUser, locale: 'en-US' }))).text).toBe(REFUSED);
    const opened = await send(button({ customId: sameId, message: pending.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.Modal);
    const modal = opened.callback.body.data;
    expect(modal.custom_id).toBe(`faq-same-modal:${itemId}`);
    const inputs = (modal.components as { components: { custom_id: string; value?: string }[] }[]).map((row) => row.components[0]!);
    expect(inputs.map((i) => [i.custom_id, i.value])).toEqual([
      ['entry', `#${id}`],
      ['aliases', PARAPHRASE],
    ]);

    const fields = { entry: `#${id}`, aliases: PARAPHRASE };
    const forged = await send(modalSubmit({ customId: modal.custom_id, fields, guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(forged.text).toBe(REFUSED);
    expect(store().get(guild, id)!.aliases).toEqual(['Wagner didirikan siapa']);

    const saved = await send(modalSubmit({ customId: modal.custom_id, fields, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(saved.ephemeral).toBe(true);
    expect(saved.text).toContain(`Added to curated answer #${id}`);
    expect(store().get(guild, id)!.aliases).toEqual(['Wagner didirikan siapa', PARAPHRASE]);
    expect(store().history(guild, id).at(-1)).toMatchObject({ action: 'edit', actorId: moderatorUser.id });
    expect(queue().get(guild, itemId)).toBeUndefined();

    const after = await ask(PARAPHRASE, guild);
    expect(after.message!.embeds[0]!.description).toMatch(/^\*\*📌 Moderators' answer\*\*\n\*\*Yevgeny Prigozhin\*\*/);
  });

  it('a "Same as…" form naming no entry of this server, or a phrasing another entry has, saves nothing and keeps the question queued', async () => {
    const guild = newGuild();
    const elsewhere = newGuild();
    const id = await addEntry(guild, WAGNER);
    const other = await addEntry(guild, { question: 'Di mana Putin dan Kim bertemu?', answer: 'Di Kosmodrom Vostochny.', paragraphs: '2', aliases: '' });
    const foreign = await addEntry(elsewhere, { question: 'Kapan Prigozhin meninggal?', answer: 'Bulan lalu.', paragraphs: '7', aliases: '' });
    const itemId = queue().record(guild, 'pendiri wagner siapa ya', 'abstained')!;
    const submit = (fields: Record<string, string>) => send(modalSubmit({ customId: `faq-same-modal:${itemId}`, fields, guildId: guild, user: moderatorUser, locale: 'en-US' }));

    for (const entry of ['#99999', 'Wagner', `#${foreign}`, '']) {
      expect((await submit({ entry, aliases: 'pendiri wagner siapa ya' })).text).toMatch(/^There is no curated answer ".*" in this server\./);
    }
    expect((await submit({ entry: `#${id}`, aliases: ' ; ' })).text).toBe('Write the phrasing to add. Nothing was saved.');
    const clash = await submit({ entry: `#${id}`, aliases: 'Di mana Putin dan Kim bertemu?' });
    expect(clash.text).toContain(`is already a question or phrasing of curated answer #${other}`);
    const repeated = await submit({ entry: `#${id}`, aliases: 'wagner didirikan siapa' });
    expect(repeated.text).toMatch(/^Nothing was saved:/);
    const pinging = await submit({ entry: `#${id}`, aliases: '@everyone pendiri wagner' });
    expect(pinging.text).toMatch(/^Nothing was saved:/);

    expect(store().get(guild, id)!.aliases).toEqual(['Wagner didirikan siapa']);
    expect(store().get(elsewhere, foreign)!.aliases).toEqual([]);
    expect(queue().get(guild, itemId)).toBeDefined();
    // The button of a question no longer queued says so instead of opening a form.
    queue().resolve(guild, itemId);
    const stale = await send(button({ customId: `faq-same:${itemId}:1`, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(stale.text).toContain('already answered or removed');
  });

  it('a moderator can dismiss a queued question; the page is redrawn without it; a member cannot', async () => {
    const guild = newGuild();
    const noise = queue().record(guild, 'asdf qwerty', 'abstained')!;
    queue().record(guild, 'Kapan Prigozhin meninggal?', 'abstained');
    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    const dismissId = customIds(pending.message).find((id) => id.startsWith(`faq-dismiss:${noise}:`))!;
    expect(dismissId).toBeDefined();

    const refused = await send(button({ customId: dismissId, message: pending.message, guildId: guild, user: memberUser, locale: 'en-US' }));
    expect(refused.ephemeral).toBe(true);
    expect(queue().get(guild, noise)).toBeDefined();

    const dismissed = await send(button({ customId: dismissId, message: pending.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(dismissed.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(queue().get(guild, noise)).toBeUndefined();
    expect(queue().list(guild).items.map((i) => i.question)).toEqual(['Kapan Prigozhin meninggal?']);
    expect(JSON.stringify(dismissed.callback.body.data)).not.toContain('asdf qwerty');
  });

  it('a modal submission with bad input saves nothing and keeps the question queued', async () => {
    const guild = newGuild();
    const itemId = queue().record(guild, 'Kapan Prigozhin meninggal?', 'abstained')!;
    const out = await send(
      modalSubmit({
        customId: `faq-modal:${itemId}`,
        fields: { question: 'Kapan Prigozhin meninggal?', answer: '@everyone bulan lalu', paragraphs: '99', aliases: '' },
        guildId: guild,
        user: moderatorUser,
        locale: 'en-US',
      }),
    );
    expect(out.ephemeral).toBe(true);
    expect(out.text).toMatch(/^Nothing was saved:/);
    expect(out.text).toContain('mention');
    expect(out.text).toContain('putin-kim-vostochny#99');
    expect(store().count(guild)).toBe(0);
    expect(queue().get(guild, itemId)).toBeDefined();
  });

  it("another server's queued question cannot be opened or resolved from here", async () => {
    const guild = newGuild();
    const elsewhere = newGuild();
    const foreignItem = queue().record(elsewhere, 'Rahasia server lain?', 'abstained')!;
    const opened = await send(button({ customId: `faq-answer:${foreignItem}`, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(opened.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(opened.text).toBe('That question was already answered or removed from the queue.');
    const submitted = await send(
      modalSubmit({ customId: `faq-modal:${foreignItem}`, fields: { question: 'Pertanyaan server ini?', answer: 'Jawaban.', paragraphs: '', aliases: '' }, guildId: guild, user: moderatorUser, locale: 'en-US' }),
    );
    expect(submitted.text).toContain('Saved curated answer #');
    expect(store().count(guild)).toBe(1);
    expect(store().count(elsewhere)).toBe(0);
    expect(queue().get(elsewhere, foreignItem)).toMatchObject({ question: 'Rahasia server lain?', count: 1 });
  });

  it('an edit that adds a phrasing of a queued question takes it out of the queue, as an add does', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    const asked = await ask('Siapa bos Wagner?', guild);
    expect(asked.message!.embeds[0]!.description ?? '').not.toContain('Yevgeny Prigozhin');
    const down = customIds(asked.message).find((c) => c.startsWith('feedback:down:'))!;
    await send(button({ customId: down, message: asked.message, guildId: guild, user: asked.payload.member!.user, locale: 'en-US' }));
    queue().record(guild, 'Siapa juara Liga Inggris musim lalu?', 'abstained');
    expect(queue().list(guild).items.map((i) => i.question).sort()).toEqual(['Siapa bos Wagner?', 'Siapa juara Liga Inggris musim lalu?']);

    await faqCommand('edit', { entry: String(id), aliases: 'Wagner didirikan siapa; siapa BOS wagner' }, asModerator(guild));
    expect(queue().list(guild).items.map((i) => i.question)).toEqual(['Siapa juara Liga Inggris musim lalu?']);
    expect((await ask('Siapa bos Wagner?', guild)).message!.embeds[0]!.description).toContain('Yevgeny Prigozhin');
  });

  it('the queue pages keep every action row valid, also on a stale page', async () => {
    const guild = newGuild();
    for (let n = 1; n <= 6; n++) queue().record(guild, `Pertanyaan antre nomor ${n}?`, 'abstained');
    const first = await faqCommand('unanswered', {}, asModerator(guild));
    expect(first.message!.embeds[0]!.footer?.text).toBe('1/2');
    // The only item of page 2 is answered meanwhile; a stale "Next" must still render.
    const last = queue().list(guild, { offset: 5, limit: 5 }).items[0]!;
    queue().resolve(guild, last.id);
    const pressed = await send(button({ customId: 'faq-unanswered:2:n', message: first.message, guildId: guild, user: moderatorUser, locale: 'en-US' }));
    expect(pressed.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(pressed.text).toContain('Pertanyaan antre nomor');
  });
});

describe('restart', () => {
  it('entries, their use counts and the queue survive closing the bot and starting a new one on the same DATA_DIR', async () => {
    const guild = newGuild();
    const id = await addEntry(guild, WAGNER);
    await ask('siapa yang mendirikan grup Wagner?', guild);
    await ask('Siapa juara Liga Inggris musim lalu?', guild);
    const before = { entry: store().get(guild, id), queue: queue().list(guild) };
    expect(before.entry!.useCount).toBe(1);
    expect(before.queue.total).toBe(1);

    const gone = store().add(guild, { question: 'Apa isi paragraf yang hilang?', answer: 'x', paragraphs: ['putin-kim-vostochny#42'], aliases: [] }, moderatorUser.id);
    logged.length = 0;

    await restart();

    // Start-up warns about citations that no longer exist, naming the entry and the server.
    const warnings = logged.splice(0).map((line) => JSON.parse(line) as { level: number; msg: string });
    const missing = warnings.find((w) => /citation\(s\) of curated answers no longer exist/.test(w.msg));
    expect(missing?.level).toBe(40);
    expect(missing?.msg).toContain(`#${gone.id} putin-kim-vostochny#42 (server ${guild})`);
    expect(warnings.filter((w) => w !== missing)).toEqual([]);
    expect(store().get(guild, id)).toEqual(before.entry);
    expect(queue().list(guild)).toEqual(before.queue);
    const shown = await faqCommand('show', { entry: String(id) }, asMember(guild));
    expect(shown.text).toContain(`Entry #${id} · used 1×`);
    const pending = await faqCommand('unanswered', {}, asModerator(guild));
    expect(pending.text).toContain('"Siapa juara Liga Inggris musim lalu?" — asked 1×');
    const answered = await ask('siapa yang mendirikan grup Wagner?', guild);
    expect(answered.message!.embeds[0]!.description).toContain('Yevgeny Prigozhin');
    expect(store().get(guild, id)!.useCount).toBe(2);
  });
});
