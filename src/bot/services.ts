import type { Logger } from '../config/logger.js';
import type { CuratedIndex } from '../curated/curatedIndex.js';
import type { CuratedStore } from '../curated/curatedStore.js';
import type { FeedbackStore } from '../curated/feedback.js';
import type { UnansweredQueue } from '../curated/unansweredQueue.js';
import type { Db } from '../curated/database.js';
import type { SearchEngine } from '../search/engine.js';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';

/** Everything a command handler may use. Built once at start-up (see src/bot/startup.ts). */
export interface Services {
  engine: SearchEngine;
  db: Db;
  curated: CuratedStore;
  curatedIndex: CuratedIndex;
  unanswered: UnansweredQueue;
  feedback: FeedbackStore;
  logger: Logger;
  /** The registered commands' definitions, for /help. */
  commandList: RESTPostAPIChatInputApplicationCommandsJSONBody[];
}
