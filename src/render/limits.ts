import type { APIEmbed } from 'discord-api-types/v10';
import type { Reply } from '../shared/reply.js';
import { shorten } from '../shared/text.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message). */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedTotal: 6000,
  embedsPerMessage: 10,
} as const;

/** Trims every part of an embed to Discord's limits, then the whole to 6,000 characters. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title) out.title = shorten(out.title, LIMITS.embedTitle);
  if (out.description) out.description = shorten(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: shorten(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: shorten(out.author.name, LIMITS.authorName) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.embedFields).map((f) => ({
      ...f,
      name: shorten(f.name, LIMITS.fieldName) || '\u200b',
      value: shorten(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  // Over the total: shorten the description first, then drop fields from the end.
  let excess = embedLength(out) - LIMITS.embedTotal;
  if (excess > 0 && out.description) {
    out.description = shorten(out.description, Math.max(1, out.description.length - excess));
    excess = embedLength(out) - LIMITS.embedTotal;
  }
  while (excess > 0 && out.fields?.length) {
    out.fields.pop();
    excess = embedLength(out) - LIMITS.embedTotal;
  }
  return out;
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Applies every limit to a reply; the transport calls this last. */
export function fitReply(reply: Reply): Reply {
  return {
    ...reply,
    content: reply.content === undefined ? undefined : shorten(reply.content, LIMITS.content),
    embeds: reply.embeds?.slice(0, LIMITS.embedsPerMessage).map(fitEmbed),
  };
}
