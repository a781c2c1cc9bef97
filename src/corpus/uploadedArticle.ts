import { CONTROL_CHARACTERS } from '../analysis/normalize.js';
import type { Text } from '../shared/i18n.js';
import { containsMention } from '../shared/mentions.js';
import { stripBidiControls } from '../shared/text.js';
import { ARTICLE_ID, parseArticle, splitParagraphs } from './articleFile.js';
import { CorpusError, type Article } from './types.js';

/**
 * An article a moderator uploads (/article add, or a file in the console), read into the
 * same shape as a file of corpus/: a Markdown file in the corpus format goes through the
 * corpus loader itself (`parseArticle`, errors naming the line); a plain-text file is
 * paragraphs separated by blank lines, its title from the `title` option or else its
 * first line. Anything that is not UTF-8 text within the limits is refused with a message
 * saying what to fix, before anything is stored.
 */

/** A problem to show the moderator; `{name}` placeholders are what they uploaded, escaped when shown. */
export interface UploadProblem extends Text {
  values?: Record<string, string>;
}

export interface UploadLimits {
  maxBytes: number;
  maxParagraphs: number;
}

export interface UploadInput {
  fileName: string;
  bytes: Uint8Array;
  /** The `title` option, when given: it stands for the file's own title. */
  title?: string | null;
  /** Whether an article id is already used (bundled or this server's). */
  isTaken: (id: string) => boolean;
}

export type UploadResult = { ok: true; article: Article } | { ok: false; problem: UploadProblem };

/** Longer titles would not fit Discord's embed titles and choices well. */
export const TITLE_MAX = 200;

export type UploadKind = 'markdown' | 'text';

/** What a file name says the file is: `.md`/`.markdown` or `.txt`, else undefined (refused). */
export function uploadKind(fileName: string): UploadKind | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.txt')) return 'text';
  return undefined;
}

export const PROBLEMS = {
  type: { en: '"{name}" is not a Markdown (.md) or plain text (.txt) file; only those can be added.', id: '"{name}" bukan berkas Markdown (.md) atau teks biasa (.txt); hanya itu yang bisa ditambahkan.' },
  empty: { en: '"{name}" is empty.', id: '"{name}" kosong.' },
  tooLarge: { en: '"{name}" is {size} KB; an article may be at most {max} KB.', id: '"{name}" berukuran {size} KB; artikel paling besar {max} KB.' },
  utf16: { en: '"{name}" is UTF-16 text; save it as UTF-8 and upload it again.', id: '"{name}" berupa teks UTF-16; simpan sebagai UTF-8 lalu unggah lagi.' },
  binary: { en: '"{name}" is not a text file (it holds binary data).', id: '"{name}" bukan berkas teks (berisi data biner).' },
  notUtf8: { en: '"{name}" is not UTF-8 text (the first invalid byte is on line {line}); save it as UTF-8 and upload it again.', id: '"{name}" bukan teks UTF-8 (bita pertama yang tidak valid ada di baris {line}); simpan sebagai UTF-8 lalu unggah lagi.' },
  control: { en: 'Line {line} of "{name}" has a control character ({code}); remove it.', id: 'Baris {line} "{name}" berisi karakter kontrol ({code}); hapus karakter tersebut.' },
  mention: { en: 'Line {line} of "{name}" has a mention (@everyone, @here, @user or @role); mentions are not allowed in articles.', id: 'Baris {line} "{name}" berisi mention (@everyone, @here, @pengguna atau @peran); mention tidak diperbolehkan dalam artikel.' },
  format: { en: '"{name}" does not follow the corpus format: {error}', id: '"{name}" tidak mengikuti format korpus: {error}' },
  noFrontMatter: {
    en: '"{name}", line 1: a Markdown article starts with front matter (a line "---", then id, title, language, then "---"; see the README\'s corpus format). Plain text without it can be uploaded as a .txt file.',
    id: '"{name}", baris 1: artikel Markdown diawali front matter (baris "---", lalu id, title, language, lalu "---"; lihat format korpus di README). Teks biasa tanpa itu bisa diunggah sebagai berkas .txt.',
  },
  noParagraphs: { en: '"{name}" has no paragraphs (paragraphs are separated by blank lines).', id: '"{name}" tidak berisi paragraf (paragraf dipisahkan baris kosong).' },
  tooManyParagraphs: { en: '"{name}" has {count} paragraphs; an article may have at most {max}.', id: '"{name}" berisi {count} paragraf; artikel paling banyak {max} paragraf.' },
  titleTooLong: { en: 'The title is {length} characters long; at most {max} are allowed.', id: 'Judulnya {length} karakter; paling banyak {max}.' },
  firstLineTooLong: {
    en: 'The first line of "{name}" is the title of a plain text article, but it is {length} characters long (at most {max}); give a title with the `title` option.',
    id: 'Baris pertama "{name}" adalah judul artikel teks biasa, tetapi panjangnya {length} karakter (paling banyak {max}); beri judul dengan opsi `judul`.',
  },
  titleBroken: { en: 'The title has a broken character (half of an emoji?); type it again.', id: 'Judulnya berisi karakter rusak (setengah emoji?); ketik ulang.' },
  titleControl: { en: 'The title has a control character; remove it.', id: 'Judulnya berisi karakter kontrol; hapus karakter tersebut.' },
  titleMention: { en: 'The title has a mention (@everyone, @here, @user or @role); mentions are not allowed.', id: 'Judulnya berisi mention (@everyone, @here, @pengguna atau @peran); mention tidak diperbolehkan.' },
  titleEmpty: { en: 'The title must contain letters or digits.', id: 'Judulnya harus berisi huruf atau angka.' },
  idTaken: {
    en: 'The id "{id}" is already used by an article (bundled or this server\'s): change `id` in the front matter, or remove the other article first.',
    id: 'Id "{id}" sudah dipakai artikel lain (bawaan atau milik server ini): ubah `id` di front matter, atau hapus dulu artikel lainnya.',
  },
} satisfies Record<string, UploadProblem>;

const problem = (text: UploadProblem, values: Record<string, string | number>): UploadResult => ({
  ok: false,
  problem: { ...text, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)])) },
});

export function parseUpload(input: UploadInput, limits: UploadLimits): UploadResult {
  const name = input.fileName;
  const kind = uploadKind(name);
  if (!kind) return problem(PROBLEMS.type, { name });
  const { bytes } = input;
  if (bytes.length === 0) return problem(PROBLEMS.empty, { name });
  if (bytes.length > limits.maxBytes) return problem(PROBLEMS.tooLarge, { name, size: Math.ceil(bytes.length / 1024), max: Math.floor(limits.maxBytes / 1024) });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return problem(PROBLEMS.utf16, { name });
  if (bytes.includes(0)) return problem(PROBLEMS.binary, { name });
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return problem(PROBLEMS.notUtf8, { name, line: decoded.line });
  // One line ending everywhere; bidi controls go (they could reorder what members see).
  const text = stripBidiControls(decoded.text.replace(/\r\n?/g, '\n'));
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const control = CONTROL_CHARACTERS.exec(lines[i]!);
    if (control) return problem(PROBLEMS.control, { name, line: i + 1, code: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` });
    if (containsMention(lines[i]!)) return problem(PROBLEMS.mention, { name, line: i + 1 });
  }

  let titleOption: string | undefined;
  if (input.title != null && input.title.trim()) {
    const checked = checkTitle(input.title);
    if (!checked.ok) return checked;
    titleOption = checked.title;
  }

  const derived = new Set<string>();
  const idFromTitle = (title: string) => {
    const id = articleIdFrom(title, input.isTaken);
    derived.add(id);
    return id;
  };
  let article: Article;
  if (lines[0]?.trim() === '---') {
    try {
      article = parseArticle(name, text, { title: titleOption, idFromTitle });
    } catch (error) {
      if (error instanceof CorpusError) return problem(PROBLEMS.format, { name, error: error.message });
      throw error;
    }
    const checked = checkTitle(article.title);
    if (!checked.ok) return checked;
    if (checked.title !== article.title) article = retitled(article, checked.title);
  } else if (kind === 'markdown') {
    return problem(PROBLEMS.noFrontMatter, { name });
  } else {
    const plain = plainTextArticle(name, lines, titleOption, idFromTitle);
    if (!plain.ok) return plain;
    article = plain.article;
  }
  if (article.paragraphs.length > limits.maxParagraphs) return problem(PROBLEMS.tooManyParagraphs, { name, count: article.paragraphs.length, max: limits.maxParagraphs });
  if (!derived.has(article.id) && input.isTaken(article.id)) return problem(PROBLEMS.idTaken, { id: article.id });
  return { ok: true, article };
}

/** Strict UTF-8 (a byte order mark is dropped); on failure, the line of the first invalid byte. */
function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // The lenient decoding marks the first invalid sequence with U+FFFD (a real U+FFFD
    // before it would only make the line reported earlier, never later).
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    return { ok: false, line: lenient.slice(0, Math.max(0, at)).split('\n').length };
  }
}

function checkTitle(raw: string): { ok: true; title: string } | { ok: false; problem: UploadProblem } {
  if (!raw.isWellFormed()) return { ok: false, problem: PROBLEMS.titleBroken };
  if (CONTROL_CHARACTERS.test(raw.replace(/[\r\n]+/g, ' '))) return { ok: false, problem: PROBLEMS.titleControl };
  if (containsMention(raw)) return { ok: false, problem: PROBLEMS.titleMention };
  const title = stripBidiControls(raw).replace(/\s+/g, ' ').trim();
  if (!/[\p{L}\p{N}]/u.test(title)) return { ok: false, problem: PROBLEMS.titleEmpty };
  if (title.length > TITLE_MAX) return { ok: false, problem: { ...PROBLEMS.titleTooLong, values: { length: String(title.length), max: String(TITLE_MAX) } } };
  return { ok: true, title };
}

function retitled(article: Article, title: string): Article {
  return { ...article, title, paragraphs: article.paragraphs.map((p) => ({ ...p, articleTitle: title })) };
}

/** Paragraphs separated by blank lines; the title from the option, else the first non-empty line. */
function plainTextArticle(name: string, lines: string[], titleOption: string | undefined, idFromTitle: (title: string) => string): { ok: true; article: Article } | { ok: false; problem: UploadProblem } {
  let title = titleOption;
  let body = lines;
  if (!title) {
    const first = lines.findIndex((line) => line.trim() !== '');
    if (first < 0) return { ok: false, problem: { ...PROBLEMS.noParagraphs, values: { name } } };
    // "# Title" in a text file is still the title.
    const line = lines[first]!.trim().replace(/^#+\s*/, '');
    if (line.length > TITLE_MAX) return { ok: false, problem: { ...PROBLEMS.firstLineTooLong, values: { name, length: String(line.length), max: String(TITLE_MAX) } } };
    const checked = checkTitle(line);
    if (!checked.ok) return checked;
    title = checked.title;
    body = lines.slice(first + 1);
  }
  const texts = splitParagraphs(body);
  if (texts.length === 0) return { ok: false, problem: { ...PROBLEMS.noParagraphs, values: { name } } };
  const id = idFromTitle(title);
  return {
    ok: true,
    article: { id, title, language: 'id', file: name, paragraphs: texts.map((text, i) => ({ articleId: id, articleTitle: title, number: i + 1, text })) },
  };
}

/**
 * An article id from a title: lower-case ASCII letters and digits separated by dashes
 * ("Kabut Asap Selimuti Palangka Raya" -> "kabut-asap-selimuti-palangka-raya"), at most
 * 64 characters, cut at a word; "-2", "-3"... when it is taken.
 */
export function articleIdFrom(title: string, isTaken: (id: string) => boolean = () => false): string {
  const words = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let base = '';
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > 56) break; // room for a "-NN" suffix
    base = next;
  }
  if (!base) base = words[0]?.slice(0, 56) || 'artikel';
  let id = base;
  for (let n = 2; isTaken(id) || !ARTICLE_ID.test(id); n++) id = `${base}-${n}`;
  return id;
}
