import type { Services } from '../bot/services.js';
import type { Paragraph } from '../corpus/types.js';
import type { CuratedAnswer } from '../render/answerReply.js';
import type { Answer } from '../search/engine.js';

export interface AnsweredQuestion {
  answer: Answer;
  curated?: CuratedAnswer;
  /** Stored answer id for feedback buttons (guilds only). */
  answerId?: number;
}

/**
 * The answering step that /ask and the console share: a confident curated entry first,
 * then the article passages. Side effects are recorded here, in one place: the curated
 * entry's use count, the unanswered queue on an abstention, and the answer row that
 * feedback votes refer to. DMs have no moderators, so they get passages only.
 */
export function answerQuestion(services: Services, guildId: string | null, question: string): AnsweredQuestion {
  const answer = services.engine.search(question);
  if (!guildId) return { answer };

  const match = services.curatedIndex.match(guildId, question);
  let curated: CuratedAnswer | undefined;
  if (match) {
    services.curated.recordUse(guildId, match.entry.id);
    curated = {
      entryId: match.entry.id,
      question: match.entry.question,
      answer: match.entry.answer,
      paragraphs: match.entry.paragraphs.map((c) => paragraphByCitation(services, c)).filter((p): p is Paragraph => !!p),
    };
  } else if (answer.abstained && isWorthQueueing(services, question)) {
    services.unanswered.record(guildId, question, 'abstained');
  }
  const answerId = services.feedback.recordAnswer(guildId, question, { curatedEntryId: curated?.entryId, abstained: answer.abstained && !curated });
  return { answer, curated, answerId };
}

export function paragraphByCitation(services: Services, citation: string): Paragraph | undefined {
  const [articleId, n] = citation.split('#');
  const article = services.engine.corpus.articles.find((a) => a.id === articleId);
  return article?.paragraphs[Number(n) - 1];
}

/**
 * Moderators only see questions they could answer: one made only of stopwords
 * ("apa itu?") or punctuation has nothing to answer and would be noise in the queue.
 */
function isWorthQueueing(services: Services, question: string): boolean {
  return services.engine.analyzer.analyze(question).length > 0;
}
