import { loadCorpus } from '../corpus/loadCorpus.js';
import { SearchEngine } from './engine.js';

export interface LoadEngineOptions {
  corpusPath?: string;
}

/** Loads the corpus and builds the engine. (The persisted index plugs in here.) */
export async function loadEngine(options: LoadEngineOptions = {}): Promise<SearchEngine> {
  const corpus = loadCorpus(options.corpusPath ?? process.env.CORPUS_DIR ?? 'corpus');
  return new SearchEngine(corpus);
}
