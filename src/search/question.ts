import { CONTROL_CHARACTERS, normalizeText } from '../analysis/normalize.js';
import type { Text } from '../shared/i18n.js';
import { MAX_QUESTION_LENGTH } from '../shared/limits.js';
import { stripBidiControls } from '../shared/text.js';

export type QuestionCheck =
  | { ok: true; question: string }
  | { ok: false; problem: 'empty' | 'too-long' | 'control-characters' | 'no-words' };

/**
 * Validates a question before it reaches the engine. Every entry point (CLI, console,
 * Discord) uses it, so bad input gets the same clear answer everywhere. Half of an emoji
 * (a lone surrogate) becomes U+FFFD and bidi controls go, so nothing echoed or stored
 * can be malformed or reordered.
 */
export function checkQuestion(input: string): QuestionCheck {
  if (CONTROL_CHARACTERS.test(input)) return { ok: false, problem: 'control-characters' };
  const question = stripBidiControls(normalizeText(input.toWellFormed())).replace(/\s+/g, ' ').trim();
  if (!question) return { ok: false, problem: 'empty' };
  if (question.length > MAX_QUESTION_LENGTH) return { ok: false, problem: 'too-long' };
  if (!/[\p{L}\p{N}]/u.test(question)) return { ok: false, problem: 'no-words' };
  return { ok: true, question };
}

export const QUESTION_PROBLEMS: Record<Exclude<QuestionCheck, { ok: true }>['problem'], Text> = {
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
