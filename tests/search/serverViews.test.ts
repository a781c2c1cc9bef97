import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { aliasGroupsOf } from '../../src/analysis/aliases.js';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import type { Article, Corpus } from '../../src/corpus/types.js';
import { SearchEngine } from '../../src/search/engine.js';
import { loadEngine } from '../../src/search/loadEngine.js';
import { ServerViews, type ArticleSource } from '../../src/search/serverViews.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const LEWOTOBI = loadCorpus(join(FIXTURES, 'server-article')).articles[0]!;
const KABUT = loadCorpus(join(FIXTURES, 'second-article')).articles[0]!;
const questionsOf = (file: string) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { q: string }).q);
const QUESTIONS = [
  ...questionsOf(join(FIXTURES, 'server-article/questions.jsonl')),
  ...questionsOf(join(FIXTURES, 'second-article/questions.jsonl')).slice(0, 30),
  'Siapa pendiri Wagner?',
  'Di mana Putin dan Kim bertemu?',
  'Apa resep nasi goreng?',
];

let bundled: SearchEngine;
beforeAll(async () => {
  bundled = await loadEngine({ corpusPath: 'corpus', persist: false });
});

/** Articles per server that a test changes at will; the revision moves with every change. */
function source(initial: Record<string, Article[]> = {}) {
  const articles = new Map(Object.entries(initial));
  const revisions = new Map<string, number>([...articles.keys()].map((g) => [g, 1]));
  let reads = 0;
  const src: ArticleSource & { set(guild: string, list: Article[]): void; reads(): number } = {
    revision: (g) => revisions.get(g) ?? 0,
    articles: (g) => {
      reads++;
      return articles.get(g) ?? [];
    },
    set(g, list) {
      articles.set(g, list);
      revisions.set(g, (revisions.get(g) ?? 0) + 1);
    },
    reads: () => reads,
  };
  return src;
}

/** What an engine answers, to compare two engines: abstention, certainty, citations and scores. */
function answers(engine: SearchEngine) {
  return QUESTIONS.map((q) => {
    const a = engine.search(q, { limit: 3 });
    return { q, abstained: a.abstained, certainty: a.certainty, hits: a.results.map((h) => ({ at: `${h.paragraph.articleId}#${h.paragraph.number}`, score: h.score.toFixed(9), confidence: h.confidence.toFixed(9) })) };
  });
}

describe('ServerViews', () => {
  it("a server's view answers exactly as one engine built over the bundled corpus and its articles together (scores are comparable)", async () => {
    const views = new ServerViews(bundled, source({ g: [LEWOTOBI, KABUT] }));
    const view = await views.engineFor('g');
    const union: Corpus = { articles: [...bundled.corpus.articles, LEWOTOBI, KABUT], paragraphs: [...bundled.corpus.paragraphs, ...LEWOTOBI.paragraphs, ...KABUT.paragraphs] };
    const analyzer = new Analyzer({ extraAliases: aliasGroupsOf(union.articles.flatMap((a) => a.aliases ?? [])) });
    const together = new SearchEngine(union, { analyzer });
    expect(view.paragraphCount).toBe(21);
    expect(view.corpus.articles.map((a) => a.id)).toEqual(['putin-kim-vostochny', 'erupsi-lewotobi', 'kabut-asap-palangka-raya']);
    expect(answers(view)).toEqual(answers(together));
    // And it is not the bundled engine's answer (the comparison could fail).
    expect(answers(view)).not.toEqual(answers(bundled));
  });

  it("another server, a DM and a server without articles get the bundled engine itself; the bundled index is never rebuilt", async () => {
    const views = new ServerViews(bundled, source({ g: [LEWOTOBI] }));
    const view = await views.engineFor('g');
    expect(view.index).toBe(bundled.index);
    expect(await views.engineFor('other')).toBe(bundled);
    expect(await views.engineFor(null)).toBe(bundled);
    expect(view.search('Berapa warga yang meninggal dunia akibat erupsi?').results[0]?.paragraph.articleId).toBe('erupsi-lewotobi');
    expect(bundled.search('Berapa warga yang meninggal dunia akibat erupsi?').results.some((h) => h.paragraph.articleId === 'erupsi-lewotobi')).toBe(false);
  });

  it("is kept while the server's revision stays; follows a change; reuses an unchanged article's index", async () => {
    const src = source({ g: [LEWOTOBI] });
    const views = new ServerViews(bundled, src);
    const first = await views.engineFor('g');
    const reads = src.reads();
    expect(await views.engineFor('g')).toBe(first);
    expect(src.reads()).toBe(reads); // no database read when nothing changed

    const plain: Article = { ...KABUT, aliases: undefined };
    src.set('g', [LEWOTOBI, plain]);
    const second = await views.engineFor('g');
    expect(second).not.toBe(first);
    expect(second.corpus.articles.map((a) => a.id)).toEqual(['putin-kim-vostochny', 'erupsi-lewotobi', 'kabut-asap-palangka-raya']);
    // The first article's index (same text, same analysis) was not built again.
    const segments = (e: SearchEngine) => (e as unknown as { postings: { segments: { index: unknown }[] } }).postings.segments.map((s) => s.index);
    expect(segments(second)[1]).toBe(segments(first)[1]);

    // An article with aliases of its own changes the view's analysis: the other articles are indexed again with it.
    src.set('g', [LEWOTOBI, KABUT]);
    const withAliases = await views.engineFor('g');
    expect(segments(withAliases)[1]).not.toBe(segments(second)[1]);

    src.set('g', [plain]);
    const third = await views.engineFor('g');
    expect(third.corpus.articles.map((a) => a.id)).toEqual(['putin-kim-vostochny', 'kabut-asap-palangka-raya']);
    src.set('g', []);
    expect(await views.engineFor('g')).toBe(bundled);
  });

  it("an article's aliases apply in its server's view", async () => {
    const withAliases = new ServerViews(bundled, source({ g: [LEWOTOBI] }));
    const without = new ServerViews(bundled, source({ g: [{ ...LEWOTOBI, aliases: undefined }] }));
    const question = 'Gunung apa yang meletus di NTT?';
    const aliased = (await withAliases.engineFor('g')).search(question);
    expect(aliased.abstained).toBe(false);
    expect(aliased.results[0]!.paragraph).toMatchObject({ articleId: 'erupsi-lewotobi', number: 1 });
    expect(aliased.certainty).toBe('sure');
    // Without the alias "NTT" is a name no paragraph has: at best the closest passage, under a caveat.
    const plain = (await without.engineFor('g')).search(question);
    expect(plain.certainty).not.toBe('sure');
    expect(aliased.results[0]!.confidence).toBeGreaterThan(plain.results[0]?.confidence ?? 0);
  });

  it('concurrent first uses build the view once', async () => {
    const src = source({ g: [LEWOTOBI, KABUT] });
    const views = new ServerViews(bundled, src);
    const [a, b, c] = await Promise.all([views.engineFor('g'), views.engineFor('g'), views.engineFor('g')]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(src.reads()).toBe(1);
  });

  it('follows a replaced bundled corpus; a server article whose id the corpus now has is left out, and reported', async () => {
    const shadowed: string[][] = [];
    const views = new ServerViews(bundled, source({ g: [LEWOTOBI, KABUT] }), { onShadowed: (_g, ids) => shadowed.push(ids) });
    await views.engineFor('g');
    const reloaded = new SearchEngine({ articles: [...bundled.corpus.articles, KABUT], paragraphs: [...bundled.corpus.paragraphs, ...KABUT.paragraphs] });
    views.replaceBase(reloaded);
    expect(views.base).toBe(reloaded);
    const view = await views.engineFor('g');
    expect(view.corpus.articles.map((a) => a.id)).toEqual(['putin-kim-vostochny', 'kabut-asap-palangka-raya', 'erupsi-lewotobi']);
    expect(shadowed).toEqual([['kabut-asap-palangka-raya']]);
    expect(await views.engineFor('other')).toBe(reloaded);
  });

  it('a view that cannot be built answers from the bundled corpus and reports the error, never throws', async () => {
    const errors: unknown[] = [];
    const broken: ArticleSource = { revision: () => 1, articles: () => { throw new Error('database is locked'); } };
    const views = new ServerViews(bundled, broken, { onError: (_g, error) => errors.push(error) });
    expect(await views.engineFor('g')).toBe(bundled);
    expect(String(errors[0])).toContain('database is locked');
  });

  it('keeps at most maxGuilds views (the least recently used goes)', async () => {
    const src = source({ a: [LEWOTOBI], b: [LEWOTOBI], c: [LEWOTOBI] });
    const views = new ServerViews(bundled, src, { maxGuilds: 2 });
    const a = await views.engineFor('a');
    await views.engineFor('b');
    expect(await views.engineFor('a')).toBe(a); // a is now the most recent
    await views.engineFor('c'); // b goes
    expect(views.current('a')).toBe(a);
    expect(views.current('b')).toBeUndefined();
  });
});
