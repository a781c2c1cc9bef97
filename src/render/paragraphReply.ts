import type { APIEmbed } from 'discord-api-types/v10';
import type { Language } from '../shared/i18n.js';
import type { Reply } from '../shared/reply.js';
import { citationOf, type Article } from '../corpus/types.js';
import { COLORS } from './answerReply.js';
import { fitEmbed, LIMITS } from './limits.js';
import { literal } from './markdown.js';
import { shorten } from '../shared/text.js';

/** One paragraph in full (up to Discord's 4,096 characters) with its citation. */
export function renderParagraph(article: Article, number: number, language: Language): Reply {
  const paragraph = article.paragraphs[number - 1]!;
  const of = language === 'id' ? 'dari' : 'of';
  const embed: APIEmbed = fitEmbed({
    title: `¶${number} · ${literal(shorten(article.title, 200))}`,
    url: article.sourceUrl,
    color: COLORS.answer,
    // Shortened before escaping: escaping costs time quadratic in the length (escapeMarkdown's italics rule).
    description: literal(shorten(paragraph.text, LIMITS.embedDescription)),
    footer: { text: `${citationOf(paragraph)} · ¶${number} ${of} ${article.paragraphs.length}${article.date ? ` · ${article.date}` : ''}` },
  });
  return { embeds: [embed] };
}
