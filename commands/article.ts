import { SlashCommandBuilder } from '@discordjs/builders';
import { InteractionContextType } from 'discord-api-types/v10';
import { questionToTry } from '../src/answer/suggest.js';
import { defineCommand, localized, type Outcome } from '../src/bot/command.js';
import type { CommandContext } from '../src/bot/context.js';
import { cooldown, guildOnly, moderatorOnly, type Precondition } from '../src/bot/preconditions.js';
import type { ArticleSettings } from '../src/config/config.js';
import type { Logger } from '../src/config/logger.js';
import { parseUpload, PROBLEMS, TITLE_MAX, uploadKind, type UploadProblem } from '../src/corpus/uploadedArticle.js';
import type { CuratedStore } from '../src/curated/curatedStore.js';
import { whenNotBusy } from '../src/curated/database.js';
import type { ModeratorRoleStore } from '../src/curated/moderatorRoles.js';
import { ServerArticleConflictError, ServerArticleLimitError, type ServerArticleStore } from '../src/curated/serverArticleStore.js';
import { checkBeforeDownload, DownloadError, fetchAttachment, type AttachmentRef, type DownloadOptions } from '../src/download/attachment.js';
import { renderArticleAdded, renderArticleList, renderArticleRemoved } from '../src/render/articleReply.js';
import { renderProblems } from '../src/render/curatedReply.js';
import { literal } from '../src/render/markdown.js';
import type { ServerViews } from '../src/search/serverViews.js';
import { fill, t, type Text } from '../src/shared/i18n.js';
import { shorten } from '../src/shared/text.js';

/**
 * The articles the bot answers from. `list` is everyone's; `add` and `remove` are for
 * moderators. Discord's default permissions apply to a whole command, never to one
 * subcommand, so the command is open and the bot checks moderators itself for add and
 * remove: the same rule as the moderators' buttons (Manage Messages, Manage Server,
 * Administrator, or a role named with `/faq-manage roles`).
 */
const data = localized(new SlashCommandBuilder(), ['article', 'artikel'], ['The articles the bot answers from; moderators add and remove this server\'s own', 'Artikel sumber jawaban bot; moderator menambah dan menghapus artikel server ini'])
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    localized(s, ['add', 'tambah'], ['Add an article to this server (moderators): a .md file in the corpus format, or a .txt file', 'Tambah artikel ke server ini (moderator): berkas .md berformat korpus, atau berkas .txt'])
      .addAttachmentOption((o) => localized(o, ['file', 'berkas'], ['The article: Markdown (.md) with front matter, or plain text (.txt)', 'Artikelnya: Markdown (.md) dengan front matter, atau teks biasa (.txt)']).setRequired(true))
      .addStringOption((o) => localized(o, ['title', 'judul'], ['Its title (default: the file\'s own, or a .txt file\'s first line)', 'Judulnya (bawaan: judul di berkas, atau baris pertama berkas .txt)']).setMaxLength(TITLE_MAX)),
  )
  .addSubcommand((s) =>
    localized(s, ['list', 'daftar'], ['The bundled articles and this server\'s, with their paragraph counts', 'Artikel bawaan dan milik server ini, dengan jumlah paragrafnya']).addIntegerOption((o) =>
      localized(o, ['page', 'halaman'], ['Which page of this server\'s articles', 'Halaman artikel server ini yang mana']).setMinValue(1).setMaxValue(1000),
    ),
  )
  .addSubcommand((s) =>
    localized(s, ['remove', 'hapus'], ['Remove one of this server\'s articles (moderators)', 'Hapus salah satu artikel server ini (moderator)']).addStringOption((o) =>
      localized(o, ['article', 'artikel'], ['The article\'s id', 'Id artikelnya']).setRequired(true).setAutocomplete(true).setMaxLength(100),
    ),
  );

const MSG = {
  noFile: { en: 'Attach the article as a file (.md or .txt) in the `file` option.', id: 'Lampirkan artikelnya sebagai berkas (.md atau .txt) pada opsi `berkas`.' },
  full: {
    en: 'This server already has {max} article(s), the most it may hold. Remove one with `/article remove` first.',
    id: 'Server ini sudah punya {max} artikel, batas terbanyak. Hapus dulu salah satunya dengan `/artikel hapus`.',
  },
  disabled: { en: 'Adding articles is turned off on this bot (ARTICLES_PER_SERVER is 0).', id: 'Penambahan artikel dimatikan di bot ini (ARTICLES_PER_SERVER bernilai 0).' },
  host: { en: 'That file does not come from Discord\'s attachment servers, so it was not downloaded.', id: 'Berkas itu tidak berasal dari server lampiran Discord, jadi tidak diunduh.' },
  tooLarge: { en: '"{name}" is {size} KB; an article may be at most {max} KB. Nothing was downloaded or saved.', id: '"{name}" berukuran {size} KB; artikel paling besar {max} KB. Tidak ada yang diunduh atau disimpan.' },
  tooLargeRead: { en: '"{name}" is larger than {max} KB, the most an article may be. Nothing was saved.', id: '"{name}" lebih besar dari {max} KB, batas ukuran artikel. Tidak ada yang disimpan.' },
  timeout: { en: 'Downloading "{name}" took too long, so it was abandoned. Try again in a moment.', id: 'Mengunduh "{name}" terlalu lama, jadi dibatalkan. Coba lagi sebentar lagi.' },
  failed: { en: '"{name}" could not be downloaded from Discord. Try again in a moment.', id: '"{name}" tidak bisa diunduh dari Discord. Coba lagi sebentar lagi.' },
  notAFile: { en: '"{name}" cannot be read: it is not a file, or it does not exist.', id: '"{name}" tidak bisa dibaca: bukan berkas, atau tidak ada.' },
  invalid: { en: 'Nothing was saved:', id: 'Tidak ada yang disimpan:' },
  unknown: { en: 'This server has no article "{id}".', id: 'Server ini tidak punya artikel "{id}".' },
  own: { en: 'Its articles: {list}.', id: 'Artikelnya: {list}.' },
  bundled: {
    en: '"{id}" is a bundled article (from the host\'s corpus folder); only the articles this server added can be removed here.',
    id: '"{id}" adalah artikel bawaan (dari folder korpus host); yang bisa dihapus di sini hanya artikel yang ditambahkan server ini.',
  },
} satisfies Record<string, Text>;

interface Deps {
  views: ServerViews;
  serverArticles: ServerArticleStore;
  settings: ArticleSettings;
  curated: CuratedStore;
  moderatorRoles: ModeratorRoleStore;
  logger: Logger;
}

const ADD_COOLDOWN = cooldown(5, 60_000);

export default defineCommand<Deps>({
  data,
  uses: ({ views, serverArticles, articleSettings, curated, moderatorRoles, logger }) => ({ views, serverArticles, settings: articleSettings, curated, moderatorRoles, logger }),
  // Listing is everyone's; adding and removing are checked here (see above), and a refusal always answers.
  preconditions: (ctx) => {
    const sub = ctx.options.getSubcommand();
    const guards: Precondition<Deps>[] = [guildOnly];
    if (sub === 'add' || sub === 'remove') guards.push(moderatorOnly);
    if (sub === 'add') guards.push(ADD_COOLDOWN);
    return guards;
  },
  async execute(ctx, deps) {
    switch (ctx.options.getSubcommand()) {
      case 'add':
        return add(ctx, deps);
      case 'remove':
        return remove(ctx, deps);
      default:
        await ctx.reply(listPage(deps, ctx.actor.guildId!, ctx.options.getInteger('page') ?? 1, ctx.language));
        return;
    }
  },
  async autocomplete(ctx, { serverArticles }) {
    // Only this server's articles can be removed, so only they are offered.
    if (!ctx.actor.guildId) return [];
    const typed = ctx.focused.value.toLowerCase().trim();
    return serverArticles
      .list(ctx.actor.guildId)
      .filter((a) => !typed || a.id.includes(typed) || a.title.toLowerCase().includes(typed))
      .slice(0, 25)
      .map((a) => {
        // The id must stay whole (it is what gets removed); the title gives way.
        const suffix = ` (${a.paragraphCount} ¶) · ${a.id}`;
        return { name: `${shorten(a.title, Math.max(16, 100 - suffix.length))}${suffix}`, value: a.id };
      });
  },
  components: {
    'article-list': {
      preconditions: [guildOnly],
      handle: async (ctx, deps) => ctx.update(listPage(deps, ctx.actor.guildId!, Number(ctx.args[0]) || 1, ctx.language)),
    },
  },
});

function listPage(deps: Deps, guildId: string, page: number, language: CommandContext['language']) {
  return renderArticleList(deps.views.base.corpus.articles, deps.serverArticles.list(guildId), page, deps.settings.perServer, language);
}

function downloadOptions(settings: ArticleSettings): DownloadOptions {
  return { maxBytes: settings.maxBytes, timeoutMs: settings.downloadTimeoutMs, allowedOrigins: settings.allowedOrigins };
}

async function add(ctx: CommandContext, deps: Deps): Promise<Outcome> {
  const guildId = ctx.actor.guildId!;
  const { settings, serverArticles } = deps;
  const ref = ctx.options.getAttachment('file');
  // Everything that can be refused without the file's content is refused before downloading it.
  if (!ref) return refuse(ctx, MSG.noFile);
  const name = shorten(ref.fileName, 100);
  if (!uploadKind(ref.fileName)) return refuse(ctx, PROBLEMS.type, { name });
  if (settings.perServer === 0) return refuse(ctx, MSG.disabled);
  if (serverArticles.count(guildId) >= settings.perServer) return refuse(ctx, MSG.full, { max: settings.perServer });
  const early = checkBeforeDownload(ref, downloadOptions(settings));
  if (early) return refuseDownload(ctx, deps, ref, early);

  // Acknowledged before the download: Discord allows 3 seconds.
  await ctx.defer({ ephemeral: true });
  let bytes: Uint8Array;
  try {
    bytes = await fetchAttachment(ref, downloadOptions(settings));
  } catch (error) {
    if (error instanceof DownloadError) return refuseDownload(ctx, deps, ref, error);
    throw error;
  }
  const view = await deps.views.engineFor(guildId);
  const taken = new Set(view.corpus.articles.map((a) => a.id));
  const parsed = parseUpload({ fileName: ref.fileName, bytes, title: ctx.options.getString('title'), isTaken: (id) => taken.has(id) }, settings);
  if (!parsed.ok) return refuseProblem(ctx, parsed.problem);
  let summary;
  try {
    summary = await whenNotBusy(() => serverArticles.add(guildId, parsed.article, { addedBy: ctx.actor.userId, fileName: ref.fileName, bytes: bytes.length }, settings.perServer));
  } catch (error) {
    if (error instanceof ServerArticleConflictError) return refuseProblem(ctx, { ...PROBLEMS.idTaken, values: { id: error.articleId } });
    if (error instanceof ServerArticleLimitError) return refuse(ctx, MSG.full, { max: error.limit });
    throw error;
  }
  deps.logger.info({ guild: guildId, article: summary.id, paragraphs: summary.paragraphCount, bytes: summary.bytes }, `server ${guildId}: article ${summary.id} added (${summary.paragraphCount} paragraphs)`);
  // Indexed now, before the confirmation: the next /ask in this server is answered from it at once.
  const engine = await deps.views.engineFor(guildId);
  await ctx.reply(renderArticleAdded(summary, questionToTry(engine, parsed.article), ctx.language));
  return 'answered';
}

async function remove(ctx: CommandContext, deps: Deps): Promise<Outcome> {
  const guildId = ctx.actor.guildId!;
  // Autocomplete offers ids, but anything may be typed: check it again.
  const id = (ctx.options.getString('article') ?? '').trim();
  const removed = id ? await whenNotBusy(() => deps.serverArticles.remove(guildId, id, ctx.actor.userId)) : undefined;
  if (!removed) {
    if (deps.views.base.corpus.articles.some((a) => a.id === id)) return refuse(ctx, MSG.bundled, { id: shorten(id, 80) });
    const own = deps.serverArticles.list(guildId).slice(0, 10).map((a) => `\`${a.id}\``);
    const lines = [fill(t(ctx.language, MSG.unknown), { id: literal(shorten(id, 80)) })];
    if (own.length) lines.push(fill(t(ctx.language, MSG.own), { list: own.join(', ') }));
    await ctx.reply({ content: lines.join('\n'), ephemeral: true });
    return 'refused';
  }
  deps.logger.info({ guild: guildId, article: removed.id }, `server ${guildId}: article ${removed.id} removed`);
  const citing = deps.curated.all(guildId).filter((entry) => entry.paragraphs.some((c) => c.slice(0, c.lastIndexOf('#')) === removed.id));
  await deps.views.engineFor(guildId); // the view without it, built now
  await ctx.reply(renderArticleRemoved(removed, citing.map((e) => e.id), ctx.language));
  return 'answered';
}

/** A download refused or failed: the reason for the moderator, the details (never the signed URL) for the log. */
async function refuseDownload(ctx: CommandContext, deps: Deps, ref: AttachmentRef, error: DownloadError): Promise<'refused'> {
  const name = shorten(ref.fileName, 100);
  const max = Math.floor(deps.settings.maxBytes / 1024);
  deps.logger.info({ guild: ctx.actor.guildId, reason: error.reason, detail: error.detail }, `article upload refused: ${error.reason}`);
  switch (error.reason) {
    case 'host':
      return refuse(ctx, MSG.host);
    case 'too-large':
      return error.size !== undefined ? refuse(ctx, MSG.tooLarge, { name, size: Math.ceil(error.size / 1024), max }) : refuse(ctx, MSG.tooLargeRead, { name, max });
    case 'timeout':
      return refuse(ctx, MSG.timeout, { name });
    case 'not-a-file':
      return refuse(ctx, MSG.notAFile, { name });
    default:
      return refuse(ctx, MSG.failed, { name });
  }
}

/** What the moderator typed or uploaded is shown literally (escaped). */
async function refuse(ctx: CommandContext, text: Text, values: Record<string, string | number> = {}): Promise<'refused'> {
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? literal(v) : v]));
  await ctx.reply({ content: fill(t(ctx.language, text), escaped), ephemeral: true });
  return 'refused';
}

async function refuseProblem(ctx: CommandContext, problem: UploadProblem): Promise<'refused'> {
  await ctx.reply({ content: `${t(ctx.language, MSG.invalid)}\n${renderProblems([problem], ctx.language)}`, ephemeral: true });
  return 'refused';
}
