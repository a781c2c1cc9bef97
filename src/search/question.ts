import { CONTROL_CHARACTERS, normalizeText } from '../analysis/normalize.js';

export const MAX_QUESTION_LENGTH = 500;

export type QuestionCheck =
  | { ok: true; question: string }
  | { ok: false; problem: 'empty' | 'too-long' | 'control-characters' | 'no-words' };

/**
 * Validates a question before it reaches the engine. Every entry point (CLI, console,
 * Discord) uses it, so bad input gets the same clear answer everywhere.
 */
export function checkQuestion(input: string): QuestionCheck {
  if (CONTROL_CHARACTERS.test(input)) return { ok: false, problem: 'control-characters' };
  const question = normalizeText(input).replace(/\s+/g, ' ').trim();
  if (!question) return { ok: false, problem: 'empty' };
  if (question.length > MAX_QUESTION_LENGTH) return { ok: false, problem: 'too-long' };
  if (!/[\p{L}\p{N}]/u.test(question)) return { ok: false, problem: 'no-words' };
  return { ok: true, question };
}

export const QUESTION_PROBLEMS: Record<Exclude<QuestionCheck, { ok: true }>['problem'], { en: string; id: string }> = {
  empty: { en: 'The question is empty.', id: 'Pertanyaannya kosong.' },
  'too-long': {
    en: `The question is too long (at most ${MAX_QUESTION_LENGTH} characters).`,
    id: `Pertanyaannya terlalu panjang (paling banyak ${MAX_QUESTION_LENGTH} karakter).`,
  },
  'control-characters': {
    en: 'The question contains control characters; please type it as plain text.',
    id: 'Pertanyaannya mengandung karakter kontrol; tulis sebagai teks biasa.',
  },
  'no-words': { en: 'The question has no words to search for.', id: 'Pertanyaannya tidak berisi kata untuk dicari.' },
};
