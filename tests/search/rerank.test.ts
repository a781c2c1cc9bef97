import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { DEFAULT_TUNING } from '../../src/search/engine.js';
import { Reranker, type RerankQuestion } from '../../src/search/rerank.js';

const analyzer = new Analyzer();
const paragraphs = [
  'Banjir merendam tiga kecamatan. Warga mengungsi ke masjid terdekat.',
  'Pemerintah kota membuka dapur umum. Bantuan beras datang dari provinsi.',
  'Hujan deras diperkirakan turun hingga akhir pekan. BMKG meminta warga waspada.',
];
const question = (text: string): RerankQuestion => ({
  terms: analyzer.analyzeQuery(text).map((t) => ({ idf: 1, matches: t.alternatives.map((a) => ({ term: a.term, credit: a.factor })) })),
  words: new Set(text.toLowerCase().split(/\s+/)),
});
const candidates = () => paragraphs.map((text, doc) => ({ doc, score: 3 - doc, text }));

describe('Reranker', () => {
  it('finds the sentence holding most of the question', () => {
    const reranker = new Reranker(analyzer, DEFAULT_TUNING);
    expect(reranker.bestSentence(paragraphs[1]!, question('dari mana bantuan beras').terms).sentence).toBe('Bantuan beras datang dari provinsi.');
  });

  it('gives the same ranking whether paragraphs come from its cache or not, and keeps no more than its size', () => {
    const uncached = () => new Reranker(analyzer, DEFAULT_TUNING, 0);
    const cached = new Reranker(analyzer, DEFAULT_TUNING, 2);
    for (const text of ['hujan sampai kapan', 'warga mengungsi ke mana', 'bantuan beras dari mana', 'hujan sampai kapan']) {
      expect(cached.rerank(candidates(), question(text))).toEqual(uncached().rerank(candidates(), question(text)));
    }
    expect((cached as unknown as { analysed: Map<string, unknown> }).analysed.size).toBe(2);
  });
});
