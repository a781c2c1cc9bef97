/**
 * Articles a server adds (/article add), measured the way /ask in that server searches
 * them: the server's view (src/search/serverViews.ts) over the bundled corpus and the
 * article, as one collection. R@1 counts a hit only in the server's article (the gold
 * paragraph numbers are that article's); out-of-scope questions should be abstained on
 * with the bundled article there too. The bundled article's own set is measured again in
 * the same view, so a server's article is seen not to take the bundled one's answers.
 */
import type { Article } from '../../src/corpus/types.js';
import { SearchEngine } from '../../src/search/engine.js';
import { ServerViews } from '../../src/search/serverViews.js';
import type { ArticleQuestion } from './data.js';
import { scoreArticleSet, type ArticleScore } from './score.js';

/** The engine /ask uses in a server that added `articles` (the same code path, over an in-memory source). */
export async function serverView(bundled: SearchEngine, articles: Article[]): Promise<SearchEngine> {
  const views = new ServerViews(bundled, { revision: () => 1, articles: () => articles });
  return views.engineFor('eval');
}

export interface ServerArticleSet {
  name: string;
  article: Article;
  questions: ArticleQuestion[];
  note: string;
}

/** Each set's article as a server's, with the bundled corpus; `bundledQuestions` again in each view. */
export async function scoreServerArticles(bundled: SearchEngine, sets: ServerArticleSet[], bundledQuestions: ArticleQuestion[]): Promise<Record<string, ArticleScore & { note: string }>> {
  const out: Record<string, ArticleScore & { note: string }> = {};
  for (const set of sets) {
    const view = await serverView(bundled, [set.article]);
    out[set.name] = { ...scoreArticleSet(view, set.questions, set.article.id), note: set.note };
    const alone = new SearchEngine({ articles: [set.article], paragraphs: set.article.paragraphs });
    out[`${set.name} alone`] = { ...scoreArticleSet(alone, set.questions, set.article.id), note: 'the same article as the only one, for comparison' };
    out[`article-dev with ${set.name}`] = { ...scoreArticleSet(view, bundledQuestions, bundled.corpus.articles[0]!.id), note: `bundled article's set, ${set.article.id} added as a server article` };
  }
  return out;
}
