import type { QueryTerm } from '../analysis/analyzer.js';
import { withinEdits } from '../analysis/spelling.js';

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
  /** The largest share of the question's weight on one term the entry does not explain at all. */
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
 * How much term `a` stands for term `b`: a shared reading (times the readings' factors),
 * a synonym, or a spelling within one or two edits of a word neither lexicon knows.
 */
export function termCredit(a: QueryTerm, b: QueryTerm, synonyms: (term: QueryTerm) => string[]): number {
  let best = 0;
  for (const x of a.alternatives) for (const y of b.alternatives) if (x.term === y.term) best = Math.max(best, x.factor * y.factor);
  if (best > 0) return best;
  // A synonym of one side among the other's readings (an English word's translations included).
  const synonymOf = (x: QueryTerm, y: QueryTerm) => {
    const list = synonyms(x);
    if (list.includes(y.surface) || (y.root !== undefined && list.includes(y.root))) return 1;
    return y.alternatives.reduce((m, alt) => (list.includes(alt.term) ? Math.max(m, alt.factor) : m), 0);
  };
  const viaSynonym = Math.max(synonymOf(a, b), synonymOf(b, a));
  if (viaSynonym > 0) return SYNONYM_CREDIT * viaSynonym;
  if (!a.root || !b.root) {
    // A name of several words is also misspelt one word at a time ("prigozin" for "yevgeny prigozhin").
    const words = (t: QueryTerm) => (t.kind === 'topic' && t.surface.includes(' ') ? [t.surface, ...t.surface.split(' ')] : [t.surface]);
    for (const x of words(a)) for (const y of words(b)) if (nearSpelling(x, y)) return TYPO_CREDIT;
  }
  return 0;
}

/** The shares of weight each side covers of the other. */
export function similarity(
  question: MatchTerm[],
  phrase: MatchTerm[],
  entryTerms: MatchTerm[],
  answerTerms: Set<string>,
  synonyms: (term: QueryTerm) => string[],
): Similarity {
  const best = (t: MatchTerm, others: MatchTerm[]) => others.reduce((m, o) => Math.max(m, termCredit(t.term, o.term, synonyms)), 0);
  const isTopic = (t: MatchTerm) => t.term.kind === 'topic' || t.term.kind === 'number';
  let topicMismatch = false;
  let phraseTotal = 0;
  let phraseFound = 0;
  let unmentioned = 0;
  for (const p of phrase) {
    const credit = Math.min(1, best(p, question));
    phraseTotal += p.weight;
    phraseFound += p.weight * credit;
    if (credit === 0) unmentioned = Math.max(unmentioned, p.weight);
  }
  let unexplained = 0;
  let queryTotal = 0;
  let queryFound = 0;
  let phrasingFound = 0;
  for (const q of question) {
    queryTotal += q.weight;
    let credit = Math.min(1, best(q, entryTerms));
    phrasingFound += q.weight * credit;
    if (credit < ANSWER_CREDIT && q.term.alternatives.some((a) => answerTerms.has(a.term))) credit = ANSWER_CREDIT;
    if (credit === 0 && isTopic(q)) topicMismatch = true;
    if (credit === 0) unexplained = Math.max(unexplained, q.weight);
    queryFound += q.weight * credit;
  }
  return {
    phraseCoverage: phraseTotal > 0 ? phraseFound / phraseTotal : 0,
    queryCoverage: queryTotal > 0 ? queryFound / queryTotal : 0,
    topicMismatch,
    largestUnexplained: queryTotal > 0 ? unexplained / queryTotal : 0,
    largestUnmentioned: phraseTotal > 0 ? unmentioned / phraseTotal : 0,
    phrasingCoverage: queryTotal > 0 ? phrasingFound / queryTotal : 0,
  };
}

/** Within one edit from five letters, two from nine. */
function nearSpelling(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  const limit = shorter >= 9 ? 2 : shorter >= 5 ? 1 : 0;
  return limit > 0 && withinEdits(a, b, limit);
}
