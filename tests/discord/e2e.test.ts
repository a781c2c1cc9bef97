/**
 * The real entry point (`dist/src/main.js`, what `npm start` runs) as a child process,
 * logged in to the loopback fake Discord through GET /gateway/bot and the gateway
 * handshake, answering interactions dispatched over the socket, writing one JSON log line
 * per interaction, serving Prometheus metrics and /healthz, and stopped by SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, InteractionResponseType, MessageFlags, type APIEmbed, type APIInteraction } from 'discord-api-types/v10';
import { startBotProcess, type BotProcess } from '../support/botProcess.js';
import { makeUser } from '../support/discordFixtures.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { autocomplete, button, chatInput, opt, snowflake } from '../support/interactions.js';

const TOKEN = 'e2e-secret-token.NzkxMjM0NTY3ODkw.abcdefghijklmnop';
const WAIT = 30_000;

let fake: FakeDiscord;
let dataDir: string;
let bot: BotProcess;
let metricsUrl: string;
const sent: APIInteraction[] = [];

function freshUser() {
  const id = snowflake();
  return makeUser(id, `e2e-${id.slice(-4)}`);
}

function dispatch<T extends APIInteraction>(payload: T): T {
  sent.push(payload);
  fake.dispatchInteraction(payload);
  return payload;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bot-e2e-'));
  fake = await startFakeDiscord({ token: TOKEN });
  bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DATA_DIR: dataDir, LOG_LEVEL: 'debug', METRICS_PORT: '0' });
  const metrics = await bot.waitForLog((line) => /^metrics on /.test(line.msg), WAIT);
  metricsUrl = `http://${metrics.host}:${metrics.port}`;
  await fake.connected(WAIT);
  await bot.waitForLog((line) => /^Logged in as/.test(line.msg), WAIT);
}, 90_000);

afterAll(async () => {
  if (bot && bot.child.exitCode === null && bot.child.signalCode === null) {
    bot.child.kill('SIGKILL');
    await bot.exited;
  }
  if (fake) await fake.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start with DISCORD_TOKEN (real entry point, fake Discord)', () => {
  it('logged in through GET /gateway/bot and IDENTIFY with the token and the Guilds intent only', () => {
    const gateway = fake.requests.find((r) => r.method === 'GET' && r.path === '/gateway/bot');
    expect(gateway?.status).toBe(200);
    expect(gateway?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(fake.identifyPayloads).toHaveLength(1);
    expect(fake.identifyPayloads[0]).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds });
    expect(bot.logs().map((l) => l.msg)).toContain('Loaded 1 article(s), 7 paragraphs; commands: /article /ask /faq /faq-manage /help /paragraph /search');
    expect(bot.logs()).toContainEqual(expect.objectContaining({ msg: 'shard 0 ready', shard: 0 }));
  });

  it('/ask: one reply with the cited answer', async () => {
    const payload = dispatch(chatInput({ name: 'ask', options: [opt.string('question', 'Siapa pendiri Wagner?')], user: freshUser() }));
    const callback = await fake.waitForCallback(payload.id, WAIT);
    expect(callback.status).toBe(204);
    expect(callback.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const reply = callback.body.data;
    const embed = reply.embeds[0] as APIEmbed;
    expect(embed.fields![0]!.name).toMatch(/^¶7 · /);
    expect(embed.fields![0]!.value).toMatch(/\*\*[^*]*Prigozhin[^*]*\*\*/);
    expect(reply.allowed_mentions.parse).toEqual([]);
    expect(reply.components[0].components[0].custom_id).toMatch(/^feedback:up:\d+$/);
    // Interaction callbacks and webhooks are not authenticated with the bot token.
    expect(callback.headers.authorization).toBeUndefined();
  });

  it('/search, /paragraph and /help answer directly', async () => {
    const search = dispatch(chatInput({ name: 'search', options: [opt.string('query', 'Korea Utara Rusia')], user: freshUser(), locale: 'en-US' }));
    const searched = await fake.waitForCallback(search.id, WAIT);
    expect(searched.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(searched.body.data.embeds[0].footer.text).toMatch(/^1\/\d+ · 🔎 Korea Utara Rusia$/);

    const paragraph = dispatch(chatInput({ name: 'paragraph', options: [opt.integer('number', 3)] }));
    const shown = await fake.waitForCallback(paragraph.id, WAIT);
    expect(shown.body.data.embeds[0].title).toMatch(/^¶3 · /);
    expect(shown.body.data.embeds[0].description).toContain('Sergei Shoigu');

    const help = dispatch(chatInput({ name: 'help', locale: 'en-US' }));
    const helped = await fake.waitForCallback(help.id, WAIT);
    expect(helped.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(helped.body.data.embeds)).toContain('/ask');
  });

  it('autocomplete answers type 8 with at most 25 valid choices', async () => {
    const payload = dispatch(autocomplete({ name: 'ask', focused: { name: 'question', value: 'pendiri wag' } }));
    const callback = await fake.waitForCallback(payload.id, WAIT);
    expect(callback.status).toBe(204);
    expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('writes one JSON log line per interaction: id, type, command, guild, latency and outcome', async () => {
    const out = dispatch(chatInput({ name: 'ask', options: [opt.string('question', 'Apa resep nasi goreng?')], user: freshUser() }));
    const refused = dispatch(chatInput({ name: 'ask', options: [opt.string('question', '   ')], user: freshUser() }));
    const pressed = dispatch(button({ customId: 'feedback:up:987654321', user: freshUser(), locale: 'en-US' }));
    for (const p of [out, refused, pressed]) await fake.waitForCallback(p.id, WAIT);
    for (const payload of sent) {
      const line = await bot.waitForLog((l) => l.interaction === payload.id, WAIT);
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['level', 'time', 'interaction', 'type', 'command', 'guild', 'shard', 'ms', 'outcome', 'msg']));
      expect(line.level).toBe(30);
      expect(line.guild).toBe(fake.guildId);
      expect(typeof line.ms).toBe('number');
    }
    const byId = (p: APIInteraction) => bot.logs().find((l) => l.interaction === p.id)!;
    expect(byId(sent[0]!)).toMatchObject({ type: 'command', command: 'ask', outcome: 'answered' });
    expect(byId(out)).toMatchObject({ type: 'command', command: 'ask', outcome: 'abstained', msg: 'command ask: abstained' });
    expect(byId(refused)).toMatchObject({ command: 'ask', outcome: 'refused' });
    expect(byId(pressed)).toMatchObject({ type: 'button', command: 'feedback', outcome: 'refused' });
    expect(byId(sent.find((p) => p.type === 4)!)).toMatchObject({ type: 'autocomplete', command: 'ask', outcome: 'answered' });
    // Interaction tokens are secrets too (they can post as the bot for 15 minutes).
    for (const payload of sent) expect(bot.stderr()).not.toContain(payload.token);
  });

  it('METRICS_PORT: /healthz while connected, Prometheus metrics with questions by outcome and latency histograms, on 127.0.0.1', async () => {
    expect(new URL(metricsUrl).hostname).toBe('127.0.0.1');
    const health = await fetch(`${metricsUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    const response = await fetch(`${metricsUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^bot_questions_total\{outcome="answered"\} 1$/m);
    expect(text).toMatch(/^bot_questions_total\{outcome="abstained"\} 1$/m);
    expect(text).toMatch(/^bot_questions_total\{outcome="refused"\} 1$/m);
    expect(text).toMatch(/^bot_interactions_total\{type="command",command="search",outcome="answered"\} 1$/m);
    expect(text).toMatch(/^bot_interaction_duration_seconds_bucket\{le="0\.005",type="command",command="ask"\} \d+$/m);
    expect(text).toMatch(/^bot_interaction_duration_seconds_count\{type="command",command="ask"\} 3$/m);
    expect(text).toMatch(/^bot_gateway_events_total\{event="ready"\} 1$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect((await fetch(`${metricsUrl}/nothing`)).status).toBe(404);
  });

  it('never prints the token, and exits 0 on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    const { code, signal } = await bot.exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(bot.logs().map((l) => l.msg)).toContain('SIGTERM: shutting down');
    expect(bot.stdout() + bot.stderr()).not.toContain(TOKEN);
    expect(bot.stdout() + bot.stderr()).not.toContain('NzkxMjM0NTY3ODkw');
  });
});
