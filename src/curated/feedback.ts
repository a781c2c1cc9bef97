import { normalizeText } from '../analysis/normalize.js';
import { MAX_QUESTION_LENGTH } from '../shared/limits.js';
import { shorten, stripBidiControls } from '../shared/text.js';
import { assertGuildId, logTransaction, writeTransaction, type Db } from './database.js';
import type { UnansweredQueue } from './unansweredQueue.js';

export type Vote = 'up' | 'down';

/** One /ask reply. Times are epoch milliseconds. */
export interface AnswerRecord {
  id: number;
  guildId: string;
  question: string;
  /** The curated entry that answered, if any (cleared when that entry is removed). */
  curatedEntryId?: number;
  abstained: boolean;
  createdAt: number;
}

export interface VoteResult {
  /** False when the user clicked the vote they had already cast. */
  changed: boolean;
  /** The user's vote before this click. */
  previous?: Vote;
  up: number;
  down: number;
}

interface AnswerRow {
  id: number;
  guild_id: string;
  question: string;
  curated_entry_id: number | null;
  abstained: number;
  created_at: number;
}

/**
 * Replies to /ask and the thumbs up/down they receive: one vote per user per answer,
 * switching allowed. User ids live only in the votes table, which the one-vote rule needs.
 */
export class FeedbackStore {
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(readonly db: Db, private readonly clock: () => number = Date.now) {
    this.sql = prepareStatements(db);
  }

  /**
   * Records a reply (bookkeeping: no fsync); the returned id is short enough for a
   * button's custom id. `id` is one from reserveAnswerIds (the buttons already carry it);
   * without it the database numbers the row.
   */
  recordAnswer(guildId: string, question: string, reply: { curatedEntryId?: number; abstained: boolean }, id?: number): number {
    assertGuildId(guildId);
    const text = storedQuestion(question);
    return logTransaction(this.db, () =>
      Number(this.sql.insertAnswer.run(id ?? null, guildId, text, reply.curatedEntryId ?? null, reply.abstained ? 1 : 0, this.clock()).lastInsertRowid),
    );
  }

  /**
   * Reserves `count` answer ids for this process: the first of them. Ids come from the
   * answers table's AUTOINCREMENT sequence, which SQLite lets us advance, so they are
   * never handed out twice, across processes sharing the file and after a crash (a
   * durable write), and a reply can carry its id before its row is written.
   */
  reserveAnswerIds(count: number): number {
    return writeTransaction(this.db, () => {
      this.sql.ensureSequence.run();
      return this.sql.advanceSequence.get(count)!.seq - count + 1;
    });
  }

  /**
   * Records that a member picked curated answer `entryId` under this answer's "did you
   * mean". Only the first pick of an answer counts (a button pressed again, or by someone
   * else in the channel, does not count twice): returns whether this one did.
   */
  markPicked(guildId: string, answerId: number, entryId: number): boolean {
    return logTransaction(this.db, () => this.sql.markPicked.run(entryId, guildId, answerId).changes > 0);
  }

  getAnswer(guildId: string, answerId: number): AnswerRecord | undefined {
    const row = this.sql.getAnswer.get(guildId, answerId);
    return row ? toAnswer(row) : undefined;
  }

  /**
   * Casts or switches a user's vote. Throws when the answer is not one of this guild's
   * (a stale or forged button).
   */
  vote(guildId: string, answerId: number, userId: string, vote: Vote): VoteResult {
    return writeTransaction(this.db, () => this.castVote(guildId, answerId, userId, vote).result);
  }

  /**
   * `vote`, and when it is a thumbs-down, the question goes to the unanswered queue in
   * the same transaction: at most once per user and answer, however often they flip.
   */
  voteAndQueue(queue: UnansweredQueue, guildId: string, answerId: number, userId: string, vote: Vote): VoteResult {
    // One transaction needs one connection; another would wait on our own write lock.
    if (queue.db !== this.db) throw new Error('voteAndQueue: the queue must use the same database connection');
    return writeTransaction(this.db, () => {
      const { result, answer } = this.castVote(guildId, answerId, userId, vote);
      if (vote === 'down' && this.sql.markQueued.run(answerId, userId).changes > 0) {
        queue.record(guildId, answer.question, 'thumbs-down');
      }
      return result;
    });
  }

  /** Deletes replies (and their votes) older than the cutoff, for retention. Returns how many. */
  deleteAnswersBefore(cutoff: number): number {
    return writeTransaction(this.db, () => this.sql.deleteBefore.run(cutoff).changes);
  }

  private castVote(guildId: string, answerId: number, userId: string, vote: Vote): { result: VoteResult; answer: AnswerRecord } {
    const answer = this.getAnswer(guildId, answerId);
    if (!answer) throw new Error(`answer ${answerId} not found`);
    const previous = this.sql.getVote.get(answerId, userId)?.vote;
    const changed = previous !== vote;
    if (changed) this.sql.upsertVote.run(guildId, answerId, userId, vote, this.clock());
    const tally = this.sql.tally.get(answerId)!;
    return { result: { changed, previous, up: tally.up ?? 0, down: tally.down ?? 0 }, answer };
  }
}

/** A question as the stores keep it: normalised, one line, no bidi controls, at most MAX_QUESTION_LENGTH. */
export function storedQuestion(question: string): string {
  return shorten(stripBidiControls(normalizeText(question)).replace(/\s+/g, ' ').trim(), MAX_QUESTION_LENGTH);
}

function toAnswer(row: AnswerRow): AnswerRecord {
  return {
    id: row.id,
    guildId: row.guild_id,
    question: row.question,
    ...(row.curated_entry_id !== null ? { curatedEntryId: row.curated_entry_id } : {}),
    abstained: row.abstained === 1,
    createdAt: row.created_at,
  };
}

function prepareStatements(db: Db) {
  return {
    insertAnswer: db.prepare<[number | null, string, string, number | null, number, number]>(
      'INSERT INTO answers (id, guild_id, question, curated_entry_id, abstained, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    ensureSequence: db.prepare<[]>(
      "INSERT INTO sqlite_sequence (name, seq) SELECT 'answers', coalesce((SELECT max(id) FROM answers), 0) WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'answers')",
    ),
    advanceSequence: db.prepare<[number], { seq: number }>("UPDATE sqlite_sequence SET seq = seq + ? WHERE name = 'answers' RETURNING seq"),
    getAnswer: db.prepare<[string, number], AnswerRow>(
      'SELECT id, guild_id, question, curated_entry_id, abstained, created_at FROM answers WHERE guild_id = ? AND id = ?',
    ),
    markPicked: db.prepare<[number, string, number]>('UPDATE answers SET picked_entry_id = ? WHERE guild_id = ? AND id = ? AND picked_entry_id IS NULL'),
    getVote: db.prepare<[number, string], { vote: Vote }>('SELECT vote FROM answer_votes WHERE answer_id = ? AND user_id = ?'),
    upsertVote: db.prepare<[string, number, string, Vote, number]>(
      `INSERT INTO answer_votes (guild_id, answer_id, user_id, vote, voted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
    ),
    markQueued: db.prepare<[number, string]>('UPDATE answer_votes SET queued = 1 WHERE answer_id = ? AND user_id = ? AND queued = 0'),
    tally: db.prepare<[number], { up: number | null; down: number | null }>(
      `SELECT SUM(vote = 'up') AS up, SUM(vote = 'down') AS down FROM answer_votes WHERE answer_id = ?`,
    ),
    deleteBefore: db.prepare<[number]>('DELETE FROM answers WHERE created_at < ?'),
  };
}
