import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PACKAGE_ROOT } from '../config/paths.js';
import { t, type Text } from '../shared/i18n.js';
import type { Choice } from '../shared/reply.js';
import { shorten } from '../shared/text.js';
import type { AnyCommand, ComponentHandler, Outcome } from './command.js';
import type { AutocompleteContext, CommandContext, ComponentContext } from './context.js';
import type { Precondition } from './preconditions.js';
import type { Services } from './services.js';

/** For building deployment JSON only: running a command without services is a bug. */
const NO_SERVICES = new Proxy({} as Services, {
  get() {
    throw new Error('this registry was built for deployment only and cannot run commands');
  },
});

/** `commands/` next to the code that runs: the TypeScript sources under tsx, `dist/commands` when compiled. */
export const COMMANDS_DIR = join(PACKAGE_ROOT, import.meta.url.endsWith('.js') ? 'dist/commands' : 'commands');

const FAILED: Text = {
  en: 'Something went wrong while answering. The error was logged; please try again.',
  id: 'Terjadi kesalahan saat menjawab. Kesalahan sudah dicatat; silakan coba lagi.',
};
const UNKNOWN: Text = { en: 'This command or button is no longer known.', id: 'Perintah atau tombol ini tidak dikenal lagi.' };

interface Registered {
  command: AnyCommand;
  /** The command's dependencies, picked from the services on first use. */
  deps?: unknown;
}

/**
 * Loads the command modules, refuses duplicate names and component prefixes, gives
 * the JSON for deployment, and routes every interaction: commands and autocomplete
 * by command name, buttons and modals by the prefix of their custom id. A handler
 * that throws gets the user an ephemeral error and a log line; nothing propagates.
 * Each run reports its outcome, for the interaction log and the metrics.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, Registered>();
  private readonly components = new Map<string, { handler: ComponentHandler<unknown>; owner: Registered }>();

  constructor(commands: AnyCommand[], private readonly services: Services = NO_SERVICES) {
    for (const command of commands) {
      const name = command.data.name;
      if (this.commands.has(name)) throw new Error(`two commands are named "${name}"`);
      const registered: Registered = { command };
      this.commands.set(name, registered);
      for (const [prefix, handler] of Object.entries(command.components ?? {})) {
        if (prefix.includes(':')) throw new Error(`component prefix "${prefix}" may not contain ":"`);
        if (this.components.has(prefix)) throw new Error(`two component handlers use the prefix "${prefix}"`);
        this.components.set(prefix, { handler, owner: registered });
      }
    }
  }

  /** Imports every module in `commands/` (the discord.js guide's layout). */
  static async loadCommands(dir: string = COMMANDS_DIR): Promise<AnyCommand[]> {
    const files = readdirSync(dir)
      .filter((f) => ['.ts', '.js'].includes(extname(f)) && !f.endsWith('.d.ts') && !f.startsWith('_'))
      .sort((a, b) => (stem(a) < stem(b) ? -1 : 1)); // by name: /faq before /faq-manage
    const commands: AnyCommand[] = [];
    for (const file of files) {
      const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: AnyCommand };
      if (!module.default?.data || typeof module.default.execute !== 'function')
        throw new Error(`commands/${file} must export default { data, execute }`);
      commands.push(module.default);
    }
    return commands;
  }

  get names(): string[] {
    return [...this.commands.keys()];
  }

  get(name: string): AnyCommand | undefined {
    return this.commands.get(name)?.command;
  }

  /** The body of the bulk PUT that registers the commands with Discord. */
  toJSON() {
    return [...this.commands.values()].map((c) => c.command.data.toJSON());
  }

  async runCommand(ctx: CommandContext): Promise<Outcome> {
    const registered = this.commands.get(ctx.commandName);
    if (!registered) return this.refuse(ctx, UNKNOWN);
    const { command } = registered;
    const guards = typeof command.preconditions === 'function' ? command.preconditions(ctx) : command.preconditions ?? [];
    return this.guarded(ctx, registered, guards, (deps) => command.execute(ctx, deps), `/${ctx.commandName}`);
  }

  /** Autocomplete never throws and always returns a list Discord accepts. */
  async runAutocomplete(ctx: AutocompleteContext): Promise<Choice[]> {
    const registered = this.commands.get(ctx.commandName);
    if (!registered?.command.autocomplete) return [];
    try {
      return sanitizeChoices(await registered.command.autocomplete(ctx, this.depsOf(registered)));
    } catch (error) {
      this.services.logger.error({ err: error, command: ctx.commandName }, `autocomplete /${ctx.commandName} failed`);
      return [];
    }
  }

  async runComponent(ctx: ComponentContext): Promise<Outcome> {
    const prefix = ctx.customId.split(':')[0]!;
    const found = this.components.get(prefix);
    if (!found) return this.refuse(ctx, UNKNOWN);
    return this.guarded(ctx, found.owner, found.handler.preconditions ?? [], (deps) => found.handler.handle(ctx, deps), `component ${prefix}`);
  }

  private depsOf(registered: Registered): unknown {
    if (!('deps' in registered)) registered.deps = registered.command.uses?.(this.services) ?? {};
    return registered.deps;
  }

  private async guarded(
    ctx: CommandContext | ComponentContext,
    registered: Registered,
    guards: Precondition<unknown>[],
    run: (deps: unknown) => Promise<Outcome | void>,
    label: string,
  ): Promise<Outcome> {
    try {
      const deps = this.depsOf(registered);
      for (const guard of guards) {
        const refusal = guard(ctx, deps);
        if (refusal) return await this.refuse(ctx, refusal);
      }
      return (await run(deps)) ?? 'answered';
    } catch (error) {
      this.services.logger.error({ err: error, user: ctx.actor.userId, guild: ctx.actor.guildId }, `${label} failed`);
      await this.refuse(ctx, FAILED).catch((e: unknown) => this.services.logger.error({ err: e }, `could not report the failure of ${label}`));
      return 'error';
    }
  }

  private async refuse(ctx: CommandContext | ComponentContext, text: Text): Promise<'refused'> {
    await ctx.reply({ content: t(ctx.language, text), ephemeral: true });
    return 'refused';
  }
}

const stem = (file: string) => file.slice(0, -extname(file).length);

/** Discord accepts at most 25 choices, names and string values of 1-100 characters. */
export function sanitizeChoices(choices: Choice[]): Choice[] {
  const seen = new Set<string>();
  const out: Choice[] = [];
  for (const choice of choices) {
    const name = shorten(choice.name.replace(/\s+/g, ' ').trim(), 100);
    const value = typeof choice.value === 'string' ? shorten(choice.value.trim(), 100) : choice.value;
    if (!name || value === '' || seen.has(String(value))) continue;
    seen.add(String(value));
    out.push({ name, value });
    if (out.length === 25) break;
  }
  return out;
}
