import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { CommandContext, ComponentContext } from './context.js';
import type { Text } from './i18n.js';

/**
 * Guards that run before a handler (after Sapphire's preconditions). A guard returns
 * the refusal to show the user, or null to let the handler run; the registry always
 * answers a refusal, ephemerally.
 */
export type Precondition = (ctx: CommandContext | ComponentContext) => Text | null;

export const guildOnly: Precondition = (ctx) =>
  ctx.actor.guildId
    ? null
    : { en: 'This command only works in a server.', id: 'Perintah ini hanya bisa dipakai di server.' };

/**
 * Moderators may write curated answers. `default_member_permissions` on the command
 * is only a default that server admins can change, so this is checked on every write.
 */
export const MODERATOR_PERMISSIONS = PermissionFlagsBits.ManageMessages | PermissionFlagsBits.ManageGuild;

export function isModerator(permissions: bigint | null): boolean {
  if (permissions === null) return false;
  return (permissions & (MODERATOR_PERMISSIONS | PermissionFlagsBits.Administrator)) !== 0n;
}

export const moderatorOnly: Precondition = (ctx) =>
  isModerator(ctx.actor.permissions)
    ? null
    : {
        en: 'Only moderators (Manage Messages or Manage Server) can do this.',
        id: 'Hanya moderator (Kelola Pesan atau Kelola Server) yang bisa melakukan ini.',
      };

/** At most `uses` runs per user per `windowMs`, per command. */
export function cooldown(uses: number, windowMs: number, now: () => number = Date.now): Precondition {
  const recent = new Map<string, number[]>();
  return (ctx) => {
    if (ctx.actor.via === 'console') return null;
    const key = ctx.actor.userId;
    const time = now();
    const times = (recent.get(key) ?? []).filter((at) => time - at < windowMs);
    if (times.length >= uses) {
      const wait = Math.ceil((windowMs - (time - times[0]!)) / 1000);
      return { en: `Slow down a little: try again in ${wait} s.`, id: `Pelan-pelan: coba lagi dalam ${wait} detik.` };
    }
    times.push(time);
    recent.set(key, times);
    if (recent.size > 10_000) recent.clear(); // bounded memory on busy servers
    return null;
  };
}
