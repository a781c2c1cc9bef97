#!/usr/bin/env node
/**
 * npm run build (and `prepare`, so npm install leaves a runnable build): compiles src/ and
 * commands/ to dist/ with tsc, incrementally, then deletes compiled files whose source is
 * gone, so a renamed or removed command can never linger in dist/commands and be loaded.
 * Plain JavaScript: it must run before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

try {
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--incremental', '--tsBuildInfoFile', join(dist, '.tsbuildinfo')], { stdio: 'inherit' });
} catch {
  process.exit(1);
}

// The build's time, for the stale-build warning (tsc leaves the file alone when nothing changed).
const now = new Date();
utimesSync(join(dist, '.tsbuildinfo'), now, now);

for (const file of walk(dist)) {
  if (!file.endsWith('.js')) continue;
  const source = join(root, relative(dist, file)).replace(/\.js$/, '.ts');
  if (!existsSync(source)) rmSync(file);
}

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}
