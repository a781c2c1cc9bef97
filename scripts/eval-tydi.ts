/**
 * Retrieval quality on TyDi QA Indonesian (../shared/bench, CC BY-SA 4.0; see its SOURCE.md).
 *   npm run eval:tydi [-- --json] [--bench DIR] [--min-r1 X]
 * Prints R@1, R@5 and MRR@10 for the whole set, the tuning lines (1-5771) and the
 * test split (lines 5772-6194), plus how often the engine would have abstained.
 * With --min-r1 it exits 1 when R@1 on the whole set is below X (the CI gate).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { SearchEngine } from '../src/search/engine.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    bench: { type: 'string', default: '../shared/bench' },
    // Experiments: scoring knobs as JSON (see Tuning in src/search/engine.ts), and a dump of misses.
    tuning: { type: 'string' },
    misses: { type: 'string' },
    'min-r1': { type: 'string' },
  },
});
const benchDir = values.bench!;

interface Question { question: string; passage_id: string }
const questions: Question[] = readFileSync(join(benchDir, 'questions.jsonl'), 'utf8')
  .split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

const started = performance.now();
const engine = new SearchEngine(loadCorpus(join(benchDir, 'passages.jsonl')), { tuning: values.tuning ? JSON.parse(values.tuning) : undefined });
const buildMs = performance.now() - started;

interface Split { n: number; r1: number; r5: number; mrr: number; abstained: number }
const empty = (): Split => ({ n: 0, r1: 0, r5: 0, mrr: 0, abstained: 0 });
const splits = { all: empty(), tune: empty(), test: empty() };

const misses: string[] = [];
const queryStarted = performance.now();
questions.forEach((q, i) => {
  const ranked = engine.search(q.question, { limit: 10, noAbstain: true }).results.map((h) => h.paragraph.articleId);
  if (values.misses && i < 5771 && ranked[0] !== q.passage_id) misses.push(JSON.stringify({ line: i + 1, q: q.question, answer: (q as { answer?: string }).answer, rank: ranked.indexOf(q.passage_id), gold: q.passage_id, got: ranked[0] }));
  const wouldAbstain = engine.search(q.question, { limit: 1 }).abstained;
  const rank = ranked.indexOf(q.passage_id);
  for (const split of [splits.all, i < 5771 ? splits.tune : splits.test]) {
    split.n++;
    if (rank === 0) split.r1++;
    if (rank >= 0 && rank < 5) split.r5++;
    if (rank >= 0) split.mrr += 1 / (rank + 1);
    if (wouldAbstain) split.abstained++;
  }
});

const queryMs = performance.now() - queryStarted;
if (values.misses) writeFileSync(values.misses, misses.join('\n') + '\n');
const summary = Object.fromEntries(Object.entries(splits).map(([name, s]) => [name, {
  questions: s.n,
  r1: +(s.r1 / s.n).toFixed(3),
  r5: +(s.r5 / s.n).toFixed(3),
  mrr10: +(s.mrr / s.n).toFixed(3),
  abstainRate: +(s.abstained / s.n).toFixed(3),
}]));
if (values.json) console.log(JSON.stringify({ passages: engine.paragraphCount, buildMs: Math.round(buildMs), ...summary }));
else {
  console.log(`TyDi QA Indonesian: ${engine.paragraphCount} passages, index built in ${Math.round(buildMs)} ms, ${Math.round(queryMs)} ms for ${2 * questions.length} searches`);
  for (const [name, s] of Object.entries(summary))
    console.log(`${name.padEnd(5)} n=${String(s.questions).padEnd(5)} R@1=${s.r1.toFixed(3)} R@5=${s.r5.toFixed(3)} MRR@10=${s.mrr10.toFixed(3)} would-abstain=${s.abstainRate.toFixed(3)}`);
}

const minR1 = values['min-r1'] === undefined ? undefined : Number(values['min-r1']);
if (minR1 !== undefined) {
  const passed = summary.all!.r1 >= minR1;
  console.log(`${passed ? 'PASS' : 'FAIL'}: TyDi R@1 ${summary.all!.r1.toFixed(3)} (gate ${minR1})`);
  if (!passed) process.exitCode = 1;
}
