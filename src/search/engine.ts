import { Analyzer } from '../analysis/analyzer.js';
import type { Corpus, Paragraph } from '../corpus/types.js';
import { answerTypeOf, hasAnswerCue, type AnswerType } from './answerType.js';
import { FrozenIndex, type IndexedDoc } from './frozenIndex.js';
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
  /** A prebuilt (e.g. persisted) index of exactly this corpus; built when absent. */
  index?: FrozenIndex;
  /** Scoring knobs, for experiments (scripts/eval-tydi.ts); defaults are the tuned ones. */
  tuning?: Partial<Tuning>;
}

/** Query-side knobs; chosen on TyDi lines 1-5771 (see scripts/eval-tydi.ts). */
export interface Tuning {
  k: number;
  b: number;
  d: number;
  titleBoost: number;
  /** Final score = BM25 sum x (matched query terms)^coordination (MiniSearch uses 1). */
  coordination: number;
  /** BM25 term weight = IDF^idfExponent (1 is plain BM25): rare terms weigh more. */
  idfExponent: number;
  /** Weight of a fuzzy (typo) match, times len / (len + distance). */
  fuzzyWeight: number;
  /** Candidates re-ranked by their best sentence. */
  rerankDepth: number;
  /** Weight of the best sentence's share of the query weight, relative to the top score. */
  sentenceWeight: number;
  /**
   * Bonus, relative to the top score, for a candidate whose best sentence holds what
   * the question word asks for (see answerType.ts: a year or date for "kapan", a
   * number for "berapa", a definition for "apa itu").
   */
  answerTypeWeight: number;
}

export const DEFAULT_TUNING: Tuning = {
  k: 1.2,
  b: 0.75,
  d: 0,
  titleBoost: 0.5,
  coordination: 0,
  idfExponent: 1.6,
  fuzzyWeight: 0.6,
  rerankDepth: 20,
  sentenceWeight: 0.7,
  answerTypeWeight: 0.15,
};

const MAX_QUERY_TERMS = 32;

interface QueryTerm {
  term: string;
  /** Inverse document frequency (text field): the term's weight for coverage. */
  idf: number;
  /** Index terms searched for it: the term itself and/or typo neighbours, with a factor. */
  matches: { termId: number; factor: number }[];
}

type TermWeights = Map<string, number>;

/**
 * The answering engine: paragraphs indexed by MiniSearch (frozen into a compact form,
 * see frozenIndex.ts), Indonesian analysis on both sides, BM25 scoring over the
 * postings of the query's terms with top-k selection, a best-sentence highlighter,
 * and the decision to abstain.
 */
export class SearchEngine {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  readonly index: FrozenIndex;
  private readonly minCoverage: number;
  private readonly tuning: Tuning;
  // Scratch space reused by every query (search is synchronous).
  private readonly scores: Float64Array;
  private readonly matched: Uint32Array;
  private readonly touched: Uint32Array;

  constructor(corpus: Corpus, options: EngineOptions = {}) {
    this.corpus = corpus;
    this.analyzer = options.analyzer ?? new Analyzer();
    this.minCoverage = options.minCoverage ?? 0.45;
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.index = options.index ?? SearchEngine.buildIndex(corpus, this.analyzer);
    if (this.index.documentCount !== corpus.paragraphs.length)
      throw new Error(`index has ${this.index.documentCount} documents, corpus has ${corpus.paragraphs.length} paragraphs`);
    const n = corpus.paragraphs.length;
    this.scores = new Float64Array(n);
    this.matched = new Uint32Array(n);
    this.touched = new Uint32Array(n);
  }

  /** Indexes the corpus's paragraphs (text and article title) with MiniSearch. */
  static buildIndex(corpus: Corpus, analyzer: Analyzer = new Analyzer()): FrozenIndex {
    const docs: IndexedDoc[] = corpus.paragraphs.map((p, id) => ({ id, text: p.text, title: p.articleTitle }));
    return FrozenIndex.build(docs, (text) => analyzer.analyze(text));
  }

  get paragraphCount(): number {
    return this.corpus.paragraphs.length;
  }

  search(query: string, options: SearchOptions = {}): Answer {
    const limit = Math.max(0, Math.floor(options.limit ?? 3));
    const terms = this.queryTerms(query);
    if (terms.length === 0) return { query, abstained: true, reason: 'empty-query', results: [] };

    let ranked = this.rank(terms, Math.max(1, limit, this.tuning.rerankDepth));
    if (ranked.length === 0) return { query, abstained: true, reason: 'no-match', results: [] };

    const weights = new Map(terms.map((t) => [t.term, t.idf]));
    if (this.tuning.sentenceWeight > 0 && ranked.length > 1) ranked = this.rerankBySentence(ranked, weights, answerTypeOf(query));
    const coverage = this.coverage(ranked[0]!.doc, terms);
    if (!options.noAbstain && coverage < this.minCoverage) return { query, abstained: true, reason: 'low-confidence', results: [] };
    const hits = ranked.slice(0, limit).map(({ doc, score }) => this.toHit(doc, score, terms, weights));
    return { query, abstained: false, results: hits };
  }

  /** Best matching sentence of a paragraph for a question (used for highlighting). */
  bestSentence(text: string, weights: TermWeights): string {
    return this.bestSentenceOf(text, weights).sentence;
  }

  private bestSentenceOf(text: string, weights: TermWeights): { sentence: string; score: number } {
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
    return { sentence: best, score: bestScore };
  }

  /**
   * The answer to a question usually sits in one sentence: candidates gain in
   * proportion to the share of the question's weight that their best sentence holds.
   */
  private rerankBySentence(ranked: { doc: number; score: number }[], weights: TermWeights, answerType?: AnswerType): { doc: number; score: number }[] {
    let total = 0;
    for (const w of weights.values()) total += w;
    const top = ranked[0]!.score;
    const { sentenceWeight, answerTypeWeight } = this.tuning;
    return ranked
      .map(({ doc, score }) => {
        const best = this.bestSentenceOf(this.corpus.paragraphs[doc]!.text, weights);
        const cue = answerType && answerTypeWeight > 0 && hasAnswerCue(best.sentence, answerType) ? answerTypeWeight * top : 0;
        return { doc, score: score + sentenceWeight * top * (best.score / total) + cue };
      })
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** The question's terms, their weights, and the index terms that match each. */
  private queryTerms(query: string): QueryTerm[] {
    const n = this.paragraphCount;
    // A term the index has never seen weighs as much as the rarest known term, not
    // more: it cannot be told apart from a rare word the author did not use.
    const idf = (df: number) => Math.log(1 + (n - Math.max(df, 1) + 0.5) / (Math.max(df, 1) + 0.5));
    return this.analyzer.analyzeQueryTerms(query).slice(0, MAX_QUERY_TERMS).map(({ term, surface }) => {
      const id = this.index.termIds.get(term);
      const matches: QueryTerm['matches'] = id === undefined ? [] : [{ termId: id, factor: 1 }];
      if (id === undefined) {
        // Typo tolerance: a term the index has never seen gets one edit (two from nine
        // letters; none up to four, where one edit is another word), on its stem and on
        // the word as written, so "Shoygu" finds "Shoigu" and "kecelakan" "kecelakaan".
        const seen = new Set<number>();
        for (const form of new Set([term, surface])) {
          if (/\d/.test(form) || form.length <= 4) continue;
          const maxDistance = form.length >= 9 ? 2 : 1;
          for (const { termId, distance } of this.index.fuzzy(form, maxDistance)) {
            if (seen.has(termId)) continue;
            seen.add(termId);
            matches.push({ termId, factor: this.tuning.fuzzyWeight * form.length / (form.length + distance) });
          }
        }
      }
      return { term, idf: idf(id === undefined ? 0 : this.index.docFrequency(id)), matches };
    });
  }

  /**
   * BM25 (MiniSearch's formula and field boosts) summed over the query terms, times
   * (matched query terms)^coordination (MiniSearch: 1; tuned: 0, which the IDF already
   * covers); only documents in the terms' postings are touched, and the best `depth`
   * are selected without sorting every hit.
   */
  private rank(terms: QueryTerm[], depth: number): { doc: number; score: number }[] {
    const { k, b, d, titleBoost, coordination, idfExponent } = this.tuning;
    const { scores, matched, touched, index } = this;
    const N = index.documentCount;
    const F = index.fields.length;
    let touchedCount = 0;
    depth = Math.max(1, depth);
    try {
      terms.forEach((qt, qi) => {
        const bit = 1 << qi;
        for (const { termId, factor } of qt.matches) {
          for (let f = 0; f < F; f++) {
            const boost = f === 0 ? 1 : titleBoost;
            const { offsets, docs, tfs } = index.fields[f]!;
            const start = offsets[termId]!;
            const end = offsets[termId + 1]!;
            if (start === end) continue;
            const df = end - start;
            const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
            const avg = index.avgFieldLength[f]!;
            const w = factor * boost * Math.pow(idf, idfExponent);
            for (let p = start; p < end; p++) {
              const doc = docs[p]!;
              const tf = tfs[p]!;
              const len = index.fieldLength[doc * F + f]!;
              if (matched[doc] === 0) touched[touchedCount++] = doc;
              matched[doc]! |= bit;
              scores[doc]! += w * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)));
            }
          }
        }
      });
      // Top-k selection: a small sorted buffer, since depth is small.
      const top: { doc: number; score: number }[] = [];
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i]!;
        const score = scores[doc]! * Math.pow(popcount(matched[doc]!), coordination);
        if (top.length === depth && score <= top[depth - 1]!.score) continue;
        let at = top.length === depth ? depth - 1 : top.length;
        while (at > 0 && (top[at - 1]!.score < score || (top[at - 1]!.score === score && top[at - 1]!.doc > doc))) at--;
        top.splice(at, 0, { doc, score });
        if (top.length > depth) top.pop();
      }
      return top;
    } finally {
      // The scratch arrays must be clean for the next query, whatever happened.
      for (let i = 0; i < touchedCount; i++) {
        scores[touched[i]!] = 0;
        matched[touched[i]!] = 0;
      }
    }
  }

  /**
   * The share of the question's IDF weight that the paragraph matched. Unlike ranking,
   * a term the corpus has never seen weighs as a document frequency of 0 here (more
   * than the rarest known term): a question about a word no paragraph uses is likely
   * about something else. A typo match is credited len / (len + distance), without
   * the ranking's fuzzyWeight, since it stands for the same word.
   */
  private coverage(doc: number, terms: QueryTerm[]): number {
    const n = this.paragraphCount;
    const unseenIdf = Math.log(1 + (n + 0.5) / 0.5);
    const { fuzzyWeight } = this.tuning;
    let total = 0;
    let matched = 0;
    for (const t of terms) {
      const weight = t.matches.some((m) => m.factor === 1) ? t.idf : unseenIdf;
      total += weight;
      let best = 0;
      for (const { termId, factor } of t.matches) {
        const credit = factor < 1 && fuzzyWeight > 0 ? Math.min(1, factor / fuzzyWeight) : factor;
        if (credit > best && this.contains(doc, termId)) best = credit;
      }
      matched += weight * best;
    }
    return total > 0 ? matched / total : 0;
  }

  private contains(doc: number, termId: number): boolean {
    for (const { offsets, docs } of this.index.fields) {
      let lo = offsets[termId]!;
      let hi = offsets[termId + 1]! - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const v = docs[mid]!;
        if (v === doc) return true;
        if (v < doc) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return false;
  }

  private toHit(doc: number, score: number, terms: QueryTerm[], weights: TermWeights): Hit {
    const paragraph = this.corpus.paragraphs[doc]!;
    // Fuzzy matches count as their document term, at the weight of the weakest query term.
    const highlightWeights = new Map(weights);
    const weakest = Math.min(...weights.values());
    for (const t of terms)
      for (const { termId, factor } of t.matches)
        if (factor < 1 && this.contains(doc, termId)) highlightWeights.set(this.index.terms[termId]!, weakest);
    return { paragraph, score, highlight: this.bestSentence(paragraph.text, highlightWeights) };
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
