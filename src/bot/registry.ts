import { readdirSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Command, ComponentHandler } from './command.js';
import type { AutocompleteContext, CommandContext, ComponentContext } from './context.js';
import { t, type Text } from './i18n.js';
import type { Precondition } from './preconditions.js';
import type { Choice } from './reply.js';
import type { Services } from './services.js';
import { shorten } from '../render/markdown.js';

/** For building deployment JSON only: running a command without services is a bug. */
const NO_SERVICES = new Proxy({} as Services, {
  get() {
    throw new Error('this registry was built for deployment only and cannot run commands');
  },
});

export const COMMANDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../commands');

const FAILED: Text = {
  en: 'Something went wrong while answering. The error was logged; please try again.',
  id: 'Terjadi kesalahan saat menjawab. Kesalahan sudah dicatat; silakan coba lagi.',
};
const UNKNOWN: Text = { en: 'This command or button is no longer known.', id: 'Perintah atau tombol ini tidak dikenal lagi.' };

/**
 * Loads the command modules, refuses duplicate names and component prefixes, gives
 * the JSON for deployment, and routes every interaction: commands and autocomplete
 * by command name, buttons and modals by the prefix of their custom id. A handler
 * that throws gets the user an ephemeral error and a log line; nothing propagates.
 */
export class CommandRegistry {
  private readonly commands = new Map<string, Command>();
  private readonly components = new Map<string, ComponentHandler>();

  constructor(commands: Command[], private readonly services: Services = NO_SERVICES) {
    for (const command of commands) {
      const name = command.data.name;
      if (this.commands.has(name)) throw new Error(`two commands are named "${name}"`);
      this.commands.set(name, command);
      for (const [prefix, handler] of Object.entries(command.components ?? {})) {
        if (prefix.includes(':')) throw new Error(`component prefix "${prefix}" may not contain ":"`);
        if (this.components.has(prefix)) throw new Error(`two component handlers use the prefix "${prefix}"`);
        this.components.set(prefix, handler);
      }
    }
  }

  /** Imports every module in `commands/` (the discord.js guide's layout). */
  static async loadCommands(dir: string = COMMANDS_DIR): Promise<Command[]> {
    const files = readdirSync(dir)
      .filter((f) => ['.ts', '.js'].includes(extname(f)) && !f.endsWith('.d.ts') && !f.startsWith('_'))
      .sort();
    const commands: Command[] = [];
    for (const file of files) {
      const module = (await import(pathToFileURL(join(dir, file)).href)) as { default?: Command };
      if (!module.default?.data || typeof module.default.execute !== 'function')
        throw new Error(`commands/${file} must export default { data, execute }`);
      commands.push(module.default);
    }
    return commands;
  }

  get names(): string[] {
    return [...this.commands.keys()];
  }

  get(name: string): Command | undefined {
    return this.commands.get(name);
  }

  /** The body of the bulk PUT that registers the commands with Discord. */
  toJSON() {
    return [...this.commands.values()].map((c) => c.data.toJSON());
  }

  async runCommand(ctx: CommandContext): Promise<void> {
    const command = this.commands.get(ctx.commandName);
    if (!command) return this.refuse(ctx, UNKNOWN);
    const guards = typeof command.preconditions === 'function' ? command.preconditions(ctx) : command.preconditions ?? [];
    await this.guarded(ctx, guards, () => command.execute(ctx, this.services), `/${ctx.commandName}`);
  }

  /** Autocomplete never throws and always returns a list Discord accepts. */
  async runAutocomplete(ctx: AutocompleteContext): Promise<Choice[]> {
    const command = this.commands.get(ctx.commandName);
    if (!command?.autocomplete) return [];
    try {
      return sanitizeChoices(await command.autocomplete(ctx, this.services));
    } catch (error) {
      this.services.logger.error(`autocomplete /${ctx.commandName} failed`, error);
      return [];
    }
  }

  async runComponent(ctx: ComponentContext): Promise<void> {
    const prefix = ctx.customId.split(':')[0]!;
    const handler = this.components.get(prefix);
    if (!handler) return this.refuse(ctx, UNKNOWN);
    await this.guarded(ctx, handler.preconditions ?? [], () => handler.handle(ctx, this.services), `component ${prefix}`);
  }

  private async guarded(ctx: CommandContext | ComponentContext, guards: Precondition[], run: () => Promise<void>, label: string) {
    try {
      for (const guard of guards) {
        const refusal = guard(ctx);
        if (refusal) return await this.refuse(ctx, refusal);
      }
      await run();
    } catch (error) {
      this.services.logger.error(`${label} failed for user ${ctx.actor.userId}`, error);
      await this.refuse(ctx, FAILED).catch((e: unknown) => this.services.logger.error(`could not report the failure of ${label}`, e));
    }
  }

  private refuse(ctx: CommandContext | ComponentContext, text: Text): Promise<void> {
    return ctx.reply({ content: t(ctx.language, text), ephemeral: true });
  }
}

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
