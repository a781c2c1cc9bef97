import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { AnswerBookkeeping } from '../answer/bookkeeping.js';
import type { ArticleSettings } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import type { CuratedIndex } from '../curated/curatedIndex.js';
import type { CuratedStore } from '../curated/curatedStore.js';
import type { FeedbackStore } from '../curated/feedback.js';
import type { ModeratorRoleStore } from '../curated/moderatorRoles.js';
import type { ServerArticleStore } from '../curated/serverArticleStore.js';
import type { UnansweredQueue } from '../curated/unansweredQueue.js';
import type { ServerViews } from '../search/serverViews.js';

/**
 * What commands pick their dependencies from (each command's `uses`), built once at
 * start-up (src/bot/startup.ts). The database connection itself is not in here. The
 * engine is reached through `views` (a server's view: the bundled corpus and its own
 * articles), never held: the bundled corpus is swapped when CORPUS_DIR changes.
 */
export interface Services {
  views: ServerViews;
  serverArticles: ServerArticleStore;
  articleSettings: ArticleSettings;
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
