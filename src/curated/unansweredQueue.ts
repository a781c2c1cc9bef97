import { questionKey } from '../analysis/normalize.js';
import { assertGuildId, logTransaction, writeTransaction, type Db } from './database.js';
import { storedQuestion } from './feedback.js';

export type UnansweredReason = 'abstained' | 'thumbs-down';

/** Times are epoch milliseconds. */
export interface UnansweredItem {
  id: number;
  /** The wording of the first time it was asked. */
  question: string;
  count: number;
  abstainedCount: number;
  thumbsDownCount: number;
  firstAskedAt: number;
  lastAskedAt: number;
  /** The curated answer members picked under the "did you mean" of this question, most recently; it may have been removed since. */
  pickedEntryId?: number;
  /** How many times members picked it (a pick of another answer starts the count over). */
  pickCount: number;
}

interface ItemRow {
  id: number;
  question: string;
  ask_count: number;
  abstained_count: number;
  thumbs_down_count: number;
  first_asked_at: number;
  last_asked_at: number;
  picked_entry_id: number | null;
  pick_count: number;
}

/**
 * Questions the bot could not answer well, grouped by normalised wording, for moderators
 * to answer with a curated entry. Deliberately stores no user ids: only what was asked,
 * how often and when.
 */
export class UnansweredQueue {
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(readonly db: Db, private readonly clock: () => number = Date.now) {
    this.sql = prepareStatements(db);
  }

  /**
   * Counts one more ask of this question. Returns the item's id, or undefined for a
   * question with no letters or digits (nothing a moderator could answer).
   */
  record(guildId: string, question: string, reason: UnansweredReason): number | undefined {
    assertGuildId(guildId);
    const text = storedQuestion(question);
    const key = questionKey(text);
    if (!key) return undefined;
    const now = this.clock();
    return logTransaction(this.db, () =>
      this.sql.upsert.get({
        guildId,
        question: text,
        key,
        now,
        abstained: reason === 'abstained' ? 1 : 0,
        thumbsDown: reason === 'thumbs-down' ? 1 : 0,
      })!.id,
    );
  }

  /**
   * A member pressed "Show that answer" under the "did you mean" of this question: it asks
   * for curated answer `entryId`. Counted on the queued question, if it is still queued
   * (a moderator may have answered or dismissed it); returns whether it was.
   */
  recordPick(guildId: string, question: string, entryId: number): boolean {
    const key = questionKey(storedQuestion(question));
    if (!key) return false;
    return logTransaction(this.db, () => this.sql.pick.run({ guildId, key, entryId }).changes > 0);
  }

  /** Most asked first, then most recently asked. */
  list(guildId: string, page: { offset?: number; limit?: number } = {}): { items: UnansweredItem[]; total: number } {
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.max(0, Math.floor(page.limit ?? 25));
    return this.db.transaction(() => ({
      items: this.sql.page.all(guildId, limit, offset).map(toItem),
      total: this.sql.count.get(guildId)!.total,
    }))();
  }

  get(guildId: string, id: number): UnansweredItem | undefined {
    const row = this.sql.get.get(guildId, id);
    return row ? toItem(row) : undefined;
  }

  /** Removes an item (a moderator answered it). Returns whether it existed in this guild. */
  resolve(guildId: string, id: number): boolean {
    return writeTransaction(this.db, () => this.sql.delete.run(guildId, id).changes > 0);
  }

  /**
   * Removes the item asked with this wording, if any. Accepts a question or an already
   * computed `questionKey` (the key of a key is itself).
   */
  resolveMatching(guildId: string, questionOrKey: string): boolean {
    const key = questionKey(questionOrKey);
    if (!key) return false;
    return writeTransaction(this.db, () => this.sql.deleteByKey.run(guildId, key).changes > 0);
  }
}

function toItem(row: ItemRow): UnansweredItem {
  return {
    id: row.id,
    question: row.question,
    count: row.ask_count,
    abstainedCount: row.abstained_count,
    thumbsDownCount: row.thumbs_down_count,
    firstAskedAt: row.first_asked_at,
    lastAskedAt: row.last_asked_at,
    ...(row.picked_entry_id !== null ? { pickedEntryId: row.picked_entry_id } : {}),
    pickCount: row.pick_count,
  };
}

function prepareStatements(db: Db) {
  const columns = 'id, question, ask_count, abstained_count, thumbs_down_count, first_asked_at, last_asked_at, picked_entry_id, pick_count';
  return {
    upsert: db.prepare<[{ guildId: string; question: string; key: string; now: number; abstained: number; thumbsDown: number }], { id: number }>(
      `INSERT INTO unanswered_questions
         (guild_id, question, question_key, ask_count, abstained_count, thumbs_down_count, first_asked_at, last_asked_at)
       VALUES (@guildId, @question, @key, 1, @abstained, @thumbsDown, @now, @now)
       ON CONFLICT (guild_id, question_key) DO UPDATE SET
         ask_count = ask_count + 1,
         abstained_count = abstained_count + excluded.abstained_count,
         thumbs_down_count = thumbs_down_count + excluded.thumbs_down_count,
         last_asked_at = max(last_asked_at, excluded.last_asked_at)
       RETURNING id`,
    ),
    page: db.prepare<[string, number, number], ItemRow>(
      `SELECT ${columns} FROM unanswered_questions WHERE guild_id = ?
        ORDER BY ask_count DESC, last_asked_at DESC, id DESC LIMIT ? OFFSET ?`,
    ),
    pick: db.prepare<[{ guildId: string; key: string; entryId: number }]>(
      `UPDATE unanswered_questions
          SET pick_count = CASE WHEN picked_entry_id = @entryId THEN pick_count + 1 ELSE 1 END, picked_entry_id = @entryId
        WHERE guild_id = @guildId AND question_key = @key`,
    ),
    count: db.prepare<[string], { total: number }>('SELECT COUNT(*) AS total FROM unanswered_questions WHERE guild_id = ?'),
    get: db.prepare<[string, number], ItemRow>(`SELECT ${columns} FROM unanswered_questions WHERE guild_id = ? AND id = ?`),
    delete: db.prepare<[string, number]>('DELETE FROM unanswered_questions WHERE guild_id = ? AND id = ?'),
    deleteByKey: db.prepare<[string, string]>('DELETE FROM unanswered_questions WHERE guild_id = ? AND question_key = ?'),
  };
}
