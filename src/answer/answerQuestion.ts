import type { CuratedIndex } from '../curated/curatedIndex.js';
import type { CuratedEntry } from '../curated/curatedStore.js';
import type { Corpus, Paragraph } from '../corpus/types.js';
import type { Answer, SearchEngine } from '../search/engine.js';
import type { AnswerBookkeeping, AnswerLogEntry } from './bookkeeping.js';

/** A moderator-written answer that matched the question, with its citations resolved. */
export interface CuratedAnswer {
  entryId: number;
  question: string;
  answer: string;
  paragraphs: Paragraph[];
  /** Citations of the entry the server's articles no longer have (an article removed or shortened). */
  missing: string[];
}

/** A curated answer offered under an abstention ("did you mean"), which the member may pick. */
export interface Suggestion {
  entryId: number;
  question: string;
}

export type AnswerOutcome = 'answered' | 'curated' | 'abstained';

export interface AnsweredQuestion {
  answer: Answer;
  curated?: CuratedAnswer;
  /** The answer id for feedback buttons (guilds only, and only when one could be reserved). */
  answerId?: number;
  outcome: AnswerOutcome;
  /** What to write once the reply is out (guilds only): `deps.bookkeeping.record(it)`. */
  record?: AnswerLogEntry;
  /** An abstention's or a "not sure" answer's "did you mean": the curated answer it comes closest to. */
  suggestion?: Suggestion;
}

export interface AnswerDeps {
  engine: SearchEngine;
  curatedIndex: CuratedIndex;
  bookkeeping: AnswerBookkeeping;
}

/**
 * The answering step that /ask and the console share; `deps.engine` is the server's view
 * (the bundled corpus and the server's own articles): a confident curated entry first,
 * then the article passages, and when neither answers for sure, the curated entry it
 * comes closest to, as a "did you mean". It writes nothing: its bookkeeping (use count, unanswered
 * queue, the answer row behind the feedback buttons) is returned as `record`, for the
 * caller to pass to AnswerBookkeeping once the reply is out. DMs have no moderators, so
 * they get passages only and record nothing.
 */
export function answerQuestion(deps: AnswerDeps, guildId: string | null, question: string): AnsweredQuestion {
  const answer = deps.engine.search(question);
  if (!guildId) return { answer, outcome: answer.abstained ? 'abstained' : 'answered' };

  const { match, closest } = deps.curatedIndex.lookup(guildId, question);
  const curated = match && curatedAnswerOf(match.entry, deps.engine.corpus);
  const abstained = answer.abstained && !curated;
  const outcome = curated ? 'curated' : abstained ? 'abstained' : 'answered';
  const answerId = deps.bookkeeping.allocateAnswerId();
  // Moderators see what the bot could not answer with confidence: abstentions and "not sure" answers.
  // A question to the bot about itself got the help text: nothing for moderators to answer.
  const doubtful = abstained || (answer.certainty === 'unsure' && !curated);
  const queue = doubtful && answer.reason !== 'about-the-bot' && isWorthQueueing(deps.engine, question);
  const record = { guildId, question, answerId, curatedEntryId: curated?.entryId, abstained, queue };
  // Nothing sure to give, but moderators answered something like it: the member may have meant that.
  const suggestion = doubtful && answer.reason !== 'about-the-bot' && closest ? { entryId: closest.id, question: closest.question } : undefined;
  return { answer, curated, answerId, outcome, record, ...(suggestion ? { suggestion } : {}) };
}

/** A curated entry as given to a member: its citations resolved against `corpus` (the server's view), those it lacks listed. */
export function curatedAnswerOf(entry: CuratedEntry, corpus: Corpus): CuratedAnswer {
  const cited = entry.paragraphs.map((citation) => ({ citation, paragraph: paragraphByCitation(corpus, citation) }));
  return {
    entryId: entry.id,
    question: entry.question,
    answer: entry.answer,
    paragraphs: cited.flatMap((c) => (c.paragraph ? [c.paragraph] : [])),
    missing: cited.filter((c) => !c.paragraph).map((c) => c.citation),
  };
}

export function paragraphByCitation(corpus: Corpus, citation: string): Paragraph | undefined {
  const at = citation.lastIndexOf('#');
  const article = corpus.articles.find((a) => a.id === citation.slice(0, at));
  return at > 0 ? article?.paragraphs[Number(citation.slice(at + 1)) - 1] : undefined;
}

/**
 * Moderators only see questions they could answer: one made only of stopwords
 * ("apa itu?") or punctuation has nothing to answer and would be noise in the queue.
 */
function isWorthQueueing(engine: SearchEngine, question: string): boolean {
  return engine.analyzer.analyze(question).length > 0;
}
