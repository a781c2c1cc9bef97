import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { SpellingCorrector, withinEdits } from '../../src/analysis/spelling.js';

const analyzer = new Analyzer();
const term = (question: string, surface: string) => analyzer.analyzeQuery(question).find((t) => t.surface === surface);

describe('misspelt common words', () => {
  it.each([
    ['terakhr', 'akhir'], // a letter left out; the correction's root
    ['signifkan', 'signifikan'],
    ['pertandignan', 'tanding'], // two letters swapped
  ])('%s also reads as the word it misspells (%s), weaker, and is a word, not a name', (word, root) => {
    const found = term(`indonesia ${word} apa`, word);
    expect(found?.kind).toBe('word');
    // The correction's reading first, weaker; the word as written (stemmed) kept, in case it is a name after all.
    expect(found?.alternatives.map((a) => a.term)).toEqual([root, analyzer.stem(word)]);
    expect(found?.alternatives[0]?.factor).toBeLessThan(1);
    expect(found?.alternatives[1]?.factor).toBe(1);
  });

  it('reads a correction as the word it corrects to is read: an informal form through the table, marked as a correction', () => {
    const found = term('putin ketmu kim', 'ketmu');
    expect(found?.alternatives.map((a) => a.term)).toEqual(['temu', 'ketmu']); // "ketemu", informal "bertemu"
    expect(found?.alternatives[0]).toMatchObject({ factor: 0.8, corrected: true });
    expect(term('gimaan', 'gimaan')?.alternatives[0]?.term).toBe('bagaimana'); // a listed informal form may be the correction (alone, as stopwords are kept)
  });

  it('puts misspelt words right in a question, for reading what it asks; names and known words stay', () => {
    expect(analyzer.withCorrectedSpelling('siapa yg dimakud kekuatan jahat')).toBe('siapa yg dimaksud kekuatan jahat');
    expect(analyzer.withCorrectedSpelling('Tahun berpaa Rusia menginvasi Ukraina?')).toBe('Tahun berapa Rusia menginvasi Ukraina?');
    expect(analyzer.withCorrectedSpelling('Kapan Prigozin tewas?')).toBe('Kapan Prigozin tewas?');
    expect(new Analyzer({ spelling: false }).withCorrectedSpelling('Tahun berpaa')).toBe('Tahun berpaa');
  });

  it('keeps a capitalised word inside a sentence as a name: the engine matches its spelling against the articles', () => {
    expect(term('Siapa Struik itu?', 'struik')?.kind).toBe('topic');
  });

  it('leaves a word the frequency list has alone, however close to a common word ("putin" is not "putih")', () => {
    expect(term('putin ngomong apa', 'putin')?.alternatives.map((a) => a.term)).toEqual(['putin']);
  });

  it('drops the misspelling of a stopword as it drops the stopword', () => {
    const withTypo = analyzer.analyzeQuery('kenapa sanksi trhadap korut').map((t) => t.surface);
    expect(withTypo).toEqual(['sanksi', 'korut']);
  });

  it('corrects only to a clearly most frequent word, from five letters, and never with the option off', () => {
    const counts = new Map([['kabar', 900], ['kabur', 800], ['rumah', 5000], ...Array.from({ length: 20 }, (_, i) => [`filler${i}`, 10] as [string, number])]);
    const corrector = new SpellingCorrector(counts, () => true);
    expect(corrector.correct('rumha')).toBe('rumah');
    expect(corrector.correct('rumha')).toBe('rumah'); // remembered, the same
    expect(corrector.correct('kabir')).toBeUndefined(); // kabar or kabur
    expect(corrector.correct('kabir')).toBeUndefined();
    expect(corrector.correct('ruma')).toBeUndefined(); // four letters
    expect(new SpellingCorrector(counts, () => false).correct('rumha')).toBeUndefined();
    // A word rarer than the ranks allow only when the dictionary has it as a root word.
    const rare = new Map([['klasemen', 1], ...Array.from({ length: 40_000 }, (_, i) => [`kata${i}`, 100] as [string, number])]);
    expect(new SpellingCorrector(rare, () => true).correct('klaemen')).toBeUndefined();
    expect(new SpellingCorrector(rare, () => true, (c) => c === 'klasemen').correct('klaemen')).toBe('klasemen');
    expect(term('lihat klaemen grup', 'klaemen')?.alternatives[0]?.term).toBe('klasemen');
    expect(new Analyzer({ spelling: false }).analyzeQuery('indonesia terakhr').find((t) => t.surface === 'terakhr')?.kind).toBe('topic');
  });
});

describe('withinEdits', () => {
  it('counts a letter left out, added or changed as one edit', () => {
    expect(withinEdits('prigozhin', 'prigozin', 1)).toBe(true);
    expect(withinEdits('shoigu', 'shoygu', 1)).toBe(true);
    expect(withinEdits('shoigu', 'shoyguu', 1)).toBe(false);
  });

  it("counts two neighbouring letters swapped as one edit, as the engine's typo neighbours do", () => {
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
