/**
 * The article flow through the real entry point (`dist/src/main.js`, what `npm start`
 * runs, with DISCORD_TOKEN) against the fake Discord, as on a fresh clone: a moderator
 * adds an article by attaching it, members of that server are answered from it and those
 * of another server are not, a restart keeps it, removing it makes it unanswerable; and
 * CORPUS_DIR reloads live (the compiled worker thread), a broken file not taking the bot down.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, type APIEmbed } from 'discord-api-types/v10';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';
import { makeUser } from '../support/discordFixtures.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { chatInput, DEFAULT_GUILD_ID, moderatorUser, opt, snowflake } from '../support/interactions.js';

const TOKEN = 'articles-e2e-token';
const WAIT = 30_000;
const OTHER_GUILD = '1100000000000000999';
const ARTICLE = readFileSync(join(import.meta.dirname, '../fixtures/server-article/erupsi-lewotobi.md'), 'utf8');
const QUESTION = 'Berapa warga yang meninggal dunia akibat erupsi Lewotobi?';

let fake: FakeDiscord;
let dataDir: string;
let corpusDir: string;
let bot: BotProcess;

function start(): BotProcess {
  return startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, CORPUS_DIR: corpusDir });
}

async function stop(): Promise<void> {
  if (bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  bot.child.kill('SIGTERM');
  expect((await bot.exited).code).toBe(0);
}

/** Dispatches and returns the final message (the reply, or a deferred reply's edit). */
async function send(payload: Parameters<FakeDiscord['dispatchInteraction']>[0]) {
  fake.dispatchInteraction(payload);
  const callback = await fake.waitForCallback(payload.id, WAIT);
  if (callback.body.type !== InteractionResponseType.DeferredChannelMessageWithSource) return callback.body.data as { content?: string; embeds?: APIEmbed[] };
  const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${payload.token}/messages/@original`, WAIT);
  return edit.body as { content?: string; embeds?: APIEmbed[] };
}

const text = (body: { content?: string; embeds?: APIEmbed[] }) => JSON.stringify(body);

async function ask(question: string, guildId = DEFAULT_GUILD_ID) {
  const id = snowflake();
  return send(chatInput({ name: 'ask', options: [opt.string('question', question)], user: makeUser(id, `e2e-${id.slice(-4)}`), guildId, locale: 'en-US' }));
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'articles-e2e-'));
  corpusDir = mkdtempSync(join(tmpdir(), 'articles-e2e-corpus-'));
  cpSync('corpus', corpusDir, { recursive: true });
  fake = await startFakeDiscord({ token: TOKEN, guilds: [DEFAULT_GUILD_ID, OTHER_GUILD] });
  bot = start();
  await bot.waitForLog((line) => /^Logged in as/.test(line.msg), WAIT);
}, 90_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  if (fake) await fake.close();
  for (const dir of [dataDir, corpusDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npm start with DISCORD_TOKEN: /article and the live corpus', () => {
  it('a moderator adds an article; this server is answered from it, another server is not', async () => {
    const attachment = fake.hostAttachment({ filename: 'erupsi-lewotobi.md', data: ARTICLE });
    const added = await send(chatInput({ name: 'article', subcommand: 'add', options: [opt.attachment('file', attachment)], attachments: [attachment], user: moderatorUser, locale: 'en-US' }));
    expect(text(added)).toContain('Article added to this server');
    expect(text(added)).toContain('`erupsi-lewotobi`, 7 paragraph(s)');
    expect(fake.requests.filter((r) => r.method === 'GET' && r.path.includes(`/${attachment.id}/`))).toHaveLength(1);

    const here = await ask(QUESTION);
    expect(here.embeds![0]!.fields![0]!.name).toBe('¶3 · Erupsi Gunung Lewotobi Laki-laki Paksa Ribuan Warga Flores Timur Mengungsi');
    expect(here.embeds![0]!.fields![0]!.value).toContain('`erupsi-lewotobi#3`');
    expect(text(await ask(QUESTION, OTHER_GUILD))).not.toContain('erupsi-lewotobi');
    const line = await bot.waitForLog((l) => l.msg === `server ${DEFAULT_GUILD_ID}: article erupsi-lewotobi added (7 paragraphs)`, WAIT);
    expect(line).toMatchObject({ guild: DEFAULT_GUILD_ID, article: 'erupsi-lewotobi', paragraphs: 7 });
  });

  it('a restart keeps it; removing it makes it unanswerable', async () => {
    await stop();
    bot = start();
    await bot.waitForLog((line) => /^Logged in as/.test(line.msg), WAIT);
    expect((await ask(QUESTION)).embeds![0]!.fields![0]!.value).toContain('`erupsi-lewotobi#3`');

    const removed = await send(chatInput({ name: 'article', subcommand: 'remove', options: [opt.string('article', 'erupsi-lewotobi')], user: moderatorUser, locale: 'en-US' }));
    expect(text(removed)).toContain('Removed **Erupsi Gunung Lewotobi');
    const after = await ask(QUESTION);
    expect(text(after)).not.toContain('erupsi-lewotobi');
    expect(after.embeds![0]!.fields ?? []).toHaveLength(0);
  });

  it('CORPUS_DIR reloads live in the background; a broken file is logged with its line and the bot keeps answering', async () => {
    const question = 'Berapa pompa yang dikerahkan Dinas Pekerjaan Umum di Semarang?';
    const before = bot.logs().length;
    writeFileSync(join(corpusDir, 'banjir.md'), '---\nid: banjir-rob-semarang\ntitle: Banjir Rob Rendam Pesisir Semarang\nlanguage: id\n---\n\nBanjir rob setinggi 60 sentimeter merendam kawasan Pelabuhan Tanjung Emas, Semarang, sejak Selasa sore.\n\nDinas Pekerjaan Umum mengerahkan dua puluh pompa untuk menyedot air dari permukiman warga.\n');
    await bot.waitForLog((l) => l.msg.startsWith('Corpus reloaded') && l.articles === 2, WAIT);
    for (const guildId of [DEFAULT_GUILD_ID, OTHER_GUILD]) expect(text(await ask(question, guildId))).toContain('`banjir-rob-semarang#');

    writeFileSync(join(corpusDir, 'banjir.md'), '---\nid: banjir-rob-semarang\ntitle Banjir\nlanguage: id\n---\n\nIsi.\n');
    const failed = await bot.waitForLog((l) => l.msg.startsWith('Corpus reload failed'), WAIT);
    expect(failed.msg).toMatch(/banjir\.md:3: expected "key: value" in the front matter/);
    expect(failed).toMatchObject({ line: 3 });
    expect(text(await ask(question))).toContain('`banjir-rob-semarang#');
    expect(bot.logs().slice(before).filter((l) => l.msg.startsWith('Corpus reloaded'))).toHaveLength(1);
    expect(bot.child.exitCode).toBeNull();
    await stop();
  });
});
