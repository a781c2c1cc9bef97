import { neighbourSwaps } from '../analysis/spelling.js';
import type { Paragraph } from '../corpus/types.js';
import type { FrozenIndex } from './frozenIndex.js';

/** Paragraphs and the frozen index of exactly those paragraphs (a corpus, or one server's articles). */
export interface Segment {
  paragraphs: Paragraph[];
  index: FrozenIndex;
}

/** BM25 parameters and field boosts (MiniSearch's formula). */
export interface Bm25 {
  k: number;
  b: number;
  d: number;
  /** Weight of the article-title field against the paragraph text. */
  titleBoost: number;
  /** BM25 term weight = IDF^idfExponent (1 is plain BM25): rare terms weigh more. */
  idfExponent: number;
}

/** One reading of a question term to score: an index term, its weight in ranking. */
export interface ScoredReading {
  term: string;
  factor: number;
}

/** A question term to score: its readings (the best one counts per paragraph) and a weight. */
export interface ScoredTerm {
  readings: ScoredReading[];
  weight: number;
}

/**
 * The postings of one or more segments searched as one collection: the bundled corpus
 * alone, or the bundled corpus plus a server's own articles. Statistics (paragraph count,
 * document frequencies, average field lengths) are those of the union, so a score means
 * the same whichever segment a paragraph comes from, and adding a segment never rebuilds
 * another. Paragraphs are numbered across segments in order.
 */
export class Postings {
  readonly paragraphCount: number;
  private readonly offsets: number[];
  private readonly fieldCount: number;
  private readonly avgFieldLength: Float64Array;
  // Scratch space reused by every query (search is synchronous).
  private readonly scores: Float64Array;
  private readonly termBest: Float64Array;
  private readonly readingScore: Float64Array;
  private readonly touched: Uint32Array;
  private readonly termTouched: Uint32Array;
  private readonly readingTouched: Uint32Array;

  constructor(readonly segments: Segment[]) {
    this.offsets = [];
    let total = 0;
    for (const segment of segments) {
      if (segment.index.documentCount !== segment.paragraphs.length)
        throw new Error(`index has ${segment.index.documentCount} documents, corpus has ${segment.paragraphs.length} paragraphs`);
      this.offsets.push(total);
      total += segment.paragraphs.length;
    }
    this.paragraphCount = total;
    this.fieldCount = segments[0]?.index.fields.length ?? 2;
    this.avgFieldLength = new Float64Array(this.fieldCount);
    for (let f = 0; f < this.fieldCount; f++) {
      let sum = 0;
      for (const s of segments) sum += s.index.avgFieldLength[f]! * s.index.documentCount;
      this.avgFieldLength[f] = total ? sum / total : 0;
    }
    this.scores = new Float64Array(total);
    this.termBest = new Float64Array(total);
    this.readingScore = new Float64Array(total);
    this.touched = new Uint32Array(total);
    this.termTouched = new Uint32Array(total);
    this.readingTouched = new Uint32Array(total);
  }

  paragraph(doc: number): Paragraph {
    const s = this.segmentOf(doc);
    return this.segments[s]!.paragraphs[doc - this.offsets[s]!]!;
  }

  has(term: string): boolean {
    return this.segments.some((s) => s.index.termIds.has(term));
  }

  /** Paragraphs whose text (field 0) has the term, over every segment. */
  docFrequency(term: string): number {
    let df = 0;
    for (const s of this.segments) {
      const id = s.index.termIds.get(term);
      if (id !== undefined) df += s.index.docFrequency(id);
    }
    return df;
  }

  idf(df: number): number {
    const n = this.paragraphCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Index terms within `maxDistance` edits of `term`, in any segment, with their distance.
   * Two neighbouring letters swapped ("ukriana" for "ukraina"), the commonest slip, count as one
   * edit, as in the spelling corrector (the index's own search counts them as two).
   */
  fuzzy(term: string, maxDistance: number): { term: string; distance: number }[] {
    const out = new Map<string, number>();
    for (const s of this.segments) {
      for (const { termId, distance } of s.index.fuzzy(term, maxDistance)) {
        const found = s.index.terms[termId]!;
        out.set(found, Math.min(out.get(found) ?? Infinity, distance));
      }
    }
    if (maxDistance >= 1) for (const swapped of neighbourSwaps(term)) if ((out.get(swapped) ?? Infinity) > 1 && this.has(swapped)) out.set(swapped, 1);
    return [...out].map(([t, distance]) => ({ term: t, distance }));
  }

  /** Whether the paragraph's text (not its article title) has the term. */
  textContains(doc: number, term: string): boolean {
    const s = this.segmentOf(doc);
    const index = this.segments[s]!.index;
    const termId = index.termIds.get(term);
    if (termId === undefined) return false;
    const local = doc - this.offsets[s]!;
    const { offsets, docs } = index.fields[0]!;
    let lo = offsets[termId]!;
    let hi = offsets[termId + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = docs[mid]!;
      if (v === local) return true;
      if (v < local) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /**
   * BM25 summed over the terms; for each term the best of its readings counts (a word and
   * its translation are one term). Only paragraphs in the readings' postings are touched,
   * and the best `depth` are kept without sorting every hit.
   */
  rank(terms: ScoredTerm[], depth: number, bm25: Bm25): { doc: number; score: number }[] {
    const { k, b, d, titleBoost, idfExponent } = bm25;
    const { scores, termBest, readingScore, touched, termTouched, readingTouched } = this;
    const N = this.paragraphCount;
    const F = this.fieldCount;
    let touchedCount = 0;
    try {
      for (const term of terms) {
        let termCount = 0;
        for (const { term: text, factor } of term.readings) {
          // Document frequency per field over the union of segments.
          const df = new Array<number>(F).fill(0);
          const ids = this.segments.map((s) => s.index.termIds.get(text));
          this.segments.forEach((s, si) => {
            const id = ids[si];
            if (id !== undefined) for (let f = 0; f < F; f++) df[f]! += s.index.fields[f]!.offsets[id + 1]! - s.index.fields[f]!.offsets[id]!;
          });
          let readingCount = 0;
          this.segments.forEach((s, si) => {
            const id = ids[si];
            if (id === undefined) return;
            const base = this.offsets[si]!;
            for (let f = 0; f < F; f++) {
              const { offsets, docs, tfs } = s.index.fields[f]!;
              const start = offsets[id]!;
              const end = offsets[id + 1]!;
              if (start === end) continue;
              const idf = Math.log(1 + (N - df[f]! + 0.5) / (df[f]! + 0.5));
              const w = term.weight * factor * (f === 0 ? 1 : titleBoost) * Math.pow(idf, idfExponent);
              const avg = this.avgFieldLength[f]!;
              for (let p = start; p < end; p++) {
                const local = docs[p]!;
                const doc = base + local;
                const tf = tfs[p]!;
                const len = s.index.fieldLength[local * F + f]!;
                if (readingScore[doc] === 0) readingTouched[readingCount++] = doc;
                readingScore[doc]! += w * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * len) / avg)));
              }
            }
          });
          // Readings of one term do not add up.
          for (let i = 0; i < readingCount; i++) {
            const doc = readingTouched[i]!;
            if (termBest[doc] === 0) termTouched[termCount++] = doc;
            if (readingScore[doc]! > termBest[doc]!) termBest[doc] = readingScore[doc]!;
            readingScore[doc] = 0;
          }
        }
        for (let i = 0; i < termCount; i++) {
          const doc = termTouched[i]!;
          if (scores[doc] === 0) touched[touchedCount++] = doc;
          scores[doc]! += termBest[doc]!;
          termBest[doc] = 0;
        }
      }
      const top: { doc: number; score: number }[] = [];
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i]!;
        const score = scores[doc]!;
        if (top.length === depth && score <= top[depth - 1]!.score) continue;
        let at = top.length === depth ? depth - 1 : top.length;
        while (at > 0 && (top[at - 1]!.score < score || (top[at - 1]!.score === score && top[at - 1]!.doc > doc))) at--;
        top.splice(at, 0, { doc, score });
        if (top.length > depth) top.pop();
      }
      return top;
    } catch (error) {
      // The scratch arrays must be clean for the next query, whatever happened.
      scores.fill(0);
      termBest.fill(0);
      readingScore.fill(0);
      throw error;
    } finally {
      for (let i = 0; i < touchedCount; i++) scores[touched[i]!] = 0;
    }
  }

  private segmentOf(doc: number): number {
    let s = this.offsets.length - 1;
    while (s > 0 && this.offsets[s]! > doc) s--;
    return s;
  }
}
