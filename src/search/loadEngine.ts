import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Analyzer } from '../analysis/analyzer.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { Corpus } from '../corpus/types.js';
import { analyzerFor, SearchEngine, type EngineOptions } from './engine.js';
import { FrozenIndex } from './frozenIndex.js';

/**
 * Bump when the persisted index's layout or what goes into it (fields, how documents
 * are built) changes; like the analyzer's fingerprint, it is part of the index key.
 */
export const INDEX_FORMAT_VERSION = 1;

export interface LoadEngineOptions {
  corpusPath?: string;
  /** Where the persisted index lives (default: env DATA_DIR, else "data"). */
  dataDir?: string;
  /** Load/save the index in dataDir instead of rebuilding it (default true). */
  persist?: boolean;
  /** Told whether the index was loaded or rebuilt, and why. */
  logger?: (message: string) => void;
  engine?: Omit<EngineOptions, 'index'>;
}

export interface IndexStatus {
  source: 'loaded' | 'rebuilt' | 'built';
  /** Why a persisted index was not used (missing, stale, corrupt). */
  reason?: string;
  file?: string;
  ms: number;
}

/** Loads the corpus and builds the engine, reusing the persisted index when it is current. */
export async function loadEngine(options: LoadEngineOptions = {}): Promise<SearchEngine> {
  return loadEngineWithStatus(options).engine;
}

export function loadEngineWithStatus(options: LoadEngineOptions = {}): { engine: SearchEngine; status: IndexStatus } {
  const corpusPath = options.corpusPath ?? process.env.CORPUS_DIR ?? 'corpus';
  const corpus = loadCorpus(corpusPath);
  const analyzer = options.engine?.analyzer ?? analyzerFor(corpus);
  const log = options.logger ?? (() => {});
  const started = performance.now();
  if (options.persist === false) {
    const engine = new SearchEngine(corpus, { ...options.engine, analyzer });
    return { engine, status: { source: 'built', ms: performance.now() - started } };
  }
  const dataDir = options.dataDir ?? process.env.DATA_DIR ?? 'data';
  const file = indexFile(dataDir, corpusPath);
  const key = indexKey(corpus, analyzer);
  const loaded = readIndex(file, key);
  if (loaded.index) {
    const engine = new SearchEngine(corpus, { ...options.engine, analyzer, index: loaded.index });
    const status: IndexStatus = { source: 'loaded', file, ms: performance.now() - started };
    log(`search index loaded from ${file} (${corpus.paragraphs.length} paragraphs, ${Math.round(status.ms)} ms)`);
    return { engine, status };
  }
  const index = SearchEngine.buildIndex(corpus, analyzer);
  const engine = new SearchEngine(corpus, { ...options.engine, analyzer, index });
  try {
    writeAtomically(file, index.serialize({ key }));
  } catch (error) {
    log(`search index could not be saved to ${file}: ${(error as Error).message}`);
  }
  const status: IndexStatus = { source: 'rebuilt', reason: loaded.reason, file, ms: performance.now() - started };
  log(`search index rebuilt (${loaded.reason}; ${corpus.paragraphs.length} paragraphs, ${Math.round(status.ms)} ms), saved to ${file}`);
  return { engine, status };
}

/**
 * What the index depends on: the corpus content as loaded (article ids, titles,
 * paragraph texts, in order: a changed, added, removed or renamed file changes it),
 * everything the analysis depends on (its fingerprint: code version, lexicon files,
 * stopwords, alias groups) and the index format.
 */
export function indexKey(corpus: Corpus, analyzer: Analyzer): string {
  const hash = createHash('sha256');
  hash.update(`analysis:${analyzer.fingerprint};format:${INDEX_FORMAT_VERSION};paragraphs:${corpus.paragraphs.length}\n`);
  for (const p of corpus.paragraphs) hash.update(`${p.articleId}\u0000${p.number}\u0000${p.articleTitle}\u0000${p.text}\u0001`);
  return hash.digest('hex');
}

/** One file per corpus location, so a changed corpus overwrites its stale index. */
export function indexFile(dataDir: string, corpusPath: string): string {
  const tag = createHash('sha256').update(resolve(corpusPath)).digest('hex').slice(0, 12);
  return join(dataDir, `search-index-${tag}.bin`);
}

function readIndex(file: string, key: string): { index?: FrozenIndex; reason: string } {
  let buf: Buffer;
  try {
    buf = readAligned(file);
  } catch {
    return { reason: 'no saved index' };
  }
  try {
    if (FrozenIndex.readHeader(buf).key !== key) return { reason: 'saved index is stale (corpus, analysis or format changed)' };
    return { index: FrozenIndex.deserialize(buf).index, reason: '' };
  } catch (error) {
    return { reason: `saved index is unreadable (${(error as Error).message})` };
  }
}

/**
 * The whole file in a fresh ArrayBuffer (offset 0, so 8-byte aligned): the index's
 * typed arrays are then views on it, with no second copy (see FrozenIndex.deserialize).
 */
function readAligned(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.from(new ArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const read = readSync(fd, buf, at, size - at, null);
      if (read === 0) break;
      at += read;
    }
    return buf.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

function writeAtomically(file: string, data: Buffer): void {
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
