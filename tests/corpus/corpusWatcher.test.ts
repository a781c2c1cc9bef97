import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { watchCorpus } from '../../src/corpus/corpusWatcher.js';

const work = mkdtempSync(join(tmpdir(), 'watch-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Calls of onChange, and a way to wait for the next one. */
function counter() {
  let calls = 0;
  let wake: (() => void) | undefined;
  return {
    onChange: () => {
      calls++;
      wake?.();
    },
    calls: () => calls,
    next: () => new Promise<void>((resolve) => (wake = resolve)),
  };
}

/** Lets the watcher's events and its debounce run out. */
const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchCorpus', () => {
  it('a folder: one call after a burst of changes (add, edit, rename, remove), and none after close', async () => {
    const dir = mkdtempSync(join(work, 'folder-'));
    const count = counter();
    const watcher = watchCorpus(dir, count.onChange, { debounceMs: 100 });
    try {
      let next = count.next();
      writeFileSync(join(dir, 'a.md'), 'satu');
      writeFileSync(join(dir, 'a.md'), 'dua');
      writeFileSync(join(dir, 'b.md'), 'tiga');
      await next;
      await settle();
      expect(count.calls()).toBe(1);

      next = count.next();
      renameSync(join(dir, 'b.md'), join(dir, 'c.md'));
      await next;
      next = count.next();
      unlinkSync(join(dir, 'a.md'));
      await next;
      expect(count.calls()).toBe(3);
    } finally {
      watcher.close();
    }
    writeFileSync(join(dir, 'd.md'), 'empat');
    await settle();
    expect(count.calls()).toBe(3);
  });

  it('a passages file: changes to it (also replaced by a rename, as editors save) count, other files in its folder do not', async () => {
    const dir = mkdtempSync(join(work, 'file-'));
    const file = join(dir, 'passages.jsonl');
    writeFileSync(file, '{"id":"a","text":"x"}\n');
    const count = counter();
    const watcher = watchCorpus(file, count.onChange, { debounceMs: 100 });
    try {
      writeFileSync(join(dir, 'other.txt'), 'tidak dihitung');
      await settle();
      expect(count.calls()).toBe(0);
      let next = count.next();
      writeFileSync(file, '{"id":"b","text":"y"}\n');
      await next;
      next = count.next();
      writeFileSync(join(dir, 'passages.jsonl.tmp'), '{"id":"c","text":"z"}\n');
      renameSync(join(dir, 'passages.jsonl.tmp'), file);
      await next;
      expect(count.calls()).toBe(2);
    } finally {
      watcher.close();
    }
  });
});
