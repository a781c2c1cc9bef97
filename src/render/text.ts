import type { APIEmbed } from 'discord-api-types/v10';
import type { Reply } from '../bot/reply.js';

/**
 * Renders a reply as plain text for the console: the same reply a Discord user
 * would get, with Markdown escapes removed and buttons listed in brackets.
 */
export function replyToText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.content) parts.push(plain(reply.content));
  for (const embed of reply.embeds ?? []) parts.push(embedToText(embed));
  const buttons = (reply.components ?? []).flatMap((row) => row.components).map((c) => ('label' in c && c.label ? `[${'emoji' in c && c.emoji?.name ? c.emoji.name + ' ' : ''}${c.label}]` : ''));
  if (buttons.some(Boolean)) parts.push(buttons.filter(Boolean).join(' '));
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
    .replace(/<t:(\d+)(?::[tTdDfFR])?>/g, (_, s: string) => new Date(Number(s) * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC')
    .replace(/<@[!&]?([\w-]+)>/g, '@$1');
}
