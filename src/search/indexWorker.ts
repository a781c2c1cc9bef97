/**
 * Runs in a worker thread (backgroundIndex.ts): loads the corpus, builds its index (or
 * loads the saved one) and saves it in DATA_DIR like a start-up would, then hands the
 * serialized index back. The bot's event loop meanwhile keeps answering.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CorpusError } from '../corpus/types.js';
import { indexKey, loadEngineWithStatus } from './loadEngine.js';
import type { WorkerReply, WorkerRequest } from './backgroundIndex.js';

const request = workerData as WorkerRequest;
let reply: WorkerReply;
const transfer: ArrayBuffer[] = [];
try {
  const { engine, status } = loadEngineWithStatus({ corpusPath: request.corpusPath, dataDir: request.dataDir, persist: request.dataDir !== undefined });
  const key = indexKey(engine.corpus, engine.analyzer);
  const serialized = engine.index.serialize({ key });
  // Its own buffer at offset 0: transferred without a copy, and 8-byte aligned for the typed arrays.
  const own = new Uint8Array(serialized.length);
  own.set(serialized);
  transfer.push(own.buffer);
  reply = { ok: true, key, index: own.buffer, status: status.source, ms: status.ms };
} catch (error) {
  const message = (error as Error)?.message ?? String(error);
  reply = { ok: false, message, ...(error instanceof CorpusError ? { corpusError: { message, file: error.file, line: error.line } } : {}) };
}
parentPort!.postMessage(reply, transfer);
