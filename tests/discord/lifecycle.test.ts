/**
 * The bot process's lifecycle, through the real entry point (`node dist/src/main.js`)
 * against the loopback fake Discord: gateway closes that cannot be resumed, a shutdown
 * that lets interactions in flight finish, start-up errors, a DATA_DIR it cannot use.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { openDatabase } from '../../src/curated/database.js';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';
import { makeUser } from '../support/discordFixtures.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { chatInput, opt, snowflake } from '../support/interactions.js';

const TOKEN = 'lifecycle-secret-token.NzkxMjM0NTY3ODkw.abcdefghijklmnop';
const WAIT = 30_000;
const dirs: string[] = [];
const fakes: FakeDiscord[] = [];
const bots: BotProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifecycle-'));
  dirs.push(dir);
  return dir;
}

async function fakeDiscord(options: Parameters<typeof startFakeDiscord>[0] = {}): Promise<FakeDiscord> {
  const fake = await startFakeDiscord({ token: TOKEN, ...options });
  fakes.push(fake);
  return fake;
}

function bot(fake: FakeDiscord, env: NodeJS.ProcessEnv = {}, options: Parameters<typeof startBotProcess>[1] = {}): BotProcess {
  const started = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DATA_DIR: tempDir(), ...env }, options);
  bots.push(started);
  return started;
}

afterEach(async () => {
  for (const b of bots.splice(0)) {
    if (b.child.exitCode === null && b.child.signalCode === null) b.child.kill('SIGKILL');
    await b.exited;
  }
  for (const fake of fakes.splice(0)) await fake.close();
});
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const freshUser = () => makeUser(snowflake(), 'pembaca');

describe('a gateway close that cannot be resumed', () => {
  it.each([
    [4004, /Discord refused the bot token \(gateway close 4004, authentication failed\): reset it in the Developer Portal/],
    [4014, /gateway close 4014, disallowed intents/],
    [4013, /gateway close 4013, invalid intents/],
  ])('%i ends the process with a clear message and exit code 78', async (code, message) => {
    const fake = await fakeDiscord({ identifyCloseCode: code });
    const b = bot(fake);
    const { code: exitCode } = await b.exited;
    expect(exitCode).toBe(78);
    const fatal = b.logs().find((line) => line.level === 60);
    expect(fatal?.msg).toMatch(message);
    expect(fatal).toMatchObject({ code });
    expect(fake.identifyPayloads.length).toBeGreaterThanOrEqual(1);
    expect(b.stderr() + b.stdout()).not.toContain(TOKEN);
  });
});

describe('a gateway close after READY that cannot be resumed', () => {
  it('4004 while connected ends the process with the message and exit code 78 (it used to exit 0 and log nothing)', async () => {
    const fake = await fakeDiscord();
    const b = bot(fake);
    await b.waitForLog((line) => line.msg === 'shard 0 ready', WAIT);
    fake.disconnectGateway(4004);
    const { code } = await b.exited;
    expect(code).toBe(78);
    expect(b.logs()).toContainEqual(expect.objectContaining({ level: 60, code: 4004, msg: expect.stringMatching(/^Discord refused the bot token/) }));
    expect(b.logs().map((l) => l.msg)).toContain('gateway close 4004: shutting down');
  });

  it('an ordinary close (4000) is resumed: the process stays up and answers', async () => {
    const fake = await fakeDiscord();
    const b = bot(fake);
    await b.waitForLog((line) => line.msg === 'shard 0 ready', WAIT);
    fake.disconnectGateway(4000);
    await b.waitForLog((line) => /^shard 0 resumed/.test(line.msg), WAIT);
    const help = chatInput({ name: 'help', locale: 'en-US' });
    fake.dispatchInteraction(help);
    expect((await fake.waitForCallback(help.id, WAIT)).status).toBe(204);
    expect(b.child.exitCode).toBeNull();
    expect(b.logs().map((l) => l.msg)).toContain('shard 0 reconnecting');
  });
});

describe('warm-up once connected', () => {
  it('builds what the first questions need after READY, logs it, and answers meanwhile; WARM_UP=false leaves it to the first questions', async () => {
    const fake = await fakeDiscord();
    const b = bot(fake);
    const warmed = await b.waitForLog((line) => /^warmed up in \d+ ms/.test(line.msg), WAIT);
    expect(warmed).toMatchObject({ level: 30, guilds: 0, ms: expect.any(Number) });
    const ask = chatInput({ name: 'ask', options: [opt.string('question', 'kpn shoigu dtg ke pyongyang')], user: freshUser(), locale: 'id' });
    fake.dispatchInteraction(ask);
    expect((await fake.waitForCallback(ask.id, WAIT)).status).toBe(204);

    const cold = bot(await fakeDiscord(), { WARM_UP: 'false' });
    await cold.waitForLog((line) => line.msg === 'shard 0 ready', WAIT);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(cold.logs().map((l) => l.msg).filter((msg) => msg.startsWith('warmed up'))).toEqual([]);
  });
});

describe('SIGTERM', () => {
  it('waits for the interaction in flight to be answered before closing; a new one meanwhile is told to retry', async () => {
    const fake = await fakeDiscord();
    const b = bot(fake);
    await b.waitForLog((line) => line.msg === 'shard 0 ready', WAIT);

    // Discord is slow to take the reply: the interaction stays in flight until we release it.
    let release!: () => void;
    let arrived!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    const slow = chatInput({ name: 'ask', options: [opt.string('question', 'Siapa pendiri Wagner?')], user: freshUser() });
    const unhold = fake.intercept((r) => r.path.startsWith(`/interactions/${slow.id}/`), async () => {
      arrived();
      await held;
      return undefined; // then answer as usual
    });
    fake.dispatchInteraction(slow);
    await reached; // the bot's reply is at Discord, waiting for Discord's answer
    b.child.kill('SIGTERM');
    const stopping = await b.waitForLog((line) => line.msg === 'SIGTERM: shutting down', WAIT);
    expect(stopping.inFlight).toBe(1);

    const late = chatInput({ name: 'help', user: freshUser(), locale: 'en-US' });
    fake.dispatchInteraction(late);
    const refused = await fake.waitForCallback(late.id, WAIT);
    expect(refused.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral, content: 'The bot is restarting; please try again in a few seconds.' } });
    expect(b.child.exitCode).toBeNull(); // still waiting for the first one

    release();
    const answered = await fake.waitForCallback(slow.id, WAIT);
    expect(answered.status).toBe(204);
    expect(answered.body.data.embeds[0].fields[0].name).toMatch(/^¶7 · /);
    const { code } = await b.exited;
    expect(code).toBe(0);
    expect(b.logs().find((line) => line.interaction === slow.id)).toMatchObject({ command: 'ask', outcome: 'answered' });
    unhold();
  });
});

describe('start-up errors', () => {
  it('go through the logger as one JSON line, without the token, exit 1', async () => {
    const fake = await fakeDiscord();
    const b = bot(fake, { CORPUS_DIR: '/no/such/corpus' });
    const { code } = await b.exited;
    expect(code).toBe(1);
    expect(b.logs()).toContainEqual(expect.objectContaining({ level: 60, msg: 'corpus not found: /no/such/corpus' }));
    expect(b.stderr()).not.toContain(TOKEN);
  });
});

describe('a DATA_DIR the bot cannot use', () => {
  const asOtherUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  /** A folder the bot cannot write: owned by root and read-only for the bot's (other) user. */
  function readOnlyDir(): string {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    if (!('uid' in asOtherUser)) chmodSync(dir, 0o555);
    return dir;
  }

  it('read-only, new: a message naming the path and the fix, exit 1, nothing created', async () => {
    const dataDir = join(readOnlyDir(), 'data');
    if ('uid' in asOtherUser) mkdirSync(dataDir, { mode: 0o755 });
    const b = startBotProcess({ DATA_DIR: dataDir }, asOtherUser);
    bots.push(b);
    const { code } = await b.exited;
    expect(code).toBe(1);
    const fatal = b.logs().find((line) => line.level === 60);
    expect(fatal?.msg).toContain(join(dataDir, 'bot.db'));
    expect(fatal?.msg).toMatch(/cannot be opened for writing .*: make .* writable for this user, or point DATA_DIR at another folder\./);
    expect(existsSync(join(dataDir, 'bot.db'))).toBe(false);
  });

  it('read-only, with a database in it: refused with the path and the fix; the file is left as it was', async () => {
    const dir = readOnlyDir();
    chmodSync(dir, 0o755);
    const file = join(dir, 'bot.db');
    openDatabase(file).close();
    chmodSync(file, 0o644);
    if (!('uid' in asOtherUser)) chmodSync(dir, 0o555);
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    const b = startBotProcess({ DATA_DIR: dir }, asOtherUser);
    bots.push(b);
    const { code } = await b.exited;
    expect(code).toBe(1);
    const fatal = b.logs().find((line) => line.level === 60);
    expect(fatal?.msg).toContain(file);
    expect(fatal?.msg).toMatch(/cannot be opened for writing .*: make .* writable for this user, or point DATA_DIR at another folder\./);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
  });
});
