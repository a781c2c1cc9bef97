/**
 * Fits the answer/abstain model of src/search/confidence.ts and writes it to
 * src/search/confidenceModel.ts.
 *   npm run calibrate [-- --bench ../shared/bench] [--dry-run] [--drop SIGNAL,...] [--tuning JSON] [--analyzer JSON] [--out FILE]
 *
 * Calibration data, none of which gates: TyDi QA's tuning lines (1-5771) over the
 * passages with half of the gold passages removed (questions whose passage is gone are
 * the ones to abstain on), and the questions on the second and third test articles
 * (tests/fixtures), which have chat-style, English and near-topic questions TyDi lacks.
 * Each set, and each class within a set, weighs the same in the fit whatever its size.
 *
 * The model is a logistic regression over the signals of the top paragraph, with a
 * second set of weights for small corpora (see confidence.ts), fitted by projected
 * gradient descent on standardised signals with each signal's direction fixed (SIGN). Thresholds: `unsureAt` is the highest
 * confidence that keeps false abstentions at or under 5% on every calibration set;
 * `answerAt`, above it, is where nine in ten of the questions at or above it are
 * answerable. For ablations: `--drop` fits without the named signals, `--tuning` and
 * `--analyzer` change the engine, `--out` writes the model elsewhere (see eval --model).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/config/paths.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { SIGNAL_NAMES, confidenceOf, thresholdFor, type ConfidenceModel, type SignalName, type Signals } from '../src/search/confidence.js';
import { aliasGroupsOf } from '../src/analysis/aliases.js';
import { Analyzer, type AnalyzerOptions } from '../src/analysis/analyzer.js';
import type { Corpus } from '../src/corpus/types.js';
import { SearchEngine, type Tuning } from '../src/search/engine.js';
import { CALIBRATION_ARTICLES, readJsonl, readTydi, TYDI_TUNE_LINES, withoutHalf, type ArticleQuestion } from './eval/data.js';

const { values } = parseArgs({
  options: {
    bench: { type: 'string', default: join(PACKAGE_ROOT, '../shared/bench') },
    'dry-run': { type: 'boolean', default: false },
    drop: { type: 'string' },
    tuning: { type: 'string' },
    analyzer: { type: 'string' },
    out: { type: 'string' },
  },
});
const tuning = values.tuning ? (JSON.parse(values.tuning) as Partial<Tuning>) : undefined;
const analyzerOptions = values.analyzer ? (JSON.parse(values.analyzer) as AnalyzerOptions) : {};
const engineFor = (corpus: Corpus) =>
  new SearchEngine(corpus, { analyzer: new Analyzer({ ...analyzerOptions, extraAliases: aliasGroupsOf(corpus.articles.flatMap((a) => a.aliases ?? [])) }), tuning });
const dropped = new Set((values.drop ?? '').split(',').filter(Boolean) as SignalName[]);
for (const name of dropped) if (!SIGNAL_NAMES.includes(name)) throw new Error(`unknown signal "${name}" (known: ${SIGNAL_NAMES.join(', ')})`);
const names = SIGNAL_NAMES.filter((n) => !dropped.has(n));

interface Sample {
  set: string;
  signals: Signals;
  small: number;
  answerable: boolean;
}

function samplesOf(engine: SearchEngine, set: string, questions: { text: string; answerable: boolean }[]): Sample[] {
  return questions.flatMap((q) => {
    const top = engine.search(q.text, { limit: 1, noAbstain: true }).results[0];
    // No paragraph at all: the engine abstains whatever the model says.
    return top ? [{ set, signals: top.signals, small: engine.smallness, answerable: q.answerable }] : [];
  });
}

function tydiSamples(): Sample[] {
  const { corpus, questions } = readTydi(values.bench!);
  const half = withoutHalf(corpus);
  const engine = engineFor(half.corpus);
  const tune = questions.filter((q) => q.line <= TYDI_TUNE_LINES);
  return samplesOf(engine, 'tydi', tune.map((q) => ({ text: q.question, answerable: !half.removed.has(q.passage_id) })));
}

function articleSamples(fixture: string): Sample[] {
  const dir = join(PACKAGE_ROOT, 'tests/fixtures', fixture);
  const corpus = loadCorpus(dir);
  const engine = engineFor(corpus);
  const questions = readJsonl<ArticleQuestion>(join(dir, 'questions.jsonl'));
  return samplesOf(engine, fixture, questions.map((q) => ({ text: q.q, answerable: q.gold.length > 0 })));
}

/**
 * The direction each signal may push the confidence: more coverage never lowers it, a
 * name no paragraph has never raises it. The fit keeps every weight (for large corpora,
 * and large plus small for small ones) on its side, so a quirk of the calibration sets
 * cannot turn a signal around.
 */
const SIGN: Record<SignalName, 1 | -1> = {
  coverage: 1,
  specCoverage: 1,
  unseenSpecific: -1,
  unseenOrdinary: -1,
  unseenTopic: -1,
  focusUnseen: -1,
  focusMissing: -1,
  typeMissing: -1,
  typeFound: 1,
  margin: 1,
  normScore: 1,
  sentenceCoverage: 1,
  termShare: 1,
  evidence: 1,
  loneMatch: -1,
};

/**
 * A prior the calibration sets are too small to teach: a name or topic word that no
 * paragraph has is evidence of another topic ("Siapa presiden Indonesia sekarang?" asked
 * of an article on Russia), so for small corpora its raw weight is at least this strongly
 * negative. The article sets hold few such questions, and answerable ones often carry a
 * word the lexicon misses, which alone would leave the weight near zero. (In thousands of
 * paragraphs a missing name is often a spelling the passages do not use, so large
 * corpora keep the fitted weight.) The same holds, more weakly, for a focus word no
 * paragraph has ("umur" of "Berapa umur X?"): the articles name the thing but never that
 * attribute of it. Its fitted weight swung from -0.1 to -2.1 between refits that changed
 * only how typos are read, so the sets cannot teach it; at least 1 keeps it from vanishing.
 */
const AT_LEAST: Partial<Record<SignalName, number>> = { unseenTopic: 2, focusUnseen: 1 };

/**
 * Weighted, L2-regularised logistic regression on standardised signals, by projected
 * gradient descent (the projection keeps the signs of SIGN). Returns raw weights laid out
 * as [large weights..., small bias, small weights...] and the bias.
 */
function fit(samples: Sample[], weightOf: (s: Sample) => number, l2 = 0.01, iterations = 4000, rate = 0.5): { w: number[]; b: number } {
  const k = names.length;
  const X = samples.map((s) => names.map((n) => s.signals[n]));
  const mu = names.map((_, j) => X.reduce((a, x) => a + x[j]!, 0) / X.length);
  const sd = names.map((_, j) => Math.sqrt(X.reduce((a, x) => a + (x[j]! - mu[j]!) ** 2, 0) / X.length) || 1);
  const Z = X.map((x) => x.map((v, j) => (v - mu[j]!) / sd[j]!));
  const y = samples.map((s) => (s.answerable ? 1 : 0));
  const small = samples.map((s) => s.small);
  const sw = samples.map(weightOf);
  const total = sw.reduce((a, b) => a + b, 0);
  const sign = names.map((n) => SIGN[n]);
  // AT_LEAST on raw weights, in standardised units.
  const floor = names.map((n, j) => (AT_LEAST[n] ?? 0) * sd[j]!);
  const W = new Array<number>(k).fill(0); // large corpora
  const V = new Array<number>(k).fill(0); // added for small ones
  let b = 0;
  let c = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const gW = new Array<number>(k).fill(0);
    const gV = new Array<number>(k).fill(0);
    let gb = 0;
    let gc = 0;
    Z.forEach((z, i) => {
      let u = b + c * small[i]!;
      for (let j = 0; j < k; j++) u += (W[j]! + V[j]! * small[i]!) * z[j]!;
      const e = ((1 / (1 + Math.exp(-u)) - y[i]!) * sw[i]!) / total;
      gb += e;
      gc += e * small[i]!;
      for (let j = 0; j < k; j++) {
        gW[j]! += e * z[j]!;
        gV[j]! += e * small[i]! * z[j]!;
      }
    });
    b -= rate * gb;
    c -= rate * gc;
    for (let j = 0; j < k; j++) {
      W[j]! -= rate * (gW[j]! + l2 * W[j]!);
      V[j]! -= rate * (gV[j]! + l2 * V[j]!);
      if (W[j]! * sign[j]! < 0) W[j] = 0;
      if ((W[j]! + V[j]!) * sign[j]! < floor[j]!) V[j] = sign[j]! * floor[j]! - W[j]!;
    }
  }
  // Undo the standardisation.
  const raw = (weights: number[]) => weights.map((w, j) => w / sd[j]!);
  const shift = (weights: number[]) => weights.reduce((a, w, j) => a + (w * mu[j]!) / sd[j]!, 0);
  return { w: [...raw(W), c - shift(V), ...raw(V)], b: b - shift(W) };
}

const round = (x: number) => Math.round(x * 10000) / 10000;

function toModel({ w, b }: { w: number[]; b: number }): Omit<ConfidenceModel, 'answerAt' | 'unsureAt'> {
  const k = names.length;
  const weight = (offset: number) => Object.fromEntries(SIGNAL_NAMES.map((n) => [n, names.includes(n) ? round(w[offset + names.indexOf(n)]!) : 0])) as Record<SignalName, number>;
  return { bias: round(b), weights: weight(0), smallBias: round(w[k]!), smallWeights: weight(k + 1) };
}

/**
 * Thresholds for each regime, on its own calibration sets: `unsureAt` is the highest
 * confidence that keeps false abstentions at or under MAX_FALSE_ABSTAIN on every set of
 * the regime; `answerAt`, above it, the lowest where nine in ten questions at or above it
 * are answerable (sets weighed equally).
 */
const MAX_FALSE_ABSTAIN = { large: 0.05, small: 0.06 };

function thresholds(samples: Sample[], model: Omit<ConfidenceModel, 'answerAt' | 'unsureAt'>): Pick<ConfidenceModel, 'answerAt' | 'unsureAt'> {
  const probe: ConfidenceModel = { ...model, answerAt: { large: 0, small: 0 }, unsureAt: { large: 0, small: 0 } };
  const scored = samples.map((s) => ({ ...s, p: confidenceOf(s.signals, s.small, probe) }));
  const regime = (large: boolean) => {
    const inRegime = scored.filter((s) => (s.small < 0.5) === large);
    const sets = [...new Set(inRegime.map((s) => s.set))];
    let unsureAt = 1;
    for (const set of sets) {
      const answerable = inRegime.filter((s) => s.set === set && s.answerable).map((s) => s.p).sort((a, b) => a - b);
      unsureAt = Math.min(unsureAt, answerable[Math.floor(answerable.length * MAX_FALSE_ABSTAIN[large ? 'large' : 'small'])] ?? 0);
    }
    let answerAt = unsureAt;
    for (let t = Math.ceil(unsureAt * 100) / 100; t <= 0.99; t += 0.01) {
      let yes = 0;
      let all = 0;
      for (const set of sets) {
        const inSet = inRegime.filter((s) => s.set === set);
        const above = inSet.filter((s) => s.p >= t);
        yes += above.filter((s) => s.answerable).length / inSet.length;
        all += above.length / inSet.length;
      }
      if (all > 0 && yes / all >= 0.9) {
        answerAt = t;
        break;
      }
    }
    return { unsureAt: round(Math.max(0, unsureAt - 1e-4)), answerAt: round(Math.max(answerAt, unsureAt)) };
  };
  const large = regime(true);
  const small = regime(false);
  return { unsureAt: { large: large.unsureAt, small: small.unsureAt }, answerAt: { large: large.answerAt, small: small.answerAt } };
}

function report(samples: Sample[], model: ConfidenceModel): void {
  for (const set of [...new Set(samples.map((s) => s.set))]) {
    const inSet = samples.filter((s) => s.set === set);
    const p = (s: Sample) => confidenceOf(s.signals, s.small, model);
    const unsureAt = (s: Sample) => thresholdFor(model.unsureAt, s.small);
    const answerAt = (s: Sample) => thresholdFor(model.answerAt, s.small);
    const answerable = inSet.filter((s) => s.answerable);
    const outOfScope = inSet.filter((s) => !s.answerable);
    const falseAbstain = answerable.filter((s) => p(s) < unsureAt(s)).length / answerable.length;
    const abstain = outOfScope.filter((s) => p(s) < unsureAt(s)).length / Math.max(1, outOfScope.length);
    const unsure = inSet.filter((s) => p(s) >= unsureAt(s) && p(s) < answerAt(s)).length / inSet.length;
    console.log(`${set.padEnd(15)} n=${String(inSet.length).padEnd(5)} false-abstain=${falseAbstain.toFixed(3)} abstain-on-unanswerable=${abstain.toFixed(3)} unsure=${unsure.toFixed(3)}`);
  }
}

const samples = [...tydiSamples(), ...CALIBRATION_ARTICLES.flatMap(articleSamples)];
const counts = new Map<string, number>();
for (const s of samples) counts.set(`${s.set}:${s.answerable}`, (counts.get(`${s.set}:${s.answerable}`) ?? 0) + 1);
const fitted = toModel(fit(samples, (s) => 1 / counts.get(`${s.set}:${s.answerable}`)!));
const model: ConfidenceModel = { ...fitted, ...thresholds(samples, fitted) };
report(samples, model);
if (values['dry-run']) console.log(JSON.stringify(model));
else {
  const file = values.out ?? join(PACKAGE_ROOT, 'src/search/confidenceModel.ts');
  writeFileSync(
    file,
    `// Written by \`npm run calibrate\` (scripts/calibrate.ts): do not edit by hand.\nimport type { ConfidenceModel } from './confidence.js';\n\nexport const CALIBRATED_MODEL: ConfidenceModel = ${JSON.stringify(model, null, 2).replace(/"(\w+)":/g, '$1:')};\n`,
  );
  console.log(`wrote ${file}`);
}
