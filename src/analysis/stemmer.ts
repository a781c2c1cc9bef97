/**
 * A dictionary-backed Indonesian stemmer: the Enhanced Confix Stripping algorithm
 * (Nazief & Adriani 1996; Asian et al. 2007; Arifin et al. 2009; Tahitoe & Purwitasari
 * 2010), in the order Sastrawi publishes it, with a root-word lexicon in place of
 * Sastrawi's non-commercial one (see lexicon/README.md).
 *
 * Affixes are removed only when what remains is a root word of the lexicon: that is what
 * keeps "bertemu" at "temu" (not "berte") and "menemui" at "temu" (not "emu"). A word with
 * no root in the lexicon (a name, a loan word, a typo) is left to `fallback`.
 */

import { BloomFilter } from 'bloomfilter';
import { BoundedMemo } from '../shared/memo.js';

export interface RootLexicon {
  /** Whether the word is a root word. */
  has(word: string): boolean;
  /**
   * Whether the root takes affixes (hunspell's affix flags): only such roots are accepted
   * as what remains of an affixed word, which keeps rare bare roots ("nek", "berik",
   * "keduduk") from capturing "menekan", "berikanku", "kedudukan".
   */
  takesAffixes(word: string): boolean;
}

/**
 * The lexicon over hunspell-id's roots (word -> whether it takes affixes), with a Bloom
 * filter in front: the misspelt-form search asks about some 1,100 spellings per unknown
 * word, 99% of them no root, and each was a probe of a 30,000-entry Map that missed the CPU
 * cache; the filter (64 kB, 16 bits a root, 3 probes: about 1 in 250 absent words gets
 * through) answers most of them (npm run bench:spelling, README "Performance").
 */
export function rootLexiconOf(roots: ReadonlyMap<string, boolean>): RootLexicon {
  const filter = rootFilterOf(roots);
  return { has: (word) => filter.test(word) && roots.has(word), takesAffixes: (word) => filter.test(word) && roots.get(word) === true };
}

/** One filter per table: every Analyzer over the same lexicon (loadLexicon shares it) uses the same. */
const rootFilters = new WeakMap<ReadonlyMap<string, boolean>, BloomFilter>();

function rootFilterOf(roots: ReadonlyMap<string, boolean>): BloomFilter {
  let filter = rootFilters.get(roots);
  if (!filter) {
    let bits = 32;
    while (bits < roots.size * 16) bits *= 2;
    filter = new BloomFilter(bits, 3);
    for (const root of roots.keys()) filter.add(root);
    rootFilters.set(roots, filter);
  }
  return filter;
}

const VOWEL = 'aiueo';
const isVowel = (c: string | undefined) => c !== undefined && VOWEL.includes(c);
const isConsonant = (c: string | undefined) => c !== undefined && /[a-z]/.test(c) && !VOWEL.includes(c);

/** Roots shorter than this are not accepted as the result of stripping ("ah", "ia"). */
const MIN_ROOT = 3;
const MAX_PREFIX_LAYERS = 3;

const PARTICLE = /^(.+?)-?(lah|kah|tah|pun)$/;
/** How every prefix prefixReadings reads begins: di-, ke-, se-, ku-/kau-, be-, te-, me-, pe-. */
const PREFIX_START = /^(?:di|ke|se|ku|ka|be|te|me|pe)/;
const POSSESSIVE = /^(.+?)-?(ku|mu|nya)$/;

/** Confixes whose prefix is removed before the suffix (ECS "rule precedence"). */
const PREFIX_FIRST = /^(?:be.+(?:lah|an)|(?:di|me|pe|te).+i)$/;
/**
 * Prefix-suffix pairs that do not form a confix (ber-i, di-an, ke-i, ke-kan, me-an,
 * ter-an). ECS lists per-an too, but per-an is a productive confix (pertemuan,
 * persaingan, perbaikan), so it is not here.
 */
const INVALID_PAIRS: [RegExp, string[]][] = [
  [/^be/, ['i']],
  [/^di/, ['an']],
  [/^ke/, ['i', 'kan']],
  [/^me/, ['an']],
  [/^te/, ['an']],
];
/** Words the invalid-pair rule would wrongly block (ECS's own exceptions). */
const PAIR_EXCEPTIONS = new Set(['ketahui', 'menangkan']);

/** Words whose root is remembered; past this the cache starts over (a few MB at most). */
const ROOT_CACHE_LIMIT = 100_000;

export class IndonesianStemmer {
  /**
   * Word -> root (or none). The analysis asks for the root of one word several times
   * (language, kind, reading, spelling), each a search over affix layers with a lexicon
   * lookup per step; words recur from question to question.
   */
  private readonly rootCache = new BoundedMemo<string | undefined>(ROOT_CACHE_LIMIT);

  constructor(
    private readonly roots: RootLexicon,
    /** For words with no root in the lexicon; identity when absent. */
    private readonly fallback: (word: string) => string = (word) => word,
  ) {}

  /** The root of a lower-case word, or `fallback(word)` when the lexicon has none. */
  stem(word: string): string {
    return this.findRoot(word) ?? this.fallback(word);
  }

  /** The root of a lower-case word in the lexicon, or undefined when there is none. */
  findRoot(word: string): string | undefined {
    return this.rootCache.get(word, (w) => this.lookUpRoot(w));
  }

  /**
   * The root of a spelling tried once (a candidate correction, see SpellingCorrector.correctForm),
   * not remembered: hundreds of them per misspelt word would push real words out of the memo.
   */
  rootOfSpelling(word: string): string | undefined {
    return this.lookUpRoot(word);
  }

  private lookUpRoot(word: string): string | undefined {
    if (word.length <= 3) return this.roots.has(word) ? word : undefined;
    if (this.roots.has(word)) return word;
    if (word.includes('-')) return this.reduplicated(word);
    return this.singular(word);
  }

  /** "buku-buku" -> buku, "berbalas-balasan" -> balas, "meniru-nirukan" -> tiru; "bolak-balik" stays. */
  private reduplicated(word: string): string | undefined {
    const parts = word.split('-');
    if (parts.length !== 2 || !parts[0] || !parts[1]) return undefined;
    let [first, second] = parts as [string, string];
    // "kuasa-mu", "allah-lah": a clitic after the hyphen.
    if (/^(ku|mu|nya|lah|kah|pun)$/.test(second)) return this.findRoot(first) ?? (this.roots.has(first) ? first : undefined);
    const rootA = this.findRoot(first);
    let rootB = this.findRoot(second);
    // "meniru-nirukan": the second part repeats the first without its prefix.
    if (rootB === undefined && /^me/.test(first)) rootB = this.findRoot(`me${second}`) ?? this.findRoot(`men${second}`);
    if (rootA !== undefined && rootA === rootB) return rootA;
    return undefined;
  }

  /**
   * Every reading ECS explores, in its order: the confix path first for be-...-an and
   * di-/me-/pe-/te-...-i; the suffixes, checking the lexicon after each; the prefixes of
   * what is left; then the removed suffixes restored one by one, with "-kan" also read
   * as "k" + "-an" ("pengembalian akhiran"). The first root found wins.
   */
  private singular(word: string): string | undefined {
    const found: string[] = [];
    if (PREFIX_FIRST.test(word)) this.removePrefixes(word, found, 0, undefined, true);
    if (found.length) return found[0];
    const inflected = this.inflectionalStages(word);
    // Particles and possessives attach to any word, even one hunspell lists without affixes ("botnya", "SMS-nya").
    for (const form of inflected) if (this.roots.has(form)) return form;
    const stem = inflected[inflected.length - 1] ?? word;
    const derived = this.derivationalStages(stem);
    for (const form of derived.map((d) => d.word)) this.collect(form, found);
    if (found.length) return found[0];
    for (const d of derived) if (!this.invalidPair(word, d.removed)) this.removePrefixes(d.word, found);
    if (found.length) return found[0];
    for (const d of derived) if (d.removed === 'kan' && !this.invalidPair(word, 'an')) this.removePrefixes(`${d.word}k`, found);
    for (const form of [...inflected].reverse()) this.removePrefixes(form, found);
    this.removePrefixes(word, found);
    if (found.length) return found[0];
    // Adopted foreign suffixes last: "-is" also ends native words (menipis, tipis).
    for (const d of this.foreignStages(stem)) {
      this.collect(d, found);
      this.removePrefixes(d, found);
    }
    this.infixed(word, found);
    return found[0];
  }

  /** The word after removing its particle (-lah, -kah, -tah, -pun), then its possessive (-ku, -mu, -nya). */
  private inflectionalStages(word: string): string[] {
    const stages: string[] = [];
    let current = word;
    for (const pattern of [PARTICLE, POSSESSIVE]) {
      const m = pattern.exec(current);
      if (m && m[1]!.length >= MIN_ROOT) stages.push((current = m[1]!));
    }
    return stages;
  }

  /** The readings of one derivational suffix: "-kan" before "-an", then "-i". */
  private derivationalStages(word: string): { word: string; removed: string }[] {
    return ['kan', 'an', 'i']
      .filter((suffix) => word.endsWith(suffix) && word.length - suffix.length >= MIN_ROOT)
      .map((suffix) => ({ word: word.slice(0, -suffix.length), removed: suffix }));
  }

  /** Adopted foreign suffixes: idealis, idealisme, finalisasi. */
  private foreignStages(word: string): string[] {
    return ['isasi', 'isme', 'is'].filter((suffix) => word.endsWith(suffix) && word.length - suffix.length >= MIN_ROOT).map((suffix) => word.slice(0, -suffix.length));
  }

  /** The suffix readings of a word (for the confix path): inflectional stages, then derivational ones. */
  private suffixReadings(word: string): string[] {
    const inflected = this.inflectionalStages(word);
    return [...inflected, ...this.derivationalStages(inflected[inflected.length - 1] ?? word).map((d) => d.word)];
  }

  private invalidPair(word: string, suffix: string): boolean {
    if (PAIR_EXCEPTIONS.has(word)) return false;
    return INVALID_PAIRS.some(([prefix, suffixes]) => prefix.test(word) && suffixes.includes(suffix));
  }

  /**
   * Up to three layers of prefixes, depth first over the disambiguation rules'
   * readings, collecting every root reached; with `thenSuffixes` each remainder's
   * suffixes are tried too (the confix path).
   */
  private removePrefixes(word: string, found: string[], depth = 0, previous?: string, thenSuffixes = false): void {
    if (depth >= MAX_PREFIX_LAYERS) return;
    for (const { remainder, prefix } of this.prefixReadings(word)) {
      if (prefix === previous && prefix !== 'per') continue; // the same prefix twice is not Indonesian
      this.collect(remainder, found);
      if (thenSuffixes) for (const form of this.suffixReadings(remainder)) this.collect(form, found);
      this.removePrefixes(remainder, found, depth + 1, prefix, thenSuffixes);
    }
  }

  private collect(word: string, found: string[]): void {
    if (word.length >= MIN_ROOT && this.roots.has(word) && this.roots.takesAffixes(word)) found.push(word);
  }

  /**
   * The readings of a word's first prefix, in the order of ECS's disambiguation rules
   * (rule numbers as in the papers). Each reading is the word with that prefix removed
   * and the root's first letter restored where the prefix had absorbed it (meN-, peN-).
   */
  prefixReadings(word: string): { prefix: string; remainder: string }[] {
    // Most spellings the form search tries start with no prefix at all: no readings, nothing built.
    if (!PREFIX_START.test(word)) return [];
    const out: { prefix: string; remainder: string }[] = [];
    const add = (prefix: string, remainder: string) => {
      if (remainder.length >= 2 && !out.some((o) => o.remainder === remainder)) out.push({ prefix, remainder });
    };
    const c = (i: number) => word[i];

    // Plain prefixes; "ku-" and "kau-" are the proclitic pronouns (kupukul, kauhajar).
    if (word.startsWith('di')) add('di', word.slice(2));
    if (word.startsWith('ke')) add('ke', word.slice(2));
    if (word.startsWith('se')) add('se', word.slice(2));
    if (word.startsWith('kau')) add('kau', word.slice(3));
    else if (word.startsWith('ku')) add('ku', word.slice(2));

    if (word.startsWith('be')) {
      if (word === 'belajar' || word.startsWith('belajar')) add('ber', word.slice(3)); // rule 4
      if (c(2) === 'r' && isVowel(c(3))) {
        add('ber', word.slice(3)); // 1a
        add('ber', word.slice(2)); // 1b: be-rV
      } else if (c(2) === 'r' && isConsonant(c(3))) add('ber', word.slice(3)); // 2, 3
      else if (isConsonant(c(2)) && c(2) !== 'l' && word.slice(3, 5) === 'er') add('ber', word.slice(2)); // 5
    }
    if (word.startsWith('te')) {
      if (c(2) === 'r' && isVowel(c(3))) {
        add('ter', word.slice(3)); // 6a
        add('ter', word.slice(2)); // 6b: te-rV
      } else if (c(2) === 'r' && isConsonant(c(3))) add('ter', word.slice(3)); // 7, 8, 35
      else if (isConsonant(c(2)) && word.slice(3, 5) === 'er') add('ter', word.slice(2)); // 9
    }
    if (word.startsWith('me')) {
      if ('lrwy'.includes(c(2) ?? '') && isVowel(c(3))) add('me', word.slice(2)); // 10
      if (c(2) === 'm') {
        if ('bfv'.includes(c(3) ?? '')) add('me', word.slice(3)); // 11
        if (word.startsWith('mempe')) add('me', word.slice(3)); // 12: mempe-
        if (c(3) === 'p' && c(4) !== 'e') add('me', word.slice(3)); // 19: memp-A
        if (isVowel(c(3)) || (c(3) === 'r' && isVowel(c(4)))) {
          add('me', `m${word.slice(3)}`); // 13a
          add('me', `p${word.slice(3)}`); // 13b
        }
      }
      if (c(2) === 'n') {
        if (c(3) === 'g') {
          if ('ghqk'.includes(c(4) ?? '')) add('me', word.slice(4)); // 16
          if (isVowel(c(4))) {
            add('me', word.slice(4)); // 17a
            add('me', `k${word.slice(4)}`); // 17b
            if (c(4) === 'e') add('me', word.slice(5)); // 17c: menge- before a one-syllable root
            add('me', `ng${word.slice(4)}`); // 17d: me-ngV (menganga)
          }
        } else if (c(3) === 'y' && isVowel(c(4))) {
          add('me', `s${word.slice(4)}`); // 18b
          add('me', `ny${word.slice(4)}`); // 18a
        } else if ('cdjszt'.includes(c(3) ?? '')) add('me', word.slice(3)); // 14 (with s: mensyaratkan; t: mentaati)
        else if (isVowel(c(3))) {
          add('me', `n${word.slice(3)}`); // 15a
          add('me', `t${word.slice(3)}`); // 15b
        }
      }
    }
    if (word.startsWith('pe')) {
      if ('wy'.includes(c(2) ?? '') && isVowel(c(3))) add('pe', word.slice(2)); // 20
      if (c(2) === 'r') {
        if (isVowel(c(3))) {
          add('per', word.slice(3)); // 21a
          add('per', word.slice(2)); // 21b: pe-rV
        } else add('per', word.slice(3)); // 23, 24
      }
      if (c(2) === 'm') {
        if ('bfv'.includes(c(3) ?? '')) add('pe', word.slice(3)); // 25
        if (isVowel(c(3)) || (c(3) === 'r' && isVowel(c(4)))) {
          add('pe', `m${word.slice(3)}`); // 26a
          add('pe', `p${word.slice(3)}`); // 26b
        }
      }
      if (c(2) === 'n') {
        if (c(3) === 'g') {
          if ('ghqk'.includes(c(4) ?? '')) add('pe', word.slice(4)); // 29
          if (isVowel(c(4))) {
            add('pe', word.slice(4)); // 30a
            add('pe', `k${word.slice(4)}`); // 30b
            if (c(4) === 'e') add('pe', word.slice(5)); // 30c: penge-
          }
        } else if (c(3) === 'y' && isVowel(c(4))) {
          add('pe', `s${word.slice(4)}`); // 31b
          add('pe', `ny${word.slice(4)}`); // 31a
        } else if ('cdjszt'.includes(c(3) ?? '')) add('pe', word.slice(3)); // 27 (s, t: penstabilan, pentranskripsi)
        else if (isVowel(c(3))) {
          add('pe', `n${word.slice(3)}`); // 28a
          add('pe', `t${word.slice(3)}`); // 28b
        }
      }
      if (word.startsWith('pelajar')) add('pe', word.slice(3)); // 32's exception
      if (c(2) === 'l' && isVowel(c(3))) add('pe', word.slice(2)); // 32
      if (isConsonant(c(2)) && !'rwylmn'.includes(c(2)!)) add('pe', word.slice(2)); // 33, 34, 36
    }
    return out;
  }

  /** Infixes -el-, -em-, -er-, -in- (telunjuk, gemetar, gerigi, kinerja) and the "le-"/"re-" of lelembut, rerata. */
  private infixed(word: string, found: string[]): void {
    if (isConsonant(word[0]) && /^(el|em|er|in)$/.test(word.slice(1, 3))) this.collect(word[0] + word.slice(3), found);
    if (isConsonant(word[0]) && word[1] === 'e' && word[2] === word[0]) this.collect(word.slice(2), found);
  }
}
