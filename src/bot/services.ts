import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AnswerBookkeeping } from '../answer/bookkeeping.js';
import type { Logger } from '../config/logger.js';
import type { CuratedIndex } from '../curated/curatedIndex.js';
import type { CuratedStore } from '../curated/curatedStore.js';
import type { FeedbackStore } from '../curated/feedback.js';
import type { ModeratorRoleStore } from '../curated/moderatorRoles.js';
import type { UnansweredQueue } from '../curated/unansweredQueue.js';
import type { SearchEngine } from '../search/engine.js';

/**
 * What commands pick their dependencies from (each command's `uses`), built once at
 * start-up (src/bot/startup.ts). The database connection itself is not in here.
 */
export interface Services {
  engine: SearchEngine;
  curated: CuratedStore;
  curatedIndex: CuratedIndex;
  unanswered: UnansweredQueue;
  feedback: FeedbackStore;
  moderatorRoles: ModeratorRoleStore;
  bookkeeping: AnswerBookkeeping;
  logger: Logger;
  /** The registered commands' definitions, for /help. */
  commandList: RESTPostAPIChatInputApplicationCommandsJSONBody[];
}
