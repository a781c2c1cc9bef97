import type { APIEmbed } from 'discord-api-types/v10';
import { fill, t, type Language } from '../shared/i18n.js';
import type { Reply } from '../shared/reply.js';
import type { Hit } from '../search/engine.js';
import { pilcrow } from './citation.js';
import { fitEmbed } from './limits.js';
import { pagerRow } from './pager.js';
import { excerptWithHighlight, literal } from './markdown.js';
import { shorten } from '../shared/text.js';
import { COLORS } from './answerReply.js';
import { citationOf } from '../corpus/types.js';

export const SEARCH_PAGE_SIZE = 5;
const SNIPPET = 300;

const TEXT = {
  none: { en: 'No paragraph matches "{query}".', id: 'Tidak ada paragraf yang cocok dengan "{query}".' },
};

/**
 * One page of /search results. The query travels in the footer ("2/3 · 🔎 query"), so
 * the Previous/Next buttons can rebuild any page without server-side state.
 */
export function renderSearchPage(query: string, hits: Hit[], page: number, language: Language): Reply {
  if (hits.length === 0) return { content: fill(t(language, TEXT.none), { query: literal(shorten(query, 200)) }), ephemeral: true };
  const pages = Math.ceil(hits.length / SEARCH_PAGE_SIZE);
  const current = Math.min(Math.max(1, page), pages);
  const lines = hits.slice((current - 1) * SEARCH_PAGE_SIZE, current * SEARCH_PAGE_SIZE).map((hit) =>
    `**${pilcrow(hit.paragraph)}** · ${literal(shorten(hit.paragraph.articleTitle, 80))} \`${citationOf(hit.paragraph)}\`\n${excerptWithHighlight(hit.paragraph.text, hit.highlight, SNIPPET)}`,
  );
  const embed: APIEmbed = fitEmbed({
    title: `🔎 ${literal(shorten(query, 200))}`,
    color: COLORS.answer,
    description: lines.join('\n\n'),
    footer: { text: `${current}/${pages} · 🔎 ${query}` },
  });
  return { embeds: [embed], components: pagerRow('search', current, pages, language) };
}

/** Reads the query and page back from a search result embed. */
export function searchStateOf(embed: APIEmbed | undefined): { query: string; page: number } | undefined {
  const match = /^(\d+)\/\d+ · 🔎 ([\s\S]+)$/.exec(embed?.footer?.text ?? '');
  return match ? { page: Number(match[1]), query: match[2]! } : undefined;
}
