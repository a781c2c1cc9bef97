/**
 * The bot as `npm start` runs it (`node dist/src/main.js`, compiled by the tests' global
 * setup) in a child process, with its JSON log lines collected.
 *
 *   const bot = startBotProcess({ DISCORD_TOKEN: ..., DISCORD_API_URL: fake.apiUrl, DATA_DIR });
 *   await bot.waitForLog((l) => l.msg === 'shard 0 ready');
 *   bot.child.kill('SIGTERM'); const { code } = await bot.exited;
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface BotProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** stderr's JSON log lines, parsed (other lines are skipped). */
  logs(): LogLine[];
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Only what the bot needs and what the test sets: nothing inherited that could point at
 * the real Discord; every Discord variable set (even empty) so that a developer's .env
 * cannot fill one in.
 */
export function botEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DISCORD_TOKEN: '',
    DISCORD_CLIENT_ID: '',
    DISCORD_GUILD_ID: '',
    DISCORD_API_URL: '',
    DISCORD_SHARDS: '',
    METRICS_PORT: '',
    CORPUS_DIR: 'corpus',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    ...env,
  };
}

export function startBotProcess(env: NodeJS.ProcessEnv, options: Pick<SpawnOptions, 'uid' | 'gid' | 'detached'> = {}): BotProcess {
  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env: botEnv(env), stdio: ['pipe', 'pipe', 'pipe'], ...options });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      for (const wake of [...waiters]) wake();
      done({ code, signal });
    }),
  );
  const logs = () =>
    stderr.split('\n').flatMap((line) => {
      try {
        const parsed = JSON.parse(line) as LogLine;
        return parsed && typeof parsed === 'object' && 'msg' in parsed ? [parsed] : [];
      } catch {
        return [];
      }
    });
  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 30_000) =>
    new Promise<LogLine>((resolvePromise, reject) => {
      const timer = setTimeout(() => finish(new Error(`no such log line within ${timeoutMs} ms:\n${stderr.slice(-4000)}`)), timeoutMs);
      const finish = (error?: Error, line?: LogLine) => {
        clearTimeout(timer);
        waiters.delete(check);
        if (error) reject(error);
        else resolvePromise(line!);
      };
      const check = () => {
        const found = logs().find(match);
        if (found) finish(undefined, found);
        else if (child.exitCode !== null || child.signalCode !== null) finish(new Error(`the bot exited (${child.exitCode ?? child.signalCode}) first:\n${stderr.slice(-4000)}`));
      };
      waiters.add(check);
      check();
    });
  if (!child.stdin!.destroyed) child.stdin!.end();
  return { child, stdout: () => stdout, stderr: () => stderr, logs, waitForLog, exited };
}
