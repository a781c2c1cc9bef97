import { join } from 'node:path';
import { AnswerBookkeeping } from '../answer/bookkeeping.js';
import { DEFAULT_ARTICLE_SETTINGS, type ArticleSettings, type Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { CuratedIndex } from '../curated/curatedIndex.js';
import { CuratedStore } from '../curated/curatedStore.js';
import { openDatabase, type Db } from '../curated/database.js';
import { FeedbackStore } from '../curated/feedback.js';
import { ModeratorRoleStore } from '../curated/moderatorRoles.js';
import { ServerArticleStore } from '../curated/serverArticleStore.js';
import { UnansweredQueue } from '../curated/unansweredQueue.js';
import type { SearchEngine } from '../search/engine.js';
import { loadEngine } from '../search/loadEngine.js';
import { ServerViews } from '../search/serverViews.js';
import { warnAboutMissingCitations } from './citationCheck.js';
import { startCorpusReload } from './corpusReload.js';
import { CommandRegistry } from './registry.js';
import type { Services } from './services.js';

export interface Bot {
  registry: CommandRegistry;
  services: Services;
  close(): void;
}

export type BotConfig = Pick<Config, 'corpusDir' | 'dataDir'> & Partial<Pick<Config, 'articles' | 'corpusWatch'>>;

/**
 * Opens the database, builds the engine and loads the commands: everything both
 * transports (Discord and the console) share. Data flows corpus -> analysis -> index
 * -> answer -> rendering -> transport; this is where the first four are put together.
 * The database comes first, so a bad DATA_DIR fails at once (DataDirError). With
 * `corpusWatch`, a change in the corpus folder is loaded in the background and swapped in.
 */
export async function startBot(config: BotConfig, logger: Logger): Promise<Bot> {
  const db = openDatabase(join(config.dataDir, 'bot.db'));
  try {
    const engine = await loadEngine({ corpusPath: config.corpusDir, dataDir: config.dataDir, logger: (message) => logger.info(message) });
    const services = createServices(engine, db, logger, config.articles);
    const registry = new CommandRegistry(await CommandRegistry.loadCommands(), services);
    services.commandList = registry.toJSON();
    logger.info(
      { articles: engine.corpus.articles.length, paragraphs: engine.paragraphCount, commands: registry.names },
      `Loaded ${engine.corpus.articles.length} article(s), ${engine.paragraphCount} paragraphs; commands: ${registry.names.map((n) => '/' + n).join(' ')}`,
    );
    warnAboutMissingCitations(services);
    const retention = keepAnswersFor(services, ANSWER_RETENTION_MS);
    const reload = config.corpusWatch ? startCorpusReload({ corpusDir: config.corpusDir, dataDir: config.dataDir }, services, logger) : undefined;
    return {
      registry,
      services,
      close: () => {
        reload?.close();
        clearInterval(retention);
        services.curatedIndex.close();
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** How long the answer rows behind 👍/👎 buttons (and their votes) are kept. */
export const ANSWER_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** Deletes older answer rows now and once a day, so votes (user ids) are not kept forever. */
function keepAnswersFor(services: Services, ms: number): NodeJS.Timeout {
  const prune = () => {
    try {
      const removed = services.feedback.deleteAnswersBefore(Date.now() - ms);
      if (removed) services.logger.info({ removed }, `Removed ${removed} answer record(s) older than ${Math.round(ms / 86_400_000)} days`);
    } catch (error) {
      services.logger.warn({ err: error }, 'could not delete old answer records; will try again tomorrow');
    }
  };
  prune();
  const timer = setInterval(prune, 24 * 60 * 60 * 1000);
  timer.unref();
  return timer;
}

/** The services over one engine and one database (tests build them on ':memory:'). */
export function createServices(engine: SearchEngine, db: Db, logger: Logger, articleSettings: ArticleSettings = DEFAULT_ARTICLE_SETTINGS): Services {
  const curated = new CuratedStore(db);
  const unanswered = new UnansweredQueue(db);
  const feedback = new FeedbackStore(db);
  const serverArticles = new ServerArticleStore(db);
  const views = new ServerViews(engine, serverArticles, {
    onShadowed: (guildId, ids) =>
      logger.warn({ guild: guildId, articles: ids }, `server ${guildId}: article(s) ${ids.join(', ')} left out of its search, since the corpus folder now has an article with the same id`),
    onError: (guildId, error) => logger.error({ err: error, guild: guildId }, `server ${guildId}: its articles could not be indexed; it is answered from the bundled corpus alone`),
  });
  return {
    views,
    serverArticles,
    articleSettings,
    curated,
    curatedIndex: new CuratedIndex(curated, engine.analyzer),
    unanswered,
    feedback,
    moderatorRoles: new ModeratorRoleStore(db),
    bookkeeping: new AnswerBookkeeping({ feedback, unanswered, curated, logger }),
    logger,
    commandList: [],
  };
}
