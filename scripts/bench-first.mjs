#!/usr/bin/env node
/**
 * The first answers after a start: what a question costs the first time the process meets
 * its words and its kind of question, with the bot's warm-up (src/bot/warmUp.ts) and
 * without it, in the same run.
 *   npm run bench:first [-- --runs 7] [--pause-ms 0] [--questions FILE] [--json]
 * Each run is a fresh process of the compiled engine (dist/, what `npm start` runs; the
 * script builds it first) over the bundled corpus: the warm-up (or none), then every
 * question of article-dev (../shared/eval, 117 in every style) answered and rendered once
 * (the first pass: each question met for the first time), then all of them again (the
 * second pass: the floor, nothing left to build or compile). Runs alternate warm-up on and
 * off; reported are the medians over the runs of each pass's total and of its p90 and p99
 * per question, and the first pass's total over the second's.
 * `--pause-ms N` leaves the process idle N ms before each question, as a bot is between
 * members' interactions (bench:bot paces its rounds at 80 ms): what an answer costs when
 * the CPU's caches and clock have gone cold, against the same questions back to back.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machine, median, quantile } from './bench/stats.mjs';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'pause-ms': { type: 'string', default: '0' },
    questions: { type: 'string', default: join(root, '../shared/eval/article-dev.jsonl') },
    json: { type: 'boolean', default: false },
    child: { type: 'string' },
  },
});

if (values.child !== undefined) {
  // One run, in a process of its own: prints its passes as one JSON line.
  const { loadCorpus } = await import('../dist/src/corpus/loadCorpus.js');
  const { SearchEngine, analyzerFor } = await import('../dist/src/search/engine.js');
  const { warmEngine } = await import('../dist/src/bot/warmUp.js');
  const { renderAnswer } = await import('../dist/src/render/answerReply.js');
  const corpus = loadCorpus(join(root, 'corpus'));
  const engine = new SearchEngine(corpus, { analyzer: analyzerFor(corpus) });
  if (values.child === 'warm') await warmEngine(engine);
  const questions = readFileSync(values.questions, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).q);
  const pauseMs = Number(values['pause-ms']);
  const pass = async () => {
    const times = [];
    for (const question of questions) {
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
      const started = performance.now();
      renderAnswer({ question, answer: engine.search(question), answerId: 1, language: 'id' });
      times.push(performance.now() - started);
    }
    return times;
  };
  const first = await pass();
  const second = await pass();
  process.stdout.write(JSON.stringify({ first, second }) + '\n');
  process.exit(0);
}

const runs = Number(values.runs);
const pauseMs = Number(values['pause-ms']);
if (!Number.isInteger(runs) || runs < 1 || !Number.isFinite(pauseMs) || pauseMs < 0) {
  console.error('usage: npm run bench:first [-- --runs 7] [--pause-ms 0] [--questions FILE] [--json]');
  process.exit(2);
}
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: values.json ? 'ignore' : 'inherit' });

const round = (x) => Math.round(x * 100) / 100;
const samples = { warm: [], cold: [] };
for (let i = 0; i < runs; i++) {
  for (const mode of ['warm', 'cold']) {
    const out = execFileSync(process.execPath, [import.meta.filename, '--child', mode, '--questions', values.questions, '--pause-ms', String(pauseMs)], { encoding: 'utf8' });
    samples[mode].push(JSON.parse(out.trim().split('\n').pop()));
  }
}
const summary = (list) => {
  const of = (key) => ({
    totalMs: round(median(list.map((r) => r[key].reduce((s, x) => s + x, 0)))),
    p90Ms: round(median(list.map((r) => quantile(r[key], 0.9)))),
    p99Ms: round(median(list.map((r) => quantile(r[key], 0.99)))),
  });
  const first = of('first');
  const second = of('second');
  return { first, second, firstOverSecond: round(first.totalMs / second.totalMs) };
};
const result = {
  runs,
  questions: samples.warm[0].first.length,
  pauseMs,
  unit: 'ms',
  warmUp: summary(samples.warm),
  noWarmUp: summary(samples.cold),
  machine: machine(),
};
if (values.json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  console.log(`First and second answers of ${result.questions} questions after a start (answer + rendering, compiled${pauseMs > 0 ? `, ${pauseMs} ms idle before each` : ''}), medians over ${runs} runs each, alternating`);
  for (const [label, s] of [['with the warm-up', result.warmUp], ['without', result.noWarmUp]]) {
    console.log(`${label.padEnd(18)} first pass: total ${s.first.totalMs} ms, p90 ${s.first.p90Ms}, p99 ${s.first.p99Ms} | second pass: total ${s.second.totalMs} ms, p90 ${s.second.p90Ms}, p99 ${s.second.p99Ms} | first / second ${s.firstOverSecond}x`);
  }
  console.log(`${result.machine.cpus} CPU(s), Node ${process.version}`);
}
