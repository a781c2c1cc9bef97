/**
 * Misspelt common words: a word no lexicon knows, one edit (a letter left out, added,
 * changed, or two letters swapped) from one of the most frequent words of everyday
 * Indonesian (lexicon/id-frequency.tsv), is most likely that word: "terakhr" is
 * "terakhir", "signifkan" is "signifikan". So is one edit from an affixed or informal form
 * of a frequent root, which the list need not have ("diasnksi" is "disanksi"). The engine's
 * own typo tolerance compares index terms, which are stems ("akhir"), and cannot see that;
 * names are left to it.
 */

import { BoundedMemo } from '../shared/memo.js';

/**
 * Corrections are among this many of the most frequent words (of the list's 48,861): at the
 * rare end a near spelling is as likely a name or a typo itself. 10,000 was the first
 * choice; 30,000 reads more of the misspelt rows of `npm run eval` and changes nothing else.
 */
const SPELLING_RANKS = 30_000;
/** The correction must be this many times as frequent as the next candidate, or the typo is ambiguous. */
const SPELLING_MARGIN = 3;
/** Shorter words are one edit from too many others. */
const MIN_LENGTH = 5;
/** Longer words are not searched as misspelt forms: about 1 ms a letter, and few such words are typed. */
const MAX_FORM_LENGTH = 16;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Words whose correction (or its absence) is remembered; past this the memory starts over. */
const CORRECTION_CACHE_LIMIT = 50_000;

export class SpellingCorrector {
  private minCount?: number;
  /** The same words come back question after question, and trying every one-edit spelling costs about 0.05 ms a word. */
  private readonly corrections = new BoundedMemo<string | undefined>(CORRECTION_CACHE_LIMIT);
  /** The same for affixed and informal forms (see correctForm), whose search costs more. */
  private readonly forms = new BoundedMemo<string | undefined>(CORRECTION_CACHE_LIMIT);

  /**
   * `accept` says which frequent words may be a correction (the same for every word, so answers
   * can be remembered); `isDictionaryWord` which may be one though rarer than SPELLING_RANKS
   * allow: a root word of the dictionary is neither a name nor a typo ("klasemen", which
   * subtitles seldom say).
   */
  constructor(
    private readonly counts: Map<string, number>,
    private readonly accept: (candidate: string) => boolean,
    private readonly isDictionaryWord: (candidate: string) => boolean = () => false,
  ) {}

  /** Computes now what the first misspelt word would (see Analyzer.warmUp). */
  warmUp(): void {
    this.minCount ??= rankCount(this.counts, SPELLING_RANKS);
  }

  /** The frequent word `word` is a misspelling of; undefined when none or two fit. */
  correct(word: string): string | undefined {
    // A word the list has is a word people use: a name ("putin") or a common typo, not to be guessed at.
    if (word.length < MIN_LENGTH || !/^[a-z]+$/.test(word) || this.counts.has(word)) return undefined;
    return this.corrections.get(word, (w) => this.search(w));
  }

  /**
   * The affixed or informal form `word` misspells, when the frequency list lacks the form
   * itself ("diasnksi" is "disanksi", "dibgiin" is "dibagiin"): among its one-edit spellings,
   * those `rootOf` reads as a word, grouped by that root; the root must be among the
   * frequent words and SPELLING_MARGIN times as frequent as the next root.
   * Trying every spelling through the stemmer costs a few milliseconds, once per word.
   */
  correctForm(word: string, rootOf: (spelling: string) => string | undefined): string | undefined {
    if (!this.mayBeMisspeltForm(word)) return undefined;
    return this.forms.get(word, (w) => this.searchForm(w, rootOf));
  }

  /** Whether correctForm searches `word` at all: letters only, neither short nor long (the search grows with the length), not in the list. */
  mayBeMisspeltForm(word: string): boolean {
    return word.length >= MIN_LENGTH && word.length <= MAX_FORM_LENGTH && /^[a-z]+$/.test(word) && !this.counts.has(word);
  }

  private searchForm(word: string, rootOf: (spelling: string) => string | undefined): string | undefined {
    const minCount = (this.minCount ??= rankCount(this.counts, SPELLING_RANKS));
    const byRoot = new Map<string, { form: string; count: number }>();
    for (const candidate of oneEditAway(word)) {
      const root = rootOf(candidate);
      if (root === undefined || byRoot.has(root) || !this.accept(root)) continue;
      // A form the list has counts as itself; any other as its root does. Of hundreds of spellings some
      // reach a rare root ("ekonm": "ekon"), so here a root must be in everyday use, dictionary or not.
      const count = Math.max(this.counts.get(candidate) ?? 0, this.counts.get(root) ?? 0);
      if (count > 0) byRoot.set(root, { form: candidate, count });
    }
    const best = clearlyMostFrequent(byRoot.values());
    return best && best.count >= minCount ? best.form : undefined;
  }

  private search(word: string): string | undefined {
    const minCount = (this.minCount ??= rankCount(this.counts, SPELLING_RANKS));
    const found = new Map<string, { word: string; count: number }>();
    for (const candidate of oneEditAway(word)) {
      const count = this.counts.get(candidate);
      if (count !== undefined && !found.has(candidate) && this.accept(candidate)) found.set(candidate, { word: candidate, count });
    }
    const best = clearlyMostFrequent(found.values());
    return best && (best.count >= minCount || this.isDictionaryWord(best.word)) ? best.word : undefined;
  }
}

/** The most frequent of the candidates when it is SPELLING_MARGIN times as frequent as the next; undefined when two fit alike. */
function clearlyMostFrequent<T extends { count: number }>(candidates: Iterable<T>): T | undefined {
  let best: T | undefined;
  let next = 0;
  for (const candidate of candidates) {
    if (!best || candidate.count > best.count) {
      next = Math.max(next, best?.count ?? 0);
      best = candidate;
    } else {
      next = Math.max(next, candidate.count);
    }
  }
  return best && best.count >= SPELLING_MARGIN * next ? best : undefined;
}

/** The count of the word at `rank` in the list, most frequent first. */
function rankCount(counts: Map<string, number>, rank: number): number {
  const sorted = [...counts.values()].sort((a, b) => b - a);
  return sorted[Math.min(rank, sorted.length) - 1] ?? Infinity;
}

/**
 * Misspellings of the list's frequent words for exercising the form search (the warm-up,
 * `npm run bench:spelling`): words of 6-14 letters, most frequent first, each with two inner
 * neighbours swapped (at a place that moves from word to word), that the list does not have
 * itself; the first `limit`. The same every time (the list is fixed).
 */
export function swappedMisspellings(counts: ReadonlyMap<string, number>, limit: number): string[] {
  const out: string[] = [];
  for (const word of counts.keys()) {
    if (out.length >= limit) break;
    if (!/^[a-z]{6,14}$/.test(word)) continue;
    const at = 1 + (out.length % (word.length - 2));
    const swapped = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    if (swapped !== word && !counts.has(swapped)) out.push(swapped);
  }
  return out;
}

/** Every spelling one deletion, insertion, substitution or swap of neighbours away (Damerau). */
function* oneEditAway(word: string): Generator<string> {
  yield* oneLetterDeletions(word);
  yield* neighbourSwaps(word);
  for (let i = 0; i < word.length; i++) for (const c of LETTERS) if (c !== word[i]) yield word.slice(0, i) + c + word.slice(i + 1);
  for (let i = 0; i <= word.length; i++) for (const c of LETTERS) yield word.slice(0, i) + c + word.slice(i);
}

/** The word with one letter left out, each way. */
export function* oneLetterDeletions(word: string): Generator<string> {
  for (let i = 0; i < word.length; i++) yield word.slice(0, i) + word.slice(i + 1);
}

/** The word with two different neighbouring letters swapped, each way ("ukriana" for "ukraina"). */
export function* neighbourSwaps(word: string): Generator<string> {
  for (let i = 0; i + 1 < word.length; i++) if (word[i] !== word[i + 1]) yield word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/**
 * Edit distance <= limit (small limits, short words), two neighbouring letters swapped
 * counting as one edit, as everywhere else typos are read (optimal string alignment).
 */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  if (a === b) return true;
  const n = b.length;
  // Three rows of the distance table, reused in turn (this runs for many word pairs per question).
  let beforePrevious = new Int32Array(n + 1);
  let previous = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    row[0] = i;
    let min = i;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, beforePrevious[j - 2]! + 1);
      row[j] = v;
      if (v < min) min = v;
    }
    // A swap reaches back two rows, so a row over the limit ends the search only when the one before it was too.
    if (min > limit && previousMin > limit) return false;
    [beforePrevious, previous, row] = [previous, row, beforePrevious];
    previousMin = min;
  }
  return previous[n]! <= limit;
}
