/**
 * Text helpers every layer shares: the one shortening function and the invisible
 * characters that must not be stored, shown, or allowed to hide a mention.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * `text` cut to at most `max` UTF-16 units with an ellipsis, preferring a word boundary
 * and never cutting inside a grapheme (an emoji, a flag, a letter and its accents), so
 * Discord never receives a lone surrogate. It keeps the start of the text, or with
 * `keep: 'end'` its end (the context before a highlighted sentence).
 */
export function shorten(text: string, max: number, keep: 'start' | 'end' = 'start'): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  const room = max - 1; // for the ellipsis
  if (keep === 'end') {
    const from = text.length - room;
    const space = text.indexOf(' ', from);
    if (space !== -1 && text.length - space > max * 0.6) return '…' + text.slice(space);
    return '…' + text.slice(graphemeBoundaryAtOrAfter(text, from));
  }
  const space = text.lastIndexOf(' ', room - 1);
  if (space > max * 0.6) return text.slice(0, space) + '…';
  return text.slice(0, graphemeBoundaryAtOrBefore(text, room)) + '…';
}

/**
 * The last grapheme boundary at or before `limit`. Segmenting starts at the last space
 * or line break before it (always a boundary), so long texts cost only their tail.
 */
function graphemeBoundaryAtOrBefore(text: string, limit: number): number {
  const anchor = Math.max(0, text.lastIndexOf(' ', limit), text.lastIndexOf('\n', limit));
  let end = anchor;
  for (const { index, segment } of graphemes.segment(text.slice(anchor, limit + 2))) {
    const segmentEnd = anchor + index + segment.length;
    if (segmentEnd > limit) break;
    end = segmentEnd;
  }
  return end;
}

/** The first grapheme boundary at or after `from` (segmenting from the space before it). */
function graphemeBoundaryAtOrAfter(text: string, from: number): number {
  const anchor = Math.max(0, text.lastIndexOf(' ', from), text.lastIndexOf('\n', from));
  for (const { index } of graphemes.segment(text.slice(anchor))) {
    if (anchor + index >= from) return anchor + index;
  }
  return text.length;
}

/**
 * Bidirectional controls (embeddings, overrides, isolates, marks): they can reorder what
 * a moderator or member sees, so they are removed wherever text is stored or shown.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * Characters that render as nothing: Unicode format characters (zero-width spaces and
 * joiners, soft hyphen, bidi controls, BOM...), the combining grapheme joiner, variation
 * selectors and the Hangul fillers. "@\u00ADeveryone" reads as "@everyone".
 */
const INVISIBLE = /[\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u180B-\u180F\uFE00-\uFE0F]/gu;

export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
