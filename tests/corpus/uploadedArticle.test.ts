import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/loadCorpus.js';
import { articleIdFrom, parseUpload, type UploadInput, type UploadResult } from '../../src/corpus/uploadedArticle.js';
import type { Article } from '../../src/corpus/types.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/server-article');
const MARKDOWN = readFileSync(join(FIXTURE, 'erupsi-lewotobi.md'), 'utf8');
const LIMITS = { maxBytes: 200 * 1024, maxParagraphs: 300 };

function upload(fileName: string, content: string | Uint8Array, o: Partial<Omit<UploadInput, 'fileName' | 'bytes'>> = {}, limits = LIMITS): UploadResult {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return parseUpload({ fileName, bytes, isTaken: () => false, ...o }, limits);
}

function article(result: UploadResult): Article {
  if (!result.ok) throw new Error(`refused: ${result.problem.en} ${JSON.stringify(result.problem.values)}`);
  return result.article;
}

/** The English message with its values filled in, as a moderator would read it (before escaping). */
function refusal(result: UploadResult): string {
  if (result.ok) throw new Error(`accepted ${result.article.id}`);
  return result.problem.en.replace(/\{(\w+)\}/g, (_, key: string) => result.problem.values?.[key] ?? `{${key}}`);
}

describe('parseUpload: Markdown in the corpus format', () => {
  it('reads a file exactly as the corpus loader reads it from corpus/', () => {
    const uploaded = article(upload('erupsi-lewotobi.md', MARKDOWN));
    const loaded = loadCorpus(FIXTURE).articles[0]!;
    expect({ ...uploaded, file: '' }).toEqual({ ...loaded, file: '' });
    expect(uploaded.aliases).toEqual([['pusat vulkanologi dan mitigasi bencana geologi', 'pvmbg'], ['badan nasional penanggulangan bencana', 'bnpb'], ['nusa tenggara timur', 'ntt']]);
    expect(uploaded.paragraphs).toHaveLength(7);
  });

  it('derives the id from the title when the front matter has none; the title option stands for the file\'s', () => {
    const noId = MARKDOWN.replace('id: erupsi-lewotobi\n', '');
    expect(article(upload('a.md', noId)).id).toBe('erupsi-gunung-lewotobi-laki-laki-paksa-ribuan-warga');
    const retitled = article(upload('a.md', noId, { title: 'Letusan di Flores' }));
    expect(retitled).toMatchObject({ id: 'letusan-di-flores', title: 'Letusan di Flores' });
    expect(retitled.paragraphs.every((p) => p.articleTitle === 'Letusan di Flores' && p.articleId === 'letusan-di-flores')).toBe(true);
    // A title is not needed in the front matter when the option gives it.
    expect(article(upload('a.md', '---\nlanguage: id\n---\n\nIsi.', { title: 'Dari Opsi' })).title).toBe('Dari Opsi');
  });

  it('a derived id that is taken gets a number; an id written in the file that is taken is refused', () => {
    const taken = new Set(['letusan-di-flores', 'letusan-di-flores-2']);
    const noId = MARKDOWN.replace('id: erupsi-lewotobi\n', '');
    expect(article(upload('a.md', noId, { title: 'Letusan di Flores', isTaken: (id) => taken.has(id) })).id).toBe('letusan-di-flores-3');
    expect(refusal(upload('a.md', MARKDOWN, { isTaken: (id) => id === 'erupsi-lewotobi' }))).toMatch(/The id "erupsi-lewotobi" is already used/);
  });

  it('errors of the format name the file and the line', () => {
    expect(refusal(upload('x.md', '---\nid: x\ntitle: X\nlanguage: id\ndate: kemarin\n---\n\nIsi.'))).toBe('"x.md" does not follow the corpus format: x.md:5: date "kemarin" must be YYYY-MM-DD');
    expect(refusal(upload('x.md', '---\nid: X Y\ntitle: X\nlanguage: id\n---\n\nIsi.'))).toMatch(/x\.md:2: id "X Y" must be lower-case letters, digits and dashes/);
    expect(refusal(upload('x.md', '---\nid: x\nlanguage: id\n---\n\nIsi.'))).toMatch(/x\.md:1: front matter needs "title"/);
    expect(refusal(upload('x.md', '---\nid: x\ntitle: X\nlanguage: id\naliases: Kupang\n---\n\nIsi.'))).toMatch(/x\.md:5: alias group "Kupang" needs at least two phrasings/);
    expect(refusal(upload('x.md', '---\nid: x\ntitle: X\nlanguage: id\n---\n\n'))).toMatch(/x\.md:5: the article has no paragraphs/);
    expect(refusal(upload('x.md', '# Judul\n\nIsi.'))).toMatch(/^"x\.md", line 1: a Markdown article starts with front matter/);
  });

  it('a .txt file that starts with front matter is read in the corpus format too', () => {
    expect(article(upload('catatan.txt', MARKDOWN)).id).toBe('erupsi-lewotobi');
  });
});

describe('parseUpload: plain text', () => {
  it('the first line is the title (a leading "#" dropped), blank lines separate paragraphs, single line breaks are soft', () => {
    const result = article(upload('laporan.TXT', '\ufeff# Posko Titehena Kekurangan Tenda\r\n\r\nRelawan mencatat 300 keluarga\r\nbelum mendapat tenda.\r\n\r\n\r\nBantuan datang besok.\r\n'));
    expect(result).toMatchObject({ id: 'posko-titehena-kekurangan-tenda', title: 'Posko Titehena Kekurangan Tenda', language: 'id' });
    expect(result.paragraphs.map((p) => p.text)).toEqual(['Relawan mencatat 300 keluarga belum mendapat tenda.', 'Bantuan datang besok.']);
    expect(result.paragraphs.map((p) => p.number)).toEqual([1, 2]);
  });

  it('with the title option every block is a paragraph', () => {
    const result = article(upload('a.txt', 'Baris pertama juga isi.\n\nBaris kedua.', { title: '  Judul   dari   opsi ' }));
    expect(result.title).toBe('Judul dari opsi');
    expect(result.paragraphs.map((p) => p.text)).toEqual(['Baris pertama juga isi.', 'Baris kedua.']);
  });

  it('a first line too long for a title asks for the title option', () => {
    expect(refusal(upload('a.txt', `${'kata '.repeat(60)}\n\nIsi.`))).toMatch(/The first line of "a\.txt" is the title .* 299 characters long \(at most 200\); give a title with the `title` option/);
    expect(article(upload('a.txt', `${'kata '.repeat(60)}\n\nIsi.`, { title: 'Pendek' })).paragraphs).toHaveLength(2);
  });
});

describe('parseUpload: what is refused', () => {
  const cases: [string, string, string | Uint8Array, RegExp, Partial<Omit<UploadInput, 'fileName' | 'bytes'>>?][] = [
    ['another type', 'foto.jpg', 'x', /"foto\.jpg" is not a Markdown \(\.md\) or plain text \(\.txt\) file/],
    ['no extension', 'artikel', 'x', /is not a Markdown/],
    ['an empty file', 'a.txt', '', /"a\.txt" is empty/],
    ['UTF-16 (little endian)', 'a.txt', new Uint8Array([0xff, 0xfe, 0x4a, 0x00]), /UTF-16 text; save it as UTF-8/],
    ['UTF-16 (big endian)', 'a.txt', new Uint8Array([0xfe, 0xff, 0x00, 0x4a]), /UTF-16 text/],
    ['binary (a NUL byte)', 'a.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01]), /"a\.md" is not a text file \(it holds binary data\)/],
    ['not UTF-8 (the line is named)', 'a.txt', new Uint8Array([...new TextEncoder().encode('Judul\n\nbaris tiga\nbaris '), 0xe9, 0x0a]), /not UTF-8 text \(the first invalid byte is on line 4\)/],
    ['a truncated UTF-8 sequence (half an emoji)', 'a.txt', new Uint8Array([...new TextEncoder().encode('Judul\n\nSenyum '), 0xf0, 0x9f, 0x98]), /not UTF-8 text \(the first invalid byte is on line 3\)/],
    ['an encoded surrogate (CESU-8)', 'a.txt', new Uint8Array([...new TextEncoder().encode('Judul\n\n'), 0xed, 0xa0, 0xbd]), /not UTF-8 text/],
    ['a control character (the line is named)', 'a.txt', 'Judul\n\nSatu\n\nDua\u001b[31m merah', /Line 5 of "a\.txt" has a control character \(U\+001B\)/],
    ['a C1 control character', 'a.txt', 'Judul\n\nIsi \u0085 lagi', /Line 3 .* \(U\+0085\)/],
    ['@everyone', 'a.txt', 'Judul\n\nHalo @everyone', /Line 3 of "a\.txt" has a mention/],
    ['a full-width ＠here', 'a.txt', 'Judul\n\nHalo ＠here', /Line 3 .* has a mention/],
    ['@ + soft hyphen + everyone', 'a.txt', 'Judul\n\nHalo @\u00ADeveryone', /Line 3 .* has a mention/],
    ['a user mention in the front matter', 'a.md', '---\nid: a\ntitle: Untuk <@123456789012345678>\nlanguage: id\n---\n\nIsi.', /Line 3 of "a\.md" has a mention/],
    ['a role mention in the title option', 'a.txt', 'Isi.', /The title has a mention/, { title: 'Hai <@&123456789012345678>' }],
    ['half an emoji in the title option', 'a.txt', 'Isi.', /The title has a broken character \(half of an emoji\?\)/, { title: 'Senyum \ud83d' }],
    ['a control character in the title option', 'a.txt', 'Isi.', /The title has a control character/, { title: 'Judul\u0000' }],
    ['a title of punctuation only', 'a.txt', '***\n\nIsi.', /The title must contain letters or digits/],
    ['a title too long', 'a.txt', 'Isi.', /The title is 201 characters long; at most 200/, { title: 'a'.repeat(201) }],
    ['no paragraphs', 'a.txt', 'Hanya Judul\n\n  \n', /"a\.txt" has no paragraphs/],
    ['only blank lines', 'a.txt', '\n\n\n', /"a\.txt" has no paragraphs/],
  ];

  it.each(cases)('%s', (_label, fileName, content, message, o) => {
    expect(refusal(upload(fileName, content, o))).toMatch(message);
  });

  it('over the size or paragraph limit', () => {
    const limits = { maxBytes: 1024, maxParagraphs: 3 };
    expect(refusal(upload('a.txt', `Judul\n\n${'x'.repeat(2000)}`, {}, limits))).toBe('"a.txt" is 2 KB; an article may be at most 1 KB.');
    expect(refusal(upload('a.txt', 'Judul\n\n1\n\n2\n\n3\n\n4', {}, limits))).toBe('"a.txt" has 4 paragraphs; an article may have at most 3.');
    expect(article(upload('a.txt', 'Judul\n\n1\n\n2\n\n3', {}, limits)).paragraphs).toHaveLength(3);
  });

  it('bidi controls are dropped from the title and the text (they could reorder what members see)', () => {
    const result = article(upload('a.txt', 'Judul \u202Eterbalik\u202C\n\nIsi \u2066tersembunyi\u2069 di sini.'));
    expect(result.title).toBe('Judul terbalik');
    expect(result.paragraphs[0]!.text).toBe('Isi tersembunyi di sini.');
  });

  it('Markdown in a title is kept as written (it is escaped wherever it is shown)', () => {
    expect(article(upload('a.txt', 'Isi.', { title: '**Tebal** _miring_ [tautan](https://contoh.id)' })).title).toBe('**Tebal** _miring_ [tautan](https://contoh.id)');
  });
});

describe('articleIdFrom', () => {
  it.each([
    ['Kabut Asap Selimuti Palangka Raya', 'kabut-asap-selimuti-palangka-raya'],
    ['Café Über Ñandú — 2024!', 'cafe-uber-nandu-2024'],
    ['🌋🌋', 'artikel'],
    ['Слово и дело', 'artikel'],
    ['a'.repeat(80), 'a'.repeat(56)],
    ['satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas', 'satu-dua-tiga-empat-lima-enam-tujuh-delapan-sembilan'],
  ])('%s -> %s', (title, id) => {
    expect(articleIdFrom(title)).toBe(id);
    expect(id).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  });
});
