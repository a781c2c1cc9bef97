import MiniSearch, { type SearchResult } from 'minisearch';
import type { Analyzer } from '../analysis/analyzer.js';
import type { CuratedEntry, CuratedSearchHit, CuratedStore } from './curatedStore.js';
import { compatibleQuestionTypes, questionTypes, type QuestionType } from './questionType.js';

export interface CuratedMatch {
  entry: CuratedEntry;
  /** min(queryCoverage, phraseCoverage), in 0..1. */
  score: number;
  /** The question or alias that matched. */
  phrase: string;
  /** Share of the question's term weight found in the phrase. */
  queryCoverage: number;
  /** Share of the phrase's term weight found in the question. */
  phraseCoverage: number;
}

export interface CuratedIndexOptions {
  /** Minimum share of the asker's term weight the phrase must explain (default 0.6). */
  minQueryCoverage?: number;
  /** Minimum share of the phrase's term weight the asker must mention (default 0.75). */
  minPhraseCoverage?: number;
  /** Guild indexes kept in memory; the least recently used is dropped beyond this (default 1000). */
  maxGuilds?: number;
}

/**
 * Chat particles the analyzer keeps (they are not stopwords for passages) but that carry
 * no meaning in a question: "pendiri wagner siapa ya?" asks the same as without "ya".
 * They weigh nothing in the coverage of a match.
 */
const FILLER_WORDS = [
  'ya', 'yah', 'iya', 'kah', 'lho', 'loh', 'tuh', 'donk', 'ga', 'emang', 'kak', 'gan', 'min', 'bang', 'bro', 'sis',
  'nya', 'tanya', 'please', 'kira', 'kira-kira',
];

const MAX_QUERY_TERMS = 32;
/** Candidates re-scored per query; phrases are short, so the right one ranks high in BM25. */
const MAX_CANDIDATES = 50;

interface PhraseDoc {
  id: number;
  entryId: number;
  phrase: string;
  isQuestion: boolean;
  terms: string[];
  types: Set<QuestionType>;
}

interface GuildIndex {
  search: MiniSearch<{ id: number; phrase: string }>;
  docs: Map<number, PhraseDoc>;
  entries: Map<number, CuratedEntry>;
  /** In how many entries (not phrases: aliases repeat words on purpose) each term occurs. */
  entryFrequency: Map<string, number>;
}

/**
 * Matches a member's question to a moderator-curated answer. One small MiniSearch index
 * per guild over every question and alias, analysed by the same Analyzer as the article
 * index, built on first use and dropped whenever the store reports a change.
 *
 * The decision rule, not BM25's score, decides: a phrase matches when it explains most of
 * the question AND the question mentions most of the phrase, each measured as a share of
 * IDF weight (IDF over the guild's entries, so a word many entries share, like "Putin",
 * counts little). Question words must agree (who/when/where/...).
 */
export class CuratedIndex {
  private readonly indexes = new Map<string, GuildIndex>();
  private readonly fillers: Set<string>;
  private readonly minQueryCoverage: number;
  private readonly minPhraseCoverage: number;
  private readonly maxGuilds: number;
  private readonly unsubscribe: () => void;
  private seenDataVersion: number;
  private closed = false;

  constructor(private readonly store: CuratedStore, private readonly analyzer: Analyzer, options: CuratedIndexOptions = {}) {
    this.minQueryCoverage = options.minQueryCoverage ?? 0.6;
    this.minPhraseCoverage = options.minPhraseCoverage ?? 0.75;
    this.maxGuilds = options.maxGuilds ?? 1000;
    this.fillers = new Set(FILLER_WORDS.flatMap((word) => analyzer.analyze(word, { removeStopwords: false })));
    this.unsubscribe = store.onChange((guildId) => this.invalidate(guildId));
    this.seenDataVersion = store.dataVersion();
  }

  /** The curated entry answering `question`, only when confident. */
  match(guildId: string, question: string): CuratedMatch | undefined {
    const index = this.indexFor(guildId);
    if (index.docs.size === 0) return undefined;
    const queryTerms = this.analyzer.analyzeQuery(question).slice(0, MAX_QUERY_TERMS);
    if (queryTerms.length === 0) return undefined;
    const queryTypes = questionTypes(question);
    const results = index.search.search(
      { queries: queryTerms, combineWith: 'OR' },
      {
        tokenize: (term) => [term],
        processTerm: (term) => term,
        prefix: false,
        // Typos only for words no entry uses, and long enough that one edit is still telling.
        fuzzy: (term) => (index.entryFrequency.has(term) || term.length < 5 || /\d/.test(term) ? false : term.length >= 8 ? 2 : 1),
      },
    );

    let best: CuratedMatch | undefined;
    let bestTotal = -1;
    for (const result of results.slice(0, MAX_CANDIDATES)) {
      const doc = index.docs.get(result.id as number)!;
      if (!compatibleQuestionTypes(queryTypes, doc.types)) continue;
      const queryCoverage = this.coverage(index, queryTerms, new Set(result.queryTerms));
      const phraseCoverage = this.coverage(index, doc.terms, new Set(result.terms));
      if (queryCoverage < this.minQueryCoverage || phraseCoverage < this.minPhraseCoverage) continue;
      const score = Math.min(queryCoverage, phraseCoverage);
      const total = queryCoverage + phraseCoverage;
      if (!best || score > best.score || (score === best.score && total > bestTotal)) {
        best = { entry: index.entries.get(doc.entryId)!, score, phrase: doc.phrase, queryCoverage, phraseCoverage };
        bestTotal = total;
      }
    }
    return best;
  }

  /**
   * Autocomplete: entries whose question or alias contains the typed text first (most
   * used first), then entries whose words start like the typed words, by relevance.
   */
  suggest(guildId: string, partial: string, limit = 25): CuratedSearchHit[] {
    const max = Math.max(0, Math.floor(limit));
    const hits = this.store.search(guildId, partial, max);
    const terms = this.analyzer.analyze(partial, { removeStopwords: false });
    if (hits.length >= max || terms.length === 0) return hits;

    const index = this.indexFor(guildId);
    const seen = new Set(hits.map((hit) => hit.entry.id));
    const results: SearchResult[] = index.search.search(
      { queries: terms, combineWith: 'OR' },
      { tokenize: (term) => [term], processTerm: (term) => term, prefix: true, fuzzy: (term) => (term.length >= 5 ? 0.2 : false) },
    );
    for (const result of results) {
      const doc = index.docs.get(result.id as number)!;
      if (seen.has(doc.entryId)) continue;
      seen.add(doc.entryId);
      hits.push({ entry: index.entries.get(doc.entryId)!, phrase: doc.phrase });
      if (hits.length >= max) break;
    }
    return hits;
  }

  /** Forgets a guild's index (or all) so the next use rebuilds it from the store. */
  invalidate(guildId?: string): void {
    if (guildId === undefined) this.indexes.clear();
    else this.indexes.delete(guildId);
  }

  /** Stops listening to the store; later calls still work but build a fresh index each time. */
  close(): void {
    this.closed = true;
    this.unsubscribe();
    this.indexes.clear();
  }

  /** Share of the terms' weight that was matched; terms that weigh nothing count as 1 each. */
  private coverage(index: GuildIndex, terms: string[], matched: Set<string>): number {
    let total = 0;
    let found = 0;
    for (const term of terms) {
      const weight = this.weight(index, term);
      total += weight;
      if (matched.has(term)) found += weight;
    }
    if (total > 0) return found / total;
    return terms.length === 0 ? 0 : terms.filter((term) => matched.has(term)).length / terms.length;
  }

  /**
   * IDF over the guild's entries. A word no entry uses gets the weight of the rarest
   * known word, not more: with few entries, unseen words would otherwise drown the rest.
   */
  private weight(index: GuildIndex, term: string): number {
    if (this.fillers.has(term)) return 0;
    const entryCount = index.entries.size;
    const frequency = Math.max(1, index.entryFrequency.get(term) ?? 1);
    return Math.log(1 + entryCount / frequency);
  }

  private indexFor(guildId: string): GuildIndex {
    // Another process writing the same file sends no change event; SQLite's data_version tells.
    const version = this.store.dataVersion();
    if (version !== this.seenDataVersion) {
      this.indexes.clear();
      this.seenDataVersion = version;
    }
    if (this.closed) return this.build(this.store.all(guildId)); // no change events: never cache
    let index = this.indexes.get(guildId);
    if (index) {
      this.indexes.delete(guildId); // re-insert: Map order doubles as least-recently-used order
    } else {
      index = this.build(this.store.all(guildId));
    }
    this.indexes.set(guildId, index);
    if (this.indexes.size > this.maxGuilds) this.indexes.delete(this.indexes.keys().next().value!);
    return index;
  }

  private build(entries: CuratedEntry[]): GuildIndex {
    const search = new MiniSearch<{ id: number; phrase: string }>({
      fields: ['phrase'],
      storeFields: [],
      tokenize: (text) => this.analyzer.analyzeQuery(text),
      processTerm: (term) => term,
    });
    const docs = new Map<number, PhraseDoc>();
    const entryFrequency = new Map<string, number>();
    for (const entry of entries) {
      const entryTerms = new Set<string>();
      [entry.question, ...entry.aliases].forEach((phrase, position) => {
        const id = docs.size;
        const terms = this.analyzer.analyzeQuery(phrase);
        docs.set(id, { id, entryId: entry.id, phrase, isQuestion: position === 0, terms, types: questionTypes(phrase) });
        search.add({ id, phrase });
        for (const term of terms) entryTerms.add(term);
      });
      for (const term of entryTerms) entryFrequency.set(term, (entryFrequency.get(term) ?? 0) + 1);
    }
    return { search, docs, entries: new Map(entries.map((entry) => [entry.id, entry])), entryFrequency };
  }
}
