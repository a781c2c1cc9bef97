import { citationOf, type Paragraph } from '../corpus/types.js';
import { literal } from './markdown.js';

/** `¶7`, the mark every cited paragraph carries. */
export function pilcrow(paragraph: Pick<Paragraph, 'number'>): string {
  return `¶${paragraph.number}`;
}

/** The article title, as a link when the article has a source URL, and the stable citation. */
export function sourceLine(paragraph: Paragraph): string {
  const title = literal(paragraph.articleTitle);
  const linked = paragraph.sourceUrl ? `[${title}](${paragraph.sourceUrl.replace(/[()\s]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))})` : `*${title}*`;
  return `${linked} · \`${citationOf(paragraph)}\``;
}
