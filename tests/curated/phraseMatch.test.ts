import { describe, expect, it } from 'vitest';
import { withinEdits } from '../../src/curated/phraseMatch.js';

describe('withinEdits', () => {
  it('counts a letter left out, added or changed as one edit', () => {
    expect(withinEdits('prigozhin', 'prigozin', 1)).toBe(true);
    expect(withinEdits('shoigu', 'shoygu', 1)).toBe(true);
    expect(withinEdits('shoigu', 'shoyguu', 1)).toBe(false);
  });

  it('counts two neighbouring letters swapped as one edit, as the engine and the spelling corrector do', () => {
    expect(withinEdits('ukraina', 'ukriana', 1)).toBe(true);
    expect(withinEdits('prigozhin', 'prigozihn', 1)).toBe(true);
    expect(withinEdits('prigozhin', 'pirgozihn', 1)).toBe(false);
    expect(withinEdits('prigozhin', 'pirgozihn', 2)).toBe(true);
  });

  it('is exact at limit 0 and refuses lengths too far apart', () => {
    expect(withinEdits('kim', 'kim', 0)).toBe(true);
    expect(withinEdits('kim', 'kin', 0)).toBe(false);
    expect(withinEdits('wagner', 'wagnerian', 2)).toBe(false);
  });
});
