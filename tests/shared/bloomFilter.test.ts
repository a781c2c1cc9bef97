import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/analysis/lexicon.js';
import { BloomFilter } from '../../src/shared/bloomFilter.js';

describe('BloomFilter', () => {
  const roots = loadLexicon().roots;
  const filter = new BloomFilter(roots.keys(), roots.size);

  it('never says no to a word of the set (every root of the lexicon)', () => {
    const missed = [...roots.keys()].filter((word) => !filter.mayHave(word));
    expect(missed).toEqual([]);
  });

  it('says no to nearly every other word: spellings one letter off the roots, which is what the form search asks about', () => {
    const others: string[] = [];
    for (const word of [...roots.keys()].slice(0, 5000)) {
      const changed = word.slice(0, -1) + (word.endsWith('q') ? 'x' : 'q');
      if (!roots.has(changed)) others.push(changed, `x${word}`);
    }
    const passed = others.filter((word) => filter.mayHave(word)).length;
    expect(others.length).toBeGreaterThan(9000);
    // 16 bits a word and 3 probes: about 0.4% expected.
    expect(passed / others.length).toBeLessThan(0.01);
  });

  it('works for a set of one, and for none', () => {
    const one = new BloomFilter(['gambut'], 1);
    expect(one.mayHave('gambut')).toBe(true);
    expect(new BloomFilter([], 0).mayHave('gambut')).toBe(false);
  });
});
