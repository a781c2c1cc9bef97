import { Worker } from 'node:worker_threads';
import { loadCorpus } from '../corpus/loadCorpus.js';
import { CorpusError } from '../corpus/types.js';
import { analyzerFor, SearchEngine } from './engine.js';
import { FrozenIndex } from './frozenIndex.js';
import { indexKey } from './loadEngine.js';

export interface WorkerRequest {
  corpusPath: string;
  /** Where to save the index (as at start-up); undefined: do not save. */
  dataDir?: string;
}

export type WorkerReply =
  | { ok: true; key: string; index: ArrayBuffer; status: 'loaded' | 'rebuilt' | 'built'; ms: number }
  | { ok: false; corpusError?: { message: string; file?: string; line?: number }; message: string };

/** A CorpusError from the worker, with its file and line (the message already names them). */
class ReportedCorpusError extends CorpusError {
  constructor(reported: { message: string; file?: string; line?: number }) {
    super(reported.message);
    this.message = reported.message;
    Object.assign(this, { file: reported.file, line: reported.line });
  }
}

/** The corpus changed again while its index was being built: load it once more. */
export class CorpusChangedError extends Error {
  constructor() {
    super('the corpus changed while it was being indexed');
    this.name = 'CorpusChangedError';
  }
}

/**
 * Loads the corpus at `corpusPath` and builds its engine with the index built in a worker
 * thread, so the bot keeps answering meanwhile; the index is saved in `dataDir` as at
 * start-up. A malformed corpus rejects with its CorpusError (file and line). When the
 * files changed between the worker's read and this thread's, rejects with
 * CorpusChangedError (the caller loads again).
 */
export async function loadEngineInBackground(request: WorkerRequest): Promise<{ engine: SearchEngine; indexMs: number; indexSource: string }> {
  const reply = await runWorker(request);
  if (!reply.ok) throw reply.corpusError ? new ReportedCorpusError(reply.corpusError) : new Error(reply.message);
  // Reading and analysing the files again here is quick; indexing was the slow part.
  const corpus = loadCorpus(request.corpusPath);
  const analyzer = analyzerFor(corpus);
  if (indexKey(corpus, analyzer) !== reply.key) throw new CorpusChangedError();
  const { index } = FrozenIndex.deserialize(Buffer.from(reply.index));
  return { engine: new SearchEngine(corpus, { analyzer, index }), indexMs: reply.ms, indexSource: reply.status };
}

function runWorker(request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let replied = false;
    worker.once('message', (reply: WorkerReply) => {
      replied = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`the indexing worker exited with code ${code} before answering`));
    });
  });
}

/**
 * The compiled worker (`indexWorker.js`) under plain Node; under tsx or vitest (the sources
 * run as TypeScript) the worker registers tsx's loader first, since a worker thread does
 * not inherit it.
 */
function startWorker(request: WorkerRequest): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL('./indexWorker.js', import.meta.url), { workerData: request });
  const source = new URL('./indexWorker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { eval: true, workerData: request });
}
