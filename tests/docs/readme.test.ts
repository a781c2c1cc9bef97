/**
 * The README's examples work when copied as written: the corpus file example is a valid
 * article, and the scripting commands that give JSON print only JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/articleFile.js';

const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The first fenced code block after a heading. */
function codeBlockAfter(heading: string): string {
  const at = README.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const match = /```[^\n]*\n([\s\S]*?)```/.exec(README.slice(at));
  return match![1]!;
}

describe('README', () => {
  it('the corpus format example is an article the loader accepts, annotations included', () => {
    const article = parseArticle('example.md', codeBlockAfter('## Corpus format'));
    expect(article).toMatchObject({
      id: 'putin-kim-vostochny',
      title: 'Pertemuan Putin dan Kim Jong Un di Kosmodrom Vostochny',
      language: 'id',
      sourceUrl: 'https://example.com/article',
      date: '2023-09-13',
    });
    expect(article.paragraphs.map((p) => p.text)).toEqual(['First paragraph.', 'Second paragraph.']);
  });

  it('the scripting examples that give JSON use npm run -s, and print nothing but JSON', () => {
    const block = codeBlockAfter('The engine also has a scripting interface');
    const lines = block.split('\n').filter((line) => line.startsWith('npm '));
    const json = lines.filter((line) => / --jsonl? /.test(line));
    expect(json.length).toBeGreaterThanOrEqual(3);
    writeFileSync(join(work, 'questions.txt'), 'Siapa pendiri Wagner?\nApa resep nasi goreng?\n');
    writeFileSync(join(work, 'passages.jsonl'), JSON.stringify({ id: 'p1', title: 'Wagner', text: 'Yevgeny Prigozhin adalah pendiri Wagner.' }) + '\n');
    writeFileSync(join(work, 'answers.jsonl'), JSON.stringify({ question: 'Siapa pendiri Wagner?', answer: 'Yevgeny Prigozhin.' }) + '\n');
    for (const line of json) {
      expect(line, line).toMatch(/^npm run -s ask -- /);
      const command = line
        .replace(/questions\.txt/, join(work, 'questions.txt'))
        .replace(/passages\.jsonl/, join(work, 'passages.jsonl'))
        .replace(/answers\.jsonl/, join(work, 'answers.jsonl'));
      const run = spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATA_DIR: join(work, 'data') } });
      expect(run.status, `${line}\n${run.stderr}`).toBe(0);
      const outputLines = run.stdout.trim().split('\n');
      for (const output of outputLines) expect(() => JSON.parse(output), `${line} printed: ${output}`).not.toThrow();
    }
  });
});
