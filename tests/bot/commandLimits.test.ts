/**
 * Every command's deployment JSON against Discord's application-command limits
 * (https://discord.com/developers/docs/interactions/application-commands), so that a
 * new option or translation cannot make `npm run deploy` fail with 50035.
 */
import { describe, expect, it } from 'vitest';
import {
  ApplicationCommandOptionType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { CommandRegistry } from '../../src/bot/registry.js';

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

type Localizations = Partial<Record<string, string | null>> | null | undefined;
type Named = { name: string; name_localizations?: Localizations; description: string; description_localizations?: Localizations };

const commands: RESTPostAPIChatInputApplicationCommandsJSONBody[] = new CommandRegistry(await CommandRegistry.loadCommands()).toJSON();

function localizedValues(base: string, localizations: Localizations): string[] {
  return [base, ...Object.values(localizations ?? {}).filter((v): v is string => typeof v === 'string')];
}

/** Discord counts, per field, the longest of the default and its localizations. */
function longest(base: string, localizations: Localizations): number {
  return Math.max(...localizedValues(base, localizations).map((v) => v.length));
}

function choicesOf(option: APIApplicationCommandOption): { name: string; name_localizations?: Localizations; value: string | number }[] {
  return 'choices' in option && option.choices ? (option.choices as never) : [];
}

function childOptions(option: APIApplicationCommandOption): APIApplicationCommandOption[] {
  return 'options' in option && option.options ? (option.options as APIApplicationCommandOption[]) : [];
}

/** Name + description + choice names/values of a command and all its options, recursively. */
function totalCharacters(command: RESTPostAPIChatInputApplicationCommandsJSONBody): number {
  const count = (o: Named & { options?: APIApplicationCommandOption[] }): number =>
    longest(o.name, o.name_localizations) +
    longest(o.description, o.description_localizations) +
    (o.options ?? []).reduce(
      (sum, option) =>
        sum +
        count({ ...option, options: childOptions(option) }) +
        choicesOf(option).reduce((s, c) => s + longest(c.name, c.name_localizations) + String(c.value).length, 0),
      0,
    );
  return count(command as never);
}

function checkNamed(where: string, item: Named, problems: string[]) {
  for (const name of localizedValues(item.name, item.name_localizations)) {
    if (!NAME.test(name)) problems.push(`${where}: name "${name}" does not match ${NAME}`);
  }
  for (const description of localizedValues(item.description, item.description_localizations)) {
    if (description.length < 1 || description.length > 100) problems.push(`${where}: description of ${description.length} characters (1-100)`);
  }
  for (const locale of [...Object.keys(item.name_localizations ?? {}), ...Object.keys(item.description_localizations ?? {})]) {
    if (locale !== 'id' && !/^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) problems.push(`${where}: odd locale ${locale}`);
  }
}

function checkOptions(where: string, options: APIApplicationCommandOption[], problems: string[]) {
  if (options.length > 25) problems.push(`${where}: ${options.length} options (max 25)`);
  const names = new Set<string>();
  let sawOptional = false;
  for (const option of options) {
    const at = `${where} ${option.name}`;
    if (names.has(option.name)) problems.push(`${at}: duplicate option name`);
    names.add(option.name);
    checkNamed(at, option as Named, problems);
    const isSub = option.type === ApplicationCommandOptionType.Subcommand || option.type === ApplicationCommandOptionType.SubcommandGroup;
    if (isSub) {
      checkOptions(at, childOptions(option), problems);
      continue;
    }
    const required = 'required' in option && option.required;
    if (required && sawOptional) problems.push(`${at}: a required option after an optional one`);
    if (!required) sawOptional = true;
    const choices = choicesOf(option);
    if (choices.length > 25) problems.push(`${at}: ${choices.length} choices (max 25)`);
    if (choices.length && 'autocomplete' in option && option.autocomplete) problems.push(`${at}: choices and autocomplete together`);
    for (const choice of choices) {
      for (const n of localizedValues(choice.name, choice.name_localizations)) if (n.length < 1 || n.length > 100) problems.push(`${at}: choice name "${n}"`);
      if (typeof choice.value === 'string' && (choice.value.length < 1 || choice.value.length > 100)) problems.push(`${at}: choice value "${choice.value}"`);
    }
    if (option.type === ApplicationCommandOptionType.String) {
      const { min_length: min, max_length: max } = option as { min_length?: number; max_length?: number };
      if (min !== undefined && (min < 0 || min > 6000)) problems.push(`${at}: min_length ${min}`);
      if (max !== undefined && (max < 1 || max > 6000)) problems.push(`${at}: max_length ${max}`);
    }
  }
}

describe('command definitions vs Discord limits', () => {
  it('loads the seven commands', () => {
    expect(commands.map((c) => c.name).sort()).toEqual(['article', 'ask', 'faq', 'faq-manage', 'help', 'paragraph', 'search']);
  });

  it('default permissions follow Discord\'s model: members may browse curated answers; writing them is a separate command', () => {
    const byName = new Map(commands.map((c) => [c.name, c]));
    // Discord applies default_member_permissions to a whole command and requires every bit
    // in it: one permission, on the moderators' command only.
    expect(byName.get('faq-manage')!.default_member_permissions).toBe(String(PermissionFlagsBits.ManageMessages));
    // /article is open too: `list` is everyone's, and the bot checks moderators for `add` and `remove` itself.
    for (const name of ['article', 'ask', 'faq', 'help', 'paragraph', 'search']) expect(byName.get(name)!.default_member_permissions ?? null, name).toBeNull();
    const subcommands = (name: string) => (byName.get(name)!.options ?? []).map((o) => o.name).sort();
    expect(subcommands('faq')).toEqual(['list', 'show']);
    expect(subcommands('faq-manage')).toEqual(['add', 'edit', 'remove', 'roles', 'unanswered']);
    expect(subcommands('article')).toEqual(['add', 'list', 'remove']);
    expect(byName.get('article')!.contexts).toEqual([InteractionContextType.Guild]);
    expect(byName.get('faq')!.contexts).toEqual([InteractionContextType.Guild]);
    expect(byName.get('faq-manage')!.contexts).toEqual([InteractionContextType.Guild]);
  });

  it('command names are unique, also in Indonesian', () => {
    const names = commands.flatMap((c) => localizedValues(c.name, c.name_localizations).map((n, i) => `${i ? 'id' : 'en'}:${n}`));
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(commands.map((c) => [c.name, c] as const))('/%s: names, descriptions, options and choices within limits', (_name, command) => {
    const problems: string[] = [];
    checkNamed(`/${command.name}`, command as Named, problems);
    checkOptions(`/${command.name}`, command.options ?? [], problems);
    expect(problems).toEqual([]);
  });

  it.each(commands.map((c) => [c.name, c] as const))('/%s: at most 4,000 characters in total', (_name, command) => {
    expect(totalCharacters(command)).toBeLessThanOrEqual(4000);
  });

  it('the limit checks catch violations (self-test)', () => {
    const problems: string[] = [];
    checkNamed('/x', { name: 'Bad Name', description: '', name_localizations: { id: 'x'.repeat(33) } }, problems);
    checkOptions(
      '/x',
      [
        { type: ApplicationCommandOptionType.String, name: 'a', description: 'a' },
        { type: ApplicationCommandOptionType.String, name: 'b', description: 'b', required: true, choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `v${i}` })) },
      ],
      problems,
    );
    expect(problems.join('\n')).toMatch(/name "Bad Name"/);
    expect(problems.join('\n')).toMatch(/description of 0 characters/);
    expect(problems.join('\n')).toMatch(/name "x{33}"/);
    expect(problems.join('\n')).toMatch(/required option after an optional one/);
    expect(problems.join('\n')).toMatch(/26 choices/);
    expect(totalCharacters({ name: 'x', description: 'y'.repeat(10), description_localizations: { id: 'z'.repeat(50) } })).toBe(51);
  });
});
