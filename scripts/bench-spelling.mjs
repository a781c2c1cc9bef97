#!/usr/bin/env node
/**
 * The misspelt-form search (SpellingCorrector.correctForm: every one-edit spelling of a word
 * no list has, through the stemmer and the informal rules), which is what a question with a
 * new unknown word still costs on its first visit.
 *   npm run bench:spelling [-- --runs 5] [--words 3000] [--json]
 * Each run is a fresh process of the compiled analysis (dist/; the script builds it first),
 * tables built before timing: `--words` misspellings of the frequency list's words
 * (swappedMisspellings in src/analysis/spelling.ts; the warm-up's first 48 left out), each
 * searched once. Reported: medians over the runs
 * of the total and of the per-word p50 / p90; the same for the search a misspelt word meets
 * first (SpellingCorrector.correct: one edit from a frequent word as the list spells it); and
 * `results`, a fingerprint of every correction of both and of the roots of every one-letter
 * insertion of the first 150 words, so a change meant to be faster only can show that it
 * found the same.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { machine, median, quantile } from './bench/stats.mjs';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    words: { type: 'string', default: '3000' },
    json: { type: 'boolean', default: false },
    child: { type: 'boolean', default: false },
  },
});
const WORDS = Number(values.words);
const RUNS = Number(values.runs);
if (!Number.isInteger(WORDS) || WORDS < 200 || !Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: npm run bench:spelling [-- --runs 5] [--words 3000] [--json]   (at least 200 words)');
  process.exit(2);
}
const WARM_UP_WORDS = 48;
const FINGERPRINTED = 150;

if (values.child) {
  const { Analyzer } = await import('../dist/src/analysis/analyzer.js');
  const { swappedMisspellings } = await import('../dist/src/analysis/spelling.js');
  const analyzer = new Analyzer();
  for (const step of analyzer.warmUpSteps()) step();
  const misspelt = swappedMisspellings(analyzer.lexicon.frequency.counts, WORDS + WARM_UP_WORDS);
  const words = misspelt.slice(WARM_UP_WORDS);
  const informal = (spelling) => analyzer.informal.rootOf(spelling);
  const fingerprint = createHash('sha256');
  for (const word of words.slice(0, FINGERPRINTED)) {
    for (let i = 0; i <= word.length; i++) {
      for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
        const spelling = word.slice(0, i) + letter + word.slice(i);
        fingerprint.update(`${spelling}=${analyzer.stemmer.rootOfSpelling(spelling) ?? '-'}/${informal(spelling) ?? '-'};`);
      }
    }
  }
  // The fingerprint's lookups ran the code hot; the timed words are others.
  const timed = words.slice(FINGERPRINTED);
  const ms = [];
  const corrections = [];
  for (const word of timed) {
    const started = performance.now();
    corrections.push(analyzer.misspeltForm(word) ?? '-');
    ms.push(performance.now() - started);
  }
  // The other search a misspelt word meets first: one edit from a frequent word as the list spells it.
  const frequentMs = [];
  const frequent = [];
  for (const word of timed) {
    const started = performance.now();
    frequent.push(analyzer.spelling.correct(word) ?? '-');
    frequentMs.push(performance.now() - started);
  }
  fingerprint.update(corrections.join(',') + '|' + frequent.join(','));
  process.stdout.write(JSON.stringify({ ms, frequentMs, corrected: corrections.filter((c) => c !== '-').length, results: fingerprint.digest('hex').slice(0, 16) }) + '\n');
  process.exit(0);
}

execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: values.json ? 'ignore' : 'inherit' });
const round = (x) => Math.round(x * 1000) / 1000;
const runs = [];
for (let i = 0; i < RUNS; i++) {
  const out = execFileSync(process.execPath, [import.meta.filename, '--child', '--words', String(WORDS)], { encoding: 'utf8' });
  runs.push(JSON.parse(out.trim().split('\n').pop()));
}
const fingerprints = new Set(runs.map((r) => r.results));
const result = {
  runs: RUNS,
  words: runs[0].ms.length,
  unit: 'ms',
  totalMs: round(median(runs.map((r) => r.ms.reduce((s, x) => s + x, 0)))),
  perWord: { p50: round(median(runs.map((r) => quantile(r.ms, 0.5)))), p90: round(median(runs.map((r) => quantile(r.ms, 0.9)))), max: round(median(runs.map((r) => Math.max(...r.ms)))) },
  frequentWordSearch: { totalMs: round(median(runs.map((r) => r.frequentMs.reduce((s, x) => s + x, 0)))), p50: round(median(runs.map((r) => quantile(r.frequentMs, 0.5)))), p90: round(median(runs.map((r) => quantile(r.frequentMs, 0.9)))) },
  corrected: runs[0].corrected,
  results: fingerprints.size === 1 ? runs[0].results : [...fingerprints],
  machine: machine(),
};
if (values.json) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  console.log(`Misspelt-form search over ${result.words} misspelt words (compiled, tables built, code warm), medians over ${RUNS} fresh processes`);
  console.log(`form search: total ${result.totalMs} ms; per word p50 ${result.perWord.p50}, p90 ${result.perWord.p90}, max ${result.perWord.max}; ${result.corrected} corrected`);
  const f = result.frequentWordSearch;
  console.log(`frequent-word search (the same words): total ${f.totalMs} ms; per word p50 ${f.p50}, p90 ${f.p90}`);
  console.log(`results ${result.results}`);
  console.log(`${result.machine.cpus} CPU(s), Node ${process.version}`);
}
