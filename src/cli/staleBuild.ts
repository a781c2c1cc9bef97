import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../config/paths.js';

/**
 * When the compiled build is older than a source file (edited since the last
 * `npm run build`), says so on stderr: `npm start` and `npm run ask` run dist/, and a
 * stale dist/ would silently run old code. A few hundred stat calls; nothing under tsx.
 */
export function warnIfBuildIsStale(moduleUrl: string): void {
  if (!moduleUrl.endsWith('.js')) return;
  let built: number;
  try {
    built = statSync(join(PACKAGE_ROOT, 'dist', '.tsbuildinfo')).mtimeMs;
  } catch {
    return; // not built by scripts/build.mjs (a copied dist/): nothing to compare with
  }
  const newer = ['src', 'commands'].flatMap((dir) => newerThan(join(PACKAGE_ROOT, dir), built));
  if (newer.length === 0) return;
  process.stderr.write(`Warning: dist/ is older than ${relative(PACKAGE_ROOT, newer[0]!)}${newer.length > 1 ? ` and ${newer.length - 1} other source file(s)` : ''}; run \`npm run build\` (this run uses the old build).\n`);
}

function newerThan(dir: string, time: number): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return newerThan(path, time);
    return entry.name.endsWith('.ts') && statSync(path).mtimeMs > time ? [path] : [];
  });
}
