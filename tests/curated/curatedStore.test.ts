import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../../src/curated/database.js';
import { CuratedConflictError, CuratedNotFoundError, CuratedStore, type CuratedInput } from '../../src/curated/curatedStore.js';
import { GUILD_A, GUILD_B, tempDir } from './helpers.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

const wagner: CuratedInput = {
  question: 'Siapa pendiri Wagner?',
  answer: 'Yevgeny Prigozhin mendirikan Wagner.',
  paragraphs: ['putin-kim-vostochny#7'],
  aliases: ['Wagner didirikan siapa'],
};

let fileCounter = 0;
function freshStore(clock?: () => number): { store: CuratedStore; db: Db; file: string } {
  const file = temp.file(`faq-${++fileCounter}.sqlite`);
  const db = openDatabase(file);
  return { store: new CuratedStore(db, clock), db, file };
}

describe('CuratedStore basics', () => {
  let store: CuratedStore;
  let now: number;
  beforeEach(() => {
    now = 1_700_000_000_000;
    ({ store } = freshStore(() => now));
  });

  it('adds and gets an entry with its aliases and citations', () => {
    const entry = store.add(GUILD_A, wagner, 'mod-1');
    expect(entry).toEqual({
      id: entry.id,
      guildId: GUILD_A,
      question: 'Siapa pendiri Wagner?',
      aliases: ['Wagner didirikan siapa'],
      answer: 'Yevgeny Prigozhin mendirikan Wagner.',
      paragraphs: ['putin-kim-vostochny#7'],
      authorId: 'mod-1',
      createdAt: now,
      updatedAt: now,
      updatedBy: 'mod-1',
      useCount: 0,
    });
    expect(store.get(GUILD_A, entry.id)).toEqual(entry);
  });

  it('edits only the given fields and records who and when', () => {
    const entry = store.add(GUILD_A, wagner, 'mod-1');
    now += 60_000;
    const edited = store.edit(GUILD_A, entry.id, { answer: 'Prigozhin.', aliases: ['Pendiri grup Wagner', 'Wagner didirikan oleh siapa'] }, 'mod-2');
    expect(edited.question).toBe(wagner.question);
    expect(edited.answer).toBe('Prigozhin.');
    expect(edited.aliases).toEqual(['Pendiri grup Wagner', 'Wagner didirikan oleh siapa']);
    expect(edited.paragraphs).toEqual(wagner.paragraphs);
    expect(edited).toMatchObject({ authorId: 'mod-1', createdAt: entry.createdAt, updatedAt: now, updatedBy: 'mod-2' });
    // The old alias is free again.
    expect(store.findByPhrase(GUILD_A, 'Wagner didirikan siapa')).toBeUndefined();
  });

  it('lets an edit swap the question and an alias', () => {
    const entry = store.add(GUILD_A, wagner, 'mod-1');
    const swapped = store.edit(GUILD_A, entry.id, { question: 'Wagner didirikan siapa', aliases: ['Siapa pendiri Wagner?'] }, 'mod-1');
    expect(swapped.question).toBe('Wagner didirikan siapa');
    expect(swapped.aliases).toEqual(['Siapa pendiri Wagner?']);
  });

  it('removes an entry with its phrases, and frees them', () => {
    const entry = store.add(GUILD_A, wagner, 'mod-1');
    expect(store.remove(GUILD_A, entry.id, 'mod')).toEqual(entry);
    expect(store.get(GUILD_A, entry.id)).toBeUndefined();
    expect(store.remove(GUILD_A, entry.id, 'mod')).toBeUndefined();
    expect(store.db.prepare('SELECT COUNT(*) FROM curated_phrases').pluck().get()).toBe(0);
    const again = store.add(GUILD_A, wagner, 'mod-1');
    expect(again.id).toBeGreaterThan(entry.id); // ids are never reused
  });

  it('throws CuratedNotFoundError when editing a missing entry', () => {
    expect(() => store.edit(GUILD_A, 999, { answer: 'x' }, 'mod-1')).toThrow(CuratedNotFoundError);
  });

  it('lists in pages with a total, and all()', () => {
    const ids = Array.from({ length: 7 }, (_, i) =>
      store.add(GUILD_A, { question: `Pertanyaan nomor ${i}`, answer: `Jawaban ${i}`, paragraphs: [], aliases: [] }, 'mod-1').id,
    );
    store.add(GUILD_B, { question: 'Pertanyaan lain guild', answer: 'x', paragraphs: [], aliases: [] }, 'mod-9');
    const page1 = store.list(GUILD_A, { offset: 0, limit: 3 });
    const page3 = store.list(GUILD_A, { offset: 6, limit: 3 });
    expect(page1.total).toBe(7);
    expect(page1.entries.map((e) => e.id)).toEqual(ids.slice(0, 3));
    expect(page3.entries.map((e) => e.id)).toEqual(ids.slice(6));
    expect(store.all(GUILD_A).map((e) => e.id)).toEqual(ids);
    expect(store.count(GUILD_B)).toBe(1);
  });

  it('counts uses and searches questions and aliases for autocomplete, most used first', () => {
    const a = store.add(GUILD_A, wagner, 'mod-1');
    const b = store.add(GUILD_A, { question: 'Kapan Putin bertemu Kim?', answer: 'x', paragraphs: [], aliases: ['Tanggal pertemuan Putin Kim'] }, 'mod-1');
    const c = store.add(GUILD_A, { question: 'Apa yang dibahas Putin dan Kim?', answer: 'x', paragraphs: [], aliases: [] }, 'mod-1');
    expect(store.recordUse(GUILD_A, c.id)).toBe(true);
    expect(store.recordUse(GUILD_A, c.id)).toBe(true);
    expect(store.recordUse(GUILD_B, c.id)).toBe(false);
    expect(store.get(GUILD_A, c.id)!.useCount).toBe(2);

    expect(store.search(GUILD_A, 'putin', 10).map((h) => h.entry.id)).toEqual([c.id, b.id]);
    expect(store.search(GUILD_A, 'TANGGAL pert', 10)).toEqual([{ entry: store.get(GUILD_A, b.id), phrase: 'Tanggal pertemuan Putin Kim' }]);
    expect(store.search(GUILD_A, 'didirikan', 10).map((h) => h.phrase)).toEqual(['Wagner didirikan siapa']);
    expect(store.search(GUILD_A, '', 2).map((h) => h.entry.id)).toEqual([c.id, a.id]);
    expect(store.search(GUILD_B, 'putin', 10)).toEqual([]);
    expect(store.search(GUILD_A, '%', 10).length).toBe(3); // punctuation-only text matches everything, never breaks SQL
  });

  it('notifies listeners after each committed change', () => {
    const seen: string[] = [];
    const stop = store.onChange((guildId, change) => seen.push(`${guildId}:${change.kind}:${change.entryId}`));
    const entry = store.add(GUILD_A, wagner, 'mod-1');
    store.edit(GUILD_A, entry.id, { answer: 'y' }, 'mod-1');
    store.remove(GUILD_A, entry.id, 'mod');
    store.remove(GUILD_A, entry.id, 'mod'); // nothing removed: no event
    expect(() => store.add(GUILD_A, { ...wagner, aliases: ['Siapa pendiri Wagner'] }, 'mod-1')).not.toThrow(); // alias = question: deduped
    stop();
    store.add(GUILD_B, wagner, 'mod-1');
    expect(seen).toEqual([`${GUILD_A}:add:${entry.id}`, `${GUILD_A}:edit:${entry.id}`, `${GUILD_A}:remove:${entry.id}`, `${GUILD_A}:add:${entry.id + 1}`]);
  });

  it('keeps the write when a listener throws', () => {
    store.onChange(() => {
      throw new Error('listener bug');
    });
    const errors = console.error;
    console.error = () => {};
    try {
      const entry = store.add(GUILD_A, wagner, 'mod-1');
      expect(store.get(GUILD_A, entry.id)).toBeDefined();
    } finally {
      console.error = errors;
    }
  });
});

describe('CuratedStore uniqueness', () => {
  let store: CuratedStore;
  beforeEach(() => ({ store } = freshStore()));

  it.each([
    ['case', 'SIAPA PENDIRI WAGNER?'],
    ['punctuation', 'Siapa pendiri Wagner!!!'],
    ['spacing', '  Siapa   pendiri\tWagner ?'],
    ['full-width and quotes', 'Ｓiapa pendiri “Wagner”'],
  ])('rejects the same question differing only by %s', (_why, question) => {
    const existing = store.add(GUILD_A, wagner, 'mod-1');
    const attempt = () => store.add(GUILD_A, { ...wagner, question, aliases: [] }, 'mod-2');
    expect(attempt).toThrow(CuratedConflictError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ existingEntryId: existing.id, existingPhrase: 'Siapa pendiri Wagner?' });
      expect((error as Error).message).toContain(`#${existing.id}`);
    }
    expect(store.count(GUILD_A)).toBe(1);
  });

  it('rejects an alias that is another entry\'s question or alias, writing nothing', () => {
    const existing = store.add(GUILD_A, wagner, 'mod-1');
    const other = { question: 'Siapa Prigozhin?', answer: 'x', paragraphs: [], aliases: ['Prigozhin itu siapa', 'wagner DIDIRIKAN siapa?'] };
    expect(() => store.add(GUILD_A, other, 'mod-2')).toThrow(
      expect.objectContaining({ name: 'CuratedConflictError', phrase: 'wagner DIDIRIKAN siapa?', existingEntryId: existing.id }),
    );
    expect(store.count(GUILD_A)).toBe(1);
    expect(store.db.prepare('SELECT COUNT(*) FROM curated_phrases').pluck().get()).toBe(2);
    expect(store.findByPhrase(GUILD_A, 'Prigozhin itu siapa')).toBeUndefined();
  });

  it('rolls back an edit that would clash, leaving the entry as it was', () => {
    store.add(GUILD_A, wagner, 'mod-1');
    const kim = store.add(GUILD_A, { question: 'Kapan Putin bertemu Kim?', answer: 'x', paragraphs: [], aliases: ['Tanggal pertemuan'] }, 'mod-1');
    expect(() => store.edit(GUILD_A, kim.id, { answer: 'changed', aliases: ['Hari pertemuan', 'Siapa pendiri wagner'] }, 'mod-2')).toThrow(CuratedConflictError);
    expect(store.get(GUILD_A, kim.id)).toEqual(kim);
  });

  it('allows the same question in different guilds', () => {
    store.add(GUILD_A, wagner, 'mod-1');
    expect(() => store.add(GUILD_B, wagner, 'mod-1')).not.toThrow();
  });
});

describe('CuratedStore cross-guild isolation', () => {
  it('never shows or changes an entry through another guild', () => {
    const { store } = freshStore();
    const entry = store.add(GUILD_A, wagner, 'mod-1');
    expect(store.get(GUILD_B, entry.id)).toBeUndefined();
    expect(() => store.edit(GUILD_B, entry.id, { answer: 'hijacked' }, 'mod-b')).toThrow(CuratedNotFoundError);
    expect(store.remove(GUILD_B, entry.id, 'mod')).toBeUndefined();
    expect(store.recordUse(GUILD_B, entry.id)).toBe(false);
    expect(store.list(GUILD_B)).toEqual({ entries: [], total: 0 });
    expect(store.all(GUILD_B)).toEqual([]);
    expect(store.findByPhrase(GUILD_B, wagner.question)).toBeUndefined();
    expect(store.get(GUILD_A, entry.id)).toEqual(entry);
  });

  it("moves a server's revision with every change to what its answers say, only that server's; use counts and refused writes leave it", () => {
    const { store } = freshStore();
    expect(store.revision(GUILD_A)).toBe(0);
    const entry = store.add(GUILD_A, wagner, 'mod-1');
    const added = store.revision(GUILD_A);
    expect(added).toBeGreaterThan(0);
    expect(store.revision(GUILD_B)).toBe(0);
    store.recordUse(GUILD_A, entry.id);
    expect(store.revision(GUILD_A)).toBe(added);
    expect(() => store.add(GUILD_A, wagner, 'mod-1')).toThrow(CuratedConflictError);
    expect(store.revision(GUILD_A)).toBe(added);
    store.add(GUILD_B, wagner, 'mod-b');
    expect(store.revision(GUILD_A)).toBe(added);
    for (const change of [() => store.edit(GUILD_A, entry.id, { answer: 'Prigozhin.' }, 'mod-2'), () => store.edit(GUILD_A, entry.id, { aliases: ['pendiri Wagner'] }, 'mod-2'), () => store.remove(GUILD_A, entry.id, 'mod-2')]) {
      const before = store.revision(GUILD_A);
      change();
      expect(store.revision(GUILD_A)).toBeGreaterThan(before);
    }
  });
});

describe('CuratedStore on a real file', () => {
  it('finds its data after the database is closed and reopened', () => {
    const { store, db, file } = freshStore();
    const entry = store.add(GUILD_A, wagner, 'mod-1');
    store.recordUse(GUILD_A, entry.id);
    db.close();
    const reopened = new CuratedStore(openDatabase(file));
    expect(reopened.get(GUILD_A, entry.id)).toEqual({ ...entry, useCount: 1 });
    reopened.db.close();
  });

  it('keeps an acknowledged write when the writing process is SIGKILLed', async () => {
    const { file, db } = freshStore();
    db.close();
    const script = fileURLToPath(new URL('./killedWriter.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, file, GUILD_A], { stdio: ['ignore', 'pipe', 'inherit'] });
    const id = await new Promise<number>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    const exited = new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const reopened = new CuratedStore(openDatabase(file));
    expect(reopened.get(GUILD_A, id)?.answer).toBe('Ya, sudah di-fsync.');
    reopened.db.close();
  }, 30_000);

  it('two stores on the same file adding the same question: one winner, one CuratedConflictError', () => {
    const { file } = freshStore();
    const first = new CuratedStore(openDatabase(file));
    const second = new CuratedStore(openDatabase(file));
    const results = [first, second].map((store, i) => {
      try {
        return { won: store.add(GUILD_A, { ...wagner, answer: `by ${i}` }, `mod-${i}`).id };
      } catch (error) {
        return { error };
      }
    });
    const winners = results.filter((r) => 'won' in r);
    const losers = results.filter((r) => 'error' in r);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]!.error).toBeInstanceOf(CuratedConflictError);
    expect((losers[0]!.error as CuratedConflictError).existingEntryId).toBe(winners[0]!.won);
    expect(second.count(GUILD_A)).toBe(1);
    first.db.close();
    second.db.close();
  });

  it('processes racing to add the same question: exactly one wins, the others get a conflict', async () => {
    const { file, db } = freshStore();
    db.close();
    const script = fileURLToPath(new URL('./raceAdder.ts', import.meta.url));
    const racers = 4;
    const children = Array.from({ length: racers }, (_, i) =>
      spawn(process.execPath, ['--import', 'tsx', script, file, GUILD_A, i % 2 ? 'siapa PENDIRI wagner' : 'Siapa pendiri Wagner?', `mod-${i}`], {
        stdio: ['pipe', 'pipe', 'inherit'],
      }),
    );
    const lines = children.map((child) => {
      const received: string[] = [];
      let buffer = '';
      const ready = new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const parts = buffer.split('\n');
          buffer = parts.pop()!;
          for (const line of parts) {
            if (line === 'ready') resolve();
            else received.push(line);
          }
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      return { ready, exited, received };
    });
    await Promise.all(lines.map((l) => l.ready));
    for (const child of children) child.stdin.write('go\n'); // release them together
    expect(await Promise.all(lines.map((l) => l.exited))).toEqual(Array(racers).fill(0));

    const outcomes = lines.map((l) => JSON.parse(l.received[0]!) as { won?: number; conflict?: number });
    const winners = outcomes.filter((o) => o.won !== undefined);
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o.conflict === winners[0]!.won)).toHaveLength(racers - 1);

    const check = new CuratedStore(openDatabase(file));
    expect(check.count(GUILD_A)).toBe(1);
    expect(check.db.prepare('SELECT COUNT(*) FROM curated_phrases').pluck().get()).toBe(1);
    check.db.close();
  }, 30_000);
});
