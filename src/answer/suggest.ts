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
    const answer = deps.engine.search(check.question, { limit: 8, noAbstain: true });
    for (const hit of answer.results) add(hit.highlight);
  } else {
    for (const article of deps.engine.corpus.articles.slice(0, 5)) {
      for (const paragraph of article.paragraphs.slice(0, 6)) add(splitSentences(paragraph.text)[0] ?? paragraph.text);
    }
  }
  return choices.slice(0, MAX_CHOICES);
}
