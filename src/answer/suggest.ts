import type { Article } from '../corpus/types.js';
import type { CuratedIndex } from '../curated/curatedIndex.js';
import type { SearchEngine } from '../search/engine.js';
import { checkQuestion } from '../search/question.js';
import { splitSentences } from '../search/sentences.js';
import type { Choice } from '../shared/reply.js';
import { shorten } from '../shared/text.js';

const MAX_CHOICES = 25;

/**
 * Autocomplete for /ask: what the user typed, then curated questions that fit it,
 * then sentences of the best-matching paragraphs (phrasings drawn from the corpus).
 * With nothing typed yet, the most used curated questions and the articles' opening
 * sentences. Every choice is cut to Discord's 100 characters.
 */
export function suggestQuestions(deps: { engine: SearchEngine; curatedIndex: CuratedIndex }, guildId: string | null, typed: string): Choice[] {
  const choices: Choice[] = [];
  const add = (text: string) => {
    const value = shorten(text.replace(/\s+/g, ' ').trim(), 100);
    if (value && !choices.some((c) => c.value === value)) choices.push({ name: value, value });
  };
  const check = checkQuestion(typed);
  if (check.ok) add(check.question);
  if (guildId) for (const hit of deps.curatedIndex.suggest(guildId, check.ok ? check.question : '', 10)) add(hit.phrase);

  if (check.ok) {
    const answer = deps.engine.search(check.question, { limit: 8, noAbstain: true, typing: true });
    for (const hit of answer.results) add(hit.highlight);
  } else {
    for (const article of deps.engine.corpus.articles.slice(0, 5)) {
      for (const paragraph of article.paragraphs.slice(0, 6)) add(splitSentences(paragraph.text)[0] ?? paragraph.text);
    }
  }
  return choices.slice(0, MAX_CHOICES);
}

/** Words of a suggested question at most (a sentence's head reads like a question members type). */
const SUGGESTION_WORDS = 12;

/**
 * A question to try on a newly added article, checked on the server's view: the head of
 * an opening sentence of one of its first paragraphs (or its title), the first that the
 * engine answers with a paragraph of this article. Undefined when none does.
 */
export function questionToTry(engine: SearchEngine, article: Article): string | undefined {
  const candidates = article.paragraphs.slice(0, 5).map((p) => splitSentences(p.text)[0] ?? p.text);
  candidates.push(article.title);
  for (const candidate of candidates) {
    const words = candidate.replace(/\s+/g, ' ').trim().split(' ');
    let question = words.slice(0, SUGGESTION_WORDS).join(' ').replace(/[,;:.!?"'()]+$/u, '');
    question = shorten(question, 90);
    if (!checkQuestion(question).ok) continue;
    const answer = engine.search(question, { limit: 1 });
    if (!answer.abstained && answer.results[0]?.paragraph.articleId === article.id) return question;
  }
  return undefined;
}
