import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  DataDirError,
  describeDatabaseError,
  migrate,
  MIGRATIONS,
  openDatabase,
  RUNTIME_BUSY_TIMEOUT_MS,
  schemaVersion,
  SCHEMA_VERSION,
  whenNotBusy,
  type Db,
} from '../../src/curated/database.js';
import { FeedbackStore } from '../../src/curated/feedback.js';
import { UnansweredQueue } from '../../src/curated/unansweredQueue.js';
import { CuratedStore } from '../../src/curated/curatedStore.js';
import { GUILD_A, GUILD_B, tempDir } from './helpers.js';

describe('openDatabase', () => {
  const temp = tempDir();
  const open: Db[] = [];
  const track = (db: Db) => (open.push(db), db);
  /** A database file as a previous version left it: the first `version` migrations, then `fill` writes its rows. */
  const fileAtVersion = (name: string, version: number, fill: (db: Db) => void): string => {
    const file = temp.file(name);
    const old = new Database(file);
    try {
      old.pragma('foreign_keys = ON');
      migrate(old, MIGRATIONS.slice(0, version));
      fill(old);
    } finally {
      old.close();
    }
    return file;
  };
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
    // A lock wait blocks the event loop: short at run time (durable writes retry asynchronously).
    expect(db.pragma('busy_timeout', { simple: true })).toBe(RUNTIME_BUSY_TIMEOUT_MS);
  });

  it('curated writes commit with synchronous = FULL, the answer log with NORMAL (no fsync per question)', () => {
    const db = track(openDatabase(temp.file('modes.sqlite')));
    const store = new CuratedStore(db);
    const feedback = new FeedbackStore(db);
    const entry = store.add(GUILD_A, { question: 'Siapa pendiri Wagner?', answer: 'Prigozhin.', paragraphs: [], aliases: [] }, 'u1');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    feedback.recordAnswer(GUILD_A, 'Siapa pendiri Wagner?', { abstained: false });
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    store.recordUse(GUILD_A, entry.id);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    store.edit(GUILD_A, entry.id, { answer: 'Yevgeny Prigozhin.' }, 'u2');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    new UnansweredQueue(db).record(GUILD_A, 'Siapa juara liga?', 'abstained');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('whenNotBusy waits for another connection\'s lock without blocking the event loop, and gives up at its deadline', async () => {
    const file = temp.file('locked.sqlite');
    const db = track(openDatabase(file));
    const store = new CuratedStore(db);
    const other = track(openDatabase(file));
    other.exec('BEGIN IMMEDIATE'); // another process holding the write lock

    const events: string[] = [];
    const add = whenNotBusy(() => store.add(GUILD_A, { question: 'Siapa pendiri Wagner?', answer: 'Prigozhin.', paragraphs: [], aliases: [] }, 'u1')).then((entry) => {
      events.push('saved');
      return entry;
    });
    // Other work keeps running while the write waits.
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      events.push(`tick ${i}`);
    }
    expect(events).toEqual(['tick 0', 'tick 1', 'tick 2']);
    other.exec('COMMIT');
    expect((await add).id).toBeGreaterThan(0);
    expect(events.at(-1)).toBe('saved');

    other.exec('BEGIN IMMEDIATE');
    await expect(whenNotBusy(() => store.add(GUILD_A, { question: 'Siapa Putin?', answer: 'Presiden.', paragraphs: [], aliases: [] }, 'u1'), 100)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    other.exec('ROLLBACK');
    expect(store.count(GUILD_A)).toBe(1);
  });

  it('runs migrations once and re-opening is idempotent', () => {
    const file = temp.file('migrate.sqlite');
    const first = track(openDatabase(file));
    expect(schemaVersion(first)).toBe(SCHEMA_VERSION);
    const tables = () =>
      (first.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
    expect(tables()).toEqual(['answer_votes', 'answers', 'curated_entries', 'curated_history', 'curated_phrases', 'curated_revision', 'curated_revisions', 'moderator_roles', 'server_article_history', 'server_article_revisions', 'server_articles', 'unanswered_questions']);
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
    const file = fileAtVersion('old-names.sqlite', 1, (v1) => {
      v1.prepare("INSERT INTO faq_entries (guild_id, answer, author_id, created_at, updated_at, updated_by) VALUES (?, 'Prigozhin.', 'u1', 1, 1, 'u1')").run(GUILD_A);
      v1.prepare("INSERT INTO faq_phrases (guild_id, entry_id, phrase, phrase_key, is_question, position) VALUES (?, 1, 'Siapa pendiri Wagner?', 'siapa pendiri wagner', 1, 0)").run(GUILD_A);
      v1.prepare("INSERT INTO answers (guild_id, question, curated_entry_id, abstained, created_at) VALUES (?, 'q', 1, 0, 1)").run(GUILD_A);
    });

    const db = track(openDatabase(file));
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const store = new CuratedStore(db);
    expect(store.get(GUILD_A, 1)).toMatchObject({ question: 'Siapa pendiri Wagner?', answer: 'Prigozhin.' });
    // The answers table's foreign key follows the renamed table: removing the entry unlinks the answer.
    store.remove(GUILD_A, 1, 'mod');
    expect(db.prepare('SELECT curated_entry_id FROM answers').pluck().get()).toBeNull();
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it("upgrades a database with one curated revision for all servers to one per server: each server's revision then moves alone", () => {
    const file = fileAtVersion('one-revision.sqlite', 4, (v4) => {
      v4.prepare("INSERT INTO curated_entries (guild_id, answer, author_id, created_at, updated_at, updated_by) VALUES (?, 'Prigozhin.', 'u1', 1, 1, 'u1')").run(GUILD_A);
      expect(v4.prepare('SELECT revision FROM curated_revision').pluck().get()).toBe(1);
    });

    const db = track(openDatabase(file));
    const store = new CuratedStore(db);
    expect(store.revision(GUILD_A)).toBe(0);
    store.add(GUILD_B, { question: 'Siapa Putin?', answer: 'Presiden Rusia.', paragraphs: [], aliases: [] }, 'mod');
    expect(store.revision(GUILD_A)).toBe(0);
    expect(store.revision(GUILD_B)).toBeGreaterThan(0);
    // The one number of migration 3 still moves, for a process of the previous version still running during an upgrade.
    expect(db.prepare('SELECT revision FROM curated_revision').pluck().get()).toBeGreaterThan(1);
  });

  it('upgrades a queue of the previous schema: its questions keep their counts, with no pick; the previous version\'s insert still works', () => {
    const insert = "INSERT INTO unanswered_questions (guild_id, question, question_key, ask_count, abstained_count, thumbs_down_count, first_asked_at, last_asked_at) VALUES (?, ?, ?, 2, 2, 0, 1, 1)";
    const file = fileAtVersion('queue-v5.sqlite', 5, (v5) => v5.prepare(insert).run(GUILD_A, 'Siapa juara liga?', 'siapa juara liga'));

    const db = track(openDatabase(file));
    const queue = new UnansweredQueue(db);
    expect(queue.list(GUILD_A).items).toEqual([expect.objectContaining({ question: 'Siapa juara liga?', count: 2, pickCount: 0 })]);
    expect(queue.list(GUILD_A).items[0]!.pickedEntryId).toBeUndefined();
    db.prepare(insert).run(GUILD_A, 'Kapan liga mulai?', 'kapan liga mulai'); // as a shard of the previous version writes it
    expect(queue.recordPick(GUILD_A, 'Kapan liga mulai?', 3)).toBe(true);
    expect(queue.list(GUILD_A).items.find((i) => i.question === 'Kapan liga mulai?')).toMatchObject({ pickedEntryId: 3, pickCount: 1 });
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

describe('a bad DATA_DIR is refused with the path and the fix, and nothing is overwritten', () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  function refusal(file: string): DataDirError {
    try {
      openDatabase(file).close();
    } catch (error) {
      if (error instanceof DataDirError) return error;
      throw error;
    }
    throw new Error('expected a DataDirError');
  }

  it('a file that is not a database', () => {
    const file = temp.file('notes.db');
    writeFileSync(file, 'catatan rapat, bukan database\n'.repeat(20));
    const before = readFileSync(file);
    const error = refusal(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/is not a SQLite database.*left unchanged.*Move it out of the way, or point DATA_DIR at another folder/);
    expect(readFileSync(file)).toEqual(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a truncated database', () => {
    const file = temp.file('truncated.db');
    const db = openDatabase(file);
    const store = new CuratedStore(db);
    for (let i = 0; i < 200; i++) store.add(GUILD_A, { question: `Pertanyaan nomor ${i} tentang Wagner?`, answer: 'x'.repeat(500), paragraphs: [], aliases: [] }, 'u1');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = readFileSync(file);
    const error = refusal(file);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/is truncated .*left unchanged\. Restore it from a backup, or move it away/);
    expect(readFileSync(file)).toEqual(before);
  });

  it('a data folder that cannot be created', () => {
    const blocker = temp.file('a-file');
    writeFileSync(blocker, '');
    const error = refusal(join(blocker, 'data', 'bot.db'));
    expect(error.message).toMatch(/The data folder .*a-file\/data cannot be created \(ENOTDIR\): create it and make it writable for this user, or point DATA_DIR at another folder/);
  });

  it('a full disk (SQLite reports SQLITE_FULL) is described with the path and the fix', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x)');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    let full: unknown;
    try {
      db.prepare('INSERT INTO t VALUES (?)').run('x'.repeat(100_000));
    } catch (error) {
      full = error;
    }
    db.close();
    expect(full).toMatchObject({ code: 'SQLITE_FULL' });
    const described = describeDatabaseError('/srv/bot/data/bot.db', full);
    expect(described).toBeInstanceOf(DataDirError);
    expect(described.message).toMatch(/^The disk holding \/srv\/bot\/data\/bot\.db is full .*: free some space, or point DATA_DIR at another folder\.$/);
  });
});
