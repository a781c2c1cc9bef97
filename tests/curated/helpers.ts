import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Corpus } from '../../src/corpus/types.js';

/** A fresh folder under the OS temp dir; `cleanup` removes it. */
export function tempDir(): { dir: string; file: (name?: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'curated-test-'));
  return { dir, file: (name = 'bot.sqlite') => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let corpus: Corpus | undefined;
/** The repository corpus: one article, `putin-kim-vostochny`, 7 paragraphs. */
export function testCorpus(): Corpus {
  corpus ??= loadCorpus('corpus');
  return corpus;
}

export const GUILD_A = '111111111111111111';
export const GUILD_B = '222222222222222222';
