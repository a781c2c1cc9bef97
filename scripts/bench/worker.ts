/**
 * One measurement in a fresh process, for scripts/bench.ts (cold start and peak RSS
 * must not be polluted by other runs). Prints JSON lines on stdout:
 *   {"event":"first-answer"} as soon as the first question is answered (the parent
 *   times the wall clock from spawn to that line), then one {"event":"done", ...}.
 *
 *   worker.ts build  --engine project|default --corpus FILE --data DIR
 *     index the corpus from scratch, answer one question, save the index.
 *   worker.ts serve  --engine project|default --corpus FILE --data DIR --questions FILE
 *     load the saved index, answer one question, then time every question of FILE.
 */
import { readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { indexFile, loadEngineWithStatus } from '../../src/search/loadEngine.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string' },
    corpus: { type: 'string' },
    data: { type: 'string' },
    questions: { type: 'string' },
  },
});
const mode = positionals[0];
const corpusPath = values.corpus!;
const dataDir = values.data!;
const FIRST_QUESTION = 'Siapa arsitek Balai Kota Seoul?';
const emit = (o: object) => process.stdout.write(JSON.stringify(o) + '\n');
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface Q { question: string; passage_id: string }
type Ask = (q: string) => string | undefined;

const DEFAULT_OPTIONS = { fields: ['title', 'text'], storeFields: [] as string[] };
const defaultFile = join(dataDir, `minisearch-default-${corpusPath.replace(/[^a-z0-9]+/gi, '_').slice(-60)}.json`);

function setup(): { ask: Ask; buildMs?: number; indexBytes?: number } {
  if (values.engine === 'project') {
    const started = performance.now();
    const { engine, status } = loadEngineWithStatus({ corpusPath, dataDir, persist: true });
    if (mode === 'serve' && status.source !== 'loaded') throw new Error(`expected a saved index, got ${status.source}: ${status.reason}`);
    const ask: Ask = (q) => engine.search(q, { limit: 3, noAbstain: true }).results[0]?.paragraph.articleId;
    return { ask, buildMs: mode === 'build' ? performance.now() - started : undefined, indexBytes: statSync(indexFile(dataDir, corpusPath)).size };
  }
  const corpus = loadCorpus(corpusPath);
  const ids = corpus.paragraphs.map((p) => p.articleId);
  let ms: MiniSearch;
  let buildMs: number | undefined;
  if (mode === 'build') {
    const started = performance.now();
    ms = new MiniSearch(DEFAULT_OPTIONS);
    ms.addAll(corpus.paragraphs.map((p, id) => ({ id, title: p.articleTitle, text: p.text })));
    buildMs = performance.now() - started;
  } else {
    ms = MiniSearch.loadJSON(readFileSync(defaultFile, 'utf8'), DEFAULT_OPTIONS);
  }
  const ask: Ask = (q) => {
    const r = ms.search(q);
    return r.length ? ids[r[0]!.id as number] : undefined;
  };
  if (mode === 'build') {
    ask(FIRST_QUESTION);
    emit({ event: 'first-answer' });
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(`${defaultFile}.tmp`, JSON.stringify(ms));
    renameSync(`${defaultFile}.tmp`, defaultFile);
  }
  return { ask, buildMs, indexBytes: statSync(defaultFile).size };
}

const { ask, buildMs, indexBytes } = setup();
if (mode === 'build') {
  if (values.engine === 'project') {
    ask(FIRST_QUESTION);
    emit({ event: 'first-answer' });
  }
  emit({ event: 'done', buildMs, indexBytes, peakRssMb: peakRssMb() });
} else {
  ask(FIRST_QUESTION);
  emit({ event: 'first-answer' });
  const questions: Q[] = readFileSync(values.questions!, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const times = new Float64Array(questions.length);
  let hits = 0;
  questions.forEach((q, i) => {
    const t = performance.now();
    const top = ask(q.question);
    times[i] = performance.now() - t;
    if (top === q.passage_id) hits++;
  });
  const sorted = Float64Array.from(times).sort();
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  emit({
    event: 'done',
    questions: questions.length,
    r1: hits / questions.length,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    p50Ms: pct(50),
    p95Ms: pct(95),
    p99Ms: pct(99),
    maxMs: sorted[sorted.length - 1],
    peakRssMb: peakRssMb(),
  });
}
