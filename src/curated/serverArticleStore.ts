import type { Article } from '../corpus/types.js';
import { assertGuildId, writeTransaction, type Db } from './database.js';

/** What /article list shows of one of a server's articles (no paragraph texts). */
export interface ServerArticleSummary {
  guildId: string;
  id: string;
  title: string;
  paragraphCount: number;
  /** The uploaded file's name and size in bytes. */
  fileName: string;
  bytes: number;
  addedBy: string;
  /** Epoch ms. */
  addedAt: number;
}

export interface UploadRecord {
  addedBy: string;
  fileName: string;
  bytes: number;
}

/** The server already has an article with this id. */
export class ServerArticleConflictError extends Error {
  constructor(readonly articleId: string) {
    super(`this server already has an article "${articleId}"`);
    this.name = 'ServerArticleConflictError';
  }
}

/** The server holds as many articles as it may (ARTICLES_PER_SERVER). */
export class ServerArticleLimitError extends Error {
  constructor(readonly limit: number) {
    super(`this server already has ${limit} article(s), the most it may hold`);
    this.name = 'ServerArticleLimitError';
  }
}

interface ArticleRow {
  guild_id: string;
  article_id: string;
  title: string;
  language: string;
  source_url: string | null;
  date: string | null;
  aliases: string;
  paragraphs: string;
  file_name: string;
  bytes: number;
  added_by: string;
  added_at: number;
}

type SummaryRow = Omit<ArticleRow, 'paragraphs' | 'aliases' | 'language' | 'source_url' | 'date'> & { paragraph_count: number };

/**
 * The articles each server's moderators added, in SQLite, every read and write scoped by
 * guild id. An article is stored as parsed and checked at upload (paragraph texts, title,
 * aliases), so what is searched after a restart is exactly what was confirmed. Writes are
 * durable (fsynced); the per-server revision (kept by triggers) tells every process
 * sharing the file which server's search view is stale.
 */
export class ServerArticleStore {
  private readonly sql: ReturnType<typeof prepareStatements>;

  constructor(readonly db: Db, private readonly clock: () => number = Date.now) {
    this.sql = prepareStatements(db);
  }

  /**
   * Adds an article, unless the server already has one with its id or already holds
   * `limit` articles: both are checked under the write lock, so two moderators (or two
   * shards) adding at once cannot exceed the limit.
   */
  add(guildId: string, article: Article, upload: UploadRecord, limit: number): ServerArticleSummary {
    assertGuildId(guildId);
    const now = this.clock();
    writeTransaction(this.db, () => {
      if (this.sql.exists.get(guildId, article.id)) throw new ServerArticleConflictError(article.id);
      if (this.sql.count.get(guildId)!.total >= limit) throw new ServerArticleLimitError(limit);
      this.sql.insert.run({
        guild_id: guildId,
        article_id: article.id,
        title: article.title,
        language: article.language,
        source_url: article.sourceUrl ?? null,
        date: article.date ?? null,
        aliases: JSON.stringify(article.aliases ?? []),
        paragraphs: JSON.stringify(article.paragraphs.map((p) => p.text)),
        file_name: upload.fileName,
        bytes: upload.bytes,
        added_by: upload.addedBy,
        added_at: now,
      });
      this.sql.history.run(guildId, article.id, 'add', upload.addedBy, now, article.title);
    });
    return this.summary(guildId, article.id)!;
  }

  /** Removes one of the server's articles; undefined when it has none with that id. */
  remove(guildId: string, articleId: string, actorId: string): ServerArticleSummary | undefined {
    return writeTransaction(this.db, () => {
      const summary = this.summary(guildId, articleId);
      if (!summary) return undefined;
      this.sql.delete.run(guildId, articleId);
      this.sql.history.run(guildId, articleId, 'remove', actorId, this.clock(), summary.title);
      return summary;
    });
  }

  summary(guildId: string, articleId: string): ServerArticleSummary | undefined {
    const row = this.sql.summary.get(guildId, articleId);
    return row ? toSummary(row) : undefined;
  }

  /** The server's articles, oldest first, without their texts. */
  list(guildId: string): ServerArticleSummary[] {
    return this.sql.list.all(guildId).map(toSummary);
  }

  /** The server's articles in full, oldest first (what its search view indexes). */
  articles(guildId: string): Article[] {
    return this.sql.articles.all(guildId).map(toArticle);
  }

  count(guildId: string): number {
    return this.sql.count.get(guildId)!.total;
  }

  /**
   * Changes whenever the server's articles change, through any connection or process;
   * 0 for a server that never had any.
   */
  revision(guildId: string): number {
    return this.sql.revision.get(guildId)?.revision ?? 0;
  }

  /** Every server's article ids and paragraph counts (the start-up check of curated citations). */
  allSummaries(): ServerArticleSummary[] {
    return this.sql.all.all().map(toSummary);
  }
}

function toSummary(row: SummaryRow): ServerArticleSummary {
  return {
    guildId: row.guild_id,
    id: row.article_id,
    title: row.title,
    paragraphCount: row.paragraph_count,
    fileName: row.file_name,
    bytes: row.bytes,
    addedBy: row.added_by,
    addedAt: row.added_at,
  };
}

function toArticle(row: ArticleRow): Article {
  const texts = JSON.parse(row.paragraphs) as string[];
  const aliases = JSON.parse(row.aliases) as string[][];
  const sourceUrl = row.source_url ?? undefined;
  return {
    id: row.article_id,
    title: row.title,
    language: row.language,
    sourceUrl,
    date: row.date ?? undefined,
    file: row.file_name,
    ...(aliases.length ? { aliases } : {}),
    paragraphs: texts.map((text, i) => ({ articleId: row.article_id, articleTitle: row.title, number: i + 1, text, sourceUrl })),
  };
}

function prepareStatements(db: Db) {
  const summaryColumns = 'guild_id, article_id, title, json_array_length(paragraphs) AS paragraph_count, file_name, bytes, added_by, added_at';
  return {
    insert: db.prepare<[Omit<ArticleRow, never>]>(
      `INSERT INTO server_articles (guild_id, article_id, title, language, source_url, date, aliases, paragraphs, file_name, bytes, added_by, added_at)
       VALUES (@guild_id, @article_id, @title, @language, @source_url, @date, @aliases, @paragraphs, @file_name, @bytes, @added_by, @added_at)`,
    ),
    history: db.prepare<[string, string, 'add' | 'remove', string, number, string]>(
      'INSERT INTO server_article_history (guild_id, article_id, action, actor_id, at, title) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    delete: db.prepare<[string, string]>('DELETE FROM server_articles WHERE guild_id = ? AND article_id = ?'),
    exists: db.prepare<[string, string], { one: number }>('SELECT 1 AS one FROM server_articles WHERE guild_id = ? AND article_id = ?'),
    count: db.prepare<[string], { total: number }>('SELECT COUNT(*) AS total FROM server_articles WHERE guild_id = ?'),
    summary: db.prepare<[string, string], SummaryRow>(`SELECT ${summaryColumns} FROM server_articles WHERE guild_id = ? AND article_id = ?`),
    list: db.prepare<[string], SummaryRow>(`SELECT ${summaryColumns} FROM server_articles WHERE guild_id = ? ORDER BY added_at, rowid`),
    all: db.prepare<[], SummaryRow>(`SELECT ${summaryColumns} FROM server_articles ORDER BY guild_id, added_at, rowid`),
    articles: db.prepare<[string], ArticleRow>('SELECT * FROM server_articles WHERE guild_id = ? ORDER BY added_at, rowid'),
    revision: db.prepare<[string], { revision: number }>('SELECT revision FROM server_article_revisions WHERE guild_id = ?'),
  };
}
