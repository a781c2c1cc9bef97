/**
 * DISCORD_SHARDS: discord.js's ShardingManager runs one process per shard, all sharing
 * DATA_DIR. Through the real entry point against the fake gateway, which sends each
 * shard the guilds Discord would ((guild_id >> 22) % shard_count) and routes every
 * interaction to the shard that owns its guild.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { InteractionResponseType, type APIInteraction } from 'discord-api-types/v10';
import { DISCORD_EPOCH } from '../support/discordFixtures.js';
import { startBotProcess, type BotProcess, type LogLine } from '../support/botProcess.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { chatInput, moderatorUser, opt } from '../support/interactions.js';
import { makeUser } from '../support/discordFixtures.js';

const TOKEN = 'sharding-secret-token.NzkxMjM0NTY3ODkw.abcdefghijklmnop';
const WAIT = 60_000;
const dataDir = mkdtempSync(join(tmpdir(), 'sharding-'));
const fakes: FakeDiscord[] = [];
const bots: BotProcess[] = [];

/** A guild id whose shard is `mod2` with 2 shards and `mod3` with 3 (the id's timestamp part decides). */
function guildId(mod2: number, mod3: number): string {
  let t = 100_000_000_000n; // a 2021 timestamp: an 18-digit snowflake
  while (Number(t % 2n) !== mod2 || Number(t % 3n) !== mod3) t++;
  return ((t << 22n) | 7n).toString();
}
const GUILD_A = guildId(0, 0); // shard 0 of 2, shard 0 of 3
const GUILD_B = guildId(1, 2); // shard 1 of 2, then shard 2 of 3: it moves to another process

afterEach(async () => {
  for (const b of bots.splice(0)) {
    if (b.child.exitCode === null && b.child.signalCode === null) b.child.kill('SIGKILL');
    await b.exited;
  }
  for (const fake of fakes.splice(0)) await fake.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startSharded(shards: string, recommendedShards = 1): Promise<{ fake: FakeDiscord; bot: BotProcess; metrics: string }> {
  const fake = await startFakeDiscord({ token: TOKEN, guilds: [GUILD_A, GUILD_B], recommendedShards });
  fakes.push(fake);
  const bot = startBotProcess({
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DATA_DIR: dataDir,
    DISCORD_SHARDS: shards,
    DISCORD_SHARD_SPAWN_DELAY_MS: '0',
    METRICS_PORT: '0',
  });
  bots.push(bot);
  const metrics = await bot.waitForLog((l) => /^metrics on /.test(l.msg), WAIT);
  await bot.waitForLog((l) => /^all \d+ shard\(s\) ready$/.test(l.msg), WAIT);
  return { fake, bot, metrics: `http://${metrics.host}:${metrics.port}` };
}

/** Dispatches and returns the reply together with the log line of the process that handled it. */
async function run(fake: FakeDiscord, bot: BotProcess, payload: APIInteraction): Promise<{ reply: any; handledBy: LogLine }> {
  fake.dispatchInteraction(payload);
  const callback = await fake.waitForCallback(payload.id, WAIT);
  expect(callback.status).toBeLessThan(300);
  expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  const handledBy = await bot.waitForLog((l) => l.interaction === payload.id, WAIT);
  return { reply: callback.body.data, handledBy };
}

const ask = (guild: string, question: string) =>
  chatInput({ name: 'ask', guildId: guild, user: makeUser(`1400000000000${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, 'anggota'), options: [opt.string('question', question)], locale: 'en-US' });

describe('two shards against the fake gateway', () => {
  it('each shard identifies with its own [id, count]; guilds of either shard are answered; after a restart with 3 shards the moved guild keeps its curated answers', { timeout: 180_000 }, async () => {
    expect(DISCORD_EPOCH).toBeGreaterThan(0n);
    const first = await startSharded('2');
    expect(first.fake.identifyPayloads.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(first.fake.identifiedShards().sort()).toEqual([[0, 2], [1, 2]]);
    expect(first.fake.shardOf(GUILD_A, 2)).toBe(0);
    expect(first.fake.shardOf(GUILD_B, 2)).toBe(1);

    // A moderator of the guild on shard 1 writes a curated answer; members of both guilds ask.
    const added = await run(
      first.fake,
      first.bot,
      chatInput({ name: 'faq-manage', subcommand: 'add', guildId: GUILD_B, user: moderatorUser, locale: 'en-US', options: [opt.string('question', 'Siapa pendiri Wagner?'), opt.string('answer', 'Yevgeny Prigozhin (menurut moderator).')] }),
    );
    expect(added.reply.content).toMatch(/^Saved curated answer #\d+/);
    expect(added.handledBy.shard).toBe(1);

    const inB = await run(first.fake, first.bot, ask(GUILD_B, 'siapa yang mendirikan grup Wagner?'));
    expect(inB.reply.embeds[0].description).toContain('Yevgeny Prigozhin (menurut moderator).');
    expect(inB.handledBy).toMatchObject({ shard: 1, outcome: 'curated', guild: GUILD_B });

    const inA = await run(first.fake, first.bot, ask(GUILD_A, 'Siapa pendiri Wagner?'));
    expect(inA.reply.embeds[0].fields[0].name).toMatch(/^¶7 · /);
    expect(inA.reply.embeds[0].description ?? '').not.toContain('menurut moderator'); // curated answers are per server
    expect(inA.handledBy).toMatchObject({ shard: 0, outcome: 'answered', guild: GUILD_A });
    expect(inA.handledBy.pid).not.toBe(inB.handledBy.pid); // two processes

    // The manager serves the metrics of every shard, summed, and is healthy with all shards up.
    expect((await fetch(`${first.metrics}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${first.metrics}/metrics`)).text();
    expect(metrics).toMatch(/^bot_questions_total\{outcome="curated"\} 1$/m);
    expect(metrics).toMatch(/^bot_questions_total\{outcome="answered"\} 1$/m);
    expect(metrics).toMatch(/^bot_gateway_events_total\{event="ready"\} 2$/m);

    first.bot.child.kill('SIGTERM');
    expect((await first.bot.exited).code).toBe(0);
    expect(first.bot.logs().map((l) => l.msg)).toContain('SIGTERM: stopping 2 shard process(es)');
    expect(first.bot.logs().filter((l) => l.msg === 'SIGTERM: shutting down').length).toBe(2); // each shard drained

    // DISCORD_SHARDS=auto takes Discord's recommendation: 3 now, and GUILD_B moves to shard 2.
    const second = await startSharded('auto', 3);
    expect(second.fake.identifiedShards().sort()).toEqual([[0, 3], [1, 3], [2, 3]]);
    const moved = await run(second.fake, second.bot, ask(GUILD_B, 'Wagner didirikan oleh siapa?'));
    expect(moved.handledBy).toMatchObject({ shard: 2, outcome: 'curated' });
    expect(moved.reply.embeds[0].description).toContain('Yevgeny Prigozhin (menurut moderator).');
    second.bot.child.kill('SIGTERM');
    expect((await second.bot.exited).code).toBe(0);
  });

  it('a shard process that dies is restarted by the manager, and its guilds are answered again', { timeout: 120_000 }, async () => {
    const { fake, bot } = await startSharded('2');
    const ready = await bot.waitForLog((l) => l.msg === 'shard 1 ready', WAIT);
    expect(typeof ready.pid, bot.stderr().slice(-3000)).toBe('number');
    process.kill(ready.pid as number, 'SIGKILL');
    await bot.waitForLog((l) => /^shard 1: process died; restarting it/.test(l.msg), WAIT);
    await bot.waitForLog((l) => l.msg === 'shard 1 ready' && l.pid !== ready.pid, WAIT);
    const again = await run(fake, bot, ask(GUILD_B, 'Siapa pendiri Wagner?'));
    expect(again.handledBy).toMatchObject({ shard: 1 });
    expect(again.handledBy.pid).not.toBe(ready.pid);
    bot.child.kill('SIGTERM');
    expect((await bot.exited).code).toBe(0);
  });

  it('a shard refused by Discord stops every shard and the manager exits 78 instead of restarting it forever', { timeout: 120_000 }, async () => {
    const fake = await startFakeDiscord({ token: TOKEN, guilds: [GUILD_A, GUILD_B], identifyCloseCode: 4004 });
    fakes.push(fake);
    const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, DISCORD_SHARDS: '2', DISCORD_SHARD_SPAWN_DELAY_MS: '0' });
    bots.push(bot);
    const { code } = await bot.exited;
    expect(code).toBe(78);
    expect(bot.logs().some((l) => l.level === 60 && /gateway close 4004/.test(l.msg))).toBe(true);
    expect(fake.identifyPayloads.length).toBeLessThanOrEqual(2);
    expect(bot.stderr()).not.toContain(TOKEN);
  });
});
