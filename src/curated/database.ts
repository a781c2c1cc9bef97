import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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
  // 3: moderator roles per server, who did what to curated answers, and a revision
  // number of what curated answers say.
  (db) => {
    db.exec(`
      -- Roles a server names as moderators: their members may press the moderators'
      -- buttons and submit their forms (Discord does not gate components).
      CREATE TABLE moderator_roles (
        guild_id TEXT    NOT NULL CHECK (guild_id <> ''),
        role_id  TEXT    NOT NULL,
        added_by TEXT    NOT NULL,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (guild_id, role_id)
      );

      -- Append-only: every add, edit and removal of a curated answer, by whom. Kept when
      -- the entry goes, so a removal is still accounted for.
      CREATE TABLE curated_history (
        id       INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id TEXT    NOT NULL CHECK (guild_id <> ''),
        entry_id INTEGER NOT NULL,
        action   TEXT    NOT NULL CHECK (action IN ('add', 'edit', 'remove')),
        actor_id TEXT    NOT NULL,
        at       INTEGER NOT NULL,
        question TEXT    NOT NULL
      );
      CREATE INDEX curated_history_entry ON curated_history (guild_id, entry_id, id);

      -- Bumped by every change to what curated answers say (not by their use counts), so a
      -- process sharing the file knows when its match indexes are stale. SQLite's
      -- data_version would change with every /ask of every process (the answer log).
      CREATE TABLE curated_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL);
      INSERT INTO curated_revision VALUES (1, 0);
      CREATE TRIGGER curated_revision_entry_insert AFTER INSERT ON curated_entries BEGIN UPDATE curated_revision SET revision = revision + 1; END;
      CREATE TRIGGER curated_revision_entry_delete AFTER DELETE ON curated_entries BEGIN UPDATE curated_revision SET revision = revision + 1; END;
      CREATE TRIGGER curated_revision_entry_update AFTER UPDATE OF answer, paragraphs ON curated_entries BEGIN UPDATE curated_revision SET revision = revision + 1; END;
      CREATE TRIGGER curated_revision_phrase_insert AFTER INSERT ON curated_phrases BEGIN UPDATE curated_revision SET revision = revision + 1; END;
      CREATE TRIGGER curated_revision_phrase_delete AFTER DELETE ON curated_phrases BEGIN UPDATE curated_revision SET revision = revision + 1; END;
    `);
  },
  // 4: articles a server's moderators add (/article add), searched in that server only.
  (db) => {
    db.exec(`
      -- One row per article, as parsed and checked at upload (the paragraphs are what is
      -- searched and cited; the file itself is not kept).
      CREATE TABLE server_articles (
        guild_id   TEXT    NOT NULL CHECK (guild_id <> ''),
        article_id TEXT    NOT NULL CHECK (article_id <> ''),
        title      TEXT    NOT NULL CHECK (title <> ''),
        language   TEXT    NOT NULL,
        source_url TEXT,
        date       TEXT,
        aliases    TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)), -- JSON array of groups, each an array of phrasings
        paragraphs TEXT    NOT NULL CHECK (json_valid(paragraphs) AND json_array_length(paragraphs) > 0), -- JSON array of paragraph texts
        file_name  TEXT    NOT NULL,
        bytes      INTEGER NOT NULL,
        added_by   TEXT    NOT NULL,
        added_at   INTEGER NOT NULL, -- epoch ms
        PRIMARY KEY (guild_id, article_id)
      );

      -- Append-only: who added and removed which article (kept when the article goes).
      CREATE TABLE server_article_history (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        guild_id   TEXT    NOT NULL CHECK (guild_id <> ''),
        article_id TEXT    NOT NULL,
        action     TEXT    NOT NULL CHECK (action IN ('add', 'remove')),
        actor_id   TEXT    NOT NULL,
        at         INTEGER NOT NULL,
        title      TEXT    NOT NULL
      );
      CREATE INDEX server_article_history_guild ON server_article_history (guild_id, article_id, id);

      -- Bumped by every change to a server's articles, per server, so that every process
      -- sharing the file (every shard) rebuilds that server's search view, and only that one.
      CREATE TABLE server_article_revisions (guild_id TEXT PRIMARY KEY, revision INTEGER NOT NULL);
      CREATE TRIGGER server_articles_insert AFTER INSERT ON server_articles BEGIN
        INSERT INTO server_article_revisions (guild_id, revision) VALUES (NEW.guild_id, 1) ON CONFLICT (guild_id) DO UPDATE SET revision = revision + 1;
      END;
      CREATE TRIGGER server_articles_delete AFTER DELETE ON server_articles BEGIN
        INSERT INTO server_article_revisions (guild_id, revision) VALUES (OLD.guild_id, 1) ON CONFLICT (guild_id) DO UPDATE SET revision = revision + 1;
      END;
      CREATE TRIGGER server_articles_update AFTER UPDATE ON server_articles BEGIN
        INSERT INTO server_article_revisions (guild_id, revision) VALUES (NEW.guild_id, 1) ON CONFLICT (guild_id) DO UPDATE SET revision = revision + 1;
        INSERT INTO server_article_revisions (guild_id, revision) VALUES (OLD.guild_id, 1) ON CONFLICT (guild_id) DO UPDATE SET revision = revision + 1;
      END;
    `);
  },
  // 5: curated answers' revision per server, as for articles: migration 3's one number for
  // all servers made every process rebuild every server's match index after a change in any.
  // Migration 3's table and triggers stay: a process of the previous version still running
  // during an upgrade (another shard) reads it.
  (db) => {
    const bump = (guild: string) => `INSERT INTO curated_revisions (guild_id, revision) VALUES (${guild}.guild_id, 1) ON CONFLICT (guild_id) DO UPDATE SET revision = revision + 1;`;
    db.exec(`
      -- Bumped by every change to what a server's curated answers say (not by their use
      -- counts), so every process sharing the file rebuilds that server's match index, and
      -- only that one. No row: never changed (0).
      CREATE TABLE curated_revisions (guild_id TEXT PRIMARY KEY, revision INTEGER NOT NULL);
      CREATE TRIGGER curated_revisions_entry_insert AFTER INSERT ON curated_entries BEGIN ${bump('NEW')} END;
      CREATE TRIGGER curated_revisions_entry_delete AFTER DELETE ON curated_entries BEGIN ${bump('OLD')} END;
      CREATE TRIGGER curated_revisions_entry_update AFTER UPDATE OF answer, paragraphs ON curated_entries BEGIN ${bump('NEW')} END;
      CREATE TRIGGER curated_revisions_phrase_insert AFTER INSERT ON curated_phrases BEGIN ${bump('NEW')} END;
      CREATE TRIGGER curated_revisions_phrase_delete AFTER DELETE ON curated_phrases BEGIN ${bump('OLD')} END;
    `);
  },
  // 6: a member who pressed "Show that answer" under a "did you mean" says which curated
  // answer the queued question asks for; moderators see it ("Same as…" comes prefilled).
  // Once per answer: the answer row keeps the pick. Added columns with defaults: a process
  // of the previous version still writes the rows.
  (db) => {
    db.exec(`
      ALTER TABLE answers ADD COLUMN picked_entry_id INTEGER; -- the curated answer picked under this answer's "did you mean"; counted once
      ALTER TABLE unanswered_questions ADD COLUMN picked_entry_id INTEGER; -- the answer members picked last (checked when shown: it may be gone)
      ALTER TABLE unanswered_questions ADD COLUMN pick_count INTEGER NOT NULL DEFAULT 0; -- how many times members picked it
    `);
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * How long a statement waits for another connection's write lock while the bot runs. The
 * wait blocks the event loop (better-sqlite3 is synchronous), so it is kept short; durable
 * writes retry asynchronously (`whenNotBusy`), bookkeeping gives up and logs.
 */
export const RUNTIME_BUSY_TIMEOUT_MS = 20;
/** At start-up nothing else is served yet: migrations may wait longer for the lock. */
const STARTUP_BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Lock wait once open (default RUNTIME_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the bot's SQLite database and brings its schema up to date.
 * WAL journal. Durable writes (`writeTransaction`) run with `synchronous = FULL`, so one
 * that returned has been fsynced and survives SIGKILL or power loss; the answer log
 * (`logTransaction`) runs with NORMAL: no fsync per question, still safe against a killed
 * process. A file that is not a healthy database is refused with what to do, never
 * overwritten (see DataDirError).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const inMemory = file === ':memory:';
  if (!inMemory) prepareLocation(file);
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw describeDatabaseError(file, error);
  }
  try {
    db.pragma(`busy_timeout = ${STARTUP_BUSY_TIMEOUT_MS}`);
    if (!inMemory) db.pragma('journal_mode = WAL');
    setSynchronous(db, 'FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? RUNTIME_BUSY_TIMEOUT_MS))}`);
  } catch (error) {
    db.close();
    throw inMemory ? error : describeDatabaseError(file, error);
  }
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the missing migrations in one IMMEDIATE transaction: all of them or none. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): void {
  if (schemaVersion(db) === migrations.length) return; // the common case: no write lock taken
  writeTransaction(db, () => {
    // Re-read under the write lock: another process may have migrated meanwhile.
    const current = schemaVersion(db);
    if (current > migrations.length) {
      throw new Error(`database schema version ${current} is newer than this code (${migrations.length}); upgrade the bot`);
    }
    for (let version = current; version < migrations.length; version++) migrations[version]!(db);
    db.pragma(`user_version = ${migrations.length}`);
  });
}

type Synchronous = 'FULL' | 'NORMAL';
const synchronousMode = new WeakMap<Db, Synchronous>();

function setSynchronous(db: Db, mode: Synchronous): void {
  if (synchronousMode.get(db) === mode || db.inTransaction) return;
  db.pragma(`synchronous = ${mode}`);
  synchronousMode.set(db, mode);
}

/**
 * A durable write: an IMMEDIATE transaction committed with `synchronous = FULL`. Writers
 * take the lock up front: a deferred transaction that reads and then writes can fail with
 * SQLITE_BUSY_SNAPSHOT when another connection wrote in between, and busy_timeout does not
 * retry that case.
 */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  setSynchronous(db, 'FULL');
  return db.transaction(fn).immediate();
}

/**
 * A bookkeeping write (the answer log, the unanswered queue, use counts): committed with
 * `synchronous = NORMAL`, so an /ask costs no fsync. In WAL mode that survives a killed
 * process; only an OS crash or power loss can drop the last such writes.
 */
export function logTransaction<T>(db: Db, fn: () => T): T {
  setSynchronous(db, 'NORMAL');
  return db.transaction(fn).immediate();
}

/** True when SQLite gave up waiting for another connection's lock. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/**
 * Runs a write, and while the database is locked by another connection retries it after
 * a pause that yields to the event loop, until `deadlineMs`. Each try blocks for at most
 * RUNTIME_BUSY_TIMEOUT_MS, so a long lock never freezes the bot.
 */
export async function whenNotBusy<T>(write: () => T, deadlineMs = 5000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || Date.now() + pause > deadline) throw error;
    }
    await sleep(pause);
  }
}

/** True when `error` is SQLite refusing a row because of a UNIQUE or PRIMARY KEY constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function assertGuildId(guildId: string): void {
  if (typeof guildId !== 'string' || guildId.trim() === '') throw new TypeError('guildId must be a non-empty string');
}

/** The database file (or its folder) cannot be used; the message names the path and the fix. */
export class DataDirError extends Error {
  constructor(message: string, readonly path: string, readonly code?: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const SET_DATA_DIR = 'or point DATA_DIR at another folder';

/** Creates the folder, and refuses a file that is not a whole SQLite database before SQLite opens it. */
function prepareLocation(file: string): void {
  const dir = dirname(resolve(file));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataDirError(`The data folder ${dir} cannot be created (${code}): create it and make it writable for this user, ${SET_DATA_DIR}.`, dir, code);
  }
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return; // a new database
  }
  if (size === 0) return; // SQLite treats an empty file as an empty database
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    throw new DataDirError(`${file} is not a SQLite database, so the bot will not touch it (it was left unchanged). Move it out of the way, ${SET_DATA_DIR}.`, file, 'SQLITE_NOTADB');
  }
  // The header's page count is valid when its "version valid for" matches the change counter.
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  if (header.readUInt32BE(92) === header.readUInt32BE(24) && pages * pageSize > size) {
    throw new DataDirError(
      `${file} is truncated (${size} bytes, its header says ${pages * pageSize}); it was left unchanged. Restore it from a backup, or move it away to start with an empty database.`,
      file,
      'SQLITE_CORRUPT',
    );
  }
}

/** Turns SQLite's and the file system's errors about the database file into a DataDirError. */
export function describeDatabaseError(file: string, error: unknown): Error {
  if (error instanceof DataDirError) return error;
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const detail = (error as Error)?.message ?? String(error);
  const folder = dirname(resolve(file));
  if (code.startsWith('SQLITE_NOTADB')) return new DataDirError(`${file} is not a SQLite database (${detail}); it was left unchanged. Move it out of the way, ${SET_DATA_DIR}.`, file, code);
  if (code.startsWith('SQLITE_CORRUPT')) return new DataDirError(`${file} is damaged (${detail}); it was left unchanged. Restore it from a backup, or move it away to start with an empty database.`, file, code);
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC') return new DataDirError(`The disk holding ${file} is full (${detail}): free some space, ${SET_DATA_DIR}.`, file, code);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code === 'EACCES' || code === 'EROFS') {
    return new DataDirError(`${file} cannot be opened for writing (${detail}): make ${folder} and the files in it writable for this user, ${SET_DATA_DIR}.`, file, code);
  }
  return error instanceof Error ? error : new Error(detail);
}
