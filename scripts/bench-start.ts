/**
 * Cold start of the bot, from spawning the process:
 *   npm run bench:start [-- --runs 15] [--json]
 * - console: `echo question | node dist/src/main.js` (what `npm start` runs) until the
 *   first line of the answer arrives on stdout, with the bundled corpus;
 * - Discord: `node dist/src/main.js` with a token, against the loopback fake Discord, until
 *   the bot logs that its shard is ready (READY and GUILD_CREATE processed).
 * Each is measured compiled and, as the baseline in the same run, through tsx from the
 * TypeScript sources (`node --import tsx src/main.ts`, how npm start ran before). Runs
 * alternate between the two; medians and the ratio are printed. A warm-up run of each
 * first, so the saved search index exists (a start loads it rather than rebuilding).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startFakeDiscord, type FakeDiscord } from '../tests/support/fakeDiscord.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' }, json: { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) {
  console.error('usage: npm run bench:start [-- --runs 15] [--json]');
  process.exit(2);
}
const ROOT = resolve(import.meta.dirname, '..');
const ENTRIES = { compiled: ['dist/src/main.js'], tsx: ['--import', 'tsx', 'src/main.ts'] } as const;
type Variant = keyof typeof ENTRIES;
const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'));
const log = (message: string) => values.json || process.stderr.write(message + '\n');

function baseEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, CORPUS_DIR: join(ROOT, 'corpus'), LOG_LEVEL: 'info', LOG_FORMAT: 'json' };
}

/** Spawns the bot and resolves with the ms until `ready(stdout, stderr)` first holds; then kills it. */
function timeUntil(variant: Variant, env: NodeJS.ProcessEnv, input: string | undefined, ready: (out: string, err: string) => boolean): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...ENTRIES[variant]], { cwd: ROOT, env, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let done = false;
    const check = () => {
      if (done || !ready(out, err)) return;
      done = true;
      const ms = performance.now() - started;
      child.kill('SIGKILL');
      resolvePromise(ms);
    };
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => ((out += chunk), check()));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => ((err += chunk), check()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!done) reject(new Error(`${variant} exited (${code}) before it was ready:\n${err}\n${out}`));
    });
    if (input !== undefined) child.stdin!.end(input);
  });
}

const consoleStart = (variant: Variant) => timeUntil(variant, baseEnv(), 'Siapa pendiri Wagner?\n', (out) => out.includes('¶7'));

function discordStart(variant: Variant, fake: FakeDiscord): Promise<number> {
  const env = { ...baseEnv(), DISCORD_TOKEN: 'bench-start-token', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: '' };
  return timeUntil(variant, env, undefined, (_out, err) => /"msg":"shard 0 ready"/.test(err));
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const round = (ms: number) => Math.round(ms);

const fake = await startFakeDiscord();
try {
  const results: Record<string, Record<Variant, number[]>> = { console: { compiled: [], tsx: [] }, discord: { compiled: [], tsx: [] } };
  log(`bench:start: ${RUNS} runs of each (console and Discord, compiled and tsx), after one warm-up each`);
  for (const variant of ['compiled', 'tsx'] as const) {
    await consoleStart(variant);
    await discordStart(variant, fake);
  }
  for (let i = 0; i < RUNS; i++) {
    for (const variant of ['compiled', 'tsx'] as const) {
      results.console![variant].push(await consoleStart(variant));
      results.discord![variant].push(await discordStart(variant, fake));
    }
  }
  const summary = Object.fromEntries(
    Object.entries(results).map(([what, byVariant]) => {
      const compiled = median(byVariant.compiled);
      const tsx = median(byVariant.tsx);
      return [what, { compiledMedianMs: round(compiled), tsxMedianMs: round(tsx), ratioTsxToCompiled: Math.round((tsx / compiled) * 100) / 100, compiledMinMs: round(Math.min(...byVariant.compiled)), compiledMaxMs: round(Math.max(...byVariant.compiled)) }];
    }),
  );
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' };
  if (values.json) {
    process.stdout.write(JSON.stringify({ runs: RUNS, unit: 'ms', ...summary, machine }) + '\n');
  } else {
    console.log(`Cold start from spawn, ms, median of ${RUNS} (min-max of compiled); ${machine.cpus} CPU(s), Node ${machine.node}`);
    for (const [what, s] of Object.entries(summary)) {
      const label = what === 'console' ? 'console: first answer' : 'Discord: shard ready';
      console.log(`${label.padEnd(24)} compiled ${String(s.compiledMedianMs).padStart(5)} (${s.compiledMinMs}-${s.compiledMaxMs})   tsx ${String(s.tsxMedianMs).padStart(5)}   tsx : compiled ${s.ratioTsxToCompiled}x`);
    }
  }
} finally {
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
}
