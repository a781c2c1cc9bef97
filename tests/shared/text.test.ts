import { describe, expect, it } from 'vitest';
import { shorten, stripBidiControls, withoutInvisible } from '../../src/shared/text.js';

const graphemes = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

describe('shorten', () => {
  it('never cuts inside a grapheme: emoji, flags, family sequences, letters with accents', () => {
    const pieces = ['😀', '🇮🇩', '👨‍👩‍👧‍👦', 'é', 'ñ', '👍🏽', 'ក្ខ'];
    for (const piece of pieces) {
      const text = piece.repeat(80);
      for (let max = 1; max <= 120; max++) {
        for (const keep of ['start', 'end'] as const) {
          const out = shorten(text, max, keep);
          expect(out.length, `${piece} ${max} ${keep}`).toBeLessThanOrEqual(max);
          expect(out.isWellFormed(), `${piece} ${max} ${keep}`).toBe(true);
          const kept = out.replace('…', '');
          // Whole graphemes only: what is kept is a run of the piece.
          expect(graphemes(kept).every((g) => g === piece), `${piece} ${max} ${keep}: ${kept}`).toBe(true);
        }
      }
    }
  });

  it('prefers a word boundary, keeps short text, and cuts from the front with keep: "end"', () => {
    expect(shorten('pendek', 10)).toBe('pendek');
    expect(shorten('satu dua tiga empat lima enam tujuh', 20)).toBe('satu dua tiga…');
    expect(shorten('x'.repeat(50), 10)).toBe('x'.repeat(9) + '…');
    expect(shorten('satu dua tiga empat lima enam tujuh', 20, 'end')).toBe('… lima enam tujuh');
    expect(shorten('x'.repeat(50), 10, 'end')).toBe('…' + 'x'.repeat(9));
    expect(shorten('apa saja', 0)).toBe('');
  });
});

describe('invisible characters', () => {
  it('strips bidi controls (embeddings, overrides, isolates, marks) and nothing else', () => {
    expect(stripBidiControls('a\u202Eb\u2066c\u2067d\u2068e\u2069f\u061Cg\u200Eh\u200Fi')).toBe('abcdefghi');
    expect(stripBidiControls('Putin 👨‍👩‍👧 é')).toBe('Putin 👨‍👩‍👧 é');
  });

  it('withoutInvisible removes what can hide a mention: soft hyphen, zero-width, isolates, BOM', () => {
    expect(withoutInvisible('@\u00ADeveryone @\u200Bhere @\u2066everyone\u2069 \uFEFFx')).toBe('@everyone @here @everyone x');
  });
});
