import { describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import { localized, type AnyCommand } from '../../src/bot/command.js';
import { customId } from '../../src/shared/customId.js';
import type { Actor, AutocompleteContext, CommandContext, ComponentContext } from '../../src/bot/context.js';
import type { Language } from '../../src/shared/i18n.js';
import { cooldown, guildOnly, isModerator, moderatorOnly, type Precondition } from '../../src/bot/preconditions.js';
import { CommandRegistry, sanitizeChoices } from '../../src/bot/registry.js';
import type { Choice, Reply } from '../../src/shared/reply.js';
import type { Services } from '../../src/bot/services.js';
import { createLogger } from '../../src/config/logger.js';

const GUILD = '1100000000000000100';
const HELPER_ROLE = '1100000000000000777';
const member: Actor = { userId: '1', guildId: GUILD, permissions: PermissionFlagsBits.SendMessages, roles: [], via: 'discord' };
const moderator: Actor = { ...member, userId: '2', permissions: PermissionFlagsBits.ManageMessages };
const helper: Actor = { ...member, userId: '4', roles: [HELPER_ROLE] };
const dmUser: Actor = { userId: '3', guildId: null, permissions: null, roles: [], via: 'discord' };

/** Only what these tests' commands use: a logger, and the moderator roles of GUILD. */
function services(lines: string[] = []): Services {
  const moderatorRoles = { list: (guildId: string) => (guildId === GUILD ? [HELPER_ROLE] : []) };
  return { logger: createLogger({ level: 'debug', format: 'json', write: (l) => lines.push(l) }), moderatorRoles } as unknown as Services;
}

/** The JSON log lines as objects. */
function records(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

interface Recorded {
  replies: Reply[];
  deferred: boolean;
}

function commandCtx(commandName: string, o: { actor?: Actor; language?: Language; strings?: Record<string, string>; subcommand?: string } = {}): CommandContext & Recorded {
  const ctx = {
    replies: [] as Reply[],
    deferred: false,
    actor: o.actor ?? member,
    language: o.language ?? 'en',
    commandName,
    options: {
      getString: (name: string) => o.strings?.[name] ?? null,
      getInteger: () => null,
      getBoolean: () => null,
      getRoleId: () => null,
      getAttachment: () => null,
      getSubcommand: () => o.subcommand ?? null,
    },
    async defer() {
      ctx.deferred = true;
    },
    async reply(reply: Reply) {
      ctx.replies.push(reply);
    },
    async showModal() {},
    get acknowledged() {
      return ctx.deferred || ctx.replies.length > 0;
    },
  };
  return ctx;
}

function componentCtx(id: string, o: { actor?: Actor; language?: Language } = {}): ComponentContext & Recorded & { updates: Reply[] } {
  const ctx = {
    replies: [] as Reply[],
    updates: [] as Reply[],
    deferred: false,
    actor: o.actor ?? member,
    language: o.language ?? 'en',
    customId: id,
    args: id.split(':').slice(1),
    message: null,
    fields: new Map<string, string>(),
    async defer() {
      ctx.deferred = true;
    },
    async reply(reply: Reply) {
      ctx.replies.push(reply);
    },
    async update(reply: Reply) {
      ctx.updates.push(reply);
    },
    async showModal() {},
    get acknowledged() {
      return ctx.deferred || ctx.replies.length > 0;
    },
  };
  return ctx;
}

function autocompleteCtx(commandName: string, value: string): AutocompleteContext {
  return {
    actor: member,
    language: 'en',
    commandName,
    options: { getString: () => null, getInteger: () => null, getBoolean: () => null, getRoleId: () => null, getAttachment: () => null, getSubcommand: () => null },
    focused: { name: 'q', value },
  };
}

function command(name: string, extra: Partial<AnyCommand> = {}): AnyCommand {
  return {
    data: new SlashCommandBuilder().setName(name).setDescription(`the ${name} command`),
    async execute(ctx) {
      await ctx.reply({ content: `ran ${name}` });
    },
    ...extra,
  };
}

describe('CommandRegistry construction', () => {
  it('refuses two commands with the same name', () => {
    expect(() => new CommandRegistry([command('ask'), command('help'), command('ask')])).toThrow(/two commands are named "ask"/);
  });

  it('refuses two component handlers with the same prefix, even on different commands', () => {
    const handler = { handle: async () => {} };
    expect(() => new CommandRegistry([command('a', { components: { page: handler } }), command('b', { components: { page: handler } })])).toThrow(
      /two component handlers use the prefix "page"/,
    );
  });

  it('refuses a component prefix containing ":"', () => {
    expect(() => new CommandRegistry([command('a', { components: { 'bad:prefix': { handle: async () => {} } } })])).toThrow(/may not contain ":"/);
  });

  it('loads the real commands/ folder, gives their names and deployment JSON', async () => {
    const registry = new CommandRegistry(await CommandRegistry.loadCommands());
    expect(registry.names.sort()).toEqual(['article', 'ask', 'faq', 'faq-manage', 'help', 'paragraph', 'search']);
    expect(registry.toJSON().map((c) => c.name).sort()).toEqual(['article', 'ask', 'faq', 'faq-manage', 'help', 'paragraph', 'search']);
    expect(registry.get('ask')?.data.name).toBe('ask');
    expect(registry.get('nope')).toBeUndefined();
  });

  it('a registry built for deployment refuses to run commands (no services)', async () => {
    const registry = new CommandRegistry([command('help', { uses: (s) => ({ views: s.views }) })]);
    const ctx = commandCtx('help');
    // The failure is caught like any handler error... and reporting it needs the logger, which throws too.
    await expect(registry.runCommand(ctx)).rejects.toThrow(/deployment only/);
  });
});

describe('routing', () => {
  it('routes a command by name and answers an unknown one', async () => {
    const registry = new CommandRegistry([command('ask'), command('help')], services());
    const ctx = commandCtx('help');
    await expect(registry.runCommand(ctx)).resolves.toBe('answered');
    expect(ctx.replies).toEqual([{ content: 'ran help' }]);

    const unknown = commandCtx('gone', { language: 'id' });
    await expect(registry.runCommand(unknown)).resolves.toBe('refused');
    expect(unknown.replies).toEqual([{ content: 'Perintah atau tombol ini tidak dikenal lagi.', ephemeral: true }]);
  });

  it('routes components by the prefix of their custom id and passes the rest as args', async () => {
    const seen: string[][] = [];
    const registry = new CommandRegistry(
      [
        command('search', { components: { search: { handle: async (ctx) => void seen.push(['search', ...ctx.args]) } } }),
        command('ask', { components: { feedback: { handle: async (ctx) => void seen.push(['feedback', ...ctx.args]) } } }),
      ],
      services(),
    );
    await registry.runComponent(componentCtx('search:2:n'));
    await registry.runComponent(componentCtx('feedback:up:17'));
    await registry.runComponent(componentCtx('search'));
    expect(seen).toEqual([['search', '2', 'n'], ['feedback', 'up', '17'], ['search']]);

    // A prefix is a whole segment: "searching:1" is not "search".
    const other = componentCtx('searching:1');
    await registry.runComponent(other);
    expect(other.replies[0]).toEqual({ content: 'This command or button is no longer known.', ephemeral: true });
    expect(seen).toHaveLength(3);
  });

  it('reports the outcome a handler returns, "answered" when it returns nothing', async () => {
    const registry = new CommandRegistry([command('ask', { execute: async (ctx) => (await ctx.reply({ content: 'x' }), 'abstained' as const) }), command('help')], services());
    await expect(registry.runCommand(commandCtx('ask'))).resolves.toBe('abstained');
    await expect(registry.runCommand(commandCtx('help'))).resolves.toBe('answered');
  });

  it('hands each command the dependencies its `uses` picks, computed once', async () => {
    let picked = 0;
    const seen: unknown[] = [];
    const registry = new CommandRegistry(
      [command('help', { uses: (s: Services) => (picked++, { logger: s.logger }), execute: async (ctx, deps) => void (seen.push(deps), await ctx.reply({ content: 'ok' })) })],
      services(),
    );
    await registry.runCommand(commandCtx('help'));
    await registry.runCommand(commandCtx('help'));
    expect(picked).toBe(1);
    expect(Object.keys(seen[0] as object)).toEqual(['logger']);
    expect(seen[1]).toBe(seen[0]);
  });

  it('catches a throwing command: ephemeral error reply, logged with the user id, outcome "error", nothing propagates', async () => {
    const lines: string[] = [];
    const registry = new CommandRegistry([command('boom', { execute: async () => { throw new Error('kaboom'); } })], services(lines));
    const ctx = commandCtx('boom');
    await expect(registry.runCommand(ctx)).resolves.toBe('error');
    expect(ctx.replies).toEqual([{ content: 'Something went wrong while answering. The error was logged; please try again.', ephemeral: true }]);
    const record = JSON.parse(lines.at(-1)!) as { level: number; msg: string; user: string; err: { message: string; stack: string } };
    expect(record).toMatchObject({ level: 50, msg: '/boom failed', user: '1', err: { message: 'kaboom' } });
    expect(record.err.stack).toMatch(/kaboom/);
  });

  it('catches a throwing component handler, and a failure to report the failure', async () => {
    const lines: string[] = [];
    const registry = new CommandRegistry([command('x', { components: { x: { handle: async () => { throw new Error('inner'); } } } })], services(lines));
    const ctx = componentCtx('x:1');
    ctx.reply = async () => {
      throw new Error('Unknown interaction');
    };
    await expect(registry.runComponent(ctx)).resolves.toBe('error');
    expect(records(lines)).toMatchObject([
      { msg: 'component x failed', err: { message: 'inner' } },
      { msg: 'could not report the failure of component x', err: { message: 'Unknown interaction' } },
    ]);
  });

  it('autocomplete: sanitized choices; [] for commands without autocomplete; [] and a log line when it throws', async () => {
    const lines: string[] = [];
    const long = 'x'.repeat(150);
    const registry = new CommandRegistry(
      [
        command('ask', { autocomplete: async (ctx) => [{ name: ctx.focused.value, value: ctx.focused.value }, { name: long, value: long }] }),
        command('help'),
        command('bad', { autocomplete: async () => { throw new Error('index gone'); } }),
      ],
      services(lines),
    );
    const choices = await registry.runAutocomplete(autocompleteCtx('ask', 'siapa'));
    expect(choices[0]).toEqual({ name: 'siapa', value: 'siapa' });
    expect(choices[1]!.name.length).toBeLessThanOrEqual(100);
    expect(choices[1]!.value.toString().length).toBeLessThanOrEqual(100);
    expect(await registry.runAutocomplete(autocompleteCtx('help', 'x'))).toEqual([]);
    expect(await registry.runAutocomplete(autocompleteCtx('nope', 'x'))).toEqual([]);
    expect(await registry.runAutocomplete(autocompleteCtx('bad', 'x'))).toEqual([]);
    expect(records(lines)).toMatchObject([{ msg: 'autocomplete /bad failed', command: 'bad', err: { message: 'index gone' } }]);
  });
});

describe('preconditions', () => {
  const ran: string[] = [];
  const guarded = (name: string, preconditions: AnyCommand['preconditions']) =>
    command(name, {
      preconditions,
      execute: async (ctx) => {
        ran.push(name);
        await ctx.reply({ content: 'ok' });
      },
    });

  it('guildOnly refuses in DMs, in the user\'s language, before the handler runs', async () => {
    const registry = new CommandRegistry([guarded('g', [guildOnly])], services());
    const dm = commandCtx('g', { actor: dmUser, language: 'id' });
    await registry.runCommand(dm);
    expect(dm.replies).toEqual([{ content: 'Perintah ini hanya bisa dipakai di server.', ephemeral: true }]);
    expect(ran).not.toContain('g');
    const inGuild = commandCtx('g');
    await registry.runCommand(inGuild);
    expect(inGuild.replies).toEqual([{ content: 'ok' }]);
  });

  it('moderatorOnly checks the permissions and the server\'s moderator roles on every run; per-subcommand guards come from a function', async () => {
    const registry = new CommandRegistry(
      [{ ...guarded('faq', (ctx) => (ctx.options.getSubcommand() === 'list' ? [guildOnly] : [guildOnly, moderatorOnly])), uses: (s: Services) => ({ moderatorRoles: s.moderatorRoles }) }],
      services(),
    );
    const refused = commandCtx('faq', { subcommand: 'add' });
    await expect(registry.runCommand(refused)).resolves.toBe('refused');
    expect(refused.replies[0]).toEqual({ content: 'Only moderators can do this (Manage Messages, Manage Server, or a moderator role set with `/faq-manage roles`).', ephemeral: true });

    const withRole = commandCtx('faq', { subcommand: 'add', actor: helper });
    await registry.runCommand(withRole);
    expect(withRole.replies[0]).toEqual({ content: 'ok' });
    // The role counts in the server that named it only.
    const elsewhere = commandCtx('faq', { subcommand: 'add', actor: { ...helper, guildId: '1100000000000000999' } });
    await registry.runCommand(elsewhere);
    expect(elsewhere.replies[0]?.ephemeral).toBe(true);

    const listed = commandCtx('faq', { subcommand: 'list' });
    await registry.runCommand(listed);
    expect(listed.replies[0]).toEqual({ content: 'ok' });

    const allowed = commandCtx('faq', { subcommand: 'add', actor: moderator });
    await registry.runCommand(allowed);
    expect(allowed.replies[0]).toEqual({ content: 'ok' });
  });

  it('component preconditions are enforced too', async () => {
    const handled: string[] = [];
    const registry = new CommandRegistry(
      [command('ask', { components: { feedback: { preconditions: [guildOnly], handle: async (ctx) => void handled.push(ctx.customId) } } })],
      services(),
    );
    const dm = componentCtx('feedback:up:1', { actor: dmUser });
    await registry.runComponent(dm);
    expect(dm.replies[0]).toEqual({ content: 'This command only works in a server.', ephemeral: true });
    expect(handled).toEqual([]);
  });

  it('isModerator: Manage Messages, Manage Server, Administrator or a moderator role; never outside a guild', () => {
    const as = (permissions: bigint | null, roles: string[] = []) => ({ permissions, roles });
    expect(isModerator(as(null, [HELPER_ROLE]), [HELPER_ROLE])).toBe(false);
    expect(isModerator(as(0n))).toBe(false);
    expect(isModerator(as(PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel))).toBe(false);
    expect(isModerator(as(PermissionFlagsBits.ManageMessages))).toBe(true);
    expect(isModerator(as(PermissionFlagsBits.ManageGuild))).toBe(true);
    expect(isModerator(as(PermissionFlagsBits.Administrator))).toBe(true);
    expect(isModerator(as(0n, [HELPER_ROLE]), [HELPER_ROLE])).toBe(true);
    expect(isModerator(as(0n, ['1100000000000000888']), [HELPER_ROLE])).toBe(false);
  });

  it('cooldown: N uses per window per user, then a refusal with the wait, then allowed again', async () => {
    let now = 1_000_000;
    const guard: Precondition = cooldown(2, 10_000, () => now);
    const ctx = (actor: Actor) => commandCtx('ask', { actor });
    expect(guard(ctx(member), {})).toBeNull();
    expect(guard(ctx(member), {})).toBeNull();
    expect(guard(ctx(moderator), {})).toBeNull(); // another user has their own budget
    now += 3_000;
    expect(guard(ctx(member), {})).toEqual({ en: 'Slow down a little: try again in 7 s.', id: 'Pelan-pelan: coba lagi dalam 7 detik.' });
    now += 7_000;
    expect(guard(ctx(member), {})).toBeNull();
  });

  it('cooldown does not apply to the local console', () => {
    const guard = cooldown(1, 10_000, () => 0);
    const local: Actor = { ...member, via: 'console' };
    for (let i = 0; i < 5; i++) expect(guard(commandCtx('ask', { actor: local }), {})).toBeNull();
  });

  it('a refused cooldown answers through the registry', async () => {
    let now = 0;
    const registry = new CommandRegistry([guarded('ask', [cooldown(1, 10_000, () => now)])], services());
    await registry.runCommand(commandCtx('ask'));
    const second = commandCtx('ask', { language: 'en' });
    await registry.runCommand(second);
    expect(second.replies[0]).toMatchObject({ ephemeral: true, content: expect.stringMatching(/^Slow down a little: try again in 10 s\.$/) });
    now = 10_000;
    const third = commandCtx('ask');
    await registry.runCommand(third);
    expect(third.replies[0]).toEqual({ content: 'ok' });
  });
});

describe('sanitizeChoices', () => {
  it('keeps at most 25 choices', () => {
    const many: Choice[] = Array.from({ length: 40 }, (_, i) => ({ name: `choice ${i}`, value: `v${i}` }));
    const out = sanitizeChoices(many);
    expect(out).toHaveLength(25);
    expect(out[0]).toEqual({ name: 'choice 0', value: 'v0' });
    expect(out[24]).toEqual({ name: 'choice 24', value: 'v24' });
  });

  it('cuts names and string values to 100 characters and collapses whitespace', () => {
    const [choice] = sanitizeChoices([{ name: `  a\n\tb  ${'word '.repeat(40)}`, value: 'v'.repeat(300) }]);
    expect(choice!.name.startsWith('a b word')).toBe(true);
    expect(choice!.name.length).toBeLessThanOrEqual(100);
    expect(String(choice!.value).length).toBeLessThanOrEqual(100);
  });

  it('drops empty names and values and duplicate values; keeps numeric values', () => {
    const out = sanitizeChoices([
      { name: '', value: 'a' },
      { name: '   ', value: 'b' },
      { name: 'empty value', value: '   ' },
      { name: 'first', value: 'same' },
      { name: 'second', value: 'same' },
      { name: 'number', value: 7 },
      { name: 'number again', value: 7 },
    ]);
    expect(out).toEqual([
      { name: 'first', value: 'same' },
      { name: 'number', value: 7 },
    ]);
    for (const c of out) {
      expect(c.name.length).toBeGreaterThanOrEqual(1);
      expect(c.name.length).toBeLessThanOrEqual(100);
    }
  });

  it('the 25 kept are 25 distinct valid ones even when many are invalid', () => {
    const input: Choice[] = [];
    for (let i = 0; i < 60; i++) input.push({ name: i % 2 ? `ok ${i}` : '', value: `v${i % 30}` });
    const out = sanitizeChoices(input);
    expect(out.length).toBeLessThanOrEqual(25);
    expect(new Set(out.map((c) => c.value)).size).toBe(out.length);
    expect(out.every((c) => c.name.startsWith('ok '))).toBe(true);
  });
});

describe('helpers', () => {
  it('customId joins parts with ":" and refuses ids over Discord\'s 100 characters', () => {
    expect(customId('feedback', 'up', 12)).toBe('feedback:up:12');
    expect(() => customId('p', 'x'.repeat(100))).toThrow(/custom id too long/);
  });

  it('localized sets English and Indonesian names and descriptions', () => {
    const json = localized(new SlashCommandBuilder(), ['ask', 'tanya'], ['Ask', 'Tanya']).toJSON();
    expect(json).toMatchObject({ name: 'ask', name_localizations: { id: 'tanya' }, description: 'Ask', description_localizations: { id: 'Tanya' } });
  });
});
