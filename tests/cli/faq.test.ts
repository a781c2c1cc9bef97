/**
 * Curated answers as JSONL, run for real: `npm run faq -- import/export` against a
 * DATA_DIR (the compiled CLI), and `npm run ask -- --faq FILE`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { parseCuratedFile } from '../../src/curated/curatedFile.js';
import { ROOT, runNode, type Run } from '../support/runNode.js';

const GUILD = '123456789012345678';

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'faq-cli-test-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cli: string, args: string[], dataDir: string, input = ''): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NO_COLOR: '1' };
  delete env.CORPUS_DIR;
  return runNode(cli, args, { env, input });
}
const faq = (args: string[], dataDir: string) => run('dist/src/cli/faq.js', args, dataDir);
const ask = (args: string[], dataDir: string, input: string) => run('dist/src/cli/ask.js', args, dataDir, input);

const ENTRIES = [
  { question: 'Siapa pendiri Wagner?', answer: 'Yevgeny Prigozhin.', aliases: ['pendiri kelompok Wagner'], paragraphs: ['putin-kim-vostochny#7'] },
  { question: 'Kapan Shoigu ke Pyongyang?', answer: 'Pada bulan Juli.' },
];
const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';

describe('npm run faq -- import / export', () => {
  it('imports a file into one server, exports it back the same, and refuses a second import whole', async () => {
    const dataDir = join(work, 'roundtrip');
    const file = join(work, 'entries.jsonl');
    writeFileSync(file, jsonl(ENTRIES));
    const imported = await faq(['import', file, '--guild', GUILD], dataDir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported 2 curated answer/);

    const exported = await faq(['export', '--guild', GUILD], dataDir);
    expect(exported.code).toBe(0);
    expect(exported.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual(ENTRIES);
    // Another server has none of them.
    expect((await faq(['export', '--guild', '876543210987654321'], dataDir)).stdout).toBe('');

    const again = await faq(['import', file, '--guild', GUILD], dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Nothing was imported: "Siapa pendiri Wagner\?" is already curated answer #1/);
    expect((await faq(['export', '--guild', GUILD], dataDir)).stdout.trim().split('\n')).toHaveLength(2);
  });

  it('refuses a file with a bad line, naming every line, and writes nothing', async () => {
    const dataDir = join(work, 'bad');
    const file = join(work, 'bad.jsonl');
    writeFileSync(file, [JSON.stringify(ENTRIES[0]), 'not json', JSON.stringify({ question: 'Hai @everyone?', answer: 'x' }), JSON.stringify({ question: 'Apa?', answer: 3 })].join('\n'));
    const result = await faq(['import', file, '--guild', GUILD], dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.jsonl:2: not valid JSON/);
    expect(result.stderr).toMatch(/bad\.jsonl:3: .*mention/);
    expect(result.stderr).toMatch(/bad\.jsonl:4: "answer" must be a string/);
    expect((await faq(['export', '--guild', GUILD], dataDir)).stdout).toBe('');
  });

  it('explains its usage and a bad server id', async () => {
    const dataDir = join(work, 'usage');
    expect((await faq([], dataDir)).code).toBe(2);
    const bad = await faq(['export', '--guild', 'abc'], dataDir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--guild must be a server id/);
  });
});

describe('npm run ask -- --faq FILE', () => {
  it('answers as one server with those entries: "curated" in every JSON answer', async () => {
    const file = join(work, 'ask.jsonl');
    writeFileSync(file, jsonl(ENTRIES.map(({ question, answer, aliases }) => ({ question, answer, aliases }))));
    const out = await ask(['--faq', file, '--jsonl'], join(work, 'ask-data'), 'siapa yang mendirikan grup Wagner\nSiapa presiden Indonesia?\n');
    expect(out.code).toBe(0);
    const [founder, other] = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(founder.curated).toEqual({ question: 'Siapa pendiri Wagner?', answer: 'Yevgeny Prigozhin.' });
    expect(founder.results[0].paragraph).toBe(7);
    expect(other.curated).toBeNull();
  });
});

describe('parseCuratedFile', () => {
  it('validates citations against the corpus', () => {
    const corpus = loadCorpus(join(ROOT, 'corpus'));
    expect(() => parseCuratedFile('x.jsonl', JSON.stringify({ ...ENTRIES[0], paragraphs: ['putin-kim-vostochny#99'] }), corpus)).toThrow(/x\.jsonl:1: /);
    expect(parseCuratedFile('x.jsonl', jsonl(ENTRIES), corpus).map((e) => e.question)).toEqual(ENTRIES.map((e) => e.question));
  });
});
