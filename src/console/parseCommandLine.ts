import { ApplicationCommandOptionType, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { fill, t, type Language, type Text } from '../shared/i18n.js';
import { shorten, stripBidiControls } from '../shared/text.js';

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
 * path: "/article add path: artikel.md". A number is held to the range its definition gives
 * Discord, whose client enforces it before a bot sees the value. Errors are in the console's
 * language, with option names as that language writes them.
 */
export function parseCommandLine(line: string, commands: RESTPostAPIChatInputApplicationCommandsJSONBody[], language: Language = 'en'): ParseResult {
  const text = line.trim();
  if (!text.startsWith('/')) return parseCommandLine(`/ask question: ${text}`, commands, language);
  const [head = '', ...rest] = text.slice(1).split(/\s+/);
  const command = commands.find((c) => named(c, head));
  const say = (message: Text, values: Record<string, string | number>) => ({ ok: false as const, error: fill(t(language, message), values) });
  const nameOf = (o: { name: string; name_localizations?: Record<string, string | null> | null }) => (language === 'id' && o.name_localizations?.id) || o.name;
  if (!command) return say(TEXT.unknownCommand, { name: echo(head), commands: commands.map((c) => '/' + nameOf(c)).join(' ') });
  let remainder = text.slice(1 + head.length).trim();
  let options = command.options ?? [];
  let subcommand: string | null = null;
  let subcommandLabel: string | undefined;
  const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length) {
    const sub = subcommands.find((o) => named(o, rest[0] ?? ''));
    if (!sub) {
      // "/faq add": writes live in another command ("/faq-manage add"), which Discord can gate by permission.
      const elsewhere = rest[0] ? commands.find((c) => c.name.startsWith(`${command.name}-`) && (c.options ?? []).some((o) => o.type === ApplicationCommandOptionType.Subcommand && named(o, rest[0]!))) : undefined;
      const hint = elsewhere ? fill(t(language, TEXT.elsewhere), { sub: echo(rest[0]!.toLowerCase()), command: nameOf(elsewhere) }) : '';
      return say(TEXT.needsSubcommand, { command: nameOf(command), subcommands: subcommands.map(nameOf).join(', '), hint });
    }
    subcommand = sub.name;
    subcommandLabel = nameOf(sub);
    remainder = remainder.slice((rest[0] ?? '').length).trim();
    options = 'options' in sub ? sub.options ?? [] : [];
  }
  const values = splitOptions(remainder, options);
  if (!values.ok) return values.before === undefined ? say(TEXT.writeOptions, { options: options.map((o) => nameOf(o) + ':').join(' ') }) : say(TEXT.unexpected, { option: values.before });
  const parsed = new Map<string, OptionValue>();
  for (const option of options) {
    const raw = values.values.get(option.name);
    if (raw === undefined) {
      if ('required' in option && option.required) return say(TEXT.needsOption, { command: [nameOf(command), ...(subcommandLabel ? [subcommandLabel] : [])].join(' '), option: nameOf(option) });
      continue;
    }
    const value = convert(option, raw);
    if (value === undefined) return say(TEXT.invalid, { option: nameOf(option), value: echo(raw), type: t(language, typeName(option.type)) });
    const range = outsideRange(option, value);
    if (range) return say(TEXT.range, { option: nameOf(option), ...range });
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

/** Option values by name, or why the line cannot be read: no markers at all, or text before the first (`before`, its name). */
function splitOptions(remainder: string, options: APIApplicationCommandOption[]): { ok: true; values: Map<string, string> } | { ok: false; before?: string } {
  const values = new Map<string, string>();
  if (!remainder) return { ok: true, values };
  const names = options.flatMap((o) => [o.name, o.name_localizations?.id, isFile(o) ? FILE_OPTION : undefined].filter((n): n is string => !!n));
  const marker = new RegExp(`(?:^|\\s)(${names.map(escapeRegExp).join('|')}):`, 'gi');
  const marks = names.length ? [...remainder.matchAll(marker)] : [];
  if (marks.length === 0) {
    const required = options.filter((o) => 'required' in o && o.required);
    if (required.length === 1 && (required[0]!.type === ApplicationCommandOptionType.String || isFile(required[0]!))) return { ok: true, values: new Map([[required[0]!.name, remainder]]) };
    if (required.length === 1 && required[0]!.type === ApplicationCommandOptionType.Integer) return { ok: true, values: new Map([[required[0]!.name, remainder]]) };
    return { ok: false };
  }
  if (remainder.slice(0, marks[0]!.index).trim()) return { ok: false, before: marks[0]![1]! };
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
      // Digits past 2^53 would be read as another number ("99999999999999999999" as 1e20): out of range instead.
      return /^-?\d+$/.test(raw) ? (Number.isSafeInteger(Number(raw)) ? Number(raw) : Number(raw) < 0 ? -Infinity : Infinity) : undefined;
    case ApplicationCommandOptionType.Number:
      return Number.isFinite(Number(raw)) && raw !== '' ? Number(raw) : undefined;
    case ApplicationCommandOptionType.Boolean:
      return /^(true|yes|ya|1)$/i.test(raw) ? true : /^(false|no|tidak|0)$/i.test(raw) ? false : undefined;
    default:
      return raw;
  }
}

/**
 * The range of the definition a number breaks (Discord's min_value and max_value; digits past
 * 2^53 are out of any range). A text's length is left to the handler, which checks it again
 * anyway and says so in the member's words.
 */
function outsideRange(option: APIApplicationCommandOption, value: OptionValue): { min: number; max: number } | undefined {
  if (typeof value !== 'number') return undefined;
  const { min_value: min = Number.MIN_SAFE_INTEGER, max_value: max = Number.MAX_SAFE_INTEGER } = option as { min_value?: number; max_value?: number };
  return value < min || value > max ? { min, max } : undefined;
}

function typeName(type: ApplicationCommandOptionType): Text {
  return type === ApplicationCommandOptionType.Integer ? TEXT.wholeNumber : type === ApplicationCommandOptionType.Boolean ? TEXT.trueFalse : TEXT.value;
}

/** Typed text as an error shows it: no control or bidi characters to reach the terminal, and not too long. */
function echo(text: string): string {
  return shorten(stripBidiControls(text).replace(/[\p{Cc}]/gu, ''), 80);
}

const TEXT = {
  unknownCommand: { en: 'Unknown command /{name}. Commands: {commands}', id: 'Perintah /{name} tidak dikenal. Perintah: {commands}' },
  needsSubcommand: { en: '/{command} needs one of: {subcommands}{hint}', id: '/{command} perlu salah satu dari: {subcommands}{hint}' },
  elsewhere: { en: ' ({sub} is /{command} {sub})', id: ' ({sub} ada di /{command} {sub})' },
  needsOption: { en: '/{command} needs {option}: ...', id: '/{command} perlu {option}: ...' },
  writeOptions: { en: 'Write options as name: value ({options})', id: 'Tulis opsi sebagai nama: nilai ({options})' },
  unexpected: { en: 'Unexpected text before {option}:', id: 'Ada teks sebelum {option}:' },
  invalid: { en: '{option}: "{value}" is not a valid {type}', id: '{option}: "{value}" bukan {type} yang sah' },
  wholeNumber: { en: 'whole number', id: 'bilangan bulat' },
  trueFalse: { en: 'true/false', id: 'ya/tidak' },
  value: { en: 'value', id: 'nilai' },
  range: { en: '{option}: a number from {min} to {max}', id: '{option}: bilangan dari {min} sampai {max}' },
} satisfies Record<string, Text>;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
