/**
 * The offline console's /article commands through `npm start` (a child process, piped
 * input), as the README shows them: add a file by path, ask about it, list, remove, and a
 * restart in between (the local server's articles live in DATA_DIR/bot.db).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTICLE = join(ROOT, 'tests/fixtures/server-article/erupsi-lewotobi.md');
const work = mkdtempSync(join(tmpdir(), 'article-console-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function npmStart(input: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', DATA_DIR: dataDir, CONSOLE_LANGUAGE: 'en', LOG_FORMAT: 'json' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input.map((line) => line + '\n').join(''));
  });
}

/** The texts in this order in `out`. */
function expectInOrder(out: string, texts: string[]): void {
  let at = 0;
  for (const text of texts) {
    const found = out.indexOf(text, at);
    expect(found, `"${text}" after position ${at} in:\n${out}`).toBeGreaterThanOrEqual(0);
    at = found + text.length;
  }
}

describe('npm start (console): /article add path:, list, remove', () => {
  it('adds a file, answers from it, keeps it across a restart, removes it', async () => {
    const dataDir = join(work, 'data');
    const question = 'Berapa warga yang meninggal dunia akibat erupsi Lewotobi?';
    const notes = join(work, 'catatan posko.txt');
    writeFileSync(notes, 'Catatan Posko Konga\n\nRelawan di posko Konga membagikan 400 selimut pada malam pertama.\n');
    const bad = join(work, 'rusak.md');
    writeFileSync(bad, '---\nid: rusak\ntitle: Rusak\nlanguage: id\npenulis: X\n---\n\nIsi.\n');

    const first = await npmStart([question, `/article add path: ${ARTICLE}`, question, `/article add path: ${notes}`, `/article add ${bad}`, '/article list'], dataDir);
    expect(first.code, first.stderr).toBe(0);
    expectInOrder(first.stdout, [
      `== ${question} ==`,
      'The article does not answer this question',
      '== Article added to this server ==',
      '(`erupsi-lewotobi`, 7 paragraph(s))',
      `== ${question} ==`,
      '-- ¶3 · Erupsi Gunung Lewotobi Laki-laki Paksa Ribuan Warga Flores Timur Mengungsi',
      '`erupsi-lewotobi#3`',
      '(`catatan-posko-konga`, 1 paragraph(s))',
      'Nothing was saved:',
      'rusak.md:5: unknown front matter key "penulis"',
      "This server's: 2 of at most 50",
      '`erupsi-lewotobi`, 7 ¶',
      '`catatan-posko-konga`, 1 ¶',
      '`putin-kim-vostochny`, 7 ¶',
    ]);

    const second = await npmStart([question, '/article remove article: erupsi-lewotobi', question, '/article remove article: putin-kim-vostochny', '/article list'], dataDir);
    expect(second.code, second.stderr).toBe(0);
    expectInOrder(second.stdout, [
      '`erupsi-lewotobi#3`',
      'Removed **Erupsi Gunung Lewotobi Laki-laki Paksa Ribuan Warga Flores Timur Mengungsi** (`erupsi-lewotobi`, 7 paragraph(s))',
      'The article does not answer this question',
      '"putin-kim-vostochny" is a bundled article',
      "This server's: 1 of at most 50",
    ]);
    expect(second.stdout.slice(second.stdout.lastIndexOf('== Articles'))).not.toContain('erupsi-lewotobi');
  }, 90_000);
});
