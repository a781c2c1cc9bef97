import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Article } from '../../src/corpus/types.js';
import { migrate, MIGRATIONS, openDatabase, schemaVersion, type Db } from '../../src/curated/database.js';
import { ServerArticleConflictError, ServerArticleLimitError, ServerArticleStore } from '../../src/curated/serverArticleStore.js';
import { GUILD_A, GUILD_B, tempDir } from './helpers.js';

const ARTICLE: Article = loadCorpus(join(import.meta.dirname, '../fixtures/server-article')).articles[0]!;
const upload = { addedBy: '1100000000000002000', fileName: 'erupsi-lewotobi.md', bytes: 4321 };

function other(id: string, title = `Artikel ${id}`): Article {
  return { id, title, language: 'id', file: `${id}.txt`, paragraphs: [{ articleId: id, articleTitle: title, number: 1, text: `Isi ${id}.` }] };
}

describe('ServerArticleStore', () => {
  const temp = tempDir();
  const open: Db[] = [];
  const db = (file = temp.file()) => {
    const opened = openDatabase(file);
    open.push(opened);
    return opened;
  };
  afterEach(() => {
    while (open.length) open.pop()!.close();
  });
  afterAll(() => temp.cleanup());

  it('keeps an article exactly as parsed (texts, title, aliases, source, date), per server', () => {
    let clock = 1_700_000_000_000;
    const store = new ServerArticleStore(db(':memory:'), () => clock++);
    const summary = store.add(GUILD_A, ARTICLE, upload, 50);
    expect(summary).toEqual({ guildId: GUILD_A, id: 'erupsi-lewotobi', title: ARTICLE.title, paragraphCount: 7, fileName: 'erupsi-lewotobi.md', bytes: 4321, addedBy: upload.addedBy, addedAt: 1_700_000_000_000 });
    const [back] = store.articles(GUILD_A);
    expect({ ...back!, file: ARTICLE.file }).toEqual(ARTICLE);
    expect(store.list(GUILD_A)).toEqual([summary]);
    expect(store.articles(GUILD_B)).toEqual([]);
    expect(store.summary(GUILD_B, 'erupsi-lewotobi')).toBeUndefined();
    expect(store.count(GUILD_A)).toBe(1);
    // Another server may hold an article with the same id: ids are per server.
    store.add(GUILD_B, ARTICLE, upload, 50);
    expect(store.allSummaries().map((s) => `${s.guildId}/${s.id}`)).toEqual([`${GUILD_A}/erupsi-lewotobi`, `${GUILD_B}/erupsi-lewotobi`]);
  });

  it('refuses a second article with the same id in one server, and more than the limit, under the write lock', () => {
    const store = new ServerArticleStore(db(':memory:'));
    store.add(GUILD_A, ARTICLE, upload, 2);
    expect(() => store.add(GUILD_A, ARTICLE, upload, 2)).toThrow(ServerArticleConflictError);
    store.add(GUILD_A, other('dua'), upload, 2);
    expect(() => store.add(GUILD_A, other('tiga'), upload, 2)).toThrow(ServerArticleLimitError);
    expect(store.list(GUILD_A).map((a) => a.id)).toEqual(['erupsi-lewotobi', 'dua']);
    // The limit counts this server's articles only.
    expect(store.add(GUILD_B, other('tiga'), upload, 2).id).toBe('tiga');
  });

  it('removal returns what was removed, once; the history keeps who added and removed', () => {
    const database = db(':memory:');
    const store = new ServerArticleStore(database);
    store.add(GUILD_A, ARTICLE, upload, 50);
    expect(store.remove(GUILD_B, 'erupsi-lewotobi', 'x')).toBeUndefined();
    expect(store.remove(GUILD_A, 'erupsi-lewotobi', '1100000000000009999')?.title).toBe(ARTICLE.title);
    expect(store.remove(GUILD_A, 'erupsi-lewotobi', '1100000000000009999')).toBeUndefined();
    expect(store.articles(GUILD_A)).toEqual([]);
    const history = database.prepare('SELECT guild_id, article_id, action, actor_id, title FROM server_article_history ORDER BY id').all();
    expect(history).toEqual([
      { guild_id: GUILD_A, article_id: 'erupsi-lewotobi', action: 'add', actor_id: upload.addedBy, title: ARTICLE.title },
      { guild_id: GUILD_A, article_id: 'erupsi-lewotobi', action: 'remove', actor_id: '1100000000000009999', title: ARTICLE.title },
    ]);
  });

  it("the revision moves with every change of a server's articles, only that server's, and is seen by another connection", () => {
    const file = temp.file('shared.sqlite');
    const one = new ServerArticleStore(db(file));
    const two = new ServerArticleStore(db(file));
    expect(two.revision(GUILD_A)).toBe(0);
    one.add(GUILD_A, ARTICLE, upload, 50);
    const afterAdd = two.revision(GUILD_A);
    expect(afterAdd).toBeGreaterThan(0);
    expect(two.revision(GUILD_B)).toBe(0);
    expect(two.articles(GUILD_A).map((a) => a.id)).toEqual(['erupsi-lewotobi']);
    one.add(GUILD_B, other('lain'), upload, 50);
    expect(two.revision(GUILD_A)).toBe(afterAdd);
    one.remove(GUILD_A, 'erupsi-lewotobi', 'x');
    expect(two.revision(GUILD_A)).toBeGreaterThan(afterAdd);
    // A refused add changes nothing.
    const before = two.revision(GUILD_B);
    expect(() => one.add(GUILD_B, other('lain'), upload, 50)).toThrow(ServerArticleConflictError);
    expect(two.revision(GUILD_B)).toBe(before);
  });

  it('survives a reopen (the file is the truth after a restart)', () => {
    const file = temp.file('restart.sqlite');
    new ServerArticleStore(db(file)).add(GUILD_A, ARTICLE, upload, 50);
    open.pop()!.close();
    const again = new ServerArticleStore(db(file));
    expect(again.articles(GUILD_A)[0]!.paragraphs[2]!.text).toBe(ARTICLE.paragraphs[2]!.text);
  });

  it('migration 4 applies on a database of schema 3 and keeps what it held', () => {
    const file = temp.file('old.sqlite');
    const old = new Database(file);
    migrate(old, MIGRATIONS.slice(0, 3));
    old.prepare("INSERT INTO moderator_roles VALUES (?, '1100000000000000777', 'x', 1)").run(GUILD_A);
    old.close();
    const upgraded = db(file);
    expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length);
    expect(upgraded.prepare('SELECT role_id FROM moderator_roles').pluck().all()).toEqual(['1100000000000000777']);
    expect(new ServerArticleStore(upgraded).add(GUILD_A, ARTICLE, upload, 50).paragraphCount).toBe(7);
  });

  it('the schema refuses rows that could not be an article', () => {
    const database = db(':memory:');
    const insert = (paragraphs: string, guild = GUILD_A) =>
      database.prepare("INSERT INTO server_articles (guild_id, article_id, title, language, paragraphs, file_name, bytes, added_by, added_at) VALUES (?, 'x', 'X', 'id', ?, 'x.md', 1, 'u', 1)").run(guild, paragraphs);
    expect(() => insert('[]')).toThrow(/CHECK constraint failed/);
    expect(() => insert('not json')).toThrow(/CHECK constraint failed/);
    expect(() => insert('["a"]', '')).toThrow(/CHECK constraint failed/);
  });
});
