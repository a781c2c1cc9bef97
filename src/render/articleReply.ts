import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Article } from '../corpus/types.js';
import type { ServerArticleSummary } from '../curated/serverArticleStore.js';
import { fill, t, type Language } from '../shared/i18n.js';
import type { Reply } from '../shared/reply.js';
import { shorten } from '../shared/text.js';
import { COLORS } from './answerReply.js';
import { fitEmbed } from './limits.js';
import { defuseMentions, literal } from './markdown.js';
import { pagerRow } from './pager.js';

export const ARTICLE_PAGE_SIZE = 10;
/** Bundled articles listed by name in /article list (a corpus folder can be large). */
const BUNDLED_SHOWN = 10;

const TEXT = {
  addedTitle: { en: 'Article added to this server', id: 'Artikel ditambahkan ke server ini' },
  added: {
    en: '**{title}** (`{id}`, {count} paragraph(s)) is now answered by `/ask` and `/search` in this server, and only here.',
    id: '**{title}** (`{id}`, {count} paragraf) kini dijawab oleh `/tanya` dan `/cari` di server ini, dan hanya di sini.',
  },
  tryIt: { en: 'Try it', id: 'Coba' },
  tryLine: { en: '`/ask question: {q}`', id: '`/tanya pertanyaan: {q}`' },
  cite: { en: 'Its paragraphs are cited as `{id}#1` to `{id}#{count}`; remove it with `/article remove article: {id}`.', id: 'Paragrafnya dikutip sebagai `{id}#1` sampai `{id}#{count}`; hapus dengan `/artikel hapus artikel: {id}`.' },
  noSuggestion: { en: 'Ask `/ask` about what the article says, or `/search` a few of its words.', id: 'Tanyakan isi artikel dengan `/tanya`, atau `/cari` beberapa katanya.' },
  listTitle: { en: 'Articles', id: 'Artikel' },
  bundled: { en: 'Bundled (from the host\'s corpus folder), {n}', id: 'Bawaan (dari folder korpus host), {n}' },
  more: { en: '…and {n} more', id: '…dan {n} lainnya' },
  own: { en: 'This server\'s: {n} of at most {max}', id: 'Milik server ini: {n} dari paling banyak {max}' },
  none: { en: 'This server has no articles of its own yet. Moderators can add one with `/article add` (a .md or .txt file).', id: 'Server ini belum punya artikel sendiri. Moderator bisa menambahkannya dengan `/artikel tambah` (berkas .md atau .txt).' },
  ownLine: { en: '• **{title}** — `{id}`, {count} ¶, added by <@{user}> <t:{at}:R>', id: '• **{title}** — `{id}`, {count} ¶, ditambahkan oleh <@{user}> <t:{at}:R>' },
  removed: { en: 'Removed **{title}** (`{id}`, {count} paragraph(s)) from this server: `/ask` no longer answers from it.', id: '**{title}** (`{id}`, {count} paragraf) dihapus dari server ini: `/tanya` tidak lagi menjawab darinya.' },
  citing: {
    en: '⚠️ {n} curated answer(s) cite it ({list}): they are marked in `/faq show` and when given; edit their paragraphs with `/faq-manage edit`.',
    id: '⚠️ {n} jawaban kurasi mengutipnya ({list}): ditandai di `/faq lihat` dan saat diberikan; ubah paragrafnya dengan `/faq-kelola ubah`.',
  },
};

/** The confirmation of /article add: id, title, paragraph count, and a question that finds it. */
export function renderArticleAdded(article: ServerArticleSummary, suggestion: string | undefined, language: Language): Reply {
  const values = { title: literal(shorten(article.title, 200)), id: article.id, count: article.paragraphCount };
  const fields: APIEmbedField[] = [
    { name: t(language, TEXT.tryIt), value: suggestion ? fill(t(language, TEXT.tryLine), { q: defuseMentions(suggestion.replace(/`/g, "'")) }) : t(language, TEXT.noSuggestion) },
  ];
  const embed: APIEmbed = fitEmbed({
    title: t(language, TEXT.addedTitle),
    color: COLORS.curated,
    description: `${fill(t(language, TEXT.added), values)}\n\n${fill(t(language, TEXT.cite), values)}`,
    fields,
  });
  return { embeds: [embed], ephemeral: true };
}

/** /article list: the bundled articles, then a page of this server's own. */
export function renderArticleList(bundled: Article[], own: ServerArticleSummary[], page: number, maxOwn: number, language: Language): Reply {
  const pages = Math.max(1, Math.ceil(own.length / ARTICLE_PAGE_SIZE));
  const current = Math.min(Math.max(1, Number.isSafeInteger(page) ? page : 1), pages);
  const bundledLines = bundled.slice(0, BUNDLED_SHOWN).map((a) => `• ${literal(shorten(a.title, 80))} — \`${a.id}\`, ${a.paragraphs.length} ¶`);
  if (bundled.length > BUNDLED_SHOWN) bundledLines.push(fill(t(language, TEXT.more), { n: bundled.length - BUNDLED_SHOWN }));
  const ownLines = own.slice((current - 1) * ARTICLE_PAGE_SIZE, current * ARTICLE_PAGE_SIZE).map((a) =>
    fill(t(language, TEXT.ownLine), { title: literal(shorten(a.title, 100)), id: a.id, count: a.paragraphCount, user: a.addedBy, at: Math.floor(a.addedAt / 1000) }),
  );
  const embed: APIEmbed = fitEmbed({
    title: `${t(language, TEXT.listTitle)} (${bundled.length + own.length})`,
    color: COLORS.answer,
    description: [`**${fill(t(language, TEXT.own), { n: own.length, max: maxOwn })}**`, ownLines.length ? ownLines.join('\n') : t(language, TEXT.none)].join('\n'),
    fields: [{ name: fill(t(language, TEXT.bundled), { n: bundled.length }), value: bundledLines.join('\n') || '—' }],
    footer: pages > 1 ? { text: `${current}/${pages}` } : undefined,
  });
  return { embeds: [embed], components: pagerRow('article-list', current, pages, language) };
}

/** The confirmation of /article remove, with the curated answers that cited the article. */
export function renderArticleRemoved(article: ServerArticleSummary, citingEntryIds: number[], language: Language): Reply {
  const values = { title: literal(shorten(article.title, 200)), id: article.id, count: article.paragraphCount };
  const lines = [fill(t(language, TEXT.removed), values)];
  if (citingEntryIds.length) lines.push(fill(t(language, TEXT.citing), { n: citingEntryIds.length, list: citingEntryIds.slice(0, 10).map((id) => `#${id}`).join(', ') }));
  return { content: lines.join('\n'), ephemeral: true };
}
