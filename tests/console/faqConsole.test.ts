/**
 * The offline console (`npm start` without DISCORD_TOKEN, stdin piped): /faq works there
 * too (the local user is a moderator of the fixed 'local' server), /ask prefers the
 * curated answer, and everything persists in DATA_DIR for the next run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode, type Run } from '../support/runNode.js';
const dataDir = mkdtempSync(join(tmpdir(), 'faq-console-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm start` (node dist/src/main.js) with the given lines on stdin. */
function runConsole(lines: string[], language = 'en'): Promise<Run> {
  const env = { ...process.env, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_API_URL: '', DATA_DIR: dataDir, CORPUS_DIR: 'corpus', CONSOLE_LANGUAGE: language, LOG_LEVEL: 'warn' };
  return runNode('dist/src/main.js', [], { env, input: lines.map((line) => line + '\n').join(''), timeoutMs: 110_000 });
}

describe('/faq in the offline console', () => {
  it('adds a curated answer that a reworded question then gets; /faq list shows it', { timeout: 120_000 }, async () => {
    const run = await runConsole([
      '/faq-manage add question: Siapa pendiri Wagner? answer: **Yevgeny Prigozhin**. paragraphs: 7 aliases: Wagner didirikan siapa',
      'siapa yang mendirikan grup Wagner?',
      '/faq list',
      'Siapa juara Liga Inggris musim lalu?',
      '/faq-manage add question: siapa PENDIRI wagner?? answer: Orang lain.',
      '/faq-manage add question: Siapa @everyone? answer: x',
    ]);
    expect(run.stderr).not.toMatch(/ERROR|failed/i);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('Saved curated answer #1. /ask will now give it for this question and its other phrasings.');

    // The reworded question gets the moderators' answer first, with the cited paragraph.
    const answer = out.slice(out.indexOf('== siapa yang mendirikan grup Wagner? =='));
    expect(answer).toMatch(/^== siapa yang mendirikan grup Wagner\? ==\n\*\*📌 Moderators' answer\*\*\n\*\*Yevgeny Prigozhin\*\*\./);
    expect(answer).toContain('¶7');
    expect(answer).toContain('putin-kim-vostochny#7');

    expect(out).toContain('== Curated answers (1) ==');
    expect(out).toContain('**#1** Siapa pendiri Wagner? — used 1×');
    expect(out).toContain('The article does not answer this question');
    expect(out).toContain('is already a question or phrasing of curated answer #1');
    expect(out).toMatch(/Nothing was saved:\n• The question contains a mention/);
  });

  it('keeps entries, use counts and the unanswered queue for the next run', { timeout: 120_000 }, async () => {
    const run = await runConsole(['/faq list', 'Wagner didirikan siapa?', '/faq show entry: 1', '/faq-manage unanswered'], 'id');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('== Jawaban kurasi (1) ==');
    expect(out).toContain('**#1** Siapa pendiri Wagner? — dipakai 1×');
    expect(out).toMatch(/\*\*📌 Jawaban moderator\*\*\n\*\*Yevgeny Prigozhin\*\*\./);
    expect(out).toContain('Entri #1 · dipakai 2×');
    expect(out).toMatch(/Ditambahkan oleh @local-user \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(out).toContain('"Siapa juara Liga Inggris musim lalu?" — ditanya 1×');

    const db = new Database(join(dataDir, 'bot.db'), { readonly: true });
    try {
      expect(db.prepare("SELECT guild_id, use_count FROM curated_entries").all()).toEqual([{ guild_id: 'local', use_count: 2 }]);
    } finally {
      db.close();
    }
  });

  it('pages are options in the console, and it shows no buttons it cannot press', { timeout: 120_000 }, async () => {
    const adds = Array.from({ length: 12 }, (_, i) => `/faq-manage add question: Pertanyaan contoh nomor ${i + 1} tentang Wagner? answer: Jawaban ${i + 1}.`);
    const run = await runConsole([...adds, '/faq list', '/faq list page: 2', 'Siapa pendiri Wagner?', '/search query: Putin page: 2', '/faq-manage add question: Siapa juara Liga Inggris musim lalu? answer: Manchester City.', 'siapa pencetak gol terbanyak Liga Inggris musim lalu']);
    expect(run.code, run.stderr).toBe(0);
    const out = run.stdout;
    expect(out).toContain('== Curated answers (13) ==');
    expect(out).toContain('(1/2)');
    expect(out).toContain('(2/2)');
    expect(out).toContain('**#13** Pertanyaan contoh nomor 12 tentang Wagner?');
    expect(out).toMatch(/== 🔎 Putin ==[\s\S]*\(2\/\d+ · 🔎 Putin\)/);
    // No [Next], [👍 Helpful] or [Answer 1]: nothing here could press them.
    expect(out).not.toMatch(/\[(Next|Previous|👍 Helpful|👎 Not helpful|Answer \d+|Dismiss \d+)\]/);
    // A "did you mean" asks for the question in those words: the console has no "Show that answer" to press.
    expect(out).toContain('Moderators have answered a similar question: "Siapa juara Liga Inggris musim lalu?". If that is what you mean, ask it that way.');
    expect(out).not.toContain('Show that answer');
  });

  it('a Discord timestamp too far in the future is printed as written, not a crash', { timeout: 120_000 }, async () => {
    const run = await runConsole(['/faq-manage add question: Kapan dunia kiamat? answer: Pada <t:99999999999999:F>, kata mereka.', 'Kapan dunia kiamat?', 'Siapa pendiri Wagner?']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Pada <t:99999999999999:F>, kata mereka.');
    // The console went on to the next question.
    expect(run.stdout).toContain('== Siapa pendiri Wagner? ==');
    expect(run.stderr).not.toMatch(/RangeError/);
  });
});
