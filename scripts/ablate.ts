/**
 * What each resource and rule changes: every ablation turns one thing off, recalibrates
 * the answer/abstain model for it (so the comparison is fair), and runs `npm run eval`.
 * Curated-matching ablations change nothing the model sees, so they skip the recalibration.
 *   npm run ablate [-- --only NAME,...] [--json]
 * About five minutes per row on these machines (an hour in all). Prints one Markdown table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../src/config/paths.js';
import { CALIBRATION_ARTICLES } from './eval/data.js';

interface Ablation {
  name: string;
  what: string;
  analyzer?: object;
  tuning?: object;
  drop?: string;
  curated?: object;
}

const ABLATIONS: Ablation[] = [
  { name: 'full', what: 'everything on' },
  { name: 'no-informal', what: 'informal Indonesian table and rules off', analyzer: { informal: false } },
  { name: 'no-english', what: 'English through FreeDict (and WordNet) off', analyzer: { english: false } },
  { name: 'no-pivots', what: 'English translations through Finnish, Greek and Polish (two agreeing) off', analyzer: { englishPivots: false } },
  { name: 'no-wordnet', what: "WordNet's related headwords for English words FreeDict lacks off", analyzer: { englishRelated: false } },
  { name: 'no-loanwords', what: 'English words not respelt as Indonesian loanwords (ballistic, balistik; score, skor)', analyzer: { loanwords: false } },
  { name: 'no-affixed-english', what: 'English words under Indonesian affixes (hackernya, dibackup) read as names, not as the English word', analyzer: { affixedEnglish: false } },
  { name: 'no-abbreviations', what: 'vowelless chat abbreviations (dpt, mksd) not read as the common word', analyzer: { abbreviations: false } },
  { name: 'no-capitals', what: 'capitals not read as their countries (Moskow, Rusia)', analyzer: { capitals: false } },
  { name: 'no-spelling', what: 'misspelt common words (terakhr, signifkan) not read as the word they misspell', analyzer: { spelling: false } },
  { name: 'no-form-spelling', what: 'misspelt affixed or informal forms the frequency list lacks (diasnksi, dibgiin) not read as the form they misspell', analyzer: { formSpelling: false } },
  { name: 'light-stemmer', what: 'ECS on hunspell-id roots replaced by the light Orama stemmer', analyzer: { stemmer: 'light' } },
  { name: 'no-fallback', what: 'no stemmer for words without a root (instead of the light one)', analyzer: { fallbackStemmer: 'none' } },
  { name: 'tala-stopwords', what: "Tala's 758-word stopword list instead of Lucene's", analyzer: { stopwords: 'tala' } },
  { name: 'no-thesaurus', what: 'mythes-id synonyms for unseen words off', tuning: { thesaurusWeight: 0 } },
  { name: 'no-specificity', what: 'word frequency (FrequencyWords) out of ranking', tuning: { specificityWeight: 0 } },
  { name: 'no-lead', what: "no bonus for a paragraph opening with the question's term", tuning: { leadWeight: 0 } },
  { name: 'no-proximity', what: 'no bonus for neighbouring question words found together', tuning: { proximityWeight: 0 } },
  { name: 'no-answer-type', what: 'answer-type cues out of ranking and of the decision', tuning: { answerTypeWeight: 0 }, drop: 'typeMissing,typeFound' },
  { name: 'no-focus', what: 'focus words (Berapa umur X?, keyword queries) read as phrasing, and their two signals out', tuning: { focusWords: false }, drop: 'focusUnseen,focusMissing' },
  { name: 'no-focus-signals', what: 'focus words count in coverage, but their two signals are out of the decision', drop: 'focusUnseen,focusMissing' },
  { name: 'no-lone-match', what: 'no signal for a single term in common with a question of several', drop: 'loneMatch' },
  { name: 'no-frequency-signals', what: 'specificity-based signals out of the decision', drop: 'specCoverage,unseenSpecific' },
  { name: 'no-frame-words', what: 'curated: frame nouns (lokasi, penyebab, maksudnya) and classifiers after berapa weigh as words', curated: { frameWords: false } },
  { name: 'no-substitution', what: 'curated: no penalty for a word in place of the entry\'s', curated: { substitutionPenalty: 0 } },
  { name: 'english-substitution-full', what: 'curated: an English word in place of the entry\'s counts in full as a substitution (stop 29 counts it at 0.3)', curated: { englishSubstitution: 1 } },
  { name: 'no-full-translations', what: 'curated: an English word\'s translation counts at the article search\'s factor (0.85), not as the word itself', curated: { fullTranslations: false } },
  { name: 'no-full-corrections', what: 'curated: a misspelt word\'s spelling correction counts at the article search\'s factor (0.8), not as the word itself', curated: { fullCorrections: false } },
  { name: 'no-same-type-relief', what: 'curated: a fully explained question of the same type must still mention 0.6 of the phrasing', curated: { sameTypeRelief: false } },
  { name: 'coverage-only', what: 'the decision on coverage alone', drop: 'specCoverage,unseenSpecific,unseenOrdinary,unseenTopic,focusUnseen,focusMissing,typeMissing,typeFound,margin,normScore,sentenceCoverage,termShare,evidence,loneMatch' },
];

/** The test articles the model is calibrated on ("own" columns), and their curated sets in npm run eval. */
const OWN_ARTICLES = CALIBRATION_ARTICLES;
const OWN_CURATED = CALIBRATION_ARTICLES.map((name) => `curated-${name.replace(/-article$/, '')}`);

const { values } = parseArgs({ options: { only: { type: 'string' }, json: { type: 'boolean', default: false } } });
const only = values.only ? new Set(values.only.split(',')) : undefined;
const work = mkdtempSync(join(tmpdir(), 'ablate-'));
const rows: Record<string, unknown>[] = [];
try {
  for (const ablation of ABLATIONS.filter((a) => !only || only.has(a.name))) {
    const common = [...(ablation.analyzer ? ['--analyzer', JSON.stringify(ablation.analyzer)] : []), ...(ablation.tuning ? ['--tuning', JSON.stringify(ablation.tuning)] : [])];
    const modelArgs: string[] = [];
    if (common.length || ablation.drop) {
      const model = join(work, `${ablation.name}.ts`);
      execFileSync('npx', ['tsx', 'scripts/calibrate.ts', ...common, ...(ablation.drop ? ['--drop', ablation.drop] : []), '--out', model], { cwd: PACKAGE_ROOT, stdio: 'ignore' });
      // The written model imports its type from the source tree.
      writeFileSync(model, readModel(model));
      modelArgs.push('--model', model);
    }
    const curated = ablation.curated ? ['--curated', JSON.stringify(ablation.curated)] : [];
    const out = execFileSync('npx', ['tsx', 'scripts/eval.ts', '--json', ...common, ...curated, ...modelArgs], { cwd: PACKAGE_ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    const r = JSON.parse(out) as EvalResult;
    const dev = r.articles['article-dev']!;
    const t = r.tydi!;
    rows.push({
      name: ablation.name,
      what: ablation.what,
      devR1: dev.r1,
      devFalseAbstain: dev.falseAbstain,
      devAbstain: dev.abstain,
      ownR1: avg(OWN_ARTICLES.map((name) => r.articles[name]!.r1)),
      curatedRecall: r.curated['curated-dev']!.recall,
      curatedFalse: r.curated['curated-dev']!.falseMatch,
      ownCuratedRecall: avg(OWN_CURATED.map((name) => r.curated[name]!.recall)),
      ownCuratedFalse: avg(OWN_CURATED.map((name) => r.curated[name]!.falseMatch)),
      curatedMisspeltRecall: r.curatedMisspelt['curated-dev']!.typed.recall,
      tydiR1: t.all.r1,
      halfFalseAbstain: t.halfTest.falseAbstain,
      halfAbstain: t.halfTest.abstainGone,
    });
    if (!values.json) console.error(`done: ${ablation.name}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

interface EvalResult {
  articles: Record<string, { r1: number; falseAbstain: number; abstain: number }>;
  curated: Record<string, { recall: number; falseMatch: number }>;
  curatedMisspelt: Record<string, { typed: { recall: number } }>;
  tydi?: { all: { r1: number }; halfTest: { falseAbstain: number; abstainGone: number } };
}

function avg(xs: number[]): number {
  return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000;
}

function readModel(file: string): string {
  return readFileSync(file, 'utf8').replace("from './confidence.js'", `from '${join(PACKAGE_ROOT, 'src/search/confidence.ts')}'`);
}

if (values.json) console.log(JSON.stringify(rows));
else {
  const f = (x: unknown) => (typeof x === 'number' ? x.toFixed(3) : String(x));
  console.log('| ablation | what | article-dev R@1 | false abstain | abstain (oos) | own articles R@1 | curated-dev recall | false | own curated recall | false | curated-dev misspelt recall | TyDi R@1 | half test false abstain | half test abstain (gone) |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const figures = [r.devR1, r.devFalseAbstain, r.devAbstain, r.ownR1, r.curatedRecall, r.curatedFalse, r.ownCuratedRecall, r.ownCuratedFalse, r.curatedMisspeltRecall, r.tydiR1, r.halfFalseAbstain, r.halfAbstain];
    console.log(`| ${r.name} | ${r.what} | ${figures.map(f).join(' | ')} |`);
  }
}
