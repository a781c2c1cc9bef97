/**
 * Latency of the Discord bot, measured from outside: the compiled bot (`node
 * dist/src/main.js`, what `npm start` runs) as its own process, logged in to the loopback
 * fake Discord of the tests, which runs here, in the benchmark's process (nothing leaves
 * the machine; the fake's own work does not share the bot's event loop or heap).
 *   npm run bench:bot [-- --n 300] [--warmup 20] [--round-ms 80] [--first-delay-ms 1000] [--warm-up true|false] [--curated FILE|none] [--questions FILE|builtin] [--json]
 * Sends N /ask interactions (varied questions, about a fifth out of scope, a fresh user each so the
 * per-user cooldown never triggers) and N of a trivial command over the gateway socket,
 * one at a time, alternating. The server has curated answers, as a moderated one does
 * (by default the entries of ../shared/eval/curated-dev.jsonl, imported with `npm run faq
 * -- import`), so every /ask is also matched against them. The trivial command is a name the bot does not register:
 * the same path (gateway, discord.js, the registry, one reply) with no work in it. For each
 * it measures the time from dispatch to the request arriving at the fake: for /ask the
 * first acknowledgement and the final reply (the same request when /ask answers at once,
 * as it does; the PATCH of @original after a deferral otherwise). Prints p50/p99 of each
 * and the ratio /ask : trivial, or one JSON object with --json. Rounds are paced
 * (--round-ms) to stay under Discord's global limit of 50 requests per second, which
 * discord.js enforces client-side by holding requests back.
 * The first questions after a start are measured on their own: the warm-up rounds' /ask,
 * the first sent --first-delay-ms after the bot is connected (a member asks a second after
 * the bot comes online); `--warm-up false` starts the bot with WARM_UP=false, for the
 * figure without src/bot/warmUp.ts.
 * Then, the same run, the floor: the bot stopped, a bare gateway client in plain Node
 * (scripts/bench/bare-gateway.mjs: no discord.js, one fetch per interaction) answers N of
 * the trivial command the same way, paced the same: what no change to the bot can go under.
 * BENCH_NODE_ARGS passes flags to the bot's node, to see where its time goes:
 *   BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof --cpu-prof-interval=100" npm run bench:bot
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { InteractionResponseType, type APIUser } from 'discord-api-types/v10';
import { DEFAULT_GUILD_ID, makeUser } from '../tests/support/discordFixtures.js';
import { startFakeDiscord, type RecordedRequest } from '../tests/support/fakeDiscord.js';
import { chatInput, opt, snowflake } from '../tests/support/interactions.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '300' },
    warmup: { type: 'string', default: '20' },
    // discord.js holds requests beyond Discord's global limit (50/s); each round sends 2.
    'round-ms': { type: 'string', default: '80' },
    'first-delay-ms': { type: 'string', default: '1000' },
    'warm-up': { type: 'string', default: 'true' },
    curated: { type: 'string', default: join(import.meta.dirname, '../../shared/eval/curated-dev.jsonl') },
    questions: { type: 'string', default: join(import.meta.dirname, '../../shared/eval/article-dev.jsonl') },
    json: { type: 'boolean', default: false },
  },
});
const N = Number(values.n);
const ROUND_MS = Number(values['round-ms']);
const WARMUP = Number(values.warmup);
const FIRST_DELAY_MS = Number(values['first-delay-ms']);
const WARM_UP = values['warm-up']!;
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(WARMUP) || WARMUP < 1 || !Number.isFinite(ROUND_MS) || !Number.isFinite(FIRST_DELAY_MS) || !['true', 'false'].includes(WARM_UP)) {
  console.error('usage: npm run bench:bot [-- --n 300] [--warmup 20] [--round-ms 80] [--first-delay-ms 1000] [--warm-up true|false] [--curated FILE|none] [--questions FILE|builtin] [--json]');
  process.exit(2);
}
const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, Math.max(0, ms)));
const log = (message: string) => {
  if (!values.json) process.stderr.write(message + '\n');
};

/** Imports the curated entries of a file shaped like curated-dev.jsonl into the benchmark's server; how many. */
function seedCuratedAnswers(file: string): number {
  if (file === 'none') return 0;
  const entries = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.stringify((JSON.parse(line) as { entry: unknown }).entry));
  const answers = join(dataDir, 'curated.jsonl');
  writeFileSync(answers, entries.join('\n') + '\n');
  execFileSync(process.execPath, ['dist/src/cli/faq.js', 'import', answers, '--guild', DEFAULT_GUILD_ID], { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir }, stdio: 'ignore' });
  return entries.length;
}

/** In scope and out of scope, Indonesian and English, short and long, typos. */
const BUILTIN_QUESTIONS = [
  'Siapa pendiri Wagner?',
  'Di mana Putin dan Kim bertemu?',
  'Siapa Menteri Pertahanan Rusia yang berkunjung ke Pyongyang?',
  'Apa yang dibawa Shoigu ke Pyongyang?',
  'Apakah ada konferensi pers setelah pertemuan?',
  'Mengapa Rusia membutuhkan amunisi dari Korea Utara?',
  'Apa kata Putin tentang satelit Korea Utara?',
  'Bagaimana Prigozhin meninggal?',
  'Kapan kecelakan pesawat Prigozhin terjadi?',
  'Where did Putin meet Kim Jong Un?',
  'Who founded Wagner?',
  'Apa itu Kosmodrom Vostochny?',
  'Mobil apa yang dinaiki Kim?',
  'Sanksi apa yang dijatuhkan kepada Korea Utara dan mengapa Rusia pernah mendukungnya?',
  'Apa resep nasi goreng?',
  'How do I reset my password?',
  'Berapa harga tiket kereta ke Bandung?',
  'Siapa yang memuji pembicaraan itu sebagai sangat substansial?',
  'teknologi luar angkasa roket',
  'Apa implikasi global dari kesepakatan senjata antara Korea Utara dan Rusia bagi perang di Ukraina dan bagi NATO?',
];

/**
 * The questions asked in turn: the built-in ones and, by default, article-dev's 117 (every
 * style members write). More distinct questions than the analyzer remembers readings (64),
 * so no /ask finds its question already read: a server's members rarely ask the same words
 * twice in a row, and the 20 built-in ones alone would measure the memo, not the analysis.
 */
function questionPool(file: string): string[] {
  if (file === 'builtin') return BUILTIN_QUESTIONS;
  const asked = readFileSync(file, 'utf8').split('\n').filter((line) => line.trim()).map((line) => (JSON.parse(line) as { q: string }).q);
  return [...new Set([...BUILTIN_QUESTIONS, ...asked])];
}
const QUESTIONS = questionPool(values.questions!);

interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    n: sorted.length,
    p50: round(rank(50)),
    p99: round(rank(99)),
    mean: round(sorted.reduce((s, x) => s + x, 0) / sorted.length),
    min: round(sorted[0]!),
    max: round(sorted.at(-1)!),
  };
}

function freshUser(): APIUser {
  const id = snowflake();
  return makeUser(id, `bench-${id.slice(-6)}`);
}

const root = resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: values.json ? 'ignore' : 'inherit' });
const dataDir = mkdtempSync(join(tmpdir(), 'bench-bot-'));
const curatedEntries = seedCuratedAnswers(values.curated!);
const fake = await startFakeDiscord();
const bot = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/src/main.js'], {
  cwd: root,
  // Production settings: info logs (one line per interaction), JSON, to stderr.
  env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: 'bench-bot-token', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: '', DATA_DIR: dataDir, LOG_LEVEL: 'info', LOG_FORMAT: 'json', WARM_UP: WARM_UP },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let botLog = '';
bot.stderr!.setEncoding('utf8').on('data', (chunk: string) => (botLog = (botLog + chunk).slice(-20_000)));
const botExited = new Promise<number | null>((done) => bot.once('exit', done));

const WAIT = 30_000;
const webhookOriginal = (token: string) => `/webhooks/${fake.applicationId}/${token}/messages/@original`;
let abstained = 0;

async function runAsk(question: string): Promise<{ ack: number; final: number }> {
  const payload = chatInput({ name: 'ask', options: [opt.string('question', question)], user: freshUser(), locale: 'id' });
  const start = performance.now();
  fake.dispatchInteraction(payload);
  const callback = await fake.waitForCallback(payload.id, WAIT);
  let final: RecordedRequest = callback;
  if (callback.body?.type === InteractionResponseType.DeferredChannelMessageWithSource) {
    final = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === webhookOriginal(payload.token), WAIT);
  } else if (callback.body?.type !== InteractionResponseType.ChannelMessageWithSource) {
    throw new Error(`/ask "${question}" got neither a reply nor a deferral: ${JSON.stringify(callback.body).slice(0, 300)}`);
  }
  if (final.status >= 300) throw new Error(`/ask reply refused by the fake: ${JSON.stringify(final.response).slice(0, 300)}`);
  const reply = final === callback ? callback.body.data : final.body;
  if (!reply?.embeds?.[0]?.fields?.length) abstained++;
  fake.clearRequests();
  return { ack: callback.at - start, final: final.at - start };
}

async function runTrivial(): Promise<number> {
  const payload = chatInput({ name: 'ping', user: freshUser() });
  const start = performance.now();
  fake.dispatchInteraction(payload);
  const callback = await fake.waitForCallback(payload.id, WAIT);
  if (callback.body?.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error('the trivial command was not answered');
  fake.clearRequests();
  return callback.at - start;
}

try {
  await Promise.race([fake.connected(WAIT), botExited.then((code) => Promise.reject(new Error(`the bot exited (${code}):\n${botLog}`)))]);
  log(`bench:bot: ${N} /ask + ${N} trivial through the compiled bot (its own process) and the fake Discord (warm-up ${WARMUP} each), ${curatedEntries} curated answers in the server`);
  await sleep(FIRST_DELAY_MS);
  // The first questions after the start, each asked for the first time.
  const firstAsks: number[] = [];
  for (let i = 0; i < WARMUP; i++) {
    firstAsks.push((await runAsk(QUESTIONS[i % QUESTIONS.length]!)).final);
    await runTrivial();
    await sleep(ROUND_MS);
  }
  abstained = 0;
  const askAck: number[] = [];
  const askFinal: number[] = [];
  const trivialFinal: number[] = [];
  const started = performance.now();
  for (let i = 0; i < N; i++) {
    const roundStart = performance.now();
    const { ack, final } = await runAsk(QUESTIONS[(WARMUP + i) % QUESTIONS.length]!); // the warm-up's questions are not asked again at once
    askAck.push(ack);
    askFinal.push(final);
    trivialFinal.push(await runTrivial());
    await sleep(ROUND_MS - (performance.now() - roundStart));
    if (!values.json && (i + 1) % 100 === 0) log(`  ${i + 1}/${N}`);
  }
  const elapsed = performance.now() - started;

  // The floor, with the bot stopped (the fake sends every interaction to each connection).
  bot.kill('SIGTERM');
  await botExited;
  const bare = spawn(process.execPath, [join(root, 'scripts/bench/bare-gateway.mjs')], {
    env: { PATH: process.env.PATH, GATEWAY_URL: fake.gatewayUrl, API_URL: fake.apiUrl, TOKEN: 'bench-bot-token' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const bareFinal: number[] = [];
  try {
    await fake.connected(WAIT);
    for (let i = 0; i < WARMUP; i++) await runTrivial();
    for (let i = 0; i < N; i++) {
      const roundStart = performance.now();
      bareFinal.push(await runTrivial());
      await sleep(ROUND_MS - (performance.now() - roundStart));
    }
  } finally {
    bare.kill('SIGTERM');
  }
  const ask = { firstAck: stats(askAck), finalReply: stats(askFinal) };
  const baseline = stats(trivialFinal);
  const floor = stats(bareFinal);
  const ratio = {
    p50: Math.round((ask.finalReply.p50 / baseline.p50) * 100) / 100,
    p99: Math.round((ask.finalReply.p99 / baseline.p99) * 100) / 100,
  };
  const result = {
    n: N,
    warmup: WARMUP,
    questions: QUESTIONS.length,
    curatedEntries,
    abstainedShare: Math.round((abstained / N) * 1000) / 1000,
    unit: 'ms',
    ask,
    trivial: baseline,
    // The bare gateway client's reply to the same trivial command (no discord.js, no bot): the floor.
    bareFloor: floor,
    ratioToBareFloor: { askP50: Math.round((ask.finalReply.p50 / floor.p50) * 100) / 100, trivialP50: Math.round((baseline.p50 / floor.p50) * 100) / 100 },
    // The warm-up rounds: the first answers after the start; their ratio to the steady p50 of the same run.
    firstAsks: { warmUp: WARM_UP === 'true', firstDelayMs: FIRST_DELAY_MS, first: Math.round(firstAsks[0]! * 100) / 100, ...stats(firstAsks), ratioFirstToSteadyP50: Math.round((firstAsks[0]! / ask.finalReply.p50) * 10) / 10 },
    ratioAskFinalToTrivial: ratio,
    wallSeconds: Math.round(elapsed / 100) / 10,
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  };
  if (values.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
  } else {
    const row = (label: string, s: Stats) =>
      `${label.padEnd(28)} p50 ${s.p50.toFixed(2).padStart(7)}  p99 ${s.p99.toFixed(2).padStart(7)}  mean ${s.mean.toFixed(2).padStart(7)}  max ${s.max.toFixed(2).padStart(8)}`;
    console.log(`Latency from dispatch over the gateway to the request at the (loopback) Discord, ms; n=${N} each, sequential`);
    console.log(row('/ask first acknowledgement', ask.firstAck));
    console.log(row('/ask final reply', ask.finalReply));
    console.log(row('trivial command (baseline)', baseline));
    console.log(row('bare gateway client (floor)', result.bareFloor));
    console.log(row(`first ${WARMUP} /ask after start`, result.firstAsks));
    console.log(`the first /ask, ${FIRST_DELAY_MS} ms after the bot connected (warm-up ${WARM_UP === 'true' ? 'on' : 'off'}): ${result.firstAsks.first.toFixed(2)} ms, ${result.firstAsks.ratioFirstToSteadyP50}x the steady p50`);
    console.log(`ratio /ask final : trivial   p50 ${ratio.p50}x  p99 ${ratio.p99}x`);
    console.log(`${(result.abstainedShare * 100).toFixed(1)}% of the /ask questions were out of scope (abstentions); ${result.wallSeconds} s in all; ${result.machine.cpus} CPU(s), Node ${process.version}`);
  }
} finally {
  bot.kill('SIGTERM');
  await botExited;
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
}
