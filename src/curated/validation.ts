import { hasControlCharacters, normalizeText, questionKey } from '../analysis/normalize.js';
import { citationOf, type Corpus } from '../corpus/types.js';
import type { Text } from '../shared/i18n.js';
import { containsMention } from '../shared/mentions.js';
import { shorten, stripBidiControls, withoutInvisible } from '../shared/text.js';
import type { CuratedInput } from './curatedStore.js';

/**
 * A user-facing problem in English and Indonesian. `{name}` placeholders stand for what
 * the moderator typed (`values`): the renderer escapes those, so an echo cannot turn into
 * Markdown or a mention.
 */
export interface Message extends Text {
  values?: Record<string, string>;
}

/** What a moderator typed (slash-command options or modal fields), untrimmed. */
export interface RawEntryInput {
  question?: string;
  answer?: string;
  /** Comma-separated citations: `article-id#3` (or `3` when the corpus has one article). */
  paragraphs?: string;
  /** Semicolon-separated alternative phrasings of the question. */
  aliases?: string;
}

export interface ParseOptions {
  /** Edit mode: absent fields are left unchanged; at least one field must be given. */
  partial?: boolean;
  /** The entry being edited, so aliases are checked against its question (and vice versa). */
  current?: Pick<CuratedInput, 'question' | 'aliases'>;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: Message[] };

export const LIMITS = {
  questionMin: 3,
  questionMax: 300,
  answerMin: 1,
  answerMax: 1800,
  aliasesMax: 10,
  paragraphsMax: 10,
} as const;

/**
 * `article-id#3`, `#3`, `3` or a range `2-4` (`article-id#2-4`); ids of JSONL passages may
 * hold any character, so split on the last '#'.
 */
const CITATION = /^(?:(.*)#|#)?(\d+)(?:-(\d+))?$/;

/**
 * Checks and normalises a moderator's curated answer. Every problem is reported at
 * once, each in English and Indonesian.
 */
export function parseEntryInput(raw: RawEntryInput, corpus: Corpus, options: ParseOptions & { partial: true }): ParseResult<Partial<CuratedInput>>;
export function parseEntryInput(raw: RawEntryInput, corpus: Corpus, options?: ParseOptions & { partial?: false }): ParseResult<CuratedInput>;
export function parseEntryInput(raw: RawEntryInput, corpus: Corpus, options?: ParseOptions): ParseResult<Partial<CuratedInput>>;
export function parseEntryInput(raw: RawEntryInput, corpus: Corpus, options: ParseOptions = {}): ParseResult<Partial<CuratedInput>> {
  const partial = options.partial ?? false;
  const errors: Message[] = [];
  const value: Partial<CuratedInput> = {};

  if (partial && Object.values(raw).every((field) => field === undefined)) {
    errors.push({ en: 'Nothing to change: give at least one field.', id: 'Tidak ada yang diubah: isi minimal satu kolom.' });
  }

  if (raw.question !== undefined || !partial) {
    const question = checkPhrase(raw.question ?? '', { en: 'The question', id: 'Pertanyaan' }, errors);
    if (question !== undefined) value.question = question;
  }

  if (raw.answer !== undefined || !partial) {
    const answer = checkAnswer(raw.answer ?? '', errors);
    if (answer !== undefined) value.answer = answer;
  }

  if (raw.aliases !== undefined || !partial) {
    const question = value.question ?? (raw.question === undefined ? options.current?.question : undefined);
    const aliases = checkAliases(raw.aliases ?? '', question, errors);
    if (aliases !== undefined) value.aliases = aliases;
  } else if (value.question !== undefined && options.current) {
    // A new question must not repeat one of the aliases it keeps.
    if (options.current.aliases.some((alias) => questionKey(alias) === questionKey(value.question!))) {
      errors.push({
        en: 'The new question is the same as one of its aliases; remove that alias too.',
        id: 'Pertanyaan baru sama dengan salah satu aliasnya; hapus juga alias tersebut.',
      });
    }
  }

  if (raw.paragraphs !== undefined || !partial) {
    const paragraphs = checkParagraphs(raw.paragraphs ?? '', corpus, errors);
    if (paragraphs !== undefined) value.paragraphs = paragraphs;
  }

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/**
 * NFKC without the search-oriented folding of `normalizeText`, which turns backticks into
 * apostrophes: the answer is shown as Markdown, so its code spans and fences must survive.
 * Bidi controls go (they could reorder what members see); so do other invisible
 * characters, which can only hide something (a ping) or break a word.
 */
function displayText(text: string): string {
  return withoutInvisible(stripBidiControls(text.toWellFormed().normalize('NFKC')));
}

/** Text every field shares: no control characters, no pings, no Markdown that breaks an embed. */
function checkText(text: string, field: Message, errors: Message[]): boolean {
  const before = errors.length;
  if (hasControlCharacters(text.replace(/\r\n?/g, '\n'))) {
    errors.push({ en: `${field.en} contains control characters; remove them.`, id: `${field.id} berisi karakter kontrol; hapus karakter tersebut.` });
  }
  const display = displayText(text);
  if (containsMention(text)) {
    errors.push({
      en: `${field.en} contains a mention (@everyone, @here, @user or @role); mentions are not allowed.`,
      id: `${field.id} berisi mention (@everyone, @here, @pengguna atau @peran); mention tidak diperbolehkan.`,
    });
  }
  if ((display.match(/```/g) ?? []).length % 2 !== 0) {
    errors.push({
      en: `${field.en} has an unclosed code block: every \`\`\` needs a closing \`\`\`.`,
      id: `${field.id} memiliki blok kode yang tidak ditutup: setiap \`\`\` perlu \`\`\` penutup.`,
    });
  }
  if ((display.match(/\|\|/g) ?? []).length % 2 !== 0) {
    errors.push({
      en: `${field.en} has an unclosed spoiler: every || needs a closing ||.`,
      id: `${field.id} memiliki spoiler yang tidak ditutup: setiap || perlu || penutup.`,
    });
  }
  return errors.length === before;
}

/** A question or alias: one line, whitespace collapsed, 3..300 characters, with words in it. */
function checkPhrase(raw: string, field: Message, errors: Message[]): string | undefined {
  if (!checkText(raw, field, errors)) return undefined;
  const phrase = normalizeText(displayText(raw)).replace(/\s+/g, ' ').trim();
  if (phrase.length < LIMITS.questionMin || phrase.length > LIMITS.questionMax) {
    errors.push({
      en: `${field.en} must be ${LIMITS.questionMin} to ${LIMITS.questionMax} characters long (it has ${phrase.length}).`,
      id: `${field.id} harus ${LIMITS.questionMin} sampai ${LIMITS.questionMax} karakter (saat ini ${phrase.length}).`,
    });
    return undefined;
  }
  if (!questionKey(phrase)) {
    errors.push({ en: `${field.en} must contain letters or digits.`, id: `${field.id} harus berisi huruf atau angka.` });
    return undefined;
  }
  return phrase;
}

/** The answer keeps its line breaks and Markdown; only line endings and trailing blank space are tidied. */
function checkAnswer(raw: string, errors: Message[]): string | undefined {
  const field = { en: 'The answer', id: 'Jawaban' };
  if (!checkText(raw, field, errors)) return undefined;
  const answer = displayText(raw.replace(/\r\n?/g, '\n'))
    .replace(/[ \t]+$/gm, '')
    .trim();
  if (answer.length < LIMITS.answerMin || answer.length > LIMITS.answerMax) {
    errors.push({
      en: `The answer must be ${LIMITS.answerMin} to ${LIMITS.answerMax} characters long (it has ${answer.length}).`,
      id: `Jawaban harus ${LIMITS.answerMin} sampai ${LIMITS.answerMax} karakter (saat ini ${answer.length}).`,
    });
    return undefined;
  }
  return answer;
}

function checkAliases(raw: string, question: string | undefined, errors: Message[]): string[] | undefined {
  const pieces = raw.split(';').map((piece) => piece.trim()).filter((piece) => piece !== '');
  if (pieces.length > LIMITS.aliasesMax) {
    errors.push({
      en: `At most ${LIMITS.aliasesMax} aliases are allowed (you gave ${pieces.length}).`,
      id: `Paling banyak ${LIMITS.aliasesMax} alias (Anda memberi ${pieces.length}).`,
    });
    return undefined;
  }
  const aliases: string[] = [];
  const seen = new Map<string, string>();
  if (question) seen.set(questionKey(question), question);
  let valid = true;
  pieces.forEach((piece, index) => {
    const n = index + 1;
    const alias = checkPhrase(piece, { en: `Alias ${n}`, id: `Alias ${n}` }, errors);
    if (alias === undefined) {
      valid = false;
      return;
    }
    const key = questionKey(alias);
    const clash = seen.get(key);
    if (clash !== undefined) {
      valid = false;
      const isQuestion = question !== undefined && key === questionKey(question);
      const values = { alias: shorten(alias, 100), clash: shorten(clash, 100) };
      errors.push(
        isQuestion
          ? { en: `Alias ${n} ("{alias}") is the same as the question.`, id: `Alias ${n} ("{alias}") sama dengan pertanyaannya.`, values }
          : { en: `Alias ${n} ("{alias}") repeats another alias ("{clash}").`, id: `Alias ${n} ("{alias}") mengulang alias lain ("{clash}").`, values },
      );
      return;
    }
    seen.set(key, alias);
    aliases.push(alias);
  });
  return valid ? aliases : undefined;
}

/**
 * Citations `article-id#n`, separated by commas, with ranges `2-4`; a bare `n` only when
 * there is a single article to mean. "1 2" is refused rather than read as 12.
 */
function checkParagraphs(raw: string, corpus: Corpus, errors: Message[]): string[] | undefined {
  const pieces = raw.split(',').map((piece) => normalizeText(piece).trim()).filter((piece) => piece !== '');
  const known = new Set(corpus.paragraphs.map(citationOf));
  const onlyArticle = corpus.articles.length === 1 ? corpus.articles[0] : undefined;
  const citations: string[] = [];
  let valid = true;
  const refuse = (message: Message) => {
    valid = false;
    errors.push(message);
  };
  for (const piece of pieces) {
    const values = { piece: shorten(piece, 60) };
    const match = CITATION.exec(piece.replace(/\s*([#-])\s*/g, '$1'));
    if (!match) {
      // Several references without commas ("1 2"): say how to list them.
      refuse(
        piece.split(/\s+/).length > 1 && piece.split(/\s+/).every((token) => CITATION.test(token))
          ? { en: '"{piece}": separate paragraphs with commas (1, 2) or give a range (1-3).', id: '"{piece}": pisahkan paragraf dengan koma (1, 2) atau beri rentang (1-3).', values }
          : { en: '"{piece}" is not a paragraph reference; write it as article-id#3.', id: '"{piece}" bukan rujukan paragraf; tulis sebagai id-artikel#3.', values },
      );
      continue;
    }
    const [, articleId, from, to] = match;
    if (!articleId && !onlyArticle) {
      refuse({
        en: '"{piece}": there are several articles, so say which one: article-id#{n}.',
        id: '"{piece}": ada beberapa artikel, jadi sebutkan artikelnya: id-artikel#{n}.',
        values: { ...values, n: from! },
      });
      continue;
    }
    const first = Number(from);
    const last = to === undefined ? first : Number(to);
    if (last < first) {
      refuse({ en: '"{piece}": a range goes from the lower number to the higher one.', id: '"{piece}": rentang ditulis dari nomor kecil ke nomor besar.', values });
      continue;
    }
    const article = articleId || onlyArticle!.id;
    // Bounded: a range like 1-999999 stops as soon as the list is over the limit.
    for (let n = first; n <= last && citations.length <= LIMITS.paragraphsMax; n++) {
      const citation = `${article}#${n}`;
      if (!known.has(citation)) {
        refuse({ en: 'Paragraph {citation} does not exist in the corpus.', id: 'Paragraf {citation} tidak ada di korpus.', values: { citation: shorten(citation, 80) } });
        break;
      }
      if (!citations.includes(citation)) citations.push(citation);
    }
  }
  if (citations.length > LIMITS.paragraphsMax) {
    refuse({ en: `At most ${LIMITS.paragraphsMax} paragraphs can be cited.`, id: `Paling banyak ${LIMITS.paragraphsMax} paragraf yang dapat dikutip.` });
  }
  return valid ? citations : undefined;
}
