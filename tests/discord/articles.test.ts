/**
 * /article add, list and remove end to end inside one process: the real command modules
 * and services (engine, SQLite in a temporary DATA_DIR, a temporary CORPUS_DIR that is
 * watched) behind a real discord.js Client logged in to the loopback fake Discord. The
 * fake serves the uploaded files at attachment URLs and puts them in the interactions'
 * `resolved.attachments`; assertions are on what Discord would have received, on what was
 * downloaded, and on what the database holds.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Events, type Client } from 'discord.js';
import { InteractionResponseType, MessageFlags, type APIAttachment, type APIEmbed, type APIUser } from 'discord-api-types/v10';
import { startBot, type Bot, type BotConfig } from '../../src/bot/startup.js';
import { DEFAULT_ARTICLE_SETTINGS, DISCORD_ATTACHMENT_ORIGINS } from '../../src/config/config.js';
import { createLogger, type Logger } from '../../src/config/logger.js';
import { routeInteraction } from '../../src/discord/client.js';
import { createTestClient, destroyTestClient } from '../support/client.js';
import { makeUser } from '../support/discordFixtures.js';
import { startFakeDiscord, type FakeDiscord, type HostedFile, type RecordedRequest } from '../support/fakeDiscord.js';
import { autocomplete, button, chatInput, DEFAULT_GUILD_ID, MEMBER_PERMISSIONS, MODERATOR_PERMISSIONS, MODERATOR_ROLE_ID, moderatorUser, opt, snowflake } from '../support/interactions.js';

const WAIT = 15_000;
const GUILD = DEFAULT_GUILD_ID;
const OTHER_GUILD = '1100000000000000999';
const HELPER_ROLE = MODERATOR_ROLE_ID;
const ARTICLE_FILE = join(import.meta.dirname, '../fixtures/server-article/erupsi-lewotobi.md');
const ARTICLE = readFileSync(ARTICLE_FILE, 'utf8');
const QUESTION = 'Berapa warga yang meninggal dunia akibat erupsi Lewotobi?';

let dataDir: string;
let corpusDir: string;
let fake: FakeDiscord;
let client: Client<true>;
let config: BotConfig;
/** The bot the client routes to (replaced by the restart test). */
let bot: Bot;
const logLines: string[] = [];
const logger: Logger = createLogger({ level: 'debug', format: 'json', write: (line) => logLines.push(line) });

function freshUser(): APIUser {
  const id = snowflake();
  return makeUser(id, `pembaca-${id.slice(-5)}`);
}

/** A moderator (Manage Messages) of their own: /article add allows 5 uses per user per minute. */
function freshModerator(): APIUser {
  const id = snowflake();
  return makeUser(id, `moderator-${id.slice(-5)}`);
}

function logs(): { msg: string; [key: string]: unknown }[] {
  return logLines.map((line) => JSON.parse(line) as { msg: string });
}

async function waitForLog(match: (line: { msg: string; [key: string]: unknown }) => boolean, after = 0, timeoutMs = WAIT) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = logs().slice(after).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no such log line; last lines:\n${logLines.slice(-10).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface Sent {
  payload: { id: string; token: string };
  callback: RecordedRequest;
  /** The message as it finally stands: the reply, or the deferred reply's edit. */
  body: { content?: string; embeds?: APIEmbed[]; components?: { components: { custom_id?: string }[] }[]; flags?: number; allowed_mentions?: { parse?: string[] } };
  /** Ephemeral, as Discord shows it. */
  ephemeral: boolean;
}

async function send(payload: Parameters<FakeDiscord['dispatchInteraction']>[0]): Promise<Sent> {
  fake.dispatchInteraction(payload);
  const callback = await fake.waitForCallback(payload.id, WAIT);
  expect(callback.status, JSON.stringify(callback.response)).toBeLessThan(300);
  let body = callback.body.data;
  if (callback.body.type === InteractionResponseType.DeferredChannelMessageWithSource) {
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${payload.token}/messages/@original`, WAIT);
    expect(edit.status, JSON.stringify(edit.response)).toBeLessThan(300);
    body = edit.body;
  } else {
    expect([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage]).toContain(callback.body.type);
  }
  const flags = fake.interactionResponse(payload.id)?.original?.flags ?? 0;
  return { payload, callback, body, ephemeral: (flags & MessageFlags.Ephemeral) !== 0 };
}

/** Everything a member reads in a message: content, then each embed's title, description, fields and footer. */
const textOf = (body: Sent['body']) =>
  [body.content, ...(body.embeds ?? []).flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text])].filter(Boolean).join('\n');

interface AddOptions {
  guildId?: string;
  user?: APIUser;
  permissions?: bigint;
  roles?: string[];
  title?: string;
  locale?: 'id' | 'en-US';
  /** Change the attachment object after hosting (another URL, another declared size). */
  attachment?: (hosted: APIAttachment) => APIAttachment;
}

/** /article add with `file` attached: hosted by the fake, named by the payload's resolved.attachments. */
async function addArticle(file: HostedFile, o: AddOptions = {}) {
  const hosted = fake.hostAttachment(file);
  const attachment = o.attachment ? o.attachment(hosted) : hosted;
  const options = [opt.attachment('file', attachment)];
  if (o.title !== undefined) options.push(opt.string('title', o.title));
  const payload = chatInput({
    name: 'article',
    subcommand: 'add',
    options,
    attachments: [attachment],
    guildId: o.guildId ?? GUILD,
    user: o.user ?? freshModerator(),
    locale: o.locale ?? 'en-US',
    permissions: o.permissions ?? MODERATOR_PERMISSIONS,
    ...(o.roles ? { roles: o.roles } : {}),
  });
  const sent = await send(payload);
  const downloads = fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/attachments/') && r.path.includes(`/${hosted.id}/`)).length;
  return { ...sent, text: textOf(sent.body), downloads, attachment };
}

async function ask(question: string, guildId = GUILD) {
  const sent = await send(chatInput({ name: 'ask', options: [opt.string('question', question)], user: freshUser(), guildId, locale: 'en-US' }));
  return { ...sent, embed: sent.body.embeds![0]!, text: textOf(sent.body) };
}

async function command(name: string, subcommand: string | undefined, options: ReturnType<typeof opt.string>[] = [], o: { guildId?: string; user?: APIUser; permissions?: bigint } = {}) {
  const sent = await send(chatInput({ name, subcommand, options, guildId: o.guildId ?? GUILD, user: o.user ?? freshUser(), locale: 'en-US', ...(o.permissions !== undefined ? { permissions: o.permissions } : {}) }));
  return { ...sent, text: textOf(sent.body) };
}

async function choices(name: string, focused: { name: string; value: string }, o: { guildId?: string; subcommand?: string } = {}) {
  const payload = autocomplete({ name, focused, subcommand: o.subcommand, guildId: o.guildId ?? GUILD, user: moderatorUser });
  fake.dispatchInteraction(payload);
  const callback = await fake.waitForCallback(payload.id, WAIT);
  expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
  return callback.body.data.choices as { name: string; value: string }[];
}

const stored = (guildId = GUILD) => bot.services.serverArticles.list(guildId).map((a) => a.id);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bot-articles-'));
  corpusDir = mkdtempSync(join(tmpdir(), 'bot-articles-corpus-'));
  cpSync('corpus', corpusDir, { recursive: true });
  fake = await startFakeDiscord({ guilds: [GUILD, OTHER_GUILD] });
  config = {
    corpusDir,
    dataDir,
    corpusWatch: true,
    // Small limits, so each refusal is quick to provoke; the fake's origin stands for Discord's CDN.
    articles: { ...DEFAULT_ARTICLE_SETTINGS, perServer: 4, maxBytes: 16 * 1024, maxParagraphs: 40, downloadTimeoutMs: 1000, allowedOrigins: [...DISCORD_ATTACHMENT_ORIGINS, new URL(fake.apiUrl).origin] },
  };
  bot = await startBot(config, logger);
  client = await createTestClient(fake, {
    readyTimeoutMs: 30_000,
    setup: (c) => {
      c.on(Events.InteractionCreate, (interaction) => {
        void routeInteraction(interaction, bot, logger).catch((error: unknown) => logger.error({ err: error }, 'route failed'));
      });
    },
  });
}, 60_000);

afterAll(async () => {
  if (client) await destroyTestClient(client);
  if (fake) await fake.close();
  bot?.close();
  for (const dir of [dataDir, corpusDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('/article add by a moderator, then /ask in that server and in another', () => {
  it('adds the article: an ephemeral reply with its id, title and paragraph count and a question to try; the file is downloaded once', async () => {
    const before = await ask(QUESTION);
    expect(before.embed.fields ?? []).toHaveLength(0); // the bundled article does not answer it

    const added = await addArticle({ filename: 'erupsi-lewotobi.md', data: ARTICLE });
    // Deferred first (Discord allows 3 s; the download may take longer), ephemerally.
    expect(added.callback.body.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(added.callback.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(added.ephemeral).toBe(true);
    expect(added.downloads).toBe(1);
    expect(added.text).toContain('Article added to this server');
    expect(added.text).toContain('`erupsi-lewotobi`');
    expect(added.text).toContain('Erupsi Gunung Lewotobi Laki-laki Paksa Ribuan Warga Flores Timur Mengungsi');
    expect(added.text).toContain('7 paragraph(s)');
    expect(added.body.allowed_mentions?.parse).toEqual([]);
    const suggestion = /`\/ask question: ([^`]+)`/.exec(added.text)?.[1];
    expect(suggestion).toBeTruthy();
    expect(stored()).toEqual(['erupsi-lewotobi']);
    // The suggested question is answered from the new article.
    const tried = await ask(suggestion!);
    expect(tried.embed.fields?.[0]?.value).toContain('`erupsi-lewotobi#');
  });

  it("a member's /ask is answered from it with its citation and title, at once; another server's /ask is not", async () => {
    const here = await ask(QUESTION);
    const top = here.embed.fields![0]!;
    expect(top.name).toBe('¶3 · Erupsi Gunung Lewotobi Laki-laki Paksa Ribuan Warga Flores Timur Mengungsi');
    expect(top.value).toContain('`erupsi-lewotobi#3`');
    expect(top.value).toMatch(/\*\*[^*]*sembilan warga meninggal dunia[^*]*\*\*/);
    // The bundled article is still answered in this server.
    expect((await ask('Siapa pendiri Wagner?')).embed.fields![0]!.value).toContain('putin-kim-vostochny#7');

    const there = await ask(QUESTION, OTHER_GUILD);
    expect(there.embed.fields ?? []).toHaveLength(0);
    expect(there.text).not.toContain('erupsi-lewotobi');
    expect(there.text).not.toContain('Lewotobi Laki-laki Paksa');
  });

  it("the article's front matter aliases apply in that server's view (NTT for Nusa Tenggara Timur)", async () => {
    const answer = await ask('Gunung apa yang meletus di NTT?');
    expect(answer.embed.fields?.[0]?.value).toContain('`erupsi-lewotobi#1`');
  });

  it('/search, /paragraph (and its autocomplete), /help and /article list include it in that server only', async () => {
    const search = await command('search', undefined, [opt.string('query', 'biara susteran Hokeng')]);
    expect(search.text).toContain('erupsi-lewotobi#3');
    expect((await command('search', undefined, [opt.string('query', 'biara susteran Hokeng')], { guildId: OTHER_GUILD })).text).not.toContain('erupsi-lewotobi');

    const offered = await choices('paragraph', { name: 'article', value: 'erupsi' });
    expect(offered).toEqual([{ name: 'Erupsi Gunung Lewotobi Laki-laki Paksa Ribuan Warga Flores Timur Mengungsi (7 ¶)', value: 'erupsi-lewotobi' }]);
    expect(await choices('paragraph', { name: 'article', value: 'erupsi' }, { guildId: OTHER_GUILD })).toEqual([]);

    const paragraph = await send(chatInput({ name: 'paragraph', options: [opt.integer('number', 5), opt.string('article', 'erupsi-lewotobi')], guildId: GUILD, locale: 'en-US' }));
    expect(paragraph.body.embeds![0]!.description).toContain('Bandara Frans Seda di Maumere ditutup sementara');
    const elsewhere = await send(chatInput({ name: 'paragraph', options: [opt.integer('number', 5), opt.string('article', 'erupsi-lewotobi')], guildId: OTHER_GUILD, locale: 'en-US' }));
    expect(textOf(elsewhere.body)).toContain('There is no article');

    const help = await command('help', undefined);
    expect(help.text).toContain('`erupsi-lewotobi`, 7 ¶');
    expect((await command('help', undefined, [], { guildId: OTHER_GUILD })).text).not.toContain('erupsi-lewotobi');

    const list = await command('article', 'list', [], { user: freshUser(), permissions: MEMBER_PERMISSIONS });
    expect(list.ephemeral).toBe(false);
    expect(list.text).toContain("This server's: 1 of at most 4");
    expect(list.text).toContain('`erupsi-lewotobi`, 7 ¶');
    expect(list.text).toContain('`putin-kim-vostochny`, 7 ¶');
    // Its pager button (here a stale one, past the only page) updates the message in place.
    const paged = await send(button({ customId: 'article-list:3:n', guildId: GUILD, user: freshUser(), permissions: MEMBER_PERMISSIONS, locale: 'en-US' }));
    expect(paged.callback.body.type).toBe(InteractionResponseType.UpdateMessage);
    expect(textOf(paged.callback.body.data)).toContain('`erupsi-lewotobi`, 7 ¶');
    const otherList = await command('article', 'list', [], { guildId: OTHER_GUILD });
    expect(otherList.text).toContain("This server's: 0 of at most 4");
    expect(otherList.text).not.toContain('erupsi-lewotobi');
  });
});

describe('who may add and remove', () => {
  it('a member cannot add: refused with a message, nothing downloaded, nothing stored', async () => {
    const before = stored();
    const refused = await addArticle({ filename: 'lain.md', data: ARTICLE.replace('id: erupsi-lewotobi', 'id: lain') }, { user: freshUser(), permissions: MEMBER_PERMISSIONS, roles: [] });
    expect(refused.callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toContain('Only moderators can do this');
    expect(refused.downloads).toBe(0);
    expect(stored()).toEqual(before);
  });

  it('a member cannot remove', async () => {
    const refused = await command('article', 'remove', [opt.string('article', 'erupsi-lewotobi')], { user: freshUser(), permissions: MEMBER_PERMISSIONS });
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toContain('Only moderators can do this');
    expect(stored()).toContain('erupsi-lewotobi');
  });

  it('a member of a moderator role the server named (/faq-manage roles) may add', async () => {
    // A role of the server (in its GUILD_CREATE, so discord.js knows it), without moderator permissions here.
    const helper = freshUser();
    const file = { filename: 'catatan.txt', data: 'Rapat Warga Desa Konga\n\nWarga Desa Konga menggelar rapat darurat di balai desa untuk membagi jadwal jaga posko.\n\nKepala desa meminta pemuda membantu mendirikan tenda tambahan.' };
    const before = await addArticle(file, { user: helper, permissions: MEMBER_PERMISSIONS, roles: [HELPER_ROLE] });
    expect(before.text).toContain('Only moderators can do this');
    const named = await command('faq-manage', 'roles', [opt.role('add', HELPER_ROLE)], { user: moderatorUser });
    expect(named.text).toContain(`Members of <@&${HELPER_ROLE}> can now use the moderators' buttons and forms.`);
    const added = await addArticle({ filename: 'catatan.txt', data: 'Rapat Warga Desa Konga\n\nWarga Desa Konga menggelar rapat darurat di balai desa untuk membagi jadwal jaga posko.\n\nKepala desa meminta pemuda membantu mendirikan tenda tambahan.' }, { user: helper, permissions: MEMBER_PERMISSIONS, roles: [HELPER_ROLE] });
    expect(added.text).toContain('Article added to this server');
    expect(added.text).toContain('`rapat-warga-desa-konga`'); // the id derived from the first line, the title
    expect(added.text).toContain('2 paragraph(s)');
    expect(bot.services.serverArticles.summary(GUILD, 'rapat-warga-desa-konga')?.addedBy).toBe(helper.id);
  });
});

describe('bad files are refused with a clear message, and nothing is stored', () => {
  const big = 'Paragraf yang panjang sekali tentang pengungsi. '.repeat(400); // ~19 KB, over the 16 KB limit
  const cases: { label: string; file: HostedFile; attachment?: AddOptions['attachment']; message: RegExp; downloaded: boolean }[] = [
    { label: 'a declared size over the limit (not downloaded)', file: { filename: 'besar.txt', data: `Judul\n\n${big}` }, message: /"besar\.txt" is 1\d KB; an article may be at most 16 KB\. Nothing was downloaded or saved/, downloaded: false },
    {
      label: 'a size that lies (the bytes read are capped)',
      file: { filename: 'bohong.txt', data: `Judul\n\n${big}`, declaredSize: 1000, chunked: true },
      message: /"bohong\.txt" is larger than 16 KB, the most an article may be\. Nothing was saved/,
      downloaded: true,
    },
    { label: 'a file type other than .md or .txt (not downloaded)', file: { filename: 'laporan.pdf', data: '%PDF-1.7' }, message: /"laporan\.pdf" is not a Markdown \(\.md\) or plain text \(\.txt\) file/, downloaded: false },
    { label: 'a binary file named .md', file: { filename: 'gambar.md', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), contentType: 'image/png' }, message: /"gambar\.md" is not a text file \(it holds binary data\)/, downloaded: true },
    { label: 'text that is not UTF-8 (Latin-1)', file: { filename: 'latin.txt', data: Buffer.from('Judul\n\nBaris kedua\n\nCaf\xe9 di Maumere', 'latin1') }, message: /"latin\.txt" is not UTF-8 text \(the first invalid byte is on line 5\)/, downloaded: true },
    { label: 'UTF-16 text', file: { filename: 'utf16.txt', data: Buffer.from('\ufeffJudul\n\nIsi', 'utf16le') }, message: /"utf16\.txt" is UTF-16 text; save it as UTF-8/, downloaded: true },
    { label: 'an empty file', file: { filename: 'kosong.md', data: '' }, message: /"kosong\.md" is empty/, downloaded: true },
    {
      label: 'malformed front matter (the line is named)',
      file: { filename: 'rusak.md', data: '---\nid: rusak\ntitle: Artikel Rusak\nlanguage: id\npenulis: Seseorang\n---\n\nIsi.' },
      message: /"rusak\.md" does not follow the corpus format: rusak\.md:5: unknown front matter key "penulis"/,
      downloaded: true,
    },
    { label: 'front matter never closed', file: { filename: 'terbuka.md', data: '---\nid: terbuka\ntitle: Terbuka\nlanguage: id\n\nIsi.' }, message: /terbuka\.md:6: expected "key: value" in the front matter, got "Isi\."/, downloaded: true },
    { label: 'a Markdown file without front matter', file: { filename: 'polos.md', data: '# Judul\n\nIsi artikel.' }, message: /"polos\.md", line 1: a Markdown article starts with front matter/, downloaded: true },
    { label: 'a mention in the text', file: { filename: 'ping.txt', data: 'Judul\n\nHalo @everyone, ada erupsi.' }, message: /Line 3 of "ping\.txt" has a mention/, downloaded: true },
    { label: 'a control character', file: { filename: 'kontrol.txt', data: 'Judul\n\nIsi\u0007 berbunyi.' }, message: /Line 3 of "kontrol\.txt" has a control character \(U\+0007\)/, downloaded: true },
    {
      label: 'more paragraphs than allowed',
      file: { filename: 'panjang.txt', data: ['Judul', ...Array.from({ length: 41 }, (_, i) => `Paragraf ${i + 1}.`)].join('\n\n') },
      message: /"panjang\.txt" has 41 paragraphs; an article may have at most 40/,
      downloaded: true,
    },
    { label: 'no paragraphs', file: { filename: 'judul.txt', data: 'Hanya Judul\n\n\n' }, message: /"judul\.txt" has no paragraphs/, downloaded: true },
    {
      label: "the id of the bundled article",
      file: { filename: 'kembar.md', data: '---\nid: putin-kim-vostochny\ntitle: Kembar\nlanguage: id\n---\n\nIsi.' },
      message: /The id "putin-kim-vostochny" is already used by an article/,
      downloaded: true,
    },
    {
      label: 'an attachment URL on another host (not downloaded)',
      file: { filename: 'luar.md', data: ARTICLE.replace('id: erupsi-lewotobi', 'id: luar') },
      attachment: (a) => ({ ...a, url: a.url.replace('127.0.0.1', 'localhost') }),
      message: /does not come from Discord's attachment servers, so it was not downloaded/,
      downloaded: false,
    },
  ];

  it.each(cases)('$label', async ({ file, attachment, message, downloaded }) => {
    const before = stored();
    const refused = await addArticle(file, { attachment });
    expect(refused.ephemeral).toBe(true);
    expect(refused.text).toMatch(message);
    expect(refused.downloads > 0).toBe(downloaded);
    expect(refused.body.allowed_mentions?.parse ?? []).toEqual([]);
    expect(stored()).toEqual(before);
  });

  it('the same id twice is refused; a title with a mention is refused; Markdown in a title is shown literally, bidi controls dropped', async () => {
    const again = await addArticle({ filename: 'lagi.md', data: ARTICLE });
    expect(again.text).toMatch(/The id "erupsi-lewotobi" is already used/);

    const mention = await addArticle({ filename: 'judul.txt', data: 'Judul\n\nIsi.' }, { title: 'Untuk <@&1100000000000000110> semua' });
    expect(mention.text).toContain('The title has a mention');

    const before = stored();
    const fancy = await addArticle({ filename: 'gaya.txt', data: 'Isi pertama tentang posko.\n\nIsi kedua tentang tenda.' }, { title: '**Tebal** [tautan](https://contoh.id) \u202Eterbalik' });
    expect(fancy.text).toContain('Article added');
    const [id] = stored().filter((x) => !before.includes(x));
    expect(id).toBe('tebal-tautan-https-contoh-id-terbalik');
    expect(bot.services.serverArticles.summary(GUILD, id!)?.title).toBe('**Tebal** [tautan](https://contoh.id) terbalik');
    const list = await command('article', 'list', []);
    expect(list.text).toContain('\\*\\*Tebal\\*\\* \\[tautan](https://contoh.id) terbalik');
    expect(list.text).not.toContain('\u202E');
    await command('article', 'remove', [opt.string('article', id!)], { user: moderatorUser });
  });

  it('a download that takes too long is abandoned with a message; nothing is stored', async () => {
    const before = stored();
    const slow = await addArticle({ filename: 'lambat.txt', data: 'Judul Lambat\n\nIsi.', delayMs: 3000 });
    expect(slow.text).toMatch(/Downloading "lambat\.txt" took too long/);
    expect(stored()).toEqual(before);
  });

  it('a server that holds its limit of articles is refused before downloading', async () => {
    const added: string[] = [];
    for (let n = stored().length; n < 4; n++) {
      const title = `Catatan Posko Nomor ${n}`;
      const result = await addArticle({ filename: `posko-${n}.txt`, data: `Isi catatan ${n}.` }, { title });
      expect(result.text, result.text).toContain('Article added');
      added.push(stored().at(-1)!);
    }
    const full = await addArticle({ filename: 'satu-lagi.txt', data: 'Judul\n\nIsi.' });
    expect(full.text).toMatch(/already has 4 article\(s\), the most it may hold/);
    expect(full.downloads).toBe(0);
    // Another server has its own limit.
    const elsewhere = await addArticle({ filename: 'di-sana.txt', data: 'Berita Server Lain\n\nIsi berita server lain.' }, { guildId: OTHER_GUILD });
    expect(elsewhere.text).toContain('Article added');
    for (const id of added) await command('article', 'remove', [opt.string('article', id)], { user: moderatorUser });
    await command('article', 'remove', [opt.string('article', 'berita-server-lain')], { user: moderatorUser, guildId: OTHER_GUILD });
  });
});

describe('a restart, and another process sharing the database', () => {
  it('a restart keeps the article: the next /ask after it is answered from it', async () => {
    bot.close();
    bot = await startBot(config, logger);
    const answer = await ask(QUESTION);
    expect(answer.embed.fields![0]!.value).toContain('`erupsi-lewotobi#3`');
  });

  it('an article added through one process is answered by another sharing DATA_DIR (every shard sees it)', async () => {
    const other = await startBot({ ...config, corpusWatch: false }, logger);
    const first = bot;
    try {
      // The other process answers while this one adds: its view follows the database's revision.
      bot = other;
      expect((await ask('Kenapa warga Desa Konga menggelar rapat darurat di balai desa?')).text).toContain('rapat-warga-desa-konga#1');
      bot = first;
      const removed = await command('article', 'remove', [opt.string('article', 'rapat-warga-desa-konga')], { user: moderatorUser });
      expect(removed.text).toContain('Removed');
      bot = other;
      expect((await ask('Kenapa warga Desa Konga menggelar rapat darurat di balai desa?')).text).not.toContain('rapat-warga-desa-konga');
    } finally {
      bot = first;
      other.close();
    }
  });
});

describe('/article remove', () => {
  it("autocompletes only this server's articles, refuses bundled and unknown ids", async () => {
    const offered = await choices('article', { name: 'article', value: '' }, { subcommand: 'remove' });
    expect(offered.map((c) => c.value)).toEqual(['erupsi-lewotobi']);
    expect(offered[0]!.name).toBe('Erupsi Gunung Lewotobi Laki-laki Paksa Ribuan Warga Flores Timur Mengungsi (7 ¶) · erupsi-lewotobi');
    expect(await choices('article', { name: 'article', value: 'erupsi' }, { subcommand: 'remove', guildId: OTHER_GUILD })).toEqual([]);

    const bundled = await command('article', 'remove', [opt.string('article', 'putin-kim-vostochny')], { user: moderatorUser });
    expect(bundled.text).toContain('"putin-kim-vostochny" is a bundled article');
    const unknown = await command('article', 'remove', [opt.string('article', '**nope** @everyone')], { user: moderatorUser });
    expect(unknown.text).toContain('This server has no article');
    expect(unknown.text).toContain('\\*\\*nope\\*\\*');
    expect(unknown.text).not.toContain('@everyone');
    expect(unknown.text).toContain('`erupsi-lewotobi`');
    const elsewhere = await command('article', 'remove', [opt.string('article', 'erupsi-lewotobi')], { user: moderatorUser, guildId: OTHER_GUILD });
    expect(elsewhere.text).toContain('This server has no article');
    expect(stored()).toEqual(['erupsi-lewotobi']);
  });

  it('makes the article unanswerable; curated answers citing it are marked in /faq show and when given', async () => {
    const saved = await command('faq-manage', 'add', [opt.string('question', 'Berapa korban jiwa erupsi Lewotobi?'), opt.string('answer', 'Sembilan orang, menurut BNPB.'), opt.string('paragraphs', 'erupsi-lewotobi#3')], { user: moderatorUser });
    expect(saved.text).toContain('Saved curated answer');
    expect(saved.text).toContain('erupsi-lewotobi#3');
    expect(saved.text).not.toContain('no longer');
    const entryId = /#(\d+)/.exec(saved.text)![1]!;

    const removed = await command('article', 'remove', [opt.string('article', 'erupsi-lewotobi')], { user: moderatorUser });
    expect(removed.ephemeral).toBe(true);
    expect(removed.text).toContain('Removed **Erupsi Gunung Lewotobi Laki-laki Paksa Ribuan Warga Flores Timur Mengungsi** (`erupsi-lewotobi`, 7 paragraph(s))');
    expect(removed.text).toContain(`1 curated answer(s) cite it (#${entryId})`);
    expect(stored()).toEqual([]);

    const answer = await ask(QUESTION);
    expect(answer.text).not.toContain('erupsi-lewotobi#');
    expect(answer.embed.fields ?? []).toHaveLength(0);

    const show = await command('faq', 'show', [opt.string('entry', entryId)]);
    expect(show.text).toContain('erupsi-lewotobi#3` ⚠️ no longer in the corpus');
    const given = await ask('Berapa korban jiwa erupsi Lewotobi?');
    expect(given.embed.description).toContain('Sembilan orang, menurut BNPB.');
    expect(given.embed.description).toContain('`erupsi-lewotobi#3`, which this server no longer has');
  });
});

describe('the corpus folder reloads live', () => {
  const extra = '---\nid: banjir-rob-semarang\ntitle: Banjir Rob Rendam Pesisir Semarang\nlanguage: id\n---\n\nBanjir rob setinggi 60 sentimeter merendam kawasan Pelabuhan Tanjung Emas, Semarang, sejak Selasa sore.\n\nDinas Pekerjaan Umum mengerahkan dua puluh pompa untuk menyedot air dari permukiman warga.\n';
  const question = 'Berapa pompa yang dikerahkan untuk menyedot air dari permukiman?';

  it('a file added to CORPUS_DIR is answered without a restart, in every server', async () => {
    const mark = logLines.length;
    writeFileSync(join(corpusDir, 'banjir-rob-semarang.md'), extra);
    const line = await waitForLog((l) => l.msg.startsWith('Corpus reloaded'), mark);
    expect(line).toMatchObject({ articles: 2, paragraphs: 9 });
    for (const guildId of [GUILD, OTHER_GUILD]) expect((await ask(question, guildId)).embed.fields?.[0]?.value).toContain('`banjir-rob-semarang#2`');
    // The bundled article is still there.
    expect((await ask('Siapa pendiri Wagner?')).embed.fields![0]!.value).toContain('putin-kim-vostochny#7');
  });

  it('a malformed file leaves the previous corpus serving and logs the file and line; fixing it reloads', async () => {
    const mark = logLines.length;
    const broken = join(corpusDir, 'rusak.md');
    writeFileSync(broken, '---\nid: rusak\ntitle: Rusak\nbahasa: id\n---\n\nIsi.\n');
    const line = await waitForLog((l) => l.msg.startsWith('Corpus reload failed'), mark);
    expect(line.msg).toContain('still serving the previous corpus (2 article(s))');
    expect(line.msg).toContain('rusak.md:4: unknown front matter key "bahasa"');
    expect(line).toMatchObject({ line: 4 });
    expect(String(line.file)).toMatch(/rusak\.md$/);
    expect((await ask(question)).embed.fields?.[0]?.value).toContain('`banjir-rob-semarang#');

    const fixed = logLines.length;
    unlinkSync(broken);
    unlinkSync(join(corpusDir, 'banjir-rob-semarang.md'));
    await waitForLog((l) => l.msg.startsWith('Corpus reloaded') && l.articles === 1, fixed);
    expect((await ask(question)).text).not.toContain('banjir-rob-semarang');
  });
});
