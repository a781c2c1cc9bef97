import { normalizeText } from '../analysis/normalize.js';

/**
 * What a question asks for, read from its question word. The analyzer drops question
 * words as stopwords (right for finding passages), but for matching two questions they
 * matter: "Kapan pendiri Wagner lahir?" must not take the answer of "Siapa pendiri Wagner?".
 * "apa" is left out on purpose: it also opens yes/no questions and "apa itu ...".
 */
export type QuestionType = 'who' | 'when' | 'where' | 'why' | 'how' | 'how-many';

const SINGLE_WORDS: Record<string, QuestionType> = {
  siapa: 'who', siapakah: 'who', who: 'who', whom: 'who', whose: 'who',
  kapan: 'when', kapankah: 'when', bilamana: 'when', when: 'when',
  dimana: 'where', dimanakah: 'where', kemana: 'where', darimana: 'where', where: 'where',
  mengapa: 'why', mengapakah: 'why', kenapa: 'why', kenapakah: 'why', why: 'why',
  bagaimana: 'how', bagaimanakah: 'how', gimana: 'how', how: 'how',
  berapa: 'how-many', berapakah: 'how-many',
};

/** "di mana", "ke mana", "dari mana"; a lone "mana" ("yang mana") means "which" and is skipped. */
const WHERE_PREFIXES = new Set(['di', 'ke', 'dari']);

export function questionTypes(text: string): Set<QuestionType> {
  const words = normalizeText(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const types = new Set<QuestionType>();
  words.forEach((word, i) => {
    const previous = words[i - 1];
    if (word === 'mana' && previous !== undefined && WHERE_PREFIXES.has(previous)) types.add('where');
    else if (word === 'how' && (words[i + 1] === 'many' || words[i + 1] === 'much')) types.add('how-many');
    else {
      const type = SINGLE_WORDS[word];
      if (type) types.add(type);
    }
  });
  return types;
}

/** False only when both questions name what they ask for and have nothing in common. */
export function compatibleQuestionTypes(a: Set<QuestionType>, b: Set<QuestionType>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  for (const type of a) if (b.has(type)) return true;
  return false;
}
