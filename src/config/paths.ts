import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, found by walking up from this module: the same
 * answer whether the code runs from `src/` (tsx, tests) or compiled from `dist/`, so
 * shipped data folders (`lexicon/`, `commands/`, `corpus/`) are found either way.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** Derived lexical data shipped with the code (see scripts/lexicon/ and lexicon/README.md). */
export const LEXICON_DIR = join(PACKAGE_ROOT, 'lexicon');
