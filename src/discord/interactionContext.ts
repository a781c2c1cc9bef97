import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type ModalSubmitInteraction,
} from 'discord.js';
import type { Actor, AutocompleteContext, CommandContext, CommandOptions, ComponentContext } from '../bot/context.js';
import { languageOf } from '../shared/i18n.js';
import type { Modal, Reply } from '../shared/reply.js';
import { fitReply } from '../render/limits.js';

/**
 * Adapters from discord.js interactions to the transport-neutral contexts the
 * commands see. This file and client.ts are the only places that know discord.js
 * interaction types.
 */
type RepliableInteraction = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** Discord drops an interaction not acknowledged within 3 s; defer before that if a handler is still busy. */
const AUTO_DEFER_MS = 2_200;

function actorOf(interaction: RepliableInteraction | AutocompleteInteraction): Actor {
  return {
    userId: interaction.user.id,
    guildId: interaction.guildId,
    permissions: interaction.inGuild() ? interaction.memberPermissions?.bitfield ?? 0n : null,
    roles: roleIdsOf(interaction.member),
    via: 'discord',
  };
}

/** A cached GuildMember has a role manager; an uncached one is the raw API member with an id array. */
function roleIdsOf(member: RepliableInteraction['member']): string[] {
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
}

function optionsOf(interaction: ChatInputCommandInteraction | AutocompleteInteraction): CommandOptions {
  return {
    getString: (name) => interaction.options.getString(name),
    getInteger: (name) => interaction.options.getInteger(name),
    getBoolean: (name) => interaction.options.getBoolean(name),
    getRoleId: (name) => {
      const value = interaction.options.get(name)?.value;
      return typeof value === 'string' ? value : null;
    },
    // discord.js resolves the option's attachment id in the payload's resolved.attachments:
    // the only file a handler may fetch is the one Discord says the member attached.
    getAttachment: (name) => {
      const attachment = interaction.isChatInputCommand() ? interaction.options.getAttachment(name) : null;
      return attachment ? { origin: 'discord', id: attachment.id, url: attachment.url, fileName: attachment.name, size: attachment.size, contentType: attachment.contentType ?? undefined } : null;
    },
    getSubcommand: () => interaction.options.getSubcommand(false),
  };
}

/** Every message goes out with mentions disabled: no reply can ping anyone. */
export function toDiscordPayload(reply: Reply) {
  const fitted = fitReply(reply);
  return {
    content: fitted.content,
    embeds: fitted.embeds,
    components: fitted.components,
    allowedMentions: { parse: [] as never[], repliedUser: false },
  };
}

/** Shared reply logic: reply, fill a deferral, or follow up, whichever is due. */
class Responder {
  private filled = false;
  private deferredEphemeral = false;
  private readonly timer: NodeJS.Timeout;
  /**
   * The deferral in flight, if any. discord.js marks an interaction deferred only when
   * the request returns, so without this the automatic deferral could race the
   * handler's own and acknowledge twice.
   */
  private deferring?: Promise<void>;

  constructor(protected readonly interaction: RepliableInteraction, private readonly onError: (e: unknown) => void) {
    this.timer = setTimeout(() => {
      if (!this.acknowledged) void this.defer().catch(onError);
    }, Math.max(0, AUTO_DEFER_MS - (Date.now() - interaction.createdTimestamp)));
    this.timer.unref();
  }

  get acknowledged(): boolean {
    return this.interaction.deferred || this.interaction.replied || this.deferring !== undefined;
  }

  async defer(options: { ephemeral?: boolean } = {}): Promise<void> {
    if (this.acknowledged) return this.deferring;
    this.deferredEphemeral = options.ephemeral ?? false;
    this.deferring = this.interaction.deferReply(this.deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {}).then(() => undefined);
    await this.deferring;
  }

  async reply(reply: Reply): Promise<void> {
    clearTimeout(this.timer);
    await this.deferring?.catch(() => undefined);
    const payload = toDiscordPayload(reply);
    const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
    const i = this.interaction;
    if (!i.deferred && !i.replied) {
      await i.reply({ ...payload, flags } as InteractionReplyOptions);
    } else if (i.deferred && !this.filled && !(reply.ephemeral && !this.deferredEphemeral)) {
      await i.editReply(payload);
    } else {
      await i.followUp({ ...payload, flags } as InteractionReplyOptions);
      // An ephemeral refusal after a public deferral: do not leave "thinking..." behind.
      if (i.deferred && !this.filled) await i.deleteReply().catch(this.onError);
    }
    this.filled = true;
  }

  async showModal(modal: Modal): Promise<void> {
    clearTimeout(this.timer);
    if (this.interaction.isModalSubmit()) throw new Error('a modal cannot open another modal');
    await this.interaction.showModal(modal);
  }

  markFilled(): void {
    clearTimeout(this.timer);
    this.filled = true;
  }
}

export function commandContext(interaction: ChatInputCommandInteraction, onError: (e: unknown) => void): CommandContext {
  const responder = new Responder(interaction, onError);
  return {
    actor: actorOf(interaction),
    language: languageOf(interaction.locale),
    commandName: interaction.commandName,
    options: optionsOf(interaction),
    defer: (o) => responder.defer(o),
    reply: (r) => responder.reply(r),
    showModal: (m) => responder.showModal(m),
    get acknowledged() {
      return responder.acknowledged;
    },
  };
}

export function autocompleteContext(interaction: AutocompleteInteraction): AutocompleteContext {
  const focused = interaction.options.getFocused(true);
  return {
    actor: actorOf(interaction),
    language: languageOf(interaction.locale),
    commandName: interaction.commandName,
    options: optionsOf(interaction),
    focused: { name: focused.name, value: String(focused.value ?? '') },
  };
}

export function componentContext(interaction: ButtonInteraction | ModalSubmitInteraction, onError: (e: unknown) => void): ComponentContext {
  const responder = new Responder(interaction, onError);
  const fields = new Map<string, string>();
  if (interaction.isModalSubmit()) for (const [id, field] of interaction.fields.fields) if ('value' in field) fields.set(id, String(field.value));
  const message = interaction.message ? { embeds: interaction.message.embeds.map((e) => e.toJSON()) } : null;
  return {
    actor: actorOf(interaction),
    language: languageOf(interaction.locale),
    customId: interaction.customId,
    args: interaction.customId.split(':').slice(1),
    message,
    fields,
    defer: (o) => responder.defer(o),
    reply: (r) => responder.reply(r),
    async update(reply) {
      if (interaction.isButton() && !responder.acknowledged) {
        await interaction.update(toDiscordPayload(reply));
        responder.markFilled();
      } else await responder.reply(reply);
    },
    showModal: (m) => responder.showModal(m),
    get acknowledged() {
      return responder.acknowledged;
    },
  };
}
