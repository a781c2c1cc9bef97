/**
 * Durability of /faq-manage add in the real bot process: `node dist/src/main.js` logged into the
 * fake Discord receives a stream of /faq add interactions from a moderator and is
 * SIGKILLed in the middle of it. Every entry whose saving was confirmed to the user must
 * be in the database afterwards, the file must pass SQLite's integrity check, and a new
 * bot process on the same DATA_DIR must serve the entries.
 *
 * No timing assumptions: the stream is paced by the bot's own acknowledgements (at most
 * WINDOW interactions in flight), so the kill always happens with most of the stream
 * still unsent, whatever the machine's speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../support/fakeDiscord.js';
import { chatInput, moderatorUser, opt } from '../support/interactions.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOTAL = 200;
/** The kill comes once this many saves were confirmed. */
const KILL_AFTER_ACKS = 40;
/** Interactions dispatched but not yet confirmed, at most. */
const WINDOW = 16;
/** Dispatched at once right before the kill. */
const BURST = 40;

const dataDir = mkdtempSync(join(tmpdir(), 'faq-reliability-'));
const fakes: FakeDiscord[] = [];
const children: ChildProcess[] = [];

interface BotProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The bot as `npm start` runs it (node dist/src/main.js), in a process group of its own. */
function startBotProcess(fake: FakeDiscord): BotProcess {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DISCORD_TOKEN: 'fake-token-for-reliability-test',
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: fake.apiUrl,
      DATA_DIR: dataDir,
      CORPUS_DIR: 'corpus',
      LOG_LEVEL: 'warn',
    },
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, output: () => output, exited };
}

/** True while any process of the child's group is alive. */
function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** Waits (yielding to the event loop) until the whole process group is gone. */
async function groupGone(child: ChildProcess, maxMs = 20_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (groupAlive(child)) {
    if (Date.now() > deadline) throw new Error(`process group ${child.pid} still alive`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

afterAll(async () => {
  for (const child of children) killGroup(child, 'SIGKILL');
  for (const child of children) await groupGone(child).catch(() => {});
  for (const fake of fakes) await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const question = (n: number) => `Pertanyaan uji ketahanan nomor ${n} tentang artikel?`;

/** A message body confirming a save: the callback's reply, or a webhook edit/follow-up after an automatic deferral. */
function confirmation(request: RecordedRequest): { id: number; title: string } | undefined {
  if (request.status >= 300 || request.method === 'GET' || request.method === 'DELETE') return undefined;
  const data = request.path.endsWith('/callback')
    ? request.body?.type === InteractionResponseType.ChannelMessageWithSource ? request.body.data : undefined
    : request.path.startsWith('/webhooks/') ? request.body : undefined;
  const id = /^Saved curated answer #(\d+)\./.exec(data?.content ?? '')?.[1];
  return id ? { id: Number(id), title: data.embeds?.[0]?.title ?? '' } : undefined;
}

describe('a bot process killed in the middle of a stream of /faq add', () => {
  it('keeps every acknowledged entry, and the database stays intact and usable', { timeout: 180_000 }, async () => {
    const fake = await startFakeDiscord();
    fakes.push(fake);
    const bot = startBotProcess(fake);
    await fake.connected(60_000).catch((error: Error) => {
      throw new Error(`${error.message}\nbot output:\n${bot.output()}`);
    });

    // Interactions are built when they are sent, so their snowflake timestamps are as fresh
    // as Discord's would be (the bot defers replies to interactions about to expire).
    const byInteraction = new Map<string, number>();
    const byToken = new Map<string, number>();
    let dispatched = 0;
    const dispatchNext = () => {
      const n = ++dispatched;
      const payload = chatInput({
        name: 'faq-manage',
        subcommand: 'add',
        user: moderatorUser,
        locale: 'en-US',
        options: [opt.string('question', question(n)), opt.string('answer', `Jawaban nomor ${n}.`)],
      });
      byInteraction.set(payload.id, n);
      byToken.set(payload.token, n);
      fake.dispatchInteraction(payload);
    };
    const numberOf = (r: RecordedRequest) =>
      r.path.startsWith('/interactions/') ? byInteraction.get(r.path.split('/')[2]!) : byToken.get(r.path.split('/')[3]!);

    /** Question number -> entry id, for every save the user was told about. */
    const acknowledged = () => {
      const acks = new Map<number, number>();
      for (const request of fake.requests) {
        const confirmed = confirmation(request);
        const n = numberOf(request);
        if (confirmed && n !== undefined) {
          expect(confirmed.title).toBe(question(n)); // the confirmation shows the saved question
          acks.set(n, confirmed.id);
        }
      }
      return acks;
    };

    let acks = 0;
    while (acks < KILL_AFTER_ACKS) {
      while (dispatched < TOTAL && dispatched - acks < WINDOW) dispatchNext();
      const from = fake.requests.length;
      // Wait for the bot's next confirmation (no fixed delays: the bot sets the pace).
      await fake
        .waitForRequest((r) => fake.requests.indexOf(r) >= from && confirmation(r) !== undefined, 60_000)
        .catch((error: Error) => {
          throw new Error(`${error.message.slice(0, 2000)}\nbot output:\n${bot.output()}`);
        });
      await nextTick();
      acks = acknowledged().size;
    }

    // Then a burst, and the kill as soon as the bot confirms the first of it: the rest of
    // the burst is most likely still being written or answered. The whole process group
    // dies at once.
    const burstFrom = fake.requests.length;
    const burstStart = dispatched;
    while (dispatched < TOTAL && dispatched < burstStart + BURST) dispatchNext();
    await fake.waitForRequest((r) => fake.requests.indexOf(r) >= burstFrom && confirmation(r) !== undefined && numberOf(r)! > burstStart, 60_000);
    expect(groupAlive(bot.child)).toBe(true);
    killGroup(bot.child, 'SIGKILL');
    const exit = await bot.exited;
    await groupGone(bot.child);
    expect(exit.signal).toBe('SIGKILL');

    const acked = acknowledged();
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(dispatched).toBeLessThan(TOTAL); // the stream was still going
    expect(acked.size).toBeGreaterThan(0);

    // The file, opened directly: intact, and holding every acknowledged entry.
    const db = new Database(join(dataDir, 'bot.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const phrase = db.prepare<[number], { phrase: string; is_question: number }>('SELECT phrase, is_question FROM curated_phrases WHERE entry_id = ?');
      const entry = db.prepare<[number], { answer: string; guild_id: string; author_id: string }>('SELECT answer, guild_id, author_id FROM curated_entries WHERE id = ?');
      for (const [n, id] of acked) {
        expect(entry.get(id), `acknowledged entry #${id} (question ${n})`).toEqual({ answer: `Jawaban nomor ${n}.`, guild_id: fake.guildId, author_id: moderatorUser.id });
        expect(phrase.all(id)).toEqual([{ phrase: question(n), is_question: 1 }]);
      }
      const stored = (db.prepare('SELECT COUNT(*) AS n FROM curated_entries').get() as { n: number }).n;
      expect(stored).toBeGreaterThanOrEqual(acked.size);
      expect(stored).toBeLessThanOrEqual(dispatched);
      // Whatever was saved without its confirmation getting out is whole too: one question each.
      expect(db.prepare('SELECT COUNT(*) AS n FROM curated_entries e WHERE (SELECT COUNT(*) FROM curated_phrases p WHERE p.entry_id = e.id AND p.is_question = 1) <> 1').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }

    // A new bot process on the same DATA_DIR serves the entries and keeps them unique.
    const fake2 = await startFakeDiscord();
    fakes.push(fake2);
    const bot2 = startBotProcess(fake2);
    await fake2.connected(60_000).catch((error: Error) => {
      throw new Error(`${error.message}\nbot output:\n${bot2.output()}`);
    });
    const [lastN, lastId] = [...acked].sort((a, b) => a[1] - b[1]).at(-1)!;
    const run = async (payload: APIInteraction) => {
      fake2.dispatchInteraction(payload);
      return (await fake2.waitForCallback(payload.id, 60_000)).body;
    };
    const shown = await run(chatInput({ name: 'faq', subcommand: 'show', user: moderatorUser, locale: 'en-US', options: [opt.string('entry', String(lastId))] }));
    expect(shown.data.embeds[0]).toMatchObject({ title: question(lastN), description: `Jawaban nomor ${lastN}.` });
    const again = await run(chatInput({ name: 'faq-manage', subcommand: 'add', user: moderatorUser, locale: 'en-US', options: [opt.string('question', question(lastN)), opt.string('answer', 'Lagi.')] }));
    expect(again.data.content).toContain(`curated answer #${lastId}`);
    const fresh = await run(chatInput({ name: 'faq-manage', subcommand: 'add', user: moderatorUser, locale: 'en-US', options: [opt.string('question', 'Pertanyaan setelah restart?'), opt.string('answer', 'Baru.')] }));
    expect(Number(/#(\d+)/.exec(fresh.data.content)?.[1])).toBeGreaterThan(Math.max(...acked.values()));

    killGroup(bot2.child, 'SIGTERM');
    await bot2.exited;
    await groupGone(bot2.child);
  });
});
