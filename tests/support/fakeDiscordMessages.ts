/** The messages the fake Discord keeps for an interaction's responses, built and edited as Discord does. */
import { InteractionType, MessageFlags, MessageType, type APIAttachment, type APIInteraction, type APIMessage, type APIUser } from 'discord-api-types/v10';
import { snowflake, TEXT_CHANNEL_ID } from './discordFixtures.js';
import type { RecordedFile } from './fakeDiscordTypes.js';

/** Who a response message is from, and where its attachments are served (the fake's own address). */
export interface MessageAuthor {
  botUser: APIUser;
  applicationId: string;
  attachmentBase: string;
}

export function channelIdOf(payload: APIInteraction): string {
  return payload.channel?.id ?? payload.channel_id ?? TEXT_CHANNEL_ID;
}

function buildAttachments(author: MessageAuthor, interaction: APIInteraction, data: any, files: RecordedFile[], existing: APIAttachment[]): APIAttachment[] {
  const byField = new Map(files.map((f) => [f.field, f]));
  const fromFile = (file: RecordedFile, description?: string): APIAttachment => {
    const id = snowflake();
    const url = `${author.attachmentBase}/attachments/${channelIdOf(interaction)}/${id}/${encodeURIComponent(file.name)}`;
    return {
      id,
      filename: file.name,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType || undefined,
      ...(description ? { description } : {}),
    };
  };
  if (Array.isArray(data?.attachments)) {
    const out: APIAttachment[] = [];
    for (const a of data.attachments) {
      const kept = existing.find((e) => e.id === String(a.id));
      if (kept) out.push(kept);
      else {
        const file = byField.get(`files[${a.id}]`);
        if (file) out.push(fromFile({ ...file, name: a.filename ?? file.name }, a.description));
      }
    }
    return out;
  }
  return [...existing, ...files.map((f) => fromFile(f))];
}

/** The message a reply or follow-up creates. */
export function makeMessage(author: MessageAuthor, p: APIInteraction, data: any, files: RecordedFile[], extraFlags = 0): APIMessage {
  const user = (p.member?.user ?? p.user) as APIUser;
  return {
    id: snowflake(),
    channel_id: channelIdOf(p),
    author: author.botUser,
    content: typeof data?.content === 'string' ? data.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: Boolean(data?.tts),
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: buildAttachments(author, p, data, files, []),
    embeds: Array.isArray(data?.embeds) ? data.embeds : [],
    components: Array.isArray(data?.components) ? data.components : [],
    pinned: false,
    type: p.type === InteractionType.ApplicationCommand ? MessageType.ChatInputCommand : MessageType.Default,
    flags: (Number(data?.flags ?? 0) | extraFlags) as MessageFlags,
    webhook_id: author.applicationId,
    application_id: author.applicationId,
    interaction_metadata: {
      id: p.id,
      type: p.type,
      user,
      authorizing_integration_owners: p.authorizing_integration_owners,
    } as APIMessage['interaction_metadata'],
  };
}

/** `message` after an edit: what changes, what an ephemeral flag keeps, and a deferral's loading state ending. */
export function applyEdit(author: MessageAuthor, interaction: APIInteraction, message: APIMessage, data: any, files: RecordedFile[]): APIMessage {
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  const next: APIMessage = { ...message };
  if (data && typeof data === 'object') {
    if ('content' in data) next.content = data.content ?? '';
    if ('embeds' in data) next.embeds = data.embeds ?? [];
    if ('components' in data) next.components = data.components ?? [];
    if ('poll' in data && data.poll) next.poll = data.poll;
    if ('flags' in data && data.flags != null) {
      const keep = (message.flags ?? 0) & MessageFlags.Ephemeral;
      const changeable = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;
      next.flags = (keep | (Number(data.flags) & changeable)) as MessageFlags;
    }
  }
  if ('attachments' in (data ?? {}) || files.length > 0) {
    next.attachments = buildAttachments(author, interaction, data, files, message.attachments);
  }
  next.flags = ((next.flags ?? 0) & ~MessageFlags.Loading) as MessageFlags;
  next.edited_timestamp = wasLoading ? null : new Date().toISOString();
  return next;
}
