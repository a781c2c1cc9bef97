import type { QueryTerm } from '../analysis/analyzer.js';
import { oneLetterDeletions, withinEdits } from '../analysis/spelling.js';

/**
 * How well a member's question and a moderator's phrasing say the same thing, on the
 * analysed terms of both (the same analysis as the article search: informal forms, English
 * and typos already read). Two shares of weight are measured: how much of the phrasing
 * the question mentions, and how much of the question the entry (its phrasings, and at
 * a lower credit its answer) explains. A match needs both: a question that adds an
 * attribute ("Kapan Kim Jong Un lahir?") to a phrasing ("Siapa Kim Jong Un?") explains
 * less of itself, and a question that mentions one word of a long phrasing covers little
 * of it.
 */
export interface MatchTerm {
  term: QueryTerm;
  /** How much the term says about what is asked (see CuratedIndex.weightOf). */
  weight: number;
}

export interface Similarity {
  /** Share of the phrasing's weight the question mentions. */
  phraseCoverage: number;
  /** Share of the question's weight that the entry explains. */
  queryCoverage: number;
  /**
   * A name or topic word of the question that the entry (phrasings and answer) lacks:
   * "Apa itu Korsel?" is not "Apa itu Korut?", whatever else they share. Such pairs
   * never match. (A name of the phrasing that the question leaves out only lowers the
   * coverage: "kekuatan jahat maksudnya apa" still asks what Kim's "kekuatan jahat" is.)
   */
  topicMismatch: boolean;
  /**
   * The largest share of the question's weight on one term the entry does not explain at
   * all; a term read as English counts at `englishShare` of its weight (see similarity).
   */
  largestUnexplained: number;
  /** The largest share of the phrasing's weight on one term the question does not mention. */
  largestUnmentioned: number;
  /** Share of the question's weight that the entry's phrasings (not its answer) explain. */
  phrasingCoverage: number;
}

/** Credit of a question word found only in the entry's answer: the answer may speak of it (0.7 ties 1.0 on the test articles' entries; the lower is the cautious one). */
export const ANSWER_CREDIT = 0.7;
/** Credit of a spelling within an edit or two of a word no lexicon knows: most likely the same word. */
const TYPO_CREDIT = 0.8;
/** Credit of a synonym (mythes-id): its links are loose ("kampus" and "sekolah"), so it counts for half. */
const SYNONYM_CREDIT = 0.5;

/**
 * How much term `a` stands for term `b` (either way round): a shared reading (times the
 * readings' factors), a synonym, or a spelling within one or two edits of a word neither
 * lexicon knows. `synonyms` gives a term's synonyms (mythes-id, by the word as written and
 * by its root). The definition, pair by pair; the matcher gets the same credits from
 * CreditIndex, for all of a server's entry terms at once.
 */
export function termCredit(a: QueryTerm, b: QueryTerm, synonyms: (term: QueryTerm) => ReadonlySet<string>): number {
  let best = 0;
  for (const x of a.alternatives) for (const y of b.alternatives) if (x.term === y.term) best = Math.max(best, x.factor * y.factor);
  if (best > 0) return best;
  // A synonym of one side among the other's readings (an English word's translations included).
  const viaSynonym = Math.max(synonymCredit(synonyms(a), b), synonymCredit(synonyms(b), a));
  if (viaSynonym > 0) return SYNONYM_CREDIT * viaSynonym;
  if (!a.root || !b.root) {
    // A name of several words is also misspelt one word at a time ("prigozin" for "yevgeny prigozhin").
    for (const x of wordsOf(a)) for (const y of wordsOf(b)) if (nearSpelling(x, y)) return TYPO_CREDIT;
  }
  return 0;
}

/** How well a list of synonyms names term `y`: as written or by its root fully, else by its best reading's factor. */
function synonymCredit(list: ReadonlySet<string>, y: QueryTerm): number {
  if (list.size === 0) return 0;
  if (list.has(y.surface) || (y.root !== undefined && list.has(y.root))) return 1;
  return y.alternatives.reduce((m, alt) => (list.has(alt.term) ? Math.max(m, alt.factor) : m), 0);
}

function wordsOf(t: QueryTerm): string[] {
  return t.kind === 'topic' && t.surface.includes(' ') ? [t.surface, ...t.surface.split(' ')] : [t.surface];
}

/**
 * termCredit of a question's term against every term of a guild's entries at once, found
 * through indexes of the entry terms (by reading, by word, by synonym) rather than pair by
 * pair: a question meets a few hundred entry terms, and most share nothing with it.
 * Entry terms are compared by identity: pass the same objects the phrasings hold.
 */
export class CreditIndex {
  private readonly byReading = new Map<string, { term: QueryTerm; factor: number }[]>();
  /** Entry terms by the word as written and by root. */
  private readonly byWord = new Map<string, QueryTerm[]>();
  /** Entry terms by each of their synonyms. */
  private readonly bySynonym = new Map<string, QueryTerm[]>();
  /**
   * The words entry terms are spelt with (see wordsOf), for near spellings, under each word
   * and its one-letter deletions (as SymSpell does): two words within one edit share a key,
   * so a question's word meets only the few it may be near, not every word of a server's
   * entries. Words of nine letters or more, which may be two edits apart, also by length.
   */
  private readonly byDeletion = new Map<string, SpeltWord[]>();
  private readonly longByLength = new Map<number, SpeltWord[]>();

  constructor(terms: readonly QueryTerm[], private readonly synonyms: (term: QueryTerm) => ReadonlySet<string>) {
    const push = <K, T>(map: Map<K, T[]>, key: K, value: T) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    for (const term of terms) {
      for (const { term: reading, factor } of term.alternatives) push(this.byReading, reading, { term, factor });
      push(this.byWord, term.surface, term);
      if (term.root !== undefined && term.root !== term.surface) push(this.byWord, term.root, term);
      for (const synonym of synonyms(term)) push(this.bySynonym, synonym, term);
      for (const word of wordsOf(term)) {
        if (word.length < NEAR_SPELLING_MIN) continue; // no word this short has a near spelling
        const spelt = { term, word };
        for (const key of new Set([word, ...oneLetterDeletions(word)])) push(this.byDeletion, key, spelt);
        if (word.length >= NEAR_SPELLING_TWO_EDITS) push(this.longByLength, word.length, spelt);
      }
    }
  }

  /** The entry terms `a` stands for, with termCredit(a, term) for each; the others get 0. */
  row(a: QueryTerm): Map<QueryTerm, number> {
    const row = new Map<QueryTerm, number>();
    const raise = (map: Map<QueryTerm, number>, term: QueryTerm, credit: number) => {
      if (credit > (map.get(term) ?? 0)) map.set(term, credit);
    };
    for (const x of a.alternatives) for (const { term, factor } of this.byReading.get(x.term) ?? []) raise(row, term, x.factor * factor);
    // A synonym counts only where no reading is shared, either way round (see termCredit).
    const viaSynonym = new Map<QueryTerm, number>();
    const offer = (term: QueryTerm, credit: number) => {
      if (!row.has(term)) raise(viaSynonym, term, credit);
    };
    for (const synonym of this.synonyms(a)) {
      for (const term of this.byWord.get(synonym) ?? []) offer(term, 1);
      for (const { term, factor } of this.byReading.get(synonym) ?? []) offer(term, factor);
    }
    for (const word of a.root !== undefined ? [a.surface, a.root] : [a.surface]) for (const term of this.bySynonym.get(word) ?? []) offer(term, 1);
    for (const x of a.alternatives) for (const term of this.bySynonym.get(x.term) ?? []) offer(term, x.factor);
    for (const [term, credit] of viaSynonym) row.set(term, SYNONYM_CREDIT * credit);
    // A word a lexicon knows is near only to the spellings of words none knows.
    const offerNear = (x: string, { term, word }: SpeltWord) => {
      if ((a.root && term.root) || row.has(term)) return;
      if (nearSpelling(x, word)) row.set(term, TYPO_CREDIT);
    };
    for (const x of wordsOf(a)) {
      if (x.length < NEAR_SPELLING_MIN) continue;
      for (const key of new Set([x, ...oneLetterDeletions(x)])) for (const spelt of this.byDeletion.get(key) ?? []) offerNear(x, spelt);
      if (x.length < NEAR_SPELLING_TWO_EDITS) continue;
      for (let length = x.length - 2; length <= x.length + 2; length++) for (const spelt of this.longByLength.get(length) ?? []) offerNear(x, spelt);
    }
    return row;
  }
}

/** A word an entry term is spelt with. */
interface SpeltWord {
  term: QueryTerm;
  word: string;
}

/**
 * How much an entry explains each of the question's terms: by its phrasings (the best
 * credit among their terms), and whether its answer has the term. The same for every
 * phrasing of the entry, so measured once per entry.
 */
export interface Explanation {
  byPhrasings: number[];
  inAnswer: boolean[];
}

export function explanation(question: MatchTerm[], entryTerms: MatchTerm[], answerTerms: Set<string>, credit: (questionTerm: QueryTerm, other: QueryTerm) => number): Explanation {
  return {
    byPhrasings: question.map((q) => Math.min(1, entryTerms.reduce((m, e) => Math.max(m, credit(q.term, e.term)), 0))),
    inAnswer: question.map((q) => q.term.alternatives.some((a) => answerTerms.has(a.term))),
  };
}

/**
 * The shares of weight each side covers of the other; `explained` is the entry's explanation
 * of `question`. `englishShare` scales an English word's weight in largestUnexplained: an
 * English word that shares no reading with an Indonesian phrasing is as often a sense the
 * dictionaries lack ("affect" for "pengaruh") as a different thing asked.
 */
export function similarity(question: MatchTerm[], phrase: MatchTerm[], explained: Explanation, credit: (questionTerm: QueryTerm, other: QueryTerm) => number, englishShare = 1): Similarity {
  const mentioned = (p: MatchTerm) => question.reduce((m, q) => Math.max(m, credit(q.term, p.term)), 0);
  const isTopic = (t: MatchTerm) => t.term.kind === 'topic' || t.term.kind === 'number';
  let topicMismatch = false;
  let phraseTotal = 0;
  let phraseFound = 0;
  let unmentioned = 0;
  for (const p of phrase) {
    const found = Math.min(1, mentioned(p));
    phraseTotal += p.weight;
    phraseFound += p.weight * found;
    if (found === 0) unmentioned = Math.max(unmentioned, p.weight);
  }
  let unexplained = 0;
  let queryTotal = 0;
  let queryFound = 0;
  let phrasingFound = 0;
  question.forEach((q, i) => {
    queryTotal += q.weight;
    let credited = explained.byPhrasings[i]!;
    phrasingFound += q.weight * credited;
    if (credited < ANSWER_CREDIT && explained.inAnswer[i]) credited = ANSWER_CREDIT;
    if (credited === 0 && isTopic(q)) topicMismatch = true;
    if (credited === 0) unexplained = Math.max(unexplained, q.term.kind === 'english' ? englishShare * q.weight : q.weight);
    queryFound += q.weight * credited;
  });
  return {
    phraseCoverage: phraseTotal > 0 ? phraseFound / phraseTotal : 0,
    queryCoverage: queryTotal > 0 ? queryFound / queryTotal : 0,
    topicMismatch,
    largestUnexplained: queryTotal > 0 ? unexplained / queryTotal : 0,
    largestUnmentioned: phraseTotal > 0 ? unmentioned / phraseTotal : 0,
    phrasingCoverage: queryTotal > 0 ? phrasingFound / queryTotal : 0,
  };
}

/** Within one edit from NEAR_SPELLING_MIN letters, two from NEAR_SPELLING_TWO_EDITS. */
const NEAR_SPELLING_MIN = 5;
const NEAR_SPELLING_TWO_EDITS = 9;

function nearSpelling(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const limit = shorter >= NEAR_SPELLING_TWO_EDITS ? 2 : shorter >= NEAR_SPELLING_MIN ? 1 : 0;
  return limit > 0 && withinEdits(a, b, limit);
}
