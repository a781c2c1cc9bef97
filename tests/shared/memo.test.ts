import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../src/shared/memo.js';

describe('BoundedMemo', () => {
  it('computes a key once, an undefined result included, and starts over past its limit', () => {
    const memo = new BoundedMemo<string | undefined>(2);
    const calls: string[] = [];
    const compute = (key: string) => {
      calls.push(key);
      return key === 'none' ? undefined : key.toUpperCase();
    };
    expect(memo.get('a', compute)).toBe('A');
    expect(memo.get('none', compute)).toBeUndefined();
    expect(memo.get('a', compute)).toBe('A');
    expect(memo.get('none', compute)).toBeUndefined();
    expect(calls).toEqual(['a', 'none']);
    memo.get('b', compute); // a third key: the memory starts over
    memo.get('a', compute);
    expect(calls).toEqual(['a', 'none', 'b', 'a']);
  });
});
