import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, appendFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { SearchEngine } from '../../src/search/engine.js';
import { FrozenIndex, INDEX_FIELDS } from '../../src/search/frozenIndex.js';
import { indexFile, loadEngineWithStatus } from '../../src/search/loadEngine.js';

const QUESTIONS = [
  'Apa penilaian Kremlin atas pembicaraan tersebut?',
  'Di kosmodrom mana kedua pemimpin berjabat tangan?',
  'kecelakan pesawat',
  'Shoygu',
  'What did the US say about Wagner?',
  'Bagaimana cara membuat rendang?',
  'Siapa pendiri Wagner?',
  'pasar ikan di Jakarta',
];

const SECOND_ARTICLE = `---
id: pasar-ikan
title: Pasar ikan Muara Angke
language: id
---

Pasar ikan Muara Angke di Jakarta Utara buka sejak dini hari dan menjual hasil tangkapan nelayan.

Pemerintah daerah merenovasi pasar itu pada tahun 2019 agar lebih bersih.
`;

let dir: string;
let corpusDir: string;
let dataDir: string;

function load(logs: string[] = []) {
  return loadEngineWithStatus({ corpusPath: corpusDir, dataDir, logger: (m) => logs.push(m) });
}

/** Everything a caller sees of the answers, for comparing two engines. */
function answers(engine: SearchEngine) {
  return QUESTIONS.flatMap((q) => [engine.search(q), engine.search(q, { limit: 10, noAbstain: true })]).map((a) => ({
    abstained: a.abstained,
    reason: a.reason,
    results: a.results.map((h) => [h.paragraph.articleId, h.paragraph.number, h.score, h.highlight]),
  }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'search-index-test-'));
  corpusDir = join(dir, 'corpus');
  dataDir = join(dir, 'data');
  mkdirSync(corpusDir);
  copyFileSync('corpus/putin-kim-vostochny.md', join(corpusDir, 'putin-kim-vostochny.md'));
  writeFileSync(join(corpusDir, 'pasar-ikan.md'), SECOND_ARTICLE);
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.doUnmock('../../src/analysis/analyzer.js');
  vi.resetModules();
});

describe('persisted search index', () => {
  it('is built and saved on first start, then reused while nothing changed', () => {
    const logs: string[] = [];
    const first = load(logs);
    expect(first.status.source).toBe('rebuilt');
    expect(first.status.reason).toBe('no saved index');
    const second = load(logs);
    expect(second.status.source).toBe('loaded');
    expect(logs[0]).toMatch(/rebuilt/);
    expect(logs[1]).toMatch(/loaded/);
    expect(answers(second.engine)).toEqual(answers(first.engine));
    // Atomic writes leave no temporary files behind.
    expect(readdirSync(dataDir)).toEqual([indexFile(dataDir, corpusDir).split('/').pop()]);
  });

  it('gives identical results loaded and rebuilt', () => {
    const rebuilt = load().engine;
    const loaded = load().engine;
    const fresh = loadEngineWithStatus({ corpusPath: corpusDir, persist: false }).engine;
    expect(answers(loaded)).toEqual(answers(rebuilt));
    expect(answers(loaded)).toEqual(answers(fresh));
  });

  it('is rebuilt when a corpus file changes, is added or removed', () => {
    load();
    appendFileSync(join(corpusDir, 'pasar-ikan.md'), '\nHarga ikan tongkol naik menjelang hari raya.\n');
    const changed = load();
    expect(changed.status).toMatchObject({ source: 'rebuilt', reason: expect.stringMatching(/stale/) });
    expect(changed.engine.search('harga ikan tongkol').results[0]?.paragraph.articleId).toBe('pasar-ikan');
    expect(load().status.source).toBe('loaded');
    rmSync(join(corpusDir, 'pasar-ikan.md'));
    expect(load().status.source).toBe('rebuilt');
    expect(load().engine.paragraphCount).toBe(7);
  });

  it('is rebuilt when the analysis changes (its fingerprint is in the key)', async () => {
    load();
    expect(load().status.source).toBe('loaded');
    const { Analyzer } = await import('../../src/analysis/analyzer.js');
    const other = loadEngineWithStatus({ corpusPath: corpusDir, dataDir, engine: { analyzer: new Analyzer({ fallbackStemmer: 'none' }) } });
    expect(other.status).toMatchObject({ source: 'rebuilt', reason: expect.stringMatching(/stale/) });
  });

  it('is rebuilt when a lexicon file changes, and when an article changes its aliases', async () => {
    const { indexKey } = await import('../../src/search/loadEngine.js');
    const { analyzerFor } = await import('../../src/search/engine.js');
    const { Analyzer } = await import('../../src/analysis/analyzer.js');
    const { loadLexicon } = await import('../../src/analysis/lexicon.js');
    const corpus = loadCorpus(corpusDir);
    const base = indexKey(corpus, analyzerFor(corpus));
    const lexicon = loadLexicon();
    const edited = { ...lexicon, fingerprint: `${lexicon.fingerprint}-edited`, thesaurus: lexicon.thesaurus, frequency: lexicon.frequency };
    expect(indexKey(corpus, new Analyzer({ lexicon: edited }))).not.toBe(base);
    const withAliases = { ...corpus, articles: corpus.articles.map((a, i) => (i === 0 ? { ...a, aliases: [['putin', 'vladimir vladimirovich putin']] } : a)) };
    expect(indexKey(withAliases, analyzerFor(withAliases))).not.toBe(base);
  });

  const corruptions: [string, (file: string) => void][] = [
    ['truncated', (file) => truncateSync(file, Math.floor(readFileSync(file).length / 2))],
    ['truncated inside the header', (file) => truncateSync(file, 20)],
    ['empty', (file) => writeFileSync(file, '')],
    ['not an index at all', (file) => writeFileSync(file, '{"json": "but not ours"}')],
    ['bad header JSON', (file) => {
      const buf = readFileSync(file);
      buf.write('#', 9, 'latin1');
      writeFileSync(file, buf);
    }],
    ['a flipped byte in the postings (checksum)', (file) => {
      const buf = readFileSync(file);
      buf[buf.length - 3] = buf[buf.length - 3]! ^ 0xff;
      writeFileSync(file, buf);
    }],
    ['extra bytes at the end', (file) => appendFileSync(file, Buffer.alloc(16))],
  ];
  for (const [name, corrupt] of corruptions) {
    it(`is rebuilt, not trusted, when the file is ${name}`, () => {
      const reference = answers(load().engine);
      corrupt(indexFile(dataDir, corpusDir));
      const again = load();
      expect(again.status.source).toBe('rebuilt');
      expect(again.status.reason).toMatch(/unreadable|stale/);
      expect(answers(again.engine)).toEqual(reference);
      expect(load().status.source).toBe('loaded');
    });
  }

  it('keeps rebuilding (and answering) when the data folder cannot be written', () => {
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const logs: string[] = [];
    const result = loadEngineWithStatus({ corpusPath: corpusDir, dataDir: join(dir, 'not-a-folder'), logger: (m) => logs.push(m) });
    expect(result.status.source).toBe('rebuilt');
    expect(logs.join('\n')).toMatch(/could not be saved/);
    expect(result.engine.search('Siapa Yevgeny Prigozhin?').abstained).toBe(false);
  });
});

describe('frozen index', () => {
  const corpus = () => loadCorpus(corpusDir);
  const docs = () => corpus().paragraphs.map((p, id) => ({ id, text: p.text, title: p.articleTitle }));
  const analyzer = new Analyzer();
  const tokenize = (text: string) => analyzer.analyze(text);

  it('holds exactly what MiniSearch indexed: it turns back into an equivalent MiniSearch', () => {
    const direct = new MiniSearch({ fields: [...INDEX_FIELDS], storeFields: [], tokenize, processTerm: (t) => t });
    direct.addAll(docs());
    const thawed = FrozenIndex.build(docs(), tokenize).toMiniSearch(tokenize);
    for (const q of QUESTIONS) {
      const query = { queries: analyzer.queryTermSet(q), combineWith: 'OR' as const };
      const options = { tokenize: (t: string) => [t], processTerm: (t: string) => t, boost: { title: 0.5 }, fuzzy: 0.2 };
      expect(thawed.search(query, options)).toEqual(direct.search(query, options));
    }
    expect(thawed.termCount).toBe(direct.termCount);
  });

  it('is the same whether built in one piece or in shards, and survives serialisation', () => {
    const whole = FrozenIndex.build(docs(), tokenize);
    const sharded = FrozenIndex.build(docs(), tokenize, 3);
    const bytes = whole.serialize({ key: 'k' });
    expect(sharded.serialize({ key: 'k' }).equals(bytes)).toBe(true);
    const { index, meta } = FrozenIndex.deserialize(bytes);
    expect(meta.key).toBe('k');
    expect(index.serialize({ key: 'k' }).equals(bytes)).toBe(true);
  });

  it('is loaded as views on the file buffer when aligned, and copied when not', () => {
    const bytes = FrozenIndex.build(docs(), tokenize).serialize({ key: 'k' });
    const aligned = Buffer.from(new ArrayBuffer(bytes.length));
    bytes.copy(aligned);
    const shared = FrozenIndex.deserialize(aligned).index;
    expect(shared.fields[0]!.docs.buffer).toBe(aligned.buffer);
    expect(shared.serialize({ key: 'k' }).equals(bytes)).toBe(true);
    const shifted = Buffer.from(new ArrayBuffer(bytes.length + 3)).subarray(3);
    bytes.copy(shifted);
    const copied = FrozenIndex.deserialize(shifted).index;
    expect(copied.fields[0]!.docs.buffer).not.toBe(shifted.buffer);
    expect(copied.serialize({ key: 'k' }).equals(bytes)).toBe(true);
  });

  /** What the engine used before: MiniSearch's radix-tree fuzzy search over the term list. */
  const trees = new WeakMap<string[], SearchableMap<number>>();
  const reference = (terms: string[], word: string, distance: number) => {
    if (!trees.has(terms)) trees.set(terms, SearchableMap.from<number>(terms.map((t, i) => [t, i] as [string, number])));
    return [...trees.get(terms)!.fuzzyGet(word, distance)].map(([, [termId, d]]) => ({ termId, distance: d }));
  };

  it('finds the same typo neighbours as MiniSearch (terms, distances, order) in the corpus', () => {
    const index = FrozenIndex.build(docs(), tokenize);
    const words = new Set(['', 'a', 'kecelakan', 'shoygu', 'prigozin', 'kosmodrum', 'vostocny', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx']);
    for (const t of index.terms) words.add(t).add(t.slice(1)).add(t.slice(0, -1)).add(`${t}s`).add(`x${t.slice(2)}`).add(t.replace(/[aeiou]/, 'y'));
    let found = 0;
    for (const word of words)
      for (const distance of [1, 2]) {
        const got = index.fuzzy(word, distance);
        expect(got, `${word} ~${distance}`).toEqual(reference(index.terms, word, distance));
        found += got.length;
      }
    expect(found).toBeGreaterThan(words.size);
  });

  it('finds the same typo neighbours as MiniSearch over dense, shared-prefix and non-Latin terms', () => {
    let seed = 42;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const alphabet = ['a', 'b', 'c', 'é', 'ō', 'ا', '😀'];
    const word = (max: number) => Array.from({ length: Math.floor(random() * max) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const terms = [...new Set(Array.from({ length: 3000 }, () => word(9)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const index = new FrozenIndex(0, terms, [], new Uint16Array(0), new Float64Array(INDEX_FIELDS.length));
    for (let k = 0; k < 300; k++) {
      const query = word(11);
      for (const distance of [0, 1, 2, 3]) expect(index.fuzzy(query, distance), `${query} ~${distance}`).toEqual(reference(terms, query, distance));
    }
  });
});
