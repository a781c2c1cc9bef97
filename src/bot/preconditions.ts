import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { Text } from '../shared/i18n.js';
import type { Actor, CommandContext, ComponentContext } from './context.js';

/**
 * Guards that run before a handler (after Sapphire's preconditions). A guard returns
 * the refusal to show the user, or null to let the handler run; the registry always
 * answers a refusal, ephemerally. `deps` are the command's dependencies.
 */
export type Precondition<D = unknown> = (ctx: CommandContext | ComponentContext, deps: D) => Text | null;

export const guildOnly: Precondition = (ctx) =>
  ctx.actor.guildId
    ? null
    : { en: 'This command only works in a server.', id: 'Perintah ini hanya bisa dipakai di server.' };

/**
 * The default permission of the moderators' command. Discord requires every permission
 * in a command's default (they are not alternatives), so it is one: Manage Messages.
 * Server admins can give the command to other roles or members in Server Settings >
 * Integrations; Discord enforces that, and the bot does not second-guess it.
 */
export const MODERATOR_COMMAND_PERMISSION = PermissionFlagsBits.ManageMessages;

/** Members with any of these (or Administrator) are moderators for buttons and forms. */
export const MODERATOR_PERMISSIONS = PermissionFlagsBits.ManageMessages | PermissionFlagsBits.ManageGuild;

/**
 * Buttons and forms are not gated by Discord, so their handlers check here: Manage
 * Messages, Manage Server or Administrator, or one of the roles the server named with
 * `/faq-manage roles`.
 */
export function isModerator(actor: Pick<Actor, 'permissions' | 'roles'>, moderatorRoles: readonly string[] = []): boolean {
  if (actor.permissions === null) return false;
  if ((actor.permissions & (MODERATOR_PERMISSIONS | PermissionFlagsBits.Administrator)) !== 0n) return true;
  return actor.roles.some((role) => moderatorRoles.includes(role));
}

export interface ModeratorCheckDeps {
  moderatorRoles: { list(guildId: string): string[] };
}

export const moderatorOnly: Precondition<ModeratorCheckDeps> = (ctx, deps) =>
  ctx.actor.guildId && isModerator(ctx.actor, deps.moderatorRoles.list(ctx.actor.guildId))
    ? null
    : {
        en: 'Only moderators can do this (Manage Messages, Manage Server, or a moderator role set with `/faq-manage roles`).',
        id: 'Hanya moderator yang bisa melakukan ini (Kelola Pesan, Kelola Server, atau peran moderator yang diatur dengan `/faq-manage roles`).',
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
