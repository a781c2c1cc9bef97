/**
 * Builders of raw gateway INTERACTION_CREATE payloads (typed with discord-api-types/v10)
 * that discord.js 14.28 turns into real ChatInputCommandInteraction /
 * AutocompleteInteraction / ButtonInteraction / StringSelectMenuInteraction /
 * ModalSubmitInteraction objects.
 *
 * Every payload gets a fresh snowflake id and a unique token. Defaults: guild
 * interaction in DEFAULT_GUILD_ID / TEXT_CHANNEL_ID by `memberUser`, locale `id`.
 * Pass `guildId: null` for a DM with the bot (no `member`, top-level `user`).
 * If the fake was started with a custom guildId/applicationId, pass them here too.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  type APIApplicationCommandAutocompleteInteraction,
  type APIAttachment,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionGuildMember,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIMessageComponentSelectMenuInteraction,
  type APIModalSubmissionComponent,
  type APIModalSubmitInteraction,
  type APIUser,
  type MessageFlags,
} from 'discord-api-types/v10';
import {
  BOT_PERMISSIONS,
  DEFAULT_APPLICATION_ID,
  DEFAULT_GUILD_ID,
  DM_CHANNEL_ID,
  MEMBER_PERMISSIONS,
  MODERATOR_PERMISSIONS,
  MODERATOR_ROLE_ID,
  TEXT_CHANNEL_ID,
  makeBotUser,
  makeGuildMember,
  makeTextChannel,
  memberUser,
  moderatorUser,
  permissionString,
  snowflake,
} from './discordFixtures.js';

export {
  BOT_PERMISSIONS,
  DEFAULT_APPLICATION_ID,
  DEFAULT_GUILD_ID,
  DM_CHANNEL_ID,
  MEMBER_PERMISSIONS,
  MODERATOR_PERMISSIONS,
  MODERATOR_ROLE_ID,
  TEXT_CHANNEL_ID,
  memberUser,
  moderatorUser,
  snowflake,
};

export type LocaleInput = Locale | `${Locale}`;

export interface InteractionBaseOptions {
  /** Who triggered it. Default `memberUser`. */
  user?: APIUser;
  /** Guild id; `null` => DM with the bot. Default DEFAULT_GUILD_ID. */
  guildId?: string | null;
  /** Member permissions in the channel (e.g. PermissionFlagsBits.ManageMessages). Default depends on `user`. */
  permissions?: bigint | number | string;
  /** Member role ids. Default: [MODERATOR_ROLE_ID] for moderatorUser, else []. */
  roles?: string[];
  /** User's client locale. Default 'id'. */
  locale?: LocaleInput;
  /** Guild's preferred locale. Default 'id'. */
  guildLocale?: LocaleInput;
  /** Default TEXT_CHANNEL_ID (guild) / DM_CHANNEL_ID (DM). */
  channelId?: string;
  applicationId?: string;
  /** Bot permissions in the channel (`app_permissions`). Default BOT_PERMISSIONS. */
  appPermissions?: bigint | number | string;
  /** Override the generated interaction id / token. */
  id?: string;
  token?: string;
}

/** An interaction `member` object with the given permissions. */
export function member(
  permissions: bigint | number | string = MEMBER_PERMISSIONS,
  user: APIUser = memberUser,
  roles: string[] = user.id === moderatorUser.id ? [MODERATOR_ROLE_ID] : [],
): APIInteractionGuildMember {
  return { ...makeGuildMember(user, roles), user, permissions: permissionString(permissions) };
}

function defaultPermissions(user: APIUser): bigint {
  return user.id === moderatorUser.id ? MODERATOR_PERMISSIONS : MEMBER_PERMISSIONS;
}

/** Fields shared by every interaction type (guild or DM flavour). */
function common(o: InteractionBaseOptions) {
  const id = o.id ?? snowflake();
  const user = o.user ?? memberUser;
  const guildId = o.guildId === undefined ? DEFAULT_GUILD_ID : o.guildId;
  const applicationId = o.applicationId ?? DEFAULT_APPLICATION_ID;
  const locale = (o.locale ?? Locale.Indonesian) as Locale;
  const base = {
    id,
    application_id: applicationId,
    token: o.token ?? `fake-interaction-token-${id}`,
    version: 1 as const,
    app_permissions: permissionString(o.appPermissions ?? BOT_PERMISSIONS),
    locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (guildId) {
    const guildLocale = (o.guildLocale ?? Locale.Indonesian) as Locale;
    const channel = makeTextChannel(guildId, o.channelId ?? TEXT_CHANNEL_ID);
    return {
      ...base,
      guild_id: guildId,
      guild: { id: guildId, locale: guildLocale, features: [] },
      guild_locale: guildLocale,
      member: member(o.permissions ?? defaultPermissions(user), user, o.roles),
      channel,
      channel_id: channel.id,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId },
      context: InteractionContextType.Guild,
    };
  }
  const channelId = o.channelId ?? DM_CHANNEL_ID;
  return {
    ...base,
    user,
    channel: {
      id: channelId,
      type: ChannelType.DM as const,
      recipients: [user],
      last_message_id: null,
      flags: 0,
    },
    channel_id: channelId,
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
    context: InteractionContextType.BotDM,
  };
}

type Option = APIApplicationCommandInteractionDataOption;

/** Shorthands for chat-input option values. */
export const opt = {
  string: (name: string, value: string): Option => ({ name, type: ApplicationCommandOptionType.String, value }),
  integer: (name: string, value: number): Option => ({ name, type: ApplicationCommandOptionType.Integer, value }),
  number: (name: string, value: number): Option => ({ name, type: ApplicationCommandOptionType.Number, value }),
  boolean: (name: string, value: boolean): Option => ({ name, type: ApplicationCommandOptionType.Boolean, value }),
  /** A role option: Discord sends the role's id as the value. */
  role: (name: string, roleId: string): Option => ({ name, type: ApplicationCommandOptionType.Role, value: roleId }),
  /** An attachment option: the value is the attachment's id; pass the attachment itself in `attachments` too. */
  attachment: (name: string, attachment: Pick<APIAttachment, 'id'>): Option => ({ name, type: ApplicationCommandOptionType.Attachment, value: attachment.id }),
};

function wrapSubcommand(options: Option[], subcommand?: string, subcommandGroup?: string): Option[] {
  if (!subcommand) return options;
  const sub: Option = { name: subcommand, type: ApplicationCommandOptionType.Subcommand, options: options as never };
  if (!subcommandGroup) return [sub];
  return [{ name: subcommandGroup, type: ApplicationCommandOptionType.SubcommandGroup, options: [sub] as never }];
}

export interface ChatInputOptions extends InteractionBaseOptions {
  name: string;
  options?: Option[];
  subcommand?: string;
  subcommandGroup?: string;
  /** Command id; default a fresh snowflake. */
  commandId?: string;
  /** Files the member attached: they go in `data.resolved.attachments`, keyed by id (see `opt.attachment`). */
  attachments?: APIAttachment[];
}

export function chatInput(o: ChatInputOptions): APIChatInputApplicationCommandInteraction {
  const c = common(o);
  return {
    ...c,
    type: InteractionType.ApplicationCommand,
    data: {
      id: o.commandId ?? snowflake(),
      name: o.name,
      type: ApplicationCommandType.ChatInput,
      ...(o.options || o.subcommand ? { options: wrapSubcommand(o.options ?? [], o.subcommand, o.subcommandGroup) as never } : {}),
      ...(o.attachments?.length ? { resolved: { attachments: Object.fromEntries(o.attachments.map((a) => [a.id, a])) } } : {}),
    },
  };
}

export interface AutocompleteOptions extends InteractionBaseOptions {
  name: string;
  /** The option being typed in. `type` defaults to String; the partial value is always a string. */
  focused: { name: string; value: string; type?: ApplicationCommandOptionType.String | ApplicationCommandOptionType.Integer | ApplicationCommandOptionType.Number };
  /** Other, already filled options. */
  options?: Option[];
  subcommand?: string;
  subcommandGroup?: string;
  commandId?: string;
}

export function autocomplete(o: AutocompleteOptions): APIApplicationCommandAutocompleteInteraction {
  const focusedOption = {
    name: o.focused.name,
    type: o.focused.type ?? ApplicationCommandOptionType.String,
    value: o.focused.value,
    focused: true,
  };
  return {
    ...common(o),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: o.commandId ?? snowflake(),
      name: o.name,
      type: ApplicationCommandType.ChatInput,
      options: wrapSubcommand([...(o.options ?? []), focusedOption as Option], o.subcommand, o.subcommandGroup) as never,
    },
  };
}

export interface BotMessageOptions {
  id?: string;
  channelId?: string;
  content?: string;
  components?: APIMessage['components'];
  flags?: number;
  applicationId?: string;
}

/** A message previously sent by the bot (e.g. the one carrying a button). */
export function botMessage(o: BotMessageOptions = {}): APIMessage {
  const applicationId = o.applicationId ?? DEFAULT_APPLICATION_ID;
  return {
    id: o.id ?? snowflake(),
    channel_id: o.channelId ?? TEXT_CHANNEL_ID,
    author: makeBotUser(applicationId),
    content: o.content ?? 'Jawaban sebelumnya',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: o.components ?? [],
    pinned: false,
    type: MessageType.ChatInputCommand,
    flags: (o.flags ?? 0) as MessageFlags,
    application_id: applicationId,
    webhook_id: applicationId,
  };
}

function messageWithButton(customId: string, o: InteractionBaseOptions): APIMessage {
  return botMessage({
    channelId: o.channelId ?? (o.guildId === null ? DM_CHANNEL_ID : TEXT_CHANNEL_ID),
    applicationId: o.applicationId,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: 'Tombol' }],
      },
    ],
  });
}

export interface ButtonOptions extends InteractionBaseOptions {
  customId: string;
  /** The message the button is on. Default: a bot message with that one button. */
  message?: APIMessage;
}

export function button(o: ButtonOptions): APIMessageComponentButtonInteraction {
  return {
    ...common(o),
    type: InteractionType.MessageComponent,
    message: o.message ?? messageWithButton(o.customId, o),
    data: { custom_id: o.customId, component_type: ComponentType.Button },
  };
}

export interface StringSelectOptions extends InteractionBaseOptions {
  customId: string;
  values: string[];
  message?: APIMessage;
}

export function stringSelect(o: StringSelectOptions): APIMessageComponentSelectMenuInteraction {
  return {
    ...common(o),
    type: InteractionType.MessageComponent,
    message: o.message ?? messageWithButton(o.customId, o),
    data: { custom_id: o.customId, component_type: ComponentType.StringSelect, values: o.values },
  };
}

export interface ModalSubmitOptions extends InteractionBaseOptions {
  customId: string;
  /** text input custom_id -> submitted value */
  fields: Record<string, string>;
  /**
   * How the submission is shaped: 'actionRow' (legacy ActionRow > TextInput, the default) or
   * 'label' (Label > TextInput, what modals built with LabelBuilder produce).
   * `interaction.fields.getTextInputValue(id)` works for both.
   */
  layout?: 'actionRow' | 'label';
  /** Set when the modal was opened from a message component. */
  message?: APIMessage;
}

export function modalSubmit(o: ModalSubmitOptions): APIModalSubmitInteraction {
  let componentId = 0;
  const components: APIModalSubmissionComponent[] = Object.entries(o.fields).map(([customId, value]) => {
    const input = { type: ComponentType.TextInput as const, id: ++componentId, custom_id: customId, value };
    return o.layout === 'label'
      ? { type: ComponentType.Label, id: ++componentId, component: input }
      : { type: ComponentType.ActionRow, id: ++componentId, components: [input] };
  });
  return {
    ...common(o),
    type: InteractionType.ModalSubmit,
    ...(o.message ? { message: o.message } : {}),
    data: { custom_id: o.customId, components },
  };
}
