import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireDiscord } from '../../src/config/config.js';
import { createLogger, type LogLevel } from '../../src/config/logger.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gabcde.secret-part-of-the-token_xyz';
const CLIENT_ID = '1100000000000000001';

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env, '/srv/bot');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('no token: console mode with defaults resolved against the working directory', () => {
    expect(loadConfig({}, '/srv/bot')).toEqual({ discord: undefined, corpusDir: '/srv/bot/corpus', dataDir: '/srv/bot/data', logLevel: 'info' });
    expect(loadConfig({ DISCORD_TOKEN: '   ', CORPUS_DIR: '/abs/corpus', DATA_DIR: 'var', LOG_LEVEL: 'warn' }, '/srv/bot')).toEqual({
      discord: undefined,
      corpusDir: '/abs/corpus',
      dataDir: '/srv/bot/var',
      logLevel: 'warn',
    });
  });

  it('reads the Discord settings, trimming values and a trailing slash of the API URL', () => {
    const config = loadConfig({ DISCORD_TOKEN: ` ${TOKEN} `, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_GUILD_ID: '1100000000000000100', DISCORD_API_URL: 'http://127.0.0.1:9999/api/' }, '/srv/bot');
    expect(config.discord).toEqual({ token: TOKEN, clientId: CLIENT_ID, guildId: '1100000000000000100', apiUrl: 'http://127.0.0.1:9999/api' });
  });

  it('a token without a client id is refused, with what to do and without the token', () => {
    const error = configError({ DISCORD_TOKEN: TOKEN });
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(/DISCORD_CLIENT_ID is required with DISCORD_TOKEN/);
    expect(error.message).toMatch(/Application ID/);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('secret-part');
  });

  it.each([
    ['a name instead of an id', 'my-bot'],
    ['too short', '1234'],
    ['too long', '123456789012345678901'],
    ['the token pasted by mistake', TOKEN],
  ])('a bad client id (%s) is refused without echoing it', (_label, clientId) => {
    const error = configError({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: clientId });
    expect(error.message).toMatch(/DISCORD_CLIENT_ID must be the numeric Application ID \(17-20 digits\)/);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('secret-part');
  });

  it('a bad guild id is refused', () => {
    const error = configError({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_GUILD_ID: 'server-1' });
    expect(error.message).toMatch(/DISCORD_GUILD_ID must be a numeric server id/);
    expect(error.message).not.toContain(TOKEN);
  });

  it.each(['discord.com/api', 'ftp://discord.com/api', 'http://exa mple.com', 'javascript:alert(1)'])('a bad DISCORD_API_URL (%s) is refused', (url) => {
    const error = configError({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_API_URL: url });
    expect(error.message).toMatch(/DISCORD_API_URL must be an http\(s\) URL/);
    expect(error.message).not.toContain(TOKEN);
  });

  it('a token with spaces is refused without printing it', () => {
    const error = configError({ DISCORD_TOKEN: 'abc def ghi jkl', DISCORD_CLIENT_ID: CLIENT_ID });
    expect(error.message).toMatch(/DISCORD_TOKEN contains spaces/);
    expect(error.message).not.toContain('abc def');
  });

  it('reports every problem at once', () => {
    const error = configError({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: 'x', DISCORD_API_URL: 'nope', LOG_LEVEL: 'loud' });
    expect(error.problems).toHaveLength(4);
    expect(error.message).toMatch(/^Configuration problems:\n {2}- /);
    expect(error.message).toMatch(/LOG_LEVEL must be one of debug, info, warn, error, silent/);
    expect(error.name).toBe('ConfigError');
  });

  it('requireDiscord explains how to set up the token when it is missing', () => {
    expect(() => requireDiscord(loadConfig({}, '/srv/bot'))).toThrow(ConfigError);
    expect(() => requireDiscord(loadConfig({}, '/srv/bot'))).toThrow(/DISCORD_TOKEN is not set: copy .env.example to .env/);
    expect(requireDiscord(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID }, '/srv/bot')).token).toBe(TOKEN);
  });
});

describe('createLogger', () => {
  function capture(level: LogLevel = 'debug') {
    const lines: string[] = [];
    const logger = createLogger({ level, secrets: [TOKEN, undefined, 'abc'], write: (l) => lines.push(l) });
    return { lines, logger };
  }

  it('redacts the token in messages, strings, objects and error stacks', () => {
    const { lines, logger } = capture();
    logger.info(`connecting with ${TOKEN}`);
    logger.warn('extra string', `Bot ${TOKEN}`);
    logger.error('request failed', { headers: { authorization: `Bot ${TOKEN}` } });
    logger.error('login failed', new Error(`An invalid token was provided: ${TOKEN}`));
    logger.debug('twice', `${TOKEN}${TOKEN}`);
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('secret-part');
      expect(line).toContain('[redacted]');
    }
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z INFO  connecting with \[redacted\]$/);
    expect(lines[4]).toContain('[redacted][redacted]');
  });

  it('does not treat very short "secrets" as secrets (they would mangle every line)', () => {
    const { lines, logger } = capture();
    logger.info('abc is a common word');
    expect(lines[0]).toContain('abc is a common word');
  });

  it('respects the level and writes nothing when silent', () => {
    const warn = capture('warn');
    warn.logger.debug('d');
    warn.logger.info('i');
    warn.logger.warn('w');
    warn.logger.error('e');
    expect(warn.lines.map((l) => l.split(' ')[1])).toEqual(['WARN', 'ERROR']);
    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.lines).toEqual([]);
  });

  it('logs values that cannot be serialized', () => {
    const { lines, logger } = capture();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.info('cyclic', cyclic);
    expect(lines[0]).toContain('[object Object]');
  });
});

describe('start-up with a bad configuration (child process)', () => {
  it('exits 1 with the problems and without the token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: 'not-a-number', DISCORD_GUILD_ID: '', DISCORD_API_URL: 'nope' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (output += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (output += c));
    const code = await new Promise<number | null>((r) => child.once('close', r));
    expect(code).toBe(1);
    expect(output).toMatch(/Configuration problems:/);
    expect(output).toMatch(/DISCORD_CLIENT_ID must be the numeric Application ID/);
    expect(output).toMatch(/DISCORD_API_URL must be an http\(s\) URL/);
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain('secret-part');
  }, 60_000);
});
