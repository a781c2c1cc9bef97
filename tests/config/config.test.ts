import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_ARTICLE_SETTINGS, environment, loadConfig, requireDiscord } from '../../src/config/config.js';
import { PACKAGE_ROOT } from '../../src/config/paths.js';
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
  it('no token: console mode; default folders are the project\'s, relative paths resolve against the working directory', () => {
    expect(loadConfig({}, '/srv/bot')).toEqual({
      discord: undefined,
      corpusDir: join(PACKAGE_ROOT, 'corpus'),
      dataDir: join(PACKAGE_ROOT, 'data'),
      logLevel: 'info',
      logFormat: undefined,
      consoleLanguage: 'id',
      metrics: undefined,
      corpusWatch: true,
      warmUp: true,
      articles: DEFAULT_ARTICLE_SETTINGS,
    });
    expect(loadConfig({ DISCORD_TOKEN: '   ', CORPUS_DIR: '/abs/corpus', DATA_DIR: 'var', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', CONSOLE_LANGUAGE: 'en' }, '/srv/bot')).toEqual({
      discord: undefined,
      corpusDir: '/abs/corpus',
      dataDir: '/srv/bot/var',
      logLevel: 'warn',
      logFormat: 'json',
      consoleLanguage: 'en',
      metrics: undefined,
      corpusWatch: true,
      warmUp: true,
      articles: DEFAULT_ARTICLE_SETTINGS,
    });
  });

  it('WARM_UP: true by default, false leaves the tables to the first questions, anything else is refused', () => {
    expect(loadConfig({ WARM_UP: 'false' }).warmUp).toBe(false);
    expect(loadConfig({ WARM_UP: ' true ' }).warmUp).toBe(true);
    expect(configError({ WARM_UP: 'yes' }).message).toMatch(/WARM_UP must be true .* or false/);
  });

  it('articles of a server: limits from ARTICLES_PER_SERVER, ARTICLE_MAX_KB, ARTICLE_MAX_PARAGRAPHS, ARTICLE_DOWNLOAD_TIMEOUT_MS; CORPUS_WATCH', () => {
    expect(DEFAULT_ARTICLE_SETTINGS).toEqual({ perServer: 50, maxBytes: 200 * 1024, maxParagraphs: 300, downloadTimeoutMs: 10_000, allowedOrigins: ['https://cdn.discordapp.com', 'https://media.discordapp.net'] });
    const config = loadConfig({ ARTICLES_PER_SERVER: '10', ARTICLE_MAX_KB: '64', ARTICLE_MAX_PARAGRAPHS: '120', ARTICLE_DOWNLOAD_TIMEOUT_MS: '2500', CORPUS_WATCH: 'false' }, '/srv/bot');
    expect(config.articles).toEqual({ perServer: 10, maxBytes: 64 * 1024, maxParagraphs: 120, downloadTimeoutMs: 2500, allowedOrigins: DEFAULT_ARTICLE_SETTINGS.allowedOrigins });
    expect(config.corpusWatch).toBe(false);
    // Attachments come from Discord's hosts, and from DISCORD_API_URL's origin when it is set (a REST proxy, the tests' fake).
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_API_URL: 'http://127.0.0.1:9999/api/' }).articles.allowedOrigins).toEqual([
      'https://cdn.discordapp.com',
      'https://media.discordapp.net',
      'http://127.0.0.1:9999',
    ]);
    const error = configError({ ARTICLES_PER_SERVER: 'many', ARTICLE_MAX_KB: '0', ARTICLE_MAX_PARAGRAPHS: '-1', ARTICLE_DOWNLOAD_TIMEOUT_MS: '10', CORPUS_WATCH: 'yes' });
    expect(error.problems).toHaveLength(5);
    expect(error.message).toMatch(/ARTICLES_PER_SERVER must be a number of articles from 0 to 10000/);
    expect(error.message).toMatch(/ARTICLE_MAX_KB must be a size in KB from 1 to 10240/);
    expect(error.message).toMatch(/ARTICLE_MAX_PARAGRAPHS must be a number of paragraphs from 1 to 10000/);
    expect(error.message).toMatch(/ARTICLE_DOWNLOAD_TIMEOUT_MS must be a number of milliseconds from 100 to 120000/);
    expect(error.message).toMatch(/CORPUS_WATCH must be true .* or false/);
  });

  it('reads the Discord settings, trimming values and a trailing slash of the API URL', () => {
    const config = loadConfig({ DISCORD_TOKEN: ` ${TOKEN} `, DISCORD_CLIENT_ID: CLIENT_ID, DISCORD_GUILD_ID: '1100000000000000100', DISCORD_API_URL: 'http://127.0.0.1:9999/api/' }, '/srv/bot');
    expect(config.discord).toEqual({ token: TOKEN, clientId: CLIENT_ID, guildId: '1100000000000000100', apiUrl: 'http://127.0.0.1:9999/api', shards: undefined, shardSpawnDelayMs: 5500 });
  });

  it('sharding: DISCORD_SHARDS is "auto" or a number; metrics: METRICS_PORT on 127.0.0.1 unless METRICS_HOST says otherwise', () => {
    const discord = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: CLIENT_ID };
    expect(loadConfig({ ...discord, DISCORD_SHARDS: 'auto' }).discord?.shards).toBe('auto');
    expect(loadConfig({ ...discord, DISCORD_SHARDS: '4', DISCORD_SHARD_SPAWN_DELAY_MS: '100' }).discord).toMatchObject({ shards: 4, shardSpawnDelayMs: 100 });
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_PORT: '0', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ port: 0, host: '0.0.0.0' });
    const error = configError({ ...discord, DISCORD_SHARDS: 'many', METRICS_PORT: '70000', CONSOLE_LANGUAGE: 'fr', LOG_FORMAT: 'xml' });
    expect(error.problems).toHaveLength(4);
    expect(error.message).toMatch(/DISCORD_SHARDS must be "auto" or a number/);
    expect(error.message).toMatch(/METRICS_PORT must be a port number/);
    expect(error.message).toMatch(/CONSOLE_LANGUAGE must be id \(Indonesian\) or en/);
    expect(error.message).toMatch(/LOG_FORMAT must be json or pretty/);
    // SHARDS and SHARD_COUNT are discord.js's own, set in every shard process: never ours.
    expect(loadConfig({ ...discord, SHARDS: '1', SHARD_COUNT: '2' }).discord?.shards).toBeUndefined();
  });

  it('.env underneath the environment: a variable that is set, even empty, wins over the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-env-'));
    try {
      writeFileSync(join(dir, '.env'), 'CONSOLE_LANGUAGE=en\nDATA_DIR=from-file\nDISCORD_GUILD_ID=1100000000000000100\n');
      const env = environment({ DATA_DIR: '/from/env', DISCORD_GUILD_ID: '' }, dir);
      expect(env).toMatchObject({ CONSOLE_LANGUAGE: 'en', DATA_DIR: '/from/env', DISCORD_GUILD_ID: '' });
      expect(loadConfig(env, dir)).toMatchObject({ consoleLanguage: 'en', dataDir: '/from/env' });
      expect(environment({}, join(dir, 'nothing-here'))).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
    const logger = createLogger({ level, format: 'json', secrets: [TOKEN, undefined, 'abc'], write: (l) => lines.push(l) });
    return { lines, logger, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
  }

  it('writes one JSON object per line with level, time and message', () => {
    const { logger, records } = capture();
    logger.info({ interaction: '123', outcome: 'answered' }, 'command ask: answered');
    expect(records()[0]).toMatchObject({ level: 30, msg: 'command ask: answered', interaction: '123', outcome: 'answered' });
    expect(records()[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
  });

  it('redacts the token in messages, fields, headers and error stacks', () => {
    const { lines, logger } = capture();
    logger.info(`connecting with ${TOKEN}`);
    logger.warn({ detail: `Bot ${TOKEN}` }, 'extra string');
    logger.error({ headers: { authorization: `Bot ${TOKEN}` } }, 'request failed');
    logger.error({ err: new Error(`An invalid token was provided: ${TOKEN}`) }, 'login failed');
    logger.debug(`${TOKEN}${TOKEN}`);
    logger.info({ token: 'any-token-field-value' }, 'a token field');
    expect(lines).toHaveLength(6);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line).not.toContain('secret-part');
      expect(line).not.toContain('any-token-field-value');
      expect(line).toContain('[redacted]');
    }
    expect(lines[4]).toContain('[redacted][redacted]');
  });

  it('redacts interaction tokens, which sit in webhook and callback URLs (a REST error carries its URL)', () => {
    const { lines, logger } = capture();
    const interactionToken = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OnNlY3JldA';
    const error = Object.assign(new Error('Unknown interaction'), { url: `https://discord.com/api/v10/webhooks/1100000000000000001/${interactionToken}/messages/@original` });
    logger.warn({ err: error }, 'a reply could not be sent');
    logger.info(`POST /interactions/1234567890123456789/${interactionToken}/callback`);
    for (const line of lines) expect(line).not.toContain(interactionToken);
    expect(lines[0]).toContain('/webhooks/1100000000000000001/[redacted]/messages/@original');
    expect(lines[1]).toContain('/interactions/1234567890123456789/[redacted]/callback');
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
    expect(warn.records().map((r) => r.msg)).toEqual(['w', 'e']);
    const silent = capture('silent');
    silent.logger.error('e');
    expect(silent.lines).toEqual([]);
  });

  it('logs values that cannot be serialized', () => {
    const { records, logger } = capture();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    logger.info({ cyclic }, 'cyclic');
    expect(records()[0]!.msg).toBe('cyclic');
    expect(JSON.stringify(records()[0])).toContain('[Circular]');
  });

  it('pretty format: one readable line, still redacted', () => {
    const lines: string[] = [];
    const logger = createLogger({ format: 'pretty', secrets: [TOKEN], write: (l) => lines.push(l) });
    logger.info({ outcome: 'answered' }, `ready with ${TOKEN}`);
    const text = lines.join('\n');
    expect(text).toMatch(/INFO.*ready with \[redacted\]/);
    expect(text).toContain('outcome');
    expect(text).not.toContain(TOKEN);
    expect(() => JSON.parse(lines[0]!)).toThrow();
  });
});

describe('start-up with a bad configuration (child process)', () => {
  it('exits 1 with the problems and without the token', async () => {
    const child = spawn(process.execPath, ['dist/src/main.js'], {
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
