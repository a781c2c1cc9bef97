/**
 * Runs one of the compiled entry points (`node dist/src/...`), or a shell pipeline, to its
 * end, as a user's shell would: the given text on stdin, stdout and stderr collected, killed after a
 * deadline so a hung process fails its test instead of the whole run.
 *
 *   const run = await runNode('dist/src/cli/ask.js', ['--json', 'Siapa pendiri Wagner?'], { env });
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** The whole environment of the child (nothing else is inherited). */
  env: NodeJS.ProcessEnv;
  input?: string;
  cwd?: string;
  timeoutMs?: number;
}

/** `node SCRIPT ARGS...`, the script's path relative to the repository (or absolute), whatever the working directory. */
export function runNode(script: string, args: string[], options: RunOptions): Promise<Run> {
  return runProcess(process.execPath, [resolve(ROOT, script), ...args], options);
}

/** Any program (`sh -c "... | ..."` for a pipeline). */
export function runProcess(file: string, args: string[], options: RunOptions): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(file, args, { cwd: options.cwd ?? ROOT, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
