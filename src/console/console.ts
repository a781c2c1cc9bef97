import { basename, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { PermissionFlagsBits } from 'discord-api-types/v10';
import type { CommandContext, CommandOptions } from '../bot/context.js';
import type { Bot } from '../bot/startup.js';
import { writeLine } from '../cli/exit.js';
import { replyToText } from '../render/text.js';
import { t, type Language, type Text } from '../shared/i18n.js';
import type { Reply } from '../shared/reply.js';
import { parseCommandLine, type ParsedCommand } from './parseCommandLine.js';

/** The console is one local server whose only user is a moderator, so /faq can be tried offline. */
export const LOCAL_GUILD_ID = 'local';
export const LOCAL_USER_ID = 'local-user';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Prompt and banner for a person at a terminal; plain answers for piped input. */
  interactive: boolean;
  language: Language;
}

const BANNER: Text = {
  en: `Article Q&A bot, offline console (no DISCORD_TOKEN set).
Type a question, or a command: /ask question: ...  /search query: ... page: 2  /paragraph number: 3  /faq list  /faq-manage unanswered  /help
Articles of this local server: /article add path: FILE.md (or .txt)  /article list  /article remove article: ID
Buttons are Discord's; here pages are options (page: 2). Ctrl+D or "exit" quits. See README for running it on Discord.
`,
  id: `Bot tanya-jawab artikel, konsol lokal (DISCORD_TOKEN tidak diisi).
Ketik pertanyaan, atau perintah: /tanya pertanyaan: ...  /cari kata-kunci: ... halaman: 2  /paragraf nomor: 3  /faq daftar  /faq-kelola belum-terjawab  /bantuan
Artikel server lokal ini: /artikel tambah path: BERKAS.md (atau .txt)  /artikel daftar  /artikel hapus artikel: ID
Tombol hanya ada di Discord; di sini halaman adalah opsi (halaman: 2). Ctrl+D atau "exit" untuk keluar. Nama perintah bahasa Inggris juga bisa (/ask, /search...). Cara menjalankannya di Discord ada di README.
`,
};

/** Runs the registered commands from lines of text, printing the same replies as text. */
export async function runConsole(bot: Bot, options: ConsoleOptions): Promise<void> {
  const { output } = options;
  // Back-pressure: a slow reader of piped output pauses the console instead of losing lines.
  const print = (text: string) => writeLine(output, text + '\n');
  if (options.interactive) await print(t(options.language, BANNER));
  const lines = createInterface({ input: options.input, output: options.interactive ? output : undefined, terminal: options.interactive, crlfDelay: Infinity });
  const prompt = () => options.interactive && lines.setPrompt('> ');
  prompt();
  if (options.interactive) lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (/^(exit|quit|keluar)$/i.test(text)) break;
    if (text) await runLine(bot, text, options.language, print);
    if (options.interactive) lines.prompt();
  }
  lines.close();
}

export async function runLine(bot: Bot, line: string, language: Language, print: (text: string) => Promise<void> | void): Promise<void> {
  const parsed = parseCommandLine(line, bot.services.commandList, language);
  if (!parsed.ok) return print(parsed.error);
  await bot.registry.runCommand(consoleContext(parsed.command, language, (reply) => print(replyToText(reply) + '\n')));
}

function consoleContext(command: ParsedCommand, language: Language, send: (reply: Reply) => Promise<void> | void): CommandContext {
  let acknowledged = false;
  const options: CommandOptions = {
    getString: (name) => stringOrNull(command.options.get(name)),
    getInteger: (name) => (typeof command.options.get(name) === 'number' ? (command.options.get(name) as number) : null),
    getBoolean: (name) => (typeof command.options.get(name) === 'boolean' ? (command.options.get(name) as boolean) : null),
    // A role as typed: a mention <@&id> or the id.
    getRoleId: (name) => /^<@&(\d{17,20})>$|^(\d{17,20})$/.exec(String(command.options.get(name) ?? ''))?.slice(1).find(Boolean) ?? null,
    // A file option is a local path here (`/article add path: notes.md`), relative to the working directory.
    getAttachment: (name) => {
      const value = stringOrNull(command.options.get(name))?.trim();
      return value ? { origin: 'local', path: resolve(value), fileName: basename(value) } : null;
    },
    getSubcommand: () => command.subcommand,
  };
  return {
    actor: { userId: LOCAL_USER_ID, guildId: LOCAL_GUILD_ID, permissions: PermissionFlagsBits.Administrator, roles: [], via: 'console' },
    language,
    commandName: command.name,
    options,
    async defer() {
      acknowledged = true;
    },
    async reply(reply) {
      acknowledged = true;
      await send(reply);
    },
    async showModal() {
      await send({ content: 'This opens a form in Discord; in the console use /faq-manage add question: ... answer: ...' });
    },
    get acknowledged() {
      return acknowledged;
    },
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : value === undefined ? null : String(value);
}
