/**
 * The offline console: `npm start` without DISCORD_TOKEN reads lines from stdin and
 * prints the same replies the bot gives on Discord, as text. Driven as a child
 * process (what a user runs) and in-process through streams (finer assertions).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Bot } from '../../src/bot/startup.js';
import { silentLogger } from '../../src/config/logger.js';
import { parseCommandLine } from '../../src/console/parseCommandLine.js';
import { runConsole, runLine } from '../../src/console/console.js';

const ROOT = resolve(import.meta.dirname, '../..');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'bot-console-'));
});

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Runs a shell command line in the repository with the console's environment (no Discord variables). */
function sh(command: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('sh', ['-c', command], {
      cwd: ROOT,
      // Set (empty) so that a developer's .env cannot switch the run to Discord.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', DATA_DIR: dataDir, CONSOLE_LANGUAGE: 'id', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** `printf` arguments for lines of input (each line quoted for the shell). */
function lines(...input: string[]): string {
  return `printf '%s\\n' ${input.map((l) => `'${l.replace(/'/g, `'\\''`)}'`).join(' ')}`;
}

describe('npm start without DISCORD_TOKEN (child process)', () => {
  it('echo "Siapa pendiri Wagner?" | npm start prints the answer citing ¶7 and exits 0', async () => {
    const { code, stdout, stderr } = await sh('echo "Siapa pendiri Wagner?" | npm start');
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('== Siapa pendiri Wagner? ==');
    expect(stdout).toMatch(/-- ¶7 · Pertemuan Putin dan Kim Jong Un di Kosmodrom Vostochny/);
    expect(stdout).toMatch(/\*\*[^*]*Prigozhin, pendiri Wagner[^*]*\*\*/);
    expect(stdout).toContain('`putin-kim-vostochny#7`');
    // Piped input: no banner or prompt, and logs go to stderr, not stdout.
    expect(stdout).not.toContain('offline console');
    expect(stdout).not.toMatch(/INFO /);
    expect(stderr).toMatch(/Loaded 1 article\(s\), 7 paragraphs/);
  }, 60_000);

  it('answers commands and explains bad input, line by line, and stops at "exit"', async () => {
    const script = lines(
      '/paragraph number: 3',
      '/search query: Korea Utara',
      '/help',
      '/foo bar',
      '/paragraph number: abc',
      '/paragraph number: 99',
      '/ask question:',
      '\u0007 halo',
      'x'.repeat(600),
      'exit',
      'Siapa pendiri Wagner?',
    );
    const { code, stdout, stderr } = await sh(`${script} | npm start`);
    expect(code, stderr).toBe(0);
    const expected = [
      '== ¶3 · Pertemuan Putin dan Kim Jong Un di Kosmodrom Vostochny ==',
      'Sergei Shoigu berkunjung ke Pyongyang',
      '(putin-kim-vostochny#3 · ¶3 dari 7)',
      '== 🔎 Korea Utara ==',
      '== Bot tanya-jawab artikel ==',
      '`/tanya`',
      'Perintah /foo tidak dikenal. Perintah: /artikel /tanya /faq /faq-kelola /bantuan /paragraf /cari',
      'nomor: "abc" bukan bilangan bulat yang sah',
      'berisi paragraf ¶1 sampai ¶7; tidak ada ¶99.',
      'Pertanyaannya kosong.',
      'Pertanyaannya mengandung karakter kontrol',
      'Pertanyaannya terlalu panjang (paling banyak 500 karakter).',
    ];
    let at = 0;
    for (const text of expected) {
      const found = stdout.indexOf(text, at);
      expect(found, `"${text}" after position ${at} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
      at = found + text.length;
    }
    // Nothing after "exit" was answered.
    expect(stdout).not.toContain('== Siapa pendiri Wagner? ==');
  }, 60_000);

  it('piped into a slow reader, every answer comes out (back-pressure; no exit with output still queued)', async () => {
    const { code, stdout, stderr } = await sh(`yes 'Siapa pendiri Wagner?' | head -n 300 | npm start 2>/dev/null | (sleep 2; grep -c '^== Siapa pendiri Wagner? ==')`);
    expect(code, stderr).toBe(0);
    expect(Number(stdout.trim())).toBe(300);
  }, 60_000);

  it('speaks English with CONSOLE_LANGUAGE=en', async () => {
    const { code, stdout } = await sh(`${lines('How do I reset my password?', '/paragraph number: 99')} | npm start`, { CONSOLE_LANGUAGE: 'en' });
    expect(code).toBe(0);
    expect(stdout).toContain('The article does not answer this question, so I will not guess. Try `/search` with a few key words.');
    expect(stdout).toMatch(/has paragraphs ¶1 to ¶7; there is no ¶99\./);
  }, 60_000);
});

describe('runConsole (in process)', () => {
  let bot: Bot;

  beforeAll(async () => {
    bot = await startBot({ corpusDir: join(ROOT, 'corpus'), dataDir }, silentLogger);
  });

  afterAll(() => bot?.close());

  async function converse(input: string[], options: { interactive?: boolean; language?: 'id' | 'en' } = {}): Promise<string> {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let text = '';
    stdout.setEncoding('utf8').on('data', (c: string) => (text += c));
    const done = runConsole(bot, { input: stdin, output: stdout, interactive: options.interactive ?? false, language: options.language ?? 'id' });
    stdin.end(input.map((l) => l + '\n').join(''));
    await done;
    return text;
  }

  it('treats a line without "/" as a question, and Indonesian command names work', async () => {
    const out = await converse(['Siapa pendiri Wagner?', '/tanya pertanyaan: Siapa pendiri Wagner?', '/paragraf nomor: 2']);
    expect(out.match(/-- ¶7 · /g)).toHaveLength(2);
    expect(out).toContain('== ¶2 · Pertemuan Putin');
  });

  it('answers a question to the bot about itself with its commands, not with a passage', async () => {
    const out = await converse(['bot ini bisa ngapain aja?']);
    expect(out).toContain('/help');
    expect(out).not.toMatch(/-- ¶\d/);
    expect(out).not.toContain('Artikel tidak menjawab');
  });

  it('skips empty lines and ends at end of input', async () => {
    expect(await converse(['', '   ', ''])).toBe('');
  });

  it('prints a banner and prompt when interactive', async () => {
    const out = await converse(['/help', 'keluar'], { interactive: true, language: 'en' });
    expect(out).toContain('offline console (no DISCORD_TOKEN set)');
    expect(out).toContain('> ');
    expect(out).toContain('== Article Q&A bot ==');
  });

  it('speaks the banner in the console\'s language, and every command it shows parses', async () => {
    const out = await converse(['keluar'], { interactive: true, language: 'id' });
    expect(out).toContain('konsol lokal (DISCORD_TOKEN tidak diisi)');
    // The banner's examples, each as shown and then with a value.
    const shown = ['/tanya pertanyaan:', '/cari kata-kunci: ... halaman: 2', '/paragraf nomor: 3', '/faq daftar', '/faq-kelola belum-terjawab', '/artikel tambah path:', '/artikel daftar', '/artikel hapus artikel:'];
    for (const example of shown) {
      expect(out).toContain(example);
      const parsed = parseCommandLine(example.replace('...', 'x').replace(/:$/, ': x'), bot.services.commandList, 'id');
      expect(parsed.ok, `${example}: ${parsed.ok ? '' : parsed.error}`).toBe(true);
    }
  });

  it('no per-user cooldown in the console: ten questions in a row are all answered', async () => {
    const out = await converse(Array.from({ length: 10 }, () => 'Siapa pendiri Wagner?'));
    expect(out.match(/-- ¶7 · /g)).toHaveLength(10);
    expect(out).not.toMatch(/Pelan-pelan|Slow down/);
  });

  it('runLine gives clear messages for unknown commands, missing and malformed options', async () => {
    const printed: string[] = [];
    const print = (t: string) => void printed.push(t);
    await runLine(bot, '/nope', 'en', print);
    await runLine(bot, '/paragraph', 'en', print);
    await runLine(bot, '/paragraph number: tiga', 'en', print);
    await runLine(bot, '/paragraph number: 2 article: tidak-ada', 'en', print);
    await runLine(bot, '/search query: xyzzy qwerty', 'en', print);
    expect(printed).toEqual([
      'Unknown command /nope. Commands: /article /ask /faq /faq-manage /help /paragraph /search',
      '/paragraph needs number: ...',
      'number: "tiga" is not a valid whole number',
      'There is no article "tidak-ada". Pick one from the list.\n',
      'No paragraph matches "xyzzy qwerty".\n',
    ]);
  });
});
