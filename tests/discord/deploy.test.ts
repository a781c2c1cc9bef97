/**
 * `deployCommands` and the `npm run deploy` script against the loopback fake Discord:
 * one bulk PUT of every command, to the guild route when a guild id is set.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType, type APIApplicationCommandOption, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { CommandRegistry } from '../../src/bot/registry.js';
import { createLogger } from '../../src/config/logger.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fakeDiscord.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'deploy-secret-token.MTIzNDU2Nzg5MDEy.zyxwvutsrqponm';
const EXPECTED = ['article', 'ask', 'faq', 'faq-manage', 'help', 'paragraph', 'search'];
/**
 * Top-level commands whose name is the same word in Indonesian and that therefore carry no
 * `name_localizations.id` (Discord then shows the default name). Everything else must.
 */
const SAME_NAME_IN_INDONESIAN = new Set(['faq']);

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord({ token: TOKEN });
});

afterAll(async () => {
  await fake?.close();
});

function puts() {
  return fake.requests.filter((r) => r.method === 'PUT');
}

/** Every option at every depth (subcommands and their options). */
function allOptions(options: APIApplicationCommandOption[] = []): APIApplicationCommandOption[] {
  return options.flatMap((o) => [o, ...('options' in o && o.options ? allOptions(o.options as APIApplicationCommandOption[]) : [])]);
}

function expectLocalized(body: RESTPostAPIChatInputApplicationCommandsJSONBody[]) {
  expect(body.map((c) => c.name).sort()).toEqual(EXPECTED);
  for (const command of body) {
    if (!SAME_NAME_IN_INDONESIAN.has(command.name)) expect(command.name_localizations?.id, `/${command.name} name_localizations.id`).toBeTruthy();
    expect(command.description_localizations?.id, `/${command.name} description_localizations.id`).toBeTruthy();
    for (const option of allOptions(command.options)) {
      expect(option.name_localizations?.id, `/${command.name} ${option.name}`).toBeTruthy();
      expect(option.description_localizations?.id, `/${command.name} ${option.name}`).toBeTruthy();
    }
  }
}

describe('deployCommands', () => {
  it('PUTs every command once to the guild route when a guild id is set', async () => {
    fake.clearRequests();
    const lines: string[] = [];
    const logger = createLogger({ secrets: [TOKEN], format: 'json', write: (l) => lines.push(l) });
    const result = await deployCommands({ token: TOKEN, clientId: fake.applicationId, guildId: fake.guildId, apiUrl: fake.apiUrl }, logger);

    expect(puts()).toHaveLength(1);
    const put = puts()[0]!;
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expect(put.status).toBe(200);
    expect(put.headers.authorization).toBe(`Bot ${TOKEN}`);
    expectLocalized(put.body);
    expect(put.body).toEqual(new CommandRegistry(await CommandRegistry.loadCommands()).toJSON());
    expect(result).toHaveLength(EXPECTED.length);
    expect(lines.join('\n')).toMatch(/Registered 7 command\(s\) in server \d+: \/article \/ask \/faq \/faq-manage \/help \/paragraph \/search/);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('PUTs to the global route without a guild id', async () => {
    fake.clearRequests();
    await deployCommands({ token: TOKEN, clientId: fake.applicationId, apiUrl: fake.apiUrl }, createLogger({ level: 'silent' }));
    expect(puts()).toHaveLength(1);
    expect(puts()[0]!.path).toBe(`/applications/${fake.applicationId}/commands`);
    expectLocalized(puts()[0]!.body);
  });

  it('the deployed JSON has the options Discord needs (types, required, autocomplete, limits)', async () => {
    const body = new CommandRegistry(await CommandRegistry.loadCommands()).toJSON();
    const ask = body.find((c) => c.name === 'ask')!;
    expect(ask.name_localizations).toEqual({ id: 'tanya' });
    expect(ask.options).toMatchObject([
      { name: 'question', type: ApplicationCommandOptionType.String, required: true, autocomplete: true, max_length: 500 },
      { name: 'hide', type: ApplicationCommandOptionType.Boolean },
    ]);
    const paragraph = body.find((c) => c.name === 'paragraph')!;
    expect(paragraph.options).toMatchObject([
      { name: 'number', type: ApplicationCommandOptionType.Integer, required: true, min_value: 1 },
      { name: 'article', type: ApplicationCommandOptionType.String, autocomplete: true },
    ]);
  });
});

function runDeployScript(env: Record<string, string>, cwd = ROOT): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', ['run', 'deploy'], {
      cwd,
      // Every Discord variable is set (possibly empty), so a developer's .env cannot change the run.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, output }));
  });
}

describe('npm run deploy', () => {
  it('registers the commands in the configured server and never prints the token', async () => {
    fake.clearRequests();
    const { code, output } = await runDeployScript({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(code, output).toBe(0);
    expect(puts()).toHaveLength(1);
    expect(puts()[0]!.path).toBe(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`);
    expectLocalized(puts()[0]!.body);
    expect(output).toMatch(/Registered 7 command\(s\) in server/);
    expect(output).not.toContain(TOKEN);
  }, 60_000);

  it('works from a project folder whose path has spaces (the entry guard compares real paths, not URLs)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'deploy space-'));
    const project = join(parent, 'artikel bot');
    try {
      mkdirSync(project);
      cpSync(join(ROOT, 'dist'), join(project, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(project, 'package.json'));
      for (const shared of ['node_modules', 'corpus', 'lexicon']) if (existsSync(join(ROOT, shared))) symlinkSync(join(ROOT, shared), join(project, shared));
      fake.clearRequests();
      const { code, output } = await runDeployScript({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId, DISCORD_API_URL: fake.apiUrl }, project);
      expect(code, output).toBe(0);
      expect(puts()).toHaveLength(1);
      expect(puts()[0]!.body.map((c: { name: string }) => c.name).sort()).toEqual(EXPECTED);
      expect(output).toMatch(/Registered 7 command\(s\) in server/);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  }, 60_000);

  it('fails with a clear message and exit code 1 without a token', async () => {
    fake.clearRequests();
    const { code, output } = await runDeployScript({ DISCORD_API_URL: fake.apiUrl });
    expect(code).toBe(1);
    expect(output).toMatch(/DISCORD_TOKEN is not set/);
    expect(puts()).toHaveLength(0);
  }, 60_000);

  it('reports a rejected token without printing it', async () => {
    fake.clearRequests();
    const wrong = 'wrong-token-value.abcdefghijkl';
    const { code, output } = await runDeployScript({ DISCORD_TOKEN: wrong, DISCORD_CLIENT_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl });
    expect(code).toBe(1);
    expect(output).toMatch(/Deploying the commands failed/);
    expect(output).not.toContain(wrong);
    expect(puts()[0]?.status).toBe(401);
  }, 60_000);
});
