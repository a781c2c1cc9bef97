/**
 * Text normalisation shared by indexing, querying and curated-question matching.
 * NFKC folds compatibility forms (full-width letters, ligatures); typographic quotes
 * and dashes are folded by hand because NFKC leaves them alone.
 */
const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
// C0/C1 controls except tab and newline, plus zero-width and bidi formatting characters.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

export function normalizeText(text: string): string {
  // Quotes are folded before NFKC too: NFKC turns the acute accent typed as an
  // apostrophe ("Jum´at") into a space and a combining mark.
  return foldPunctuation(foldPunctuation(text.replace(CONTROLS, '')).normalize('NFKC'));
}

function foldPunctuation(text: string): string {
  return text.replace(QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
}

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** C0 and C1 control characters other than tab and line breaks. */
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** The words of a text, normalised and lower-cased (runs of letters and digits). */
export function plainWords(text: string): string[] {
  return normalizeText(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A key for "same question, other spacing/case/punctuation": used for uniqueness checks. */
export function questionKey(text: string): string {
  return normalizeText(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
