import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AutocompleteContext, CommandContext, ComponentContext } from './context.js';
import type { Precondition } from './preconditions.js';
import type { Choice } from './reply.js';
import type { Services } from './services.js';

/** A component (button or modal) handler, routed by the prefix of its custom id. */
export interface ComponentHandler {
  preconditions?: Precondition[];
  handle(ctx: ComponentContext, services: Services): Promise<void>;
}

/**
 * One slash command: a module in `commands/` exporting this as default.
 * `data` is a discord.js SlashCommandBuilder (anything with a name and toJSON).
 */
export interface Command {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  /** Guards for the whole command; a function of the context for per-subcommand rules. */
  preconditions?: Precondition[] | ((ctx: CommandContext) => Precondition[]);
  execute(ctx: CommandContext, services: Services): Promise<void>;
  autocomplete?(ctx: AutocompleteContext, services: Services): Promise<Choice[]>;
  /** Custom-id prefix -> handler, for this command's buttons and modals. */
  components?: Record<string, ComponentHandler>;
}

/** Custom ids are `prefix:arg:arg`; Discord allows 100 characters. */
export function customId(prefix: string, ...args: (string | number)[]): string {
  const id = [prefix, ...args].join(':');
  if (id.length > 100) throw new Error(`custom id too long: ${id.slice(0, 40)}...`);
  return id;
}

interface Localizable<T> {
  setName(name: string): T;
  setNameLocalizations(localizations: Record<string, string>): T;
  setDescription(description: string): T;
  setDescriptionLocalizations(localizations: Record<string, string>): T;
}

/** Sets a builder's English name and description and their Indonesian (`id`) localizations. */
export function localized<T extends Localizable<T>>(builder: T, name: [en: string, id: string], description: [en: string, id: string]): T {
  return builder.setName(name[0]).setNameLocalizations({ id: name[1] }).setDescription(description[0]).setDescriptionLocalizations({ id: description[1] });
}
