import type { Analyzer } from '../analysis/analyzer.js';
import { hasAnswerCue, type AnswerType } from './answerType.js';
import { splitSentences } from './sentences.js';

/** A question term as the reranker sees it: its weight and the index terms standing for it, with their credit. */
export interface RerankTerm {
  idf: number;
  matches: { term: string; credit: number }[];
}

export interface RerankQuestion {
  terms: RerankTerm[];
  answerType?: AnswerType;
  /** The question's own words, lower case: a name it uses is not an answer to it. */
  words: Set<string>;
}

export interface RerankWeights {
  /** Weight of the best sentence's share of the question weight, relative to the top score. */
  sentenceWeight: number;
  /** Bonus, relative to the top score, for a best sentence holding what the question word asks for. */
  answerTypeWeight: number;
  /** Bonus for the question's neighbouring words found next to each other ("Super Junior"). */
  proximityWeight: number;
  /** How far apart (in index terms) two neighbouring question words may be to count as together. */
  proximityWindow: number;
  /**
   * Bonus for a paragraph that opens with a term of the question (its first `leadTerms`
   * index terms): a paragraph is usually about what it names first.
   */
  leadWeight: number;
  leadTerms: number;
}

interface AnalysedParagraph {
  sequence: string[];
  sentences: { sentence: string; terms: Set<string> }[];
}

/**
 * The second stage of ranking, over the best candidates of BM25: the answer to a
 * question usually sits in one sentence, a name or phrase of the question is usually
 * found whole, and a paragraph is usually about what it names first ("Jerman adalah
 * negara demokrasi parlementer"). Each adds to the candidate's score in proportion to
 * the share of the question's weight involved, relative to the top score.
 */
export class Reranker {
  /**
   * Paragraphs as analysed (index terms in order, sentences with their terms), by text:
   * the same paragraphs come back query after query, and analysing them is most of a
   * query's cost in a small corpus. Filled up to `cacheSize` and never evicted (see
   * SearchEngine: only a corpus that fits whole gets one).
   */
  private readonly analysed = new Map<string, AnalysedParagraph>();

  constructor(private readonly analyzer: Analyzer, private readonly weights: RerankWeights, private readonly cacheSize = 0) {}

  rerank(candidates: { doc: number; score: number; text: string }[], question: RerankQuestion): { doc: number; score: number }[] {
    let total = 0;
    for (const t of question.terms) total += t.idf;
    if (total === 0 || candidates.length === 0) return candidates.map(({ doc, score }) => ({ doc, score }));
    const top = candidates[0]!.score;
    const { sentenceWeight, answerTypeWeight, proximityWeight, leadWeight } = this.weights;
    const readings = question.terms.map((t) => new Set(t.matches.map((m) => m.term)));
    return candidates
      .map(({ doc, score, text }) => {
        const { sequence, sentences } = this.analysedParagraph(text);
        const best = bestOf(sentences, question.terms, text);
        const type = question.answerType;
        const cue = type && hasAnswerCue(best.sentence, type, question.words) ? answerTypeWeight : 0;
        const bonus =
          (sentenceWeight * best.score + proximityWeight * this.proximity(sequence, question.terms, readings) + leadWeight * this.lead(sequence, question.terms, readings)) /
            total +
          cue;
        return { doc, score: score + top * bonus };
      })
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /** The sentence holding most of the question's weight, and that weight. */
  bestSentence(text: string, terms: RerankTerm[]): { sentence: string; score: number } {
    // Only the sentences are needed here: a paragraph the cache cannot take is not analysed whole.
    const cached = this.analysed.get(text) ?? (this.analysed.size < this.cacheSize ? this.analysedParagraph(text) : undefined);
    return bestOf(cached?.sentences ?? this.sentencesOf(text), terms, text);
  }

  private analysedParagraph(text: string): AnalysedParagraph {
    const cached = this.analysed.get(text);
    if (cached) return cached;
    const found = { sequence: this.analyzer.analyze(text), sentences: this.sentencesOf(text) };
    if (this.analysed.size < this.cacheSize) this.analysed.set(text, found);
    return found;
  }

  private sentencesOf(text: string): AnalysedParagraph['sentences'] {
    return splitSentences(text).map((sentence) => ({ sentence, terms: new Set(this.analyzer.analyze(sentence)) }));
  }

  /**
   * Weight of the neighbouring question terms (in question order) that the paragraph has
   * within `proximityWindow` index terms of each other, in the same order.
   */
  private proximity(sequence: string[], terms: RerankTerm[], readings: Set<string>[]): number {
    const window = this.weights.proximityWindow;
    let weight = 0;
    for (let i = 0; i + 1 < terms.length; i++) {
      const first = readings[i]!;
      const second = readings[i + 1]!;
      if (first.size === 0 || second.size === 0) continue;
      let lastFirst = -Infinity;
      for (let p = 0; p < sequence.length; p++) {
        const term = sequence[p]!;
        if (second.has(term) && p - lastFirst <= window) {
          weight += Math.min(terms[i]!.idf, terms[i + 1]!.idf);
          break;
        }
        if (first.has(term)) lastFirst = p;
      }
    }
    return weight;
  }

  /** Weight of the heaviest question term among the paragraph's first index terms. */
  private lead(sequence: string[], terms: RerankTerm[], readings: Set<string>[]): number {
    const head = sequence.slice(0, this.weights.leadTerms);
    let weight = 0;
    terms.forEach((t, i) => {
      if (t.idf > weight && head.some((term) => readings[i]!.has(term))) weight = t.idf;
    });
    return weight;
  }
}

/** The sentence holding most of the terms' weight (the paragraph's first when none holds any), and that weight. */
function bestOf(sentences: AnalysedParagraph['sentences'], terms: RerankTerm[], text: string): { sentence: string; score: number } {
  let best = sentences[0]?.sentence ?? text;
  let bestScore = 0;
  for (const { sentence, terms: present } of sentences) {
    const score = matchedWeight(present, terms);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return { sentence: best, score: bestScore };
}

/** Weight of the terms a set of index terms holds, each term at its best match's credit. */
export function matchedWeight(present: Set<string>, terms: RerankTerm[]): number {
  let score = 0;
  for (const t of terms) {
    let credit = 0;
    for (const m of t.matches) if (m.credit > credit && present.has(m.term)) credit = m.credit;
    score += t.idf * credit;
  }
  return score;
}
