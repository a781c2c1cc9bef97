/**
 * Scale benchmark: the project's engine and MiniSearch with default options, side by
 * side, on corpora of 4,650 (TyDi passages), 20k, 50k and 100k paragraphs (TyDi plus
 * seeded filler, see scripts/bench/corpus.ts).
 *   npm run bench [-- --json] [--sizes 4650,20000] [--sample 1500] [--bench DIR] [--out DIR]
 * Per size and engine, each in a fresh child process: index build time and size on
 * disk, cold start to the first answer (wall clock from spawn, Node start-up included)
 * from the saved index and from a rebuild, query latency p50/p95/p99/mean, R@1, peak
 * RSS. Questions: all 6,194 at 4,650 paragraphs; above that, every k-th question
 * (--sample, default 1500) for both engines, plus the project engine's R@1 over all.
 * Also times `npm run ask -- --corpus FILE --jsonl` from outside (per-question time
 * when piping the sample), and prints ratios default / project.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchCorpusFile } from './bench/corpus.js';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '4650,20000,50000,100000' },
    sample: { type: 'string', default: '1500' },
    bench: { type: 'string', default: '../shared/bench' },
    out: { type: 'string', default: join(process.env.DATA_DIR ?? 'data', 'bench') },
  },
});
const sizes = values.sizes!.split(',').map(Number);
const sampleSize = Number(values.sample);
const outDir = resolve(values.out!);
const benchDir = resolve(values.bench!);
const log = (m: string) => { if (!values.json) process.stderr.write(m + '\n'); };

const allQuestionLines = readFileSync(join(benchDir, 'questions.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
mkdirSync(outDir, { recursive: true });
const allFile = join(outDir, 'questions-all.jsonl');
writeFileSync(allFile, allQuestionLines.join('\n') + '\n');
const step = allQuestionLines.length / sampleSize;
const sampleLines = Array.from({ length: Math.min(sampleSize, allQuestionLines.length) }, (_, i) => allQuestionLines[Math.floor(i * step)]!);
const sampleFile = join(outDir, `questions-sample-${sampleLines.length}.jsonl`);
writeFileSync(sampleFile, sampleLines.join('\n') + '\n');

const WORKER = ['--import', 'tsx', resolve('scripts/bench/worker.ts')];

interface WorkerResult { firstAnswerMs: number; done: Record<string, number> }

/** Runs a worker; times spawn -> first answer line, and returns its final report. */
function runWorker(args: string[], env: NodeJS.ProcessEnv = {}): Promise<WorkerResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    let firstAnswerMs = NaN;
    let buffer = '';
    let done: Record<string, number> | undefined;
    const child = spawn(process.execPath, [...WORKER, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        if (line.event === 'first-answer') firstAnswerMs = performance.now() - started;
        if (line.event === 'done') done = line;
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && done ? resolvePromise({ firstAnswerMs, done }) : reject(new Error(`worker ${args.join(' ')} exited ${code}`))));
  });
}

/** Wall time of the ask CLI answering `lines` questions piped on stdin. */
function timeCli(corpus: string, questionLines: string[]): number {
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', 'ask', '--', '--corpus', corpus, '--jsonl'], {
    input: questionLines.map((l) => JSON.parse(l).question).join('\n') + '\n',
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, DATA_DIR: join(outDir, 'cli') },
  });
  if (run.status !== 0) throw new Error(`ask CLI failed: ${run.stderr}`);
  return performance.now() - started;
}

const rows: Record<string, unknown>[] = [];
const startedAll = performance.now();
for (const size of sizes) {
  const corpus = benchCorpusFile(benchDir, join(outDir, 'corpora'), size);
  const questionsFile = size <= 5_000 ? allFile : sampleFile;
  const nQuestions = size <= 5_000 ? allQuestionLines.length : sampleLines.length;
  const row: Record<string, unknown> = { size, questions: nQuestions };
  for (const engine of ['project', 'default'] as const) {
    const dataDir = join(outDir, `index-${engine}`);
    rmSync(dataDir, { recursive: true, force: true });
    log(`[${size}] ${engine}: build`);
    const build = await runWorker(['build', '--engine', engine, '--corpus', corpus, '--data', dataDir]);
    log(`[${size}] ${engine}: serve (${nQuestions} questions)`);
    const serve = await runWorker(['serve', '--engine', engine, '--corpus', corpus, '--data', dataDir, '--questions', questionsFile]);
    row[engine] = {
      buildMs: Math.round(build.done.buildMs!),
      indexMB: +(build.done.indexBytes! / 1e6).toFixed(1),
      coldRebuildMs: Math.round(build.firstAnswerMs),
      coldLoadMs: Math.round(serve.firstAnswerMs),
      p50Ms: +serve.done.p50Ms!.toFixed(2),
      p95Ms: +serve.done.p95Ms!.toFixed(2),
      p99Ms: +serve.done.p99Ms!.toFixed(2),
      meanMs: +serve.done.meanMs!.toFixed(2),
      r1: +serve.done.r1!.toFixed(3),
      peakRssMB: serve.done.peakRssMb,
      buildPeakRssMB: build.done.peakRssMb,
    };
    if (engine === 'project' && questionsFile !== allFile) {
      log(`[${size}] project: R@1 over all questions`);
      const all = await runWorker(['serve', '--engine', engine, '--corpus', corpus, '--data', dataDir, '--questions', allFile]);
      (row[engine] as Record<string, unknown>).r1All = +all.done.r1!.toFixed(3);
    } else if (engine === 'project') (row[engine] as Record<string, unknown>).r1All = (row[engine] as Record<string, unknown>).r1;
    rmSync(dataDir, { recursive: true, force: true });
  }
  log(`[${size}] ask CLI`);
  rmSync(join(outDir, 'cli'), { recursive: true, force: true });
  timeCli(corpus, sampleLines.slice(0, 1)); // builds and saves the index
  const one = timeCli(corpus, sampleLines.slice(0, 1));
  const many = timeCli(corpus, sampleLines);
  row.cliPerQuestionMs = +((many - one) / (sampleLines.length - 1)).toFixed(2);
  rmSync(join(outDir, 'cli'), { recursive: true, force: true });
  const p = row.project as Record<string, number>;
  const d = row.default as Record<string, number>;
  row.ratios = {
    p99: +(d.p99Ms! / p.p99Ms!).toFixed(1),
    mean: +(d.meanMs! / p.meanMs!).toFixed(1),
    p50: +(d.p50Ms! / p.p50Ms!).toFixed(1),
    cliMean: +(d.meanMs! / (row.cliPerQuestionMs as number)).toFixed(1),
    coldLoad: +(d.coldLoadMs! / p.coldLoadMs!).toFixed(1),
    peakRss: +(d.peakRssMB! / p.peakRssMB!).toFixed(1),
    indexSize: +(d.indexMB! / p.indexMB!).toFixed(1),
  };
  rows.push(row);
}
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version, totalMinutes: +((performance.now() - startedAll) / 60000).toFixed(1) };

if (values.json) {
  console.log(JSON.stringify({ machine, sampleQuestions: sampleLines.length, allQuestions: allQuestionLines.length, rows }));
} else {
  const fmt = (v: unknown) => String(v ?? '');
  const header = ['paragraphs', 'engine', 'build s', 'index MB', 'cold load ms', 'cold rebuild ms', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'peak RSS MB', 'build RSS MB', 'R@1 (n)', 'R@1 all'];
  const lines = [header];
  for (const row of rows) {
    for (const engine of ['project', 'default']) {
      const r = row[engine] as Record<string, number>;
      lines.push([
        fmt(row.size), engine === 'project' ? 'project' : 'MiniSearch default', (r.buildMs! / 1000).toFixed(1), fmt(r.indexMB), fmt(r.coldLoadMs), fmt(r.coldRebuildMs),
        fmt(r.p50Ms), fmt(r.p95Ms), fmt(r.p99Ms), fmt(r.meanMs), fmt(r.peakRssMB), fmt(r.buildPeakRssMB), `${r.r1!.toFixed(3)} (${row.questions})`, r.r1All === undefined ? '' : r.r1All.toFixed(3),
      ]);
    }
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  const print = (l: string[]) => console.log('| ' + l.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |');
  print(lines[0]!);
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  lines.slice(1).forEach(print);
  console.log('\nRatios, MiniSearch default / project (higher = project better):');
  for (const row of rows) {
    const r = row.ratios as Record<string, number>;
    console.log(`  ${String(row.size).padStart(6)}: p99 x${r.p99}  mean x${r.mean}  p50 x${r.p50}  cold load x${r.coldLoad}  peak RSS x${r.peakRss}  index size x${r.indexSize}  | ask CLI ${row.cliPerQuestionMs} ms/question (default mean / CLI x${r.cliMean})`);
  }
  console.log(`\nMachine: ${machine.cpus} x ${machine.cpuModel}, ${machine.memGB} GB, Node ${machine.node}; ${machine.totalMinutes} min. Latency questions: all ${allQuestionLines.length} at 4,650 paragraphs, every k-th (${sampleLines.length}) above; "R@1 all" = project engine over all ${allQuestionLines.length}.`);
}
