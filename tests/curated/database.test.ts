import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, MIGRATIONS, openDatabase, schemaVersion, SCHEMA_VERSION, type Db } from '../../src/curated/database.js';
import { CuratedStore } from '../../src/curated/curatedStore.js';
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
    expect(tables()).toEqual(['answer_votes', 'answers', 'curated_entries', 'curated_phrases', 'unanswered_questions']);
    new CuratedStore(first).add(GUILD_A, { question: 'Siapa pendiri Wagner?', answer: 'Prigozhin.', paragraphs: [], aliases: [] }, 'u1');
    first.close();
    open.pop();

    const again = track(openDatabase(file)); // would throw "table already exists" if migrations re-ran
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
    expect(new CuratedStore(again).count(GUILD_A)).toBe(1);
    migrate(again); // explicit re-run is a no-op too
    expect(new CuratedStore(again).count(GUILD_A)).toBe(1);
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

  it('upgrades a database written with the old faq_* table names, keeping entries, phrases and links', () => {
    const file = temp.file('old-names.sqlite');
    const v1 = track(new Database(file));
    v1.pragma('foreign_keys = ON');
    migrate(v1, MIGRATIONS.slice(0, 1));
    v1.prepare("INSERT INTO faq_entries (guild_id, answer, author_id, created_at, updated_at, updated_by) VALUES (?, 'Prigozhin.', 'u1', 1, 1, 'u1')").run(GUILD_A);
    v1.prepare("INSERT INTO faq_phrases (guild_id, entry_id, phrase, phrase_key, is_question, position) VALUES (?, 1, 'Siapa pendiri Wagner?', 'siapa pendiri wagner', 1, 0)").run(GUILD_A);
    v1.prepare("INSERT INTO answers (guild_id, question, curated_entry_id, abstained, created_at) VALUES (?, 'q', 1, 0, 1)").run(GUILD_A);
    v1.close();
    open.pop();

    const db = track(openDatabase(file));
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const store = new CuratedStore(db);
    expect(store.get(GUILD_A, 1)).toMatchObject({ question: 'Siapa pendiri Wagner?', answer: 'Prigozhin.' });
    // The answers table's foreign key follows the renamed table: removing the entry unlinks the answer.
    store.remove(GUILD_A, 1);
    expect(db.prepare('SELECT curated_entry_id FROM answers').pluck().get()).toBeNull();
    expect(db.pragma('foreign_key_check')).toEqual([]);
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
    const entry = new CuratedStore(db).add(GUILD_A, { question: 'Siapa pendiri Wagner?', answer: 'x', paragraphs: [], aliases: [] }, 'u1');
    expect(() =>
      db.prepare("INSERT INTO curated_phrases (guild_id, entry_id, phrase, phrase_key, is_question, position) VALUES ('other', ?, 'a b c', 'a b c', 0, 1)").run(entry.id),
    ).toThrow(/FOREIGN KEY/);
  });

  afterAll(() => temp.cleanup());
});
