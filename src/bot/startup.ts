import { join } from 'node:path';
import type { Config } from '../config/config.js';
import type { Logger } from '../config/logger.js';
import { CuratedIndex } from '../curated/curatedIndex.js';
import { openDatabase, type Db } from '../curated/database.js';
import { CuratedStore } from '../curated/curatedStore.js';
import { FeedbackStore } from '../curated/feedback.js';
import { UnansweredQueue } from '../curated/unansweredQueue.js';
import { loadEngine } from '../search/loadEngine.js';
import type { SearchEngine } from '../search/engine.js';
import { CommandRegistry } from './registry.js';
import type { Services } from './services.js';

export interface Bot {
  registry: CommandRegistry;
  services: Services;
  close(): void;
}

/**
 * Builds the engine, opens the database and loads the commands: everything both
 * transports (Discord and the console) share. Data flows corpus -> analysis -> index
 * -> answer -> rendering -> transport; this is where the first four are put together.
 */
export async function startBot(config: Pick<Config, 'corpusDir' | 'dataDir'>, logger: Logger): Promise<Bot> {
  const engine = await loadEngine({ corpusPath: config.corpusDir, dataDir: config.dataDir, logger: (message) => logger.info(message) });
  const services = createServices(engine, openDatabase(join(config.dataDir, 'bot.db')), logger);
  const registry = new CommandRegistry(await CommandRegistry.loadCommands(), services);
  services.commandList = registry.toJSON();
  logger.info(`Loaded ${engine.corpus.articles.length} article(s), ${engine.paragraphCount} paragraphs; commands: ${registry.names.map((n) => '/' + n).join(' ')}`);
  const retention = keepAnswersFor(services, ANSWER_RETENTION_MS);
  return {
    registry,
    services,
    close: () => {
      clearInterval(retention);
      services.curatedIndex.close();
      services.db.close();
    },
  };
}

/** How long the answer rows behind 👍/👎 buttons (and their votes) are kept. */
export const ANSWER_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/** Deletes older answer rows now and once a day, so votes (user ids) are not kept forever. */
function keepAnswersFor(services: Services, ms: number): NodeJS.Timeout {
  const prune = () => {
    const removed = services.feedback.deleteAnswersBefore(Date.now() - ms);
    if (removed) services.logger.info(`Removed ${removed} answer record(s) older than ${Math.round(ms / 86_400_000)} days`);
  };
  prune();
  const timer = setInterval(prune, 24 * 60 * 60 * 1000);
  timer.unref();
  return timer;
}

/** The services over one engine and one database (tests build them on ':memory:'). */
export function createServices(engine: SearchEngine, db: Db, logger: Logger): Services {
  const curated = new CuratedStore(db);
  return {
    engine,
    db,
    curated,
    curatedIndex: new CuratedIndex(curated, engine.analyzer),
    unanswered: new UnansweredQueue(db),
    feedback: new FeedbackStore(db),
    logger,
    commandList: [],
  };
}
