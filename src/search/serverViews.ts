import { setImmediate as nextTurn } from 'node:timers/promises';
import { aliasGroupsOf } from '../analysis/aliases.js';
import { Analyzer } from '../analysis/analyzer.js';
import type { Article, Corpus } from '../corpus/types.js';
import { SearchEngine } from './engine.js';
import type { FrozenIndex } from './frozenIndex.js';
import { indexKey } from './loadEngine.js';

/** Where a server's own articles come from (the database), and when they changed. */
export interface ArticleSource {
  /** Changes whenever the server's articles change, in any process; 0 for a server that never had any. */
  revision(guildId: string): number;
  /** The server's articles, oldest first. */
  articles(guildId: string): Article[];
}

export interface ServerViewsOptions {
  /** Views kept in memory; the least recently used is dropped beyond this (default 200). */
  maxGuilds?: number;
  /** A server article whose id the host's corpus now also uses is left out of the view (the bundled one answers). */
  onShadowed?: (guildId: string, articleIds: string[]) => void;
  /** Building a view failed: the server is answered from the bundled corpus alone meanwhile. */
  onError?: (guildId: string, error: unknown) => void;
}

/** One article's own index, kept while its text and the view's analysis stay the same. */
interface ArticleIndex {
  key: string;
  corpus: Corpus;
  index: FrozenIndex;
}

interface GuildView {
  revision: number;
  base: SearchEngine;
  engine: SearchEngine;
  indexes: Map<string, ArticleIndex>;
}

/**
 * Each server's view of the articles: the bundled corpus plus the articles its
 * moderators added, searched as one collection (`SearchEngine.withArticles`: union
 * statistics, so scores and the answer/abstain decision mean the same whichever article
 * answers). Every server article is a segment with its own small index, so adding one
 * builds only that article's index; the bundled index is never rebuilt. The analysis of
 * a view folds the bundled articles' aliases and the server's (front matter `aliases`);
 * an article's index is reused until its text or that analysis changes.
 *
 * A view is rebuilt when the server's revision moves (another shard process may have
 * added the article) or the bundled corpus is replaced (CORPUS_DIR reloaded). Building
 * yields to the event loop between articles, so a server with many articles never
 * stalls the others (and a slow first answer is deferred by the transport in time).
 */
export class ServerViews {
  private baseEngine: SearchEngine;
  private readonly views = new Map<string, GuildView>();
  private readonly building = new Map<string, Promise<GuildView>>();
  private readonly maxGuilds: number;

  constructor(base: SearchEngine, private readonly source: ArticleSource, private readonly options: ServerViewsOptions = {}) {
    this.baseEngine = base;
    this.maxGuilds = options.maxGuilds ?? 200;
  }

  /** The engine over the bundled corpus alone (DMs, servers without articles of their own). */
  get base(): SearchEngine {
    return this.baseEngine;
  }

  /** The servers whose views are in memory, least recently used first. */
  guilds(): string[] {
    return [...this.views.keys()];
  }

  /** Swaps in a reloaded bundled corpus; every view follows on its next use. */
  replaceBase(engine: SearchEngine): void {
    this.baseEngine = engine;
  }

  /** The server's engine: the bundled corpus and its own articles. Never throws. */
  async engineFor(guildId: string | null): Promise<SearchEngine> {
    if (!guildId) return this.baseEngine;
    try {
      for (;;) {
        const revision = this.source.revision(guildId);
        const cached = this.current(guildId, revision);
        if (cached) return cached;
        if (revision === 0) return this.baseEngine;
        const pending = this.building.get(guildId);
        if (pending) {
          await pending;
          continue; // it may have been built for an older revision or base
        }
        const build = this.build(guildId, revision, this.baseEngine).finally(() => this.building.delete(guildId));
        this.building.set(guildId, build);
        return (await build).engine;
      }
    } catch (error) {
      this.options.onError?.(guildId, error);
      return this.baseEngine;
    }
  }

  /** The server's view when it is built and current, without building it. */
  current(guildId: string, revision = this.source.revision(guildId)): SearchEngine | undefined {
    const view = this.views.get(guildId);
    if (!view || view.revision !== revision || view.base !== this.baseEngine) return revision === 0 ? this.baseEngine : undefined;
    this.views.delete(guildId); // re-insert: Map order doubles as least-recently-used order
    this.views.set(guildId, view);
    return view.engine;
  }

  private async build(guildId: string, revision: number, base: SearchEngine): Promise<GuildView> {
    const previous = this.views.get(guildId);
    const bundledIds = new Set(base.corpus.articles.map((a) => a.id));
    const stored = this.source.articles(guildId);
    const articles = stored.filter((a) => !bundledIds.has(a.id));
    if (articles.length < stored.length) this.options.onShadowed?.(guildId, stored.filter((a) => bundledIds.has(a.id)).map((a) => a.id));

    const serverAliases = articles.flatMap((a) => a.aliases ?? []);
    // The view's analysis: the bundled articles' aliases and the server's, over the same lexicon.
    const analyzer = serverAliases.length
      ? new Analyzer({ lexicon: base.analyzer.lexicon, extraAliases: aliasGroupsOf([...base.corpus.articles.flatMap((a) => a.aliases ?? []), ...serverAliases]) })
      : base.analyzer;
    const indexes = new Map<string, ArticleIndex>();
    let engine = base;
    for (const article of articles) {
      const corpus: Corpus = { articles: [article], paragraphs: article.paragraphs };
      const key = indexKey(corpus, analyzer);
      const reusable = previous?.indexes.get(article.id);
      let built: ArticleIndex;
      if (reusable?.key === key) {
        built = { key, corpus, index: reusable.index };
      } else {
        built = { key, corpus, index: SearchEngine.buildIndex(corpus, analyzer) };
        await nextTurn();
      }
      indexes.set(article.id, built);
      engine = engine.withArticles(built.corpus, built.index, analyzer);
    }
    const view: GuildView = { revision, base, engine, indexes };
    this.views.delete(guildId);
    this.views.set(guildId, view);
    if (this.views.size > this.maxGuilds) this.views.delete(this.views.keys().next().value!);
    return view;
  }
}
