import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle, splitParagraphs } from '../../src/corpus/articleFile.js';
import { corpusOf, loadCorpus } from '../../src/corpus/loadCorpus.js';
import { citationOf, CorpusError } from '../../src/corpus/types.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ARTICLE_TXT = resolve(ROOT, '../shared/article/article.txt');

/** Catches the error thrown by `fn`, failing the test if nothing is thrown. */
function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

function expectCorpusError(fn: () => unknown, file: string, line: number, words: RegExp): CorpusError {
  const error = errorOf(fn);
  expect(error).toBeInstanceOf(CorpusError);
  const corpusError = error as CorpusError;
  expect(corpusError.name).toBe('CorpusError');
  expect(corpusError.message).toContain(`${file}:${line}:`);
  expect(corpusError.file).toBe(file);
  expect(corpusError.line).toBe(line);
  expect(corpusError.message).toMatch(words);
  return corpusError;
}

const GOOD = (id: string, title = `Judul ${id}`) =>
  ['---', `id: ${id}`, `title: ${title}`, 'language: id', '---', '', `Paragraf satu dari ${id}.`, '', `Paragraf dua dari ${id}.`, ''].join('\n');

describe('the bundled corpus', () => {
  const corpus = loadCorpus(resolve(ROOT, 'corpus'));

  it('has one article with seven paragraphs', () => {
    expect(corpus.articles).toHaveLength(1);
    const article = corpus.articles[0]!;
    expect(article.id).toBe('putin-kim-vostochny');
    expect(article.title).toBe('Pertemuan Putin dan Kim Jong Un di Kosmodrom Vostochny');
    expect(article.language).toBe('id');
    expect(article.paragraphs).toHaveLength(7);
    expect(corpus.paragraphs).toHaveLength(7);
    expect(article.file).toMatch(/putin-kim-vostochny\.md$/);
  });

  it('keeps the paragraph text verbatim (same as ../shared/article/article.txt)', () => {
    const lines = readFileSync(ARTICLE_TXT, 'utf8').split(/\r?\n/).filter((l) => l.trim());
    expect(lines).toHaveLength(7);
    expect(corpus.paragraphs.map((p) => p.text)).toEqual(lines);
  });

  it('numbers paragraphs 1..7 and cites them as putin-kim-vostochny#n', () => {
    expect(corpus.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(corpus.paragraphs.map(citationOf)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `putin-kim-vostochny#${n}`));
    for (const p of corpus.paragraphs) {
      expect(p.articleId).toBe('putin-kim-vostochny');
      expect(p.articleTitle).toBe(corpus.articles[0]!.title);
    }
  });
});

describe('loadCorpus: folders', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'corpus-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('loads several articles in file-name order, joining soft-wrapped lines', () => {
    write('b-second.md', GOOD('kedua'));
    write(
      'a-first.md',
      [
        '\uFEFF---',
        '# a comment',
        'id: pertama',
        'Title: "Artikel: pertama"',
        'language: id',
        "source: 'https://example.com/berita/1'",
        'date: 2023-09-14',
        '',
        '---',
        '',
        '',
        'Baris pertama paragraf satu',
        '   disambung di baris kedua.   ',
        '',
        '   ',
        'Paragraf dua.\r',
        'Masih paragraf dua.',
      ].join('\n'),
    );
    write('README.md', 'not an article');
    write('notes.txt', 'not an article either');
    const corpus = loadCorpus(dir);
    expect(corpus.articles.map((a) => a.id)).toEqual(['pertama', 'kedua']);
    const first = corpus.articles[0]!;
    expect(first.title).toBe('Artikel: pertama');
    expect(first.sourceUrl).toBe('https://example.com/berita/1');
    expect(first.date).toBe('2023-09-14');
    expect(first.paragraphs.map((p) => p.text)).toEqual([
      'Baris pertama paragraf satu disambung di baris kedua.',
      'Paragraf dua. Masih paragraf dua.',
    ]);
    expect(first.paragraphs[0]!.sourceUrl).toBe('https://example.com/berita/1');
    expect(corpus.paragraphs.map(citationOf)).toEqual(['pertama#1', 'pertama#2', 'kedua#1', 'kedua#2']);
    expect(corpus.articles[1]!.sourceUrl).toBeUndefined();
    expect(corpus.articles[1]!.date).toBeUndefined();
  });

  it('reads CRLF files', () => {
    write('crlf.md', GOOD('crlf').replace(/\n/g, '\r\n'));
    const corpus = loadCorpus(dir);
    expect(corpus.paragraphs.map((p) => p.text)).toEqual(['Paragraf satu dari crlf.', 'Paragraf dua dari crlf.']);
  });

  it('rejects an empty folder with a clear error', () => {
    const error = errorOf(() => loadCorpus(dir));
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toContain(dir);
    expect(error.message).toMatch(/no articles/);
  });

  it('rejects a folder with only a README and non-Markdown files', () => {
    write('README.md', '# Corpus');
    write('article.txt', GOOD('x'));
    expect(() => loadCorpus(dir)).toThrow(/no articles/);
  });

  it('rejects a missing path with a clear error naming it', () => {
    const missing = join(dir, 'does-not-exist');
    const error = errorOf(() => loadCorpus(missing));
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toMatch(/not found/);
    expect(error.message).toContain(missing);
  });

  it('rejects the same article id in two files, naming both', () => {
    const a = write('a.md', GOOD('sama'));
    const b = write('b.md', GOOD('sama'));
    const error = errorOf(() => loadCorpus(dir));
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toContain(b);
    expect(error.message).toContain(a);
    expect(error.message).toContain('"sama"');
  });

  // BUG (src/corpus/loadCorpus.ts, corpusOf): the duplicate-id error names both files
  // but no line (CorpusError is built without one), unlike every other article error;
  // expected "<b.md>:2: article id ..." pointing at the `id:` line.
  it('the duplicate-id error names the line of the id', () => {
    write('a.md', GOOD('sama'));
    const b = write('b.md', GOOD('sama'));
    expect(errorOf(() => loadCorpus(dir)).message).toContain(`${b}:2:`);
  });

  it('reports a malformed file inside a folder with that file and line', () => {
    write('a.md', GOOD('baik'));
    const bad = write('b.md', GOOD('buruk').replace('language: id', 'language: Indonesian'));
    expectCorpusError(() => loadCorpus(dir), bad, 4, /language/);
  });
});

describe('parseArticle: malformed files name the file and the line', () => {
  const FILE = 'corpus/bad.md';
  const parse = (lines: string[]) => () => parseArticle(FILE, lines.join('\n'));

  it('missing front matter', () => {
    expectCorpusError(parse(['Paragraf tanpa front matter.']), FILE, 1, /front matter/);
    expectCorpusError(parse(['', '---', 'id: x', '---', 'Teks.']), FILE, 1, /front matter/);
    expectCorpusError(() => parseArticle(FILE, ''), FILE, 1, /front matter/);
  });

  it('unclosed front matter', () => {
    const error = expectCorpusError(parse(['---', 'id: x', 'title: T', 'language: id', '']), FILE, 5, /not closed/);
    expect(error.message).toContain('---');
    // With body text after it, the first body line is where the mistake shows.
    expectCorpusError(parse(['---', 'id: x', 'title: T', 'language: id', '', 'Teks paragraf.']), FILE, 6, /front matter/);
  });

  it('a line that is not key: value', () => {
    expectCorpusError(parse(['---', 'id: x', 'this is not a key value line', '---', 'Teks.']), FILE, 3, /key: value/);
  });

  it('unknown key', () => {
    const error = expectCorpusError(parse(['---', 'id: x', 'title: T', 'author: Someone', 'language: id', '---', 'Teks.']), FILE, 4, /unknown/);
    expect(error.message).toContain('author');
  });

  it('duplicate key', () => {
    expectCorpusError(parse(['---', 'id: x', 'title: T', 'title: U', 'language: id', '---', 'Teks.']), FILE, 4, /duplicate/);
  });

  it.each(['Putin-Kim', 'putin kim', '-awal', 'a_b', 'x'.repeat(65), 'é'])('bad id %j', (id) => {
    const error = expectCorpusError(parse(['---', 'title: T', `id: ${id}`, 'language: id', '---', 'Teks.']), FILE, 3, /id/);
    expect(error.message).toContain(id);
  });

  it.each(['Indonesian', 'ID', 'i', 'id_ID', 'indonesia'])('bad language %j', (language) => {
    const error = expectCorpusError(parse(['---', 'id: x', 'title: T', `language: ${language}`, '---', 'Teks.']), FILE, 4, /language/);
    expect(error.message).toContain(language);
  });

  it('accepts good language codes', () => {
    for (const language of ['id', 'en', 'jv', 'ind', 'id-ID', 'zh-Hant']) {
      expect(parseArticle(FILE, ['---', 'id: x', 'title: T', `language: ${language}`, '---', 'Teks.'].join('\n')).language).toBe(language);
    }
  });

  it.each(['example.com/berita', 'ftp://example.com/x', 'javascript:alert(1)', 'not a url', 'https://example.com/article   (optional, http or https)'])('bad source URL %j', (source) => {
    const error = expectCorpusError(parse(['---', 'id: x', 'title: T', 'language: id', `source: ${source}`, '---', 'Teks.']), FILE, 5, /source/);
    expect(error.message).toContain(source);
  });

  it.each(['14-09-2023', '2023/09/14', 'September 2023', '2023-9-14'])('bad date %j', (date) => {
    const error = expectCorpusError(parse(['---', 'id: x', 'title: T', 'language: id', `date: ${date}`, '---', 'Teks.']), FILE, 5, /date/);
    expect(error.message).toContain(date);
  });

  it('missing title (absent or empty)', () => {
    expectCorpusError(parse(['---', 'id: x', 'language: id', '---', 'Teks.']), FILE, 1, /title/);
    expectCorpusError(parse(['---', 'id: x', 'title:', 'language: id', '---', 'Teks.']), FILE, 1, /title/);
    expectCorpusError(parse(['---', 'id: x', 'title: ""', 'language: id', '---', 'Teks.']), FILE, 1, /title/);
  });

  it('missing id or language', () => {
    expectCorpusError(parse(['---', 'title: T', 'language: id', '---', 'Teks.']), FILE, 1, /"id"/);
    expectCorpusError(parse(['---', 'id: x', 'title: T', '---', 'Teks.']), FILE, 1, /language/);
  });

  it('no paragraphs after the front matter', () => {
    expectCorpusError(parse(['---', 'id: x', 'title: T', 'language: id', '---']), FILE, 5, /no paragraphs/);
    expectCorpusError(parse(['---', 'id: x', 'title: T', 'language: id', '---', '', '   ', '\t', '']), FILE, 5, /no paragraphs/);
  });

  it('a valid file parses, with quotes stripped from values', () => {
    const article = parseArticle(FILE, ['---', "id: 'ok-1'", 'title: "Judul"', 'language: id', '---', 'Satu.', '', 'Dua.'].join('\n'));
    expect(article).toMatchObject({ id: 'ok-1', title: 'Judul', language: 'id', file: FILE });
    expect(article.paragraphs.map(citationOf)).toEqual(['ok-1#1', 'ok-1#2']);
  });
});

describe('splitParagraphs', () => {
  it('splits on blank lines and joins soft wraps with single spaces', () => {
    expect(splitParagraphs(['', 'a', ' b ', '', '', 'c', '   ', 'd', 'e'])).toEqual(['a b', 'c', 'd e']);
    expect(splitParagraphs([])).toEqual([]);
    expect(splitParagraphs(['', '  '])).toEqual([]);
  });
});

describe('corpusOf', () => {
  it('rejects duplicate ids and flattens paragraphs in order', () => {
    const a = parseArticle('a.md', GOOD('a'));
    const b = parseArticle('b.md', GOOD('b'));
    expect(corpusOf([a, b]).paragraphs.map(citationOf)).toEqual(['a#1', 'a#2', 'b#1', 'b#2']);
    expect(() => corpusOf([a, parseArticle('c.md', GOOD('a'))])).toThrow(CorpusError);
  });
});

describe('loadCorpus: JSONL passages', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'passages-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (lines: string[]) => {
    const file = join(dir, 'passages.jsonl');
    writeFileSync(file, lines.join('\n'));
    return file;
  };

  it('loads each line as a one-paragraph article, skipping blank lines', () => {
    const file = write([
      JSON.stringify({ id: 'p1', title: 'Satu', text: '  Teks pertama.  ' }),
      '',
      '   ',
      JSON.stringify({ id: 'p2', text: 'Teks kedua.' }),
      JSON.stringify({ id: 'p3', title: '', text: 'Teks ketiga.' }) + '\r',
    ]);
    const corpus = loadCorpus(file);
    expect(corpus.articles.map((a) => a.id)).toEqual(['p1', 'p2', 'p3']);
    expect(corpus.articles.map((a) => a.title)).toEqual(['Satu', 'p2', 'p3']);
    expect(corpus.paragraphs.map((p) => p.text)).toEqual(['Teks pertama.', 'Teks kedua.', 'Teks ketiga.']);
    expect(corpus.paragraphs.map(citationOf)).toEqual(['p1#1', 'p2#1', 'p3#1']);
    expect(corpus.articles[1]!.file).toBe(`${file}:4`);
  });

  it('reports a bad JSON line with its line number', () => {
    const file = write([JSON.stringify({ id: 'p1', text: 'a' }), '', '{"id": "p2", "text": ', JSON.stringify({ id: 'p3', text: 'c' })]);
    expectCorpusError(() => loadCorpus(file), file, 3, /JSON/);
  });

  it('reports a missing id or text with its line number', () => {
    let file = write([JSON.stringify({ id: 'p1', text: 'a' }), JSON.stringify({ title: 'x', text: 'b' })]);
    expectCorpusError(() => loadCorpus(file), file, 2, /id/);
    file = write([JSON.stringify({ id: 5, text: 'a' })]);
    expectCorpusError(() => loadCorpus(file), file, 1, /id/);
    file = write([JSON.stringify({ id: 'p1', text: '   ' })]);
    expectCorpusError(() => loadCorpus(file), file, 1, /text/);
    file = write([JSON.stringify({ id: 'p1' })]);
    expectCorpusError(() => loadCorpus(file), file, 1, /text/);
    file = write(['[1, 2]']);
    expectCorpusError(() => loadCorpus(file), file, 1, /id/);
  });

  it('reports a duplicate passage id naming both lines', () => {
    const file = write([JSON.stringify({ id: 'p1', text: 'a' }), JSON.stringify({ id: 'p1', text: 'b' })]);
    const error = errorOf(() => loadCorpus(file));
    expect(error).toBeInstanceOf(CorpusError);
    expect(error.message).toContain(`${file}:2`);
    expect(error.message).toContain(`${file}:1`);
  });

  it('rejects an empty passages file', () => {
    const file = write(['', '']);
    expect(() => loadCorpus(file)).toThrow(/no articles/);
  });

  // BUG (src/corpus/loadCorpus.ts, loadPassagesFile): a line holding valid JSON that is
  // `null` makes `row.id` throw a TypeError ("Cannot read properties of null (reading
  // 'id')") with no file or line; expected a CorpusError "<file>:2: passage needs ...".
  it('a JSON `null` line is a CorpusError naming the line', () => {
    const file = write([JSON.stringify({ id: 'p1', text: 'a' }), 'null']);
    expectCorpusError(() => loadCorpus(file), file, 2, /passage/);
  });
});

describe('loadCorpus: a directory named *.md', () => {
  // BUG (src/corpus/loadCorpus.ts, loadFolder): a sub-directory whose name ends in .md
  // is read as a file and fails with a bare "EISDIR: illegal operation on a directory,
  // read" (not a CorpusError, no path). Expected: skipped, or a CorpusError naming it.
  it('is skipped or reported as a CorpusError naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-dir-md-'));
    try {
      writeFileSync(join(dir, 'a.md'), GOOD('a'));
      mkdirSync(join(dir, 'drafts.md'));
      let error: unknown;
      try {
        loadCorpus(dir);
      } catch (e) {
        error = e;
      }
      if (error) {
        expect(error).toBeInstanceOf(CorpusError);
        expect((error as Error).message).toContain('drafts.md');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
