import MiniSearch, { type SearchResult } from 'minisearch';
import { Analyzer } from '../analysis/analyzer.js';
import type { Corpus, Paragraph } from '../corpus/types.js';
import { splitSentences } from './sentences.js';

export interface Hit {
  paragraph: Paragraph;
  score: number;
  /** The sentence of the paragraph that best matches the question. */
  highlight: string;
}

export interface Answer {
  query: string;
  abstained: boolean;
  /** Why the engine abstained, for messages and for the unanswered queue. */
  reason?: 'empty-query' | 'no-match' | 'low-confidence';
  results: Hit[];
}

export interface SearchOptions {
  /** How many results at most (default 3). */
  limit?: number;
  /** Return the best matches even when unsure (used by /search, and to measure ranking). */
  noAbstain?: boolean;
}

export interface EngineOptions {
  /**
   * Share of the question's weight (IDF of its terms) that the best paragraph must
   * cover before the engine answers. Calibrated on the article dev set and TyDi:
   * see README "Quality".
   */
  minCoverage?: number;
  analyzer?: Analyzer;
}

interface IndexedDoc {
  id: number;
  text: string;
  title: string;
}

type TermWeights = Map<string, number>;

/** Query-side knobs; chosen on TyDi lines 1-5771 (see scripts/eval-tydi.ts). */
const BM25 = { k: 1.2, b: 0.75, d: 0 };
const TITLE_BOOST = 0.5;
const MAX_QUERY_TERMS = 32;

/**
 * The answering engine: a MiniSearch index over paragraphs, Indonesian analysis on
 * both sides, a best-sentence highlighter, and the decision to abstain.
 */
export class SearchEngine {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  private readonly index: MiniSearch<IndexedDoc>;
  /** Document frequency of every index term: drives IDF weights and typo handling. */
  private readonly documentFrequency = new Map<string, number>();
  private readonly minCoverage: number;

  constructor(corpus: Corpus, options: EngineOptions = {}) {
    this.corpus = corpus;
    this.analyzer = options.analyzer ?? new Analyzer();
    this.minCoverage = options.minCoverage ?? 0.5;
    this.index = new MiniSearch<IndexedDoc>({
      fields: ['text', 'title'],
      storeFields: [],
      tokenize: (text) => this.analyzer.analyze(text),
      processTerm: (term) => term,
      searchOptions: { bm25: BM25 },
    });
    corpus.paragraphs.forEach((paragraph, id) => {
      const doc = { id, text: paragraph.text, title: paragraph.articleTitle };
      this.index.add(doc);
      for (const term of new Set(this.analyzer.analyze(paragraph.text))) {
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
    });
  }

  get paragraphCount(): number {
    return this.corpus.paragraphs.length;
  }

  search(query: string, options: SearchOptions = {}): Answer {
    const limit = options.limit ?? 3;
    const terms = this.analyzer.analyzeQuery(query).slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0) return { query, abstained: true, reason: 'empty-query', results: [] };

    const weights = this.idfWeights(terms);
    const results = this.index.search(
      { queries: terms, combineWith: 'OR' },
      {
        tokenize: (t) => [t],
        processTerm: (t) => t,
        boost: { title: TITLE_BOOST },
        fuzzy: (term) => this.fuzziness(term),
        weights: { fuzzy: 0.6, prefix: 0.3 },
      },
    );
    if (results.length === 0) return { query, abstained: true, reason: 'no-match', results: [] };

    const coverage = this.coverage(results[0]!, weights);
    const abstain = !options.noAbstain && coverage < this.minCoverage;
    const hits = results.slice(0, limit).map((r) => this.toHit(r, weights));
    return abstain ? { query, abstained: true, reason: 'low-confidence', results: [] } : { query, abstained: false, results: hits };
  }

  /** Best matching sentence of a paragraph for a question (used for highlighting). */
  bestSentence(text: string, weights: TermWeights): string {
    const sentences = splitSentences(text);
    let best = sentences[0] ?? text;
    let bestScore = 0;
    for (const sentence of sentences) {
      const present = new Set(this.analyzer.analyze(sentence));
      let score = 0;
      for (const [term, weight] of weights) if (present.has(term)) score += weight;
      if (score > bestScore) {
        best = sentence;
        bestScore = score;
      }
    }
    return best;
  }

  /** Inverse document frequency of each query term; unseen terms weigh the most. */
  private idfWeights(terms: string[]): TermWeights {
    const n = this.paragraphCount;
    return new Map(terms.map((t) => {
      const df = this.documentFrequency.get(t) ?? 0;
      return [t, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
    }));
  }

  /**
   * Typo tolerance that does not cost precision: a term the index knows is searched
   * exactly unless it is long (7+ characters); a term it has never seen gets one edit
   * (two when long) so "Shoygu" still finds "Shoigu".
   */
  private fuzziness(term: string): number | false {
    if (/\d/.test(term) || term.length < 4) return false;
    const known = this.documentFrequency.has(term);
    if (known) return term.length >= 7 ? 1 : false;
    return term.length >= 7 ? 2 : 1;
  }

  /** The share of the question's IDF weight that the paragraph matched. */
  private coverage(result: SearchResult, weights: TermWeights): number {
    let total = 0;
    for (const w of weights.values()) total += w;
    let matched = 0;
    for (const term of result.queryTerms) matched += weights.get(term) ?? 0;
    return total > 0 ? matched / total : 0;
  }

  private toHit(result: SearchResult, weights: TermWeights): Hit {
    const paragraph = this.corpus.paragraphs[result.id as number]!;
    // Fuzzy matches count as their document term, at the weight of the weakest query term.
    const highlightWeights = new Map(weights);
    const weakest = Math.min(...weights.values());
    for (const term of result.terms) if (!highlightWeights.has(term)) highlightWeights.set(term, weakest);
    return { paragraph, score: result.score, highlight: this.bestSentence(paragraph.text, highlightWeights) };
  }
}
