import { ApplicationCommandOptionType, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';

export type OptionValue = string | number | boolean;

export interface ParsedCommand {
  name: string;
  subcommand: string | null;
  options: Map<string, OptionValue>;
}

export type ParseResult = { ok: true; command: ParsedCommand } | { ok: false; error: string };

/**
 * Parses a console line against the registered command definitions, Discord style:
 *   /ask question: Siapa pendiri Wagner?     /paragraph number: 3
 *   /faq-manage add question: ... answer: ... /tanya pertanyaan: ...  (Indonesian names work too)
 * A line without "/" is an /ask; a command with a single required text option takes the
 * rest of the line as that option ("/ask Siapa pendiri Wagner?"). A file option is a local
 * path: "/article add path: artikel.md".
 */
export function parseCommandLine(line: string, commands: RESTPostAPIChatInputApplicationCommandsJSONBody[]): ParseResult {
  const text = line.trim();
  if (!text.startsWith('/')) return parseCommandLine(`/ask question: ${text}`, commands);
  const [head = '', ...rest] = text.slice(1).split(/\s+/);
  const command = commands.find((c) => named(c, head));
  if (!command) return { ok: false, error: `Unknown command /${head}. Commands: ${commands.map((c) => '/' + c.name).join(' ')}` };
  let remainder = text.slice(1 + head.length).trim();
  let options = command.options ?? [];
  let subcommand: string | null = null;
  const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length) {
    const sub = subcommands.find((o) => named(o, rest[0] ?? ''));
    if (!sub) {
      // "/faq add": writes live in another command ("/faq-manage add"), which Discord can gate by permission.
      const elsewhere = rest[0] ? commands.find((c) => c.name.startsWith(`${command.name}-`) && (c.options ?? []).some((o) => o.type === ApplicationCommandOptionType.Subcommand && named(o, rest[0]!))) : undefined;
      const hint = elsewhere ? ` (${rest[0]!.toLowerCase()} is /${elsewhere.name} ${rest[0]!.toLowerCase()})` : '';
      return { ok: false, error: `/${command.name} needs one of: ${subcommands.map((s) => s.name).join(', ')}${hint}` };
    }
    subcommand = sub.name;
    remainder = remainder.slice((rest[0] ?? '').length).trim();
    options = 'options' in sub ? sub.options ?? [] : [];
  }
  const values = splitOptions(remainder, options);
  if (!values.ok) return values;
  const parsed = new Map<string, OptionValue>();
  for (const option of options) {
    const raw = values.values.get(option.name);
    if (raw === undefined) {
      if ('required' in option && option.required) return { ok: false, error: `/${command.name}${subcommand ? ' ' + subcommand : ''} needs ${option.name}: ...` };
      continue;
    }
    const value = convert(option, raw);
    if (value === undefined) return { ok: false, error: `${option.name}: "${raw}" is not a valid ${typeName(option.type)}` };
    parsed.set(option.name, value);
  }
  return { ok: true, command: { name: command.name, subcommand, options: parsed } };
}

function named(o: { name: string; name_localizations?: Record<string, string | null> | null; type?: number }, word: string): boolean {
  const w = word.toLowerCase();
  return o.name === w || o.name_localizations?.id === w || (isFile(o) && w === FILE_OPTION);
}

/** A file option (Discord's attachment) is a local path in the console, written `path: FILE`. */
const FILE_OPTION = 'path';
const isFile = (o: { type?: number }) => o.type === ApplicationCommandOptionType.Attachment;

function splitOptions(remainder: string, options: APIApplicationCommandOption[]): { ok: true; values: Map<string, string> } | { ok: false; error: string } {
  const values = new Map<string, string>();
  if (!remainder) return { ok: true, values };
  const names = options.flatMap((o) => [o.name, o.name_localizations?.id, isFile(o) ? FILE_OPTION : undefined].filter((n): n is string => !!n));
  const marker = new RegExp(`(?:^|\\s)(${names.map(escapeRegExp).join('|')}):`, 'gi');
  const marks = names.length ? [...remainder.matchAll(marker)] : [];
  if (marks.length === 0) {
    const required = options.filter((o) => 'required' in o && o.required);
    if (required.length === 1 && (required[0]!.type === ApplicationCommandOptionType.String || isFile(required[0]!))) return { ok: true, values: new Map([[required[0]!.name, remainder]]) };
    if (required.length === 1 && required[0]!.type === ApplicationCommandOptionType.Integer) return { ok: true, values: new Map([[required[0]!.name, remainder]]) };
    return { ok: false, error: `Write options as name: value (${options.map((o) => o.name + ':').join(' ')})` };
  }
  if (remainder.slice(0, marks[0]!.index).trim()) return { ok: false, error: `Unexpected text before ${marks[0]![1]}:` };
  marks.forEach((mark, i) => {
    const start = mark.index! + mark[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index! : remainder.length;
    const option = options.find((o) => named(o, mark[1]!))!;
    values.set(option.name, remainder.slice(start, end).trim());
  });
  return { ok: true, values };
}

function convert(option: APIApplicationCommandOption, raw: string): OptionValue | undefined {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer:
      return /^-?\d+$/.test(raw) ? Number(raw) : undefined;
    case ApplicationCommandOptionType.Number:
      return Number.isFinite(Number(raw)) && raw !== '' ? Number(raw) : undefined;
    case ApplicationCommandOptionType.Boolean:
      return /^(true|yes|ya|1)$/i.test(raw) ? true : /^(false|no|tidak|0)$/i.test(raw) ? false : undefined;
    default:
      return raw;
  }
}

function typeName(type: ApplicationCommandOptionType): string {
  return type === ApplicationCommandOptionType.Integer ? 'whole number' : type === ApplicationCommandOptionType.Boolean ? 'true/false' : 'value';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
