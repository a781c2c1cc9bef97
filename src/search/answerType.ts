/**
 * Answer-type cues: a "kapan" (when) question is answered by a sentence with a date
 * or a year, a "berapa" (how many) question by one with a number, and "apa itu X"
 * (what is X) by a defining sentence ("X adalah ..."). The question words
 * themselves are stopwords, so BM25 never sees them; the reranker uses these cues as
 * a small bonus between candidates that match the question's terms about equally.
 */
export type AnswerType = 'time' | 'number' | 'definition';

const TIME_QUESTION = /(?:^|[^\p{L}])(?:kapan(?:kah)?|bilamana|(?:tahun|tanggal|abad|bulan) (?:berapa|apa)(?:kah)?|when|what year)(?![\p{L}])/iu;
const NUMBER_QUESTION = /(?:^|[^\p{L}])(?:berapa(?:kah)?|how (?:many|much|long|old|far|big|tall|high))(?![\p{L}])/iu;

const MONTHS = 'januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember|january|february|march|june|july|august|october|december';
const TIME_CUE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:\\d{3,4}|abad|${MONTHS})(?![\\p{L}\\p{N}])`, 'iu');
const NUMBER_CUE = /(?:(?<![\p{N}])(?!(?:1\d{3}|20\d{2})(?![\p{N}]))\p{N}|(?:^|[^\p{L}])(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu|sejuta|belas|puluh|ratus|ribu|juta|miliar|triliun)(?![\p{L}]))/iu;

const DEFINITION_QUESTION = /^\s*(?:apa(?:kah)? (?:itu|yang dimaksud|definisi|pengertian|arti))(?![\p{L}])/iu;
const DEFINITION_CUE = /(?:^|[^\p{L}])(?:adalah|merupakan|ialah|yaitu|yakni)(?![\p{L}])/iu;

/** The kind of answer a question asks for, when its question word says so. */
export function answerTypeOf(question: string): AnswerType | undefined {
  if (TIME_QUESTION.test(question)) return 'time';
  if (NUMBER_QUESTION.test(question)) return 'number';
  if (DEFINITION_QUESTION.test(question)) return 'definition';
  return undefined;
}

/** Whether a text holds what the answer type asks for (a year or date; a number; "adalah"). */
export function hasAnswerCue(text: string, type: AnswerType): boolean {
  const cue = { time: TIME_CUE, number: NUMBER_CUE, definition: DEFINITION_CUE }[type];
  return cue.test(text);
}
