#!/usr/bin/env node
/**
 * Curated answers at scale: how a server's number of curated answers weighs on /ask.
 *   npm run bench:curated [-- --sizes 20,200,1000,2500] [--questions 300] [--json]
 * For each size, one server holds that many curated answers (distinct TyDi QA questions,
 * lines 1-2900, as their questions; ../shared/bench), in a real SQLite store; the
 * compiled matcher (dist/, what `npm start` runs; the script builds it first) builds the server's
 * index, then matches 300 other TyDi questions (lines 3001-3300) one by one. Prints the
 * build time and the median and p90 of one match, and each size's median over the
 * smallest size's, measured in the same run. Each question is read for the first time, so a
 * match includes its analysis. Plain JavaScript, so the timings are those of
 * the compiled code, not of a TypeScript loader.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '20,200,1000,2500' },
    questions: { type: 'string', default: '300' },
    bench: { type: 'string', default: join(root, '../shared/bench') },
    json: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const asked = Number(values.questions);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(asked) || asked < 1 || asked > 3000) {
  console.error('usage: npm run bench:curated [-- --sizes 20,200,1000,2500] [--questions 300] [--json]');
  process.exit(2);
}
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: values.json ? 'ignore' : 'inherit' });
const { loadCorpus } = await import('../dist/src/corpus/loadCorpus.js');
const { CuratedIndex } = await import('../dist/src/curated/curatedIndex.js');
const { openDatabase } = await import('../dist/src/curated/database.js');
const { CuratedStore } = await import('../dist/src/curated/curatedStore.js');
const { analyzerFor } = await import('../dist/src/search/engine.js');

const analyzer = analyzerFor(loadCorpus(join(root, 'corpus')));
for (const step of analyzer.warmUpSteps()) step(); // the bot builds these once connected (src/bot/warmUp.ts)
const tydi = readFileSync(join(values.bench, 'questions.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line).question);
const pool = tydi.slice(0, 2900);
const questions = tydi.slice(3000, 3000 + asked);
const GUILD = '100000000000000001';

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (x) => Math.round(x * 1000) / 1000;
const rows = [];
for (const size of sizes) {
  const db = openDatabase(':memory:');
  const store = new CuratedStore(db);
  for (const question of pool) {
    if (store.count(GUILD) >= size) break;
    try {
      store.add(GUILD, { question, answer: 'jawaban', paragraphs: [], aliases: [] }, 'bench');
    } catch {
      // the same question in other words of TyDi's: one phrasing per server
    }
  }
  const index = new CuratedIndex(store, analyzer);
  let started = performance.now();
  index.warm(GUILD);
  const buildMs = performance.now() - started;
  for (const question of questions.slice(0, 30)) index.lookup(GUILD, question); // the code's first runs
  const times = [];
  for (const question of questions) {
    started = performance.now();
    index.lookup(GUILD, question);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  rows.push({ entries: store.count(GUILD), buildMs: Math.round(buildMs), matchMedianMs: round(quantile(times, 0.5)), matchP90Ms: round(quantile(times, 0.9)) });
  index.close();
  db.close();
}
for (const row of rows) row.medianOverSmallest = Math.round((row.matchMedianMs / rows[0].matchMedianMs) * 100) / 100;
const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' };
if (values.json) {
  process.stdout.write(JSON.stringify({ questions: questions.length, unit: 'ms', rows, machine }) + '\n');
} else {
  console.log(`One curated match, ${questions.length} questions, ms; ${machine.cpus} CPU(s), Node ${machine.node}`);
  for (const r of rows) console.log(`${String(r.entries).padStart(6)} entries: index built in ${String(r.buildMs).padStart(5)}   match median ${r.matchMedianMs.toFixed(3)}  p90 ${r.matchP90Ms.toFixed(3)}   ${r.medianOverSmallest}x the smallest`);
}
