import { describe, expect, it } from 'vitest';
import { CommandRegistry } from '../../src/bot/registry.js';
import { parseCommandLine, type ParseResult } from '../../src/console/parseCommandLine.js';

const commands = new CommandRegistry(await CommandRegistry.loadCommands()).toJSON();

function ok(result: ParseResult) {
  if (!result.ok) throw new Error(`expected a parsed command, got: ${result.error}`);
  return { name: result.command.name, subcommand: result.command.subcommand, options: Object.fromEntries(result.command.options) };
}

function error(result: ParseResult): string {
  if (result.ok) throw new Error(`expected an error, got /${result.command.name}`);
  return result.error;
}

describe('parseCommandLine', () => {
  it('a line without "/" is a question for /ask', () => {
    expect(ok(parseCommandLine('Siapa pendiri Wagner?', commands))).toEqual({ name: 'ask', subcommand: null, options: { question: 'Siapa pendiri Wagner?' } });
    expect(ok(parseCommandLine('  Siapa pendiri Wagner?  ', commands)).options).toEqual({ question: 'Siapa pendiri Wagner?' });
  });

  it('parses name: value options, in any order, with or without a space after the colon', () => {
    expect(ok(parseCommandLine('/ask question: Siapa pendiri Wagner? hide: true', commands))).toEqual({
      name: 'ask',
      subcommand: null,
      options: { question: 'Siapa pendiri Wagner?', hide: true },
    });
    expect(ok(parseCommandLine('/paragraph article:putin-kim-vostochny number:3', commands)).options).toEqual({ number: 3, article: 'putin-kim-vostochny' });
  });

  it('a single required text or number option takes the rest of the line', () => {
    expect(ok(parseCommandLine('/ask Siapa pendiri Wagner?', commands)).options).toEqual({ question: 'Siapa pendiri Wagner?' });
    expect(ok(parseCommandLine('/search Korea Utara', commands)).options).toEqual({ query: 'Korea Utara' });
    expect(ok(parseCommandLine('/paragraph 3', commands)).options).toEqual({ number: 3 });
  });

  it('accepts Indonesian command and option names and gives the English ones', () => {
    expect(ok(parseCommandLine('/tanya pertanyaan: Siapa? sembunyikan: ya', commands))).toEqual({ name: 'ask', subcommand: null, options: { question: 'Siapa?', hide: true } });
    expect(ok(parseCommandLine('/cari kata-kunci: Wagner', commands))).toEqual({ name: 'search', subcommand: null, options: { query: 'Wagner' } });
    expect(ok(parseCommandLine('/paragraf nomor: 7 artikel: x', commands)).options).toEqual({ number: 7, article: 'x' });
    expect(ok(parseCommandLine('/bantuan', commands)).name).toBe('help');
    expect(ok(parseCommandLine('/HELP', commands)).name).toBe('help');
  });

  it('a file option is a local path, written path: (or file:, or berkas:), or the rest of the line', () => {
    const add = (line: string) => ok(parseCommandLine(line, commands));
    expect(add('/article add path: ../artikel baru.md title: Judul Baru')).toEqual({ name: 'article', subcommand: 'add', options: { file: '../artikel baru.md', title: 'Judul Baru' } });
    expect(add('/article add file: notes.txt').options).toEqual({ file: 'notes.txt' });
    expect(add('/artikel tambah berkas: notes.txt judul: X').options).toEqual({ file: 'notes.txt', title: 'X' });
    expect(add('/article add /tmp/a.md').options).toEqual({ file: '/tmp/a.md' });
    expect(add('/article remove erupsi-lewotobi')).toEqual({ name: 'article', subcommand: 'remove', options: { article: 'erupsi-lewotobi' } });
    expect(error(parseCommandLine('/article add title: X', commands))).toBe('/article add needs file: ...');
  });

  it('parses subcommands (also by their Indonesian names)', () => {
    expect(ok(parseCommandLine('/faq list', commands))).toEqual({ name: 'faq', subcommand: 'list', options: {} });
    expect(ok(parseCommandLine('/faq daftar', commands)).subcommand).toBe('list');
    expect(ok(parseCommandLine('/faq-manage add question: Siapa pendiri Wagner? answer: Yevgeny Prigozhin.', commands))).toEqual({
      name: 'faq-manage',
      subcommand: 'add',
      options: { question: 'Siapa pendiri Wagner?', answer: 'Yevgeny Prigozhin.' },
    });
    expect(error(parseCommandLine('/faq', commands))).toBe('/faq needs one of: list, show');
    expect(error(parseCommandLine('/faq-manage', commands))).toBe('/faq-manage needs one of: add, edit, remove, unanswered, roles');
    // A write asked of the read-only command points to the one that has it.
    expect(error(parseCommandLine('/faq add question: Siapa? answer: Dia.', commands))).toBe('/faq needs one of: list, show (add is /faq-manage add)');
    expect(error(parseCommandLine('/faq-manage add question: q', commands))).toBe('/faq-manage add needs answer: ...');
    expect(ok(parseCommandLine('/faq-kelola belum-terjawab halaman: 2', commands))).toEqual({ name: 'faq-manage', subcommand: 'unanswered', options: { page: 2 } });
  });

  it('converts booleans and integers, and explains bad values', () => {
    expect(ok(parseCommandLine('/ask question: q hide: no', commands)).options.hide).toBe(false);
    expect(ok(parseCommandLine('/ask question: q hide: tidak', commands)).options.hide).toBe(false);
    expect(error(parseCommandLine('/ask question: q hide: maybe', commands))).toBe('hide: "maybe" is not a valid true/false');
    expect(error(parseCommandLine('/paragraph number: 3.5', commands))).toBe('number: "3.5" is not a valid whole number');
    expect(error(parseCommandLine('/paragraph number: tiga', commands))).toBe('number: "tiga" is not a valid whole number');
  });

  it('explains unknown commands, missing options and stray text', () => {
    expect(error(parseCommandLine('/nope', commands))).toBe('Unknown command /nope. Commands: /article /ask /faq /faq-manage /help /paragraph /search');
    expect(error(parseCommandLine('/', commands))).toMatch(/^Unknown command \/\. Commands:/);
    expect(error(parseCommandLine('/paragraph', commands))).toBe('/paragraph needs number: ...');
    expect(error(parseCommandLine('/ask', commands))).toBe('/ask needs question: ...');
    expect(error(parseCommandLine('/paragraph article: x', commands))).toBe('/paragraph needs number: ...');
    expect(error(parseCommandLine('/paragraph tiga number: 3', commands))).toBe('Unexpected text before number:');
    expect(error(parseCommandLine('/paragraph x y', commands))).toBe('number: "x y" is not a valid whole number');
  });

  it('an option name inside a word is not a marker; after white space it is', () => {
    expect(ok(parseCommandLine('/ask question: Apa arti kata nohide: itu?', commands)).options).toEqual({ question: 'Apa arti kata nohide: itu?' });
    expect(error(parseCommandLine('/ask question: Apa arti kata hide:nya?', commands))).toBe('hide: "nya?" is not a valid true/false');
  });

  it('holds numbers to the range the definition gives Discord, and never reads digits as another number', () => {
    expect(ok(parseCommandLine('/paragraph number: 10000', commands)).options).toEqual({ number: 10000 });
    expect(error(parseCommandLine('/paragraph number: 0', commands))).toBe('number: a number from 1 to 10000');
    expect(error(parseCommandLine('/paragraph 10001', commands))).toBe('number: a number from 1 to 10000');
    // 1e20 as a double; Discord itself takes nothing past 2^53.
    expect(error(parseCommandLine('/paragraph 99999999999999999999', commands))).toBe('number: a number from 1 to 10000');
    expect(error(parseCommandLine('/paragraph -99999999999999999999', commands))).toBe('number: a number from 1 to 10000');
    expect(error(parseCommandLine('/search query: x page: 101', commands))).toBe('page: a number from 1 to 100');
  });

  it('explains in Indonesian, with the Indonesian names, when the console speaks it', () => {
    const id = (line: string) => error(parseCommandLine(line, commands, 'id'));
    expect(id('/nope')).toBe('Perintah /nope tidak dikenal. Perintah: /artikel /tanya /faq /faq-kelola /bantuan /paragraf /cari');
    expect(id('/paragraf')).toBe('/paragraf perlu nomor: ...');
    expect(id('/paragraph nomor: tiga')).toBe('nomor: "tiga" bukan bilangan bulat yang sah');
    expect(id('/paragraf 0')).toBe('nomor: bilangan dari 1 sampai 10000');
    expect(id('/faq')).toBe('/faq perlu salah satu dari: daftar, lihat');
    expect(id('/faq add question: Siapa? answer: Dia.')).toBe('/faq perlu salah satu dari: daftar, lihat (add ada di /faq-kelola add)');
    expect(id('/faq-kelola tambah pertanyaan: q')).toBe('/faq-kelola tambah perlu jawaban: ...');
    expect(id('/paragraf tiga nomor: 3')).toBe('Ada teks sebelum nomor:');
    expect(id('/faq-kelola peran x')).toMatch(/^Tulis opsi sebagai nama: nilai \(/);
  });

  it('an error echoes typed text without control or bidi characters, and not at length', () => {
    expect(error(parseCommandLine('/paragraph number: 1\u001b[2J\u202e', commands))).toBe('number: "1[2J" is not a valid whole number');
    expect(error(parseCommandLine(`/${'x'.repeat(300)}`, commands)).length).toBeLessThan(200);
  });

  it('treats regex characters in text literally', () => {
    expect(ok(parseCommandLine('/search query: (a+b)* [x] $y ^z', commands)).options).toEqual({ query: '(a+b)* [x] $y ^z' });
  });
});
