import MiniSearch, { type SearchResult } from 'minisearch';
import { READING_FACTORS, type Alternative, type Analyzer, type QueryTerm } from '../analysis/analyzer.js';
import { compatibleQuestionTypes, focusWordOf, frameWordsOf, questionTypes, type QuestionType } from '../analysis/questionWords.js';
import type { CuratedEntry, CuratedSearchHit, CuratedStore } from './curatedStore.js';
import { CreditIndex, explanation, similarity, type Explanation, type MatchTerm, type Similarity } from './phraseMatch.js';

export interface CuratedMatch {
  entry: CuratedEntry;
  /** min(queryCoverage, phraseCoverage), less a substituted word's share, in 0..1. */
  score: number;
  /** The question or alias that matched. */
  phrase: string;
  /** Share of the question's term weight the entry explains. */
  queryCoverage: number;
  /** Share of the phrase's term weight found in the question. */
  phraseCoverage: number;
  /** The rest of phraseMatch.ts's Similarity, for the decision and for inspection. */
  similarity: Similarity;
}

export interface CuratedIndexOptions {
  /** Minimum of the two coverages for a match (default MIN_SCORE). */
  minScore?: number;
  /** Guild indexes kept in memory; the least recently used is dropped beyond this (default 1000). */
  maxGuilds?: number;
  /** Score taken off per share of weight of a substituted word (default SUBSTITUTION_PENALTY; 0 for ablations). */
  substitutionPenalty?: number;
  /** Share of an English word's weight in a substitution (default ENGLISH_SUBSTITUTION; 1 for ablations). */
  englishSubstitution?: number;
  /** Whether frame nouns ("lokasi", "maksudnya") weigh nothing and give the type (default true; off for ablations). */
  frameWords?: boolean;
  /** Whether an English word's dictionary translation counts as the word itself (default true; off for ablations). */
  fullTranslations?: boolean;
  /** Whether a word's spelling correction counts as the word itself (default true; off for ablations). */
  fullCorrections?: boolean;
  /** Whether a fully explained question of the same specific type may mention less of a long phrasing (default true; off for ablations). */
  sameTypeRelief?: boolean;
}

/**
 * Calibrated on the second test article's curated entries (tests/fixtures/second-article/
 * curated.jsonl), where a wrong answer counts more than a missed one; see README "Quality".
 */
export const MIN_SCORE = 0.6;
/** An entry this close to a question is shown to moderators as its closest answer ("did you mean"), though below MIN_SCORE. */
const SUGGEST_SCORE = MIN_SCORE / 2;
/** How much a substituted word (see match) takes off the score, per share of weight. */
const SUBSTITUTION_PENALTY = 1;
/**
 * An English word of the question that shares no reading with the entry counts for this share
 * of its weight as a substituted word: across languages a missing dictionary sense ("affect",
 * which FreeDict gives only as "touch", for "pengaruh") is as likely as another thing asked.
 * Chosen on the calibration articles' entries (second to fourth) and their near-misses asked
 * in English: the lowest share with no more false matches (0.2 gives the third article's
 * English near-misses one); see README "What each resource and rule changed".
 */
const ENGLISH_SUBSTITUTION = 0.3;
/** A word's weight is SPECIFICITY_FLOOR + (1 - SPECIFICITY_FLOOR) x its specificity. */
const SPECIFICITY_FLOOR = 0.6;
/**
 * A question that asks what the phrasing asks (the same question word, other than the
 * all-purpose "how") and that the entry's phrasings explain to this share needs to mention only
 * SAME_TYPE_PHRASE_FLOOR of the phrasing. Chosen on the second and third test articles'
 * entries: the most paraphrases with no more near-misses given any entry (a floor of 0.2
 * gives one; 0.6 for the share ties 0.7, the cautious one; 0.8 finds fewer).
 */
const SAME_TYPE_EXPLAINED = 0.7;
const SAME_TYPE_PHRASE_FLOOR = 0.3;
/** The best entry must beat the next one by this much: two entries that fit equally well are a guess. */
const MIN_MARGIN = 0.05;
const MAX_QUERY_TERMS = 32;
/** A changed guild's index is rebuilt once its changes have stopped for this long (an import makes hundreds). */
const REBUILD_DELAY_MS = 250;
/** Candidates re-scored per query; phrases are short, so the right one ranks high in BM25. */
const MAX_CANDIDATES = 50;

interface PhraseDoc {
  id: number;
  entryId: number;
  phrase: string;
  isQuestion: boolean;
  terms: readonly QueryTerm[];
  types: Set<QuestionType>;
  /** Words that frame the phrasing ("lokasi", "berapa orang"): compared as its type, not as words. */
  frames: Set<string>;
  /** Whether it asks for an attribute of a thing (see asksAttribute). */
  attribute: boolean;
  /** Its terms with their weights in this guild (see weightOf), set once the guild's index is built. */
  weighted: MatchTerm[];
}

interface EntryDoc {
  entry: CuratedEntry;
  phrases: PhraseDoc[];
  /** Terms of every phrasing of the entry, each reading once (aliases repeat words on purpose). */
  terms: QueryTerm[];
  /** Index terms of the entry's answer. */
  answerTerms: Set<string>;
  /** Frame words of any of its phrasings. */
  frames: Set<string>;
  /** `terms` with their weights in this guild, set once the guild's index is built. */
  weighted: MatchTerm[];
}

interface GuildIndex {
  /** The store's revision of the guild's curated answers the index was built from. */
  revision: number;
  search: MiniSearch<{ id: number; phrase: string }>;
  docs: Map<number, PhraseDoc>;
  entries: Map<number, EntryDoc>;
  /** In how many entries (not phrases: aliases repeat words on purpose) each index term occurs. */
  entryFrequency: Map<string, number>;
  /** How much a question's term stands for each of the entries' terms. */
  credits: CreditIndex;
}

/**
 * Matches a member's question to a moderator-curated answer. One small MiniSearch index
 * per guild over every question and alias finds candidates; the decision is
 * phraseMatch.ts's: the question must mention most of a phrasing, and the entry must
 * explain most of the question, each as a share of weight, with the same analysis as the
 * article search (informal Indonesian, English, typos, synonyms). A word weighs by how
 * specific it is in everyday Indonesian (a name more than "soal"), less when many entries
 * of the guild share it (like "Putin"). Question words must agree (who/when/where/...).
 * Built on first use and dropped whenever the store reports a change.
 */
export class CuratedIndex {
  private readonly indexes = new Map<string, GuildIndex>();
  private readonly minScore: number;
  private readonly maxGuilds: number;
  private readonly substitutionPenalty: number;
  private readonly englishSubstitution: number;
  private readonly frameWords: boolean;
  private readonly fullTranslations: boolean;
  private readonly fullCorrections: boolean;
  private readonly sameTypeRelief: boolean;
  private readonly unsubscribe: () => void;
  private readonly pendingRebuilds = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly store: CuratedStore, private analyzer: Analyzer, options: CuratedIndexOptions = {}) {
    this.minScore = options.minScore ?? MIN_SCORE;
    this.maxGuilds = options.maxGuilds ?? 1000;
    this.substitutionPenalty = options.substitutionPenalty ?? SUBSTITUTION_PENALTY;
    this.englishSubstitution = options.englishSubstitution ?? ENGLISH_SUBSTITUTION;
    this.frameWords = options.frameWords ?? true;
    this.fullTranslations = options.fullTranslations ?? true;
    this.fullCorrections = options.fullCorrections ?? true;
    this.sameTypeRelief = options.sameTypeRelief ?? true;
    this.unsubscribe = store.onChange((guildId) => {
      this.invalidate(guildId);
      this.scheduleRebuild(guildId);
    });
  }

  /** The curated entry answering `question`, only when confident. */
  match(guildId: string, question: string): CuratedMatch | undefined {
    return this.lookup(guildId, question).match;
  }

  /**
   * The entry `question` comes closest to, even when it is not confident enough to be
   * given: for the unanswered queue, where a moderator may find that a missed question
   * is a paraphrase of an existing answer.
   */
  closest(guildId: string, question: string): CuratedEntry | undefined {
    return this.lookup(guildId, question).closest;
  }

  /** match and closest from one ranking (/ask wants both: the answer, or else a "did you mean"). */
  lookup(guildId: string, question: string): { match?: CuratedMatch; closest?: CuratedEntry } {
    const ranked = this.rank(guildId, question);
    const best = ranked[0];
    if (!best) return {};
    const confident = best.score >= this.minScore && !(ranked[1] && best.score - ranked[1].score < MIN_MARGIN);
    if (confident) return { match: best, closest: best.entry };
    return best.score >= SUGGEST_SCORE ? { closest: best.entry } : {};
  }

  /** Every candidate entry with its best phrasing, best first, before any threshold. */
  rank(guildId: string, question: string): CuratedMatch[] {
    const index = this.indexFor(guildId);
    if (index.docs.size === 0) return [];
    const queryTerms = this.analyzer.analyzeQuery(question).slice(0, MAX_QUERY_TERMS).map((term) => this.asCompared(term));
    if (queryTerms.length === 0) return [];
    // What the question asks, read with its misspellings put right ("siapa yg dimakud").
    const asked = this.analyzer.withCorrectedSpelling(question);
    const corrections = this.analyzer.spellingCorrections(question);
    const queryTypes = questionTypes(asked, { frames: this.frameWords, longDefinitions: true });
    const queryAttribute = this.asksAttribute(asked, queryTerms, corrections);
    const query = this.weighted(index, queryTerms, frameWordsOf(asked), corrections);
    const rows = new Map(queryTerms.map((term) => [term, index.credits.row(term)]));
    const credit = (questionTerm: QueryTerm, other: QueryTerm) => rows.get(questionTerm)?.get(other) ?? 0;
    // An entry none of whose terms the question stands for mentions nothing of it: score 0, so it is not scored.
    const mentioned = new Set<QueryTerm>();
    for (const row of rows.values()) for (const term of row.keys()) mentioned.add(term);

    const byEntry = new Map<number, CuratedMatch>();
    for (const entryId of this.candidates(index, queryTerms)) {
      const entryDoc = index.entries.get(entryId)!;
      if (!entryDoc.terms.some((term) => mentioned.has(term))) continue;
      let explained: Explanation | undefined;
      for (const doc of entryDoc.phrases) {
        if (!compatibleQuestionTypes(queryTypes, doc.types) || definitionVersusAttribute(queryTypes, queryAttribute, doc.types, doc.attribute)) continue;
        explained ??= explanation(query, entryDoc.weighted, entryDoc.answerTerms, credit);
        const found = similarity(query, doc.weighted, explained, credit, this.englishSubstitution);
        const { phraseCoverage, queryCoverage } = found;
        // A word of the question the entry lacks in place of a word of the phrasing the question lacks
        // ("stok gula" for "stok beras", "mengekspor" for "mengimpor") most often asks something else.
        const substitution = Math.min(found.largestUnexplained, found.largestUnmentioned);
        let score = found.topicMismatch ? 0 : Math.max(0, Math.min(phraseCoverage, queryCoverage) - this.substitutionPenalty * substitution);
        // A member's question is shorter than a moderator's phrasing ("perang ukraina udh brp lama" for "Saat artikel
        // ditulis, sudah berapa lama Rusia berperang di Ukraina?"): when it asks the same specific thing (when, where,
        // how long...) and the entry's phrasings (not its answer) explain nearly all of it, it need mention less of the phrasing.
        if (this.sameTypeRelief && !found.topicMismatch && substitution === 0 && found.phrasingCoverage >= SAME_TYPE_EXPLAINED && phraseCoverage >= SAME_TYPE_PHRASE_FLOOR && sharesSpecificType(queryTypes, doc.types)) {
          score = Math.max(score, Math.min(queryCoverage, this.minScore));
        }
        const current = byEntry.get(entryId);
        if (!current || score > current.score || (score === current.score && phraseCoverage + queryCoverage > current.phraseCoverage + current.queryCoverage)) {
          byEntry.set(entryId, { entry: entryDoc.entry, score, phrase: doc.phrase, queryCoverage, phraseCoverage, similarity: found });
        }
      }
    }
    return [...byEntry.values()].sort((a, b) => b.score - a.score);
  }

  /**
   * A term as two questions are compared: the article search ranks a translation under the
   * word itself (READING_FACTORS.english), but between two questions the meaning is what
   * counts, so an English word's dictionary translation counts in full, and its weaker
   * senses (pivot languages, WordNet) in the same proportion. Measured on every curated set:
   * recall up on three, no false match more, also with their near-misses asked in English.
   * A spelling correction ("aritkel" read as "artikel") counts in full for the same reason:
   * curated-dev with one word misspelt 0.400 -> 0.422, no false match more.
   */
  private asCompared(term: QueryTerm): QueryTerm {
    const scale = (a: Alternative) => (this.fullTranslations && a.via === 'english' ? 1 / READING_FACTORS.english : 1) * (this.fullCorrections && a.corrected ? 1 / READING_FACTORS.misspelling : 1);
    if (!term.alternatives.some((a) => scale(a) !== 1)) return term;
    return { ...term, alternatives: term.alternatives.map((a) => (scale(a) === 1 ? a : { ...a, factor: Math.min(1, a.factor * scale(a)) })) };
  }

  /**
   * Whether a question asks for an attribute of a thing: its focus word (see focusWordOf) is an
   * ordinary word, not a name ("harga" of "Berapa harga beras SPHP?", "price" of "What is the
   * price of SPHP rice?"; not "SPHP" of "What is SPHP?").
   */
  private asksAttribute(text: string, terms: readonly QueryTerm[], corrections: ReadonlyMap<string, string> = new Map()): boolean {
    const focus = focusWordOf(text, (word) => this.analyzer.isStopword(word));
    const isFocus = (word: string) => (corrections.get(word) ?? word) === focus;
    return focus !== undefined && terms.some((t) => (t.kind === 'word' || t.kind === 'english') && t.surface.split(' ').some(isFocus));
  }

  /** A term's synonyms (mythes-id), by the word as written and by its root. */
  private synonymsOf(term: QueryTerm): ReadonlySet<string> {
    return new Set([...this.analyzer.synonymWords(term.surface), ...(term.root ? this.analyzer.synonymWords(term.root) : [])]);
  }

  /** Terms with their weights; frame words (as `corrections` spell them) weigh nothing: they give the question's type. */
  private weighted(index: GuildIndex, terms: readonly QueryTerm[], frames: Set<string>, corrections: ReadonlyMap<string, string> = new Map()): MatchTerm[] {
    const isFrame = (term: QueryTerm) => frames.has(corrections.get(term.surface) ?? term.surface);
    return terms.map((term) => ({ term, weight: this.frameWords && isFrame(term) ? 0 : this.weightOf(index, term) }));
  }

  /** Entries sharing a reading (or, for words no lexicon knows, a near spelling) with the question. */
  private candidates(index: GuildIndex, terms: readonly QueryTerm[]): Iterable<number> {
    // Synonyms are not in the MiniSearch query: a guild of few entries has them all re-scored (they are cheap).
    if (index.entries.size <= MAX_CANDIDATES) return index.entries.keys();
    const queries = [...new Set(terms.flatMap((t) => t.alternatives.map((a) => a.term)))];
    const results = index.search.search(
      { queries, combineWith: 'OR' },
      {
        tokenize: (term) => [term],
        processTerm: (term) => term,
        prefix: false,
        fuzzy: (term) => (index.entryFrequency.has(term) || term.length < 5 || /\d/.test(term) ? false : term.length >= 8 ? 2 : 1),
      },
    );
    const out = new Set<number>();
    for (const result of results.slice(0, MAX_CANDIDATES)) out.add(index.docs.get(result.id as number)!.entryId);
    return out;
  }

  /**
   * How much a term says: its specificity in everyday Indonesian (the analyzer's, from
   * word frequencies, flattened), less when many of the guild's entries share it (an IDF
   * over the guild's entries, from four entries on).
   */
  private weightOf(index: GuildIndex, term: QueryTerm): number {
    // Flatter than in the article search: between two questions the verb ("bertemu",
    // "meninggal") carries the intent, however common it is.
    const specificity = SPECIFICITY_FLOOR + (1 - SPECIFICITY_FLOOR) * this.analyzer.specificity(term);
    const entries = index.entries.size;
    if (entries < 4) return specificity;
    // The term's own readings tell how common it is; a weaker one ("Moskow" read as Rusia) would make every capital common.
    const own = term.alternatives.some((a) => a.factor === 1) ? term.alternatives.filter((a) => a.factor === 1) : term.alternatives;
    let frequency = 0;
    for (const a of own) frequency = Math.max(frequency, index.entryFrequency.get(a.term) ?? 0);
    return (specificity * Math.log(1 + entries / Math.max(1, frequency))) / Math.log(1 + entries);
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
      hits.push({ entry: index.entries.get(doc.entryId)!.entry, phrase: doc.phrase });
      if (hits.length >= max) break;
    }
    return hits;
  }

  /** The guilds whose indexes are in memory, least recently used first. */
  guilds(): string[] {
    return [...this.indexes.keys()];
  }

  /** Builds a guild's index now rather than on its first question (see src/bot/warmUp.ts). */
  warm(guildId: string): void {
    this.indexFor(guildId);
  }

  /** The bundled corpus was reloaded with other aliases: every index is rebuilt with its analysis. */
  setAnalyzer(analyzer: Analyzer): void {
    if (analyzer.fingerprint === this.analyzer.fingerprint) return;
    this.analyzer = analyzer;
    this.indexes.clear();
  }

  /** Forgets a guild's index (or all) so the next use rebuilds it from the store. */
  invalidate(guildId?: string): void {
    if (guildId === undefined) this.indexes.clear();
    else this.indexes.delete(guildId);
  }

  /**
   * After a change made through this store, the guild's index is rebuilt in the background
   * once the changes stop (REBUILD_DELAY_MS), so the next member's question does not wait
   * for it (0.07 s at 200 curated answers, 0.4 s at 2,500). A change made by another process
   * is seen, and rebuilt for, on the next question.
   */
  private scheduleRebuild(guildId: string): void {
    clearTimeout(this.pendingRebuilds.get(guildId));
    const timer = setTimeout(() => {
      this.pendingRebuilds.delete(guildId);
      if (this.closed) return;
      try {
        this.indexFor(guildId);
      } catch {
        // The database went away or is busy: the next question builds it.
      }
    }, REBUILD_DELAY_MS);
    timer.unref();
    this.pendingRebuilds.set(guildId, timer);
  }

  /** Stops listening to the store; later calls still work but build a fresh index each time. */
  close(): void {
    this.closed = true;
    for (const timer of this.pendingRebuilds.values()) clearTimeout(timer);
    this.pendingRebuilds.clear();
    this.unsubscribe();
    this.indexes.clear();
  }

  private indexFor(guildId: string): GuildIndex {
    // Another process writing the same file sends no change event; the guild's revision (kept by triggers) tells.
    const revision = this.store.revision(guildId);
    if (this.closed) return this.build(revision, this.store.all(guildId)); // no change events: never cache
    let index = this.indexes.get(guildId);
    this.indexes.delete(guildId); // re-insert: Map order doubles as least-recently-used order
    if (!index || index.revision !== revision) index = this.build(revision, this.store.all(guildId));
    this.indexes.set(guildId, index);
    if (this.indexes.size > this.maxGuilds) this.indexes.delete(this.indexes.keys().next().value!);
    return index;
  }

  private build(revision: number, entries: CuratedEntry[]): GuildIndex {
    const search = new MiniSearch<{ id: number; phrase: string }>({
      fields: ['phrase'],
      storeFields: [],
      tokenize: (text) => this.analyzer.queryTermSet(text),
      processTerm: (term) => term,
    });
    const docs = new Map<number, PhraseDoc>();
    const entryDocs = new Map<number, EntryDoc>();
    const entryFrequency = new Map<string, number>();
    // One object per distinct reading across the guild's phrasings: CreditIndex compares terms by identity.
    const canonical = new Map<string, QueryTerm>();
    const canonicalTerm = (term: QueryTerm) => {
      const key = JSON.stringify([term.surface, term.kind, term.root, term.alternatives.map((a) => [a.term, a.factor])]);
      const known = canonical.get(key);
      if (known) return known;
      canonical.set(key, term);
      return term;
    };
    for (const entry of entries) {
      const entryTerms = new Set<string>();
      const phrases: PhraseDoc[] = [];
      const questionTypesOfEntry = questionTypes(entry.question, { frames: this.frameWords, longDefinitions: true });
      [entry.question, ...entry.aliases].forEach((phrase, position) => {
        const id = docs.size;
        const terms = this.analyzer.analyzeQuery(phrase).map((term) => canonicalTerm(this.asCompared(term)));
        // An alias without a question word ("Putin") asks what the entry's question asks.
        const own = questionTypes(phrase, { frames: this.frameWords, longDefinitions: true });
        const doc: PhraseDoc = { id, entryId: entry.id, phrase, isQuestion: position === 0, terms, types: own.size ? own : questionTypesOfEntry, frames: frameWordsOf(phrase), attribute: this.asksAttribute(phrase, terms), weighted: [] };
        docs.set(id, doc);
        phrases.push(doc);
        search.add({ id, phrase });
        for (const t of terms) for (const a of t.alternatives) entryTerms.add(a.term);
      });
      for (const term of entryTerms) entryFrequency.set(term, (entryFrequency.get(term) ?? 0) + 1);
      const frames = new Set(phrases.flatMap((p) => [...p.frames]));
      entryDocs.set(entry.id, { entry, phrases, terms: [...new Set(phrases.flatMap((p) => p.terms))], answerTerms: new Set(this.analyzer.analyze(entry.answer)), frames, weighted: [] });
    }
    const index: GuildIndex = { revision, search, docs, entries: entryDocs, entryFrequency, credits: new CreditIndex([...canonical.values()], (term) => this.synonymsOf(term)) };
    // Weights need the whole guild's entry frequencies: set once every entry is in.
    for (const entryDoc of entryDocs.values()) {
      entryDoc.weighted = this.weighted(index, entryDoc.terms, entryDoc.frames);
      for (const doc of entryDoc.phrases) doc.weighted = this.weighted(index, doc.terms, doc.frames);
    }
    return index;
  }
}

/**
 * A definition question ("Apa itu SPHP?") and a question for an attribute of the thing
 * ("What is the price of SPHP rice?") ask different things, whatever words they share.
 */
function definitionVersusAttribute(a: Set<QuestionType>, aAttribute: boolean, b: Set<QuestionType>, bAttribute: boolean): boolean {
  if (a.has('what-is') === b.has('what-is')) return false;
  return a.has('what-is') ? bAttribute : aAttribute;
}

/** Whether two questions share a question word that says what is asked ("how" opens too many kinds of question, a yes/no question asks no thing). */
function sharesSpecificType(a: Set<QuestionType>, b: Set<QuestionType>): boolean {
  for (const type of a) if (type !== 'how' && type !== 'yes-no' && b.has(type)) return true;
  return false;
}

