import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/analysis/analyzer.js';
import { neighbourSwaps, SpellingCorrector, swappedMisspellings, withinEdits } from '../../src/analysis/spelling.js';
import { loadLexicon } from '../../src/analysis/lexicon.js';

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

describe('misspelt affixed and informal forms', () => {
  // Forms the frequency list lacks, so only their roots tell what they misspell.
  it.each([
    ['diasnksi', 'sanksi', 'disanksi'], // two letters swapped inside a prefixed word
    ['dibgiin', 'bagi', 'dibagiin'], // a letter left out of an informal -in form
    ['kemarauyna', 'kemarau', 'kemaraunya'], // the typo in the clitic -nya
  ])('%s reads as the form it misspells (root %s), weaker, and is a word, not a name', (word, root, form) => {
    const found = term(`kenapa ${word} gitu`, word);
    expect(found?.kind).toBe('word');
    expect(found?.root).toBe(root);
    expect(found?.alternatives[0]).toMatchObject({ term: root, corrected: true });
    expect(found?.alternatives[0]?.factor).toBeLessThan(1);
    expect(found?.alternatives.at(-1)).toMatchObject({ term: analyzer.stem(word), factor: 1 }); // the word as written stays
    expect(analyzer.spellingCorrections(`kenapa ${word} gitu`).get(word)).toBe(form);
  });

  it("searches only a question's first two such words, and none of more than 16 letters (the search grows with the length)", () => {
    const kinds = analyzer.analyzeQuery('diasnksi dibgiin kemarauyna').map((t) => t.kind);
    expect(kinds).toEqual(['word', 'word', 'topic']);
    expect(term('kemarauyna dong', 'kemarauyna')?.kind).toBe('word'); // alone, it is searched
    // 17 letters: left as written, though "pertanggungjawaban" is one edit away.
    expect(term('apa pertanggungjwaban dia', 'pertanggungjwaban')?.alternatives.map((a) => a.term)).not.toContain('tanggungjawab');
    expect(term('apa tanggungjwaban dia', 'tanggungjwaban')?.alternatives.map((a) => a.term)).toContain('tanggungjawab'); // 14: searched
  });

  it('leaves the search out while a question is still being typed (autocomplete), and remembers the two readings apart', () => {
    const fresh = new Analyzer();
    const reading = (typing: boolean) => fresh.analyzeQuery('kenapa rusia diasnksi', { typing }).find((t) => t.surface === 'diasnksi');
    expect(reading(true)?.kind).toBe('topic');
    expect(fresh.spellingCorrections('kenapa rusia diasnksi', { typing: true }).size).toBe(0);
    expect(reading(false)?.root).toBe('sanksi'); // the question sent is searched, though its text was read while typed
    expect(fresh.withCorrectedSpelling('kenapa rusia diasnksi')).toBe('kenapa rusia disanksi');
  });

  it('leaves a name no list has alone, and does nothing with the option off', () => {
    expect(term('zelensky bilang apa', 'zelensky')?.kind).toBe('topic');
    expect(term('vostochny itu apa', 'vostochny')?.kind).toBe('topic');
    expect(new Analyzer({ formSpelling: false }).analyzeQuery('kenapa diasnksi').find((t) => t.surface === 'diasnksi')?.kind).toBe('topic');
  });

  it('corrects only to a root in everyday use, clearly more frequent than any other root a spelling reaches', () => {
    const roots = new Map([['sanksi', 'sanksi'], ['saksi', 'saksi'], ['tarik', 'tarik'], ['ekon', 'ekon']]);
    // A toy reading: a root, or "di" + a root.
    const rootOf = (spelling: string) => roots.get(spelling) ?? roots.get(spelling.replace(/^di/, ''));
    const filler = Array.from({ length: 20 }, (_, i) => [`filler${i}`, 10] as [string, number]);
    const corrector = new SpellingCorrector(new Map([['sanksi', 900], ['tarik', 1000], ...filler]), () => true);
    expect(corrector.correctForm('diasnksi', rootOf)).toBe('disanksi');
    expect(corrector.correctForm('ditraik', rootOf)).toBe('ditarik');
    expect(corrector.correctForm('diekonm', rootOf)).toBeUndefined(); // "ekon" is a root, but no one writes it
    // "disanksi" and "disaksi" are both one edit from "disabksi": two roots of like frequency, a guess.
    const close = new SpellingCorrector(new Map([['sanksi', 900], ['saksi', 800], ...filler]), () => true);
    expect(close.correctForm('disabksi', rootOf)).toBeUndefined();
    expect(corrector.correctForm('disabksi', rootOf)).toBe('disanksi'); // without "saksi" in use, not a guess
    expect(new SpellingCorrector(new Map([['sanksi', 900], ['disanksi', 5], ...filler]), () => true).correctForm('disanksi', rootOf)).toBeUndefined(); // a form the list has is a word
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

describe('swappedMisspellings (for the warm-up and bench:spelling)', () => {
  it('gives misspellings the frequency list lacks, each a swap of two inner neighbours of a listed word, the same every time', () => {
    const counts = loadLexicon().frequency.counts;
    const words = swappedMisspellings(counts, 48);
    expect(words).toHaveLength(48);
    expect(new Set(words).size).toBe(48);
    for (const word of words) {
      expect(counts.has(word)).toBe(false);
      expect([...neighbourSwaps(word)].some((spelling) => counts.has(spelling))).toBe(true);
    }
    expect(swappedMisspellings(counts, 48)).toEqual(words);
  });
});
