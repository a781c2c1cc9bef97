/**
 * Shared, deterministic Discord fixtures (ids, users, guild, channel, messages)
 * used by the loopback fake (`fakeDiscord.ts`) and the interaction payload
 * builders (`interactions.ts`).
 *
 * Fixed entities (application, bot, guild, channel, users, roles) have fixed
 * snowflakes. Per-event ids (interactions, messages, commands) come from
 * `snowflake()`, which encodes the current time (so discord.js' `createdAt`
 * and "is this interaction still fresh" logic behave realistically) plus a
 * process-wide counter (so ids are unique and strictly increasing).
 */
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  PermissionFlagsBits,
  type APIGuildMember,
  type ChannelFlags,
  type GuildMemberFlags,
  type RoleFlags,
  type UserFlags,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GatewayGuildCreateDispatchData,
} from 'discord-api-types/v10';

export const DISCORD_EPOCH = 1_420_070_400_000n;

let snowflakeIncrement = 0n;
let lastSnowflake = 0n;

/** A unique, strictly increasing snowflake whose timestamp part is `timestamp` (default: now). */
export function snowflake(timestamp: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1n) & 0xfffn;
  let id = ((BigInt(timestamp) - DISCORD_EPOCH) << 22n) | snowflakeIncrement;
  if (id <= lastSnowflake) id = lastSnowflake + 1n;
  lastSnowflake = id;
  return id.toString();
}

/** Converts bigint/number/string permission bits to Discord's string form. */
export function permissionString(bits: bigint | number | string): string {
  return BigInt(bits).toString();
}

export const DEFAULT_APPLICATION_ID = '1100000000000000001';
/** For modern apps the bot user id equals the application id. */
export const BOT_USER_ID = DEFAULT_APPLICATION_ID;
export const DEFAULT_GUILD_ID = '1100000000000000100';
export const MODERATOR_ROLE_ID = '1100000000000000110';
export const TEXT_CHANNEL_ID = '1100000000000000200';
export const DM_CHANNEL_ID = '1100000000000000300';
export const MEMBER_USER_ID = '1100000000000001000';
export const MODERATOR_USER_ID = '1100000000000002000';
export const GUILD_OWNER_ID = '1100000000000003000';

/** A fixed ISO timestamp used for "joined_at"-style fields (deterministic). */
export const FIXED_JOINED_AT = '2024-01-01T00:00:00.000Z';

/** What an ordinary member can do in the text channel. */
export const MEMBER_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

/** A moderator additionally manages messages/members/the guild. */
export const MODERATOR_PERMISSIONS: bigint =
  MEMBER_PERMISSIONS |
  PermissionFlagsBits.ManageMessages |
  PermissionFlagsBits.ModerateMembers |
  PermissionFlagsBits.ManageGuild;

/** Permissions the bot has in the channel (sent as `app_permissions`). */
export const BOT_PERMISSIONS: bigint =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.UseExternalEmojis;

export function makeUser(id: string, username: string, extra: Partial<APIUser> = {}): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: username,
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
    ...extra,
  };
}

export function makeBotUser(applicationId: string = DEFAULT_APPLICATION_ID): APIUser {
  return makeUser(applicationId, 'artikel-bot', { bot: true, global_name: null });
}

export const memberUser: APIUser = makeUser(MEMBER_USER_ID, 'pembaca');
export const moderatorUser: APIUser = makeUser(MODERATOR_USER_ID, 'moderator');

export function makeRole(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissionString(permissions),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function makeGuildMember(user: APIUser, roles: string[] = []): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: FIXED_JOINED_AT,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function makeTextChannel(guildId: string, id: string = TEXT_CHANNEL_ID, name = 'umum'): APITextChannel {
  return {
    id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    topic: null,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    parent_id: null,
    default_auto_archive_duration: 1440,
    default_thread_rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

/** A complete GUILD_CREATE payload: one text channel, @everyone + Moderator roles, the bot as member. */
export function makeGuildCreate(guildId: string, botUser: APIUser): GatewayGuildCreateDispatchData {
  const channel = makeTextChannel(guildId);
  return {
    id: guildId,
    name: 'Ruang Redaksi (fake)',
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    owner_id: GUILD_OWNER_ID,
    region: 'id',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: [
      makeRole(guildId, '@everyone', MEMBER_PERMISSIONS, 0),
      makeRole(MODERATOR_ROLE_ID, 'Moderator', MODERATOR_PERMISSIONS, 1),
    ],
    emojis: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: channel.id,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.Indonesian,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    // GUILD_CREATE-only fields
    joined_at: FIXED_JOINED_AT,
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [makeGuildMember(botUser)],
    channels: [channel],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
