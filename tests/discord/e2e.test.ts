/**
 * The real entry point (`dist/src/main.js`, what `npm start` runs) as a child process,
 * logged in to the loopback fake Discord through GET /gateway/bot and the gateway
 * handshake, answering interactions dispatched over the socket, and stopped by SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayIntentBits, InteractionResponseType, MessageFlags, type APIEmbed } from 'discord-api-types/v10';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';
import { makeUser } from '../support/discordFixtures.js';
import { autocomplete, chatInput, opt, snowflake } from '../support/interactions.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'e2e-secret-token.NzkxMjM0NTY3ODkw.abcdefghijklmnop';
const WAIT = 30_000;

let fake: FakeDiscord;
let dataDir: string;
let child: ChildProcess;
let stdout = '';
let stderr = '';
let exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

/**
 * The child's environment: only what it needs, nothing inherited that could point at the
 * real Discord (dotenv never overrides a variable that is already set).
 */
function childEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_GUILD_ID: '', // set (even empty) so that a developer's .env cannot fill it in
    DATA_DIR: dataDir,
    CORPUS_DIR: 'corpus',
    LOG_LEVEL: 'debug',
  };
}

async function waitForOutput(pattern: RegExp, timeoutMs = WAIT): Promise<void> {
  const started = Date.now();
  while (!pattern.test(stderr + stdout)) {
    if (child.exitCode !== null) throw new Error(`the bot exited (${child.exitCode}) before printing ${pattern}:\n${stderr}\n${stdout}`);
    if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} within ${timeoutMs} ms:\n${stderr}\n${stdout}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function freshUser() {
  const id = snowflake();
  return makeUser(id, `e2e-${id.slice(-4)}`);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'bot-e2e-'));
  fake = await startFakeDiscord({ token: TOKEN });
  child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  await fake.connected(WAIT);
  await waitForOutput(/Logged in as/);
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
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
    expect(stderr).toMatch(/Loaded 1 article\(s\), 7 paragraphs; commands: \/ask \/faq \/faq-manage \/help \/paragraph \/search/);
  });

  it('/ask: one reply with the cited answer', async () => {
    const payload = chatInput({ name: 'ask', options: [opt.string('question', 'Siapa pendiri Wagner?')], user: freshUser() });
    fake.dispatchInteraction(payload);
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
    const search = chatInput({ name: 'search', options: [opt.string('query', 'Korea Utara Rusia')], user: freshUser(), locale: 'en-US' });
    fake.dispatchInteraction(search);
    const searched = await fake.waitForCallback(search.id, WAIT);
    expect(searched.body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(searched.body.data.embeds[0].footer.text).toMatch(/^1\/\d+ · 🔎 Korea Utara Rusia$/);

    const paragraph = chatInput({ name: 'paragraph', options: [opt.integer('number', 3)] });
    fake.dispatchInteraction(paragraph);
    const shown = await fake.waitForCallback(paragraph.id, WAIT);
    expect(shown.body.data.embeds[0].title).toMatch(/^¶3 · /);
    expect(shown.body.data.embeds[0].description).toContain('Sergei Shoigu');

    const help = chatInput({ name: 'help', locale: 'en-US' });
    fake.dispatchInteraction(help);
    const helped = await fake.waitForCallback(help.id, WAIT);
    expect(helped.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(JSON.stringify(helped.body.data.embeds)).toContain('/ask');
  });

  it('autocomplete answers type 8 with at most 25 valid choices', async () => {
    const payload = autocomplete({ name: 'ask', focused: { name: 'question', value: 'pendiri wag' } });
    fake.dispatchInteraction(payload);
    const callback = await fake.waitForCallback(payload.id, WAIT);
    expect(callback.status).toBe(204);
    expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = callback.body.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('never prints the token, and exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    const { code, signal } = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(stderr).toMatch(/SIGTERM: shutting down/);
    expect(stdout + stderr).not.toContain(TOKEN);
    expect(stdout + stderr).not.toContain('NzkxMjM0NTY3ODkw');
  });
});
