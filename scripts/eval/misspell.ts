/**
 * Typing robustness: each answerable question of a set with one of its words misspelt
 * (a letter left out, two swapped, or one changed), the same way in every run, scored
 * as the set is. Members misspell words the sets spell right; this measures how much an
 * answer depends on the spelling without writing a typo set by hand.
 */
import type { ArticleQuestion, CuratedCase } from './data.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A small deterministic generator (a linear congruential one), so every run misspells alike. */
function generator(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The answerable questions that have a lower-case word of six letters or more, each with one such word misspelt. */
export function misspelt(questions: ArticleQuestion[], seed = 7): ArticleQuestion[] {
  const random = generator(seed);
  return questions.flatMap((q) => {
    if (q.gold.length === 0) return [];
    const typed = misspeltText(q.q, random);
    return typed === undefined ? [] : [{ ...q, q: typed }];
  });
}

/**
 * The curated cases with one word of each paraphrase and near-miss misspelt (`typed`), and the
 * same questions as written (`written`): those that have a lower-case word of six letters or
 * more, the others left out. A paraphrase should still get its entry, and a near-miss should
 * not get it for being misspelt.
 */
export function misspeltCurated(cases: CuratedCase[], seed = 7): { typed: CuratedCase[]; written: CuratedCase[] } {
  const random = generator(seed);
  const pairs = (texts: string[]) => texts.flatMap((text) => {
    const typed = misspeltText(text, random);
    return typed === undefined ? [] : [{ typed, written: text }];
  });
  const split = cases.map((c) => ({ c, positives: pairs(c.positives), negatives: pairs(c.negatives) }));
  return {
    typed: split.map(({ c, positives, negatives }) => ({ ...c, positives: positives.map((p) => p.typed), negatives: negatives.map((p) => p.typed) })),
    written: split.map(({ c, positives, negatives }) => ({ ...c, positives: positives.map((p) => p.written), negatives: negatives.map((p) => p.written) })),
  };
}

/** `text` with one of its lower-case words of six letters or more misspelt, or undefined when it has none. */
function misspeltText(text: string, random: () => number): string | undefined {
  const words = text.split(' ');
  const candidates = words.flatMap((w, i) => (/^[a-z]{6,}$/.test(w) ? [i] : []));
  if (candidates.length === 0) return undefined;
  const at = candidates[Math.floor(random() * candidates.length)]!;
  words[at] = misspell(words[at]!, random);
  return words.join(' ');
}

/** One edit inside the word (its first and last letters kept, as typists mostly do). */
function misspell(word: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + LETTERS[Math.floor(random() * LETTERS.length)] + word.slice(i + 1);
}
