import type { Logger } from '../config/logger.js';
import { logTransaction } from '../curated/database.js';
import type { CuratedStore } from '../curated/curatedStore.js';
import type { FeedbackStore } from '../curated/feedback.js';
import type { UnansweredQueue } from '../curated/unansweredQueue.js';

export interface AnswerRecordInput {
  curatedEntryId?: number;
  abstained: boolean;
  /** Put the question in the unanswered queue (an abstention worth a moderator's look). */
  queue: boolean;
}

/**
 * What an /ask leaves behind: the answer row its 👍/👎 buttons refer to, the curated
 * entry's use count, the unanswered queue. One transaction without fsync (the answer
 * log's NORMAL mode), and never in the way of the answer: when it fails (a full disk, a
 * database locked by another process for longer than the short busy wait, a read-only
 * file) it is logged and the member gets the answer without feedback buttons.
 */
export class AnswerBookkeeping {
  constructor(private readonly deps: { feedback: FeedbackStore; unanswered: UnansweredQueue; curated: CuratedStore; logger: Logger }) {
    if (deps.unanswered.db !== deps.feedback.db || deps.curated.db !== deps.feedback.db) {
      throw new Error('AnswerBookkeeping: the stores must share one database connection (one transaction)');
    }
  }

  /** The stored answer's id, or undefined when nothing could be recorded. */
  record(guildId: string, question: string, input: AnswerRecordInput): number | undefined {
    const { feedback, unanswered, curated, logger } = this.deps;
    try {
      return logTransaction(feedback.db, () => {
        if (input.curatedEntryId !== undefined) curated.recordUse(guildId, input.curatedEntryId);
        if (input.queue) unanswered.record(guildId, question, 'abstained');
        return feedback.recordAnswer(guildId, question, input);
      });
    } catch (error) {
      logger.warn({ err: error, guild: guildId }, 'answer bookkeeping failed; the answer is sent without feedback buttons');
      return undefined;
    }
  }
}
