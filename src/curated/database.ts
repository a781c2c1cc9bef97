import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** One schema step. Steps run in order, each exactly once, inside the opening transaction. */
export type Migration = (db: Db) => void;

/**
 * The schema history. Append only: never edit a step that has shipped, add a new one.
 * `PRAGMA user_version` records how many steps a database file has applied.
 *
 * Every table carries `guild_id` (a Discord snowflake as text, or the offline console's
 * fixed local id) and child rows reference their parent by (guild_id, id), so a row can
 * never point into another guild.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1: curated answers, their phrasings, the unanswered-questions queue, answer feedback.
  (db) => {
    db.exec(`
      CREATE TABLE faq_entries (
        -- AUTOINCREMENT: ids of removed entries are never reused, so an old id quoted in a
        -- log or a button can never come to mean a different answer.
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id    TEXT    NOT NULL CHECK (guild_id <> ''),
        answer      TEXT    NOT NULL,
        paragraphs  TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(paragraphs)), -- JSON array of 'article-id#n'
        author_id   TEXT    NOT NULL,
        created_at  INTEGER NOT NULL, -- epoch ms
        updated_at  INTEGER NOT NULL, -- epoch ms
        updated_by  TEXT    NOT NULL,
        use_count   INTEGER NOT NULL DEFAULT 0,
        UNIQUE (guild_id, id)
      );
      CREATE INDEX faq_entries_guild ON faq_entries (guild_id, id);

      -- The question and its aliases, unique per guild after normalisation (phrase_key).
      CREATE TABLE faq_phrases (
        guild_id    TEXT    NOT NULL,
        entry_id    INTEGER NOT NULL,
        phrase      TEXT    NOT NULL,
        phrase_key  TEXT    NOT NULL CHECK (phrase_key <> ''),
        is_question INTEGER NOT NULL CHECK (is_question IN (0, 1)),
        position    INTEGER NOT NULL, -- 0 for the question, then alias order
        UNIQUE (guild_id, phrase_key),
        FOREIGN KEY (guild_id, entry_id) REFERENCES faq_entries (guild_id, id) ON DELETE CASCADE
      );
      CREATE INDEX faq_phrases_entry ON faq_phrases (entry_id, position);
      CREATE UNIQUE INDEX faq_phrases_one_question ON faq_phrases (entry_id) WHERE is_question = 1;

      -- Questions the bot could not answer or that got a thumbs-down. No user ids, on purpose.
      CREATE TABLE unanswered_questions (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id          TEXT    NOT NULL CHECK (guild_id <> ''),
        question          TEXT    NOT NULL,
        question_key      TEXT    NOT NULL CHECK (question_key <> ''),
        ask_count         INTEGER NOT NULL,
        abstained_count   INTEGER NOT NULL DEFAULT 0,
        thumbs_down_count INTEGER NOT NULL DEFAULT 0,
        first_asked_at    INTEGER NOT NULL,
        last_asked_at     INTEGER NOT NULL,
        UNIQUE (guild_id, question_key)
      );
      CREATE INDEX unanswered_rank ON unanswered_questions (guild_id, ask_count DESC, last_asked_at DESC);

      -- One row per /ask reply, so feedback buttons can carry a short id.
      CREATE TABLE answers (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id         TEXT    NOT NULL CHECK (guild_id <> ''),
        question         TEXT    NOT NULL,
        curated_entry_id INTEGER REFERENCES faq_entries (id) ON DELETE SET NULL,
        abstained        INTEGER NOT NULL CHECK (abstained IN (0, 1)),
        created_at       INTEGER NOT NULL,
        UNIQUE (guild_id, id)
      );
      CREATE INDEX answers_created ON answers (created_at);
      CREATE INDEX answers_curated_entry ON answers (curated_entry_id);

      -- One vote per user per answer (the primary key); user ids are needed for that rule.
      CREATE TABLE answer_votes (
        guild_id  TEXT    NOT NULL,
        answer_id INTEGER NOT NULL,
        user_id   TEXT    NOT NULL,
        vote      TEXT    NOT NULL CHECK (vote IN ('up', 'down')),
        -- Set once this user's thumbs-down was pushed to the unanswered queue, so
        -- flipping a vote back and forth cannot inflate the queue.
        queued    INTEGER NOT NULL DEFAULT 0 CHECK (queued IN (0, 1)),
        voted_at  INTEGER NOT NULL,
        PRIMARY KEY (answer_id, user_id),
        FOREIGN KEY (guild_id, answer_id) REFERENCES answers (guild_id, id) ON DELETE CASCADE
      );
    `);
  },
  // 2: one name for curated answers, in the schema too. RENAME also rewrites the foreign
  // keys that point at these tables (answers.curated_entry_id, the phrases' parent).
  (db) => {
    db.exec(`
      ALTER TABLE faq_entries RENAME TO curated_entries;
      ALTER TABLE faq_phrases RENAME TO curated_phrases;
      DROP INDEX faq_entries_guild;
      DROP INDEX faq_phrases_entry;
      DROP INDEX faq_phrases_one_question;
      CREATE INDEX curated_entries_guild ON curated_entries (guild_id, id);
      CREATE INDEX curated_phrases_entry ON curated_phrases (entry_id, position);
      CREATE UNIQUE INDEX curated_phrases_one_question ON curated_phrases (entry_id) WHERE is_question = 1;
    `);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** How long a writer waits for another connection's lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the bot's SQLite database and brings its schema up to date.
 * Durability: WAL with `synchronous = FULL`, so a write that returned has been fsynced
 * and survives SIGKILL or power loss.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the missing migrations in one IMMEDIATE transaction: all of them or none. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  if (schemaVersion(db) === migrations.length) return; // the common case: no write lock taken
  db.transaction(() => {
    // Re-read under the write lock: another process may have migrated meanwhile.
    const current = schemaVersion(db);
    if (current > migrations.length) {
      throw new Error(`database schema version ${current} is newer than this code (${migrations.length}); upgrade the bot`);
    }
    for (let version = current; version < migrations.length; version++) migrations[version]!(db);
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
}

/**
 * Runs `fn` in an IMMEDIATE transaction. Writers take the lock up front: a deferred
 * transaction that reads and then writes can fail with SQLITE_BUSY_SNAPSHOT when another
 * connection wrote in between, and busy_timeout does not retry that case.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** True when `error` is SQLite refusing a row because of a UNIQUE or PRIMARY KEY constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function assertGuildId(guildId: string): void {
  if (typeof guildId !== 'string' || guildId.trim() === '') throw new TypeError('guildId must be a non-empty string');
}
