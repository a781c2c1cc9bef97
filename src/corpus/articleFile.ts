import { shorten } from '../shared/text.js';
import { CorpusError, type Article } from './types.js';

/**
 * Parses one article file: a front matter block of `key: value` lines between `---`
 * fences, then the body, whose blank-line-separated blocks are the paragraphs.
 * The front matter is deliberately flat (no YAML nesting), so a hand parser that can
 * report the exact line of a mistake serves better than a YAML library here.
 */
const KEYS = new Set(['id', 'title', 'language', 'source', 'date', 'aliases']);
export const ARTICLE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** What an upload (/article add) may supply that a file in corpus/ must hold itself. */
export interface ArticleFileOptions {
  /** Stands for the front matter's title (the upload's `title` option); the front matter may then have none. */
  title?: string;
  /** The id of a file whose front matter has none, from its title; without this, `id` is required. */
  idFromTitle?: (title: string) => string;
}

export function parseArticle(file: string, content: string, options: ArticleFileOptions = {}): Article {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') throw new CorpusError('expected front matter starting with "---"', file, 1);
  const meta = new Map<string, string>();
  let aliases: string[][] | undefined;
  let i = 1;
  for (; i < lines.length && lines[i]!.trim() !== '---'; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const match = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
    if (!match) throw new CorpusError(`expected "key: value" in the front matter, got "${shorten(line, 60)}"`, file, i + 1);
    const key = match[1]!.toLowerCase();
    if (!KEYS.has(key)) throw new CorpusError(`unknown front matter key "${key}" (known: ${[...KEYS].join(', ')})`, file, i + 1);
    if (meta.has(key)) throw new CorpusError(`duplicate front matter key "${key}"`, file, i + 1);
    meta.set(key, unquote(match[2]!.trim()));
    checkValue(key, meta.get(key)!, file, i + 1);
    if (key === 'aliases') aliases = parseAliases(meta.get(key)!, file, i + 1);
  }
  if (i >= lines.length) throw new CorpusError('front matter is not closed with "---"', file, lines.length);
  if (options.title) meta.set('title', options.title);
  for (const key of ['id', 'title', 'language']) {
    if (key === 'id' && options.idFromTitle) continue;
    if (!meta.get(key)) throw new CorpusError(`front matter needs "${key}"`, file, 1);
  }
  const title = meta.get('title')!;
  const id = meta.get('id') || options.idFromTitle!(title);
  const sourceUrl = meta.get('source') || undefined;
  const paragraphs = splitParagraphs(lines.slice(i + 1)).map((text, k) => ({
    articleId: id,
    articleTitle: title,
    number: k + 1,
    text,
    sourceUrl,
  }));
  if (paragraphs.length === 0) throw new CorpusError('the article has no paragraphs after the front matter', file, i + 1);
  return { id, title, language: meta.get('language')!, sourceUrl, date: meta.get('date') || undefined, file, paragraphs, ...(aliases ? { aliases } : {}) };
}

/**
 * The article's own name variants, written by whoever adds the article: groups separated
 * by ";", phrasings of one name by "=" ("Kim Jong Un = Kim; Vladimir Putin = Putin").
 * The search folds each group onto one term, as it does for general names (AS, Korut).
 */
export function parseAliases(value: string, file: string, line: number): string[][] {
  const groups: string[][] = [];
  for (const raw of value.split(';')) {
    if (!raw.trim()) continue;
    const phrases = raw.split('=').map((p) => p.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean);
    if (phrases.length < 2) throw new CorpusError(`alias group "${raw.trim()}" needs at least two phrasings separated by "="`, file, line);
    const bad = phrases.find((p) => !/^[\p{L}\p{N}][\p{L}\p{N}' -]*$/u.test(p));
    if (bad) throw new CorpusError(`alias "${bad}" may only hold letters, digits, spaces, hyphens and apostrophes`, file, line);
    groups.push(phrases);
  }
  return groups;
}

/** Blank-line-separated blocks; single newlines inside a block are soft wraps. */
export function splitParagraphs(lines: string[]): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line.trim()) current.push(line.trim());
    else if (current.length) {
      blocks.push(current.join(' '));
      current = [];
    }
  }
  return blocks;
}

function checkValue(key: string, value: string, file: string, line: number): void {
  if (key === 'id' && !ARTICLE_ID.test(value))
    throw new CorpusError(`id "${value}" must be lower-case letters, digits and dashes`, file, line);
  if (key === 'language' && !/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(value))
    throw new CorpusError(`language "${value}" must be a language code such as "id" or "en"`, file, line);
  // A URL has no spaces: "https://x.id/a   (optional)" is a note copied into the value.
  if (key === 'source' && value && (!isHttpUrl(value) || /\s/.test(value)))
    throw new CorpusError(`source "${value}" must be an http(s) URL (put notes on a line of their own starting with #)`, file, line);
  if (key === 'date' && value && !/^\d{4}-\d{2}-\d{2}$/.test(value))
    throw new CorpusError(`date "${value}" must be YYYY-MM-DD`, file, line);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
