import type { AttachmentRef } from '../download/attachment.js';
import type { Language } from '../shared/i18n.js';
import type { Choice, Modal, Reply } from '../shared/reply.js';

/** Who is acting, as the engine needs to know it: no Discord objects. */
export interface Actor {
  userId: string;
  /** Guild the interaction came from; null in DMs. */
  guildId: string | null;
  /** The member's permissions in the channel (Discord's bit field); null outside guilds. */
  permissions: bigint | null;
  /** The member's role ids (empty outside guilds). */
  roles: readonly string[];
  /** Rate limits protect a shared server; the local console is exempt. */
  via: 'discord' | 'console';
}

/** Typed access to the options of a slash command, whatever the transport. */
export interface CommandOptions {
  getString(name: string): string | null;
  getInteger(name: string): number | null;
  getBoolean(name: string): boolean | null;
  /** A role option's role id. */
  getRoleId(name: string): string | null;
  /** An attachment option: the file Discord resolved for it (`resolved.attachments`), or a local path in the console. */
  getAttachment(name: string): AttachmentRef | null;
  getSubcommand(): string | null;
}

interface BaseContext {
  actor: Actor;
  language: Language;
}

export interface CommandContext extends BaseContext {
  commandName: string;
  options: CommandOptions;
  /** Acknowledges now and answers later (Discord's 3-second rule). */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** Answers; after a defer it fills the deferred reply, after a reply it follows up. */
  reply(reply: Reply): Promise<void>;
  showModal(modal: Modal): Promise<void>;
  readonly acknowledged: boolean;
}

export interface AutocompleteContext extends BaseContext {
  commandName: string;
  options: CommandOptions;
  focused: { name: string; value: string };
}

/** A button press or a modal submission; `args` are the custom id's parts after the prefix. */
export interface ComponentContext extends BaseContext {
  customId: string;
  args: string[];
  /** The message the button was on, as Discord JSON (embeds carry state such as a search query). */
  message: { embeds: Reply['embeds'] } | null;
  /** Fields of a submitted modal, by custom id. */
  fields: Map<string, string>;
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  reply(reply: Reply): Promise<void>;
  /** Edits the message the button was on (pagination). */
  update(reply: Reply): Promise<void>;
  showModal(modal: Modal): Promise<void>;
  readonly acknowledged: boolean;
}

export type { Choice };
