/**
 * One evaluation command for every quality figure of the README.
 *   npm run eval [-- --json] [--skip-tydi] [--gates] [--bench DIR] [--analyzer JSON] [--tuning JSON] [--curated JSON] [--model FILE]
 *
 * Article sets (R@1 on answerable questions, false abstentions, abstentions on
 * out-of-scope questions, by kind): the shared article-dev and dev sets and this
 * project's held-out questions on the bundled article, and the questions on the second
 * test article. Server articles: test articles added as a server's (/article add) and
 * searched together with the bundled corpus, as /ask in that server does. Curated answers: share of paraphrases that get their entry, and of
 * near-misses that wrongly get it. TyDi QA Indonesian with abstention on: tuning lines
 * (1-5771) and test lines (5772-6194); and with half of the gold passages removed.
 * `--gates` exits 1 when a figure is below the level CI holds (GATES below).
 * `--analyzer`, `--tuning` and `--curated` pass options for ablations (see AnalyzerOptions,
 * Tuning, CuratedIndexOptions).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { aliasGroupsOf } from '../src/analysis/aliases.js';
import { Analyzer, type AnalyzerOptions } from '../src/analysis/analyzer.js';
import { PACKAGE_ROOT } from '../src/config/paths.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import type { Corpus } from '../src/corpus/types.js';
import type { CuratedIndexOptions } from '../src/curated/curatedIndex.js';
import type { ConfidenceModel } from '../src/search/confidence.js';
import { SearchEngine, type Tuning } from '../src/search/engine.js';
import { scoreCurated, type CuratedScore } from './eval/curated.js';
import { scoreServerArticles } from './eval/serverArticles.js';
import { readJsonl, readTydi, TYDI_TUNE_LINES, withoutHalf, type ArticleQuestion, type CuratedCase } from './eval/data.js';
import { misspelt, misspeltCurated } from './eval/misspell.js';
import { scoreArticleSet, scoreHalf, scoreTydi, type ArticleScore } from './eval/score.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'skip-tydi': { type: 'boolean', default: false },
    gates: { type: 'boolean', default: false },
    bench: { type: 'string', default: join(PACKAGE_ROOT, '../shared/bench') },
    shared: { type: 'string', default: join(PACKAGE_ROOT, '../shared/eval') },
    analyzer: { type: 'string' },
    tuning: { type: 'string' },
    curated: { type: 'string' },
    model: { type: 'string' },
  },
});
const analyzerOptions = values.analyzer ? (JSON.parse(values.analyzer) as AnalyzerOptions) : {};
const tuning = values.tuning ? (JSON.parse(values.tuning) as Partial<Tuning>) : undefined;
const curatedOptions = values.curated ? (JSON.parse(values.curated) as CuratedIndexOptions) : {};
// An ablation's model, written by `npm run calibrate -- --out FILE`.
const model = values.model ? ((await import(pathToFileURL(resolve(values.model)).href)) as { CALIBRATED_MODEL: ConfidenceModel }).CALIBRATED_MODEL : undefined;

/** The levels CI holds: what was reached (README "Quality"), minus a small margin. */
export const GATES = {
  'article-dev': { r1: 0.84, falseAbstain: 0.06, abstain: 0.78 },
  curated: { recall: 0.64, falseMatch: 0.03 },
  tydi: { r1: 0.615 },
};

function engineFor(corpus: Corpus): SearchEngine {
  const analyzer = new Analyzer({ ...analyzerOptions, extraAliases: aliasGroupsOf(corpus.articles.flatMap((a) => a.aliases ?? [])) });
  return new SearchEngine(corpus, { analyzer, tuning, model });
}

const bundled = loadCorpus(join(PACKAGE_ROOT, 'corpus'));
const bundledEngine = engineFor(bundled);
/** The test articles (tests/fixtures/<name>-article): their questions, and their curated answers as `curated-<name>`. */
const testArticles = [
  { name: 'second', note: 'second test article (calibration)' },
  { name: 'third', note: 'third test article (calibration)' },
  { name: 'fourth', note: 'fourth test article (calibration)' },
  { name: 'fifth', note: 'fifth test article, in no fit' },
  { name: 'sixth', note: 'sixth test article, in no fit (its curated misses and answered out-of-scope questions read in stops 20-21)' },
  { name: 'seventh', note: 'seventh test article, in no fit, never looked into (but for two misspelt misses, stop 25)' },
].map(({ name, note }) => {
  const dir = join(PACKAGE_ROOT, `tests/fixtures/${name}-article`);
  const corpus = loadCorpus(dir);
  return { name, note, dir, corpus, engine: engineFor(corpus), curatedCases: readJsonl<CuratedCase>(join(dir, 'curated.jsonl')) };
});

const articleSets: { name: string; file: string; engine: SearchEngine; note: string }[] = [
  { name: 'article-dev', file: join(values.shared!, 'article-dev.jsonl'), engine: bundledEngine, note: 'shared, bundled article' },
  { name: 'dev', file: join(values.shared!, 'dev.jsonl'), engine: bundledEngine, note: 'shared (older), bundled article' },
  { name: 'article-heldout', file: join(PACKAGE_ROOT, 'scripts/article-heldout.jsonl'), engine: bundledEngine, note: "this project's, bundled article" },
  { name: 'article-casual', file: join(PACKAGE_ROOT, 'scripts/article-heldout-casual.jsonl'), engine: bundledEngine, note: "this project's, chat-style, bundled article" },
  ...testArticles.map((t) => ({ name: `${t.name}-article`, file: join(t.dir, 'questions.jsonl'), engine: t.engine, note: t.note })),
];
const readQuestions = (file: string) => readJsonl<ArticleQuestion & { lang?: string }>(file).map((q) => ({ ...q, kind: q.kind ?? 'other' }));
const articles: Record<string, ArticleScore & { note: string }> = {};
// The same answerable questions with one word misspelt: typing robustness (see eval/misspell.ts).
// Not for the older dev set, whose questions article-dev's already cover on the same article.
const misspeltSets: Record<string, ArticleScore & { note: string }> = {};
for (const set of articleSets) {
  const questions = readQuestions(set.file);
  articles[set.name] = { ...scoreArticleSet(set.engine, questions), note: set.note };
  if (set.name === 'dev') continue;
  const typed = misspelt(questions);
  misspeltSets[set.name] = { ...scoreArticleSet(set.engine, typed), note: `${typed.length} questions, one word misspelt` };
}

const serverArticles = await scoreServerArticles(
  bundledEngine,
  [
    { name: 'server-article', article: loadCorpus(join(PACKAGE_ROOT, 'tests/fixtures/server-article')).articles[0]!, questions: readQuestions(join(PACKAGE_ROOT, 'tests/fixtures/server-article/questions.jsonl')), note: 'the /article tests\' article, as a server\'s' },
    { name: 'second-article (server)', article: testArticles[0]!.corpus.articles[0]!, questions: readQuestions(join(PACKAGE_ROOT, 'tests/fixtures/second-article/questions.jsonl')), note: 'second test article, as a server\'s' },
  ],
  readQuestions(join(values.shared!, 'article-dev.jsonl')),
);

const curatedSets = [
  { name: 'curated-dev', cases: readJsonl<CuratedCase>(join(values.shared!, 'curated-dev.jsonl')), engine: bundledEngine },
  ...testArticles.map((t) => ({ name: `curated-${t.name}`, cases: t.curatedCases, engine: t.engine })),
];
const curated: Record<string, CuratedScore> = Object.fromEntries(curatedSets.map((set) => [set.name, scoreCurated(set.cases, set.engine, curatedOptions)]));
// The same paraphrases and near-misses with one word misspelt (see eval/misspell.ts).
const curatedMisspelt: Record<string, { typed: CuratedScore; written: CuratedScore }> = Object.fromEntries(
  curatedSets.map((set) => {
    const { typed, written } = misspeltCurated(set.cases);
    return [set.name, { typed: scoreCurated(typed, set.engine, curatedOptions), written: scoreCurated(written, set.engine, curatedOptions) }];
  }),
);

// The same near-misses asked in English (tests/fixtures/<name>-article/curated-english-negatives.jsonl,
// translated from the Indonesian ones): English reads through dictionaries, so it may blur a difference.
const curatedEnglish: Record<string, Omit<CuratedScore, 'positives' | 'recall' | 'otherEntry'>> = Object.fromEntries(
  testArticles
    .filter((t) => existsSync(join(t.dir, 'curated-english-negatives.jsonl')))
    .map((t) => {
      const english = new Map(readJsonl<{ id: string; negatives: string[] }>(join(t.dir, 'curated-english-negatives.jsonl')).map((c) => [c.id, c.negatives]));
      const cases = t.curatedCases.map((c) => ({ ...c, positives: [], negatives: english.get(c.id) ?? [] }));
      const { positives: _p, recall: _r, otherEntry: _o, ...nearMisses } = scoreCurated(cases, t.engine, curatedOptions);
      return [`curated-${t.name}-english`, nearMisses];
    }),
);

let tydi: Record<string, unknown> | undefined;
if (!values['skip-tydi']) {
  const { corpus, questions } = readTydi(values.bench!);
  const full = engineFor(corpus);
  const half = withoutHalf(corpus);
  const halfEngine = engineFor(half.corpus);
  const tune = questions.filter((q) => q.line <= TYDI_TUNE_LINES);
  const test = questions.filter((q) => q.line > TYDI_TUNE_LINES);
  tydi = {
    all: scoreTydi(full, questions),
    tune: scoreTydi(full, tune),
    test: scoreTydi(full, test),
    halfTune: scoreHalf(halfEngine, tune, half.removed),
    halfTest: scoreHalf(halfEngine, test, half.removed),
  };
}

const result = { articles, misspelt: misspeltSets, serverArticles, curated, curatedMisspelt, curatedEnglish, tydi };
const failures: string[] = [];
if (values.gates) {
  const dev = articles['article-dev']!;
  const gate = GATES['article-dev'];
  if (dev.r1 < gate.r1) failures.push(`article-dev R@1 ${dev.r1} < ${gate.r1}`);
  if (dev.falseAbstain > gate.falseAbstain) failures.push(`article-dev false abstentions ${dev.falseAbstain} > ${gate.falseAbstain}`);
  if (dev.abstain < gate.abstain) failures.push(`article-dev abstentions on out-of-scope ${dev.abstain} < ${gate.abstain}`);
  const cur = curated['curated-dev']!;
  if (cur.recall < GATES.curated.recall) failures.push(`curated-dev recall ${cur.recall} < ${GATES.curated.recall}`);
  if (cur.falseMatch > GATES.curated.falseMatch) failures.push(`curated-dev false matches ${cur.falseMatch} > ${GATES.curated.falseMatch}`);
  const all = tydi?.all as { r1: number } | undefined;
  if (all && all.r1 < GATES.tydi.r1) failures.push(`TyDi R@1 ${all.r1} < ${GATES.tydi.r1}`);
}

if (values.json) console.log(JSON.stringify(result));
else printTables(result);
if (values.gates) {
  console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS: every gate holds');
  if (failures.length) process.exitCode = 1;
}

function printTables(r: typeof result): void {
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '-' : x.toFixed(3));
  console.log('Article sets (R@1 on answerable; false abstentions; abstentions on out-of-scope; "unsure" answers count as answered)\n');
  console.log('| set | answerable | out of scope | R@1 | R@3 | false abstain | abstain (oos) | unsure |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, s] of Object.entries(r.articles)) console.log(`| ${name} (${s.note}) | ${s.answerable} | ${s.outOfScope} | ${f(s.r1)} | ${f(s.r3)} | ${f(s.falseAbstain)} | ${f(s.abstain)} | ${f(s.unsure)} |`);
  console.log('\nBy kind (R@1 for answerable kinds, abstentions for out-of-scope):\n');
  console.log(`| kind | ${Object.keys(r.articles).join(' | ')} |`);
  console.log(`| --- |${Object.keys(r.articles).map(() => ' --- |').join('')}`);
  const kinds = [...new Set(Object.values(r.articles).flatMap((s) => s.byKind.map((k) => k.kind)))];
  for (const kind of kinds) {
    const cells = Object.values(r.articles).map((s) => {
      const k = s.byKind.find((x) => x.kind === kind);
      return k ? `${f(k.r1)} (${k.questions})` : '';
    });
    console.log(`| ${kind} | ${cells.join(' | ')} |`);
  }
  console.log('\nMisspelt: the answerable questions of each set with one word of six letters or more misspelt (one edit, the same in every run)\n');
  console.log('| set | questions | R@1 | false abstain |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, s] of Object.entries(r.misspelt)) console.log(`| ${name} | ${s.answerable} | ${f(s.r1)} | ${f(s.falseAbstain)} |`);
  console.log('\nServer articles (/article add): searched together with the bundled corpus, as /ask in that server; R@1 counts the server article\'s paragraphs\n');
  console.log('| set | answerable | out of scope | R@1 | R@3 | false abstain | abstain (oos) | unsure |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, s] of Object.entries(r.serverArticles)) console.log(`| ${name} (${s.note}) | ${s.answerable} | ${s.outOfScope} | ${f(s.r1)} | ${f(s.r3)} | ${f(s.falseAbstain)} | ${f(s.abstain)} | ${f(s.unsure)} |`);
  console.log('\nCurated answers (paraphrases that get their entry, or another entry; near-misses that wrongly get it; near-misses that get any entry)\n');
  console.log('| set | entries | paraphrases | recall | another entry | near-misses | false matches | any entry |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, c] of Object.entries(r.curated)) console.log(`| ${name} | ${c.entries} | ${c.positives} | ${f(c.recall)} | ${f(c.otherEntry)} | ${c.negatives} | ${f(c.falseMatch)} | ${f(c.anyMatch)} |`);
  console.log('\nCurated answers, one word of each paraphrase and near-miss misspelt (those with a lower-case word of six letters or more)\n');
  console.log('| set | paraphrases | recall (as written) | recall | another entry | near-misses | false matches (as written) | false matches | any entry |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, { typed: c, written: w }] of Object.entries(r.curatedMisspelt)) {
    console.log(`| ${name} | ${c.positives} | ${f(w.recall)} | ${f(c.recall)} | ${f(c.otherEntry)} | ${c.negatives} | ${f(w.falseMatch)} | ${f(c.falseMatch)} | ${f(c.anyMatch)} |`);
  }
  console.log('\nThe near-misses of the test articles\' curated answers asked in English (translated from the Indonesian ones)\n');
  console.log('| set | entries | near-misses | false matches | any entry |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [name, c] of Object.entries(r.curatedEnglish)) console.log(`| ${name} | ${c.entries} | ${c.negatives} | ${f(c.falseMatch)} | ${f(c.anyMatch)} |`);
  if (r.tydi) {
    const t = r.tydi as Record<string, Record<string, number>>;
    console.log('\nTyDi QA Indonesian, 4,650 passages, abstention on (an abstention is a miss)\n');
    console.log('| lines | questions | R@1 | R@1 ranking only | abstained |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const name of ['all', 'tune', 'test']) console.log(`| ${name} | ${t[name]!.questions} | ${f(t[name]!.r1)} | ${f(t[name]!.r1Ranking)} | ${f(t[name]!.abstained)} |`);
    console.log('\nTyDi with half of the gold passages removed\n');
    console.log('| lines | passage stayed | R@1 (stayed) | false abstain (stayed) | passage gone | abstained (gone) |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const name of ['halfTune', 'halfTest']) console.log(`| ${name === 'halfTune' ? 'tune' : 'test'} | ${t[name]!.stayed} | ${f(t[name]!.r1)} | ${f(t[name]!.falseAbstain)} | ${t[name]!.gone} | ${f(t[name]!.abstainGone)} |`);
  }
}
