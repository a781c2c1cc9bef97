import { Analyzer, READING_FACTORS, type QueryTerm } from '../analysis/analyzer.js';
import { questionTypes } from '../analysis/questionWords.js';
import type { Corpus, Paragraph } from '../corpus/types.js';
import { answerTypeOf, hasAnswerCue, type AnswerType } from './answerType.js';
import { confidenceOf, DEFAULT_MODEL, smallness, thresholdFor, type ConfidenceModel, type Signals } from './confidence.js';
import { FrozenIndex, type IndexedDoc } from './frozenIndex.js';
import { splitSentences } from './sentences.js';

export interface Hit {
  paragraph: Paragraph;
  score: number;
  /** The sentence of the paragraph that best matches the question. */
  highlight: string;
  /** The model's probability that this paragraph answers the question (see confidence.ts). */
  confidence: number;
  signals: Signals;
}

export interface Answer {
  query: string;
  abstained: boolean;
  /** Why the engine abstained, for messages and for the unanswered queue. */
  reason?: 'empty-query' | 'no-match' | 'low-confidence';
  /** `unsure`: the closest passage, shown under a caveat. Absent when abstained. */
  certainty?: 'sure' | 'unsure';
  results: Hit[];
}

export interface SearchOptions {
  /** How many results at most (default 3). */
  limit?: number;
  /** Return the best matches even when unsure (used by /search, and to measure ranking). */
  noAbstain?: boolean;
}

export interface EngineOptions {
  /** The answer/abstain decision (default: the calibrated one). */
  model?: ConfidenceModel;
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
  /** BM25 term weight = IDF^idfExponent (1 is plain BM25): rare terms weigh more. */
  idfExponent: number;
  /** Weight of a fuzzy (typo) match, times len / (len + distance). */
  fuzzyWeight: number;
  /** Synonyms (mythes-id) for an ordinary word no paragraph has; 0 turns them off. */
  thesaurusWeight: number;
  /**
   * How much a word's everyday frequency lowers its weight: a term weighs
   * (1 - s) + s x specificity (0 ignores frequency).
   */
  specificityWeight: number;
  /** Candidates re-ranked by their best sentence. */
  rerankDepth: number;
  /** Weight of the best sentence's share of the query weight, relative to the top score. */
  sentenceWeight: number;
  /** Bonus, relative to the top score, for a candidate whose best sentence holds what the question word asks for. */
  answerTypeWeight: number;
  /** Bonus, relative to the top score, for the question's neighbouring words found next to each other ("Super Junior"). */
  proximityWeight: number;
  /** How far apart (in index terms) two neighbouring question words may be to count as together. */
  proximityWindow: number;
  /**
   * Bonus, relative to the top score, for a paragraph that opens with a term of the
   * question (its first `leadTerms` index terms): a paragraph is usually about what it
   * names first ("Jerman adalah negara demokrasi parlementer").
   */
  leadWeight: number;
  leadTerms: number;
}

export const DEFAULT_TUNING: Tuning = {
  k: 1.2,
  b: 0.75,
  d: 0,
  titleBoost: 0.5,
  idfExponent: 1.6,
  fuzzyWeight: 0.6,
  thesaurusWeight: READING_FACTORS.thesaurus,
  specificityWeight: 0.6,
  rerankDepth: 20,
  sentenceWeight: 0.7,
  answerTypeWeight: 0.15,
  proximityWeight: 0.3,
  proximityWindow: 2,
  leadWeight: 1,
  leadTerms: 3,
};

const MAX_QUERY_TERMS = 32;
/** How much a synonym (mythes-id) stands for the word it replaces, when deciding whether a paragraph answers: its links are loose ("jadwal" and "program"). */
const SYNONYM_CREDIT = 0.5;

/** A question term as the index sees it. */
interface PreparedTerm {
  source: QueryTerm;
  /**
   * Index terms searched for it (its readings, or typo neighbours or synonyms): `factor`
   * weighs the match in ranking, `credit` says how much it stands for the term when
   * deciding whether a paragraph answers (a typo neighbour is the same word).
   */
  matches: { termId: number; factor: number; credit: number }[];
  /** IDF (text field) of its best reading in the index, or of the rarest possible term when it has none. */
  idf: number;
  /** Whether any paragraph has one of its readings (typo neighbours included). */
  seen: boolean;
  /** How specific the word is in everyday Indonesian, 0..1 (Analyzer.specificity): names 1, "soal" little. */
  specificity: number;
}

interface Question {
  text: string;
  terms: PreparedTerm[];
  answerType?: AnswerType;
  /** The question's own words, lower case: a name it uses is not an answer to it. */
  words: Set<string>;
}

/**
 * The answering engine: paragraphs indexed by MiniSearch (frozen into a compact form,
 * see frozenIndex.ts), the analysis chain on both sides, BM25 over the postings of the
 * question's readings with top-k selection, a best-sentence reranker and highlighter,
 * and the decision whether the articles answer (confidence.ts).
 */
export class SearchEngine {
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  readonly index: FrozenIndex;
  private readonly model: ConfidenceModel;
  private readonly tuning: Tuning;
  /** How small the corpus is, for the confidence model (see confidence.ts). */
  readonly smallness: number;
  // Scratch space reused by every query (search is synchronous).
  private readonly scores: Float64Array;
  private readonly termBest: Float64Array;
  private readonly readingScore: Float64Array;
  private readonly touched: Uint32Array;
  private readonly termTouched: Uint32Array;
  private readonly readingTouched: Uint32Array;

  constructor(corpus: Corpus, options: EngineOptions = {}) {
    this.corpus = corpus;
    this.analyzer = options.analyzer ?? new Analyzer();
    this.model = options.model ?? DEFAULT_MODEL;
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.index = options.index ?? SearchEngine.buildIndex(corpus, this.analyzer);
    if (this.index.documentCount !== corpus.paragraphs.length)
      throw new Error(`index has ${this.index.documentCount} documents, corpus has ${corpus.paragraphs.length} paragraphs`);
    const n = corpus.paragraphs.length;
    this.smallness = smallness(n);
    this.scores = new Float64Array(n);
    this.termBest = new Float64Array(n);
    this.readingScore = new Float64Array(n);
    this.touched = new Uint32Array(n);
    this.termTouched = new Uint32Array(n);
    this.readingTouched = new Uint32Array(n);
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
    const question = this.prepare(query);
    if (question.terms.length === 0) return { query, abstained: true, reason: 'empty-query', results: [] };
    let ranked = this.rank(question.terms, Math.max(1, limit, this.tuning.rerankDepth));
    if (ranked.length === 0) return { query, abstained: true, reason: 'no-match', results: [] };
    if (this.tuning.sentenceWeight > 0 && ranked.length > 1) ranked = this.rerankBySentence(ranked, question);

    const hits = ranked.slice(0, Math.max(limit, 1)).map(({ doc, score }, i) => this.toHit(doc, score, question, i === 0 ? ranked : undefined));
    if (options.noAbstain) return { query, abstained: false, certainty: 'sure', results: hits.slice(0, limit) };
    const top = hits[0]!;
    const unsureAt = thresholdFor(this.model.unsureAt, this.smallness);
    const answerAt = thresholdFor(this.model.answerAt, this.smallness);
    if (top.confidence < unsureAt) return { query, abstained: true, reason: 'low-confidence', results: [] };
    if (top.confidence < answerAt) return { query, abstained: false, certainty: 'unsure', results: limit > 0 ? [top] : [] };
    // A passage that does not answer is not shown, whatever its rank.
    const shown = [top, ...hits.slice(1).filter((hit) => hit.confidence >= answerAt)];
    return { query, abstained: false, certainty: 'sure', results: shown.slice(0, limit) };
  }

  /** Best matching sentence of a paragraph for a question (used for highlighting). */
  bestSentence(text: string, query: string): string {
    return this.bestSentenceOf(text, this.prepare(query).terms).sentence;
  }

  private prepare(query: string): Question {
    const words = new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    return { text: query, terms: this.prepareTerms(query), answerType: answerTypeOf(questionTypes(query)), words };
  }

  /** The question's terms, their weights, and the index terms that match each. */
  private prepareTerms(query: string): PreparedTerm[] {
    const unseenIdf = this.unseenIdf();
    return this.analyzer.analyzeQuery(query).slice(0, MAX_QUERY_TERMS).map((source) => {
      const matches: PreparedTerm['matches'] = [];
      let bestDf = 0;
      for (const { term, factor } of source.alternatives) {
        const id = this.index.termIds.get(term);
        if (id === undefined || matches.some((m) => m.termId === id)) continue;
        matches.push({ termId: id, factor, credit: factor });
        if (factor === 1 || bestDf === 0) bestDf = Math.max(bestDf, this.index.docFrequency(id));
      }
      // A word of the lexicon is spelled right: it gets synonyms, not typo neighbours.
      if (matches.length === 0 && !source.root) this.addTypoMatches(source, matches);
      if (matches.length === 0 && source.root && this.tuning.thesaurusWeight > 0) {
        for (const synonym of this.analyzer.synonymTerms(source.root)) {
          const id = this.index.termIds.get(synonym);
          if (id !== undefined && !matches.some((m) => m.termId === id)) matches.push({ termId: id, factor: this.tuning.thesaurusWeight, credit: SYNONYM_CREDIT });
        }
      }
      if (bestDf === 0) for (const m of matches) bestDf = Math.max(bestDf, this.index.docFrequency(m.termId));
      return { source, matches, idf: bestDf > 0 ? this.idf(bestDf) : unseenIdf, seen: matches.length > 0, specificity: this.analyzer.specificity(source) };
    });
  }

  /**
   * Typo tolerance for a term no paragraph has: one edit (two from nine letters; none up
   * to four, where one edit is another word), on its readings and as written, so
   * "Shoygu" finds "Shoigu" and "kecelakan" "kecelakaan".
   */
  private addTypoMatches(source: QueryTerm, matches: PreparedTerm['matches']): void {
    const forms = new Set([source.surface.replace(/\s+/g, ''), ...source.alternatives.filter((a) => a.factor === 1).map((a) => a.term)]);
    for (const form of forms) {
      if (/\d/.test(form) || form.length <= 4) continue;
      const maxDistance = form.length >= 9 ? 2 : 1;
      for (const { termId, distance } of this.index.fuzzy(form, maxDistance)) {
        if (matches.some((m) => m.termId === termId)) continue;
        const closeness = form.length / (form.length + distance);
        matches.push({ termId, factor: this.tuning.fuzzyWeight * closeness, credit: closeness });
      }
    }
  }

  private idf(df: number): number {
    const n = this.paragraphCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The IDF a term would have if one paragraph had it: the weight of a name no paragraph has. */
  private unseenIdf(): number {
    return this.idf(1);
  }

  /**
   * BM25 (MiniSearch's formula and field boosts) summed over the question's terms; for
   * each term the best of its readings counts (a word and its translation are one term).
   * Only documents in the readings' postings are touched, and the best `depth` are
   * selected without sorting every hit.
   */
  private rank(terms: PreparedTerm[], depth: number): { doc: number; score: number }[] {
    const { k, b, d, titleBoost, idfExponent, specificityWeight } = this.tuning;
    const { scores, termBest, readingScore, touched, termTouched, readingTouched, index } = this;
    const N = index.documentCount;
    const F = index.fields.length;
    let touchedCount = 0;
    try {
      for (const term of terms) {
        let termCount = 0;
        // A word common in everyday language ("nama", "soal") tells less than a rare one.
        const specific = 1 - specificityWeight + specificityWeight * term.specificity;
        for (const { termId, factor } of term.matches) {
          // One reading: BM25 summed over the fields.
          let readingCount = 0;
          for (let f = 0; f < F; f++) {
            const { offsets, docs, tfs } = index.fields[f]!;
            const start = offsets[termId]!;
            const end = offsets[termId + 1]!;
            if (start === end) continue;
            const df = end - start;
            const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
            const w = specific * factor * (f === 0 ? 1 : titleBoost) * Math.pow(idf, idfExponent);
            const avg = index.avgFieldLength[f]!;
            for (let p = start; p < end; p++) {
              const doc = docs[p]!;
              const tf = tfs[p]!;
              const len = index.fieldLength[doc * F + f]!;
              if (readingScore[doc] === 0) readingTouched[readingCount++] = doc;
              readingScore[doc]! += w * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)));
            }
          }
          // Readings of one term do not add up: a word and its translation are one term.
          for (let i = 0; i < readingCount; i++) {
            const doc = readingTouched[i]!;
            if (termBest[doc] === 0) termTouched[termCount++] = doc;
            if (readingScore[doc]! > termBest[doc]!) termBest[doc] = readingScore[doc]!;
            readingScore[doc] = 0;
          }
        }
        for (let i = 0; i < termCount; i++) {
          const doc = termTouched[i]!;
          if (scores[doc] === 0) touched[touchedCount++] = doc;
          scores[doc]! += termBest[doc]!;
          termBest[doc] = 0;
        }
      }
      const top: { doc: number; score: number }[] = [];
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i]!;
        const score = scores[doc]!;
        if (top.length === depth && score <= top[depth - 1]!.score) continue;
        let at = top.length === depth ? depth - 1 : top.length;
        while (at > 0 && (top[at - 1]!.score < score || (top[at - 1]!.score === score && top[at - 1]!.doc > doc))) at--;
        top.splice(at, 0, { doc, score });
        if (top.length > depth) top.pop();
      }
      return top;
    } catch (error) {
      // The scratch arrays must be clean for the next query, whatever happened.
      scores.fill(0);
      termBest.fill(0);
      readingScore.fill(0);
      throw error;
    } finally {
      for (let i = 0; i < touchedCount; i++) scores[touched[i]!] = 0;
    }
  }

  /**
   * The answer to a question usually sits in one sentence: candidates gain in proportion
   * to the share of the question's weight their best sentence holds, plus a small bonus
   * when that sentence holds what the question word asks for.
   */
  private rerankBySentence(ranked: { doc: number; score: number }[], question: Question): { doc: number; score: number }[] {
    let total = 0;
    for (const t of question.terms) total += t.idf;
    if (total === 0) return ranked;
    const top = ranked[0]!.score;
    const { sentenceWeight, answerTypeWeight, proximityWeight, leadWeight } = this.tuning;
    const readings = question.terms.map((t) => new Set(t.matches.map((m) => this.index.terms[m.termId]!)));
    return ranked
      .map(({ doc, score }) => {
        const text = this.corpus.paragraphs[doc]!.text;
        const sequence = this.analyzer.analyze(text);
        const best = this.bestSentenceOf(text, question.terms);
        const type = question.answerType;
        const cue = type && hasAnswerCue(best.sentence, type, question.words) ? answerTypeWeight : 0;
        const bonus =
          (sentenceWeight * best.score + proximityWeight * this.proximity(sequence, question.terms, readings) + leadWeight * this.lead(sequence, question.terms, readings)) / total + cue;
        return { doc, score: score + top * bonus };
      })
      .sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  /**
   * Weight of the neighbouring question terms (in question order) that the paragraph has
   * within `proximityWindow` index terms of each other, in the same order: a name or a
   * phrase of the question found whole ("Super Junior", "Dinasti Tang").
   */
  private proximity(sequence: string[], terms: PreparedTerm[], readings: Set<string>[]): number {
    const window = this.tuning.proximityWindow;
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

  /** Weight of the heaviest question term among the paragraph's first index terms (what the paragraph is about). */
  private lead(sequence: string[], terms: PreparedTerm[], readings: Set<string>[]): number {
    const head = sequence.slice(0, this.tuning.leadTerms);
    let weight = 0;
    terms.forEach((t, i) => {
      if (t.idf > weight && head.some((term) => readings[i]!.has(term))) weight = t.idf;
    });
    return weight;
  }

  /** The sentence holding most of the question's weight, and that weight. */
  private bestSentenceOf(text: string, terms: PreparedTerm[]): { sentence: string; score: number } {
    const sentences = splitSentences(text);
    let best = sentences[0] ?? text;
    let bestScore = 0;
    for (const sentence of sentences) {
      const score = this.matchedWeight(new Set(this.analyzer.analyze(sentence)), terms);
      if (score > bestScore) {
        best = sentence;
        bestScore = score;
      }
    }
    return { sentence: best, score: bestScore };
  }

  /** Weight of the terms a set of index terms matches, each term at its best reading's credit. */
  private matchedWeight(present: Set<string>, terms: PreparedTerm[]): number {
    let score = 0;
    for (const t of terms) {
      let credit = 0;
      for (const m of t.matches) if (present.has(this.index.terms[m.termId]!)) credit = Math.max(credit, m.credit);
      score += t.idf * credit;
    }
    return score;
  }

  private toHit(doc: number, score: number, question: Question, ranked?: { doc: number; score: number }[]): Hit {
    const paragraph = this.corpus.paragraphs[doc]!;
    const best = this.bestSentenceOf(paragraph.text, question.terms);
    const signals = this.signals(doc, score, question, best, ranked);
    return { paragraph, score, highlight: best.sentence, confidence: confidenceOf(signals, this.smallness, this.model), signals };
  }

  /** The signals of confidence.ts for one paragraph, computed on its text (the part a citation shows). */
  private signals(doc: number, score: number, question: Question, best: { sentence: string; score: number }, ranked?: { doc: number; score: number }[]): Signals {
    const unseenIdf = this.unseenIdf();
    let total = 0, matched = 0, specTotal = 0, specMatched = 0;
    let unseenOrdinary = 0, unseenTopic = 0, unseenSpecific = 0, termsFound = 0, termsCounted = 0;
    for (const t of question.terms) {
      const ordinary = t.source.kind === 'word' || t.source.kind === 'english';
      let credit = 0;
      for (const m of t.matches) if (m.credit > credit && this.textContains(doc, m.termId)) credit = m.credit;
      // Every term counts in the specificity-weighed coverage; an unseen ordinary word by how specific it is.
      const specWeight = (!t.seen && ordinary ? unseenIdf * t.specificity * t.specificity : t.idf) * t.specificity;
      specTotal += specWeight;
      specMatched += specWeight * credit;
      if (!t.seen && ordinary) {
        unseenOrdinary++;
        unseenSpecific = Math.max(unseenSpecific, t.specificity);
        continue;
      }
      if (!t.seen) unseenTopic = 1;
      total += t.idf;
      matched += t.idf * credit;
      termsCounted++;
      if (credit > 0) termsFound++;
    }
    const type = question.answerType;
    const cue = type ? hasAnswerCue(best.sentence, type, question.words) : false;
    const margin = ranked && ranked.length > 1 ? Math.max(0, (ranked[0]!.score - ranked[1]!.score) / ranked[0]!.score) : ranked ? 1 : 0;
    const { k, idfExponent } = this.tuning;
    let perfect = 0;
    for (const t of question.terms) perfect += Math.pow(t.idf, idfExponent) * (k + 1);
    return {
      coverage: total > 0 ? matched / total : 0,
      specCoverage: specTotal > 0 ? specMatched / specTotal : 0,
      unseenSpecific,
      unseenOrdinary: question.terms.length ? unseenOrdinary / question.terms.length : 0,
      unseenTopic,
      typeMissing: type && !cue ? 1 : 0,
      typeFound: type && cue ? 1 : 0,
      margin,
      normScore: perfect > 0 ? Math.min(3, score / perfect) : 0,
      sentenceCoverage: total > 0 ? Math.min(1, best.score / total) : 0,
      termShare: termsCounted ? termsFound / termsCounted : 0,
      evidence: Math.min(3, matched / unseenIdf),
    };
  }

  /** Whether the paragraph's text (not its article title) has the term. */
  private textContains(doc: number, termId: number): boolean {
    const { offsets, docs } = this.index.fields[0]!;
    let lo = offsets[termId]!;
    let hi = offsets[termId + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = docs[mid]!;
      if (v === doc) return true;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
