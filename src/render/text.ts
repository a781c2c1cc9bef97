import type { APIEmbed } from 'discord-api-types/v10';
import type { Reply } from '../shared/reply.js';

/**
 * Renders a reply as plain text for the console: the same reply a Discord user would
 * get, with Markdown escapes removed. Buttons are left out: the console cannot press
 * them; its pages are options instead (`/faq list page: 2`), as the banner says.
 */
export function replyToText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.content) parts.push(plain(reply.content));
  for (const embed of reply.embeds ?? []) parts.push(embedToText(embed));
  return parts.join('\n\n');
}

function embedToText(embed: APIEmbed): string {
  const lines: string[] = [];
  if (embed.title) lines.push(`== ${plain(embed.title)} ==`);
  if (embed.url) lines.push(embed.url);
  if (embed.description) lines.push(plain(embed.description));
  for (const field of embed.fields ?? []) lines.push('', `-- ${plain(field.name)}`, plain(field.value));
  if (embed.footer) lines.push('', `(${embed.footer.text})`);
  return lines.join('\n');
}

/** Markdown escapes removed; Discord's <t:...> timestamps and <@id> mentions spelled out. */
function plain(text: string): string {
  return text
    .replace(/\\([\\*_`~|>#\-+.[\]()])/g, '$1')
    .replace(/[\u200b\u200d]/g, '')
    .replace(/<t:(-?\d+)(?::[tTdDfFR])?>/g, (whole, s: string) => timestamp(Number(s)) ?? whole)
    .replace(/<@[!&]?([\w-]+)>/g, '@$1');
}

/** A Discord timestamp as UTC text; undefined when it is outside what a Date can hold. */
function timestamp(seconds: number): string | undefined {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}
