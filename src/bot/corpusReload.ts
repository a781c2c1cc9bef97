import { performance } from 'node:perf_hooks';
import type { Logger } from '../config/logger.js';
import { watchCorpus } from '../corpus/corpusWatcher.js';
import { CorpusError } from '../corpus/types.js';
import { CorpusChangedError, loadEngineInBackground } from '../search/backgroundIndex.js';
import type { Services } from './services.js';
import { warnAboutMissingCitations } from './citationCheck.js';
import { warmEngine, warmGuilds } from './warmUp.js';

export interface CorpusReload {
  /** Loads the corpus again now (what a change in the folder triggers); resolves when it is swapped in or refused. */
  reload(): Promise<void>;
  close(): void;
}

/**
 * The host's corpus, live: a file added, edited or removed in CORPUS_DIR is loaded and
 * indexed in a worker thread while the bot keeps answering from the previous corpus, then
 * swapped in at once (every server's view follows on its next question). A malformed file
 * leaves the previous corpus serving and logs the file and line. Changes during a reload
 * start another one when it ends.
 */
export function startCorpusReload(paths: { corpusDir: string; dataDir: string }, services: Services, logger: Logger): CorpusReload {
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const warming = new AbortController();

  const once = async (): Promise<void> => {
    const started = performance.now();
    try {
      let loaded: Awaited<ReturnType<typeof loadEngineInBackground>> | undefined;
      for (let attempt = 1; !loaded; attempt++) {
        try {
          loaded = await loadEngineInBackground({ corpusPath: paths.corpusDir, dataDir: paths.dataDir });
        } catch (error) {
          if (!(error instanceof CorpusChangedError) || attempt >= 3) throw error;
        }
      }
      if (closed) return;
      const { engine } = loaded;
      // Warmed before it serves, and then the servers in use, so no member's question builds their tables.
      const onError = (error: unknown) => logger.warn({ err: error }, 'a warm-up step of the reloaded corpus failed; the first question that needs it builds it');
      await warmEngine(engine, { onError, signal: warming.signal });
      if (closed) return;
      const inUse = new Set([...services.curatedIndex.guilds(), ...services.views.guilds()]);
      services.views.replaceBase(engine);
      services.curatedIndex.setAnalyzer(engine.analyzer);
      void warmGuilds(services, [...inUse].reverse(), { onError, signal: warming.signal }); // most recently used first
      const ms = Math.round(performance.now() - started);
      logger.info(
        { articles: engine.corpus.articles.length, paragraphs: engine.paragraphCount, ms, index: loaded.indexSource },
        `Corpus reloaded from ${paths.corpusDir}: ${engine.corpus.articles.length} article(s), ${engine.paragraphCount} paragraphs (${ms} ms, indexed in the background)`,
      );
      warnAboutMissingCitations(services);
    } catch (error) {
      if (closed) return;
      const current = services.views.base.corpus;
      const file = error instanceof CorpusError ? { file: error.file, line: error.line } : {};
      logger.error(
        { ...file, err: error instanceof CorpusError ? undefined : error },
        `Corpus reload failed, still serving the previous corpus (${current.articles.length} article(s)): ${(error as Error)?.message ?? String(error)}`,
      );
    }
  };

  const reload = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once();
      } while (again && !closed);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const watcher = watchCorpus(paths.corpusDir, () => void reload(), {
    onError: (error) => logger.warn({ err: error }, `watching ${paths.corpusDir} failed; corpus changes are picked up at the next start`),
  });
  logger.debug(`watching ${paths.corpusDir} for changes`);
  return {
    reload,
    close() {
      closed = true;
      warming.abort();
      watcher.close();
    },
  };
}
