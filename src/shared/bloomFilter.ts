/**
 * A Bloom filter (Bloom, 1970) over a fixed set of words: `mayHave` is false only for a
 * word not in the set, and true for about 1 in 250 words outside it (16 bits a word, 3
 * probes). The misspelt-form search asks the root lexicon about a thousand spellings for
 * each unknown word, nearly all absent; this answers most of them from 64 kB that stay in
 * the CPU cache, where each probe of the 30,000-entry Map was a miss (see README,
 * "Performance"). Written here rather than taken from npm: the packages on the registry hash
 * through strings or buffers, which would cost more than the Map lookup saved.
 */
export class BloomFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  constructor(words: Iterable<string>, count: number, bitsPerWord = 16) {
    // A power of two, so a probe is a mask, not a division.
    let size = 32;
    while (size < count * bitsPerWord) size *= 2;
    this.bits = new Uint32Array(size / 32);
    this.mask = size - 1;
    for (const word of words) this.add(word);
  }

  /** False: the word is not in the set. True: it probably is. */
  mayHave(word: string): boolean {
    const first = fnv1a(word);
    const step = mix(first) | 1;
    for (let i = 0, at = first; i < PROBES; i++, at = (at + step) | 0) {
      const bit = at & this.mask;
      if ((this.bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  private add(word: string): void {
    const first = fnv1a(word);
    const step = mix(first) | 1;
    for (let i = 0, at = first; i < PROBES; i++, at = (at + step) | 0) {
      const bit = at & this.mask;
      this.bits[bit >>> 5]! |= 1 << (bit & 31);
    }
  }
}

const PROBES = 3;

/** FNV-1a over the UTF-16 code units. */
function fnv1a(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** MurmurHash3's finaliser: a second hash from the first, for the probes' step (double hashing). */
function mix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}
