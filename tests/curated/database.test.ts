import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, MIGRATIONS, openDatabase, schemaVersion, SCHEMA_VERSION, type Db } from '../../src/curated/database.js';
import { FaqStore } from '../../src/curated/faqStore.js';
import { GUILD_A, tempDir } from './helpers.js';

describe('openDatabase', () => {
  const temp = tempDir();
  const open: Db[] = [];
  const track = (db: Db) => (open.push(db), db);
  afterEach(() => {
    while (open.length) open.pop()!.close();
  });

  it('creates the parent folder and sets durable pragmas', () => {
    const file = join(temp.dir, 'nested', 'deeper', 'bot.sqlite');
    const db = track(openDatabase(file));
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('runs migrations once and re-opening is idempotent', () => {
    const file = temp.file('migrate.sqlite');
    const first = track(openDatabase(file));
    expect(schemaVersion(first)).toBe(SCHEMA_VERSION);
    const tables = () =>
      (first.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
    expect(tables()).toEqual(['answer_votes', 'answers', 'faq_entries', 'faq_phrases', 'unanswered_questions']);
    new FaqStore(first).add(GUILD_A, { question: 'Siapa pendiri Wagner?', answer: 'Prigozhin.', paragraphs: [], aliases: [] }, 'u1');
    first.close();
    open.pop();

    const again = track(openDatabase(file)); // would throw "table already exists" if migrations re-ran
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
    expect(new FaqStore(again).count(GUILD_A)).toBe(1);
    migrate(again); // explicit re-run is a no-op too
    expect(new FaqStore(again).count(GUILD_A)).toBe(1);
  });

  it('applies only the missing migrations, in one transaction', () => {
    const db = track(openDatabase(':memory:'));
    const calls: number[] = [];
    const extra = [...MIGRATIONS, () => calls.push(2), () => calls.push(3)];
    migrate(db, extra);
    expect(calls).toEqual([2, 3]);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length + 2);
    migrate(db, extra);
    expect(calls).toEqual([2, 3]);

    const failing = [...extra, (d: Db) => d.exec('CREATE TABLE half_done (x)'), () => { throw new Error('boom'); }];
    expect(() => migrate(db, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length + 2);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
  });

  it('refuses a database written by a newer schema', () => {
    const file = temp.file('newer.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer than this code/);
  });

  it('enforces foreign keys: phrases cannot point at another guild\'s entry', () => {
    const db = track(openDatabase(':memory:'));
    const entry = new FaqStore(db).add(GUILD_A, { question: 'Siapa pendiri Wagner?', answer: 'x', paragraphs: [], aliases: [] }, 'u1');
    expect(() =>
      db.prepare("INSERT INTO faq_phrases (guild_id, entry_id, phrase, phrase_key, is_question, position) VALUES ('other', ?, 'a b c', 'a b c', 0, 1)").run(entry.id),
    ).toThrow(/FOREIGN KEY/);
  });

  afterAll(() => temp.cleanup());
});
