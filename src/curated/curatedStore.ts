import { normalizeText, questionKey } from '../analysis/normalize.js';
import { assertGuildId, isUniqueViolation, logTransaction, writeTransaction, type Db } from './database.js';

/** What a moderator provides for a curated answer (already validated, see validation.ts). */
export interface CuratedInput {
  question: string;
  answer: string;
  /** Citations `article-id#n`. */
  paragraphs: string[];
  aliases: string[];
}

/** Times are epoch milliseconds. */
export interface CuratedEntry {
  id: number;
  guildId: string;
  question: string;
  aliases: string[];
  answer: string;
  paragraphs: string[];
  authorId: string;
  createdAt: number;
  updatedAt: number;
  updatedBy: string;
  useCount: number;
}

export interface CuratedSearchHit {
  entry: CuratedEntry;
  /** The question or alias that matched the text. */
  phrase: string;
}

export interface CuratedChange {
  kind: 'add' | 'edit' | 'remove';
  entryId: number;
}

/** One line of an entry's history. */
export interface CuratedChangeRecord {
  action: 'add' | 'edit' | 'remove';
  actorId: string;
  at: number;
}

export type CuratedChangeListener = (guildId: string, change: CuratedChange) => void;

/** The question or an alias is already used (after normalisation) by an entry of the guild. */
export class CuratedConflictError extends Error {
  constructor(readonly phrase: string, readonly existingEntryId: number, readonly existingPhrase: string) {
    super(`"${phrase}" is already used by curated answer #${existingEntryId} ("${existingPhrase}")`);
    this.name = 'CuratedConflictError';
  }
}

/** No entry with that id in that guild (entries of other guilds are deliberately indistinguishable). */
export class CuratedNotFoundError extends Error {
  constructor(readonly entryId: number) {
    super(`curated answer #${entryId} not found`);
    this.name = 'CuratedNotFoundError';
  }
}

interface EntryRow {
  id: number;
  guild_id: string;
  answer: string;
  paragraphs: string;
  author_id: string;
  created_at: number;
  updated_at: number;
  updated_by: string;
  use_count: number;
}

interface PhraseRow {
  entry_id: number;
  phrase: string;
  is_question: number;
}

interface PreparedPhrase {
  phrase: string;
  key: string;
}

/**
 * Moderator-curated answers of every guild, in SQLite. All reads and writes are scoped
 * by guild id; uniqueness of questions and aliases is enforced by the database itself
 * (UNIQUE(guild_id, phrase_key)), so it also holds between processes sharing the file.
 */
export class CuratedStore {
  private readonly listeners = new Set<CuratedChangeListener>();
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(readonly db: Db, private readonly clock: () => number = Date.now) {
    this.sql = prepareStatements(db);
  }

  /** Called after each committed add, edit or remove. Returns an unsubscribe function. */
  onChange(listener: CuratedChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  add(guildId: string, input: CuratedInput, authorId: string): CuratedEntry {
    assertGuildId(guildId);
    const phrases = preparePhrases(input.question, input.aliases);
    const now = this.clock();
    const id = writeTransaction(this.db, () => {
      const { lastInsertRowid } = this.sql.insertEntry.run(guildId, input.answer, JSON.stringify(input.paragraphs), authorId, now, now, authorId);
      const entryId = Number(lastInsertRowid);
      this.insertPhrases(guildId, entryId, phrases);
      this.sql.insertHistory.run(guildId, entryId, 'add', authorId, now, phrases[0]!.phrase);
      return entryId;
    });
    this.emit(guildId, { kind: 'add', entryId: id });
    return this.get(guildId, id)!;
  }

  /** Applies the given changes; the question and aliases are replaced as a whole when given. */
  edit(guildId: string, id: number, changes: Partial<CuratedInput>, editorId: string): CuratedEntry {
    assertGuildId(guildId);
    const now = this.clock();
    writeTransaction(this.db, () => {
      const current = this.get(guildId, id);
      if (!current) throw new CuratedNotFoundError(id);
      if (changes.question !== undefined || changes.aliases !== undefined) {
        const phrases = preparePhrases(changes.question ?? current.question, changes.aliases ?? current.aliases);
        this.sql.deletePhrases.run(guildId, id);
        this.insertPhrases(guildId, id, phrases);
      }
      this.sql.updateEntry.run(
        changes.answer ?? current.answer,
        JSON.stringify(changes.paragraphs ?? current.paragraphs),
        now,
        editorId,
        guildId,
        id,
      );
      this.sql.insertHistory.run(guildId, id, 'edit', editorId, now, changes.question ?? current.question);
    });
    this.emit(guildId, { kind: 'edit', entryId: id });
    return this.get(guildId, id)!;
  }

  remove(guildId: string, id: number, actorId: string): CuratedEntry | undefined {
    const removed = writeTransaction(this.db, () => {
      const entry = this.get(guildId, id);
      if (!entry) return undefined;
      this.sql.deleteEntry.run(guildId, id); // phrases go with it (ON DELETE CASCADE)
      this.sql.insertHistory.run(guildId, id, 'remove', actorId, this.clock(), entry.question);
      return entry;
    });
    if (removed) this.emit(guildId, { kind: 'remove', entryId: id });
    return removed;
  }

  get(guildId: string, id: number): CuratedEntry | undefined {
    if (!Number.isSafeInteger(id)) return undefined;
    const row = this.sql.getEntry.get(guildId, id);
    return row ? toEntry(row, this.sql.entryPhrases.all(guildId, id)) : undefined;
  }

  /** A page of entries, oldest first (stable pages while moderators browse). */
  list(guildId: string, page: { offset?: number; limit?: number } = {}): { entries: CuratedEntry[]; total: number } {
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.max(0, Math.floor(page.limit ?? 25));
    return this.db.transaction(() => {
      const total = this.sql.countEntries.get(guildId)!.total;
      const rows = this.sql.pageEntries.all(guildId, limit, offset);
      return { entries: rows.map((row) => toEntry(row, this.sql.entryPhrases.all(guildId, row.id))), total };
    })();
  }

  /** Every entry of the guild, oldest first (for building the match index). */
  all(guildId: string): CuratedEntry[] {
    return this.db.transaction(() => {
      const phrasesByEntry = new Map<number, PhraseRow[]>();
      for (const phrase of this.sql.guildPhrases.all(guildId)) {
        const list = phrasesByEntry.get(phrase.entry_id) ?? [];
        list.push(phrase);
        phrasesByEntry.set(phrase.entry_id, list);
      }
      return this.sql.allEntries.all(guildId).map((row) => toEntry(row, phrasesByEntry.get(row.id) ?? []));
    })();
  }

  /** Every citation of every guild's entries, for the start-up check of missing paragraphs. */
  citations(): { guildId: string; entryId: number; citation: string }[] {
    return this.sql.allCitations.all().map((row) => ({ guildId: row.guild_id, entryId: row.id, citation: row.citation }));
  }

  count(guildId: string): number {
    return this.sql.countEntries.get(guildId)!.total;
  }

  /** Counts one use of the entry (an /ask answered with it): bookkeeping, no fsync. */
  recordUse(guildId: string, id: number): boolean {
    return logTransaction(this.db, () => this.sql.incrementUse.run(guildId, id).changes > 0);
  }

  /** Who added, edited and removed the entry, oldest first. */
  history(guildId: string, id: number): CuratedChangeRecord[] {
    return this.sql.entryHistory.all(guildId, id).map((row) => ({ action: row.action, actorId: row.actor_id, at: row.at }));
  }

  /**
   * For autocomplete: entries whose question or an alias contains `text` (compared as
   * question keys), most used first, then those starting with it, then those with a word starting with
   * it, then questions before aliases.
   * One hit per entry. Empty text lists the most used entries.
   */
  search(guildId: string, text: string, limit = 25): CuratedSearchHit[] {
    const max = Math.max(0, Math.floor(limit));
    if (max === 0) return [];
    const key = questionKey(text);
    // An entry has at most 11 phrases, so this many rows always hold `max` distinct entries.
    const rows = this.sql.searchPhrases.all({ guildId, key, limit: max * 11 });
    const hits: CuratedSearchHit[] = [];
    const seen = new Set<number>();
    for (const row of rows) {
      if (seen.has(row.entry_id)) continue;
      seen.add(row.entry_id);
      const entry = this.get(guildId, row.entry_id);
      if (entry) hits.push({ entry, phrase: row.phrase });
      if (hits.length >= max) break;
    }
    return hits;
  }

  /** The entry owning a phrase (question or alias) of the guild, compared as question keys. */
  findByPhrase(guildId: string, phrase: string): CuratedEntry | undefined {
    const row = this.sql.phraseOwner.get(guildId, questionKey(phrase));
    return row ? this.get(guildId, row.entry_id) : undefined;
  }

  /**
   * Changes whenever what a server's curated answers say changes, through any connection
   * or process, which change events cannot report (CuratedIndex rebuilds that server's
   * index then); use counts and other servers' changes do not move it. 0: never changed.
   */
  revision(guildId: string): number {
    return this.sql.revision.get(guildId)?.revision ?? 0;
  }

  private insertPhrases(guildId: string, entryId: number, phrases: PreparedPhrase[]): void {
    phrases.forEach(({ phrase, key }, position) => {
      try {
        this.sql.insertPhrase.run(guildId, entryId, phrase, key, position === 0 ? 1 : 0, position);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // The constraint is the arbiter (it also catches a concurrent writer); name the owner.
        const owner = this.sql.phraseOwner.get(guildId, key);
        throw new CuratedConflictError(phrase, owner?.entry_id ?? -1, owner?.phrase ?? phrase);
      }
    });
  }

  private emit(guildId: string, change: CuratedChange): void {
    for (const listener of this.listeners) {
      try {
        listener(guildId, change);
      } catch (error) {
        // The write is committed; a failing listener must not make it look failed.
        console.error('curated answers: change listener failed', error);
      }
    }
  }
}

/**
 * Normalised question first, then aliases; an alias repeating the question or another
 * alias (same key) is dropped here: validation reports it to the user, the store just
 * must not trip over itself on UNIQUE.
 */
function preparePhrases(question: string, aliases: string[]): PreparedPhrase[] {
  const phrases: PreparedPhrase[] = [];
  const seen = new Set<string>();
  [question, ...aliases].forEach((raw, index) => {
    const phrase = normalizeText(raw).replace(/\s+/g, ' ').trim();
    const key = questionKey(phrase);
    if (!key) {
      if (index === 0) throw new TypeError('the question must contain letters or digits');
      return;
    }
    if (seen.has(key)) return;
    seen.add(key);
    phrases.push({ phrase, key });
  });
  return phrases;
}

function toEntry(row: EntryRow, phrases: PhraseRow[]): CuratedEntry {
  const question = phrases.find((p) => p.is_question === 1)?.phrase ?? '';
  return {
    id: row.id,
    guildId: row.guild_id,
    question,
    aliases: phrases.filter((p) => p.is_question === 0).map((p) => p.phrase),
    answer: row.answer,
    paragraphs: JSON.parse(row.paragraphs) as string[],
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    useCount: row.use_count,
  };
}

function prepareStatements(db: Db) {
  const entryColumns = 'id, guild_id, answer, paragraphs, author_id, created_at, updated_at, updated_by, use_count';
  return {
    insertEntry: db.prepare<[string, string, string, string, number, number, string]>(
      `INSERT INTO curated_entries (guild_id, answer, paragraphs, author_id, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateEntry: db.prepare<[string, string, number, string, string, number]>(
      'UPDATE curated_entries SET answer = ?, paragraphs = ?, updated_at = ?, updated_by = ? WHERE guild_id = ? AND id = ?',
    ),
    insertHistory: db.prepare<[string, number, CuratedChangeRecord['action'], string, number, string]>(
      'INSERT INTO curated_history (guild_id, entry_id, action, actor_id, at, question) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    entryHistory: db.prepare<[string, number], { action: CuratedChangeRecord['action']; actor_id: string; at: number }>(
      'SELECT action, actor_id, at FROM curated_history WHERE guild_id = ? AND entry_id = ? ORDER BY id',
    ),
    allCitations: db.prepare<[], { guild_id: string; id: number; citation: string }>(
      'SELECT e.guild_id, e.id, c.value AS citation FROM curated_entries e, json_each(e.paragraphs) c ORDER BY e.guild_id, e.id',
    ),
    revision: db.prepare<[string], { revision: number }>('SELECT revision FROM curated_revisions WHERE guild_id = ?'),
    deleteEntry: db.prepare<[string, number]>('DELETE FROM curated_entries WHERE guild_id = ? AND id = ?'),
    incrementUse: db.prepare<[string, number]>('UPDATE curated_entries SET use_count = use_count + 1 WHERE guild_id = ? AND id = ?'),
    getEntry: db.prepare<[string, number], EntryRow>(`SELECT ${entryColumns} FROM curated_entries WHERE guild_id = ? AND id = ?`),
    countEntries: db.prepare<[string], { total: number }>('SELECT COUNT(*) AS total FROM curated_entries WHERE guild_id = ?'),
    pageEntries: db.prepare<[string, number, number], EntryRow>(
      `SELECT ${entryColumns} FROM curated_entries WHERE guild_id = ? ORDER BY id LIMIT ? OFFSET ?`,
    ),
    allEntries: db.prepare<[string], EntryRow>(`SELECT ${entryColumns} FROM curated_entries WHERE guild_id = ? ORDER BY id`),
    insertPhrase: db.prepare<[string, number, string, string, number, number]>(
      'INSERT INTO curated_phrases (guild_id, entry_id, phrase, phrase_key, is_question, position) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    deletePhrases: db.prepare<[string, number]>('DELETE FROM curated_phrases WHERE guild_id = ? AND entry_id = ?'),
    entryPhrases: db.prepare<[string, number], PhraseRow>(
      'SELECT entry_id, phrase, is_question FROM curated_phrases WHERE guild_id = ? AND entry_id = ? ORDER BY position',
    ),
    guildPhrases: db.prepare<[string], PhraseRow>(
      'SELECT entry_id, phrase, is_question FROM curated_phrases WHERE guild_id = ? ORDER BY entry_id, position',
    ),
    phraseOwner: db.prepare<[string, string], { entry_id: number; phrase: string }>(
      'SELECT entry_id, phrase FROM curated_phrases WHERE guild_id = ? AND phrase_key = ?',
    ),
    searchPhrases: db.prepare<[{ guildId: string; key: string; limit: number }], { entry_id: number; phrase: string }>(
      `SELECT p.entry_id, p.phrase
         FROM curated_phrases p JOIN curated_entries e ON e.guild_id = p.guild_id AND e.id = p.entry_id
        WHERE p.guild_id = @guildId AND instr(p.phrase_key, @key) > 0
        ORDER BY e.use_count DESC,
                 instr(p.phrase_key, @key) = 1 DESC,
                 instr(' ' || p.phrase_key, ' ' || @key) > 0 DESC,
                 p.is_question DESC, e.id, p.position
        LIMIT @limit`,
    ),
  };
}
