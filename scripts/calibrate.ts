/**
 * Fits the answer/abstain model of src/search/confidence.ts and writes it to
 * src/search/confidenceModel.ts.
 *   npm run calibrate [-- --bench ../shared/bench] [--dry-run]
 *
 * Calibration data, none of which gates: TyDi QA's tuning lines (1-5771) over the
 * passages with half of the gold passages removed (questions whose passage is gone are
 * the ones to abstain on), and the questions on the second test article
 * (tests/fixtures/second-article), which has chat-style, English and near-topic
 * questions TyDi lacks. Each set weighs the same in the fit whatever its size.
 *
 * The model is a logistic regression over the signals (L2-regularised, fitted by
 * gradient descent). Thresholds: `unsureAt` is the lowest confidence that keeps false
 * abstentions at or under 5% on each calibration set; `answerAt`, above it, is where
 * nine in ten of the calibration questions at that confidence are answerable.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { analyzerFor } from '../src/search/loadEngine.js';
import { SearchEngine } from '../src/search/engine.js';
import { SIGNAL_NAMES, confidenceOf, type ConfidenceModel, type Signals } from '../src/search/confidence.js';
import { PACKAGE_ROOT } from '../src/config/paths.js';
import { readJsonl, readTydi, TYDI_TUNE_LINES, withoutHalf, type ArticleQuestion } from './eval/data.js';

const { values } = parseArgs({ options: { bench: { type: 'string', default: '../shared/bench' }, 'dry-run': { type: 'boolean', default: false } } });

interface Sample {
  set: string;
  signals: Signals;
  answerable: boolean;
}

function tydiSamples(): Sample[] {
  const { corpus, questions } = readTydi(values.bench!);
  const half = withoutHalf(corpus);
  const engine = new SearchEngine(half.corpus, { analyzer: analyzerFor(half.corpus) });
  return questions
    .filter((q) => q.line <= TYDI_TUNE_LINES)
    .flatMap((q) => {
      const top = engine.search(q.question, { limit: 1, noAbstain: true }).results[0];
      return top ? [{ set: 'tydi', signals: top.signals, answerable: !half.removed.has(q.passage_id) }] : [];
    });
}

function articleSamples(dir: string, questionsFile: string, set: string): Sample[] {
  const corpus = loadCorpus(dir);
  const engine = new SearchEngine(corpus, { analyzer: analyzerFor(corpus) });
  return readJsonl<ArticleQuestion>(questionsFile).flatMap((q) => {
    const top = engine.search(q.q, { limit: 1, noAbstain: true }).results[0];
    return top ? [{ set, signals: top.signals, answerable: q.gold.length > 0 }] : [];
  });
}

/** Weighted L2-regularised logistic regression by full-batch gradient descent. */
function fit(samples: Sample[], weightOf: (s: Sample) => number): Pick<ConfidenceModel, 'bias' | 'weights'> {
  const names = SIGNAL_NAMES;
  const w = new Float64Array(names.length);
  let bias = 0;
  const lambda = 1e-3;
  const rate = 0.5;
  let totalWeight = 0;
  for (const s of samples) totalWeight += weightOf(s);
  for (let iteration = 0; iteration < 4000; iteration++) {
    const grad = new Float64Array(names.length);
    let gradBias = 0;
    for (const s of samples) {
      let z = bias;
      names.forEach((n, i) => (z += w[i]! * s.signals[n]));
      const p = 1 / (1 + Math.exp(-z));
      const error = (p - (s.answerable ? 1 : 0)) * weightOf(s);
      gradBias += error;
      names.forEach((n, i) => (grad[i]! += error * s.signals[n]));
    }
    bias -= (rate * gradBias) / totalWeight;
    names.forEach((_, i) => (w[i]! -= rate * (grad[i]! / totalWeight + lambda * w[i]!)));
  }
  return { bias: round(bias), weights: Object.fromEntries(names.map((n, i) => [n, round(w[i]!)])) as ConfidenceModel['weights'] };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function thresholds(samples: Sample[], model: Pick<ConfidenceModel, 'bias' | 'weights'>): { unsureAt: number; answerAt: number } {
  const full = { ...model, answerAt: 0, unsureAt: 0 };
  const scored = samples.map((s) => ({ ...s, p: confidenceOf(s.signals, full) }));
  const sets = [...new Set(samples.map((s) => s.set))];
  // The highest threshold that keeps false abstentions <= 5% on every set.
  let unsureAt = 1;
  for (const set of sets) {
    const answerable = scored.filter((s) => s.set === set && s.answerable).map((s) => s.p).sort((a, b) => a - b);
    const allowed = Math.floor(answerable.length * 0.05);
    unsureAt = Math.min(unsureAt, answerable[allowed] ?? 0);
  }
  // answerAt: the lowest confidence above which 90% of questions (set-weighted) are answerable.
  let answerAt = unsureAt;
  for (let t = unsureAt; t <= 0.99; t += 0.01) {
    const above = scored.filter((s) => s.p >= t);
    let yes = 0;
    let all = 0;
    for (const set of sets) {
      const inSet = above.filter((s) => s.set === set);
      const n = scored.filter((s) => s.set === set).length;
      yes += inSet.filter((s) => s.answerable).length / n;
      all += inSet.length / n;
    }
    if (all > 0 && yes / all >= 0.9) {
      answerAt = t;
      break;
    }
  }
  return { unsureAt: round(unsureAt - 1e-4), answerAt: round(Math.max(answerAt, unsureAt)) };
}

function report(samples: Sample[], model: ConfidenceModel): void {
  for (const set of [...new Set(samples.map((s) => s.set))]) {
    const inSet = samples.filter((s) => s.set === set);
    const answerable = inSet.filter((s) => s.answerable);
    const outOfScope = inSet.filter((s) => !s.answerable);
    const p = (s: Sample) => confidenceOf(s.signals, model);
    const falseAbstain = answerable.filter((s) => p(s) < model.unsureAt).length / answerable.length;
    const abstain = outOfScope.filter((s) => p(s) < model.unsureAt).length / Math.max(1, outOfScope.length);
    const unsure = inSet.filter((s) => p(s) >= model.unsureAt && p(s) < model.answerAt).length / inSet.length;
    console.log(`${set.padEnd(8)} n=${inSet.length} false-abstain=${falseAbstain.toFixed(3)} abstain-on-out-of-scope=${abstain.toFixed(3)} unsure=${unsure.toFixed(3)}`);
  }
}

const samples = [
  ...tydiSamples(),
  ...articleSamples(join(PACKAGE_ROOT, 'tests/fixtures/second-article'), join(PACKAGE_ROOT, 'tests/fixtures/second-article/questions.jsonl'), 'second'),
  ...articleSamples(join(PACKAGE_ROOT, 'tests/fixtures/third-article'), join(PACKAGE_ROOT, 'tests/fixtures/third-article/questions.jsonl'), 'third'),
];
const counts = new Map<string, number>();
for (const s of samples) counts.set(`${s.set}:${s.answerable}`, (counts.get(`${s.set}:${s.answerable}`) ?? 0) + 1);
// Each set, and each class within it, weighs the same in the fit.
const weightOf = (s: Sample) => 1 / counts.get(`${s.set}:${s.answerable}`)!;
const fitted = fit(samples, weightOf);
const model: ConfidenceModel = { ...fitted, ...thresholds(samples, fitted) };
console.log(JSON.stringify(model));
report(samples, model);

if (!values['dry-run']) {
  const file = join(PACKAGE_ROOT, 'src/search/confidenceModel.ts');
  writeFileSync(
    file,
    `// Written by \`npm run calibrate\` (scripts/calibrate.ts): do not edit by hand.\nimport type { ConfidenceModel } from './confidence.js';\n\nexport const CALIBRATED_MODEL: ConfidenceModel = ${JSON.stringify(model, null, 2).replace(/"(\w+)":/g, '$1:')};\n`,
  );
  console.log(`wrote ${file}`);
}
