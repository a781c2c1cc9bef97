import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { Choice } from '../shared/reply.js';
import type { AutocompleteContext, CommandContext, ComponentContext } from './context.js';
import type { Precondition } from './preconditions.js';
import type { Services } from './services.js';

/**
 * How an interaction ended, for the log line and the metrics: a reply with passages
 * (`answered`), with a moderator's answer (`curated`), "the article does not answer"
 * (`abstained`), a refusal (a guard, or input the handler would not take) or an error.
 */
export type Outcome = 'answered' | 'curated' | 'abstained' | 'refused' | 'error';

/** A component (button or modal) handler, routed by the prefix of its custom id. */
export interface ComponentHandler<D> {
  preconditions?: Precondition<D>[];
  /** Returns the outcome when it is not plainly `answered`. */
  handle(ctx: ComponentContext, deps: D): Promise<Outcome | void>;
}

/**
 * One slash command: a module in `commands/` exporting this as default.
 * `data` is a discord.js SlashCommandBuilder (anything with a name and toJSON).
 * `uses` picks the dependencies the handlers need from the services, once; handlers
 * get only those (no database handle, nothing they do not use).
 */
export interface Command<D = unknown> {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  uses?(services: Services): D;
  /** Guards for the whole command; a function of the context for per-subcommand rules. */
  preconditions?: Precondition<D>[] | ((ctx: CommandContext) => Precondition<D>[]);
  /** Returns the outcome when it is not plainly `answered`. */
  execute(ctx: CommandContext, deps: D): Promise<Outcome | void>;
  autocomplete?(ctx: AutocompleteContext, deps: D): Promise<Choice[]>;
  /** Custom-id prefix -> handler, for this command's buttons and modals. */
  components?: Record<string, ComponentHandler<D>>;
}

/** A command of any dependencies, as the registry holds them (D is invariant). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any>;

/** Identity, for type inference: `D` is read from `uses`. */
export function defineCommand<D>(command: Command<D>): Command<D> {
  return command;
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
