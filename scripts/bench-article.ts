/**
 * Time from /article add to the first answer from the added article, measured from
 * outside: the compiled bot (`node dist/src/main.js`, what `npm start` runs) as its own
 * process, logged in to the loopback fake Discord of the tests, which runs here and serves
 * the article as an attachment (nothing leaves the machine).
 *   npm run bench:article [-- --runs 7] [--paragraphs 300] [--json]
 * The article: the first N passages of TyDi QA Indonesian (../shared/bench, the same data
 * as npm run bench) as its paragraphs, in the corpus format, under the default limits
 * (200 KB, 300 paragraphs). Each run adds it to a server of its own (so every run indexes
 * it from scratch, as a first upload does), waits for the confirmation, then sends /ask
 * with a TyDi question whose passage is in the article and checks that the answer cites
 * it. Reported per step, median and range over the runs, after one warm-up run:
 * dispatch of /article add -> its acknowledgement (the deferral), -> the confirmation
 * (downloaded, parsed, stored, indexed), then dispatch of /ask -> its reply, and the sum.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { InteractionResponseType } from 'discord-api-types/v10';
import { makeUser } from '../tests/support/discordFixtures.js';
import { startFakeDiscord, type RecordedRequest } from '../tests/support/fakeDiscord.js';
import { chatInput, MODERATOR_PERMISSIONS, opt, snowflake } from '../tests/support/interactions.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    paragraphs: { type: 'string', default: '300' },
    bench: { type: 'string', default: resolve(import.meta.dirname, '../../shared/bench') },
    json: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const PARAGRAPHS = Number(values.paragraphs);
if (!Number.isInteger(RUNS) || RUNS < 1 || !Number.isInteger(PARAGRAPHS) || PARAGRAPHS < 1) {
  console.error('usage: npm run bench:article [-- --runs 7] [--paragraphs 300] [--json]');
  process.exit(2);
}
const log = (message: string) => {
  if (!values.json) process.stderr.write(message + '\n');
};

interface Passage {
  id: string;
  text: string;
}
const passages = readFileSync(join(values.bench!, 'passages.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, PARAGRAPHS).map((line) => JSON.parse(line) as Passage);
const inArticle = new Map(passages.map((p, i) => [p.id, i + 1]));
const questions = readFileSync(join(values.bench!, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as { question: string; passage_id: string })
  .filter((q) => inArticle.has(q.passage_id));
// Passages hold no blank lines; single line breaks inside one would be soft wraps anyway.
const body = passages.map((p) => p.text.replace(/\s*\n\s*/g, ' ')).join('\n\n');
const articleFile = (id: string) => `---\nid: ${id}\ntitle: Artikel Uji Panjang ${id}\nlanguage: id\n---\n\n${body}\n`;

const root = resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: values.json ? 'ignore' : 'inherit' });
const dataDir = mkdtempSync(join(tmpdir(), 'bench-article-'));
const fake = await startFakeDiscord();
const bot = spawn(process.execPath, ['dist/src/main.js'], {
  cwd: root,
  // Production settings and the default article limits; the fake's origin stands for Discord's CDN.
  env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: 'bench-article-token', DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: '', DATA_DIR: dataDir, LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let botLog = '';
bot.stderr!.setEncoding('utf8').on('data', (chunk: string) => (botLog = (botLog + chunk).slice(-20_000)));
const botExited = new Promise<number | null>((done) => bot.once('exit', done));

const WAIT = 60_000;
const webhookOriginal = (token: string) => `/webhooks/${fake.applicationId}/${token}/messages/@original`;

interface Run {
  bytes: number;
  ackMs: number;
  confirmedMs: number;
  answerMs: number;
  totalMs: number;
  /** The first citation of the answer, and the paragraph that holds the question's answer. */
  cited: string;
  gold: string;
}

async function run(index: number): Promise<Run> {
  const guildId = snowflake();
  const articleId = `bench-${index}`;
  const data = articleFile(articleId);
  const attachment = fake.hostAttachment({ filename: `${articleId}.md`, data });
  const moderator = makeUser(snowflake(), `bench-mod-${index}`);
  const add = chatInput({ name: 'article', subcommand: 'add', options: [opt.attachment('file', attachment)], attachments: [attachment], user: moderator, permissions: MODERATOR_PERMISSIONS, guildId, locale: 'en-US' });
  const start = performance.now();
  fake.dispatchInteraction(add);
  const ack = await fake.waitForCallback(add.id, WAIT);
  let confirmation: RecordedRequest = ack;
  if (ack.body?.type === InteractionResponseType.DeferredChannelMessageWithSource) {
    confirmation = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === webhookOriginal(add.token), WAIT);
  }
  const confirmed = JSON.stringify(confirmation === ack ? ack.body.data : confirmation.body);
  if (!confirmed.includes('Article added')) throw new Error(`/article add was not confirmed: ${confirmed.slice(0, 400)}`);

  const question = questions[index % questions.length]!;
  const ask = chatInput({ name: 'ask', options: [opt.string('question', question.question)], user: makeUser(snowflake(), `bench-${index}`), guildId, locale: 'en-US' });
  const asked = performance.now();
  fake.dispatchInteraction(ask);
  const reply = await fake.waitForCallback(ask.id, WAIT);
  if (reply.body?.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`/ask was not answered at once: ${JSON.stringify(reply.body).slice(0, 300)}`);
  const cited = /`(bench-\d+#\d+)`/.exec(JSON.stringify(reply.body.data))?.[1] ?? '(none)';
  fake.clearRequests();
  const gold = `${articleId}#${inArticle.get(question.passage_id)}`;
  return { bytes: Buffer.byteLength(data), ackMs: ack.at - start, confirmedMs: confirmation.at - start, answerMs: reply.at - asked, totalMs: confirmation.at - start + (reply.at - asked), cited, gold };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;
const summary = (xs: number[]) => ({ median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) });

try {
  await Promise.race([fake.connected(WAIT), botExited.then((code) => Promise.reject(new Error(`the bot exited (${code}):\n${botLog}`)))]);
  log(`bench:article: ${RUNS} run(s) of /article add (${PARAGRAPHS} paragraphs, ${Math.round(Buffer.byteLength(articleFile('bench-0')) / 1024)} KB) then /ask, through the compiled bot and the fake Discord; one warm-up run`);
  await run(0);
  const runs: Run[] = [];
  for (let i = 1; i <= RUNS; i++) {
    runs.push(await run(i));
    const last = runs.at(-1)!;
    log(`  run ${i}: confirmed ${round(last.confirmedMs)} ms, answered ${round(last.answerMs)} ms later (cites ${last.cited}; the answer is in ${last.gold})`);
  }
  const answeredFromArticle = runs.filter((r) => r.cited !== '(none)').length;
  const citedGold = runs.filter((r) => r.cited === r.gold).length;
  const result = {
    runs: RUNS,
    paragraphs: PARAGRAPHS,
    kb: Math.round(runs[0]!.bytes / 1024),
    unit: 'ms',
    acknowledged: summary(runs.map((r) => r.ackMs)),
    confirmed: summary(runs.map((r) => r.confirmedMs)),
    firstAnswer: summary(runs.map((r) => r.answerMs)),
    addToFirstAnswer: summary(runs.map((r) => r.totalMs)),
    answeredFromArticle,
    citedGold,
    machine: { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  };
  if (values.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
  } else {
    const row = (label: string, s: { median: number; min: number; max: number }) => `${label.padEnd(44)} median ${String(s.median).padStart(7)}  (${s.min}-${s.max})`;
    console.log(`/article add of a ${result.paragraphs}-paragraph, ${result.kb} KB article, then /ask; ms over ${RUNS} runs`);
    console.log(row('/article add -> acknowledged (deferral)', result.acknowledged));
    console.log(row('/article add -> confirmed (stored, indexed)', result.confirmed));
    console.log(row('then /ask -> its answer', result.firstAnswer));
    console.log(row('/article add -> first answer (the sum)', result.addToFirstAnswer));
    console.log(`${answeredFromArticle}/${RUNS} answers cited the added article (${citedGold} its paragraph holding the answer first); ${result.machine.cpus} CPU(s), Node ${process.version}`);
  }
} finally {
  bot.kill('SIGTERM');
  await botExited;
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
}
