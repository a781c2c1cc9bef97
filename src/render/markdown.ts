import { escapeMarkdown } from '@discordjs/formatters';
import { shorten, stripBidiControls } from '../shared/text.js';

/**
 * Text from the corpus or from users is shown literally: Markdown is escaped, and an
 * "@" that starts a mention gets a zero-width joiner so that even a client that
 * ignored allowed_mentions would not ping (allowed_mentions is set to none as well).
 */
export function literal(text: string): string {
  // Line-start syntax too: a paragraph that begins with "# ", "- ", "1. " or "> " must not
  // become a heading, list or quote, and "[text](url)" must not become a masked link (every
  // "[" is escaped: the library's maskedLink option is a catastrophically backtracking regex).
  // Bidi controls go: they could reorder what is shown.
  const plain = stripBidiControls(text);
  const escaped = escapeMarkdown(plain, { heading: true, bulletedList: true, numberedList: true, ...rulesThatCanMatch(plain) })
    .replace(/^( *)>/gm, '$1\\>')
    .replace(/\[/g, '\\[');
  return defuseMentions(escaped);
}

/**
 * The library's emphasis rules start with lookbehinds that cost time quadratic in the
 * line's length at every position, even when the character they escape is absent; off
 * for a text without that character (the output is the same), so answers stay fast.
 */
function rulesThatCanMatch(text: string) {
  const star = text.includes('*');
  const underscore = text.includes('_');
  return { italic: star || underscore, bold: star, underline: underscore, strikethrough: text.includes('~'), spoiler: text.includes('|') };
}

/**
 * `text` shortened so that its escaped form fits `max` characters: escaping first and
 * cutting after could split an escape, or leave the text longer than Discord allows.
 */
export function literalWithin(text: string, max: number): string {
  let room = max;
  let out = literal(shorten(text, room));
  while (out.length > max && room > 1) {
    room = Math.max(1, Math.min(room - 1, Math.floor((room * max) / out.length)));
    out = literal(shorten(text, room));
  }
  return out;
}

export function defuseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<@([!&]?\d+)>/g, '<@\u200b$1>');
}

/**
 * A passage with its best sentence in bold, cut to `max` characters around that sentence.
 * `max` bounds the escaped result: escaping can double text full of Markdown characters,
 * and a longer excerpt would be clipped later together with the citation after it.
 */
export function excerptWithHighlight(text: string, highlight: string, max: number): string {
  let room = max;
  let out = excerpt(text, highlight, room);
  while (out.length > max && room > 1) {
    room = Math.max(1, Math.min(room - 1, Math.floor((room * max) / out.length)));
    out = excerpt(text, highlight, room);
  }
  return out;
}

function excerpt(text: string, highlight: string, max: number): string {
  const at = highlight ? text.indexOf(highlight) : -1;
  if (at < 0 || max < 20) return literal(shorten(text, max));
  let before = text.slice(0, at);
  let after = text.slice(at + highlight.length);
  let core = highlight;
  const budget = max - 8; // room for ** ** and ellipses
  if (core.length > budget) {
    core = shorten(core, budget);
    before = '';
    after = '';
  }
  const room = budget - core.length;
  const beforeRoom = Math.min(before.length, Math.floor(room / 3));
  const afterRoom = Math.min(after.length, room - beforeRoom);
  const head = shorten(before, beforeRoom, 'end');
  const tail = shorten(after, afterRoom);
  return `${literal(head)}**${literal(core)}**${literal(tail)}`;
}

