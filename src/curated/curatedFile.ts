import type { Corpus } from '../corpus/types.js';
import type { CuratedEntry, CuratedInput } from './curatedStore.js';
import { fill } from '../shared/i18n.js';
import { parseEntryInput, type Message } from './validation.js';

/**
 * Curated answers as JSONL, one entry per line: `{"question", "answer", "aliases"?,
 * "paragraphs"?}` (the `entry` objects of ../shared/eval/curated-dev.jsonl; `paragraphs`
 * are citations such as "putin-kim-vostochny#7"). The format of `npm run faq -- import /
 * export` (backups, moves between servers) and of `npm run ask -- --faq FILE`.
 */
export interface CuratedLine {
  question: string;
  answer: string;
  aliases?: string[];
  paragraphs?: string[];
}

export class CuratedFileError extends Error {
  constructor(readonly file: string, readonly line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'CuratedFileError';
  }
}

/**
 * Reads and validates every line with the same rules as /faq-manage add (lengths,
 * mentions, control characters, citations into `corpus`). All problems are reported at
 * once, each with its line; nothing is returned unless every line is valid.
 */
export function parseCuratedFile(file: string, text: string, corpus: Corpus): CuratedInput[] {
  const entries: CuratedInput[] = [];
  const problems: CuratedFileError[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch {
      problems.push(new CuratedFileError(file, line, 'not valid JSON'));
      return;
    }
    const shaped = shapeOf(row);
    if (typeof shaped === 'string') {
      problems.push(new CuratedFileError(file, line, shaped));
      return;
    }
    const parsed = parseEntryInput(
      { question: shaped.question, answer: shaped.answer, aliases: shaped.aliases?.join('; '), paragraphs: shaped.paragraphs?.join(', ') },
      corpus,
    );
    if (parsed.ok) entries.push(parsed.value);
    else problems.push(new CuratedFileError(file, line, parsed.errors.map(plain).join(' ')));
  });
  if (problems.length) throw new AggregateError(problems, problems.map((p) => p.message).join('\n'));
  return entries;
}

/** A validation message as plain English text (a terminal, not Discord: nothing to escape). */
function plain(message: Message): string {
  return fill(message.en, message.values ?? {});
}

function shapeOf(row: unknown): CuratedLine | string {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return 'each line must be a JSON object {"question", "answer", "aliases"?, "paragraphs"?}';
  const { question, answer, aliases, paragraphs } = row as Record<string, unknown>;
  if (typeof question !== 'string') return '"question" must be a string';
  if (typeof answer !== 'string') return '"answer" must be a string';
  const strings = (value: unknown, name: string) => (value === undefined || (Array.isArray(value) && value.every((v) => typeof v === 'string')) ? undefined : `"${name}" must be a list of strings`);
  const problem = strings(aliases, 'aliases') ?? strings(paragraphs, 'paragraphs');
  if (problem) return problem;
  return { question, answer, aliases: aliases as string[] | undefined, paragraphs: paragraphs as string[] | undefined };
}

/** One entry as a line of the file format (no ids, authors or counts: those belong to a server). */
export function curatedLineOf(entry: CuratedEntry): string {
  const line: CuratedLine = { question: entry.question, answer: entry.answer };
  if (entry.aliases.length) line.aliases = entry.aliases;
  if (entry.paragraphs.length) line.paragraphs = entry.paragraphs;
  return JSON.stringify(line);
}
