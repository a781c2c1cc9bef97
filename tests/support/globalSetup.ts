/**
 * Before any test: compile the bot (npm run build), so the tests that start `npm start`'s
 * entry point, `npm run ask` and `npm run deploy` as child processes run the compiled
 * JavaScript of the sources under test, never a stale build.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [resolve(import.meta.dirname, '../../scripts/build.mjs')], { stdio: 'inherit' });
}
