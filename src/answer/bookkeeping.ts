import type { Logger } from '../config/logger.js';
import { logTransaction } from '../curated/database.js';
import type { CuratedStore } from '../curated/curatedStore.js';
import type { FeedbackStore } from '../curated/feedback.js';
import type { UnansweredQueue } from '../curated/unansweredQueue.js';

/** What an /ask leaves behind, written after its reply has gone out. */
export interface AnswerLogEntry {
  guildId: string;
  question: string;
  /** The id the reply's 👍/👎 buttons carry; none when no id could be reserved. */
  answerId?: number;
  curatedEntryId?: number;
  abstained: boolean;
  /** Put the question in the unanswered queue (an abstention worth a moderator's look). */
  queue: boolean;
}

/** Answer ids reserved per database write. */
const ID_BLOCK = 1000;

/**
 * The bookkeeping of /ask, kept off the answer path: the reply carries an answer id
 * reserved in advance (from the database, ID_BLOCK at a time), and the answer row behind
 * its 👍/👎 buttons, the curated entry's use count and the unanswered queue are written
 * after the reply, in one transaction without fsync (the answer log's NORMAL mode). A
 * failure (a full disk, a database locked by another process for longer than the short
 * busy wait, a read-only file) is logged; the member already has the answer.
 */
export class AnswerBookkeeping {
  private next = 0;
  private last = -1;

  constructor(private readonly deps: { feedback: FeedbackStore; unanswered: UnansweredQueue; curated: CuratedStore; logger: Logger }) {
    if (deps.unanswered.db !== deps.feedback.db || deps.curated.db !== deps.feedback.db) {
      throw new Error('AnswerBookkeeping: the stores must share one database connection (one transaction)');
    }
  }

  /** An id for the reply's feedback buttons, or undefined when none can be reserved (no buttons then). */
  allocateAnswerId(): number | undefined {
    if (this.next > this.last) {
      try {
        this.next = this.deps.feedback.reserveAnswerIds(ID_BLOCK);
        this.last = this.next + ID_BLOCK - 1;
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'could not reserve answer ids; answers go out without feedback buttons');
        return undefined;
      }
    }
    return this.next++;
  }

  /** Writes what the answer left behind. Never throws. */
  record(record: AnswerLogEntry): void {
    const { feedback, unanswered, curated, logger } = this.deps;
    try {
      logTransaction(feedback.db, () => {
        if (record.curatedEntryId !== undefined) curated.recordUse(record.guildId, record.curatedEntryId);
        if (record.queue) unanswered.record(record.guildId, record.question, 'abstained');
        if (record.answerId !== undefined) feedback.recordAnswer(record.guildId, record.question, record, record.answerId);
      });
    } catch (error) {
      logger.warn({ err: error, guild: record.guildId, answer: record.answerId }, 'answer bookkeeping failed (the answer was sent; its feedback buttons will not count)');
    }
  }

  /**
   * A member picked the curated answer a "did you mean" offered under the answer `answerId`
   * (see commands/ask.ts): one more use of the entry, and, on the first pick of that answer,
   * the queued question (the answer log has it; another server's answer id finds nothing)
   * learns which entry it asks for. Written after the member has the answer, like record.
   * Never throws.
   */
  recordPick(pick: { guildId: string; answerId: number; entryId: number }): void {
    const { feedback, unanswered, curated, logger } = this.deps;
    try {
      logTransaction(curated.db, () => {
        curated.recordUse(pick.guildId, pick.entryId);
        const asked = Number.isSafeInteger(pick.answerId) ? feedback.getAnswer(pick.guildId, pick.answerId) : undefined;
        if (asked && feedback.markPicked(pick.guildId, asked.id, pick.entryId)) unanswered.recordPick(pick.guildId, asked.question, pick.entryId);
      });
    } catch (error) {
      logger.warn({ err: error, guild: pick.guildId, entry: pick.entryId }, 'could not record a picked curated answer (the member has it)');
    }
  }
}
