import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArticle } from './articleFile.js';
import { CorpusError, type Article, type Corpus } from './types.js';

/**
 * Loads a corpus from a folder of Markdown articles (`*.md`, read in name order) or
 * from a JSONL file of passages `{"id","title","text"}`, each a one-paragraph article.
 * Every problem is reported with the file (and line) at load time; an empty corpus
 * is an error too, so the bot never starts with nothing to answer from.
 */
export function loadCorpus(path: string): Corpus {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new CorpusError(`corpus not found: ${path}`);
  }
  const articles = stat.isDirectory() ? loadFolder(path) : loadPassagesFile(path);
  if (articles.length === 0) throw new CorpusError(`the corpus at ${path} has no articles (add *.md files, see README "Corpus format")`);
  return corpusOf(articles);
}

export function corpusOf(articles: Article[]): Corpus {
  const seen = new Map<string, string>();
  for (const article of articles) {
    const other = seen.get(article.id);
    if (other) throw new CorpusError(`article id "${article.id}" is also used by ${other}`, article.file);
    seen.set(article.id, article.file);
  }
  return { articles, paragraphs: articles.flatMap((a) => a.paragraphs) };
}

function loadFolder(dir: string): Article[] {
  const ids = new Map<string, string>();
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && extname(entry.name) === '.md' && entry.name.toLowerCase() !== 'readme.md')
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const content = readFileSync(file, 'utf8');
      const article = parseArticle(file, content);
      const other = ids.get(article.id);
      if (other) throw new CorpusError(`article id "${article.id}" is also used by ${other}`, file, lineOf(content, /^id\s*:/));
      ids.set(article.id, file);
      return article;
    });
}

function lineOf(content: string, pattern: RegExp): number | undefined {
  const index = content.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return index >= 0 ? index + 1 : undefined;
}

function loadPassagesFile(file: string): Article[] {
  const articles: Article[] = [];
  let index = -1;
  for (const line of readLines(file)) {
    index++;
    if (!line.trim()) continue;
    let row: { id?: unknown; title?: unknown; text?: unknown } | null;
    try {
      row = JSON.parse(line);
    } catch {
      throw new CorpusError('not valid JSON', file, index + 1);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) throw new CorpusError('each line must be a JSON object {"id","title","text"}', file, index + 1);
    if (typeof row.id !== 'string' || !row.id) throw new CorpusError('passage needs a string "id"', file, index + 1);
    if (typeof row.text !== 'string' || !row.text.trim()) throw new CorpusError('passage needs a non-empty "text"', file, index + 1);
    const id = row.id;
    const title = typeof row.title === 'string' && row.title ? row.title : id;
    articles.push({
      id,
      title,
      language: 'id',
      file: `${file}:${index + 1}`,
      paragraphs: [{ articleId: id, articleTitle: title, number: 1, text: row.text.trim() }],
    });
  }
  return articles;
}

/**
 * The `\n`-separated lines of a file (as `split('\n')` would give them, minus a last
 * empty one), decoded one at a time from fixed-size chunks: a big passages file never
 * exists as one string (60 MB of JSONL with a single non-Latin-1 character would be a
 * 120 MB two-byte string, plus every line as a sliced copy while parsing).
 */
function* readLines(file: string, chunkSize = 1 << 22): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(chunkSize);
    let filled = 0;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const read = readSync(fd, buf, filled, buf.length - filled, null);
      if (read === 0) break;
      const end = filled + read;
      let start = 0;
      // Bytes before `filled` hold no newline (they were scanned already).
      for (let nl = buf.indexOf(10, filled); nl !== -1 && nl < end; nl = buf.indexOf(10, start)) {
        yield buf.toString('utf8', start, nl);
        start = nl + 1;
      }
      buf.copyWithin(0, start, end);
      filled = end - start;
    }
    if (filled > 0) yield buf.toString('utf8', 0, filled);
  } finally {
    closeSync(fd);
  }
}

