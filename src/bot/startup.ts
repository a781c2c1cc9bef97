import { join } from 'node:path';
import { AnswerBookkeeping } from '../answer/bookkeeping.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { citationOf } from '../corpus/types.js';
import { CuratedIndex } from '../curated/curatedIndex.js';
import { CuratedStore } from '../curated/curatedStore.js';
import { openDatabase, type Db } from '../curated/database.js';
import { FeedbackStore } from '../curated/feedback.js';
import { ModeratorRoleStore } from '../curated/moderatorRoles.js';
import { UnansweredQueue } from '../curated/unansweredQueue.js';
import type { SearchEngine } from '../search/engine.js';
import { loadEngine } from '../search/loadEngine.js';
import { CommandRegistry } from './registry.js';
import type { Services } from './services.js';

export interface Bot {
  registry: CommandRegistry;
  services: Services;
  close(): void;
}

/**
 * Opens the database, builds the engine and loads the commands: everything both
 * transports (Discord and the console) share. Data flows corpus -> analysis -> index
 * -> answer -> rendering -> transport; this is where the first four are put together.
 * The database comes first, so a bad DATA_DIR fails at once (DataDirError).
 */
export async function startBot(config: Pick<Config, 'corpusDir' | 'dataDir'>, logger: Logger): Promise<Bot> {
  const db = openDatabase(join(config.dataDir, 'bot.db'));
  try {
    const engine = await loadEngine({ corpusPath: config.corpusDir, dataDir: config.dataDir, logger: (message) => logger.info(message) });
    const services = createServices(engine, db, logger);
    const registry = new CommandRegistry(await CommandRegistry.loadCommands(), services);
    services.commandList = registry.toJSON();
    logger.info(
      { articles: engine.corpus.articles.length, paragraphs: engine.paragraphCount, commands: registry.names },
      `Loaded ${engine.corpus.articles.length} article(s), ${engine.paragraphCount} paragraphs; commands: ${registry.names.map((n) => '/' + n).join(' ')}`,
    );
    warnAboutMissingCitations(services);
    const retention = keepAnswersFor(services, ANSWER_RETENTION_MS);
    return {
      registry,
      services,
      close: () => {
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

/**
 * Curated answers cite paragraphs; an article shortened or removed since leaves citations
 * that no longer exist. They are dropped from answers, marked in /faq show, and listed here.
 */
function warnAboutMissingCitations(services: Services): void {
  const known = new Set(services.engine.corpus.paragraphs.map(citationOf));
  const missing = services.curated.citations().filter((c) => !known.has(c.citation));
  if (missing.length === 0) return;
  const examples = missing.slice(0, 5).map((m) => `#${m.entryId} ${m.citation} (server ${m.guildId})`);
  services.logger.warn(
    { count: missing.length, examples },
    `${missing.length} citation(s) of curated answers no longer exist in the corpus (article shortened or removed), e.g. ${examples.join(', ')}; see /faq show`,
  );
}

/** The services over one engine and one database (tests build them on ':memory:'). */
export function createServices(engine: SearchEngine, db: Db, logger: Logger): Services {
  const curated = new CuratedStore(db);
  const unanswered = new UnansweredQueue(db);
  const feedback = new FeedbackStore(db);
  return {
    engine,
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
