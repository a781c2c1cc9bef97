import { asksAboutTheBot, asksAboutTheServer } from '../analysis/aboutTheBot.js';
import { aliasGroupsOf } from '../analysis/aliases.js';
import { Analyzer, READING_FACTORS, type QueryTerm } from '../analysis/analyzer.js';
import { askedTimeWordsOf, focusWordOf, isKeywordQuery, questionTypes } from '../analysis/questionWords.js';
import type { Corpus, Paragraph } from '../corpus/types.js';
import { answerTypeOf, hasAnswerCue, warmUpAnswerCues, type AnswerType } from './answerType.js';
import { confidenceOf, DEFAULT_MODEL, smallness, thresholdFor, type ConfidenceModel, type Signals } from './confidence.js';
import { FrozenIndex, type IndexedDoc } from './frozenIndex.js';
import { Postings, type Bm25 } from './postings.js';
import { Reranker, type RerankWeights } from './rerank.js';

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
  reason?: 'empty-query' | 'no-match' | 'low-confidence' | 'about-the-bot' | 'about-the-server';
  /** `unsure`: the closest passage, shown under a caveat. Absent when abstained. */
  certainty?: 'sure' | 'unsure';
  results: Hit[];
}

export interface SearchOptions {
  /** How many results at most (default 3). */
  limit?: number;
  /** Return the best matches even when unsure (used by /search, and to measure ranking). */
  noAbstain?: boolean;
  /** The question is still being typed (autocomplete): see ReadingOptions. */
  typing?: boolean;
}

export interface EngineOptions {
  /** The answer/abstain decision (default: the calibrated one). */
  model?: ConfidenceModel;
  analyzer?: Analyzer;
  /** A prebuilt (e.g. persisted) index of exactly this corpus; built when absent. */
  index?: FrozenIndex;
  /** Further corpora searched together with this one, each with its index (see withArticles). */
  extra?: { corpus: Corpus; index: FrozenIndex }[];
  /** Scoring knobs, for experiments (`npm run eval -- --tuning JSON`); defaults are the tuned ones. */
  tuning?: Partial<Tuning>;
}

/**
 * Query-side knobs, chosen on TyDi lines 1-5771 and the test articles (`npm run eval --
 * --tuning JSON`): BM25's (postings.ts), the reranker's (rerank.ts), and these.
 */
export interface Tuning extends Bm25, RerankWeights {
  /** Weight of a fuzzy (typo) match, times len / (len + distance). */
  fuzzyWeight: number;
  /** Synonyms (mythes-id) for an ordinary word no paragraph has; 0 turns them off. */
  thesaurusWeight: number;
  /**
   * How much a word's everyday frequency lowers its weight: a term weighs
   * (1 - s) + s x specificity (0 ignores frequency).
   */
  specificityWeight: number;
  /** Candidates re-ranked by the reranker. */
  rerankDepth: number;
  /** Read the question's focus words (Question.focus); off only for ablations. */
  focusWords: boolean;
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
  focusWords: true,
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
  matches: { term: string; factor: number; credit: number }[];
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
  /**
   * The ordinary words naming what is asked: the focus word ("umur" of "Berapa umur X?",
   * see focusWordOf), or every word of a keyword query. Not phrasing: they count in the
   * coverage as names do.
   */
  focus: PreparedTerm[];
}

/** The analysis chain for a corpus: the general one plus the articles' own aliases. */
export function analyzerFor(corpus: Corpus): Analyzer {
  return new Analyzer({ extraAliases: aliasGroupsOf(corpus.articles.flatMap((a) => a.aliases ?? [])) });
}

/**
 * Up to this many paragraphs (a server's articles), the reranker keeps each paragraph
 * analysed once it has been a candidate: a few MB at most (2,000 TyDi passages hold 8 MB).
 * Beyond, it analyses candidates each time: a cache there would hold a fraction of the
 * corpus and, measured over TyDi's 4,650 passages, raise peak RSS by 130-190 MB.
 */
const ANALYSED_PARAGRAPHS_LIMIT = 2000;

/**
 * The answering engine: paragraphs indexed by MiniSearch (frozen into a compact form,
 * see frozenIndex.ts), the analysis chain on both sides, BM25 over the postings of the
 * question's readings with top-k selection (postings.ts), a second-stage reranker
 * (rerank.ts), and the decision whether the articles answer (confidence.ts).
 *
 * One engine searches one corpus; `withArticles` gives an engine over that corpus plus a
 * server's own articles, with shared statistics and without rebuilding the first index.
 */
export class SearchEngine {
  /** Every article and paragraph this engine searches. */
  readonly corpus: Corpus;
  readonly analyzer: Analyzer;
  /** The index of the engine's first corpus (the one that is saved to disk). */
  readonly index: FrozenIndex;
  /** How small the corpus is, for the confidence model (see confidence.ts). */
  readonly smallness: number;
  private readonly postings: Postings;
  private readonly reranker: Reranker;
  private readonly model: ConfidenceModel;
  private readonly tuning: Tuning;
  /** The first corpus, and the ones added by withArticles. */
  private readonly base: Corpus;
  private readonly extra: { corpus: Corpus; index: FrozenIndex }[];

  constructor(corpus: Corpus, options: EngineOptions = {}) {
    this.analyzer = options.analyzer ?? analyzerFor(corpus);
    this.model = options.model ?? DEFAULT_MODEL;
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.index = options.index ?? SearchEngine.buildIndex(corpus, this.analyzer);
    this.extra = options.extra ?? [];
    const parts = [{ corpus, index: this.index }, ...this.extra];
    this.postings = new Postings(parts.map((part) => ({ paragraphs: part.corpus.paragraphs, index: part.index })));
    this.base = corpus;
    this.corpus = this.extra.length === 0 ? corpus : { articles: parts.flatMap((part) => part.corpus.articles), paragraphs: parts.flatMap((part) => part.corpus.paragraphs) };
    this.smallness = smallness(this.postings.paragraphCount);
    const paragraphs = this.postings.paragraphCount;
    this.reranker = new Reranker(this.analyzer, this.tuning, paragraphs <= ANALYSED_PARAGRAPHS_LIMIT ? paragraphs : 0);
  }

  /** Indexes the corpus's paragraphs (text and article title) with MiniSearch. */
  static buildIndex(corpus: Corpus, analyzer: Analyzer = analyzerFor(corpus)): FrozenIndex {
    const docs: IndexedDoc[] = corpus.paragraphs.map((p, id) => ({ id, text: p.text, title: p.articleTitle }));
    return FrozenIndex.build(docs, (text) => analyzer.analyze(text));
  }

  /** What the first questions would otherwise build or compile (see src/bot/warmUp.ts): the analysis's tables, the answer cues' patterns. */
  warmUpSteps(): (() => void)[] {
    return [...this.analyzer.warmUpSteps(), warmUpAnswerCues];
  }

  get paragraphCount(): number {
    return this.postings.paragraphCount;
  }

  /**
   * An engine over this corpus and `extra` (a server's own articles), searched as one
   * collection: `extraIndex` is the index of exactly `extra`'s paragraphs, built with
   * `analyzer` (this engine's analysis plus the extra articles' aliases), so adding an
   * article rebuilds only the small extra index.
   */
  withArticles(extra: Corpus, extraIndex: FrozenIndex, analyzer: Analyzer = this.analyzer): SearchEngine {
    return new SearchEngine(this.base, { analyzer, model: this.model, tuning: this.tuning, index: this.index, extra: [...this.extra, { corpus: extra, index: extraIndex }] });
  }

  search(query: string, options: SearchOptions = {}): Answer {
    const limit = Math.max(0, Math.floor(options.limit ?? 3));
    // A question made only of stopwords ("siapa dia?") has nothing the articles could
    // answer; /search (noAbstain) still looks its words up.
    const question = this.prepare(query, options.noAbstain === true, options.typing === true);
    // "bot ini bisa apa?" is for the help text, not for the closest passage.
    if (!options.noAbstain) {
      const terms = question.terms.map((t) => t.source);
      const corpusHas = (term: string) => this.postings.has(term);
      if (asksAboutTheBot(query, terms, corpusHas)) return { query, abstained: true, reason: 'about-the-bot', results: [] };
      // "siapa admin server ini" is for the server's moderators (curated answers come first), not for the closest passage.
      if (asksAboutTheServer(query, terms, corpusHas)) return { query, abstained: true, reason: 'about-the-server', results: [] };
    }
    if (question.terms.length === 0) return { query, abstained: true, reason: 'empty-query', results: [] };
    const scored = question.terms.map((t) => ({ readings: t.matches, weight: 1 - this.tuning.specificityWeight + this.tuning.specificityWeight * t.specificity }));
    let ranked = this.postings.rank(scored, Math.max(1, limit, this.tuning.rerankDepth), this.tuning);
    if (ranked.length === 0) return { query, abstained: true, reason: 'no-match', results: [] };
    if (this.tuning.sentenceWeight > 0 && ranked.length > 1) ranked = this.reranker.rerank(ranked.map((r) => ({ ...r, text: this.postings.paragraph(r.doc).text })), question);

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
    return this.reranker.bestSentence(text, this.prepare(query).terms).sentence;
  }

  private prepare(query: string, keepStopwordsIfNothingElse = true, typing = false): Question {
    const words = new Set(query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    // What the question asks, read with its misspellings put right ("brapa", "tahun berpaa").
    const spelled = this.analyzer.withCorrectedSpelling(query, { typing });
    const corrections = this.analyzer.spellingCorrections(query, { typing });
    const spelledWord = (surface: string) => corrections.get(surface) ?? surface;
    // "tahun berapa" asks for a year: the answer need not say "tahun".
    const asked = askedTimeWordsOf(spelled);
    const isAsked = (t: PreparedTerm) => asked.has(spelledWord(t.source.surface));
    const all = this.prepareTerms(query, keepStopwordsIfNothingElse, typing);
    const terms = asked.size && all.some((t) => !isAsked(t)) ? all.filter((t) => !isAsked(t)) : all;
    const isStopword = (word: string) => this.analyzer.isStopword(word);
    const ordinary = terms.filter((t) => t.source.kind === 'word' || t.source.kind === 'english');
    const focusWord = focusWordOf(spelled, isStopword);
    const focusTerm = focusWord === undefined ? undefined : ordinary.find((t) => t.source.surface.split(' ').some((w) => spelledWord(w) === focusWord));
    const focus = !this.tuning.focusWords ? [] : isKeywordQuery(spelled, isStopword) ? ordinary : focusTerm ? [focusTerm] : [];
    // A measured attribute ("umur", "harga", "kecepatan") asks for its quantity, not any number: by the focus word's readings.
    const focusReadings = focusWord === undefined ? [] : [focusWord, ...(focusTerm?.source.root ? [focusTerm.source.root] : []), ...(focusTerm?.source.alternatives.map((a) => a.term) ?? [])];
    return { text: query, terms, answerType: answerTypeOf(questionTypes(spelled), focusReadings), words, focus };
  }

  /** The question's terms, their weights, and the index terms that match each. */
  private prepareTerms(query: string, keepStopwordsIfNothingElse: boolean, typing: boolean): PreparedTerm[] {
    const postings = this.postings;
    const unseenIdf = postings.idf(1);
    return this.analyzer.analyzeQuery(query, { keepStopwordsIfNothingElse, typing }).slice(0, MAX_QUERY_TERMS).map((source) => {
      const matches: PreparedTerm['matches'] = [];
      let bestDf = 0;
      for (const { term, factor } of source.alternatives) {
        if (!postings.has(term) || matches.some((m) => m.term === term)) continue;
        matches.push({ term, factor, credit: factor });
        if (factor === 1 || bestDf === 0) bestDf = Math.max(bestDf, postings.docFrequency(term));
      }
      // A word of a lexicon (Indonesian or English) is spelled right: it gets synonyms, not typo neighbours.
      if (matches.length === 0 && !source.root && source.kind !== 'english') this.addTypoMatches(source, matches);
      if (matches.length === 0 && source.root && this.tuning.thesaurusWeight > 0) {
        for (const synonym of this.analyzer.synonymTerms(source.root)) {
          if (postings.has(synonym) && !matches.some((m) => m.term === synonym)) matches.push({ term: synonym, factor: this.tuning.thesaurusWeight, credit: SYNONYM_CREDIT });
        }
      }
      if (bestDf === 0) for (const m of matches) bestDf = Math.max(bestDf, postings.docFrequency(m.term));
      return { source, matches, idf: bestDf > 0 ? postings.idf(bestDf) : unseenIdf, seen: matches.length > 0, specificity: this.analyzer.specificity(source) };
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
      for (const { term, distance } of this.postings.fuzzy(form, maxDistance)) {
        if (matches.some((m) => m.term === term)) continue;
        const closeness = form.length / (form.length + distance);
        matches.push({ term, factor: this.tuning.fuzzyWeight * closeness, credit: closeness });
      }
    }
  }

  private toHit(doc: number, score: number, question: Question, ranked?: { doc: number; score: number }[]): Hit {
    const paragraph = this.postings.paragraph(doc);
    const best = this.reranker.bestSentence(paragraph.text, question.terms);
    const signals = this.signals(doc, score, question, best, ranked);
    return { paragraph, score, highlight: best.sentence, confidence: confidenceOf(signals, this.smallness, this.model), signals };
  }

  /** The signals of confidence.ts for one paragraph, computed on its text (the part a citation shows). */
  private signals(doc: number, score: number, question: Question, best: { sentence: string; score: number }, ranked?: { doc: number; score: number }[]): Signals {
    const unseenIdf = this.postings.idf(1);
    let total = 0, matched = 0, specTotal = 0, specMatched = 0;
    let unseenOrdinary = 0, unseenTopic = 0, unseenSpecific = 0, termsFound = 0, termsCounted = 0, focusUnseen = 0, focusMissing = 0, termsMatched = 0;
    for (const t of question.terms) {
      // A focus word names what is asked: not phrasing, so it counts like a topic word.
      const focus = question.focus.includes(t);
      const ordinary = (t.source.kind === 'word' || t.source.kind === 'english') && !focus;
      let credit = 0;
      for (const m of t.matches) if (m.credit > credit && this.postings.textContains(doc, m.term)) credit = m.credit;
      if (credit > 0) termsMatched++;
      if (focus && !t.seen) focusUnseen = 1;
      else if (focus && credit === 0) focusMissing = 1;
      // Every term counts in the specificity-weighed coverage; an unseen ordinary word by how specific it is.
      const specWeight = (!t.seen && ordinary ? unseenIdf * t.specificity * t.specificity : t.idf) * t.specificity;
      specTotal += specWeight;
      specMatched += specWeight * credit;
      if (!t.seen && ordinary) {
        unseenOrdinary++;
        unseenSpecific = Math.max(unseenSpecific, t.specificity);
        continue;
      }
      if (!t.seen && !focus) unseenTopic = 1;
      total += t.idf;
      matched += t.idf * credit;
      termsCounted++;
      termsFound += credit;
    }
    const type = question.answerType;
    const cue = type ? hasAnswerCue(best.sentence, type, question.words) : false;
    const margin = ranked && ranked.length > 1 ? Math.max(0, (ranked[0]!.score - ranked[1]!.score) / ranked[0]!.score) : ranked ? 1 : 0;
    const { k, idfExponent } = this.tuning;
    let perfect = 0;
    for (const t of question.terms) perfect += Math.pow(t.idf, idfExponent) * (k + 1);
    return {
      focusUnseen,
      focusMissing,
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
      loneMatch: termsMatched === 1 && question.terms.length >= 2 ? 1 : 0,
    };
  }

}
